"""Fields: the typed inputs of an action (and the settings of a destination).

A field says what a payload key must hold (type, required, choices, format…) and how it is filled by
default (a mapping directive such as ``{"@path": "$.userId"}``). Keys and semantics are Segment's, so
field definitions exported from Segment read the same here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

import attrs

from .jsvalues import MISSING

__all__ = [
    "FIELD_TYPES",
    "Choice",
    "Condition",
    "Conditions",
    "Field",
    "FieldType",
    "default_values",
]

FieldType = Literal[
    "string", "text", "number", "integer", "boolean", "datetime", "password", "object"
]
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)


@attrs.frozen(kw_only=True)
class Choice:
    """One allowed value of a field, with the label a UI shows for it."""

    value: str | int | float | bool
    label: str | None = None


def _to_choices(choices: Iterable[Any] | None) -> tuple[Choice, ...] | None:
    """Accept Segment's two spellings: ``["a", "b"]`` or ``[{"label": "A", "value": "a"}]``."""
    if choices is None:
        return None
    result = []
    for choice in choices:
        if isinstance(choice, Choice):
            result.append(choice)
        elif isinstance(choice, Mapping):
            result.append(Choice(value=choice["value"], label=choice.get("label")))
        else:
            result.append(Choice(value=choice))
    return tuple(result)


@attrs.frozen(kw_only=True)
class Condition:
    """``field`` ``is``/``is_not`` ``value``; a MISSING value means "has a value" / "has none".

    ``field`` may reach inside an object field with a dot: ``"address.country"``.
    """

    field: str
    operator: Literal["is", "is_not"]
    value: Any = MISSING


def _to_conditions(conditions: Iterable[Condition]) -> tuple[Condition, ...]:
    return tuple(conditions)


@attrs.frozen(kw_only=True)
class Conditions:
    """Conditions combined with ``all`` (every one holds) or ``any``; used by conditional
    ``required`` and by ``depends_on``."""

    conditions: tuple[Condition, ...] = attrs.field(converter=_to_conditions)
    match: Literal["all", "any"] = "all"


def _to_properties(properties: Mapping[str, Field] | None) -> Mapping[str, Field] | None:
    return None if properties is None else dict(properties)


@attrs.frozen(kw_only=True, eq=False)
class Field:
    """One input of an action, or one setting of a destination.

    ``default`` is a mapping value (often a directive), not a fallback applied by validation: it is the
    mapping a preset, the test harness or ``actions send --action`` start from.
    """

    label: str
    type: FieldType
    description: str = ""
    required: bool | Conditions = False
    multiple: bool = False
    default: Any = MISSING
    choices: tuple[Choice, ...] | None = attrs.field(default=None, converter=_to_choices)
    format: str | None = None
    allow_null: bool = False
    additional_properties: bool = False
    properties: Mapping[str, Field] | None = attrs.field(default=None, converter=_to_properties)
    minimum: float | None = None
    maximum: float | None = None
    placeholder: str | None = None
    hidden: bool = False
    """Not shown in user interfaces (Segment's ``unsafe_hidden``); still mapped and validated."""
    dynamic: bool = False
    depends_on: Conditions | None = None

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING

    @property
    def is_secret(self) -> bool:
        """Password settings are redacted from every log line, error and output."""
        return self.type == "password"


def default_values(fields: Mapping[str, Field]) -> dict[str, Any]:
    """The default mapping of a set of fields: every field that declares a default, as written.

    ``null``, ``false`` and ``""`` defaults are kept; fields without a default are left out.
    """
    return {key: field.default for key, field in fields.items() if field.default is not MISSING}
