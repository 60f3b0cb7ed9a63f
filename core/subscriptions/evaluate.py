"""Conditions → fast predicates over events, with the comparison rules of Segment's ``validate``.

Everything that can be decided once is decided here: which key or path to read, the value as text or
as a number, which comparison to run. What remains per event is a few dictionary lookups and one
comparison, so a subscription can be checked for every event without parsing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..jsvalues import MISSING, is_falsy, to_number, utf16_len
from .nodes import Condition, Group, Node, Value
from .parser import path_keys, value_text

__all__ = ["Predicate", "compile_node"]

Predicate = Callable[[dict[str, Any]], bool]
"""A compiled condition: takes an event object, answers whether it matches."""
Getter = Callable[[dict[str, Any]], Any]
Test = Callable[[Any], bool]

_INFINITY = float("inf")


def compile_node(node: Node) -> Predicate:
    """The predicate for ``node``; the event given to it must be a dict."""
    if isinstance(node, Group):
        return _compile_group(node)
    return _compile_condition(node)


def _compile_group(group: Group) -> Predicate:
    children = tuple(compile_node(child) for child in group.children)
    if len(children) == 1 and group.operator in ("and", "or"):
        return children[0]
    if group.operator == "and":
        if len(children) == 2:
            first, second = children
            return lambda event: first(event) and second(event)
        return lambda event: all(child(event) for child in children)
    if group.operator == "or":
        if len(children) == 2:
            first, second = children
            return lambda event: first(event) or second(event)
        return lambda event: any(child(event) for child in children)
    return _never  # unreachable: the parser only produces "and"/"or" groups


def _never(event: dict[str, Any]) -> bool:
    return False


def _compile_condition(condition: Condition) -> Predicate:
    field = condition.field
    test = _make_test(condition.operator, condition.value)
    if test is None:
        return _never
    if field.path is None:
        return _top_level_predicate(field.kind, condition.operator, condition.value, test)
    getter = _path_getter(field.kind, field.path)
    return lambda event: test(getter(event))


def _top_level_predicate(key: str, operator: str, value: Value | None, test: Test) -> Predicate:
    # The common subscriptions (type = "track", event = "Order Completed") get a single closure.
    if operator == "=" and value is not None:
        text = value_text(value)
        return lambda event: event.get(key) == text
    if operator == "!=" and value is not None:
        text = value_text(value)
        return lambda event: event.get(key) != text
    return lambda event: test(event.get(key, MISSING))


def _path_getter(container: str, path: str) -> Getter:
    """Reads ``event[container]`` then walks ``path`` the way Segment's ``get`` does.

    The walk stops at the first falsy value and returns it (``0`` for ``zero.anything`` when
    ``zero`` is 0); a missing key gives MISSING.
    """
    keys = path_keys(path)
    if not keys:
        return lambda event: MISSING  # an empty path reads nothing in Segment
    if len(keys) == 1:
        (key,) = keys

        def one_key(event: dict[str, Any]) -> Any:
            value = event.get(container, MISSING)
            if type(value) is dict:
                return value.get(key, MISSING)
            return _step(value, key)

        return one_key

    def walk(event: dict[str, Any]) -> Any:
        value = event.get(container, MISSING)
        for key in keys:
            value = value.get(key, MISSING) if type(value) is dict else _step(value, key)
        return value

    return walk


def _step(value: Any, key: str) -> Any:
    """JavaScript's ``value && value[key]`` for a JSON value that is not a plain dict."""
    if is_falsy(value):
        return value
    if isinstance(value, dict):
        return value.get(key, MISSING)
    if isinstance(value, list | str):
        if key == "length":
            return len(value) if isinstance(value, list) else utf16_len(value)
        if key.isascii() and key.isdigit() and (key == "0" or key[0] != "0"):
            index = int(key)
            return value[index] if index < len(value) else MISSING
    return MISSING


def _as_number(actual: Any) -> float | None:
    """The actual value as a JavaScript number, or None when it is not a number."""
    kind = type(actual)
    if kind is float:
        return float(actual)
    if kind is int:
        try:
            return float(actual)
        except OverflowError:
            return _INFINITY if actual > 0 else -_INFINITY
    return None


def _make_test(operator: str, value: Value | None) -> Test | None:
    """The comparison for one operator, with the value prepared; None for unknown operators."""
    maker = _TESTS.get(operator)
    return None if maker is None else maker(value)


def _text_of(value: Value | None) -> str:
    return "undefined" if value is None else value_text(value)


def _number_of(value: Value | None) -> float:
    return to_number(MISSING if value is None else value)


def _equals(value: Value | None) -> Test:
    text = _text_of(value)
    return lambda actual: actual == text and type(actual) is str


def _not_equals(value: Value | None) -> Test:
    text = _text_of(value)
    return lambda actual: not (actual == text and type(actual) is str)


def _numeric(compare: Callable[[float, float], bool], *, if_not_number: bool = False) -> Any:
    def make(value: Value | None) -> Test:
        expected = _number_of(value)

        def test(actual: Any) -> bool:
            number = _as_number(actual)
            return if_not_number if number is None else compare(number, expected)

        return test

    return make


def _text_test(check: Callable[[str, str], bool], *, negate: bool = False) -> Any:
    def make(value: Value | None) -> Test:
        text = _text_of(value)

        def test(actual: Any) -> bool:
            return type(actual) is str and check(actual, text) is not negate

        return test

    return make


def _exists(value: Value | None) -> Test:
    return lambda actual: actual is not MISSING and actual is not None


def _not_exists(value: Value | None) -> Test:
    return lambda actual: actual is MISSING or actual is None


def _is_true(value: Value | None) -> Test:
    return lambda actual: actual is True


def _is_false(value: Value | None) -> Test:
    return lambda actual: actual is False


_TESTS: dict[str, Callable[[Value | None], Test]] = {
    "=": _equals,
    "!=": _not_equals,
    "<": _numeric(lambda a, b: a < b),
    "<=": _numeric(lambda a, b: a <= b),
    ">": _numeric(lambda a, b: a > b),
    ">=": _numeric(lambda a, b: a >= b),
    "number_equals": _numeric(lambda a, b: a == b),
    "number_not_equals": _numeric(lambda a, b: a != b),
    "contains": _text_test(lambda actual, text: text in actual),
    "not_contains": _text_test(lambda actual, text: text in actual, negate=True),
    "starts_with": _text_test(str.startswith),
    "not_starts_with": _text_test(str.startswith, negate=True),
    "ends_with": _text_test(str.endswith),
    "not_ends_with": _text_test(str.endswith, negate=True),
    "exists": _exists,
    "not_exists": _not_exists,
    "is_true": _is_true,
    "is_false": _is_false,
}
"""Segment's operators (reference §3); any other operator text is never true."""
