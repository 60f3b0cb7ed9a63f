"""Event timestamps as ISO 8601 text, the form Insider stores.

Segment only stringifies the mapped value, so an epoch number reaches Insider as a string of digits
it cannot read as a date. We send every timestamp as ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (UTC), the form
JavaScript's ``toISOString`` writes and Segment's events already carry.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Final

from actions_core.jsvalues import number_to_string

__all__ = ["SECONDS_LIMIT", "iso_timestamp"]

SECONDS_LIMIT: Final = 100_000_000_000
"""Epoch numbers smaller than this (in size) are seconds, larger ones milliseconds.

1e11 seconds is the year 5138 and 1e11 milliseconds is March 1973, so every real timestamp of either
unit falls on the right side.
"""

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_DECIMAL: Final = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def iso_timestamp(value: str | float) -> str:
    """The instant ``value`` stands for, as ISO 8601 UTC with milliseconds.

    ``value`` is what the ``timestamp`` field accepted: an ISO 8601 or RFC 2822 string, or epoch
    seconds or milliseconds (a number or its digits). Zone-less times are UTC. Text that is none of
    these (``"Jan 5 2024"``) is sent as given, never dropped.
    """
    if isinstance(value, int | float):
        return _from_epoch(value) or number_to_string(value)
    return _from_iso(value) or _from_digits(value) or _from_rfc2822(value) or value


def _format(instant: datetime) -> str:
    instant = instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)
    millis = instant.microsecond // 1000
    return f"{instant:%Y-%m-%dT%H:%M:%S}.{millis:03d}Z"


def _from_epoch(number: float) -> str | None:
    scale = 1000 if abs(number) < SECONDS_LIMIT else 1
    try:
        return _format(_EPOCH + timedelta(milliseconds=round(number * scale)))
    except (OverflowError, ValueError):  # beyond the years 1-9999
        return None


def _from_iso(text: str) -> str | None:
    try:
        return _format(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None


def _from_digits(text: str) -> str | None:
    return _from_epoch(float(text)) if _DECIMAL.fullmatch(text) else None


def _from_rfc2822(text: str) -> str | None:
    try:
        return _format(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
