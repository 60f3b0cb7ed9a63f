"""Dates: data-field date-times in Iterable's format (reference §8.2) and event times in Unix
seconds (§8.4), with the decisions of compat Q3/Q6."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.testing import TestDestination
from actions_iterable.dates import convert_date_string, unix_seconds

SETTINGS = {"apiKey": "iterable-key"}


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        pytest.param(
            "2023-11-05T08:09:10.123Z", "2023-11-05 08:09:10 +00:00", id="utc-fraction-dropped"
        ),
        pytest.param("2024-03-01T12:00:00+02:00", "2024-03-01 10:00:00 +00:00", id="offset"),
        pytest.param(
            "2023-05-17T22:49:53.310+0530", "2023-05-17 17:19:53 +00:00", id="offset-without-colon"
        ),
        pytest.param("2023-05-17T22:49", "2023-05-17 22:49:00 +00:00", id="minutes-only"),
        pytest.param("2023-05-17", "2023-05-17", id="date-only-unchanged"),
        pytest.param("2023-05", "2023-05", id="month-only-unchanged"),
        pytest.param("2023-02-30T10:00:00Z", "2023-03-02 10:00:00 +00:00", id="day-rolls-over"),
        # compat Q3/Q6: zone-less date-times are UTC (Segment: the server's time zone).
        pytest.param(
            "2023-05-17 22:49:53", "2023-05-17 22:49:53 +00:00", id="space-no-zone-is-utc"
        ),
        pytest.param("2023-05-17T22:49:53", "2023-05-17 22:49:53 +00:00", id="t-no-zone-is-utc"),
        # compat Q6: Segment turns these into null.
        pytest.param("2023-05-17T25:00:00Z", "2023-05-17T25:00:00Z", id="hour-25-kept"),
        pytest.param("2023-05-17T2249", "2023-05-17T2249", id="no-colon-kept"),
        pytest.param("2023-05-17T22:49:53,5Z", "2023-05-17T22:49:53,5Z", id="comma-fraction-kept"),
        pytest.param("2023-05-17t22:49:53Z", "2023-05-17t22:49:53Z", id="lower-case-t-untouched"),
        pytest.param("20230-05-17T22:49:53Z", "20230-05-17T22:49:53Z", id="five-digit-year"),
        pytest.param(" 2023-05-17T22:49:53Z", " 2023-05-17T22:49:53Z", id="leading-space"),
        pytest.param("next Tuesday", "next Tuesday", id="not-a-date"),
    ],
)
def test_data_field_dates(value: str, sent: str) -> None:
    assert convert_date_string(value) == sent


@pytest.fixture
def new_york() -> Iterator[None]:
    """The process runs in New York time, where Segment would shift zone-less dates by 4 hours."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "America/New_York")
        time.tzset()
        yield
    time.tzset()


@pytest.mark.usefixtures("new_york")
def test_zone_less_dates_do_not_depend_on_the_server_time_zone() -> None:
    assert convert_date_string("2023-05-17T22:49:53") == "2023-05-17 22:49:53 +00:00"
    assert unix_seconds("2024-03-01T12:34:56") == 1709296496


def test_dates_are_converted_at_any_depth_of_the_data_fields_but_nowhere_else() -> None:
    dest = TestDestination("iterable")
    (request,) = dest.test_action(
        "trackEvent",
        event={
            "type": "track",
            "userId": "u1",
            "event": "E",
            "messageId": "2024-01-01T00:00:00Z",
            "timestamp": "2024-03-01T00:00:00Z",
            "properties": {
                "dates": ["2024-01-01T10:00:00Z", 17, {"at": "2024-01-02T10:00:00Z"}],
                "count": 1704103200,
            },
        },
        settings=SETTINGS,
        use_test_event=False,
    )
    assert request.json == {
        "userId": "u1",
        "eventName": "E",
        "dataFields": {
            "dates": ["2024-01-01 10:00:00 +00:00", 17, {"at": "2024-01-02 10:00:00 +00:00"}],
            "count": 1704103200,
        },
        "id": "2024-01-01T00:00:00Z",
        "createdAt": 1709251200,
    }


@pytest.mark.parametrize(
    ("timestamp", "seconds"),
    [
        pytest.param("2024-03-01T12:34:56.789Z", 1709296496, id="iso-utc"),
        pytest.param("2024-03-01T14:34:56+02:00", 1709296496, id="iso-offset"),
        pytest.param("2024-03-01T12:34:56", 1709296496, id="zone-less-is-utc"),
        pytest.param("2024/03/01 12:34:56", 1709296496, id="slashes"),
        pytest.param("Fri, 01 Mar 2024 12:34:56 GMT", 1709296496, id="rfc-2822"),
        pytest.param("2024-02-30T00:00:00", 1709251200, id="day-rolls-over"),
        pytest.param(1709296496789, 1709296496, id="milliseconds"),
        pytest.param(1709296496789.9, 1709296496, id="fractional-milliseconds"),
        pytest.param("1709296496", 1709296496, id="numeric-string-seconds"),
        pytest.param("1709296496.5", 1709296496, id="numeric-string-fraction"),
    ],
)
def test_event_times_in_unix_seconds(timestamp: Any, seconds: int) -> None:
    assert unix_seconds(timestamp) == seconds


def test_a_time_that_cannot_be_read_is_a_payload_error_naming_the_field() -> None:
    with pytest.raises(PayloadValidationError) as caught:
        unix_seconds("not a date")
    assert [(issue.pointer, issue.message) for issue in caught.value.issues] == [
        ("/createdAt", "Timestamp could not be read as a date.")
    ]
