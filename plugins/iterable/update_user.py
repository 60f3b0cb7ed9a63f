"""``updateUser`` (Upsert User): identify calls create or update Iterable users."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from actions_core.definitions import Action, ActionData, BatchData
from actions_core.fields import Field
from actions_core.request import RequestClient, Response
from actions_core.results import BatchItemFailure, BatchItemSuccess

from .bodies import require_identity, user_body
from .bulk import Results, completed, send_bulk
from .errors import check_answer
from .fields import (
    BATCH_SIZE,
    ENABLE_BATCHING,
    MERGE_NESTED_OBJECTS_DESCRIPTION,
    PHONE_NUMBER_DESCRIPTION,
    UPDATE_ONLY_DEPENDS_ON,
    USER_ID,
    email_field,
)
from .settings import base_url

FIELDS: dict[str, Field] = {
    "email": email_field({"@path": "$.traits.email"}),
    "userId": USER_ID,
    "dataFields": Field(
        label="User Data Fields",
        type="object",
        description=(
            "Data stored on the user's profile in Iterable, keyed by field name. Date-times are "
            "converted to Iterable's date format; empty values are not sent."
        ),
        default={"@path": "$.traits"},
    ),
    "phoneNumber": Field(
        label="User Phone Number",
        type="string",
        allow_null=True,
        description=PHONE_NUMBER_DESCRIPTION,
        default={"@path": "$.traits.phone"},
    ),
    "mergeNestedObjects": Field(
        label="Merge Nested Objects",
        type="boolean",
        description=MERGE_NESTED_OBJECTS_DESCRIPTION,
        default=False,
    ),
    "enable_batching": ENABLE_BATCHING,
    "updateOnly": Field(
        label="Update Only",
        type="boolean",
        description=(
            "In batches: only update users Iterable already has, never create new ones. A user "
            "Iterable does not know fails with USER_NOT_FOUND."
        ),
        depends_on=UPDATE_ONLY_DEPENDS_ON,
    ),
    "batch_size": BATCH_SIZE,
}


def _checked_user(payload: Mapping[str, Any]) -> dict[str, Any]:
    require_identity(payload.get("email"), payload.get("userId"))
    return user_body(payload)


async def perform(request: RequestClient, data: ActionData) -> Response:
    body = _checked_user(data.payload)
    answer = await request(f"{base_url(data.settings)}/api/users/update", method="POST", json=body)
    return check_answer(answer)


async def perform_batch(
    request: RequestClient, data: BatchData
) -> list[BatchItemSuccess | BatchItemFailure]:
    """One bulk request per ``updateOnly`` value, so each user is sent as its own mapping asked
    (compat Q5: Segment applies the first user's value to all)."""
    by_update_only: dict[bool, list[int]] = {}
    for index, payload in enumerate(data.payloads):
        by_update_only.setdefault(payload.get("updateOnly") is True, []).append(index)
    results: Results = [None] * len(data.payloads)
    for update_only, indices in by_update_only.items():
        await send_bulk(
            request,
            f"{base_url(data.settings)}/api/users/bulkUpdate",
            payloads=data.payloads,
            indices=indices,
            make_item=_checked_user,
            wrap=_update_only_users if update_only else _users,
            results=results,
        )
    return completed(results)


def _update_only_users(users: list[dict[str, Any]]) -> dict[str, Any]:
    return {"updateOnly": True, "users": users}


def _users(users: list[dict[str, Any]]) -> dict[str, Any]:
    return {"users": users}


ACTION = Action(
    key="updateUser",
    title="Upsert User",
    description=(
        "Create or update a user in Iterable: their email, user ID, phone number and profile data. "
        "Batched identify calls go through Iterable's bulk update."
    ),
    default_subscription='type = "identify"',
    fields=FIELDS,
    perform=perform,
    perform_batch=perform_batch,
)
