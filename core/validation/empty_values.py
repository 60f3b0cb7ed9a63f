"""Which empty values are dropped before a payload is validated (Segment's ``removeEmptyValues``).

Mappings often produce ``null`` or ``""`` where the event had nothing; Segment removes those keys
so that an optional field is simply absent instead of failing its type check. The rules:

* ``null`` is removed unless the field allows null;
* ``""`` is removed at the top level whatever the type, and below it unless the type includes
  ``string`` (a nested ``""`` string is kept and satisfies ``required``);
* in a ``multiple`` field, ``null`` items (and ``""`` items when the item type is not a string)
  are dropped;
* only places the schema types are touched: the content of an object without ``properties``,
  and undeclared keys, are left alone; ``"  "`` is never empty.

Unlike Segment, the top-level rule applies to batches as well (no separate batch behaviour).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, NamedTuple

from ..jsvalues import MISSING
from .schema import schema_types

__all__ = ["ABSENT", "RemovalRule", "is_removed", "removal_rule", "visible_value"]

ABSENT: Final = object()
"""A key that is not in an object (or whose value will be removed before validation)."""


class RemovalRule(NamedTuple):
    """How emptiness is judged for values under one schema."""

    drop_null: bool
    drop_empty_string: bool


_UNTOUCHED: Final = RemovalRule(drop_null=False, drop_empty_string=False)


def removal_rule(schema: Mapping[str, Any] | None, *, top_level: bool) -> RemovalRule:
    """The rule for a value described by ``schema``; ``top_level`` for the payload's own keys."""
    if schema is None:
        return _UNTOUCHED
    types = schema_types(schema)
    if not types:
        return _UNTOUCHED
    return RemovalRule(
        drop_null="null" not in types,
        drop_empty_string=top_level or "string" not in types,
    )


def is_removed(value: Any, rule: RemovalRule) -> bool:
    """Whether ``value`` is dropped before validation under ``rule``."""
    if value is None:
        return rule.drop_null
    return rule.drop_empty_string and type(value) is str and not value


def visible_value(
    container: Mapping[str, Any], key: str, schema: Mapping[str, Any] | None, *, top_level: bool
) -> Any:
    """``container[key]`` as validation sees it: :data:`ABSENT` when missing or removed, and a
    top-level ``multiple`` value wrapped in a list (Segment wraps those before validating)."""
    value = container.get(key, ABSENT)
    if value is ABSENT or value is MISSING:
        return ABSENT
    if schema is None:
        return value
    if is_removed(value, removal_rule(schema, top_level=top_level)):
        return ABSENT
    if top_level and schema.get("type") == "array" and type(value) is not list:
        return [value]
    return value
