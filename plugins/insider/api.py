"""Insider's Unified Customer Database API: one upsert endpoint for profiles and events alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from actions_core.definitions import RequestData
from actions_core.request import RequestClient, Response

__all__ = ["PLATFORM", "TIMEOUT_SECONDS", "UPSERT_URL", "request_options", "upsert"]

UPSERT_URL: Final = "https://unification.useinsider.com/api/user/v1/upsert"
PLATFORM: Final = "segment"
"""Insider attributes the data to its Segment integration by this name (header and body)."""
TIMEOUT_SECONDS: Final = 10.0
"""Segment's default request timeout, which Insider's integration runs with."""


def request_options(data: RequestData) -> dict[str, Any]:
    """The headers every request carries: the account, its API key and the integration's name."""
    return {
        "headers": {
            "X-PARTNER-NAME": data.settings["account_name"],
            "X-REQUEST-TOKEN": data.settings["ucd_key"],
            "X-PLATFORM-NAME": PLATFORM,
        },
        "timeout": TIMEOUT_SECONDS,
    }


async def upsert(request: RequestClient, users: Sequence[dict[str, Any]]) -> Response:
    """Create or update ``users`` (with their events) in one request."""
    return await request(
        UPSERT_URL, method="POST", json={"users": list(users), "platform": PLATFORM}
    )
