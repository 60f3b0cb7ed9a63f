"""Registers the Iterable destination with actions (entry point `actions` → `iterable`)."""

from __future__ import annotations

from actions_core import hookimpl
from actions_core.definitions import Destination


@hookimpl
def actions_destinations() -> list[Destination]:
    from .destination import destination

    return [destination]
