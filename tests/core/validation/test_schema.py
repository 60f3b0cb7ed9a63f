"""Fields → JSON Schema (reference §2.1 to §2.3), the invalid definitions (V3) and real actions' schemas."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import DefinitionError
from actions_core.fields import Condition, Conditions, Field
from actions_core.validation import compile_validator, fields_to_json_schema
from tests.core.validation.reference_fields import action_fields, settings_fields

ROOT = "http://json-schema.org/schema#"


def property_schema(field: Field) -> Any:
    return fields_to_json_schema({"f": field})["properties"]["f"]


# §2.1, one row per case: the field and the schema it produces.
PER_FIELD = [
    pytest.param(
        Field(label="S", type="string", description="Some text", minimum=2, maximum=5),
        {
            "title": "S",
            "description": "Some text",
            "type": "string",
            "minLength": 2,
            "maxLength": 5,
        },
        id="string-lengths",
    ),
    pytest.param(
        Field(label="E", type="string", format="email"),
        {"title": "E", "type": "string", "format": "email"},
        id="string-format",
    ),
    pytest.param(
        Field(label="T", type="text", format="email"),
        {"title": "T", "type": "string", "format": "text"},
        id="text",
    ),
    pytest.param(
        Field(label="P", type="password"),
        {"title": "P", "type": "string", "format": "password"},
        id="password",
    ),
    pytest.param(
        Field(label="N", type="number", minimum=1, maximum=10),
        {"title": "N", "type": "number", "minimum": 1, "maximum": 10},
        id="number-range",
    ),
    pytest.param(
        Field(label="N", type="number", minimum=0, maximum=10),
        {"title": "N", "type": "number", "maximum": 10},
        id="number-minimum-zero-dropped",
    ),
    pytest.param(
        Field(label="I", type="integer", minimum=1, maximum=10),
        {"title": "I", "type": "integer"},
        id="integer-ignores-range",
    ),
    pytest.param(
        Field(label="B", type="boolean", minimum=1),
        {"title": "B", "type": "boolean"},
        id="boolean",
    ),
    pytest.param(
        Field(label="When", type="datetime", format="date"),
        {"title": "When", "type": ["string", "number"], "format": "date-like"},
        id="datetime-overrides-format",
    ),
    pytest.param(
        Field(label="O", type="object"),
        {"title": "O", "type": "object"},
        id="object-without-properties",
    ),
    pytest.param(
        Field(
            label="Address",
            type="object",
            properties={
                "city": Field(label="City", type="string", required=True),
                "zip": Field(label="Zip", type="string"),
            },
        ),
        {
            "title": "Address",
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "city": {"title": "City", "type": "string"},
                "zip": {"title": "Zip", "type": "string"},
            },
            "required": ["city"],
        },
        id="object-with-properties",
    ),
    pytest.param(
        Field(
            label="Traits",
            type="object",
            additional_properties=True,
            properties={"plan": Field(label="Plan", type="string")},
        ),
        {
            "title": "Traits",
            "type": "object",
            "additionalProperties": True,
            "properties": {"plan": {"title": "Plan", "type": "string"}},
            "required": [],
        },
        id="object-additional-properties",
    ),
    pytest.param(
        Field(label="C", type="string", choices=["a", {"label": "Bee", "value": "b"}]),
        {"title": "C", "type": "string", "enum": ["a", "b"]},
        id="choices",
    ),
    pytest.param(
        Field(label="A", type="boolean", allow_null=True),
        {"title": "A", "type": ["boolean", "null"]},
        id="allow-null",
    ),
    pytest.param(
        Field(label="A", type="datetime", allow_null=True),
        {"title": "A", "type": ["string", "number", "null"], "format": "date-like"},
        id="allow-null-union",
    ),
    pytest.param(
        Field(label="C", type="string", choices=["a", "b"], allow_null=True),
        {"title": "C", "type": ["string", "null"], "enum": ["a", "b", None]},
        id="allow-null-enum",
    ),
    pytest.param(
        Field(label="M", type="string", multiple=True, choices=["a", "b"]),
        {"title": "M", "type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
        id="multiple-enum-moves-to-items",
    ),
    pytest.param(
        Field(label="M", type="integer", multiple=True, allow_null=True),
        {"title": "M", "type": "array", "items": {"type": "integer"}},
        id="multiple-items-without-null",
    ),
    pytest.param(
        Field(label="Emails", type="string", multiple=True, format="email"),
        {"title": "Emails", "type": "array", "items": {"type": "string", "format": "email"}},
        id="V2-multiple-format-moves-to-items",
    ),
    pytest.param(
        Field(label="Dates", type="datetime", multiple=True),
        {
            "title": "Dates",
            "type": "array",
            "items": {"type": ["string", "number"], "format": "date-like"},
        },
        id="V2-multiple-datetime-items-date-like",
    ),
    pytest.param(
        Field(
            label="Products",
            type="object",
            multiple=True,
            properties={"sku": Field(label="SKU", type="string", required=True)},
        ),
        {
            "title": "Products",
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"sku": {"title": "SKU", "type": "string"}},
                "required": ["sku"],
            },
        },
        id="multiple-object-properties-become-items",
    ),
    pytest.param(
        Field(label="D", type="string", default={"@path": "$.userId"}),
        {"title": "D", "type": "string", "default": {"@path": "$.userId"}},
        id="default-copied",
    ),
    pytest.param(
        Field(label="D", type="boolean", default=False),
        {"title": "D", "type": "boolean", "default": False},
        id="falsy-default-copied",
    ),
]


@pytest.mark.parametrize(("field", "expected"), PER_FIELD)
def test_field_schema(field: Field, expected: Any) -> None:
    assert property_schema(field) == expected


def test_verified_example_from_the_reference() -> None:
    fields = {
        "s": Field(label="S", type="string", required=True, minimum=2, maximum=5),
        "n": Field(label="N", type="number", minimum=0, maximum=10),
    }

    assert fields_to_json_schema(fields) == {
        "$schema": ROOT,
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "s": {"title": "S", "type": "string", "minLength": 2, "maxLength": 5},
            "n": {"title": "N", "type": "number", "maximum": 10},
        },
        "required": ["s"],
    }


def test_no_fields_give_an_empty_object_schema() -> None:
    assert fields_to_json_schema({}) == {
        "$schema": ROOT,
        "type": "object",
        "additionalProperties": False,
        "properties": {},
        "required": [],
    }


def _when(*conditions: Condition, match: str = "all") -> Conditions:
    return Conditions(conditions=conditions, match=match)  # type: ignore[arg-type]


CONDITIONS = [
    pytest.param(
        _when(Condition(field="a", operator="is", value="a_value")),
        {"properties": {"a": {"const": "a_value"}}, "required": ["a"]},
        id="is-value",
    ),
    pytest.param(
        _when(Condition(field="a", operator="is_not", value="value")),
        {"properties": {"a": {"not": {"const": "value"}}}, "required": ["a"]},
        id="is-not-value",
    ),
    pytest.param(
        _when(Condition(field="a", operator="is")),
        {"anyOf": [{"not": {"required": ["a"]}}, {"properties": {"a": {"type": "null"}}}]},
        id="is-undefined",
    ),
    pytest.param(
        _when(Condition(field="a", operator="is_not")),
        {"allOf": [{"required": ["a"]}, {"not": {"properties": {"a": {"type": "null"}}}}]},
        id="is-not-undefined",
    ),
    pytest.param(
        _when(
            Condition(field="a", operator="is", value="a_value"),
            Condition(field="c", operator="is", value="c_value"),
            match="any",
        ),
        {
            "anyOf": [
                {"properties": {"a": {"const": "a_value"}}, "required": ["a"]},
                {"properties": {"c": {"const": "c_value"}}, "required": ["c"]},
            ]
        },
        id="match-any",
    ),
    pytest.param(
        _when(Condition(field="a", operator="is"), Condition(field="b", operator="is")),
        {"allOf": [{"not": {"required": ["a"]}}, {"not": {"required": ["b"]}}]},
        id="match-all-undefined",
    ),
    pytest.param(
        _when(Condition(field="a.b", operator="is", value="b_value")),
        {
            "properties": {"a": {"properties": {"b": {"const": "b_value"}}, "required": ["b"]}},
            "required": ["a"],
        },
        id="object-property",
    ),
    pytest.param(
        _when(Condition(field="a.b", operator="is")),
        {
            "anyOf": [
                {"not": {"required": ["a"]}},
                {
                    "properties": {
                        "a": {
                            "anyOf": [
                                {"not": {"required": ["b"]}},
                                {"properties": {"b": {"type": "null"}}},
                            ]
                        }
                    }
                },
            ]
        },
        id="object-property-has-no-value",
    ),
]


@pytest.mark.parametrize(("conditions", "expected_if"), CONDITIONS)
def test_conditional_required_schema(conditions: Conditions, expected_if: Any) -> None:
    fields = {
        "a": Field(label="a", type="string"),
        "c": Field(label="c", type="string", required=conditions),
    }

    schema = fields_to_json_schema(fields)

    assert schema["required"] == []
    assert schema["allOf"] == [{"if": expected_if, "then": {"required": ["c"]}}]


def test_conditional_field_inside_an_object_is_lifted_to_the_root() -> None:
    when_a = _when(Condition(field="a", operator="is", value="a_value"))
    fields = {
        "a": Field(label="a", type="string"),
        "b": Field(
            label="b",
            type="object",
            properties={"c": Field(label="c", type="string", required=when_a)},
        ),
    }

    schema = fields_to_json_schema(fields)

    assert schema["properties"]["b"]["required"] == []
    assert schema["allOf"] == [
        {
            "if": {"properties": {"a": {"const": "a_value"}}, "required": ["a"]},
            "then": {"properties": {"b": {"required": ["c"]}}, "required": ["b"]},
        }
    ]


INVALID_DEFINITIONS = [
    pytest.param(
        {"userId": Field(label="User ID", type="hidden")},  # type: ignore[arg-type]
        "Field 'userId' has type 'hidden', which is not a field type; use one of: string, text, "
        "number, integer, boolean, datetime, password, object (hide a field from user interfaces "
        "with hidden=True).",
        id="V3-hidden-type",
    ),
    pytest.param(
        {"o": Field(label="O", type="object", properties={"x": Field(label="X", type="date")})},  # type: ignore[arg-type]
        "Field 'o.x' has type 'date', which is not a field type; use one of: string, text, "
        "number, integer, boolean, datetime, password, object (hide a field from user interfaces "
        "with hidden=True).",
        id="nested-unknown-type",
    ),
    pytest.param(
        {"site": Field(label="Site", type="string", format="url")},
        "Field 'site' has format 'url', which is not a known format; use one of: date, time, "
        "date-time, uri, uri-reference, uri-template, email, hostname, ipv4, ipv6, regex, uuid, "
        "password, text.",
        id="unknown-format",
    ),
    pytest.param(
        {"s": Field(label="S", type="string", maximum=2.5)},
        "Field 's' has maximum 2.5; a string field's minimum and maximum are lengths, so they "
        "must be whole numbers of characters.",
        id="fractional-length",
    ),
    pytest.param(
        {"s": Field(label="S", type="string", required=Conditions(conditions=()))},
        "Field 's' has a conditional 'required' without any condition.",
        id="empty-conditions",
    ),
]


@pytest.mark.parametrize(("fields", "message"), INVALID_DEFINITIONS)
def test_invalid_definitions_are_definition_errors(fields: dict[str, Field], message: str) -> None:
    with pytest.raises(DefinitionError) as raised:
        compile_validator(fields)

    assert str(raised.value) == message
    assert raised.value.code == "INVALID_DEFINITION"


def test_hidden_flag_is_not_part_of_the_schema() -> None:
    assert property_schema(Field(label="H", type="string", hidden=True)) == {
        "title": "H",
        "type": "string",
    }


def test_insider_order_completed_schema() -> None:
    schema = fields_to_json_schema(action_fields("insider", "orderCompletedEvent"))

    assert list(schema["properties"]) == [
        "email_as_identifier",
        "phone_number_as_identifier",
        "append_arrays",
        "uuid",
        "segment_anonymous_id",
        "custom_identifiers",
        "timestamp",
        "parameters",
        "products",
        "attributes",
    ]
    assert schema["required"] == ["timestamp"]
    assert "allOf" not in schema
    assert schema["properties"]["timestamp"] == {
        "title": "Timestamp",
        "description": "When the event occurred",
        "type": ["string", "number"],
        "format": "date-like",
        "default": {"@path": "$.timestamp"},
    }
    assert schema["properties"]["email_as_identifier"] == {
        "title": "Treat Email as Identifier",
        "description": "If true, Email will be sent as identifier to Insider.",
        "type": "boolean",
        "default": True,
    }
    products = schema["properties"]["products"]
    assert products["type"] == "array"
    assert products["items"]["type"] == "object"
    assert products["items"]["additionalProperties"] is True
    assert products["items"]["required"] == []
    assert products["items"]["properties"]["quantity"] == {"title": "Quantity", "type": "integer"}
    assert products["items"]["properties"]["unit_price"] == {
        "title": "Unit Price",
        "type": "number",
    }
    assert schema["properties"]["custom_identifiers"] == {
        "title": "Custom Identifiers",
        "description": "You can select your custom identifiers for the event.",
        "type": "object",
    }


def test_iterable_track_event_schema() -> None:
    schema = fields_to_json_schema(action_fields("iterable", "trackEvent"))

    assert schema["required"] == ["eventName"]
    assert schema["properties"]["email"]["type"] == "string"
    assert schema["properties"]["email"]["format"] == "email"
    assert schema["properties"]["createdAt"]["format"] == "date-like"
    assert schema["properties"]["campaignId"]["type"] == "integer"
    assert schema["properties"]["dataFields"] == {
        "title": "Event Data Fields",
        "type": "object",
        "default": {"@path": "$.properties"},
    }


def test_iterable_settings_schema() -> None:
    schema = fields_to_json_schema(settings_fields("iterable"))

    assert schema["required"] == ["apiKey"]
    assert schema["properties"] == {
        "apiKey": {"title": "API Key", "type": "string", "format": "password"},
        "dataCenterLocation": {
            "title": "Data Center Location",
            "type": "string",
            "format": "text",
            "default": "united_states",
            "enum": ["united_states", "europe"],
        },
    }
