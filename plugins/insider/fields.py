"""Fields every Insider action shares: who the user is, how arrays merge, when, and batching.

Keys, labels, types and default mappings are Segment's (``reference/fields/insider.json``), so
mappings exported from Segment work unchanged; differences are marked with their compat number.
"""

from __future__ import annotations

from typing import Final

from actions_core.fields import Field

__all__ = [
    "ANONYMOUS_ID",
    "APPEND_ARRAYS",
    "CUSTOM_IDENTIFIERS",
    "EMAIL_AS_IDENTIFIER",
    "ENABLE_BATCHING",
    "EVENT_NAME",
    "PHONE_NUMBER_AS_IDENTIFIER",
    "TIMESTAMP",
    "UUID",
]

EMAIL_AS_IDENTIFIER: Final = Field(
    label="Treat Email as Identifier",
    type="boolean",
    description="If true, Email will be sent as identifier to Insider.",
    default=True,
)

PHONE_NUMBER_AS_IDENTIFIER: Final = Field(
    label="Treat Phone Number as Identifier",
    type="boolean",
    description="If true, Phone Number will be sent as identifier to Insider.",
    default=True,
)

APPEND_ARRAYS: Final = Field(
    label="Append Array Fields",
    type="boolean",
    description=(
        "If enabled, new data for array fields will be appended to the existing values in Insider. "
        "Otherwise the new values replace them."
    ),
    default=False,
)

UUID: Final = Field(
    label="UUID",
    type="string",
    description=(
        "User's unique identifier. The UUID string is used as identifier when sending data to "
        "Insider. UUID is required if the Anonymous Id field is empty."
    ),
    default={"@path": "$.userId"},
)

ANONYMOUS_ID: Final = Field(
    label="Anonymous Id",
    type="string",
    description=(
        "An Anonymous Identifier. The Anonymous Id string is used as identifier when sending data "
        "to Insider, as the custom identifier `segment_anonymous_id`. Anonymous Id is required if "
        "the UUID field is empty."
    ),
    default={"@path": "$.anonymousId"},
)

CUSTOM_IDENTIFIERS: Final = Field(
    label="Custom Identifiers",
    type="object",
    description=(
        "You can select your custom identifiers for the event: each key is the name of a custom "
        "identifier set up in Insider's Identity Resolution Management, sent as given. A key "
        "`segment_anonymous_id` replaces the Anonymous Id."
    ),
    additional_properties=True,
)
"""The track-type actions' spelling: the profile action's has no ``additionalProperties`` flag."""

EVENT_NAME: Final = Field(
    label="Event Name",
    type="string",
    required=True,
    description=(
        "The event name. Insider receives it lower-cased and trimmed, with each space replaced by "
        'an underscore ("Video Watched" becomes `video_watched`).'
    ),
    default={"@path": "$.event"},
)

TIMESTAMP: Final = Field(
    label="Timestamp",
    type="datetime",
    required=True,
    description=(
        "When the event occurred. Sent to Insider as ISO 8601 in UTC; epoch numbers are read as "
        "seconds below 100000000000 and as milliseconds above."
    ),
    default={"@path": "$.timestamp"},
)

ENABLE_BATCHING: Final = Field(
    label="Enable Batching?",
    type="boolean",
    description=(
        "When enabled, events are sent to Insider in batches (one request carries many users) "
        "where the host running the destination batches events. Each user's data is the same "
        "either way."
    ),
    default=False,
)
"""Seed 002 lists this toggle on every action; Segment's platform supplies it (compat Q17)."""
