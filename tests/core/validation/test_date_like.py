"""``datetime`` fields: the date-like format (reference §3.3) and the JavaScript date reading behind it."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.fields import Field
from actions_core.validation import compile_validator, is_date_like, parse_js_date

VALIDATOR = compile_validator({"when": Field(label="When", type="datetime")})

DATE_LIKE = [
    # numeric text is Unix seconds
    "1700000000",
    "0",
    "1.5",
    "12",
    "-86400",
    # dayjs's loose ISO reading, parts rolling over
    "2024",
    "2024-01",
    "2024-01-05",
    "2024-1-5",
    "2024/01/05",
    "20240105T1030",
    "2024-01-05 10:00:00.123",
    "2024-01-05T10:00",
    "2024-13-45",
    "2024-02-30",
    # what JavaScript's Date reads
    "2024-01-05T10:00:00Z",
    "2024-01-05T10:00:00.000+02:00",
    "Jan 5 2024",
    "January 5, 2024 10:30 PM",
    "01/02/2024",
    "Fri, 05 Jan 2024 10:00:00 GMT",
    "Sat Jan 06 2024 12:00:00 GMT+0100 (Central European Standard Time)",
    "5 January 2024",
    "Jan 5",
]

NOT_DATE_LIKE = [
    "not a date",
    "abc123",
    " ",
    "",
    "true",
    "NaN",
    "Infinity",
    "9999999999999",  # seconds beyond the last instant a JavaScript date can hold
    "2024-01-05T25:00:00Z",
    "Jan 5 2024 hello",
    "32/01/2024",
]


@pytest.mark.parametrize("text", DATE_LIKE)
def test_date_like_strings_pass_and_stay_as_given(text: str) -> None:
    assert is_date_like(text)
    assert VALIDATOR.validate({"when": text}) == {"when": text}


@pytest.mark.parametrize("text", NOT_DATE_LIKE)
def test_other_strings_fail(text: str) -> None:
    assert not is_date_like(text)


@pytest.mark.parametrize("text", ["not a date", "abc123", " ", "true"])
def test_failure_message(text: str) -> None:
    with pytest.raises(PayloadValidationError) as raised:
        VALIDATOR.validate({"when": text})

    assert str(raised.value) == "When must be a valid date-like string but it was not."


@pytest.mark.parametrize("number", [0, 1.5, -1, 1e20, 1700000000000])
def test_numbers_always_pass(number: Any) -> None:
    assert VALIDATOR.validate({"when": number}) == {"when": number}


def test_top_level_empty_string_is_removed_not_checked() -> None:
    assert VALIDATOR.validate({"when": ""}) == {}


JS_DATES = [
    pytest.param("Jan 5 2024", 1704412800000.0, id="month-name"),
    pytest.param("01/02/2024", 1704153600000.0, id="month-first-slashes"),
    pytest.param("Fri, 05 Jan 2024 10:00:00 GMT", 1704448800000.0, id="rfc-2822"),
    pytest.param("2024-01-05T10:00:00.123+02:00", 1704441600123.0, id="iso-with-offset"),
    pytest.param("12:30 pm Jan 5 2024", 1704457800000.0, id="twelve-hour-clock"),
    pytest.param("Jan 5 2024 10:00 EST", 1704466800000.0, id="zone-name"),
    pytest.param(
        "Sat Jan 06 2024 12:00:00 GMT+0100 (CET)", 1704538800000.0, id="date-to-string-form"
    ),
    pytest.param("Thu, 01 Jan 1970 00:00:00 GMT-0800", 28800000.0, id="negative-offset"),
    pytest.param("December 17, 1995 03:24:00", 819170640000.0, id="long-month-name"),
    pytest.param("2024-02-30", 1709251200000.0, id="iso-day-rolls-over"),
    pytest.param("2024-01-05T24:00:00Z", 1704499200000.0, id="iso-end-of-day"),
    pytest.param("Jan 5", 978652800000.0, id="missing-year-is-2001"),
    pytest.param("abc 12", 1007164800000.0, id="word-then-month-number"),
    pytest.param("not a date", None, id="words-only"),
    pytest.param("abc123", None, id="word-glued-to-number"),
    pytest.param("2024-01-05T10:00:00Zoo", None, id="iso-with-trailing-text"),
    pytest.param("13/45/2024", None, id="month-out-of-range"),
    pytest.param("10:00 pm", None, id="time-without-date"),
    pytest.param("Sep 13 275760 00:00:01 GMT", None, id="after-the-last-date"),
]


@pytest.mark.parametrize(("text", "epoch_ms"), JS_DATES)
def test_javascript_date_reading(text: str, epoch_ms: float | None) -> None:
    assert parse_js_date(text) == epoch_ms
