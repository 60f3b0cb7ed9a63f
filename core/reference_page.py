"""A destination's reference page in Markdown, generated from its definition (``actions docs``).

The page has the shape of Segment's destination pages: title, settings, presets, then each action
with its description, default trigger, batching support and a table of its fields. Anything the
definition's author wants to say beyond that (setup steps, documented differences from Segment's
engine) goes in ``Destination.description``, which is Markdown and is rendered under the title.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from .definitions import Action, Destination, Preset
from .fields import Condition, Conditions, Field
from .jsvalues import MISSING
from .mapping.common import is_directive

__all__ = ["describe_conditions", "readable_mapping", "render_reference_page"]


def render_reference_page(destination: Destination) -> str:
    """The Markdown page for ``destination``, ending with a single newline."""
    blocks = [f"# {destination.name}"]
    if destination.description.strip():
        blocks.append(destination.description.strip())
    blocks.append(
        f"- Short name: `{destination.key}`\n- Segment slug: `{destination.slug}`\n"
        f"- Mode: {destination.mode}"
    )
    blocks.extend(_settings(destination))
    blocks.extend(_presets(destination))
    blocks.extend(_actions(destination))
    if destination.compatibility.strip():
        blocks.append("## Differences from Segment")
        blocks.append(destination.compatibility.strip())
    return "\n\n".join(blocks) + "\n"


def _settings(destination: Destination) -> Iterator[str]:
    yield "## Destination settings"
    if not destination.settings:
        yield "This destination has no settings."
        return
    rows = []
    for key, field in destination.settings.items():
        description = _one_line(field.description)
        if field.has_default and not field.is_secret:
            description = _join(description, f"Default: {_code(_json(field.default))}.")
        kind = "password (secret)" if field.is_secret else field.type
        rows.append([field.label, _code(key), kind, _required(field.required), description])
    yield _table(["Setting", "Key", "Type", "Required", "Description"], rows)


def _presets(destination: Destination) -> Iterator[str]:
    yield "## Available presets"
    if not destination.presets:
        yield "This destination has no presets."
        return
    yield f"{destination.name} has the following presets:"
    rows = [
        [preset.name, _trigger(preset), _action_name(destination, preset.action)]
        for preset in destination.presets
    ]
    yield _table(["Preset", "Trigger", "Action"], rows)


def _trigger(preset: Preset) -> str:
    if preset.subscribe is not None:
        return _code(preset.subscribe)
    return f"Segment event {_code(preset.event_slug or '')}"


def _action_name(destination: Destination, key: str) -> str:
    action = destination.actions.get(key)
    return f"{action.title} ({_code(key)})" if action is not None else _code(key)


def _actions(destination: Destination) -> Iterator[str]:
    yield "## Available actions"
    if not destination.actions:
        yield "This destination has no actions."
        return
    for action in destination.actions.values():
        yield from _action(action)


def _action(action: Action) -> Iterator[str]:
    yield f"### {action.title}"
    if action.description.strip():
        yield action.description.strip()
    trigger = _code(action.default_subscription) if action.default_subscription else "none"
    batching = "supported" if action.supports_batch else "not supported"
    facts = [f"- Action key: {_code(action.key)}", f"- Default trigger: {trigger}"]
    facts.append(f"- Batching: {batching}")
    if action.hidden:
        facts.append("- Hidden: not offered in user interfaces")
    yield "\n".join(facts)
    if not action.fields:
        yield "This action has no fields."
        return
    rows = list(_field_rows(action.fields, prefix=""))
    yield _table(["Field", "Label and description", "Type", "Required", "Default mapping"], rows)


def _field_rows(fields: Mapping[str, Field], prefix: str) -> Iterator[list[str]]:
    for key, field in fields.items():
        text = f"**{_one_line(field.label)}**"
        if field.description.strip():
            text = f"{text} — {_one_line(field.description)}"
        if field.choices:
            values = ", ".join(_code(_json(choice.value)) for choice in field.choices)
            text = f"{text} One of: {values}."
        kind = f"list of {field.type}" if field.multiple else field.type
        default = readable_mapping(field.default) if field.has_default else ""
        yield [_code(prefix + key), text, kind, _required(field.required), default]
        if field.properties:
            yield from _field_rows(field.properties, prefix=f"{prefix}{key}.")


def _required(required: bool | Conditions) -> str:
    if isinstance(required, Conditions):
        return describe_conditions(required)
    return "yes" if required else "no"


def describe_conditions(conditions: Conditions) -> str:
    """Conditions in words: ``if `anonymous_id` has no value or `uuid` is "x"``."""
    joiner = " and " if conditions.match == "all" else " or "
    return "if " + joiner.join(_condition(each) for each in conditions.conditions)


def _condition(condition: Condition) -> str:
    name = _code(condition.field)
    if condition.value is MISSING:
        return f"{name} has no value" if condition.operator == "is" else f"{name} has a value"
    verb = "is" if condition.operator == "is" else "is not"
    return f"{name} {verb} {_code(_json(condition.value))}"


def readable_mapping(value: Any) -> str:
    """A field's default mapping as a reader wants it: ``$.userId`` rather than the directive JSON.

    Paths, templates and literals are shown plainly, ``@if`` as words, objects key by key; other
    directives as their compact JSON.
    """
    if is_directive(value) and len(value) == 1:
        name, argument = next(iter(value.items()))
        if name == "@path" and isinstance(argument, str):
            return _code(argument)
        if name == "@template" and isinstance(argument, str):
            return f"template {_code(argument)}"
        if name == "@literal":
            return _code(_json(argument))
        if name == "@if" and isinstance(argument, dict):
            described = _readable_if(argument)
            if described is not None:
                return described
        return _code(_json(value))
    if isinstance(value, dict) and value and not is_directive(value):
        items = ", ".join(f"{_code(key)}: {readable_mapping(item)}" for key, item in value.items())
        return "{ " + items + " }"
    return _code(_json(value))


def _readable_if(argument: dict[str, Any]) -> str | None:
    tests = {"exists": "exists", "blank": "is not blank"}
    test = [key for key in argument if key in tests]
    if len(test) != 1 or set(argument) - {test[0], "then", "else"}:
        return None
    then = readable_mapping(argument["then"]) if "then" in argument else "nothing"
    otherwise = readable_mapping(argument["else"]) if "else" in argument else "nothing"
    subject = readable_mapping(argument[test[0]])
    return f"{then} if {subject} {tests[test[0]]}, else {otherwise}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _code(text: str) -> str:
    """An inline code span that survives backticks in ``text``."""
    fence = "``" if "`" in text else "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _join(first: str, second: str) -> str:
    return f"{first} {second}" if first else second


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured Markdown table; ``|`` inside cells is escaped, code spans included."""
    lines = [_row(header), "|" + "---|" * len(header)]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
