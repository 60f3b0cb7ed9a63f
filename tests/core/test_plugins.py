"""The plugin registry: destinations found by short name or slug, and clear errors for bad plugins."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from actions_core import (
    Action,
    ActionData,
    Destination,
    DuplicateDestinationError,
    PluginLoadError,
    Registry,
    UnknownDestinationError,
    hookimpl,
)


async def perform(request: Any, data: ActionData) -> None:
    return None


def destination(key: str, slug: str) -> Destination:
    return Destination(
        key=key, name=key.title(), slug=slug, actions=[Action(key="a", title="A", perform=perform)]
    )


def plugin(*provided: Any) -> object:
    """An object implementing the hook, as a plugin module would."""

    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Any]:
            return list(provided)

    return Plugin()


def test_a_destination_is_found_by_short_name_and_by_slug() -> None:
    crm = destination("crm", "actions-crm")
    registry = Registry()
    registry.register(plugin(crm), name="crm", package="crm-plugin 1.0")

    assert registry.get("crm") is crm
    assert registry.get("actions-crm") is crm
    found = registry.find("crm")
    assert (found.plugin, found.package) == ("crm", "crm-plugin 1.0")


def test_two_plugins_claiming_one_name_is_an_error_naming_both() -> None:
    registry = Registry()
    registry.register(plugin(destination("crm", "actions-crm")), name="crm", package="crm 1.0")
    registry.register(
        plugin(destination("crm", "actions-crm-2")), name="crm-fork", package="crm-fork 0.3"
    )

    with pytest.raises(DuplicateDestinationError) as raised:
        registry.installed()

    # Plugins are visited in name order, so the message is the same on every run.
    assert str(raised.value) == (
        'two plugins provide a destination named "crm": "crm" (crm 1.0) and "crm-fork" '
        "(crm-fork 0.3); uninstall one of them"
    )


def test_two_plugins_claiming_one_slug_is_an_error_too() -> None:
    registry = Registry()
    registry.register(plugin(destination("crm", "actions-crm")), name="crm", package="crm 1.0")
    registry.register(plugin(destination("other", "actions-crm")), name="other", package="o 2")

    with pytest.raises(DuplicateDestinationError) as raised:
        registry.get("crm")

    assert str(raised.value) in {
        'two plugins provide a destination named "actions-crm": "crm" (crm 1.0) and "other" '
        "(o 2); uninstall one of them",
        'two plugins provide a destination named "actions-crm": "other" (o 2) and "crm" '
        "(crm 1.0); uninstall one of them",
    }


@pytest.mark.parametrize(
    ("returned", "kind"),
    [
        ({"key": "crm"}, "dict"),
        ("crm", "str"),
        (None, "NoneType"),
    ],
    ids=["dict", "text", "none"],
)
def test_a_hook_returning_something_else_than_destinations_is_a_load_error(
    returned: Any, kind: str
) -> None:
    registry = Registry()
    registry.register(plugin(returned), name="broken", package="broken 0.1")

    with pytest.raises(PluginLoadError) as raised:
        registry.installed()

    assert str(raised.value) == (
        f'plugin "broken": actions_destinations() must return Destination objects, got {kind}'
    )


def test_a_misspelt_hook_is_a_load_error() -> None:
    class Misspelt:
        @hookimpl
        def actions_destination(self) -> list[Destination]:
            return []

    with pytest.raises(PluginLoadError) as raised:
        Registry().register(Misspelt(), name="typo")

    assert str(raised.value).startswith(
        """plugin "typo" is invalid: unknown hook 'actions_destination' in plugin"""
    )


def test_an_unknown_name_lists_the_destinations_that_exist() -> None:
    registry = Registry()
    registry.register(plugin(destination("crm", "actions-crm")), name="crm")

    with pytest.raises(UnknownDestinationError) as raised:
        registry.get("cmr")

    assert str(raised.value) == 'no destination named "cmr" (installed: crm)'


def test_a_plugin_module_without_the_hook_provides_nothing() -> None:
    registry = Registry()
    registry.register(ModuleType("empty_plugin"), name="empty")

    assert registry.installed() == []
