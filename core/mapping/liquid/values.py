"""JavaScript values as liquidjs sees them: their text, their number, their truthiness.

Inside this package JavaScript's undefined is any python-liquid ``Undefined`` (normally the
singleton ``UNDEFINED``), null is ``None``, and numbers are int or float (never bool).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeGuard

from liquid import Undefined
from liquid.builtin.expressions.primitive import Blank, Empty

from ...jsvalues import MISSING, number_to_string, to_number
from .errors import LiquidJsError
from .limits import RANGE_LIMIT


class JsUndefined(Undefined):
    """JavaScript's undefined: renders as "", falsy, equal only to itself under ``==``."""

    __slots__ = ()


UNDEFINED: Final = JsUndefined("undefined")


def is_undefined(value: object) -> bool:
    return isinstance(value, Undefined)


def is_nil(value: object) -> bool:
    return value is None or isinstance(value, Undefined)


def is_object(value: object) -> TypeGuard[Mapping[str, Any]]:
    """A JSON object (python-liquid's Undefined is a Mapping too, but stands for undefined)."""
    return isinstance(value, Mapping) and not isinstance(value, Undefined)


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def to_value(value: object) -> object:
    """liquidjs ``toValue``: the literals ``empty``/``blank`` read as "", ranges as arrays."""
    if isinstance(value, Empty | Blank):
        return ""
    if isinstance(value, range):
        if len(value) > RANGE_LIMIT:
            raise LiquidJsError("memory alloc limit exceeded", token=None)
        return list(value)
    return value


def stringify(value: object) -> str:
    """liquidjs ``stringify``: what ``{{ value }}`` prints and what string filters read."""
    value = to_value(value)
    if isinstance(value, str):
        return value
    if is_nil(value):
        return ""
    if isinstance(value, list | tuple):
        return "".join(stringify(item) for item in value)
    return js_string(value)


def js_string(value: object) -> str:
    """JavaScript ``String(value)`` (``null`` → "null", arrays joined with ",")."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return number_to_string(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if is_undefined(value) or value is MISSING:
        return "undefined"
    if isinstance(value, list | tuple | range):
        return js_join(value, ",")
    return "[object Object]"


def js_join(items: Iterable[object], separator: str) -> str:
    """JavaScript ``Array.prototype.join``: null and undefined print as ""."""
    return separator.join("" if is_nil(item) else js_string(item) for item in items)


def js_number(value: object) -> float:
    """JavaScript ``Number(value)``."""
    value = to_value(value)
    if is_undefined(value):
        return math.nan
    if isinstance(value, list):
        return to_number(js_join(value, ","))
    return to_number(value)


def number_or_zero(value: object) -> float:
    """liquidjs ``toNumber`` (``+value || 0``): like ``Number`` but NaN and -0 become 0."""
    number = js_number(value)
    return number if number == number and number != 0 else 0.0


def js_truthy(value: object) -> bool:
    """JavaScript truthiness (used where liquidjs tests an argument with plain ``if (arg)``)."""
    value = to_value(value)
    if is_nil(value) or value is False or value == "":
        return False
    if is_number(value):
        return value == value and value != 0
    return True


def liquid_falsy(value: object) -> bool:
    """Liquid falsiness: only false, nil and undefined."""
    return value is False or is_nil(to_value(value))


def js_integer(number: float) -> int:
    """JavaScript ``ToIntegerOrInfinity`` clamped to a usable int (NaN → 0)."""
    if number != number:
        return 0
    if math.isinf(number):
        return 2**62 if number > 0 else -(2**62)
    return int(number)


def code_units(text: str) -> str:
    """The text as a sequence of UTF-16 code units (astral characters become surrogate pairs)."""
    if all(ord(char) < 0x10000 for char in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def utf8_bytes(text: str) -> bytes:
    """UTF-8 bytes as Node writes them (a lone surrogate becomes U+FFFD)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")
