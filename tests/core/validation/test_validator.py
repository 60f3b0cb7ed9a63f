"""The compiled validator as callers use it: results, removed keys, copies, settings, real actions."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from actions_core.errors import InvalidSettingsError, PayloadValidationError
from actions_core.fields import Field
from actions_core.validation import (
    ValidationResult,
    compile_settings_validator,
    compile_validator,
)
from tests.core.validation.reference_fields import action_fields, settings_fields

FIELDS = {
    "userId": Field(label="User ID", type="string", required=True),
    "count": Field(label="Count", type="integer"),
    "address": Field(
        label="Address",
        type="object",
        properties={"city": Field(label="City", type="string")},
    ),
    "traits": Field(
        label="Traits",
        type="object",
        additional_properties=True,
        properties={"plan": Field(label="Plan", type="string")},
    ),
    "context": Field(label="Context", type="object"),
    "tags": Field(label="Tags", type="string", multiple=True),
}
VALIDATOR = compile_validator(FIELDS)


def test_check_returns_the_payload_and_the_removed_keys() -> None:
    payload = {
        "extra": 1,
        "userId": "u1",
        "address": {"city": "Paris", "note": "ring twice"},
        "traits": {"plan": "pro", "seats": 3},
        "context": {"anything": {"goes": True}},
        "a/b": 2,
    }

    result = VALIDATOR.check(payload)

    assert result == ValidationResult(
        payload={
            "userId": "u1",
            "address": {"city": "Paris"},
            "traits": {"plan": "pro", "seats": 3},
            "context": {"anything": {"goes": True}},
        },
        removed=["/extra", "/address/note", "/a~1b"],
    )


def test_removed_keys_inside_array_items() -> None:
    fields = {
        "items": Field(
            label="Items",
            type="object",
            multiple=True,
            properties={"sku": Field(label="SKU", type="string")},
        )
    }

    result = compile_validator(fields).check(
        {"items": [{"sku": "a", "x": 1}, {"sku": "b"}, {"y": 2}]}
    )

    assert result.payload == {"items": [{"sku": "a"}, {"sku": "b"}, {}]}
    assert result.removed == ["/items/0/x", "/items/2/y"]


def test_key_order_of_the_payload_is_kept() -> None:
    result = VALIDATOR.validate({"tags": "t", "count": "2", "drop": 0, "userId": 7})

    assert list(result.items()) == [("tags", ["t"]), ("count", 2), ("userId", "7")]


def test_the_input_is_never_modified() -> None:
    payload = {
        "userId": 7,
        "count": "3",
        "address": {"city": 75001, "note": "x"},
        "traits": {"plan": None, "seats": 3},
        "tags": [1, None, "b"],
        "gone": {"deep": [1]},
    }
    before = copy.deepcopy(payload)

    result = VALIDATOR.validate(payload)

    assert payload == before
    assert result == {
        "userId": "7",
        "count": 3,
        "address": {"city": "75001"},
        "traits": {"seats": 3},
        "tags": ["1", "b"],
    }


def test_unchanged_containers_are_shared_and_the_root_is_new() -> None:
    context = {"ip": "8.8.8.8", "library": {"name": "analytics.js"}}
    address = {"city": "Paris"}
    payload = {"userId": "u1", "context": context, "address": address, "tags": ["a"]}

    result = VALIDATOR.validate(payload)

    assert result == payload
    assert result is not payload
    assert result["context"] is context
    assert result["address"] is address
    assert result["tags"] is payload["tags"]


def test_no_fields_means_no_validation() -> None:
    # Segment skips validation for an action without fields: nothing is removed or checked.
    payload = {"anything": "", "else": None}

    result = compile_validator({}).check(payload)

    assert result.payload == {"anything": "", "else": None}
    assert result.payload is not payload
    assert result.removed == []


def test_every_problem_is_reported() -> None:
    with pytest.raises(PayloadValidationError) as raised:
        VALIDATOR.validate({"count": "x", "address": "Paris", "tags": [{}, []]})

    assert raised.value.messages == [
        "The root value is missing the required field 'userId'.",
        "Count must be an integer but it was a string.",
        "Address must be an object but it was a string.",
        "The value at /tags/0 must be a string but it was an object.",
        "The value at /tags/1 must be a string but it was an array.",
    ]


def test_settings_are_validated_with_their_own_error() -> None:
    validator = compile_settings_validator(settings_fields("insider"))

    with pytest.raises(InvalidSettingsError) as raised:
        validator.validate({"account_name": "", "unknown": 1})

    error = raised.value
    assert isinstance(error, PayloadValidationError)
    assert error.code == "INVALID_SETTINGS"
    assert error.status == 400
    assert str(error) == (
        "The root value is missing the required field 'account_name'. "
        "The root value is missing the required field 'ucd_key'."
    )


def test_valid_settings_keep_only_declared_keys() -> None:
    validator = compile_settings_validator(settings_fields("iterable"))

    result = validator.check(
        {"apiKey": "secret", "dataCenterLocation": "europe", "subscription": "x"}
    )

    assert result.payload == {"apiKey": "secret", "dataCenterLocation": "europe"}
    assert result.removed == ["/subscription"]


def test_settings_choice_outside_the_list() -> None:
    validator = compile_settings_validator(settings_fields("iterable"))

    with pytest.raises(InvalidSettingsError) as raised:
        validator.validate({"apiKey": "secret", "dataCenterLocation": "mars"})

    assert str(raised.value) == 'Data Center Location must be one of: "united_states" or "europe".'


ORDER_COMPLETED = {
    "email_as_identifier": True,
    "phone_number_as_identifier": True,
    "append_arrays": False,
    "uuid": "user-1",
    "segment_anonymous_id": None,
    "timestamp": "2024-01-05T10:00:00.000Z",
    "parameters": {"currency": "USD", "event_group_id": 1001},
    "products": [
        {
            "product_id": "p1",
            "taxonomy": "Games",
            "name": "Monopoly",
            "unit_sale_price": "19.5",
            "unit_price": 19.5,
            "quantity": 2,
            "url": "https://example.com/p1",
            "product_image_url": None,
            "variant_id": "red",
        },
        {"product_id": "p2", "quantity": "1", "unit_price": 5},
    ],
    "attributes": {"email": "ann@example.com", "age": "42", "name": None, "custom": "kept"},
}


def test_insider_order_completed_payload() -> None:
    validator = compile_validator(action_fields("insider", "orderCompletedEvent"))

    result = validator.check(ORDER_COMPLETED)

    assert result.removed == []
    assert result.payload == {
        "email_as_identifier": True,
        "phone_number_as_identifier": True,
        "append_arrays": False,
        "uuid": "user-1",
        "timestamp": "2024-01-05T10:00:00.000Z",
        "parameters": {"currency": "USD", "event_group_id": "1001"},
        "products": [
            {
                "product_id": "p1",
                "taxonomy": "Games",
                "name": "Monopoly",
                "unit_sale_price": 19.5,
                "unit_price": 19.5,
                "quantity": 2,
                "url": "https://example.com/p1",
                "variant_id": "red",
            },
            {"product_id": "p2", "quantity": 1, "unit_price": 5},
        ],
        "attributes": {"email": "ann@example.com", "age": 42, "custom": "kept"},
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            {"timestamp": None},
            "The root value is missing the required field 'timestamp'.",
            id="no-timestamp",
        ),
        pytest.param(
            {"timestamp": "soon"},
            "Timestamp must be a valid date-like string but it was not.",
            id="bad-timestamp",
        ),
        pytest.param(
            {"products": [{"quantity": 1.5}]},
            "Quantity must be an integer but it was a number.",
            id="fractional-quantity",
        ),
        pytest.param(
            {"products": {"product_id": "p1", "quantity": "x"}},
            "Quantity must be an integer but it was a string.",
            id="single-product-wrapped",
        ),
    ],
)
def test_insider_order_completed_problems(change: dict[str, Any], message: str) -> None:
    validator = compile_validator(action_fields("insider", "orderCompletedEvent"))

    with pytest.raises(PayloadValidationError) as raised:
        validator.validate({**ORDER_COMPLETED, **change})

    assert str(raised.value) == message


def test_iterable_track_event_payload() -> None:
    validator = compile_validator(action_fields("iterable", "trackEvent"))

    result = validator.validate(
        {
            "email": "ann@example.com",
            "userId": None,
            "eventName": "Order Completed",
            "dataFields": {"total": 10, "note": None},
            "createdAt": 1704448800,
            "campaignId": "123",
            "enable_batching": "true",
        }
    )

    assert result == {
        "email": "ann@example.com",
        "eventName": "Order Completed",
        "dataFields": {"total": 10, "note": None},
        "createdAt": 1704448800,
        "campaignId": 123,
        "enable_batching": True,
    }


def test_errors_survive_pickling() -> None:
    with pytest.raises(InvalidSettingsError) as raised:
        compile_settings_validator(settings_fields("insider")).validate({})

    copied = pickle.loads(pickle.dumps(raised.value))
    assert type(copied) is InvalidSettingsError
    assert copied.issues == raised.value.issues
    assert str(copied) == str(raised.value)
