"""Small pieces every part of the mapping compiler shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..jsvalues import MISSING, js_type_name

Resolver = Callable[[Any], Any]
"""A compiled mapping value: given the payload (the event, or an array element), returns its result."""


def child(location: str, key: str) -> str:
    """The location of ``key`` inside ``location`` (the root is ``/``)."""
    return f"/{key}" if location == "/" else f"{location}/{key}"


def is_directive(value: Any) -> bool:
    """Whether ``value`` is written as a directive: an object with an ``@`` key."""
    return isinstance(value, dict) and any(
        isinstance(key, str) and key.startswith("@") for key in value
    )


def type_word(value: Any) -> str:
    """The type of a written value with its article, as validation messages say it."""
    if is_directive(value):
        return "a directive"
    name = js_type_name(value)
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def truthy_as_written(value: Any) -> bool:
    """JavaScript truthiness of a raw mapping value: every object or array counts as true."""
    if isinstance(value, dict | list):
        return True
    if value is None or value is MISSING or value is False or value == "":
        return False
    return not (type(value) in (int, float) and value == 0)


def constant(value: Any) -> Resolver:
    """A resolver that always gives ``value`` (an immutable JSON scalar)."""

    def resolve_constant(data: Any) -> Any:
        return value

    return resolve_constant
