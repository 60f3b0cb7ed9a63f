"""Type coercion, as Segment's validator applies it (ajv with ``coerceTypes: "array"``).

A value of the wrong JSON type is converted when the conversion is unambiguous:

* a one-element array stands for its element (``["x"]`` → ``"x"``), then the rules below apply;
* string ← number or boolean (``12.5`` → ``"12.5"``, ``true`` → ``"true"``) or null (→ ``""``);
* number ← numeric string (``" 12 "`` → 12, ``"0x1A"`` → 26), boolean (1/0) or null (0);
* integer ← the same, when the number is whole (``"7"`` → 7; ``"7.5"`` is refused);
* boolean ← ``"true"``/``"false"``, ``1``/``0``, null (false);
* null ← ``""``, ``0``, ``false``;
* array ← any string, number, boolean or null, wrapped (``"x"`` → ``["x"]``).

Types are tried in the order the schema lists them. One difference from Segment: a string that
reads as ±Infinity (``"Infinity"``, ``"1e400"``) is not a number here — JSON cannot carry it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Final

from ..jsvalues import number_to_string, to_number

__all__ = ["UNSET", "coerce", "matches_type"]

UNSET: Final = object()
"""Returned by :func:`coerce` in first position when no conversion applies."""

_MAX_SAFE_INTEGER: Final = 2**53


def _is_finite_number(value: Any) -> bool:
    cls = type(value)
    return cls is int or (cls is float and math.isfinite(value))


def _is_whole_number(value: Any) -> bool:
    cls = type(value)
    return cls is int or (cls is float and math.isfinite(value) and value.is_integer())


_TYPE_TESTS: Final[dict[str, Callable[[Any], bool]]] = {
    "string": lambda value: type(value) is str,
    "number": _is_finite_number,
    "integer": _is_whole_number,
    "boolean": lambda value: type(value) is bool,
    "null": lambda value: value is None,
    "object": lambda value: type(value) is dict,
    "array": lambda value: type(value) is list,
}


def matches_type(value: Any, json_type: str) -> bool:
    """Whether ``value`` already is of ``json_type`` (numbers must be finite)."""
    return _TYPE_TESTS[json_type](value)


def _js_number(number: float) -> int | float:
    """A converted number as JSON would carry it: whole values as ``int`` (``"12"`` → 12)."""
    if number.is_integer() and abs(number) <= _MAX_SAFE_INTEGER:
        return int(number)
    return number


def _numeric_string(value: str) -> float | None:
    """The number a non-empty numeric string stands for (JavaScript's ``Number``), if finite."""
    if not value:
        return None
    number = to_number(value)
    return number if math.isfinite(number) else None


def _to_string(value: Any) -> Any:
    if value is None:
        return ""
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) in (int, float):
        return number_to_string(value)
    return UNSET


def _to_number(value: Any) -> Any:
    if value is None:
        return 0
    if type(value) is bool:
        return int(value)
    if type(value) is str:
        number = _numeric_string(value)
        return UNSET if number is None else _js_number(number)
    return UNSET


def _to_integer(value: Any) -> Any:
    if value is None:
        return 0
    if type(value) is bool:
        return int(value)
    if type(value) is str:
        number = _numeric_string(value)
        return UNSET if number is None or not number.is_integer() else int(number)
    return UNSET


def _to_boolean(value: Any) -> Any:
    if value is None or value == "false" or (type(value) in (int, float) and value == 0):
        return False
    if value == "true" or (type(value) in (int, float) and value == 1):
        return True
    return UNSET


def _to_null(value: Any) -> Any:
    if value == "" or value is False or (type(value) in (int, float) and value == 0):
        return None
    return UNSET


def _to_array(value: Any) -> Any:
    if value is None or type(value) in (str, int, float, bool):
        return [value]
    return UNSET


_CONVERSIONS: Final[dict[str, Callable[[Any], Any]]] = {
    "string": _to_string,
    "number": _to_number,
    "integer": _to_integer,
    "boolean": _to_boolean,
    "null": _to_null,
    "array": _to_array,
}


def coerce(value: Any, types: Sequence[str]) -> tuple[Any, Any]:
    """Convert ``value`` (which matches none of ``types``) to the first type that accepts it.

    Returns ``(converted, seen)``: ``converted`` is :data:`UNSET` when nothing applies; ``seen`` is
    the value the remaining checks (and the error message) look at — the element of a
    one-element array, else ``value`` itself.
    """
    seen = value
    if type(value) is list and len(value) == 1:
        seen = value[0]
        if any(matches_type(seen, json_type) for json_type in types):
            return seen, seen
    for json_type in types:
        conversion = _CONVERSIONS.get(json_type)
        if conversion is not None:
            converted = conversion(seen)
            if converted is not UNSET:
                return converted, converted
    return UNSET, seen
