"""Coercions (reference §3.2): what each field type accepts and converts, and what it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.fields import Field
from actions_core.validation import compile_validator

FIELDS = {
    "s": Field(label="S", type="string"),
    "n": Field(label="N", type="number"),
    "i": Field(label="Count", type="integer"),
    "b": Field(label="B", type="boolean"),
    "m": Field(label="M", type="string", multiple=True),
    "o": Field(label="O", type="object"),
    "when": Field(label="When", type="datetime"),
    "choice": Field(label="Choice", type="number", choices=[1, 2]),
}
VALIDATOR = compile_validator(FIELDS)

ACCEPTED = [
    pytest.param("s", 123, "123", id="string-from-integer"),
    pytest.param("s", 12.5, "12.5", id="string-from-float"),
    pytest.param("s", 1e21, "1e+21", id="string-from-big-float-as-javascript-prints-it"),
    pytest.param("s", True, "true", id="string-from-boolean"),
    pytest.param("s", ["x"], "x", id="string-from-one-element-array"),
    pytest.param("s", [5], "5", id="string-from-one-number-array"),
    pytest.param("n", "12.5", 12.5, id="number-from-string"),
    pytest.param("n", "12", 12, id="number-from-whole-string"),
    pytest.param("n", " 12 ", 12, id="number-from-padded-string"),
    pytest.param("n", "0x1A", 26, id="number-from-hex-string"),
    pytest.param("n", True, 1, id="number-from-true"),
    pytest.param("n", False, 0, id="number-from-false"),
    pytest.param("n", [5], 5, id="number-from-one-element-array"),
    pytest.param("n", ["5"], 5, id="number-from-one-string-array"),
    pytest.param("i", "7", 7, id="integer-from-string"),
    pytest.param("i", "7.0", 7, id="integer-from-whole-decimal-string"),
    pytest.param("i", 7.0, 7.0, id="whole-float-is-an-integer"),
    pytest.param("b", "true", True, id="boolean-from-true-string"),
    pytest.param("b", "false", False, id="boolean-from-false-string"),
    pytest.param("b", 1, True, id="boolean-from-one"),
    pytest.param("b", 0, False, id="boolean-from-zero"),
    pytest.param("m", "single", ["single"], id="multiple-wraps-a-scalar"),
    pytest.param("m", 5, ["5"], id="multiple-wraps-then-converts"),
    pytest.param("m", [1, True, None], ["1", "true"], id="multiple-converts-items-and-drops-null"),
    pytest.param("o", {"a": [1, None]}, {"a": [1, None]}, id="object-as-is"),
    pytest.param("o", [{"a": 1}], {"a": 1}, id="object-from-one-element-array"),
    pytest.param(
        "when", "2024-01-05T10:00:00Z", "2024-01-05T10:00:00Z", id="datetime-string-unchanged"
    ),
    pytest.param("when", "Jan 5 2024", "Jan 5 2024", id="datetime-not-converted"),
    pytest.param("when", 1700000000, 1700000000, id="datetime-number"),
    pytest.param("when", 1e300, 1e300, id="datetime-any-number"),
    pytest.param("choice", "2", 2, id="coerced-before-choices-are-checked"),
]


@pytest.mark.parametrize(("key", "given", "stored"), ACCEPTED)
def test_accepted_and_converted(key: str, given: Any, stored: Any) -> None:
    result = VALIDATOR.validate({key: given})

    assert result == {key: stored}
    assert type(result[key]) is type(stored)


REJECTED = [
    pytest.param(
        "s", {"a": 1}, "S must be a string but it was an object.", id="string-from-object"
    ),
    pytest.param(
        "s", ["a", "b"], "S must be a string but it was an array.", id="string-from-long-array"
    ),
    pytest.param("s", [], "S must be a string but it was an array.", id="string-from-empty-array"),
    pytest.param(
        "s",
        [{"a": 1}],
        "S must be a string but it was an object.",
        id="one-element-array-reports-element",
    ),
    pytest.param("n", "abc", "N must be a number but it was a string.", id="number-from-text"),
    pytest.param("n", {}, "N must be a number but it was an object.", id="number-from-object"),
    pytest.param(
        "i", 7.5, "Count must be an integer but it was a number.", id="integer-from-fraction"
    ),
    pytest.param(
        "i",
        "7.5",
        "Count must be an integer but it was a string.",
        id="integer-from-fraction-string",
    ),
    pytest.param("b", "yes", "B must be a boolean but it was a string.", id="boolean-from-yes"),
    pytest.param("b", 2, "B must be a boolean but it was a number.", id="boolean-from-two"),
    pytest.param(
        "b", "null", "B must be a boolean but it was a string.", id="boolean-from-null-string"
    ),
    pytest.param(
        "m",
        {"a": 1},
        "The value at /m/0 must be a string but it was an object.",
        id="multiple-wraps-object",
    ),
    pytest.param("o", "x", "O must be an object but it was a string.", id="object-from-string"),
    pytest.param("o", [1, 2], "O must be an object but it was an array.", id="object-from-array"),
    pytest.param("o", 5, "O must be an object but it was a number.", id="object-from-number"),
    pytest.param("o", True, "O must be an object but it was a boolean.", id="object-from-boolean"),
    pytest.param(
        "o", [None], "O must be an object but it was null.", id="object-from-array-of-null"
    ),
    pytest.param(
        "when",
        True,
        "When must be a valid date-like string but it was not.",
        id="datetime-from-true",
    ),
    pytest.param(
        "when",
        {},
        "When must be a string or number but it was an object.",
        id="datetime-from-object",
    ),
    pytest.param(
        "when", [], "When must be a string or number but it was an array.", id="datetime-from-array"
    ),
    pytest.param(
        "choice",
        {},
        "Choice must be a number but it was an object. Choice must be one of: 1 or 2.",
        id="wrong-type-and-not-a-choice",
    ),
    # V4: JSON has no Infinity; Segment would hand `Infinity` to the destination (sent as null).
    pytest.param(
        "n", "Infinity", "N must be a number but it was a string.", id="V4-infinity-string"
    ),
    pytest.param(
        "n", "1e400", "N must be a number but it was a string.", id="V4-overflowing-string"
    ),
    pytest.param(
        "i", "-Infinity", "Count must be an integer but it was a string.", id="V4-integer-infinity"
    ),
]


@pytest.mark.parametrize(("key", "given", "message"), REJECTED)
def test_rejected(key: str, given: Any, message: str) -> None:
    with pytest.raises(PayloadValidationError) as raised:
        VALIDATOR.validate({key: given})

    assert str(raised.value) == message


def test_a_failed_coercion_leaves_the_value_alone_for_the_error() -> None:
    payload = {"s": ["a", "b"]}

    with pytest.raises(PayloadValidationError) as raised:
        VALIDATOR.validate(payload)

    assert raised.value.issues[0].pointer == "/s"
    assert payload == {"s": ["a", "b"]}


@pytest.mark.parametrize(
    ("field", "given", "stored"),
    [
        pytest.param(
            Field(label="A", type="string", allow_null=True),
            5,
            "5",
            id="string-or-null-from-number",
        ),
        pytest.param(
            Field(label="A", type="boolean", allow_null=True), "true", True, id="boolean-or-null"
        ),
        pytest.param(
            Field(label="A", type="number", allow_null=True), None, None, id="null-allowed"
        ),
    ],
)
def test_union_types_try_each_type_in_order(field: Field, given: Any, stored: Any) -> None:
    assert compile_validator({"a": field}).validate({"a": given}) == {"a": stored}


def test_union_with_null_refusal_names_both_types() -> None:
    validator = compile_validator({"a": Field(label="A", type="boolean", allow_null=True)})

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate({"a": "yes"})

    assert str(raised.value) == "A must be a boolean or null but it was a string."


NESTED_MULTIPLE = compile_validator(
    {
        "o": Field(
            label="O",
            type="object",
            properties={"tags": Field(label="Tags", type="string", multiple=True)},
        )
    }
)


def test_nested_multiple_field_wraps_scalars() -> None:
    assert NESTED_MULTIPLE.validate({"o": {"tags": "x"}}) == {"o": {"tags": ["x"]}}
    assert NESTED_MULTIPLE.validate({"o": {"tags": 5}}) == {"o": {"tags": ["5"]}}


def test_nested_multiple_field_does_not_wrap_objects() -> None:
    # Only the top level wraps any value (Segment does that before validating); below it, only
    # scalars are wrapped, as the validator's array coercion does.
    with pytest.raises(PayloadValidationError) as raised:
        NESTED_MULTIPLE.validate({"o": {"tags": {"a": 1}}})

    assert str(raised.value) == "Tags must be an array but it was an object."


def test_a_one_element_array_holding_the_payload_is_the_payload() -> None:
    validator = compile_validator({"userId": Field(label="User ID", type="string", required=True)})

    assert validator.validate([{"userId": 1}]) == {"userId": "1"}
