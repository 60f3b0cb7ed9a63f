"""Create or Update a User Profile: an identify call becomes an Insider user upsert."""

from __future__ import annotations

from typing import Any, Final

from actions_core.definitions import Action, ActionData, BatchData
from actions_core.fields import Field
from actions_core.request import RequestClient, Response

from .api import upsert
from .batch import BatchOutcome, upsert_batch
from .body import profile_user, require_identifier
from .fields import (
    ANONYMOUS_ID,
    APPEND_ARRAYS,
    EMAIL_AS_IDENTIFIER,
    ENABLE_BATCHING,
    PHONE_NUMBER_AS_IDENTIFIER,
    UUID,
)

__all__ = ["update_user_profile"]


def _trait(name: str) -> dict[str, Any]:
    return {"@path": f"$.traits.{name}"}


def _first_trait(name: str, fallback: str) -> dict[str, Any]:
    """``traits.<name>``, else ``traits.<fallback>`` (compat Q6: Segment reads only the fallback)."""
    return {"@if": {"exists": _trait(name), "then": _trait(name), "else": _trait(fallback)}}


FIELDS: Final[dict[str, Field]] = {
    "email_as_identifier": EMAIL_AS_IDENTIFIER,
    "phone_number_as_identifier": PHONE_NUMBER_AS_IDENTIFIER,
    "append_arrays": APPEND_ARRAYS,
    "age": Field(label="Age", type="number", description="Age of a user.", default=_trait("age")),
    "birthday": Field(
        label="Birthday",
        type="string",
        description="The user's birthday.",
        default=_trait("birthday"),
    ),
    "email": Field(
        label="Email",
        type="string",
        description="Email address of a user.",
        default=_trait("email"),
    ),
    "firstName": Field(
        label="First Name",
        type="string",
        description="First name of a user (sent as Insider's `name`).",
        default=_first_trait("firstName", "first_name"),
    ),
    "gender": Field(
        label="Gender", type="string", description="Gender of a user.", default=_trait("gender")
    ),
    "lastName": Field(
        label="Last Name",
        type="string",
        description="Last name of a user (sent as Insider's `surname`).",
        default=_first_trait("lastName", "last_name"),
    ),
    "phone": Field(
        label="Phone Number",
        type="string",
        description=(
            "User's phone number in E.164 format (e.g. +6598765432), can be used as an identifier. "
            "Sent as Insider's `phone_number`."
        ),
        default=_trait("phone"),
    ),
    "uuid": UUID,
    "segment_anonymous_id": ANONYMOUS_ID,
    "custom_identifiers": Field(
        label="Custom Identifiers",
        type="object",
        description=(
            "You can select your custom identifiers for the event: each key is the name of a "
            "custom identifier set up in Insider's Identity Resolution Management, sent as given."
        ),
    ),
    "city": Field(
        label="City", type="string", description="The user's city.", default=_trait("address.city")
    ),
    "country": Field(
        label="Country",
        type="string",
        description="The user's country.",
        default=_trait("address.country"),
    ),
    "gdprOptin": Field(label="GDPR Opt-in", type="boolean", description="GDPR opt-in."),
    "emailOptin": Field(label="Email Opt-in", type="boolean", description="Email opt-in."),
    "smsOptin": Field(label="SMS Opt-in", type="boolean", description="SMS opt-in."),
    "whatsappOptin": Field(label="Whatsapp Opt-in", type="boolean", description="Whatsapp opt-in."),
    "language": Field(
        label="Language",
        type="string",
        description='The user\'s preferred language; Insider receives "pt-BR" as `pt_BR`.',
    ),
    "custom": Field(
        label="Other Properties",
        type="object",
        description=(
            "The user's additional information: each key becomes a custom attribute in Insider, "
            "sent exactly as named."
        ),
    ),
    "enable_batching": ENABLE_BATCHING,
}


async def perform(request: RequestClient, data: ActionData) -> Response:
    require_identifier(data.payload)
    return await upsert(request, [profile_user(data.payload)])


async def perform_batch(request: RequestClient, data: BatchData) -> list[BatchOutcome]:
    return await upsert_batch(request, data.payloads, profile_user)


update_user_profile: Final = Action(
    key="updateUserProfile",
    title="Create or Update a User Profile",
    description="Action used to update a User's attribute in Insider InOne.",
    default_subscription='type = "identify"',
    fields=FIELDS,
    perform=perform,
    perform_batch=perform_batch,
)
