"""``trackEvent`` (Custom Event): track calls become Iterable custom events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from actions_core.definitions import Action, ActionData, BatchData
from actions_core.fields import Field
from actions_core.request import RequestClient, Response
from actions_core.results import BatchItemFailure, BatchItemSuccess

from .bodies import event_body, require_identity
from .bulk import Results, completed, send_bulk
from .errors import check_answer
from .fields import (
    BATCH_SIZE,
    CAMPAIGN_ID,
    CREATED_AT,
    EMAIL_FROM_EVENT,
    ENABLE_BATCHING,
    EVENT_ID,
    TEMPLATE_ID,
    USER_ID,
    email_field,
)
from .settings import base_url

TRACK_SUBSCRIPTION = 'type = "track" and event != "Order Completed" and event != "Cart Updated"'

EVENT_DATA_FIELDS = Field(
    label="Event Data Fields",
    type="object",
    description=(
        "Data stored with the event in Iterable, keyed by field name. Date-times are converted to "
        "Iterable's date format; empty values are not sent."
    ),
    default={"@path": "$.properties"},
)

FIELDS: dict[str, Field] = {
    "email": email_field(EMAIL_FROM_EVENT),
    "userId": USER_ID,
    "eventName": Field(
        label="Event name",
        type="string",
        required=True,
        description="The name the event has in Iterable.",
        default={"@path": "$.event"},
    ),
    "dataFields": EVENT_DATA_FIELDS,
    "id": EVENT_ID,
    "createdAt": CREATED_AT,
    "campaignId": CAMPAIGN_ID,
    "templateId": TEMPLATE_ID,
    "enable_batching": ENABLE_BATCHING,
    "batch_size": BATCH_SIZE,
}


def checked_event(payload: Mapping[str, Any]) -> dict[str, Any]:
    require_identity(payload.get("email"), payload.get("userId"))
    return event_body(payload)


async def perform(request: RequestClient, data: ActionData) -> Response:
    body = checked_event(data.payload)
    answer = await request(f"{base_url(data.settings)}/api/events/track", method="POST", json=body)
    return check_answer(answer)


async def perform_batch(
    request: RequestClient, data: BatchData
) -> list[BatchItemSuccess | BatchItemFailure]:
    results: Results = [None] * len(data.payloads)
    await send_bulk(
        request,
        f"{base_url(data.settings)}/api/events/trackBulk",
        payloads=data.payloads,
        indices=range(len(data.payloads)),
        make_item=checked_event,
        wrap=lambda events: {"events": events},
        results=results,
    )
    return completed(results)


ACTION = Action(
    key="trackEvent",
    title="Custom Event",
    description=(
        "Record a custom event in Iterable, with its properties as event data. Batched events go "
        "through Iterable's bulk track."
    ),
    default_subscription=TRACK_SUBSCRIPTION,
    fields=FIELDS,
    perform=perform,
    perform_batch=perform_batch,
)
