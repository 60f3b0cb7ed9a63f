"""Real field definitions, as Segment exports them, turned into :class:`Field` objects.

``data/reference_fields.json`` is an excerpt of the reference exports
(``shared/reference/fields/{insider,iterable}.json``): the settings and a few actions of each
destination, field for field. In the export ``null`` stands for "not set", so a ``null`` default
means "no default" and a ``null`` ``additionalProperties`` means false.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from actions_core.fields import Field
from actions_core.jsvalues import MISSING

DATA = Path(__file__).with_name("data") / "reference_fields.json"


def field_from_export(exported: dict[str, Any]) -> Field:
    properties = exported.get("properties")
    return Field(
        label=exported["label"],
        type=exported["type"],
        description=exported.get("description") or "",
        required=bool(exported.get("required")),
        multiple=bool(exported.get("multiple")),
        default=MISSING if exported.get("default") is None else exported["default"],
        choices=exported.get("choices"),
        format=exported.get("format"),
        allow_null=bool(exported.get("allowNull")),
        additional_properties=bool(exported.get("additionalProperties")),
        properties=None if properties is None else fields_from_export(properties),
    )


def fields_from_export(exported: list[dict[str, Any]]) -> dict[str, Field]:
    return {entry["key"]: field_from_export(entry) for entry in exported}


@cache
def _export() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


def action_fields(destination: str, action: str) -> dict[str, Field]:
    """``action_fields("insider", "orderCompletedEvent")`` → the action's fields by key."""
    return fields_from_export(_export()[destination]["actions"][action])


def settings_fields(destination: str) -> dict[str, Field]:
    """``settings_fields("iterable")`` → the destination's settings fields by key."""
    return fields_from_export(_export()[destination]["settings"])
