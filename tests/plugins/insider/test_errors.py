"""Failures are typed: bad settings and payloads before any request, Insider's answers by status."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.definitions import RequestData
from actions_core.errors import HTTPError, InvalidSettingsError, PayloadValidationError
from actions_core.testing import TestDestination
from actions_insider.api import request_options
from actions_insider.destination import destination

SETTINGS = {"account_name": "acme", "ucd_key": "secret-key"}
URL = "https://unification.useinsider.com/api/user/v1/upsert"


@pytest.mark.parametrize(
    ("status", "code", "retryable"),
    [
        pytest.param(400, "BAD_REQUEST", False, id="400-permanent"),
        pytest.param(401, "UNAUTHORIZED", False, id="401-permanent"),
        pytest.param(429, "TOO_MANY_REQUESTS", True, id="429-retryable"),
        pytest.param(500, "INTERNAL_SERVER_ERROR", True, id="500-retryable"),
    ],
)
def test_insiders_answer_decides_whether_to_retry(status: int, code: str, retryable: bool) -> None:
    dest = TestDestination(destination)
    dest.http.post(URL).respond(status)
    with pytest.raises(HTTPError) as raised:
        dest.test_action("trackEvent", settings=SETTINGS)
    assert (raised.value.status, raised.value.code, raised.value.retryable) == (
        status,
        code,
        retryable,
    )
    [result] = dest.results
    assert (result.status, result.retryable, result.reporter) == (status, retryable, "DESTINATION")


def test_retry_after_is_kept_for_the_host() -> None:
    dest = TestDestination(destination)
    dest.http.post(URL).respond(429, headers={"Retry-After": "3"})
    with pytest.raises(HTTPError) as raised:
        dest.test_action("updateUserProfile", settings=SETTINGS)
    assert raised.value.retry_after == 3.0


def test_the_api_key_never_appears_in_an_error() -> None:
    dest = TestDestination(destination)
    dest.http.post(URL).respond(401, text="token secret-key is not valid")
    with pytest.raises(HTTPError) as raised:
        dest.test_action("trackEvent", settings=SETTINGS)
    assert "secret-key" not in str(raised.value)
    assert "is not valid" in str(raised.value)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        pytest.param(
            {"account_name": "acme"},
            "The root value is missing the required field 'ucd_key'.",
            id="no-api-key",
        ),
        pytest.param(
            {"ucd_key": "secret-key"},
            "The root value is missing the required field 'account_name'.",
            id="no-account",
        ),
    ],
)
def test_missing_settings_fail_before_any_request(settings: dict[str, Any], message: str) -> None:
    dest = TestDestination(destination)
    with pytest.raises(InvalidSettingsError) as raised:
        dest.test_action("trackEvent", settings=settings)
    assert str(raised.value) == message
    assert len(dest.http.calls) == 0


@pytest.mark.parametrize(
    ("action", "event", "message"),
    [
        pytest.param(
            "trackEvent",
            {"timestamp": None},
            "The root value is missing the required field 'timestamp'.",
            id="no-timestamp",
        ),
        pytest.param(
            "trackEvent",
            {"timestamp": "not a date"},
            "Timestamp must be a valid date-like string but it was not.",
            id="bad-timestamp",
        ),
        pytest.param(
            "trackEvent",
            {"event": None},
            "The root value is missing the required field 'event_name'.",
            id="no-event-name",
        ),
        pytest.param(
            "trackEvent",
            {"properties": {"quantity": 1.5}},
            "Quantity must be an integer but it was a number.",
            id="fractional-quantity",
        ),
        pytest.param(
            "updateUserProfile",
            {"type": "identify", "traits": {"age": "old"}},
            "Age must be a number but it was a string.",
            id="text-age",
        ),
    ],
)
def test_invalid_payloads_are_reported_with_segments_messages(
    action: str, event: dict[str, Any], message: str
) -> None:
    dest = TestDestination(destination)
    with pytest.raises(PayloadValidationError) as raised:
        dest.test_action(action, event=event, settings=SETTINGS)
    assert str(raised.value) == message
    assert len(dest.http.calls) == 0


def test_requests_time_out_after_segments_ten_seconds() -> None:
    options = request_options(RequestData(settings=SETTINGS))
    assert options["timeout"] == 10.0
