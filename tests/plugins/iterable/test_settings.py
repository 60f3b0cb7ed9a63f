"""Settings: the data centre chooses the API root, the key travels in ``Api-Key``, and the
credentials check calls Iterable's webhooks list (reference §1 to §3)."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.definitions import RequestData
from actions_core.errors import InvalidAuthenticationError
from actions_core.testing import TestDestination
from actions_iterable.settings import extend_request

EUROPE = {"apiKey": "eu-key", "dataCenterLocation": "europe"}
CART_EVENT = {
    "type": "track",
    "event": "Cart Updated",
    "userId": "u1",
    "properties": {"total": 5, "products": []},
}


@pytest.fixture
def dest() -> TestDestination:
    return TestDestination("iterable")


@pytest.mark.parametrize(
    ("action", "event", "url"),
    [
        (
            "updateUser",
            {"type": "identify", "userId": "u1"},
            "https://api.eu.iterable.com/api/users/update",
        ),
        (
            "trackEvent",
            {"type": "track", "event": "E", "userId": "u1"},
            "https://api.eu.iterable.com/api/events/track",
        ),
        ("updateCart", CART_EVENT, "https://api.eu.iterable.com/api/commerce/updateCart"),
        ("trackPurchase", CART_EVENT, "https://api.eu.iterable.com/api/commerce/trackPurchase"),
    ],
)
def test_europe_uses_the_eu_api_with_the_key_header(
    dest: TestDestination, action: str, event: dict[str, Any], url: str
) -> None:
    (request,) = dest.test_action(action, event=event, settings=EUROPE, use_test_event=False)
    assert (request.method, request.url, request.headers["api-key"]) == ("POST", url, "eu-key")


@pytest.mark.parametrize(
    ("action", "event", "url"),
    [
        (
            "updateUser",
            {"type": "identify", "userId": "u1"},
            "https://api.eu.iterable.com/api/users/bulkUpdate",
        ),
        (
            "trackEvent",
            {"type": "track", "event": "E", "userId": "u1"},
            "https://api.eu.iterable.com/api/events/trackBulk",
        ),
    ],
)
def test_europe_uses_the_eu_bulk_endpoints(
    dest: TestDestination, action: str, event: dict[str, Any], url: str
) -> None:
    (request,) = dest.test_batch_action(
        action, events=[event], settings=EUROPE, use_test_event=False
    )
    assert (request.url, request.headers["api-key"]) == (url, "eu-key")


@pytest.mark.parametrize(
    "settings",
    [{"apiKey": "us-key"}, {"apiKey": "us-key", "dataCenterLocation": "united_states"}],
    ids=["absent", "united_states"],
)
def test_the_united_states_is_the_default(dest: TestDestination, settings: dict[str, Any]) -> None:
    (request,) = dest.test_action("trackEvent", settings=settings)
    assert request.url == "https://api.iterable.com/api/events/track"


def test_requests_carry_the_key_and_a_30_second_timeout() -> None:
    assert extend_request(RequestData(settings={"apiKey": "k"})) == {
        "headers": {"Api-Key": "k"},
        "timeout": 30.0,
    }


@pytest.mark.parametrize(
    ("settings", "url"),
    [
        ({"apiKey": "k"}, "https://api.iterable.com/api/webhooks"),
        (
            {"apiKey": "k", "dataCenterLocation": "europe"},
            "https://api.eu.iterable.com/api/webhooks",
        ),
    ],
    ids=["us", "eu"],
)
def test_valid_credentials_pass_the_check(
    dest: TestDestination, settings: dict[str, Any], url: str
) -> None:
    dest.http.get(url).respond(200, json={"webhooks": []})
    dest.test_authentication(settings)
    (call,) = dest.http.calls
    assert (call.request.method, str(call.request.url), call.request.headers["api-key"]) == (
        "GET",
        url,
        "k",
    )


@pytest.mark.parametrize(
    "settings",
    [{"apiKey": "wrong"}, {"apiKey": "wrong", "dataCenterLocation": "europe"}],
    ids=["us", "eu"],
)
def test_a_rejected_key_fails_the_check(dest: TestDestination, settings: dict[str, Any]) -> None:
    dest.http.get(url__regex=r"/api/webhooks$").respond(
        401, json={"msg": "Invalid API key", "code": "BadApiKey"}
    )
    with pytest.raises(InvalidAuthenticationError) as caught:
        dest.test_authentication(settings)
    assert str(caught.value) == "Credentials are invalid: 401 Unauthorized"
