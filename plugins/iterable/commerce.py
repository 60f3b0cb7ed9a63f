"""``updateCart`` and ``trackPurchase``: a user's shopping cart and completed purchases.

Iterable has no bulk endpoint for either, so batched events are sent one by one.
"""

from __future__ import annotations

from actions_core.definitions import Action, ActionData
from actions_core.fields import Field
from actions_core.request import RequestClient, Response

from .bodies import cart_body, purchase_body, require_identity
from .errors import check_answer
from .fields import CAMPAIGN_ID, CREATED_AT, ITEMS, TEMPLATE_ID, user_field
from .settings import base_url

CART_SUBSCRIPTION = 'type = "track" and event = "Cart Updated"'
"""Segment's default reads ``event == "Cart Updated"``, which never matches (compat Q1)."""
PURCHASE_SUBSCRIPTION = 'type = "track" and event = "Order Completed"'
"""Segment's default reads ``event == "Order Completed"``, which never matches (compat Q1)."""

CART_FIELDS: dict[str, Field] = {
    "user": user_field(data_fields_before_merge=False),
    "items": ITEMS,
}

PURCHASE_FIELDS: dict[str, Field] = {
    "id": Field(
        label="Order ID",
        type="string",
        description="The order's ID. Iterable updates a purchase it already has with the same ID.",
        default={"@path": "$.properties.order_id"},
    ),
    "user": user_field(data_fields_before_merge=True),
    "dataFields": Field(
        label="Event Data Fields",
        type="object",
        description=(
            "Data stored with the purchase in Iterable (`products` is left out: the items carry "
            "them). Date-times are converted to Iterable's date format; empty values are not sent."
        ),
        default={"@path": "$.properties"},
    ),
    "items": ITEMS,
    "total": Field(
        label="Total",
        type="number",
        required=True,
        description="The total amount of the purchase.",
        default={"@path": "$.properties.total"},
    ),
    "createdAt": CREATED_AT,
    "campaignId": CAMPAIGN_ID,
    "templateId": TEMPLATE_ID,
}


async def update_cart(request: RequestClient, data: ActionData) -> Response:
    user = data.payload["user"]
    require_identity(user.get("email"), user.get("userId"), "/user")
    body = cart_body(data.payload)
    url = f"{base_url(data.settings)}/api/commerce/updateCart"
    return check_answer(await request(url, method="POST", json=body))


async def track_purchase(request: RequestClient, data: ActionData) -> Response:
    user = data.payload["user"]
    require_identity(user.get("email"), user.get("userId"), "/user")
    body = purchase_body(data.payload)
    url = f"{base_url(data.settings)}/api/commerce/trackPurchase"
    return check_answer(await request(url, method="POST", json=body))


UPDATE_CART = Action(
    key="updateCart",
    title="Cart Updates",
    description=(
        "Replace the user's shopping cart in Iterable with the products of the event; Iterable "
        "records an updateCart event."
    ),
    default_subscription=CART_SUBSCRIPTION,
    fields=CART_FIELDS,
    perform=update_cart,
)

TRACK_PURCHASE = Action(
    key="trackPurchase",
    title="Track Purchase",
    description=(
        "Record a purchase in Iterable with its items and total; Iterable also empties the "
        "user's shopping cart."
    ),
    default_subscription=PURCHASE_SUBSCRIPTION,
    fields=PURCHASE_FIELDS,
    perform=track_purchase,
)
