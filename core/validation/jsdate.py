"""What JavaScript's ``Date.parse`` (V8, the engine Segment runs on) accepts.

Segment's ``datetime`` fields accept any string ``new Date(text)`` can read, so a payload that
passes there must pass here. V8 first tries the ISO form (``2024-01-05T10:00:00.000Z``) and then a
permissive "legacy" reader that understands ``Jan 5 2024``, ``01/02/2024``, RFC 2822
(``Fri, 05 Jan 2024 10:00:00 GMT``) and their many variants. This module follows that reader's
rules: words before the first number are ignored, month names match on three letters, ``12:30 pm``,
time-zone names and ``+hhmm`` offsets, parenthesised comments, out-of-range days rolling over.

:func:`parse_js_date` gives the instant in milliseconds since the epoch (a string without a time
zone is read as UTC, as on a server running in UTC), or ``None`` where JavaScript gives ``NaN``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_js_date", "parse_js_date"]

_NONE: Final = -(2**62)  # an absent component (V8's kNone)
_MAX_TIME_MS: Final = 8.64e15  # ±100,000,000 days around the epoch: the range of a JS Date
_SIGNIFICANT_DIGITS: Final = 9  # digits beyond the ninth are read but ignored, as in V8

# token kinds
_NUMBER, _SYMBOL, _WORD, _SPACE, _OTHER, _END = range(6)
# word kinds
_GARBAGE, _MONTH, _ZONE, _T, _AM_PM = range(5)

_MONTHS: Final = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_SHORT_WORDS: Final = {  # exact words (three letters or fewer): kind, value
    "am": (_AM_PM, 0),
    "pm": (_AM_PM, 12),
    "ut": (_ZONE, 0),
    "utc": (_ZONE, 0),
    "z": (_ZONE, 0),
    "gmt": (_ZONE, 0),
    "cdt": (_ZONE, -5),
    "cst": (_ZONE, -6),
    "edt": (_ZONE, -4),
    "est": (_ZONE, -5),
    "mdt": (_ZONE, -6),
    "mst": (_ZONE, -7),
    "pdt": (_ZONE, -7),
    "pst": (_ZONE, -8),
    "t": (_T, 0),
}
_ASCII_SPACE: Final = frozenset("\t\n\v\f\r ")


class _Token:
    __slots__ = ("kind", "length", "subkind", "value")

    def __init__(self, kind: int, value: int | str = 0, length: int = 0, subkind: int = 0) -> None:
        self.kind = kind
        self.value = value
        self.length = length
        self.subkind = subkind

    def is_number(self, length: int | None = None) -> bool:
        return self.kind == _NUMBER and (length is None or self.length == length)

    def is_symbol(self, char: str) -> bool:
        return self.kind == _SYMBOL and self.value == char

    def is_sign(self) -> bool:
        return self.kind == _SYMBOL and (self.value == "+" or self.value == "-")

    def is_zone_z(self) -> bool:
        return self.kind == _WORD and self.subkind == _ZONE and self.length == 1

    @property
    def number(self) -> int:
        assert isinstance(self.value, int)
        return self.value


_END_TOKEN: Final = _Token(_END)


def _word_token(word: str) -> _Token:
    # V8 lower-cases by setting bit 0x20 on each character, whatever the character is.
    lowered = "".join(chr(ord(char) | 0x20) for char in word[:3])
    if len(word) >= 3 and lowered in _MONTHS:
        return _Token(_WORD, _MONTHS.index(lowered) + 1, len(word), _MONTH)
    kind, value = _SHORT_WORDS.get(lowered, (_GARBAGE, 0)) if len(word) <= 3 else (_GARBAGE, 0)
    return _Token(_WORD, value, len(word), kind)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    size = text.find("\0")  # a NUL character ends the input, as in V8
    size = len(text) if size < 0 else size
    index = 0
    while index < size:
        char = text[index]
        start = index
        if "0" <= char <= "9":
            while index < size and "0" <= text[index] <= "9":
                index += 1
            digits = text[start:index]
            tokens.append(_Token(_NUMBER, int(digits[:_SIGNIFICANT_DIGITS]), len(digits)))
        elif char in ":-+.)":
            tokens.append(_Token(_SYMBOL, char, 1))
            index += 1
        elif char >= "A":  # letters, and every character after them in Unicode
            while index < size and text[index] >= "A":
                index += 1
            tokens.append(_word_token(text[start:index]))
        elif char in _ASCII_SPACE:
            tokens.append(_Token(_SPACE, length=1))
            index += 1
        elif char == "(":  # a parenthesised comment, nested parentheses included
            depth = 0
            while True:
                if text[index] == ")":
                    depth -= 1
                elif text[index] == "(":
                    depth += 1
                index += 1
                if depth <= 0 or index >= size:
                    break
            tokens.append(_Token(_OTHER, length=1))
        else:
            tokens.append(_Token(_OTHER, length=1))
            index += 1
    return tokens


class _Scanner:
    def __init__(self, text: str) -> None:
        self._tokens = _tokenize(text)
        self._index = 0

    def peek(self) -> _Token:
        return self._tokens[self._index] if self._index < len(self._tokens) else _END_TOKEN

    def next(self) -> _Token:
        token = self.peek()
        self._index += 1
        return token

    def skip_symbol(self, char: str) -> bool:
        if self.peek().is_symbol(char):
            self._index += 1
            return True
        return False


def _between(value: int, low: int, high: int) -> bool:
    return low <= value <= high


class _Day:
    def __init__(self) -> None:
        self.parts: list[int] = []
        self.named_month = _NONE
        self.iso = False

    def add(self, value: int) -> bool:
        if len(self.parts) >= 3:
            return False
        self.parts.append(value)
        return True

    def compose(self) -> tuple[int, int, int] | None:
        """Year, month (1-12) and day, deciding the order as V8 does; None when invalid.

        Missing parts default to 1 *before* the order is decided, so ``Jan 5`` has year 1 (2001).
        """
        if not self.parts:
            return None
        first, second, third = [*self.parts, 1, 1][:3]
        if self.named_month == _NONE:
            if self.iso or not _between(first, 1, 31):
                year, month, day = first, second, third
            else:
                month, day, year = first, second, third
        else:
            month = self.named_month
            if not _between(first, 1, 31):
                year, day = first, second
            else:
                day, year = first, second
        if not self.iso:
            if _between(year, 0, 49):
                year += 2000
            elif _between(year, 50, 99):
                year += 1900
        if not (_between(month, 1, 12) and _between(day, 1, 31)):
            return None
        return year, month, day


class _Time:
    def __init__(self) -> None:
        self.parts: list[int] = []
        self.hour_offset = _NONE

    def is_empty(self) -> bool:
        return not self.parts

    def expects(self, value: int) -> bool:
        index = len(self.parts)
        return (
            (index == 1 and _between(value, 0, 59))
            or (index == 2 and _between(value, 0, 59))
            or (index == 3 and _between(value, 0, 999))
        )

    def add(self, value: int) -> bool:
        if len(self.parts) >= 4:
            return False
        self.parts.append(value)
        return True

    def add_final(self, value: int) -> bool:
        if not self.add(value):
            return False
        self.parts.extend([0] * (4 - len(self.parts)))
        return True

    def compose(self) -> int | None:
        """Milliseconds since midnight; None when invalid."""
        hour, minute, second, millisecond = [*self.parts, 0, 0, 0, 0][:4]
        if self.hour_offset != _NONE:
            if not _between(hour, 0, 12):
                return None
            hour = hour % 12 + self.hour_offset
        in_range = (
            _between(hour, 0, 23)
            and _between(minute, 0, 59)
            and _between(second, 0, 59)
            and _between(millisecond, 0, 999)
        )
        if not in_range and not (hour == 24 and minute == second == millisecond == 0):
            return None
        return ((hour * 60 + minute) * 60 + second) * 1000 + millisecond


class _Zone:
    def __init__(self) -> None:
        self.sign = _NONE
        self.hour = _NONE
        self.minute = _NONE

    def set_hours(self, offset_hours: int) -> None:
        self.sign = -1 if offset_hours < 0 else 1
        self.hour = abs(offset_hours)
        self.minute = 0

    def expects(self, value: int) -> bool:
        return self.hour != _NONE and self.minute == _NONE and _between(value, 0, 59)

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def is_empty(self) -> bool:
        return self.hour == _NONE

    def offset_seconds(self) -> int:
        if self.sign == _NONE:
            return 0  # no zone: read as UTC
        hour = 0 if self.hour == _NONE else self.hour
        minute = 0 if self.minute == _NONE else self.minute
        return self.sign * (hour * 3600 + minute * 60)


def _milliseconds(token: _Token) -> int:
    """The first three significant digits of a fraction as milliseconds (``5`` → 500)."""
    value, length = token.number, min(token.length, _SIGNIFICANT_DIGITS)
    if length < 3:
        return value * (100 if length == 1 else 10)
    return int(str(value).zfill(length)[:3])  # the digits as written, leading zeros included


def _parse_iso(scanner: _Scanner, day: _Day, time: _Time, zone: _Zone) -> _Token | None:
    """The ES5 ISO form. Returns the token the legacy reader continues with (END when the whole
    text was ISO), or None when the text cannot be a date at all."""
    peek = scanner.peek()
    if peek.is_sign():
        sign_token = scanner.next()
        if not scanner.peek().is_number(6):
            return sign_token
        year = scanner.next().number
        if sign_token.value == "-" and year == 0:
            return sign_token
        day.add(-year if sign_token.value == "-" else year)
    elif peek.is_number(4):
        day.add(scanner.next().number)
    else:
        return scanner.next()
    if scanner.skip_symbol("-"):
        if not (scanner.peek().is_number(2) and _between(scanner.peek().number, 1, 12)):
            return scanner.next()
        day.add(scanner.next().number)
        if scanner.skip_symbol("-"):
            if not (scanner.peek().is_number(2) and _between(scanner.peek().number, 1, 31)):
                return scanner.next()
            day.add(scanner.next().number)
    peek = scanner.peek()
    if not (peek.kind == _WORD and peek.subkind == _T):
        if peek.kind != _END:
            return scanner.next()
    else:
        scanner.next()
        if not _parse_iso_time(scanner, time, zone):
            return None
    if zone.is_empty() and time.is_empty():
        zone.set_hours(0)
    day.iso = True
    return _END_TOKEN


def _two_digits(scanner: _Scanner, low: int, high: int) -> int | None:
    peek = scanner.peek()
    if not (peek.is_number(2) and _between(peek.number, low, high)):
        return None
    return scanner.next().number


def _parse_iso_time(scanner: _Scanner, time: _Time, zone: _Zone) -> bool:
    """``HH:mm[:ss[.sss]][Z|±hh:mm|±hhmm]`` after the ``T``; nothing may follow."""
    hour = _two_digits(scanner, 0, 24)
    if hour is None or not scanner.skip_symbol(":"):
        return False
    time.add(hour)
    limit = 0 if hour == 24 else 59  # 24:00 is midnight at the end of the day, nothing later
    minute = _two_digits(scanner, 0, limit)
    if minute is None:
        return False
    time.add(minute)
    if scanner.skip_symbol(":"):
        second = _two_digits(scanner, 0, limit)
        if second is None:
            return False
        time.add(second)
        if scanner.skip_symbol("."):
            peek = scanner.peek()
            if not peek.is_number() or (hour == 24 and peek.number > 0):
                return False
            time.add(_milliseconds(scanner.next()))
    peek = scanner.peek()
    if peek.is_zone_z():
        scanner.next()
        zone.set_hours(0)
    elif peek.is_sign():
        zone.sign = 1 if scanner.next().value == "+" else -1
        if scanner.peek().is_number(4):
            hours, minutes = divmod(scanner.next().number, 100)
            if not (_between(hours, 0, 23) and _between(minutes, 0, 59)):
                return False
            zone.hour, zone.minute = hours, minutes
        else:
            hours_or_none = _two_digits(scanner, 0, 23)
            if hours_or_none is None or not scanner.skip_symbol(":"):
                return False
            minutes_or_none = _two_digits(scanner, 0, 59)
            if minutes_or_none is None:
                return False
            zone.hour, zone.minute = hours_or_none, minutes_or_none
    return scanner.peek().kind == _END


def _read_legacy(scanner: _Scanner, token: _Token, day: _Day, time: _Time, zone: _Zone) -> bool:
    """V8's permissive reader, from ``token`` to the end of the text. False when invalid."""
    has_number = bool(day.parts)
    while token.kind != _END:
        if token.kind == _NUMBER:
            has_number = True
            value = token.number
            if scanner.skip_symbol(":"):
                if scanner.skip_symbol(":"):  # "n::" means n hours and zero minutes
                    if not time.is_empty():
                        return False
                    time.add(value)
                    time.add(0)
                else:
                    if not time.add(value):
                        return False
                    if scanner.peek().is_symbol("."):
                        scanner.next()
            elif scanner.skip_symbol(".") and time.expects(value):
                time.add(value)
                if not scanner.peek().is_number():
                    return False
                time.add_final(_milliseconds(scanner.next()))
            elif zone.expects(value):
                zone.minute = value
            elif time.expects(value):
                time.add_final(value)
                peek = scanner.peek()
                if not (peek.kind in (_END, _SPACE) or peek.is_zone_z() or peek.is_sign()):
                    return False
            else:
                if not day.add(value):
                    return False
                scanner.skip_symbol("-")
        elif token.kind == _WORD:
            if token.subkind == _AM_PM and not time.is_empty():
                time.hour_offset = token.number
            elif token.subkind == _MONTH:
                day.named_month = token.number
                scanner.skip_symbol("-")
            elif token.subkind == _ZONE and has_number:
                zone.set_hours(token.number)
            else:
                # unknown words are allowed only before the first number, and apart from it
                if has_number or scanner.peek().is_number():
                    return False
        elif token.is_sign() and (zone.is_utc() or not time.is_empty()):
            zone.sign = 1 if token.value == "+" else -1
            number, length = 0, 0
            if scanner.peek().is_number():
                offset = scanner.next()
                number, length = offset.number, offset.length
            has_number = True
            if scanner.peek().is_symbol(":"):
                zone.hour, zone.minute = number, _NONE
            elif length in (1, 2):  # GMT-8
                zone.hour, zone.minute = number, 0
            elif length in (3, 4):  # -0800
                zone.hour, zone.minute = divmod(number, 100)
            else:
                return False
        elif (token.is_sign() or token.is_symbol(")")) and has_number:
            return False
        token = scanner.next()
    return True


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date (month may be 1-12, day may overflow)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def parse_js_date(text: str) -> float | None:
    """``Date.parse(text)`` in milliseconds since the epoch, or None where JavaScript gives NaN.

    >>> parse_js_date("Jan 5 2024")
    1704412800000.0
    >>> parse_js_date("not a date") is None
    True
    """
    scanner = _Scanner(text)
    day, time, zone = _Day(), _Time(), _Zone()
    token = _parse_iso(scanner, day, time, zone)
    if token is None or not _read_legacy(scanner, token, day, time, zone):
        return None
    date = day.compose()
    clock = time.compose()
    if date is None or clock is None:
        return None
    year, month, day_of_month = date
    milliseconds = _days_from_civil(year, month, day_of_month) * 86_400_000 + clock
    milliseconds -= zone.offset_seconds() * 1000
    if abs(milliseconds) > _MAX_TIME_MS:
        return None
    return float(milliseconds)


# The ISO form ``Date#toISOString`` and most senders produce, checked without tokenizing: every
# string it matches is a date V8 accepts (a day of 31 in a shorter month rolls over).
_COMMON_ISO = re.compile(
    r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)?"
)


def is_js_date(text: str) -> bool:
    """Whether ``new Date(text)`` is a valid date (not ``Invalid Date``)."""
    return _COMMON_ISO.fullmatch(text) is not None or parse_js_date(text) is not None
