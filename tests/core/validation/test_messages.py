"""Every message pattern of reference §3.4, verbatim, with the pointer each problem is reported at."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError, ValidationIssue
from actions_core.fields import Condition, Conditions, Field
from actions_core.validation import compile_validator

PATTERNS = [
    pytest.param(
        {"userId": Field(label="User ID", type="string", required=True)},
        {},
        [("", "The root value is missing the required field 'userId'.")],
        id="missing-required-top-level",
    ),
    pytest.param(
        {
            "address": Field(
                label="Address",
                type="object",
                properties={"city": Field(label="City", type="string", required=True)},
            )
        },
        {"address": {}},
        [("/address", "Address is missing the required field 'city'.")],
        id="missing-required-sub-field",
    ),
    pytest.param(
        {
            "arr": Field(
                label="Items",
                type="object",
                multiple=True,
                properties={"sku": Field(label="SKU", type="string", required=True)},
            )
        },
        {"arr": [{}]},
        [("/arr/0", "The value at /arr/0 is missing the required field 'sku'.")],
        id="missing-required-in-array-item",
    ),
    pytest.param(
        {"userId": Field(label="User ID", type="string")},
        {"userId": {"id": 1}},
        [("/userId", "User ID must be a string but it was an object.")],
        id="wrong-type-object",
    ),
    pytest.param(
        {"userId": Field(label="User ID", type="string")},
        {"userId": [1, 2]},
        [("/userId", "User ID must be a string but it was an array.")],
        id="wrong-type-array",
    ),
    pytest.param(
        {"count": Field(label="Count", type="integer")},
        {"count": 2.5},
        [("/count", "Count must be an integer but it was a number.")],
        id="wrong-type-integer",
    ),
    pytest.param(
        {"when": Field(label="When", type="datetime")},
        {"when": {}},
        [("/when", "When must be a string or number but it was an object.")],
        id="wrong-type-union",
    ),
    pytest.param(
        {"a": Field(label="A", type="boolean", allow_null=True)},
        {"a": "maybe"},
        [("/a", "A must be a boolean or null but it was a string.")],
        id="wrong-type-union-with-null",
    ),
    pytest.param(
        {"m": Field(label="M", type="string", multiple=True)},
        {"m": [{}]},
        [("/m/0", "The value at /m/0 must be a string but it was an object.")],
        id="array-item-wrong-type",
    ),
    pytest.param(
        {"choice": Field(label="Choice", type="string", choices=["a", "b"])},
        {"choice": "c"},
        [("/choice", 'Choice must be one of: "a" or "b".')],
        id="enum-two",
    ),
    pytest.param(
        {"choice": Field(label="Choice", type="string", choices=["a", "b", "c"])},
        {"choice": "d"},
        [("/choice", 'Choice must be one of: "a", "b", or "c".')],
        id="enum-three",
    ),
    pytest.param(
        {"n": Field(label="N", type="number", choices=[1, 2])},
        {"n": 3},
        [("/n", "N must be one of: 1 or 2.")],
        id="enum-numbers",
    ),
    pytest.param(
        {"c": Field(label="C", type="string", multiple=True, choices=["a", "b"])},
        {"c": ["a", "x"]},
        [("/c/1", 'The value at /c/1 must be one of: "a" or "b".')],
        id="enum-multiple",
    ),
    pytest.param(
        {"c": Field(label="C", type="string", choices=["a"], allow_null=True)},
        {"c": "b"},
        [("/c", 'C must be one of: "a" or null.')],
        id="enum-with-null",
    ),
    pytest.param(
        {"email": Field(label="Email", type="string", format="email")},
        {"email": "nope"},
        [("/email", "Email must be a valid email address string but it was not.")],
        id="format",
    ),
    pytest.param(
        {"id": Field(label="Id", type="string", format="uuid")},
        {"id": "nope"},
        [("/id", "Id must be a valid uuid string but it was not.")],
        id="format-named-as-written",
    ),
    pytest.param(
        {"when": Field(label="When", type="datetime")},
        {"when": "nope"},
        [("/when", "When must be a valid date-like string but it was not.")],
        id="format-date-like",
    ),
    pytest.param(
        {"s": Field(label="S", type="string", maximum=3)},
        {"s": "abcd"},
        [("/s", "S must be 3 characters or fewer but it was 4 characters.")],
        id="max-length",
    ),
    pytest.param(
        {"s": Field(label="S", type="string", minimum=2)},
        {"s": "a"},
        [("/s", "S must be 2 characters or more but it was 1 character.")],
        id="min-length",
    ),
    pytest.param(
        {"s": Field(label="S", type="string", maximum=3)},
        {"s": "😀😀😀😀"},
        [("/s", "S must be 3 characters or fewer but it was 8 characters.")],
        id="length-counted-in-code-points-reported-in-utf16-units",
    ),
    pytest.param(
        {"n": Field(label="N", type="number", maximum=10)},
        {"n": 11},
        [("/n", "N must be equal to or less than 10.")],
        id="maximum",
    ),
    pytest.param(
        {"n": Field(label="N", type="number", minimum=5)},
        {"n": 4.5},
        [("/n", "N must be equal to or greater than 5.")],
        id="minimum",
    ),
    pytest.param(
        {"n": Field(label="N", type="number", minimum=0.5)},
        {"n": "0.25"},
        [("/n", "N must be equal to or greater than 0.5.")],
        id="minimum-after-coercion",
    ),
    pytest.param(
        {
            "a": Field(label="A", type="string"),
            "email": Field(
                label="Email",
                type="string",
                required=Conditions(conditions=[Condition(field="a", operator="is", value="x")]),
            ),
        },
        {"a": "x"},
        [
            ("", "The root value is missing the required field 'email'."),
            ("", 'The root value must match "then" schema.'),
        ],
        id="conditional-required",
    ),
    pytest.param(
        {
            "a": Field(label="A", type="string"),
            "o": Field(
                label="O",
                type="object",
                properties={
                    "n": Field(
                        label="N",
                        type="string",
                        required=Conditions(
                            conditions=[Condition(field="a", operator="is", value="x")]
                        ),
                    )
                },
            ),
        },
        {"a": "x", "o": {}},
        [
            ("/o", "The value at /o is missing the required field 'n'."),
            ("", 'The root value must match "then" schema.'),
        ],
        id="conditional-required-inside-object",
    ),
    pytest.param(
        {
            "amount": Field(label="Amount", type="number"),
            "count": Field(label="Count", type="integer"),
            "flag": Field(label="Flag", type="boolean"),
        },
        {"amount": "lots", "count": "many", "flag": "yes"},
        [
            ("/amount", "Amount must be a number but it was a string."),
            ("/count", "Count must be an integer but it was a string."),
            ("/flag", "Flag must be a boolean but it was a string."),
        ],
        id="several",
    ),
    pytest.param(
        {"o": Field(label="O", type="object", properties={"v": Field(label="", type="integer")})},
        {"o": {"v": "x"}},
        [("/o/v", "The value at /o/v must be an integer but it was a string.")],
        id="no-label-names-the-pointer",
    ),
    pytest.param(
        {
            "o": Field(
                label="O", type="object", properties={"a/b~c": Field(label="", type="integer")}
            )
        },
        {"o": {"a/b~c": "x"}},
        [("/o/a~1b~0c", "The value at /o/a~1b~0c must be an integer but it was a string.")],
        id="pointer-escapes-slash-and-tilde",
    ),
    pytest.param(
        {"userId": Field(label="user ID", type="string")},
        {"userId": {}},
        [("/userId", "User ID must be a string but it was an object.")],
        id="label-capitalised",
    ),
]


@pytest.mark.parametrize(("fields", "payload", "expected"), PATTERNS)
def test_message_pattern(
    fields: dict[str, Field], payload: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(PayloadValidationError) as raised:
        compile_validator(fields).validate(payload)

    error = raised.value
    assert error.issues == tuple(ValidationIssue(pointer, message) for pointer, message in expected)
    assert str(error) == " ".join(message for _, message in expected)


def test_root_value_that_is_not_an_object() -> None:
    validator = compile_validator({"a": Field(label="A", type="string")})

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate(["x", "y"])

    assert str(raised.value) == "The root value must be an object but it was an array."


def test_order_is_required_fields_first_then_properties_in_definition_order() -> None:
    fields = {
        "b": Field(label="B", type="integer"),
        "a": Field(label="A", type="integer", required=True),
        "c": Field(
            label="C",
            type="object",
            properties={"x": Field(label="X", type="string", required=True)},
        ),
        "d": Field(label="D", type="integer", required=True),
    }
    payload = {"c": {}, "b": "no"}

    with pytest.raises(PayloadValidationError) as raised:
        compile_validator(fields).validate(payload)

    assert raised.value.messages == [
        "The root value is missing the required field 'a'.",
        "The root value is missing the required field 'd'.",
        "B must be an integer but it was a string.",
        "C is missing the required field 'x'.",
    ]


def test_error_data() -> None:
    validator = compile_validator({"userId": Field(label="User ID", type="string", required=True)})

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate({})

    error = raised.value
    assert error.code == "PAYLOAD_VALIDATION_FAILED"
    assert error.status == 400
    assert error.retryable is False
    assert error.message == "The root value is missing the required field 'userId'."
