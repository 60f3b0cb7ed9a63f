"""``actions validate``: lint destination definitions before any event reaches them."""

from __future__ import annotations

import click

from ..lint import lint_destination
from .installed import find_destination, installed_destinations


@click.command("validate")
@click.argument("destination", required=False)
def validate_command(destination: str | None) -> None:
    """Check DESTINATION's definition (a short name or a slug; every installed one when omitted).

    Prints every finding, one per line, as "severity: location: message". Errors (presets naming
    missing actions, defaults that are not valid mappings, FQL that does not parse, malformed
    fields, presets that cannot fill their action's required fields) exit 1; warnings alone exit 0.
    """
    if destination is None:
        destinations = [item.destination for item in installed_destinations()]
    else:
        destinations = [find_destination(destination).destination]
    findings = [finding for each in destinations for finding in lint_destination(each)]
    for finding in findings:
        click.echo(str(finding))
    errors = sum(finding.severity == "error" for finding in findings)
    warnings = len(findings) - errors
    checked = _count(len(destinations), "destination")
    if errors:
        click.echo(f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {checked}")
        raise SystemExit(1)
    click.echo(f"ok: {checked} checked, {_count(warnings, 'warning')}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
