"""Empty values removed before validation (reference §3.1), and V1: the same rule for batches."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.fields import Field
from actions_core.validation import compile_validator

FIELDS = {
    "name": Field(label="Name", type="string"),
    "count": Field(label="Count", type="integer"),
    "maybe": Field(label="Maybe", type="string", allow_null=True),
    "address": Field(
        label="Address",
        type="object",
        properties={
            "city": Field(label="City", type="string"),
            "zip": Field(label="Zip", type="integer"),
            "note": Field(label="Note", type="string", allow_null=True),
        },
    ),
    "traits": Field(label="Traits", type="object"),
    "tags": Field(label="Tags", type="string", multiple=True),
    "scores": Field(label="Scores", type="integer", multiple=True),
    "products": Field(
        label="Products",
        type="object",
        multiple=True,
        properties={
            "sku": Field(label="SKU", type="string", required=True),
            "price": Field(label="Price", type="number"),
        },
    ),
}
VALIDATOR = compile_validator(FIELDS)

# §3.1, one row per case: payload in → payload validated.
TABLE = [
    pytest.param({"name": None}, {}, id="null-removed"),
    pytest.param({"maybe": None}, {"maybe": None}, id="null-kept-with-allow-null"),
    pytest.param({"name": ""}, {}, id="top-level-empty-string-removed-even-for-strings"),
    pytest.param({"maybe": ""}, {}, id="top-level-empty-string-removed-even-with-allow-null"),
    pytest.param({"count": ""}, {}, id="top-level-empty-string-removed-for-numbers"),
    pytest.param(
        {"address": {"zip": ""}}, {"address": {}}, id="nested-empty-string-removed-when-not-string"
    ),
    pytest.param(
        {"address": {"city": ""}},
        {"address": {"city": ""}},
        id="nested-empty-string-kept-for-strings",
    ),
    pytest.param({"address": {"city": None}}, {"address": {}}, id="nested-null-removed"),
    pytest.param(
        {"address": {"note": None}},
        {"address": {"note": None}},
        id="nested-null-kept-with-allow-null",
    ),
    pytest.param({"tags": [None, "a", None]}, {"tags": ["a"]}, id="multiple-null-items-dropped"),
    pytest.param(
        {"tags": ["", "a"]}, {"tags": ["", "a"]}, id="multiple-empty-string-items-kept-for-strings"
    ),
    pytest.param(
        {"scores": ["", 1, None]},
        {"scores": [1]},
        id="multiple-empty-string-items-dropped-otherwise",
    ),
    pytest.param(
        {"products": [{"sku": "A", "price": None}, None]},
        {"products": [{"sku": "A"}]},
        id="inside-items-of-multiple-objects",
    ),
    pytest.param(
        {"traits": {"a": None, "b": "", "c": {"d": None}}},
        {"traits": {"a": None, "b": "", "c": {"d": None}}},
        id="object-without-properties-untouched",
    ),
    pytest.param({"name": "  "}, {"name": "  "}, id="spaces-kept"),
    pytest.param({"address": {"city": "  "}}, {"address": {"city": "  "}}, id="nested-spaces-kept"),
]


@pytest.mark.parametrize(("payload", "expected"), TABLE)
def test_empty_values_table(payload: dict[str, Any], expected: dict[str, Any]) -> None:
    assert VALIDATOR.validate(payload) == expected


def test_removed_null_makes_a_required_field_missing() -> None:
    validator = compile_validator({"userId": Field(label="User ID", type="string", required=True)})

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate({"userId": None})

    assert str(raised.value) == "The root value is missing the required field 'userId'."


def test_nested_empty_string_satisfies_required() -> None:
    fields = {
        "address": Field(
            label="Address",
            type="object",
            properties={"city": Field(label="City", type="string", required=True)},
        )
    }

    assert compile_validator(fields).validate({"address": {"city": ""}}) == {
        "address": {"city": ""}
    }


def test_V1_top_level_empty_string_fails_required_in_batches_too() -> None:
    # Segment keeps a top-level "" when it validates a batch, so `userId: ""` passes there and
    # fails for a single event. We have one rule: the "" is removed, the field is missing.
    validator = compile_validator({"userId": Field(label="User ID", type="string", required=True)})

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate({"userId": ""})

    assert str(raised.value) == "The root value is missing the required field 'userId'."


def test_item_pointers_count_the_items_that_remain() -> None:
    with pytest.raises(PayloadValidationError) as raised:
        VALIDATOR.validate({"products": [None, {"price": 1}]})

    assert str(raised.value) == "The value at /products/0 is missing the required field 'sku'."
    assert raised.value.issues[0].pointer == "/products/0"


def test_allow_null_on_an_object_with_properties_is_lost_as_in_segment() -> None:
    # Segment's schema replaces the type of an object with properties by "object", dropping the
    # "null" allow_null added, so a null is removed like any other.
    field = Field(
        label="O", type="object", allow_null=True, properties={"a": Field(label="A", type="string")}
    )

    assert compile_validator({"o": field}).validate({"o": None}) == {}
