"""The nine track-type actions: a Segment track event becomes an Insider event on the user.

They differ only in their trigger, the Insider event name and which event parameters they map, so
they are built from one recipe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Protocol

from actions_core.definitions import Action, ActionData, BatchData, Perform, PerformBatch
from actions_core.fields import Field
from actions_core.request import RequestClient, Response

from .api import upsert
from .batch import BatchOutcome, upsert_batch
from .body import Payload, User, require_identifier, restore_numeric_variant, track_user
from .event_fields import (
    ATTRIBUTES,
    CART_PARAMETERS,
    CHECKOUT_PARAMETERS,
    ORDER_PARAMETERS,
    PRODUCT_LIST_PARAMETERS,
    PRODUCT_PARAMETERS,
    PRODUCTS,
    TRACK_PARAMETERS,
)
from .fields import (
    ANONYMOUS_ID,
    APPEND_ARRAYS,
    CUSTOM_IDENTIFIERS,
    EMAIL_AS_IDENTIFIER,
    ENABLE_BATCHING,
    EVENT_NAME,
    PHONE_NUMBER_AS_IDENTIFIER,
    TIMESTAMP,
    UUID,
)
from .names import normalise_name

__all__ = ["EVENT_ACTIONS"]


class UserBuilder(Protocol):
    def __call__(self, payload: Payload, *, batch: bool) -> User: ...


def _custom_event_user(payload: Payload, *, batch: bool) -> User:
    """``trackEvent``: the event keeps the user's own name, normalised."""
    payload = restore_numeric_variant(payload)
    return track_user(payload, normalise_name(payload["event_name"]), batch=batch)


def _named_event_user(event_name: str) -> UserBuilder:
    """The ecommerce actions: the event carries Insider's name for it."""

    def build(payload: Payload, *, batch: bool) -> User:
        return track_user(payload, event_name, batch=batch)

    return build


def _performers(build: UserBuilder) -> tuple[Perform, PerformBatch]:
    async def perform(request: RequestClient, data: ActionData) -> Response:
        require_identifier(data.payload)
        return await upsert(request, [build(data.payload, batch=False)])

    async def perform_batch(request: RequestClient, data: BatchData) -> list[BatchOutcome]:
        return await upsert_batch(request, data.payloads, _in_batch(build))

    return perform, perform_batch


def _in_batch(build: UserBuilder) -> Callable[[Payload], User]:
    return lambda payload: build(payload, batch=True)


def _fields(
    parameters: Field | None = None, *, products: bool = False, event_name: bool = False
) -> dict[str, Field]:
    """The fields of a track-type action, in Segment's order (``enable_batching`` last)."""
    fields: dict[str, Field] = {
        "email_as_identifier": EMAIL_AS_IDENTIFIER,
        "phone_number_as_identifier": PHONE_NUMBER_AS_IDENTIFIER,
        "append_arrays": APPEND_ARRAYS,
        "uuid": UUID,
        "segment_anonymous_id": ANONYMOUS_ID,
        "custom_identifiers": CUSTOM_IDENTIFIERS,
    }
    if event_name:
        fields["event_name"] = EVENT_NAME
    fields["timestamp"] = TIMESTAMP
    if parameters is not None:
        fields["parameters"] = parameters
    if products:
        fields["products"] = PRODUCTS
    fields["attributes"] = ATTRIBUTES
    fields["enable_batching"] = ENABLE_BATCHING
    return fields


def _action(
    key: str,
    title: str,
    description: str,
    subscription: str,
    build: UserBuilder,
    fields: dict[str, Field],
) -> Action:
    perform, perform_batch = _performers(build)
    return Action(
        key=key,
        title=title,
        description=description,
        default_subscription=subscription,
        fields=fields,
        perform=perform,
        perform_batch=perform_batch,
    )


EVENT_ACTIONS: Final = (
    _action(
        "trackEvent",
        "Track Event",
        "Record custom event to Insider",
        'type = "track"',
        _custom_event_user,
        _fields(TRACK_PARAMETERS, products=True, event_name=True),
    ),
    _action(
        "productListViewedEvent",
        "Product List Viewed Event",
        "Record Product List View Event to Insider",
        'type = "track" and event = "Product List Viewed"',
        _named_event_user("listing_page_view"),
        _fields(PRODUCT_LIST_PARAMETERS),
    ),
    _action(
        "productViewedEvent",
        "Product Viewed Event",
        "Record Product View Event to Insider",
        'type = "track" and event = "Product Viewed"',
        _named_event_user("product_detail_page_view"),
        _fields(PRODUCT_PARAMETERS),
    ),
    _action(
        "productAddedEvent",
        "Product Added Event",
        "Record Product Added Event to Insider",
        'type = "track" and event = "Product Added"',
        _named_event_user("item_added_to_cart"),
        _fields(PRODUCT_PARAMETERS),
    ),
    _action(
        "productRemovedEvent",
        "Product Removed Event",
        "Record Product Removed Event to Insider",
        'type = "track" and event = "Product Removed"',
        _named_event_user("item_removed_from_cart"),
        _fields(PRODUCT_PARAMETERS),
    ),
    _action(
        "userRegisteredEvent",
        "User Registered Event",
        "Record User Registered Event to Insider",
        'type = "track" and event = "User Registered"',
        _named_event_user("sign_up_confirmation"),
        _fields(),
    ),
    _action(
        "cartViewedEvent",
        "Cart Viewed Event",
        "Record Cart Viewed Event to Insider",
        # Segment subscribes to "Cart Viewed" only; Insider's guide names "Cart Reviewed" (compat Q17)
        'type = "track" and (event = "Cart Viewed" or event = "Cart Reviewed")',
        _named_event_user("cart_page_view"),
        _fields(CART_PARAMETERS, products=True),
    ),
    _action(
        "checkoutEvent",
        "Checkout Event",
        "Record Checkout Events to Insider",
        'type = "track" and (event = "Checkout Started" or event = "Checkout Step Viewed")',
        _named_event_user("checkout_page_view"),
        _fields(CHECKOUT_PARAMETERS, products=True),
    ),
    _action(
        "orderCompletedEvent",
        "Order Completed Event",
        "Record Order Completed Event to Insider",
        'type = "track" and event = "Order Completed"',
        _named_event_user("confirmation_page_view"),
        _fields(ORDER_PARAMETERS, products=True),
    ),
)
