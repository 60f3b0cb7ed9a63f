"""``actions map``: show what a mapping produces for each event."""

from __future__ import annotations

from typing import IO

import click

from ..errors import ActionsError, MappingValidationError
from ..mapping import compile_mapping
from .jsonl import error_line, load_json_file, read_events, to_json


@click.command("map")
@click.option(
    "--mapping",
    "mapping_path",
    required=True,
    type=click.Path(dir_okay=False),
    help='A JSON file holding the mapping (directives such as {"@path": "$.userId"}).',
)
@click.argument("events", type=click.File("r", encoding="utf-8"), default="-")
def map_command(mapping_path: str, events: IO[str]) -> None:
    """Apply a mapping to each event of EVENTS (JSON Lines; '-' or nothing reads stdin).

    Prints one line per event: the mapped result as JSON, or {"error": {...}} for an event the
    mapping cannot be applied to. An invalid mapping prints every problem and exits 2.
    """
    try:
        mapping = compile_mapping(load_json_file(mapping_path, "--mapping"))
    except MappingValidationError as error:
        click.echo(f"error: {mapping_path} is not a valid mapping:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        raise SystemExit(2) from None
    failed = False
    for line in read_events(events):
        if line.error is not None:
            click.echo(error_line(line.error))
            failed = True
            continue
        try:
            click.echo(to_json(mapping.transform(line.event)))
        except ActionsError as error:
            click.echo(error_line(error, line=line.number))
            failed = True
    if failed:
        raise SystemExit(1)
