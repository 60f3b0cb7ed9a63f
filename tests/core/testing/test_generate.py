"""Generated test events and settings: a value of each field's type at each path its default reads.

The literal values below are a contract, not an accident: they are what every machine produces, on
every run, and every stored snapshot depends on them. A change here invalidates users' snapshots.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from actions_core.definitions import Action, ActionData, Destination
from actions_core.fields import Field
from actions_core.testing.generate import generate_events, generate_settings, generate_value


async def perform(request: Any, data: ActionData) -> None:
    return None


SIGN_UP = Action(
    key="signUp",
    title="Sign Up",
    perform=perform,
    default_subscription='type = "identify"',
    fields={
        "email": Field(
            label="Email", type="string", format="email", default={"@path": "$.traits.email"}
        ),
        "plan": Field(
            label="Plan",
            type="string",
            choices=["free", "pro"],
            default={
                "@if": {
                    "exists": {"@path": "$.traits.plan"},
                    "then": {"@path": "$.traits.plan"},
                    "else": {"@path": "$.properties.plan"},
                }
            },
        ),
        "seats": Field(label="Seats", type="integer", default={"@path": "$.traits.company.seats"}),
        "products": Field(
            label="Products",
            type="object",
            multiple=True,
            properties={
                "sku": Field(label="SKU", type="string"),
                "price": Field(label="Price", type="number"),
            },
            default={
                "@arrayPath": [
                    "$.properties.products",
                    {"sku": {"@path": "$.sku"}, "price": {"@path": "$.price"}},
                ]
            },
        ),
        "user": Field(
            label="User",
            type="object",
            properties={
                "id": Field(label="ID", type="string"),
                "vip": Field(label="VIP", type="boolean"),
            },
            default={"id": {"@path": "$.userId"}, "vip": {"@path": "$.traits.vip"}},
        ),
        "source": Field(label="Source", type="string", default="website"),
    },
)

DEMO = Destination(
    key="demo",
    name="Demo",
    slug="actions-demo",
    actions=[SIGN_UP],
    settings={
        "api_key": Field(label="API Key", type="password", required=True),
        "region": Field(label="Region", type="string", choices=["eu", "us"]),
        "endpoint": Field(label="Endpoint", type="string", format="uri"),
        "sandbox": Field(label="Sandbox", type="boolean", default=True),
    },
)


def _parts(event: dict[str, Any]) -> dict[str, Any]:
    return {key: event[key] for key in ("type", "event", "userId", "traits", "properties")}


def test_every_path_the_default_mapping_reads_gets_a_value_of_the_fields_type() -> None:
    generated = generate_events(DEMO, SIGN_UP)

    assert [_parts(event) for event in generated.events] == [
        {
            "type": "identify",
            "event": "Test Event",
            "userId": "id-50ddcf",
            "traits": {
                "email": "email.3bc96f@example.com",
                "plan": "free",
                "company": {"seats": 635},
                "vip": False,
            },
            "properties": {
                "products": [
                    {"sku": "sku-f69975", "price": 869.87},
                    {"sku": "sku-0773c2", "price": 488.67},
                ]
            },
        },
        {
            "type": "identify",
            "event": "Test Event",
            "userId": "id-a7de92",
            "traits": {
                "email": "email.4e0d00@example.com",
                "plan": "pro",
                "company": {"seats": 995},
                "vip": False,
            },
            "properties": {
                "products": [
                    {"sku": "sku-b4ef15", "price": 832.21},
                    {"sku": "sku-a3caa2", "price": 147.17},
                ]
            },
        },
    ]
    assert generated.matches_subscription is True


def test_the_rest_of_the_event_is_segments_test_event_with_fixed_utc_timestamps() -> None:
    (event, _) = generate_events(DEMO, SIGN_UP).events

    assert event["messageId"] == "test-message-id"
    assert (
        event["timestamp"] == event["sentAt"] == event["receivedAt"] == ("2024-01-01T00:00:00.000Z")
    )
    assert event["anonymousId"] == "anonId1234"


def test_generating_twice_gives_the_same_events() -> None:
    assert generate_events(DEMO, SIGN_UP) == generate_events(DEMO, SIGN_UP)


def test_adding_a_field_changes_no_other_fields_value() -> None:
    grown = Action(
        key="signUp",
        title="Sign Up",
        perform=perform,
        default_subscription='type = "identify"',
        fields={
            "nickname": Field(label="Nickname", type="string", default={"@path": "$.traits.nick"}),
            **SIGN_UP.fields,
        },
    )
    before = generate_events(DEMO, SIGN_UP).events[0]
    after = generate_events(DEMO, grown).events[0]

    assert after["traits"].pop("nick") == "nickname-03f7eb"
    assert after == before


GENERATED_NAMES = ["name-8e8b6a", "name-fe86e8"]
"""What the field mapping ``$.event`` puts there when the subscription does not pin the name."""


@pytest.mark.parametrize(
    ("subscription", "expected_type", "expected_names"),
    [
        ('type = "track"', "track", GENERATED_NAMES),
        ('type = "page"', "page", GENERATED_NAMES),
        ('type = "track" and event = "Order Completed"', "track", ["Order Completed"] * 2),
        ('event = "Cart Viewed" or event = "Cart Reviewed"', "track", ["Cart Viewed"] * 2),
        ('type = "identify" or type = "group"', "identify", GENERATED_NAMES),
        (None, "track", GENERATED_NAMES),
    ],
    ids=["track", "page", "named-event", "either-event", "either-type", "no-subscription"],
)
def test_the_event_has_the_type_and_name_the_default_subscription_asks_for(
    subscription: str | None, expected_type: str, expected_names: list[str]
) -> None:
    action = Action(
        key="a",
        title="A",
        perform=perform,
        default_subscription=subscription,
        fields={"name": Field(label="Name", type="string", default={"@path": "$.event"})},
    )

    generated = generate_events(DEMO, action)

    assert [(event["type"], event["event"]) for event in generated.events] == [
        (expected_type, name) for name in expected_names
    ]
    assert generated.matches_subscription is True


def test_a_subscription_no_generated_event_meets_is_reported_not_fatal() -> None:
    action = Action(
        key="bigOrders",
        title="Big Orders",
        perform=perform,
        default_subscription='type = "track" and properties.total > 1000',
    )

    generated = generate_events(DEMO, action)

    assert generated.matches_subscription is False
    assert [event["type"] for event in generated.events] == ["track", "track"]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (Field(label="L", type="string"), "order-id-d0d218"),
        (Field(label="L", type="text"), "order-id-d0d218"),
        (Field(label="L", type="password"), "placeholder-d0d2188a"),
        (Field(label="L", type="number"), 815.89),
        (Field(label="L", type="integer"), 836),
        (Field(label="L", type="boolean"), False),
        (Field(label="L", type="datetime"), "2024-11-12T18:55:45.000Z"),
        (Field(label="L", type="object"), {"order_id_attribute": "value-d0d218"}),
        (Field(label="L", type="string", format="email"), "order-id.d0d218@example.com"),
        (Field(label="L", type="string", format="uri"), "https://example.com/order-id/d0d218"),
        (Field(label="L", type="string", format="uuid"), "cc2a3fbd-f096-4e85-b3dd-86e748c59008"),
        (Field(label="L", type="string", format="date"), "2024-04-20"),
        (Field(label="L", type="string", format="ipv4"), "192.0.2.73"),
        (Field(label="L", type="string", choices=["a", "b", "c"]), "b"),
        (Field(label="L", type="string", multiple=True), ["order-id-d0d218", "order-id-48c590"]),
        (Field(label="L", type="integer", minimum=5, maximum=7), 6),
        (Field(label="L", type="number", maximum=0.5), 0.5),
        (Field(label="L", type="string", maximum=4), "orde"),
        (Field(label="L", type="string", minimum=20), "order-id-d0d218xxxxx"),
        (
            Field(
                label="L",
                type="object",
                properties={
                    "sku": Field(label="SKU", type="string"),
                    "qty": Field(label="Qty", type="integer"),
                },
            ),
            {"sku": "sku-d0d218", "qty": 292},
        ),
    ],
    ids=[
        "string",
        "text",
        "password",
        "number",
        "integer",
        "boolean",
        "datetime-utc",
        "object",
        "email",
        "uri",
        "uuid",
        "date",
        "ipv4",
        "choices",
        "multiple",
        "integer-range",
        "number-maximum",
        "max-length",
        "min-length",
        "object-properties",
    ],
)
def test_a_value_of_each_type_and_format(field: Field, expected: Any) -> None:
    assert generate_value(field, "order_id", random.Random("example")) == expected


def test_settings_keep_literal_defaults_and_give_passwords_a_placeholder() -> None:
    assert generate_settings(DEMO) == {
        "api_key": "placeholder-a3ffc4af",
        "region": "us",
        "endpoint": "https://example.com/endpoint/65cb24",
        "sandbox": True,
    }
