"""Dates as Iterable wants them: data-field dates as ``YYYY-MM-DD HH:MM:SS +00:00``, event times as
Unix seconds.

Iterable recognises a date field only in its own format, so date-time strings inside data fields are
rewritten (reference §8.2). Two decisions differ from Segment (compat Q3/Q6): a date-time without a
time zone is read as UTC, not in the server's zone; a string that looks like a date but is not one
stays as given instead of becoming ``null``. Like JavaScript, an impossible day rolls over
(``2023-02-30`` is 2 March).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from typing import Any, Final

from actions_core.errors import PayloadValidationError, ValidationIssue
from actions_core.jsvalues import number_to_string, to_number
from actions_core.validation import parse_js_date

_CANDIDATE: Final = re.compile(
    r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?:[T ]\d{2}:?\d{2}(?::?\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)
"""The strings Segment's Iterable destination treats as dates (any other string is left alone)."""

_DATE_ONLY_LENGTH: Final = len("YYYY-MM-DD")
_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ONE_MS: Final = dt.timedelta(milliseconds=1)

_DAYJS_LOCAL: Final = re.compile(
    r"(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?",
    re.ASCII,
)
"""dayjs's reading of a zone-less date-time (``2024-03-01 12:00``, ``2024/3/1``)."""


def convert_date_string(text: str) -> str:
    """A date-time string in Iterable's format; any other string unchanged.

    ``YYYY-MM-DD`` alone is already Iterable's date format and stays as it is.
    """
    if len(text) == _DATE_ONLY_LENGTH or not _CANDIDATE.fullmatch(text):
        return text
    milliseconds = parse_js_date(text)
    if milliseconds is None:
        return text  # compat Q6: Segment sends null here
    return _iterable_format(milliseconds) or text


def _iterable_format(milliseconds: float) -> str | None:
    """``YYYY-MM-DD HH:MM:SS +00:00`` (fraction dropped), or None outside Python's years 1-9999."""
    try:
        moment = _EPOCH + dt.timedelta(milliseconds=milliseconds)
    except OverflowError:
        return None
    return f"{moment.year:04d}-{moment:%m-%d %H:%M:%S} +00:00"


def unix_seconds(value: Any, pointer: str = "/createdAt") -> int:
    """Whole Unix seconds of a validated ``datetime`` value, read as Segment's dayjs reads it.

    Numbers are epoch milliseconds (JavaScript's convention). A numeric string is Unix seconds, as
    the ``datetime`` validation reads it (compat Q3: dayjs misreads it as a calendar date). A
    zone-less date-time is UTC (compat Q3/Q6).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return math.floor(math.trunc(value) / 1000)
    if isinstance(value, str):
        if number_to_string(to_number(value)) == value:
            return math.floor(float(value))
        milliseconds = _dayjs_milliseconds(value)
        if milliseconds is not None:
            return math.floor(milliseconds / 1000)
    raise PayloadValidationError(
        [ValidationIssue(pointer=pointer, message="Timestamp could not be read as a date.")]
    )


def now_seconds() -> int:
    """The current time in Unix seconds: what Segment sends when an event has no timestamp."""
    return math.floor(time.time())


def _dayjs_milliseconds(text: str) -> float | None:
    if not text.endswith(("Z", "z")):
        parts = _DAYJS_LOCAL.fullmatch(text)
        if parts is not None:
            return _utc_milliseconds(parts)
    return parse_js_date(text)


def _utc_milliseconds(parts: re.Match[str]) -> float | None:
    """``Date.UTC`` of dayjs's components: out-of-range months, days and hours roll over."""
    month_index = int(parts[2]) - 1 if parts[2] else 0
    hour, minute, second = (int(part) if part else 0 for part in (parts[4], parts[5], parts[6]))
    try:
        month_start = dt.datetime(
            int(parts[1]) + month_index // 12, month_index % 12 + 1, 1, tzinfo=dt.UTC
        )
        moment = month_start + dt.timedelta(
            days=(int(parts[3]) if parts[3] else 1) - 1,
            hours=hour,
            minutes=minute,
            seconds=second,
            milliseconds=int((parts[7] or "0")[:3]),
        )
    except (ValueError, OverflowError):
        return None
    return (moment - _EPOCH) / _ONE_MS
