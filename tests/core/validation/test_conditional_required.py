"""Conditional ``required`` (reference §2.3): when a field becomes required, and what is reported."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.fields import Condition, Conditions, Field
from actions_core.jsvalues import MISSING
from actions_core.validation import compile_validator

MISSING_C = (
    "The root value is missing the required field 'c'. The root value must match \"then\" schema."
)


def fields_where_c_requires(*conditions: Condition, match: str = "all") -> dict[str, Field]:
    return {
        "a": Field(label="A", type="string", allow_null=True),
        "b": Field(label="B", type="integer"),
        "o": Field(label="O", type="object", properties={"k": Field(label="K", type="string")}),
        "free": Field(label="Free", type="object"),
        "c": Field(
            label="C", type="string", required=Conditions(conditions=conditions, match=match)
        ),  # type: ignore[arg-type]
    }


def outcome(fields: dict[str, Field], payload: dict[str, Any]) -> str:
    try:
        compile_validator(fields).validate(payload)
    except PayloadValidationError as error:
        return str(error)
    return "valid"


def cond(field: str, operator: str, value: Any = MISSING) -> Condition:
    return Condition(field=field, operator=operator, value=value)  # type: ignore[arg-type]


CASES = [
    # `is` a value: the key must be there and equal
    pytest.param([cond("a", "is", "x")], "all", {"a": "x"}, MISSING_C, id="is-equal"),
    pytest.param(
        [cond("a", "is", "x")], "all", {"a": "x", "c": "here"}, "valid", id="is-equal-and-given"
    ),
    pytest.param([cond("a", "is", "x")], "all", {"a": "y"}, "valid", id="is-different"),
    pytest.param([cond("a", "is", "x")], "all", {}, "valid", id="is-absent"),
    pytest.param([cond("b", "is", 5)], "all", {"b": 5}, MISSING_C, id="is-number"),
    pytest.param(
        [cond("b", "is", 1)], "all", {"b": True}, "valid", id="is-does-not-take-true-for-1"
    ),
    # `is_not` a value: absent does not trigger
    pytest.param([cond("a", "is_not", "x")], "all", {"a": "y"}, MISSING_C, id="is-not-different"),
    pytest.param([cond("a", "is_not", "x")], "all", {"a": "x"}, "valid", id="is-not-equal"),
    pytest.param([cond("a", "is_not", "x")], "all", {}, "valid", id="is-not-absent"),
    # `is` / `is_not` without a value: "has no value" / "has a value"
    pytest.param([cond("a", "is")], "all", {}, MISSING_C, id="has-no-value-absent"),
    pytest.param([cond("a", "is")], "all", {"a": None}, MISSING_C, id="has-no-value-null"),
    pytest.param(
        [cond("a", "is")], "all", {"a": ""}, MISSING_C, id="has-no-value-empty-string-removed"
    ),
    pytest.param([cond("a", "is")], "all", {"a": "x"}, "valid", id="has-no-value-but-has"),
    pytest.param([cond("a", "is_not")], "all", {"a": "x"}, MISSING_C, id="has-value"),
    pytest.param([cond("a", "is_not")], "all", {"a": None}, "valid", id="has-value-null"),
    pytest.param([cond("a", "is_not")], "all", {}, "valid", id="has-value-absent"),
    # several conditions
    pytest.param(
        [cond("a", "is", "x"), cond("b", "is", 1)], "all", {"a": "x"}, "valid", id="all-one-holds"
    ),
    pytest.param(
        [cond("a", "is", "x"), cond("b", "is", 1)],
        "all",
        {"a": "x", "b": 1},
        MISSING_C,
        id="all-both-hold",
    ),
    pytest.param(
        [cond("a", "is", "x"), cond("b", "is", 1)], "any", {"b": 1}, MISSING_C, id="any-one-holds"
    ),
    pytest.param([cond("a", "is"), cond("b", "is")], "all", {}, MISSING_C, id="all-have-no-value"),
    pytest.param(
        [cond("a", "is"), cond("b", "is")], "all", {"b": 1}, "valid", id="all-have-no-value-one-has"
    ),
    # inside objects
    pytest.param(
        [cond("o.k", "is", "x")], "all", {"o": {"k": "x"}}, MISSING_C, id="object-property-equal"
    ),
    pytest.param(
        [cond("o.k", "is", "x")], "all", {"o": {"k": "y"}}, "valid", id="object-property-different"
    ),
    pytest.param([cond("o.k", "is", "x")], "all", {}, "valid", id="object-absent"),
    pytest.param([cond("o.k", "is")], "all", {}, MISSING_C, id="object-absent-has-no-value"),
    pytest.param(
        [cond("o.k", "is")], "all", {"o": {}}, MISSING_C, id="object-property-has-no-value"
    ),
    pytest.param(
        [cond("free.plan", "is", "pro")],
        "all",
        {"free": {"plan": "pro"}},
        MISSING_C,
        id="object-without-properties",
    ),
]


@pytest.mark.parametrize(("conditions", "match", "payload", "expected"), CASES)
def test_when_the_field_is_required(
    conditions: list[Condition], match: str, payload: dict[str, Any], expected: str
) -> None:
    fields = fields_where_c_requires(*conditions, match=match)

    assert outcome(fields, payload) == expected


def test_any_match() -> None:
    fields = fields_where_c_requires(cond("a", "is", "x"), cond("b", "is", 1), match="any")

    assert outcome(fields, {"b": 1}) == MISSING_C
    assert outcome(fields, {"a": "x"}) == MISSING_C
    assert outcome(fields, {"a": "y", "b": 2}) == "valid"


def test_conditions_look_at_values_before_coercion() -> None:
    # As in Segment, the condition is evaluated before `b` is coerced from "5" to 5.
    fields = fields_where_c_requires(cond("b", "is", 5))

    assert outcome(fields, {"b": "5"}) == "valid"
    assert outcome(fields, {"b": 5}) == MISSING_C


def test_field_inside_an_object_requires_the_object_too() -> None:
    fields = {
        "a": Field(label="A", type="string"),
        "o": Field(
            label="O",
            type="object",
            properties={
                "n": Field(
                    label="N", type="string", required=Conditions(conditions=[cond("a", "is", "x")])
                )
            },
        ),
    }

    assert outcome(fields, {"a": "x"}) == (
        "The root value is missing the required field 'o'. The root value must match \"then\" schema."
    )
    assert outcome(fields, {"a": "x", "o": {}}) == (
        "The value at /o is missing the required field 'n'. The root value must match \"then\" schema."
    )
    assert outcome(fields, {"a": "x", "o": {"n": "here"}}) == "valid"
    assert outcome(fields, {"a": "y"}) == "valid"


def test_conditional_messages_come_before_the_other_problems() -> None:
    # Segment's validator evaluates the root `allOf` before `required` and `properties`.
    fields = {
        "userId": Field(label="User ID", type="string", required=True),
        "count": Field(label="Count", type="integer"),
        **fields_where_c_requires(cond("a", "is", "x")),
    }

    assert outcome(fields, {"a": "x", "count": "many"}) == (
        f"{MISSING_C} The root value is missing the required field 'userId'. "
        "Count must be an integer but it was a string."
    )
