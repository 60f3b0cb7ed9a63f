"""Fields several Iterable actions share, declared once with Segment's keys, labels and defaults."""

from __future__ import annotations

from typing import Any, Final

from actions_core.fields import Condition, Conditions, Field

EMAIL_FROM_EVENT: Final[dict[str, Any]] = {
    "@if": {
        "exists": {"@path": "$.properties.email"},
        "then": {"@path": "$.properties.email"},
        "else": {"@path": "$.context.traits.email"},
    }
}
"""The email of a track call: ``properties.email`` when given, else the traits kept in the context."""

EMAIL_DESCRIPTION: Final = (
    "The user's email address. Iterable identifies users by email or by user ID: "
    "give at least one of the two."
)
USER_ID_DESCRIPTION: Final = (
    "The user's ID in your system. Iterable identifies users by email or by user ID: "
    "give at least one of the two."
)
BATCH_LIMIT: Final = 1001
"""Segment's batch size for Iterable's bulk endpoints; larger batches are sent in several requests."""


def email_field(default: Any) -> Field:
    return Field(
        label="Email Address",
        type="string",
        format="email",
        description=EMAIL_DESCRIPTION,
        default=default,
    )


USER_ID: Final = Field(
    label="User ID",
    type="string",
    description=USER_ID_DESCRIPTION,
    default={"@path": "$.userId"},
)

PHONE_NUMBER_DESCRIPTION: Final = (
    "The user's phone number in E.164 format (+14158675309). It is sent to Iterable as the "
    "user data field `phoneNumber`, which Iterable uses for SMS."
)

MERGE_NESTED_OBJECTS_DESCRIPTION: Final = (
    "When on, objects inside the data fields are merged with the ones Iterable already stores for "
    "the user, instead of replacing them. Only top-level objects are merged, not objects in arrays."
)

EVENT_ID: Final = Field(
    label="Event ID",
    type="string",
    description=(
        "A unique ID for the event. Iterable updates an event it already has with the same ID "
        "instead of recording a second one, so retries never duplicate events."
    ),
    default={"@path": "$.messageId"},
)

CREATED_AT: Final = Field(
    label="Timestamp",
    type="datetime",
    description=(
        "When the event happened. Sent to Iterable as Unix seconds; when it is missing, the time "
        "of sending is used."
    ),
    default={"@path": "$.timestamp"},
)

CAMPAIGN_ID: Final = Field(
    label="Campaign ID",
    type="integer",
    description="The Iterable campaign the event is attributed to, for revenue and conversion reports.",
    default={"@path": "$.properties.campaignId"},
)

TEMPLATE_ID: Final = Field(
    label="Template ID",
    type="integer",
    description="The Iterable template the event is attributed to, for revenue and conversion reports.",
    default={"@path": "$.properties.templateId"},
)

ENABLE_BATCHING: Final = Field(
    label="Enable Batching",
    type="boolean",
    description=(
        "Send events in batches through Iterable's bulk endpoint. A hint to the host that batches "
        "events; it is never sent to Iterable."
    ),
    default=True,
)

BATCH_SIZE: Final = Field(
    label="Batch Size",
    type="number",
    description=(
        "The largest number of events sent in one bulk request; a larger batch is split into several "
        "requests. Never sent to Iterable."
    ),
    default=BATCH_LIMIT,
    hidden=True,
)

BATCHING_HINTS: Final = frozenset({"enable_batching", "batch_size"})
"""Fields that steer batching and never reach Iterable (compat Q2)."""


def _user_properties(*, data_fields_before_merge: bool) -> dict[str, Field]:
    """The properties of the ``user`` object; the two commerce actions declare them in different
    orders, as Segment does."""
    email = email_field(EMAIL_FROM_EVENT)
    user_id = USER_ID
    merge = Field(
        label="Merge Nested Objects",
        type="boolean",
        description=MERGE_NESTED_OBJECTS_DESCRIPTION,
        default=False,
    )
    data_fields = Field(
        label="User Data Fields",
        type="object",
        description="Data stored on the user's profile in Iterable, keyed by field name.",
        default={"@path": "$.traits"},
    )
    phone = Field(
        label="User Phone Number",
        type="string",
        allow_null=True,
        description=PHONE_NUMBER_DESCRIPTION,
        default={"@path": "$.traits.phone"},
    )
    if data_fields_before_merge:
        return {
            "email": email,
            "userId": user_id,
            "dataFields": data_fields,
            "mergeNestedObjects": merge,
            "phoneNumber": phone,
        }
    return {
        "email": email,
        "userId": user_id,
        "mergeNestedObjects": merge,
        "dataFields": data_fields,
        "phoneNumber": phone,
    }


def user_field(*, data_fields_before_merge: bool) -> Field:
    """The ``user`` object of ``updateCart`` and ``trackPurchase``: who the cart or purchase is for."""
    return Field(
        label="User Data",
        type="object",
        required=True,
        description=(
            "The user the cart or purchase belongs to: email and/or user ID, plus data to store on "
            "their profile. Keys other than the listed ones are dropped."
        ),
        properties=_user_properties(data_fields_before_merge=data_fields_before_merge),
        default={
            "email": EMAIL_FROM_EVENT,
            "userId": {"@path": "$.userId"},
            "dataFields": {"@path": "$.context.traits"},
            "phoneNumber": {"@path": "$.context.traits.phone"},
            "mergeNestedObjects": False,
        },
    )


def item_shape(product_id: Any) -> dict[str, Any]:
    """How one product of ``properties.products`` becomes an Iterable commerce item."""
    return {
        "id": product_id,
        "sku": {"@path": "sku"},
        "categories": {"@path": "category"},
        "name": {"@path": "name"},
        "price": {"@path": "price"},
        "quantity": {"@path": "quantity"},
        "url": {"@path": "url"},
        "imageUrl": {"@path": "image_url"},
        "description": {"@path": "description"},
    }


ITEMS_MAPPING: Final = {
    "@arrayPath": ["$.properties.products", item_shape({"@path": "product_id"})]
}

ITEMS: Final = Field(
    label="Cart items",
    type="object",
    multiple=True,
    required=True,
    additional_properties=True,
    description=(
        "The products, each with an ID, name, price and quantity. Keys beyond the listed ones are "
        "kept on the item and also sent in the item's data fields."
    ),
    properties={
        "id": Field(
            label="Product Id",
            type="string",
            required=True,
            description="The product's ID (Segment's `product_id`).",
        ),
        "name": Field(
            label="Product Name", type="string", required=True, description="The product's name."
        ),
        "sku": Field(
            label="Product SKU", type="string", description="The product's stock keeping unit."
        ),
        "quantity": Field(
            label="Quantity",
            type="integer",
            required=True,
            description="How many units of the product.",
        ),
        "price": Field(
            label="Price", type="number", required=True, description="The price of one unit."
        ),
        "description": Field(
            label="Product Description", type="string", description="A description of the product."
        ),
        "categories": Field(
            label="Product Category",
            type="string",
            description="The product's category; Iterable receives it as a one-element list.",
        ),
        "url": Field(label="Product URL", type="string", description="The product's page."),
        "imageUrl": Field(
            label="Product Image URL", type="string", description="An image of the product."
        ),
    },
    default=ITEMS_MAPPING,
)

UPDATE_ONLY_DEPENDS_ON: Final = Conditions(
    conditions=(Condition(field="enable_batching", operator="is", value=True),)
)
