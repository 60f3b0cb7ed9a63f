"""JavaScript value semantics that Segment's engines expose to users.

Mappings and subscriptions written for Segment rely on how JavaScript turns numbers into text,
which values are falsy, and how ``JSON.stringify`` prints. Everything that must agree with those rules
lives here, so the rest of the code can stay plain Python.
"""

from __future__ import annotations

import decimal
import json
import json.encoder
import re
from typing import Any, Final, final

__all__ = [
    "JS_WHITESPACE",
    "MISSING",
    "Missing",
    "array_join",
    "is_falsy",
    "js_type_name",
    "json_stringify",
    "json_text",
    "loosely_equals_empty_string",
    "number_to_string",
    "to_number",
    "utf16_len",
]


@final
class Missing:
    """The type of :data:`MISSING`: JavaScript's ``undefined``, a value that is not there.

    ``None`` cannot play this role because ``null`` is a real JSON value that mappings keep.
    """

    _instance: Missing | None = None

    def __new__(cls) -> Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: Final[Missing] = Missing()

_encode_string = json.encoder.encode_basestring  # escapes exactly what JSON.stringify escapes


def js_type_name(value: Any) -> str:
    """The type word Segment's messages use: string, number, boolean, null, object, array, undefined."""
    if value is MISSING:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_falsy(value: Any) -> bool:
    """JavaScript falsiness for JSON values: undefined, null, false, 0 and "" (not [] or {})."""
    if value is None or value is MISSING or value is False or value == "":
        return True
    return type(value) in (int, float) and (value == 0 or value != value)


def number_to_string(number: float) -> str:
    """JavaScript's ``String(number)``: ``1.0`` → ``1``, ``1e21`` → ``1e+21``, ``1e-7`` → ``1e-7``."""
    if isinstance(number, bool):
        return "true" if number else "false"
    if isinstance(number, int):
        return str(number)
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    if number.is_integer() and abs(number) < 2**53:
        return str(int(number))  # exact, and what JavaScript prints for a safe integer
    sign = "-" if number < 0 else ""
    # repr() gives the shortest digits that round-trip, as JavaScript does; only the layout differs.
    _, digit_tuple, exponent = decimal.Decimal(repr(abs(number))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = k + int(exponent)  # value = 0.digits * 10**n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        mantissa = digits if k == 1 else f"{digits[0]}.{digits[1:]}"
        text = f"{mantissa}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return sign + text


def array_join(items: list[Any]) -> str:
    """JavaScript's ``Array.prototype.join(",")``, recursively; null and undefined print as ""."""
    return ",".join(_join_item(item) for item in items)


def _join_item(item: Any) -> str:
    if item is None or item is MISSING:
        return ""
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return number_to_string(item)
    if isinstance(item, list):
        return array_join(item)
    return "[object Object]"


def loosely_equals_empty_string(value: Any) -> bool:
    """JavaScript's ``value == ""`` for a JSON value that is neither null nor undefined."""
    if isinstance(value, str):
        return value == ""
    if isinstance(value, bool):
        return value is False
    if isinstance(value, int | float):
        return value == 0
    if isinstance(value, list):
        return array_join(value) == ""
    return False


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as JavaScript's ``string.length`` counts (an emoji is 2)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def json_stringify(value: Any) -> str | Missing:
    """Compact JSON as JavaScript's ``JSON.stringify`` prints it.

    Whole floats print without ``.0``, non-ASCII stays raw, undefined object values are dropped and
    undefined array elements print as ``null``. An undefined value itself gives :data:`MISSING`.
    """
    if isinstance(value, Missing):
        return value
    parts: list[str] = []
    _stringify_into(value, parts)
    return "".join(parts)


def _stringify_into(value: Any, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_encode_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, float):
        finite = value == value and value not in (float("inf"), float("-inf"))
        parts.append(number_to_string(value) if finite else "null")
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key, item in value.items():
            if item is MISSING:
                continue
            if not first:
                parts.append(",")
            first = False
            parts.append(_encode_string(str(key)))
            parts.append(":")
            _stringify_into(item, parts)
        parts.append("}")
    elif isinstance(value, list | tuple):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            if item is MISSING:
                parts.append("null")
            else:
                _stringify_into(item, parts)
        parts.append("]")
    else:
        raise TypeError(f"cannot serialise {type(value).__name__} as JSON")


# JavaScript's StrWhiteSpaceChar set: what ``Number(" 12 ")`` and ``String.prototype.trim`` skip.
JS_WHITESPACE: Final = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL_LITERAL = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_RADIX_LITERAL = re.compile(r"0(?:[xX]([0-9a-fA-F]+)|[oO]([0-7]+)|[bB]([01]+))")


def to_number(value: Any) -> float:
    """JavaScript's ``Number(value)`` for JSON values: ``" 12 "`` → 12, ``"0x1A"`` → 26.

    undefined → NaN, null → 0, booleans → 0/1, arrays go through their ``join(",")`` text
    (``[]`` → 0, ``["5"]`` → 5), objects → NaN. Integers too large for a double become ±Infinity.
    """
    if value is MISSING:
        return float("nan")
    if value is None or value is False:
        return 0.0
    if value is True:
        return 1.0
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            return float("inf") if value > 0 else float("-inf")
    if isinstance(value, str):
        return _string_to_number(value)
    if isinstance(value, list):
        return _string_to_number(array_join(value))
    return float("nan")


def _string_to_number(text: str) -> float:
    text = text.strip(JS_WHITESPACE)
    if not text:
        return 0.0
    if _DECIMAL_LITERAL.fullmatch(text):
        return float(text)
    radix = _RADIX_LITERAL.fullmatch(text)
    if radix is None:
        return float("nan")
    digits, base = next((d, b) for d, b in zip(radix.groups(), (16, 8, 2), strict=True) if d)
    try:
        return float(int(digits, base))
    except OverflowError:
        return float("inf")


# Python prints a float differently from JavaScript only when it is whole (``27.0``) or in exponent
# form (``1e-05``, ``1e+16``). When the C encoder's text shows a whole float, whole floats are turned
# into ints and the value encoded again; exponent forms are rare and take the exact serialiser.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_WHOLE_FLOAT = re.compile(r"\.0(?:[,}\]]|$)")
_EXPONENT = re.compile(r"\de[-+]\d")


def json_text(value: Any) -> str:
    """:func:`json_stringify` for a JSON value, at the speed of the C encoder.

    The text is always byte-identical to ``JSON.stringify``'s (``null`` for undefined): undefined
    values, NaN and exponent-form floats take the exact serialiser.
    """
    try:
        text = _ENCODER.encode(value)
    except (TypeError, ValueError):
        return _exact(value)
    if ("e-" in text or "e+" in text) and _EXPONENT.search(text):
        return _exact(value)
    if _WHOLE_FLOAT.search(text):  # may be inside a string; then encoding again changes nothing
        text = _ENCODER.encode(_whole_floats_as_ints(value))
    return text


def _whole_floats_as_ints(value: Any) -> Any:
    kind = type(value)
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < 1e16 else value
    if kind is dict:
        return {key: _whole_floats_as_ints(item) for key, item in value.items()}
    if kind is list:
        return [_whole_floats_as_ints(item) for item in value]
    return value


def _exact(value: Any) -> str:
    exact = json_stringify(value)
    return "null" if isinstance(exact, Missing) else exact
