"""liquidjs's ``strftime``: the ``date`` filter's format codes, flags and padding, in the en-US
locale (Segment's setting).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Final

from ...jsvalues import number_to_string
from .context import JsContext
from .dates import MONTHS, WEEKDAYS, JsDate, days_from_civil
from .values import js_string, number_or_zero


def _offset_text(date: JsDate, colon: bool) -> str:
    minutes = abs(date.offset)
    hours = number_to_string(float(math.floor(minutes / 60))).rjust(2, "0")
    rest = number_to_string(math.fmod(minutes, 60)).rjust(2, "0")
    return f"{'-' if date.offset > 0 else '+'}{hours}{':' if colon else ''}{rest}"


def _week_of_year(date: JsDate, start_day: int) -> str:
    day_of_year = (
        days_from_civil(date.year, date.month, date.day) - days_from_civil(date.year, 1, 1) + 1
    )
    since_start = (date.weekday - start_day + 7) % 7
    return str((day_of_year - 1 - since_start + 7) // 7)


def _twelve_hour(date: JsDate) -> str:
    return str(date.hour % 12 or 12)


def _locale_date(date: JsDate) -> str:
    year = date.year if date.year > 0 else 1 - date.year
    return f"{date.month}/{date.day}/{year}"


def _locale_time(date: JsDate) -> str:
    meridiem = "AM" if date.hour < 12 else "PM"
    return f"{_twelve_hour(date)}:{date.minute:02d}:{date.second:02d} {meridiem}"


def _ordinal(date: JsDate) -> str:
    if date.day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(date.day % 10, "th")


_FORMAT_CODES: Final[dict[str, Callable[[JsDate, dict[str, bool], str | None], object]]] = {
    "a": lambda d, f, w: WEEKDAYS[d.weekday][:3],
    "A": lambda d, f, w: WEEKDAYS[d.weekday],
    "b": lambda d, f, w: MONTHS[d.month - 1][:3],
    "h": lambda d, f, w: MONTHS[d.month - 1][:3],
    "B": lambda d, f, w: MONTHS[d.month - 1],
    "c": lambda d, f, w: f"{_locale_date(d)}, {_locale_time(d)}",
    "C": lambda d, f, w: d.year // 100,
    "d": lambda d, f, w: d.day,
    "e": lambda d, f, w: d.day,
    "H": lambda d, f, w: d.hour,
    "I": lambda d, f, w: _twelve_hour(d),
    "j": lambda d, f, w: (
        days_from_civil(d.year, d.month, d.day) - days_from_civil(d.year, 1, 1) + 1
    ),
    "k": lambda d, f, w: d.hour,
    "l": lambda d, f, w: _twelve_hour(d),
    "L": lambda d, f, w: d.milliseconds,
    "m": lambda d, f, w: d.month,
    "M": lambda d, f, w: d.minute,
    "N": lambda d, f, w: f"{d.milliseconds:03d}"[: int(number_or_zero(w)) or 9].ljust(
        int(number_or_zero(w)) or 9, "0"
    ),
    "p": lambda d, f, w: "AM" if d.hour < 12 else "PM",
    "P": lambda d, f, w: "am" if d.hour < 12 else "pm",
    "q": lambda d, f, w: _ordinal(d),
    "s": lambda d, f, w: math.floor(d.utc_ms / 1000),
    "S": lambda d, f, w: d.second,
    "u": lambda d, f, w: d.weekday or 7,
    "U": lambda d, f, w: _week_of_year(d, 0),
    "w": lambda d, f, w: d.weekday,
    "W": lambda d, f, w: _week_of_year(d, 1),
    "x": lambda d, f, w: _locale_date(d),
    "X": lambda d, f, w: _locale_time(d),
    "y": lambda d, f, w: (d.year % 100 + 100) % 100,
    "Y": lambda d, f, w: d.year,
    "z": lambda d, f, w: _offset_text(d, f.get(":", False)),
    "Z": lambda d, f, w: (
        (d.zone if d.zone is not None else "UTC") or _offset_text(d, f.get(":", False))
    ),
    "t": lambda d, f, w: "\t",
    "n": lambda d, f, w: "\n",
    "%": lambda d, f, w: "%",
}
_PAD_WIDTHS: Final = {
    "C": 2,
    "d": 2,
    "e": 2,
    "H": 2,
    "I": 2,
    "j": 3,
    "k": 2,
    "l": 2,
    "L": 3,
    "m": 2,
    "M": 2,
    "S": 2,
    "U": 2,
    "W": 2,
    "y": 2,
    "Y": 4,
}
_PAD_WITH_SPACES: Final = frozenset("aAbBceklpP")
_FORMAT_DIRECTIVE: Final = re.compile(r"%([-_0^#:]+)?(\d+)?([EO])?(.)", re.DOTALL)


def strftime(date: JsDate, pattern: str, context: JsContext) -> str:
    def directive(match: re.Match[str]) -> str:
        flag_text, width, _modifier, conversion = match.groups()
        convert = _FORMAT_CODES.get(conversion)
        if convert is None:
            return match.group()
        flags = dict.fromkeys(flag_text or "", True)
        text = js_string(convert(date, flags, width))
        pad_char = " " if conversion in _PAD_WITH_SPACES else "0"
        pad_width = int(number_or_zero(width)) or _PAD_WIDTHS.get(conversion, 0)
        if flags.get("^"):
            text = text.upper()
        elif flags.get("#"):
            text = text.upper() if any("a" <= char <= "z" for char in text) else text.lower()
        if flags.get("_"):
            pad_char = " "
        elif flags.get("0"):
            pad_char = "0"
        if flags.get("-"):
            pad_width = 0
        context.use_memory(pad_width - len(text))
        if pad_char == "0" and text.startswith("-"):
            return "-" + text[1:].rjust(pad_width - 1, pad_char)
        return text.rjust(pad_width, pad_char)

    return _FORMAT_DIRECTIVE.sub(directive, pattern)
