"""The sentences a failed validation produces, worded as Segment's engine words them.

Users compare our errors with the ones they know from Segment (and some match on them), so each
pattern is reproduced to the letter: ``<Preamble> <text>.`` where the preamble is the field's label,
``The value at <pointer>`` or ``The root value``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..jsvalues import js_type_name, json_stringify, number_to_string

__all__ = [
    "FORMAT_LABELS",
    "above_maximum",
    "below_minimum",
    "capitalize",
    "humanize_list",
    "missing_required",
    "not_one_of",
    "preamble",
    "then_failed",
    "too_long",
    "too_short",
    "wrong_format",
    "wrong_type",
]

FORMAT_LABELS = {
    "date-time": "date and time",
    "time": "time",
    "date": "date",
    "email": "email address",
    "hostname": "hostname",
    "ipv4": "IPv4 address",
    "ipv6": "IPv6 address",
    "uri": "URI",
    "uri-reference": "URI Reference",
    "uri-template": "URI-template",
    "regex": "regular expression",
}
"""How a format is named in "must be a valid … string"; any other format is named as written."""

_RECEIVED = {
    "string": "a string",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
    "undefined": "undefined",
}


def capitalize(text: str) -> str:
    """Upper-case the first character only (``"user ID"`` → ``"User ID"``)."""
    return text[:1].upper() + text[1:]


def preamble(title: str | None, pointer: str) -> str:
    """Who the sentence is about: the field's label, else its place in the payload."""
    if title:
        return capitalize(title)
    return "The root value" if pointer == "" else f"The value at {pointer}"


def humanize_list(items: Sequence[str], conjunction: str) -> str:
    """``a``; ``a or b``; ``a, b, or c`` (with the serial comma)."""
    if not items:
        return "nothing"
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def wrong_type(who: str, expected: Sequence[str], received: Any) -> str:
    """``Count must be an integer but it was a string.``"""
    wanted = humanize_list(expected, "or")
    return (
        f"{who} must be {_article(wanted)} {wanted} but it was {_RECEIVED[js_type_name(received)]}."
    )


def not_one_of(who: str, allowed: Iterable[Any]) -> str:
    """``Choice must be one of: "a", "b", or "c".`` (values written as JSON)."""
    listed = humanize_list([str(json_stringify(value)) for value in allowed], "or")
    return f"{who} must be one of: {listed}."


def wrong_format(who: str, format_name: str) -> str:
    """``Email must be a valid email address string but it was not.``"""
    label = FORMAT_LABELS.get(format_name, format_name)
    return f"{who} must be a valid {label} string but it was not."


def _characters(count: int) -> str:
    return f"{count} character" if count == 1 else f"{count} characters"


def too_long(who: str, limit: int, actual: int) -> str:
    """``S must be 3 characters or fewer but it was 4 characters.``"""
    return f"{who} must be {_characters(limit)} or fewer but it was {_characters(actual)}."


def too_short(who: str, limit: int, actual: int) -> str:
    """``S must be 2 characters or more but it was 1 character.``"""
    return f"{who} must be {_characters(limit)} or more but it was {_characters(actual)}."


def above_maximum(who: str, limit: float) -> str:
    """``N must be equal to or less than 10.``"""
    return f"{who} must be equal to or less than {number_to_string(limit)}."


def below_minimum(who: str, limit: float) -> str:
    """``N must be equal to or greater than 5.``"""
    return f"{who} must be equal to or greater than {number_to_string(limit)}."


def missing_required(who: str, key: str) -> str:
    """``The root value is missing the required field 'userId'.``"""
    return f"{who} is missing the required field '{key}'."


def then_failed() -> str:
    """The sentence a failed conditional requirement adds after the missing-field sentence."""
    return 'The root value must match "then" schema.'
