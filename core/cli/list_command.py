"""``actions list``: the destinations installed in this environment."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..plugins import InstalledDestination
from .installed import installed_destinations
from .jsonl import to_json

_COLUMNS = ("NAME", "SLUG", "TITLE", "ACTIONS", "PACKAGE")


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per destination and line.")
def list_command(as_json: bool) -> None:
    """List the installed destinations: short name, slug, title, actions and providing package.

    The table shows how many actions each destination has; --json lists their keys.
    """
    installed = installed_destinations()
    if as_json:
        for item in installed:
            click.echo(to_json(_as_record(item)))
        return
    if not installed:
        click.echo("no destinations installed")
        return
    rows = [
        (
            item.destination.key,
            item.destination.slug,
            item.destination.name,
            str(len(item.destination.actions)),
            item.package,
        )
        for item in installed
    ]
    for line in _table([_COLUMNS, *rows]):
        click.echo(line)


def _as_record(item: InstalledDestination) -> dict[str, object]:
    destination = item.destination
    return {
        "name": destination.key,
        "slug": destination.slug,
        "title": destination.name,
        "actions": list(destination.actions),
        "package": item.package,
    }


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, without trailing spaces."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
