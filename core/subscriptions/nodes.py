"""The parsed form of a subscription: conditions combined by and/or groups.

The node vocabulary is Segment's (its operators ``number_equals``, ``is_true``, ``exists`` … and its
field kinds), so ``describe()`` prints what Segment's parser would build, e.g.
``AND(type = "track", properties→"total" > 50)``. Each node keeps the tokens it was read from, so
warnings can point at the right place.
"""

from __future__ import annotations

import json

import attrs

from ..jsvalues import number_to_string
from .lexer import Token

__all__ = [
    "PATH_FIELDS",
    "TOP_LEVEL_FIELDS",
    "CallSource",
    "ComparisonSource",
    "Condition",
    "Field",
    "Group",
    "Node",
    "Value",
]

TOP_LEVEL_FIELDS = ("type", "event", "name", "userId")
"""Fields read from the event's top level; anything after a dot in the name is ignored."""

PATH_FIELDS = ("properties", "traits", "context")
"""Fields whose dotted rest is a path into the event object of the same name."""

Value = str | float | bool
"""A condition's value as Segment keeps it: text, a JavaScript number, or a boolean."""


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def format_value(value: Value) -> str:
    """A value as "Parsed as" prints it: text quoted, numbers and booleans bare."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_to_string(value)
    return _quote(value)


@attrs.frozen
class Field:
    """What a condition tests: ``kind`` is one of the field names, ``path`` the rest for paths."""

    kind: str
    path: str | None = None

    def __str__(self) -> str:
        if self.path is None:
            return self.kind
        return f"{self.kind}→{_quote(self.path)}"


@attrs.frozen
class ComparisonSource:
    """The tokens of ``field operator value`` (whatever tokens stood in those places)."""

    field: Token
    operator: Token
    value: Token


@attrs.frozen
class CallSource:
    """The tokens of ``[!]name ( field , value )``, taken by position as Segment does.

    ``comma`` and ``close`` are None when the expression ended before them.
    """

    bang: Token | None
    name: Token
    open: Token
    field: Token
    comma: Token | None
    value: Token
    close: Token | None


@attrs.frozen
class Condition:
    """``field operator value``. ``value`` is None for value-less tests (exists, is_true …).

    ``operator`` is kept as Segment keeps it: any token text may end up here (``,`` from
    ``CONTAINS(event, "x")``); operators the evaluator does not know are never true.
    """

    field: Field
    operator: str
    value: Value | None = None
    source: ComparisonSource | CallSource | None = attrs.field(default=None, eq=False, repr=False)
    """Where in the expression the condition was read from, for warnings."""

    def __str__(self) -> str:
        text = f"{self.field} {self.operator}"
        return text if self.value is None else f"{text} {format_value(self.value)}"


@attrs.frozen
class Group:
    """Children combined with ``and`` (all true) or ``or`` (any true)."""

    operator: str
    children: tuple[Node, ...]

    def __str__(self) -> str:
        if len(self.children) == 1:
            # Segment wraps a lone condition in an "and" group; showing the wrapper adds nothing.
            return str(self.children[0])
        return f"{self.operator.upper()}({', '.join(str(child) for child in self.children)})"


Node = Condition | Group
