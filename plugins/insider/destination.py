"""Insider Cloud Mode (Actions): the destination as Segment's users know it.

Every action upserts users (with their events) through Insider's Unified Customer Database API;
identify calls reach it through the preset, track calls through mappings the user adds.
"""

from __future__ import annotations

from typing import Final

from actions_core.definitions import Destination, Preset
from actions_core.fields import Field

from .api import request_options
from .compatibility import COMPATIBILITY
from .event_actions import EVENT_ACTIONS
from .profile_action import update_user_profile

__all__ = ["destination"]

SETTINGS: Final = {
    "account_name": Field(
        label="Account Name",
        type="string",
        required=True,
        description=(
            "You can get your Account Name via Insider Inone Panel > Settings > Inone Settings > "
            "Account Preferences."
        ),
    ),
    "ucd_key": Field(
        label="API Key",
        type="password",
        required=True,
        description=(
            "You can get your API Key via Insider Inone Panel > Settings > Preferences > "
            "Integration Settings."
        ),
    ),
}

PRESET: Final = Preset(
    name="Create or Update a User Profile",
    action="updateUserProfile",
    subscribe='type = "identify"',
)

destination: Final = Destination(
    key="insider",
    name="Insider Cloud Mode (Actions)",
    slug="actions-insider-cloud",
    compatibility=COMPATIBILITY,
    description=(
        "Send users, their attributes and their events to Insider's Unified Customer Database."
    ),
    settings=SETTINGS,
    extend_request=request_options,
    presets=(PRESET,),
    actions=[update_user_profile, *EVENT_ACTIONS],
)
