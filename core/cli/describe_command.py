"""``actions describe``: a destination's settings, presets, actions and fields."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import click

from ..definitions import Destination
from ..describe import describe_destination
from ..errors import ActionsError
from ..fields import Conditions, Field
from ..reference_page import describe_conditions
from .installed import exit_invalid, find_destination
from .jsonl import to_json


@click.command("describe")
@click.argument("destination")
@click.option("--json", "as_json", is_flag=True, help="The whole definition as one JSON object.")
def describe_command(destination: str, as_json: bool) -> None:
    """Show what DESTINATION (a short name or a slug) offers: settings, presets, actions, fields.

    --json prints the definition as JSON, with each action's JSON Schema; functions and secrets
    are never shown.
    """
    found = find_destination(destination).destination
    if as_json:
        try:
            described = describe_destination(found)
        except ActionsError as error:
            exit_invalid(f"{found.key} has an invalid definition ({error.code}): {error}")
        click.echo(to_json(described))
        return
    for line in _text(found):
        click.echo(line)


def _text(destination: Destination) -> Iterator[str]:
    yield f"{destination.name} ({destination.key}, {destination.slug})"
    if destination.description.strip():
        yield ""
        yield from _indent(destination.description.strip().splitlines(), 2)
    yield ""
    yield "Settings:"
    yield from (
        _fields(destination.settings, secret_note=True) if destination.settings else ["  none"]
    )
    yield ""
    yield "Presets:"
    if not destination.presets:
        yield "  none"
    for preset in destination.presets:
        trigger = preset.subscribe if preset.subscribe is not None else f"event {preset.event_slug}"
        mapping = "" if preset.mapping is None else " (own mapping)"
        yield f"  {preset.name} -> {preset.action}{mapping} when {trigger}"
    for action in destination.actions.values():
        yield ""
        batching = ", batching" if action.supports_batch else ""
        hidden = ", hidden" if action.hidden else ""
        yield f"Action {action.key}: {action.title}{batching}{hidden}"
        if action.description.strip():
            yield from _indent(action.description.strip().splitlines(), 2)
        yield f"  default subscription: {action.default_subscription or 'none'}"
        yield from _fields(action.fields, secret_note=False) if action.fields else ["  no fields"]


def _fields(fields: Mapping[str, Field], *, secret_note: bool) -> Iterator[str]:
    rows = list(_rows(fields, "", secret_note=secret_note))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        start = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        yield f"  {start}  {row[3]}".rstrip()


def _rows(fields: Mapping[str, Field], prefix: str, *, secret_note: bool) -> Iterator[list[str]]:
    for key, field in fields.items():
        kind = f"{field.type}[]" if field.multiple else field.type
        details = [field.label]
        if field.has_default:
            shown = "***" if field.is_secret else to_json(field.default)
            details.append(f"default {shown}")
        if field.choices:
            details.append("one of " + ", ".join(to_json(choice.value) for choice in field.choices))
        if secret_note and field.is_secret:
            details.append("secret: shown as *** in output")
        yield [prefix + key, kind, _required(field.required), "; ".join(details)]
        if field.properties:
            yield from _rows(field.properties, f"{prefix}{key}.", secret_note=secret_note)


def _required(required: bool | Conditions) -> str:
    if isinstance(required, Conditions):
        return "required " + describe_conditions(required).replace("`", "")
    return "required" if required else "optional"


def _indent(lines: list[str], width: int) -> Iterator[str]:
    for line in lines:
        yield f"{' ' * width}{line}".rstrip()
