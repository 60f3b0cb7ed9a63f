"""Dates as liquidjs reads them with JavaScript's ``Date`` on a server whose clock is UTC.

A date is (epoch milliseconds, offset, zone name): ``offset`` follows JavaScript's
getTimezoneOffset (minutes behind UTC, so New York in winter is 300); ``zone`` is what ``%Z``
prints, None when the server's own zone (UTC) applies.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
import zoneinfo
from email.utils import parsedate_tz
from typing import Final

from .errors import LiquidJsError
from .values import UNDEFINED, is_nil, is_number, js_join, js_number

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS: Final = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

_MS_PER_DAY: Final = 86_400_000
_MAX_DATE_MS: Final = 8.64e15  # JavaScript Date's range, either side of 1970


class JsDate:
    """One instant with its local calendar fields, as a JavaScript ``Date`` in a time zone sees it."""

    __slots__ = (
        "day",
        "hour",
        "milliseconds",
        "minute",
        "month",
        "offset",
        "second",
        "utc_ms",
        "weekday",
        "year",
        "zone",
    )

    def __init__(self, utc_ms: float, offset: float, zone: str | None) -> None:
        self.utc_ms, self.offset, self.zone = utc_ms, offset, zone
        local = utc_ms - offset * 60_000
        days, in_day = divmod(int(local), _MS_PER_DAY)
        self.year, self.month, self.day = _civil_from_days(days)
        self.weekday = (days + 4) % 7
        self.hour, rest = divmod(in_day, 3_600_000)
        self.minute, rest = divmod(rest, 60_000)
        self.second, self.milliseconds = divmod(rest, 1000)


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month 1-12, day) of a day count since 1970-01-01, proleptic Gregorian."""
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day


def days_from_civil(year: int, month: int, day: int) -> int:
    """Day count since 1970-01-01; days beyond the month's end roll over as in JavaScript."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    shifted_year = year - (1 if month <= 2 else 0)
    era = shifted_year // 400
    year_of_era = shifted_year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468 + day - 1


def _utc_ms(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, ms: int = 0
) -> float:
    return float(
        days_from_civil(year, month, day) * _MS_PER_DAY
        + ((hour * 60 + minute) * 60 + second) * 1000
        + ms
    )


_ISO_DATE: Final = re.compile(
    r"(?P<year>[+-]\d{6}|\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?"
    r"(?:[Tt ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d+))?)?)?"
    r" ?(?P<zone>[Zz]|[+-]\d{2}:?\d{2})?"
)
_TIME_OF_DAY: Final = (
    r"(?:,? (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?: ?(?P<ampm>[AaPp][Mm]))?)?"
)
_SLASH_DATE: Final = re.compile(
    r"(?:(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"
    r"|(?P<year2>\d{4})/(?P<month2>\d{1,2})/(?P<day2>\d{1,2}))"
    + _TIME_OF_DAY
    + r"(?: ?(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
_NAMED_DATE: Final = re.compile(
    r"(?:(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,? )?"
    r"(?:(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"
    r"|(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?,? (?P<year2>\d{4}))"
    + _TIME_OF_DAY
    + r"(?: ?(?:GMT|UTC|Z)?(?P<zone>[+-]\d{2}:?\d{2})?)?(?: \([^)]*\))?"
)


def _zone_minutes(zone: str | None) -> int:
    """Minutes ahead of UTC of a ``Z``/``+05:30``/``-0700`` suffix (0 when absent)."""
    if not zone or zone in ("Z", "z", "UTC", "GMT"):
        return 0
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return minutes if zone[0] == "+" else -minutes


def _valid_time(hour: int, minute: int, second: int) -> bool:
    return (hour < 24 and minute < 60 and second < 60) or (
        hour == 24 and minute == 0 and second == 0
    )


def _parse_date_text(text: str) -> float | None:
    """Epoch milliseconds of the date strings JavaScript's ``Date`` reads (server clock in UTC)."""
    text = text.strip()
    match = _ISO_DATE.fullmatch(text)
    if match:
        year = int(match["year"])
        month, day = int(match["month"] or 1), int(match["day"] or 1)
        hour, minute, second = (
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            int(match["second"] or 0),
        )
        if not (1 <= month <= 12 and 1 <= day <= 31 and _valid_time(hour, minute, second)):
            return None
        if match["zone"] and not match["hour"]:
            return None
        ms = int((match["fraction"] or "0")[:3].ljust(3, "0"))
        return (
            _utc_ms(year, month, day, hour, minute, second, ms)
            - _zone_minutes(match["zone"]) * 60_000
        )
    for pattern in (_SLASH_DATE, _NAMED_DATE):
        match = pattern.fullmatch(text)
        if match:
            return _legacy_date(match)
    parts = parsedate_tz(text)
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    if not (1 <= month <= 12 and 1 <= day <= 31 and _valid_time(hour, minute, second)):
        return None
    return _utc_ms(year, month, day, hour, minute, second) - (parts[9] or 0) * 1000


def _legacy_date(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    month_text = groups["month"] or groups.get("month2") or ""
    if month_text.isdigit():
        month = int(month_text)
    else:
        names = [name for name in MONTHS if name.lower().startswith(month_text.lower()[:3])]
        if not names or not names[0].lower().startswith(month_text.lower()):
            return None
        month = MONTHS.index(names[0]) + 1
    year = int(groups["year"] or groups.get("year2") or 0)
    day = int(groups["day"] or groups.get("day2") or 0)
    hour, minute, second = (
        int(groups["hour"] or 0),
        int(groups["minute"] or 0),
        int(groups["second"] or 0),
    )
    if groups["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if groups["ampm"].lower() == "pm" else 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and _valid_time(hour, minute, second)):
        return None
    return _utc_ms(year, month, day, hour, minute, second) - _zone_minutes(groups["zone"]) * 60_000


def _zone_offset(zone: object, utc_ms: float) -> float:
    """The offset (JavaScript convention) a ``date`` filter time zone argument asks for.

    A name is looked up in the time zone database; anything else is used as a number of
    minutes, as liquidjs does (``true`` → 1; an array or object → NaN, an invalid date).
    """
    if not isinstance(zone, str):
        return js_number(zone)
    try:
        tz = zoneinfo.ZoneInfo("UTC" if zone in ("UTC", "GMT") else zone)
        seconds = _clamped_datetime(utc_ms).astimezone(tz).utcoffset()
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        raise LiquidJsError(f"Invalid time zone specified: {zone}", token=None) from None
    return -(seconds.total_seconds() / 60) if seconds is not None else 0.0


def _clamped_datetime(utc_ms: float) -> dt.datetime:
    """The instant as a datetime, moved into the years Python supports (for zone offsets)."""
    seconds = min(max(utc_ms / 1000, -62_135_596_800 + 86_400), 253_402_300_799 - 86_400)
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def parse_date(value: object, zone: object = UNDEFINED) -> JsDate | None:
    """liquidjs ``parseDate``: numbers and digit strings are epoch seconds."""
    if is_nil(value):
        return None
    if value in ("now", "today"):
        utc_ms: float | None = time.time() * 1000
    elif is_number(value):
        utc_ms = float(value) * 1000  # type: ignore[arg-type]
    elif isinstance(value, str):
        utc_ms = (
            float(value) * 1000 if value.isdigit() and value.isascii() else _parse_date_text(value)
        )
    elif isinstance(value, bool):
        utc_ms = float(value)
    elif isinstance(value, list):
        utc_ms = _parse_date_text(js_join(value, ","))
    else:
        utc_ms = None
    if utc_ms is None or utc_ms != utc_ms or abs(utc_ms) > _MAX_DATE_MS:
        return None
    utc_ms = float(math.trunc(utc_ms))
    if is_nil(zone):
        return JsDate(utc_ms, 0, None)
    offset = _zone_offset(zone, utc_ms)
    if offset != offset or abs(utc_ms - offset * 60_000) > _MAX_DATE_MS:
        return None
    return JsDate(utc_ms, offset, zone if isinstance(zone, str) else "")
