"""Finding destinations for commands, and exiting 2 with a clear message when one cannot be used.

Commands look destinations up in the registry given as click's context object
(``CliRunner().invoke(main, args, obj=registry)``), or else in the plugins installed in this
environment. Tests and embedding programs inject a registry this way, without patching anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

import click

from ..errors import ActionsError
from ..plugins import InstalledDestination, Registry, default_registry

__all__ = ["exit_invalid", "find_destination", "installed_destinations", "registry"]


def exit_invalid(message: str, details: Iterable[str] = ()) -> NoReturn:
    """Print ``error: message`` and each detail indented on stderr, then exit 2 (invalid input)."""
    click.echo(f"error: {message}", err=True)
    for detail in details:
        click.echo(f"  {detail}", err=True)
    raise SystemExit(2)


def registry() -> Registry:
    """The registry given to the command line as its context object, else the installed plugins."""
    given = click.get_current_context().find_object(Registry)
    if given is not None:
        return given
    try:
        return default_registry()
    except ActionsError as error:
        exit_invalid(f"the installed plugins cannot be loaded: {error}")


def find_destination(name: str) -> InstalledDestination:
    """The destination whose short name or slug is ``name``; exit 2 naming those that exist."""
    chosen = registry()
    try:
        return chosen.find(name)
    except ActionsError as error:  # also a plugin whose hook failed (PluginLoadError names it)
        exit_invalid(str(error))


def installed_destinations() -> list[InstalledDestination]:
    """Every destination, sorted by short name; exit 2 when two plugins claim one name."""
    chosen = registry()
    try:
        return chosen.installed()
    except ActionsError as error:  # also a plugin whose hook failed (PluginLoadError names it)
        exit_invalid(str(error))
