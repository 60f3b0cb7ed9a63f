"""Destination plugins: pluggy hooks, discovered through the ``actions`` entry-point group.

A plugin is any installed package that declares, in its ``pyproject.toml``::

    [project.entry-points.actions]
    mydest = "my_package.plugin"

where ``my_package.plugin`` implements the hook::

    from actions_core import hookimpl

    @hookimpl
    def actions_destinations():
        return [destination]

The bundled Insider and Iterable destinations are registered exactly this way: the core knows no
destination by name.
"""

from __future__ import annotations

import functools
import importlib.metadata
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import attrs
import pluggy

from .definitions import Destination
from .errors import ActionsError, DuplicateDestinationError, UnknownDestinationError

__all__ = [
    "ENTRY_POINT_GROUP",
    "InstalledDestination",
    "PluginLoadError",
    "Registry",
    "default_registry",
    "hookimpl",
    "hookspec",
]

ENTRY_POINT_GROUP = "actions"

hookspec = pluggy.HookspecMarker("actions")
hookimpl = pluggy.HookimplMarker("actions")


class DestinationHooks:
    """The hooks a plugin may implement."""

    @hookspec
    def actions_destinations(self) -> list[Destination]:  # type: ignore[empty-body]
        """Return the destinations this plugin provides.

        Called once per registry, for every plugin; the results of all plugins are combined. A
        destination's ``key`` and ``slug`` must be unique across every installed plugin.

        :return: a list of :class:`~actions_core.Destination` objects.
        """


class PluginLoadError(ActionsError):
    """An installed plugin could not be imported or does not implement the hooks correctly."""

    code = "PLUGIN_LOAD_FAILED"


@attrs.frozen
class InstalledDestination:
    """A destination and where it came from, for ``actions list``."""

    destination: Destination
    plugin: str
    """The plugin's registered name (its entry-point name)."""
    package: str
    """The distribution that provides it, with its version (``actions 0.1.0``)."""


class Registry:
    """The destinations that plugins provide, found by short name or Segment slug."""

    def __init__(self) -> None:
        self._manager = pluggy.PluginManager("actions")
        self._manager.add_hookspecs(DestinationHooks)
        self._packages: dict[str, str] = {}
        self._index: dict[str, InstalledDestination] | None = None

    @classmethod
    def from_entry_points(cls, group: str = ENTRY_POINT_GROUP) -> Registry:
        """A registry holding every plugin installed in this environment."""
        registry = cls()
        for entry_point in importlib.metadata.entry_points(group=group):
            dist = entry_point.dist
            package = f"{dist.name} {dist.version}" if dist is not None else "unknown package"
            try:
                module = entry_point.load()
            except Exception as error:
                raise PluginLoadError(
                    f'plugin "{entry_point.name}" ({package}) failed to import '
                    f"{entry_point.value}: {type(error).__name__}: {error}"
                ) from error
            registry.register(module, name=entry_point.name, package=package)
        return registry

    def register(self, plugin: ModuleType | object, *, name: str, package: str = "") -> None:
        """Add a plugin (a module or object implementing the hooks), e.g. from a test."""
        try:
            self._manager.register(plugin, name=name)
            self._manager.check_pending()
        except (ValueError, pluggy.PluginValidationError) as error:
            raise PluginLoadError(f'plugin "{name}" is invalid: {error}') from error
        self._packages[name] = package or name
        self._index = None

    def installed(self) -> list[InstalledDestination]:
        """Every destination, sorted by short name."""
        unique = {item.destination.key: item for item in self._build_index().values()}
        return [unique[key] for key in sorted(unique)]

    def get(self, name: str) -> Destination:
        """The destination whose short name or slug is ``name``."""
        return self.find(name).destination

    def find(self, name: str) -> InstalledDestination:
        """Like :meth:`get`, with the plugin and package that provide the destination."""
        found = self._build_index().get(name)
        if found is None:
            raise UnknownDestinationError(name, [item.destination.key for item in self.installed()])
        return found

    def _build_index(self) -> dict[str, InstalledDestination]:
        """Every destination by short name and by slug; two plugins claiming one name is an error."""
        if self._index is not None:
            return self._index
        index: dict[str, InstalledDestination] = {}
        plugins = sorted(
            (self._manager.get_name(plugin) or "?", plugin)
            for plugin in self._manager.get_plugins()
        )  # sorted, so which plugin a duplicate-name error names first never varies
        for plugin_name, plugin in plugins:
            implementation = getattr(plugin, "actions_destinations", None)
            if implementation is None:
                continue
            try:
                provided = implementation()
            except Exception as error:
                raise PluginLoadError(
                    f'plugin "{plugin_name}" ({self._packages[plugin_name]}) failed in '
                    f"actions_destinations(): {type(error).__name__}: {error}"
                ) from error
            for destination in _as_destinations(provided, plugin_name):
                item = InstalledDestination(destination, plugin_name, self._packages[plugin_name])
                for name in {destination.key, destination.slug}:
                    other = index.get(name)
                    if other is not None:
                        raise DuplicateDestinationError(
                            f'two plugins provide a destination named "{name}": '
                            f'"{other.plugin}" ({other.package}) and "{plugin_name}" '
                            f"({item.package}); uninstall one of them"
                        )
                    index[name] = item
        self._index = index
        return index


def _as_destinations(result: Any, plugin_name: str) -> Iterable[Destination]:
    items = result if isinstance(result, list | tuple) else [result]
    for item in items:
        if not isinstance(item, Destination):
            raise PluginLoadError(
                f'plugin "{plugin_name}": actions_destinations() must return Destination objects, '
                f"got {type(item).__name__}"
            )
        yield item


@functools.cache
def default_registry() -> Registry:
    """The registry of the plugins installed in this environment, loaded once."""
    return Registry.from_entry_points()
