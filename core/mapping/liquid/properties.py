"""JavaScript property access as liquidjs does it: ``a.b``, ``a[0]``, ``a[-1]``, ``a.size``,
``a.first``, own properties only, and the variables of a payload that is not an object.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ...jsvalues import utf16_len
from .values import (
    UNDEFINED,
    code_units,
    is_nil,
    is_number,
    is_object,
    is_undefined,
    js_string,
    to_value,
)


def _property_key(key: object) -> str:
    """JavaScript ``ToPropertyKey``: the key as text."""
    return js_string(to_value(key))


def array_index(key: str) -> int | None:
    """The array index a property name denotes ("0", "12"), or None ("01", "-1", "x")."""
    if key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
        return int(key)
    return None


def own_property(obj: object, key: object) -> object:
    """``obj[key]`` when ``key`` is an own property of ``obj``, otherwise undefined."""
    name = _property_key(key)
    if is_object(obj):
        return obj.get(name, UNDEFINED)
    if isinstance(obj, list | tuple):
        if name == "length":
            return len(obj)
        index = array_index(name)
        return obj[index] if index is not None and index < len(obj) else UNDEFINED
    if isinstance(obj, str):
        if name == "length":
            return utf16_len(obj)
        index = array_index(name)
        units = code_units(obj)
        return units[index] if index is not None and index < len(units) else UNDEFINED
    return UNDEFINED


def array_element(items: list[Any] | tuple[Any, ...], index: float) -> object:
    """liquidjs ``readArrayElement``: negative indexes count from the end."""
    if index < 0:
        index += len(items)
    if index != int(index) or not 0 <= index < len(items):
        return UNDEFINED
    return items[int(index)]


def _read_size(obj: object) -> object:
    size = own_property(obj, "size")
    if not is_undefined(size):
        return size
    if isinstance(obj, list | tuple):
        return len(obj)
    if isinstance(obj, str):
        return utf16_len(obj)
    if is_object(obj):
        return len(obj)
    return UNDEFINED


def read_property(obj: object, key: object) -> object:
    """liquidjs ``readProperty`` with ``ownPropertyOnly``: one step of ``a.b`` / ``a[b]``."""
    obj = to_value(obj)
    if is_nil(obj):
        return obj
    key = to_value(key)
    if isinstance(obj, list) and is_number(key):
        return array_element(obj, key)  # type: ignore[arg-type]
    if key == "size":
        return _read_size(obj)
    if key in ("first", "last") and isinstance(obj, list):
        return array_element(obj, 0 if key == "first" else -1)
    return own_property(obj, key)


def lookup_root(scope: Mapping[str, object], key: object) -> object:
    """A template variable: the payload's own property, or what liquidjs finds on an empty scope."""
    name = _property_key(key)
    try:
        return scope[name]
    except (KeyError, TypeError):
        return 0 if name == "size" else UNDEFINED  # liquidjs reads `size` of its empty globals


class PrimitiveScope(Mapping[str, object]):
    """The variables of a non-object payload: a string's or array's ``length`` and indices."""

    def __init__(self, payload: object) -> None:
        self._payload = payload if isinstance(payload, str | list) else None

    def __getitem__(self, key: str) -> object:
        value = own_property(self._payload, key) if self._payload is not None else UNDEFINED
        if is_undefined(value):
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0
