"""``render_reference_page``: a destination's Markdown reference page, in the shape of Segment's."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.definitions import Action, ActionData, BatchData, Destination, Preset
from actions_core.fields import Condition, Conditions, Field
from actions_core.reference_page import readable_mapping, render_reference_page


async def perform(request: Any, data: ActionData) -> None:
    return None


async def perform_batch(request: Any, data: BatchData) -> None:
    return None


PARCEL = Destination(
    key="parcel",
    name="Parcel (Actions)",
    slug="actions-parcel",
    description=(
        "Parcel ships your orders.\n\n"
        "## Differences from Segment's engine\n\n"
        "- Dates without a zone are read as UTC."
    ),
    settings={
        "api_key": Field(
            label="API Key", type="password", required=True, description="From Settings > API."
        ),
        "region": Field(label="Region", type="string", default="eu", choices=["eu", "us"]),
    },
    presets=[
        Preset(
            name="Orders",
            action="shipOrder",
            subscribe='type = "track" and event = "Order Completed"',
        ),
        Preset(
            name="Warehouse rows",
            action="shipOrder",
            type="specificEvent",
            event_slug="warehouse_entity_added_track",
        ),
    ],
    actions=[
        Action(
            key="shipOrder",
            title="Ship Order",
            description="Create a shipment for an order.",
            default_subscription='type = "track" and event = "Order Completed"',
            fields={
                "order_id": Field(
                    label="Order ID",
                    type="string",
                    required=True,
                    description="The order's\nidentifier.",
                    default={"@path": "$.properties.order_id"},
                ),
                "email": Field(
                    label="Email",
                    type="string",
                    format="email",
                    required=Conditions(
                        conditions=[
                            Condition(field="phone", operator="is"),
                        ]
                    ),
                    default={
                        "@if": {
                            "exists": {"@path": "$.email"},
                            "then": {"@path": "$.email"},
                            "else": {"@path": "$.mail"},
                        }
                    },
                ),
                "phone": Field(label="Phone", type="string", description="E.164 | local"),
                "speed": Field(
                    label="Speed",
                    type="string",
                    choices=["standard", "express"],
                    default="standard",
                ),
                "note": Field(
                    label="Note",
                    type="text",
                    default={"@template": "Order {{properties.order_id}}"},
                ),
                "items": Field(
                    label="Items",
                    type="object",
                    multiple=True,
                    default={"@path": "$.properties.products"},
                    properties={
                        "sku": Field(label="SKU", type="string", required=True),
                        "quantity": Field(label="Quantity", type="integer"),
                    },
                ),
            },
            perform=perform,
            perform_batch=perform_batch,
        ),
        Action(key="ping", title="Ping", perform=perform, hidden=True),
    ],
)

EXPECTED = """\
# Parcel (Actions)

Parcel ships your orders.

## Differences from Segment's engine

- Dates without a zone are read as UTC.

- Short name: `parcel`
- Segment slug: `actions-parcel`
- Mode: cloud

## Destination settings

| Setting | Key | Type | Required | Description |
|---|---|---|---|---|
| API Key | `api_key` | password (secret) | yes | From Settings > API. |
| Region | `region` | string | no | Default: `"eu"`. |

## Available presets

Parcel (Actions) has the following presets:

| Preset | Trigger | Action |
|---|---|---|
| Orders | `type = "track" and event = "Order Completed"` | Ship Order (`shipOrder`) |
| Warehouse rows | Segment event `warehouse_entity_added_track` | Ship Order (`shipOrder`) |

## Available actions

### Ship Order

Create a shipment for an order.

- Action key: `shipOrder`
- Default trigger: `type = "track" and event = "Order Completed"`
- Batching: supported

| Field | Label and description | Type | Required | Default mapping |
|---|---|---|---|---|
| `order_id` | **Order ID** — The order's identifier. | string | yes | `$.properties.order_id` |
| `email` | **Email** | string | if `phone` has no value | `$.email` if `$.email` exists, else `$.mail` |
| `phone` | **Phone** — E.164 \\| local | string | no |  |
| `speed` | **Speed** One of: `"standard"`, `"express"`. | string | no | `"standard"` |
| `note` | **Note** | text | no | template `Order {{properties.order_id}}` |
| `items` | **Items** | list of object | no | `$.properties.products` |
| `items.sku` | **SKU** | string | yes |  |
| `items.quantity` | **Quantity** | integer | no |  |

### Ping

- Action key: `ping`
- Default trigger: none
- Batching: not supported
- Hidden: not offered in user interfaces

This action has no fields.
"""


def test_renders_the_whole_page() -> None:
    assert render_reference_page(PARCEL) == EXPECTED


def test_a_destination_with_nothing_says_so() -> None:
    empty = Destination(key="bare", name="Bare", slug="actions-bare", actions=[])
    assert render_reference_page(empty) == (
        "# Bare\n\n"
        "- Short name: `bare`\n- Segment slug: `actions-bare`\n- Mode: cloud\n\n"
        "## Destination settings\n\nThis destination has no settings.\n\n"
        "## Available presets\n\nThis destination has no presets.\n\n"
        "## Available actions\n\nThis destination has no actions.\n"
    )


@pytest.mark.parametrize(
    ("mapping", "shown"),
    [
        pytest.param({"@path": "$.userId"}, "`$.userId`", id="path"),
        pytest.param({"@literal": {"a": 1}}, '`{"a":1}`', id="literal"),
        pytest.param(True, "`true`", id="boolean"),
        pytest.param("web", '`"web"`', id="string"),
        pytest.param(
            {"@if": {"blank": {"@path": "$.a"}, "then": {"@path": "$.a"}}},
            "`$.a` if `$.a` is not blank, else nothing",
            id="if-blank-without-else",
        ),
        pytest.param(
            {"email": {"@path": "$.traits.email"}, "source": "web"},
            '{ `email`: `$.traits.email`, `source`: `"web"` }',
            id="object",
        ),
        pytest.param(
            {"@arrayPath": ["$.products", {"id": {"@path": "$.sku"}}]},
            '`{"@arrayPath":["$.products",{"id":{"@path":"$.sku"}}]}`',
            id="other-directive-as-json",
        ),
        pytest.param({"@template": "a `b`"}, "template `` a `b` ``", id="backticks-in-code"),
    ],
)
def test_default_mappings_read_plainly(mapping: Any, shown: str) -> None:
    assert readable_mapping(mapping) == shown
