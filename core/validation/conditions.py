"""Conditional ``required``: the ``if``/``then`` pairs of the root schema, compiled to functions.

The conditions are read from the same schema :func:`~.schema.fields_to_json_schema` publishes, so
the documented schema and the enforced rule cannot drift apart. As in Segment, conditions are
evaluated on the payload after empty values are removed and before values are coerced; a
condition on ``"a.b"`` looks inside the object ``a``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ValidationIssue
from .empty_values import ABSENT, visible_value
from .messages import missing_required, preamble, then_failed
from .schema import escape_pointer

__all__ = ["ConditionalCheck", "compile_conditional"]

Predicate = Callable[[Any], bool]
ConditionalCheck = Callable[[dict[str, Any], list[ValidationIssue]], None]
_ThenCheck = Callable[[Any, str, list[ValidationIssue]], bool]


def _child_schema(data_schema: Mapping[str, Any] | None, key: str) -> Mapping[str, Any] | None:
    if data_schema is None:
        return None
    properties = data_schema.get("properties")
    return None if properties is None else properties.get(key)


def js_equal(left: Any, right: Any) -> bool:
    """JSON values equal as JavaScript's deep equality sees them (``true`` is not ``1``)."""
    if type(left) is bool or type(right) is bool:
        return type(left) is type(right) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right or (left != left and right != right)
    if type(left) is list and type(right) is list:
        return len(left) == len(right) and all(map(js_equal, left, right))
    if type(left) is dict and type(right) is dict:
        return left.keys() == right.keys() and all(js_equal(left[k], right[k]) for k in left)
    return type(left) is type(right) and left == right


def _compile_predicate(
    schema: Mapping[str, Any], data_schema: Mapping[str, Any] | None, top_level: bool
) -> Predicate:
    """Whether a value satisfies an ``if`` schema (the subset conditions use)."""
    tests: list[Predicate] = []
    if "const" in schema:
        expected = schema["const"]
        tests.append(lambda value: js_equal(value, expected))
    if schema.get("type") == "null":
        tests.append(lambda value: value is None)
    if "not" in schema:
        negated = _compile_predicate(schema["not"], data_schema, top_level)
        tests.append(lambda value: not negated(value))
    if "anyOf" in schema:
        alternatives = [_compile_predicate(sub, data_schema, top_level) for sub in schema["anyOf"]]
        tests.append(lambda value: any(test(value) for test in alternatives))
    if "allOf" in schema:
        together = [_compile_predicate(sub, data_schema, top_level) for sub in schema["allOf"]]
        tests.append(lambda value: all(test(value) for test in together))
    if "required" in schema:
        keys = [(key, _child_schema(data_schema, key)) for key in schema["required"]]
        tests.append(
            lambda value: (
                type(value) is not dict
                or all(
                    visible_value(value, k, s, top_level=top_level) is not ABSENT for k, s in keys
                )
            )
        )
    for key, sub in schema.get("properties", {}).items():
        child = _child_schema(data_schema, key)
        tests.append(_property_test(key, child, _compile_predicate(sub, child, False), top_level))
    return lambda value: all(test(value) for test in tests)


def _property_test(
    key: str, child: Mapping[str, Any] | None, test: Predicate, top_level: bool
) -> Predicate:
    def check(value: Any) -> bool:
        if type(value) is not dict:
            return True
        seen = visible_value(value, key, child, top_level=top_level)
        return seen is ABSENT or test(seen)

    return check


def _compile_then(
    schema: Mapping[str, Any], data_schema: Mapping[str, Any] | None, top_level: bool
) -> _ThenCheck:
    """The ``then`` part: required keys (and required keys inside objects), with their messages."""
    required = [(key, _child_schema(data_schema, key)) for key in schema.get("required", [])]
    nested = [
        (key, child, _compile_then(sub, child, False))
        for key, sub in schema.get("properties", {}).items()
        for child in (_child_schema(data_schema, key),)
    ]

    def check(value: Any, pointer: str, issues: list[ValidationIssue]) -> bool:
        if type(value) is not dict:
            return True
        valid = True
        for key, child in required:
            if visible_value(value, key, child, top_level=top_level) is ABSENT:
                issues.append(
                    ValidationIssue(pointer, missing_required(preamble(None, pointer), key))
                )
                valid = False
        for key, child, then in nested:
            seen = visible_value(value, key, child, top_level=top_level)
            if seen is not ABSENT and not then(seen, f"{pointer}/{escape_pointer(key)}", issues):
                valid = False
        return valid

    return check


def compile_conditional(
    rule: Mapping[str, Any], root_schema: Mapping[str, Any]
) -> ConditionalCheck:
    """One ``{"if": …, "then": …}`` entry of the root ``allOf`` as a check of the whole payload."""
    condition = _compile_predicate(rule["if"], root_schema, True)
    then = _compile_then(rule["then"], root_schema, True)

    def check(payload: dict[str, Any], issues: list[ValidationIssue]) -> None:
        if condition(payload) and not then(payload, "", issues):
            issues.append(ValidationIssue("", then_failed()))

    return check
