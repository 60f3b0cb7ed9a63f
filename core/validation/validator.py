"""The compiled payload validator: an action's fields checked, coerced and cleaned per event.

:func:`compile_validator` turns the fields' JSON Schema (see :mod:`.schema`) into nested closures
once; checking an event then costs a type test and a few comparisons per field. The semantics are
Segment's (ajv with ``coerceTypes: "array"``, ``allErrors``, ``removeAdditional``), in the same
order, so the same payload gets the same messages:

* per object, the conditional requirements (root only), then missing required fields, then each
  declared property in definition order; undeclared keys are removed without an error;
* per value: the type (coercing when possible), the allowed values, then length, range and format.

The input is never modified: a container that changes is copied, the rest is shared.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..errors import InvalidSettingsError, PayloadValidationError, ValidationIssue
from ..fields import Field
from ..jsvalues import MISSING, utf16_len
from . import messages
from .coercion import UNSET, coerce
from .conditions import ConditionalCheck, compile_conditional
from .empty_values import ABSENT, is_removed, removal_rule
from .formats import FORMAT_CHECKS
from .schema import escape_pointer, fields_to_json_schema, schema_types

__all__ = [
    "PayloadValidator",
    "ValidationResult",
    "compile_settings_validator",
    "compile_validator",
]

Issues = list[ValidationIssue]
Check = Callable[[Any, str, str, Issues, list[str]], Any]
"""A compiled schema: (value, parent pointer, segment, issues, removed) → the value to keep (the same
object when unchanged). The pointer is only joined (``parent + segment``) when it is needed."""
Step = Callable[[Any, str, Issues, list[str]], Any]
"""The keywords of one JSON type: (value, pointer, issues, removed) → the value to keep."""

_EXACT_PYTHON_TYPES: dict[str, type] = {
    "string": str,
    "boolean": bool,
    "null": type(None),
    "object": dict,
    "array": list,
    "number": int,  # floats are accepted when finite (number) or whole (integer)
    "integer": int,
}
_INDEX_SEGMENTS = tuple(f"/{index}" for index in range(256))


@attrs.frozen
class ValidationResult:
    """A valid payload, coerced and cleaned, and the pointers of the undeclared keys removed from
    it (``["/extra", "/address/note"]``) so that a CLI can warn about them."""

    payload: dict[str, Any]
    removed: list[str]


def _who(title: str | None, pointer: str) -> str:
    return messages.preamble(title, pointer)


def _compile_enum(schema: Mapping[str, Any], title: str | None) -> Step | None:
    if "enum" not in schema:
        return None
    allowed = list(schema["enum"])
    strings = {value for value in allowed if type(value) is str}
    numbers = {value for value in allowed if type(value) in (int, float)}
    booleans = {value for value in allowed if type(value) is bool}
    allows_null = any(value is None for value in allowed)

    def check(value: Any, pointer: str, issues: Issues, removed: list[str]) -> Any:
        cls = type(value)
        if cls is str:
            ok = value in strings
        elif cls is int or cls is float:
            ok = value in numbers
        elif cls is bool:
            ok = value in booleans
        else:
            ok = value is None and allows_null
        if not ok:
            issues.append(
                ValidationIssue(pointer, messages.not_one_of(_who(title, pointer), allowed))
            )
        return value

    return check


def _compile_number(schema: Mapping[str, Any], title: str | None) -> Step | None:
    maximum, minimum = schema.get("maximum"), schema.get("minimum")
    if maximum is None and minimum is None:
        return None

    def check(value: Any, pointer: str, issues: Issues, removed: list[str]) -> Any:
        if type(value) is float and not math.isfinite(value):
            return value
        if maximum is not None and value > maximum:
            who = _who(title, pointer)
            issues.append(ValidationIssue(pointer, messages.above_maximum(who, maximum)))
        if minimum is not None and value < minimum:
            who = _who(title, pointer)
            issues.append(ValidationIssue(pointer, messages.below_minimum(who, minimum)))
        return value

    return check


def _compile_string(schema: Mapping[str, Any], title: str | None) -> Step | None:
    max_length, min_length = schema.get("maxLength"), schema.get("minLength")
    format_name: str = schema.get("format") or ""
    is_valid = None if format_name in ("", "text", "password") else FORMAT_CHECKS[format_name]
    if max_length is None and min_length is None and is_valid is None:
        return None

    def check(value: str, pointer: str, issues: Issues, removed: list[str]) -> Any:
        # lengths are checked in code points and reported in UTF-16 units, as Segment does
        if max_length is not None and len(value) > max_length:
            who = _who(title, pointer)
            issues.append(
                ValidationIssue(pointer, messages.too_long(who, max_length, utf16_len(value)))
            )
        if min_length is not None and len(value) < min_length:
            who = _who(title, pointer)
            issues.append(
                ValidationIssue(pointer, messages.too_short(who, min_length, utf16_len(value)))
            )
        if is_valid is not None and not is_valid(value):
            who = _who(title, pointer)
            issues.append(ValidationIssue(pointer, messages.wrong_format(who, format_name)))
        return value

    return check


def _compile_array(schema: Mapping[str, Any]) -> Step | None:
    items = schema.get("items")
    if items is None:
        return None
    check_item = _compile(items)
    drop_null, drop_empty_string = removal_rule(items, top_level=False)
    segments = _INDEX_SEGMENTS

    def check(values: list[Any], pointer: str, issues: Issues, removed: list[str]) -> Any:
        kept: list[Any] | None = None  # a copy, made at the first change
        for index, item in enumerate(values):
            if (
                (item is None and drop_null)
                or (drop_empty_string and item == "")
                or item is MISSING
            ):
                if kept is None:
                    kept = values[:index]
                continue
            position = index if kept is None else len(kept)  # pointers count kept items only
            segment = segments[position] if position < 256 else f"/{position}"
            new = check_item(item, pointer, segment, issues, removed)
            if kept is not None:
                kept.append(new)
            elif new is not item:
                kept = values[:index]
                kept.append(new)
        return values if kept is None else kept

    return check


def _compile_object(schema: Mapping[str, Any], title: str | None, root: bool) -> Step | None:
    properties: Mapping[str, Any] | None = schema.get("properties")
    required: list[str] = list(schema.get("required", ()))
    if properties is None and not required:
        return None  # an object without properties is taken as it is
    declared = properties or {}
    strip_undeclared = schema.get("additionalProperties", True) is False
    entries = {
        key: (
            f"/{escape_pointer(key)}",
            _compile(child),
            *removal_rule(child, top_level=root),
            root and child.get("type") == "array",  # Segment wraps top-level multiple values
        )
        for key, child in declared.items()
    }
    lookup = entries.get
    required_rules = [(key, removal_rule(declared.get(key), top_level=root)) for key in required]
    definition_order = {entry[0]: index for index, entry in enumerate(entries.values())}

    def in_definition_order(issues: Issues, first: int, pointer: str) -> None:
        """Issues are gathered in the payload's key order; report them in the fields' order."""
        start = len(pointer)

        def rank(issue: ValidationIssue) -> int:
            segment = issue.pointer[start:].split("/", 2)[1]
            return definition_order.get(f"/{segment}", -1)

        issues[first:] = sorted(issues[first:], key=rank)

    def check(data: dict[str, Any], pointer: str, issues: Issues, removed: list[str]) -> Any:
        for key, rule in required_rules:
            value = data.get(key, ABSENT)
            if value is ABSENT or value is MISSING or is_removed(value, rule):
                who = _who(title, pointer)
                issues.append(ValidationIssue(pointer, messages.missing_required(who, key)))
        first = len(issues)
        copy: dict[str, Any] | None = None  # made at the first change
        for key, value in data.items():
            entry = lookup(key)
            if entry is None:
                if strip_undeclared:
                    if copy is None:
                        copy = dict(data)
                    del copy[key]
                    removed.append(f"{pointer}/{escape_pointer(key)}")
                continue
            segment, check_value, drop_null, drop_empty_string, wrap = entry
            if (
                (value is None and drop_null)
                or (drop_empty_string and value == "")
                or value is MISSING
            ):
                if copy is None:
                    copy = dict(data)
                del copy[key]
                continue
            if wrap and type(value) is not list:
                new = check_value([value], pointer, segment, issues, removed)
            else:
                new = check_value(value, pointer, segment, issues, removed)
            if new is not value:
                if copy is None:
                    copy = dict(data)
                copy[key] = new
        if len(issues) - first > 1:
            in_definition_order(issues, first, pointer)
        return data if copy is None else copy

    return check


def _compile(schema: Mapping[str, Any], *, root: bool = False) -> Check:
    """One schema as a check: type (and coercion), enum, conditionals, then the typed keywords."""
    title: str | None = schema.get("title")
    types = schema_types(schema)
    accepted = frozenset(_EXACT_PYTHON_TYPES[json_type] for json_type in types)
    float_test: Callable[[float], bool] | None = None
    if "number" in types:
        float_test = math.isfinite
    elif "integer" in types:
        float_test = _is_whole
    enum = _compile_enum(schema, title)
    conditionals: list[ConditionalCheck] = [
        compile_conditional(rule, schema) for rule in schema.get("allOf", ())
    ]
    number_check = _compile_number(schema, title)
    steps: dict[type, Step] = {}
    for python_type, step in (
        (int, number_check),
        (float, number_check),
        (str, _compile_string(schema, title)),
        (list, _compile_array(schema)),
        (dict, _compile_object(schema, title, root)),
    ):
        if step is not None:
            steps[python_type] = step

    def convert(value: Any, pointer: str, issues: Issues) -> tuple[bool, Any]:
        """The wrong type: (converted?, the value the other keywords look at)."""
        converted, seen = coerce(value, types)
        if converted is UNSET:
            who = _who(title, pointer)
            issues.append(ValidationIssue(pointer, messages.wrong_type(who, types, seen)))
            return False, seen
        return True, converted

    if enum is None and not conditionals and not steps:

        def check_type_only(
            value: Any, parent: str, segment: str, issues: Issues, removed: list[str]
        ) -> Any:
            cls = type(value)
            if (
                cls in accepted
                or (cls is float and float_test is not None and float_test(value))
                or not types
            ):
                return value
            converted, seen = convert(value, parent + segment, issues)
            return seen if converted else value

        return check_type_only

    def check(value: Any, parent: str, segment: str, issues: Issues, removed: list[str]) -> Any:
        pointer = parent + segment
        cls = type(value)
        if (
            cls in accepted
            or (cls is float and float_test is not None and float_test(value))
            or not types
        ):
            valid_type, seen = True, value
        else:
            valid_type, seen = convert(value, pointer, issues)
        if enum is not None:
            enum(seen, pointer, issues, removed)
        if conditionals and type(seen) is dict:
            for conditional in conditionals:
                conditional(seen, issues)
        step = steps.get(type(seen))
        if step is not None:
            checked = step(seen, pointer, issues, removed)
            if valid_type:
                seen = checked
        return seen if valid_type else value

    return check


def _is_whole(number: float) -> bool:
    return math.isfinite(number) and number.is_integer()


class PayloadValidator:
    """Validates payloads against one set of fields; build it once with :func:`compile_validator`."""

    def __init__(
        self,
        fields: Mapping[str, Field],
        *,
        error_class: type[PayloadValidationError] = PayloadValidationError,
    ) -> None:
        self.schema: dict[str, Any] = fields_to_json_schema(fields)
        """The JSON Schema the checks are compiled from (what ``actions describe --json`` shows)."""
        self._error_class = error_class
        self._has_fields = bool(fields)
        self._check = _compile(self.schema, root=True)

    def check(self, payload: Any) -> ValidationResult:
        """Validate ``payload`` and return the cleaned copy with the list of removed keys.

        Raises the validator's error class (:class:`PayloadValidationError` by default) listing
        every problem. With no fields at all the payload passes as it is (Segment skips validation).
        """
        issues: Issues = []
        removed: list[str] = []
        if not self._has_fields and type(payload) is dict:
            return ValidationResult(payload=dict(payload), removed=removed)
        result = self._check(payload, "", "", issues, removed)
        if issues:
            raise self._error_class(issues)
        if result is payload or type(payload) is not dict:
            result = dict(result)  # the caller gets its own top-level object
        return ValidationResult(payload=result, removed=removed)

    def validate(self, payload: Any) -> dict[str, Any]:
        """The cleaned, coerced copy of ``payload``; raises like :meth:`check`."""
        return self.check(payload).payload


def compile_validator(
    fields: Mapping[str, Field],
    *,
    error_class: type[PayloadValidationError] = PayloadValidationError,
) -> PayloadValidator:
    """Compile the validator of an action's fields (or, with ``error_class=InvalidSettingsError``,
    of a destination's settings). Raises :class:`~actions_core.errors.DefinitionError` for fields
    that cannot be validated (unknown type or format)."""
    return PayloadValidator(fields, error_class=error_class)


def compile_settings_validator(fields: Mapping[str, Field]) -> PayloadValidator:
    """The validator of a destination's settings: same checks, raising
    :class:`~actions_core.errors.InvalidSettingsError`."""
    return PayloadValidator(fields, error_class=InvalidSettingsError)
