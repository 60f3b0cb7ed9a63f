"""Array filters: joining, picking, slicing, adding up and selecting elements (Segment switches off
the ones that sort or rebuild whole arrays).
"""

from __future__ import annotations

import random
import re
from typing import Any, Final

from ..comparisons import NULL_LITERAL, equals, to_value_keep_drops
from ..context import JsContext
from ..properties import PrimitiveScope, array_element, lookup_root, own_property, read_property
from ..values import (
    UNDEFINED,
    code_units,
    is_nil,
    is_number,
    is_object,
    is_undefined,
    js_integer,
    js_join,
    js_number,
    js_truthy,
    liquid_falsy,
    stringify,
    to_value,
)
from .arithmetic import number_result
from .registry import argument, liquidjs_filter
from .strings import code_points_within


def _to_array(value: object) -> list[Any]:
    if is_nil(value):
        return []
    return value if isinstance(value, list) else [value]


@liquidjs_filter("join")
def _join(context: JsContext, value: object, *args: object) -> object:
    items = _to_array(value)
    separator_arg = argument(args, 0, None)
    separator = " " if is_nil(separator_arg) else stringify(separator_arg)
    text = js_join(items, separator)
    context.use_memory(len(text))
    return text


def _array_like_element(value: object, index: int) -> object:
    if isinstance(value, list):
        return array_element(value, index)
    if isinstance(value, str) and value:
        units = code_units(value)
        return units[index]
    if is_object(value):
        length = value.get("length")
        if is_number(length) and length:
            position = index if index >= 0 else length + index
            return own_property(value, position)
    return ""


@liquidjs_filter("first")
def _first(_context: JsContext, value: object, *_args: object) -> object:
    return _array_like_element(value, 0)


@liquidjs_filter("last")
def _last(_context: JsContext, value: object, *_args: object) -> object:
    return _array_like_element(value, -1)


@liquidjs_filter("size")
def _size(_context: JsContext, value: object, *_args: object) -> object:
    if not js_truthy(value):
        return 0
    length = own_property(value, "length")
    return length if js_truthy(length) else 0


@liquidjs_filter("compact")
def _compact(context: JsContext, value: object, *_args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items))
    return [item for item in items if not is_nil(to_value(item))]


@liquidjs_filter("push")
def _push(context: JsContext, value: object, *args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items) + 1)
    return [*items, args[0] if args else UNDEFINED]


@liquidjs_filter("unshift")
def _unshift(context: JsContext, value: object, *args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items))
    return [args[0] if args else UNDEFINED, *items]


@liquidjs_filter("pop")
def _pop(context: JsContext, value: object, *_args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items))
    return items[:-1]


@liquidjs_filter("shift")
def _shift(context: JsContext, value: object, *_args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items))
    return items[1:]


@liquidjs_filter("slice")
def _slice(context: JsContext, value: object, *args: object) -> object:
    if is_nil(value):
        return []
    sequence: list[Any] | str = value if isinstance(value, list) else stringify(value)
    begin, length = js_number(argument(args, 0, 0)), js_number(argument(args, 1, 1))
    if begin < 0:
        begin += len(sequence)
    if begin < 0 or length < 0:
        return [] if isinstance(sequence, list) else ""
    context.use_memory(length)
    if isinstance(sequence, list):  # Array.prototype.slice truncates its bounds
        return sequence[js_integer(begin) : js_integer(begin + length)]
    start = code_points_within(begin)  # liquidjs steps whole code points for strings
    return sequence[start : start + code_points_within(length)]


@liquidjs_filter("sum")
def _sum(_context: JsContext, value: object, *args: object) -> object:
    prop = argument(args, 0, None)
    total = 0.0
    for item in _to_array(value):
        if js_truthy(prop):
            for segment in stringify(prop).split("."):
                item = read_property(item, segment)
        number = js_number(item)
        total += 0.0 if number != number else number
    return number_result(total)


_FIRST_SEGMENT: Final = re.compile(r"[\w\-]+\??")
_NEXT_SEGMENT: Final = re.compile(
    r"""\.(?P<name>[\w\-]+\??)|\[\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<index>-?\d+))\s*\]"""
)


def _property_path(text: str) -> list[object]:
    """The leading property path of ``text`` (``a.b[0]["c"]``); liquidjs ignores what follows."""
    text = text.lstrip()
    first = _FIRST_SEGMENT.match(text) or _NEXT_SEGMENT.match(text)
    if first is None or first.group().startswith("."):
        return []
    segments: list[object] = []
    match: re.Match[str] | None = first
    while match is not None:
        if match.re is _FIRST_SEGMENT:
            segments.append(match.group())
        elif match.group("index") is not None:
            segments.append(int(match.group("index")))
        else:
            segments.append(
                next(g for g in match.group("name", "double", "single") if g is not None)
            )
        match = _NEXT_SEGMENT.match(text, match.end())
    return segments


@liquidjs_filter("where")
def _where(context: JsContext, value: object, *args: object) -> object:
    items = _to_array(value)
    context.use_memory(len(items))
    path = _property_path(stringify(argument(args, 0, "")))
    if not path:
        return []
    expected = args[1] if len(args) > 1 else UNDEFINED
    selected = []
    for item in items:
        scope = item if is_object(item) else PrimitiveScope(item)
        found = lookup_root(scope, path[0])
        for segment in path[1:]:
            found = read_property(found, segment)
        if is_undefined(expected):
            keep = not liquid_falsy(found)
        else:  # a None here is most likely the literal `nil`, which matches null and undefined
            keep = equals(
                to_value_keep_drops(found), NULL_LITERAL if expected is None else expected
            )
        if keep:
            selected.append(item)
    return selected


@liquidjs_filter("sample")
def _sample(context: JsContext, value: object, *args: object) -> object:
    if is_nil(value):
        return []
    sequence = list(value) if isinstance(value, list) else list(code_units(stringify(value)))
    context.use_memory(len(sequence))
    random.shuffle(sequence)
    count = argument(args, 0, 1)
    if count == 1:
        return sequence[0] if sequence else UNDEFINED
    return sequence[: max(js_integer(js_number(count)), 0)]
