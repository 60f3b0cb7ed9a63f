"""Connecting to Iterable: the API key, the data centre, and the credentials check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from actions_core.definitions import RequestData
from actions_core.fields import Choice, Field
from actions_core.request import RequestClient, Response

BASE_URLS: Final[Mapping[str, str]] = {
    "united_states": "https://api.iterable.com",
    "europe": "https://api.eu.iterable.com",
}
REQUEST_TIMEOUT: Final = 30.0
"""Seconds; Iterable's bulk endpoints can be slow, so Segment allows 30 s instead of 10 s."""

SETTINGS: Final[Mapping[str, Field]] = {
    "apiKey": Field(
        label="API Key",
        type="password",
        required=True,
        description=(
            "A server-side API key of your Iterable project (Integrations → API Keys). Create one "
            "for this destination alone, so you can revoke it without breaking anything else."
        ),
    ),
    "dataCenterLocation": Field(
        label="Data Center Location",
        type="string",
        format="text",
        choices=[
            Choice(value="united_states", label="United States"),
            Choice(value="europe", label="Europe"),
        ],
        default="united_states",
        description=(
            "Where your Iterable project is hosted: the United States (api.iterable.com) or "
            "Europe (api.eu.iterable.com)."
        ),
    ),
}


def base_url(settings: Mapping[str, Any]) -> str:
    """The API root of the project's data centre; the United States when the setting is absent."""
    return BASE_URLS.get(settings.get("dataCenterLocation", ""), BASE_URLS["united_states"])


def extend_request(data: RequestData) -> dict[str, Any]:
    """Every request carries the API key in Iterable's ``Api-Key`` header."""
    return {"headers": {"Api-Key": data.settings["apiKey"]}, "timeout": REQUEST_TIMEOUT}


async def test_authentication(request: RequestClient, settings: Mapping[str, Any]) -> Response:
    """Lists the project's webhooks: any key of the project may, an unknown key gets 401."""
    return await request(f"{base_url(settings)}/api/webhooks", method="GET")
