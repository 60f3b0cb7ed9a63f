"""``actions match``: show whether a subscription (FQL) matches each event."""

from __future__ import annotations

from typing import IO

import click

from ..errors import ActionsError, FQLSyntaxError
from ..subscriptions import compile_fql
from .jsonl import error_line, read_events


@click.command("match")
@click.argument("fql")
@click.argument("events", type=click.File("r", encoding="utf-8"), default="-")
def match_command(fql: str, events: IO[str]) -> None:
    """Test the subscription FQL against each event of EVENTS (JSON Lines; '-' or nothing reads stdin).

    Prints true or false, one line per event. Invalid FQL exits 2 with the position and the reason;
    expressions that Segment reads differently from how they look get a warning on stderr.
    """
    try:
        subscription = compile_fql(fql)
    except FQLSyntaxError as error:
        click.echo(f"error: invalid subscription: {error}", err=True)
        click.echo(_indent(error.pointer()), err=True)
        raise SystemExit(2) from None
    for warning in subscription.warnings:
        click.echo(f"warning: {warning.message} (at position {warning.position})", err=True)
        click.echo(_indent(f"{fql}\n{' ' * warning.position}^"), err=True)
    failed = False
    for line in read_events(events):
        if line.error is not None:
            click.echo(error_line(line.error))
            failed = True
            continue
        try:
            click.echo("true" if subscription.matches(line.event) else "false")
        except ActionsError as error:
            click.echo(error_line(error, line=line.number))
            failed = True
    if failed:
        raise SystemExit(1)


def _indent(text: str) -> str:
    return "\n".join(f"  {row}" for row in text.splitlines())
