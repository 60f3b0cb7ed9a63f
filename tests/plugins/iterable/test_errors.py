"""Errors: events Iterable cannot take are rejected before sending, with the reason; Iterable's
answers are classified retryable or permanent (reference §9)."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import HTTPError, InvalidSettingsError, PayloadValidationError
from actions_core.testing import TestDestination
from actions_iterable.errors import IterableError

SETTINGS = {"apiKey": "iterable-key"}
TRACK_URL = "https://api.iterable.com/api/events/track"
ANONYMOUS_TRACK = {
    "type": "track",
    "event": "Order Completed",
    "messageId": "m1",
    "properties": {"total": 1, "products": []},
}


@pytest.fixture
def dest() -> TestDestination:
    return TestDestination("iterable")


@pytest.mark.parametrize(
    ("action", "event", "pointer"),
    [
        ("updateUser", {"type": "identify", "traits": {"plan": "pro"}}, ""),
        ("trackEvent", ANONYMOUS_TRACK, ""),
        ("updateCart", ANONYMOUS_TRACK, "/user"),
        ("trackPurchase", ANONYMOUS_TRACK, "/user"),
    ],
)
def test_neither_email_nor_user_id_is_a_payload_error_naming_both(
    dest: TestDestination, action: str, event: dict[str, Any], pointer: str
) -> None:
    with pytest.raises(PayloadValidationError) as caught:
        dest.test_action(action, event=event, settings=SETTINGS, use_test_event=False)
    assert [(issue.pointer, issue.message) for issue in caught.value.issues] == [
        (pointer, "Must include email or userId.")
    ]
    assert (caught.value.status, caught.value.code) == (400, "PAYLOAD_VALIDATION_FAILED")
    assert len(dest.http.calls) == 0


@pytest.mark.parametrize(
    ("action", "event", "message"),
    [
        pytest.param(
            "trackEvent",
            {"type": "track", "event": "E", "userId": "u", "properties": {"email": "nope"}},
            "Email Address must be a valid email address string but it was not.",
            id="email-format",
        ),
        pytest.param(
            "trackEvent",
            {"type": "track", "event": "E", "userId": "u", "properties": {"campaignId": "abc"}},
            "Campaign ID must be an integer but it was a string.",
            id="campaign-id",
        ),
        pytest.param(
            "trackEvent",
            {"type": "track", "userId": "u"},
            "The root value is missing the required field 'eventName'.",
            id="event-name",
        ),
        pytest.param(
            "trackPurchase",
            {"type": "track", "userId": "u", "properties": {"products": []}},
            "The root value is missing the required field 'total'.",
            id="total",
        ),
        pytest.param(
            "updateCart",
            {
                "type": "track",
                "userId": "u",
                "properties": {"products": [{"product_id": "p", "name": "n", "quantity": 1}]},
            },
            "The value at /items/0 is missing the required field 'price'.",
            id="item-price",
        ),
    ],
)
def test_invalid_payloads_are_rejected_with_segments_messages(
    dest: TestDestination, action: str, event: dict[str, Any], message: str
) -> None:
    with pytest.raises(PayloadValidationError) as caught:
        dest.test_action(action, event=event, settings=SETTINGS, use_test_event=False)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        pytest.param(
            {"apiKey": "k", "dataCenterLocation": "asia"},
            'Data Center Location must be one of: "united_states" or "europe".',
            id="data-center",
        ),
        pytest.param({}, "The root value is missing the required field 'apiKey'.", id="api-key"),
    ],
)
def test_invalid_settings_fail_every_event(
    dest: TestDestination, settings: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidSettingsError) as caught:
        dest.test_action("trackEvent", settings=settings)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("status", "body", "retryable"),
    [
        pytest.param(
            400, {"msg": "Invalid params", "code": "BadParams"}, False, id="400-bad-params"
        ),
        pytest.param(401, {"msg": "Invalid API key", "code": "BadApiKey"}, False, id="401"),
        pytest.param(409, {"msg": "conflict", "code": "ExternalKeyConflict"}, False, id="409"),
        pytest.param(429, {"msg": "Slow down", "code": "RateLimitExceeded"}, True, id="429"),
        pytest.param(500, {"msg": "oops", "code": "DatabaseError"}, True, id="500"),
        pytest.param(503, "Service Unavailable", True, id="503-text"),
    ],
)
def test_http_errors_are_retried_by_status(
    dest: TestDestination, status: int, body: Any, retryable: bool
) -> None:
    if isinstance(body, dict):
        dest.http.post(TRACK_URL).respond(status, json=body)
    else:
        dest.http.post(TRACK_URL).respond(status, text=body)
    with pytest.raises(HTTPError) as caught:
        dest.test_action("trackEvent", settings=SETTINGS)
    assert (caught.value.status, caught.value.retryable) == (status, retryable)
    assert dest.results[0].body == body


def test_retry_after_is_kept_for_the_host(dest: TestDestination) -> None:
    dest.http.post(TRACK_URL).respond(
        429, headers={"Retry-After": "7"}, json={"code": "RateLimitExceeded"}
    )
    with pytest.raises(HTTPError) as caught:
        dest.test_action("trackEvent", settings=SETTINGS)
    assert caught.value.retry_after == 7.0


@pytest.mark.parametrize(
    ("code", "status", "retryable"),
    [
        ("BadParams", 400, False),
        ("InvalidEmailAddressError", 400, False),
        ("RateLimitExceeded", 429, True),
        ("DatabaseError", 500, True),
    ],
)
def test_a_2xx_answer_with_an_error_code_fails(
    dest: TestDestination, code: str, status: int, retryable: bool
) -> None:
    dest.http.post(TRACK_URL).respond(200, json={"msg": "details", "code": code, "params": None})
    with pytest.raises(IterableError) as caught:
        dest.test_action("trackEvent", settings=SETTINGS)
    error = caught.value
    assert (error.code, error.status, error.retryable, str(error)) == (
        code,
        status,
        retryable,
        f"Iterable answered {code}: details",
    )


def test_a_2xx_answer_with_success_succeeds(dest: TestDestination) -> None:
    answer = {"msg": "Event with id: m1 tracked.", "code": "Success", "params": {"id": "m1"}}
    dest.http.post(TRACK_URL).respond(200, json=answer)
    dest.test_action("trackEvent", settings=SETTINGS)
    (result,) = dest.results
    assert (result.ok, result.status, result.body) == (True, 200, answer)
