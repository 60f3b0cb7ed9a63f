"""Paths into an event (``$.properties.products[0].sku``), parsed once and walked per event.

The walk follows Segment's engine to the letter, including its JavaScript habits: it stops at the first
falsy value and returns it (``a.b`` on ``{"a": 0}`` is ``0``), and ``length`` or an index works on strings
and arrays. Both are visible in users' existing mappings, so they are kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ..jsvalues import MISSING

__all__ = ["compile_getter", "parse_path", "parse_template_key", "walk"]

Getter = Callable[[Any], Any]

# A separator is a dot, a "[" opening a quoted or numeric index, or the run of "]" closing one.
_SEPARATORS = re.compile(r"\.|\[(?=[\"'\d])|(?<=[\"'\d])\]+")


@functools.lru_cache(maxsize=4096)
def parse_path(path: str) -> tuple[str, ...] | None:
    """Split an ``@path`` string into keys; ``None`` means the event itself.

    The first ``$.`` anywhere is removed (not only as a prefix), as Segment's engine does.
    """
    return parse_template_key(path.replace("$.", "", 1))


@functools.lru_cache(maxsize=4096)
def parse_template_key(path: str) -> tuple[str, ...] | None:
    """Split a ``{{placeholder}}`` key: like :func:`parse_path` but ``$.`` is an ordinary key."""
    if path in ("", "."):
        return None
    pieces = (piece.replace('"', "").replace("'", "") for piece in _SEPARATORS.split(path))
    return tuple(piece for piece in pieces if piece)


def _property(value: Any, key: str) -> Any:
    """``value[key]`` for a value that is not a dict: array and string indexes and ``length``."""
    if isinstance(value, list | str):
        if key == "length":
            return len(value)
        if key.isdigit() and (key == "0" or key[0] != "0"):
            index = int(key)
            if index < len(value):
                return value[index]
    return MISSING


def walk(data: Any, keys: tuple[str, ...]) -> Any:
    """The value at ``keys`` in ``data``, or the first falsy value met on the way, or MISSING."""
    current = data
    for key in keys:
        if type(current) is dict:
            current = current.get(key, MISSING)
        elif (
            current is None
            or current is MISSING
            or current is False
            or current == ""
            or (type(current) in (int, float) and current == 0)
        ):
            return current
        else:
            current = _property(current, key)
    return current


def compile_getter(keys: tuple[str, ...] | None) -> Getter:
    """A function reading ``keys`` from an event, specialised for the common short paths."""
    if keys is None:
        return _identity
    if len(keys) == 1:
        (first,) = keys

        def get_one(data: Any) -> Any:
            if type(data) is dict:
                return data.get(first, MISSING)
            return walk(data, keys)

        return get_one
    if len(keys) == 2:
        first, second = keys

        def get_two(data: Any) -> Any:
            if type(data) is dict:
                middle = data.get(first, MISSING)
                if type(middle) is dict:
                    return middle.get(second, MISSING)
            return walk(data, keys)

        return get_two
    return functools.partial(_walk_from, keys)


def _walk_from(keys: tuple[str, ...], data: Any) -> Any:
    return walk(data, keys)


def _identity(data: Any) -> Any:
    return data
