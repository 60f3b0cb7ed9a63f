"""String formats a field may declare (``format: "email"`` …) and the checks behind them.

The set and the acceptance rules are those of Segment's validator (ajv-formats 2.1 in "full" mode,
plus ``text``/``password`` that always pass and ``date-like`` for ``datetime`` fields). IP addresses
and dates are checked with the standard library; the rest are grammars written out below.
"""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Callable
from typing import Final

from ..jsvalues import JS_WHITESPACE, number_to_string, to_number
from .jsdate import is_js_date

__all__ = ["FORMAT_CHECKS", "is_date_like"]

_MAX_TIME_MS: Final = 8.64e15
_JS_SPACE_CLASS: Final = "".join(re.escape(char) for char in JS_WHITESPACE)  # JavaScript's \s


# -- dates and times (RFC 3339) ---------------------------------------------------------------

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(
    r"([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([zZ]|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
_DATE_TIME_SEPARATOR = re.compile("[tT" + _JS_SPACE_CLASS + "]")


def _is_date(text: str) -> bool:
    """``2024-02-29``: a real calendar day (``2023-02-29`` fails)."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    try:
        datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def _is_time(text: str) -> bool:
    """``10:30:00``, ``10:30:00.5Z``, ``23:59:60+01:00``; the zone is optional (as in ajv-formats 2.1)."""
    match = _TIME.fullmatch(text)
    if match is None:
        return False
    hour, minute, second = (int(part) for part in match.groups()[:3])
    return (hour <= 23 and minute <= 59 and second <= 59) or (hour, minute, second) == (23, 59, 60)


def _is_date_time(text: str) -> bool:
    """A date and a time separated by ``T`` or a space; like Segment, a zone is not required."""
    parts = _DATE_TIME_SEPARATOR.split(text)
    return len(parts) == 2 and _is_date(parts[0]) and _is_time(parts[1])


# -- URIs (RFC 3986, RFC 6570) ------------------------------------------------------------------

_PCT = r"%[0-9a-fA-F]{2}"
_SUB_DELIMS = r"!$&'()*+,;="
_UNRESERVED = r"a-zA-Z0-9\-._~"


def _uri_grammar(extra: str) -> dict[str, str]:
    """The RFC 3986 pieces; ``extra`` adds characters ajv-formats also lets through."""
    pchar = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}{extra}:@]|{_PCT})"
    reg_name = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}{extra}]|{_PCT})*"
    user_info = rf"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    host = rf"(?:\[(?P<literal>[^\]]*)\]|{reg_name})"  # an IPv4 address is a reg-name too
    authority = rf"{user_info}{host}(?::[0-9]*)?"
    return {
        "hier": (
            rf"(?:/?/{authority}(?:/{pchar}*)*"  # //authority/path (one slash is tolerated)
            rf"|/(?:{pchar}+(?:/{pchar}*)*)?"  # /absolute/path
            rf"|{pchar}+(?:/{pchar}*)*)"  # rootless/path
        ),
        "query": rf"(?:\?(?:{pchar}|[/?])*)?",
        "fragment": rf"(?:#(?:{pchar}|[/?])*)?",
    }


_SCHEME = r"[a-zA-Z][a-zA-Z0-9+\-.]*:"
_URI_PARTS = _uri_grammar("")
_URI = re.compile(f"{_SCHEME}{_URI_PARTS['hier']}{_URI_PARTS['query']}{_URI_PARTS['fragment']}")
_REFERENCE_PARTS = _uri_grammar('"')  # ajv-formats accepts a double quote in references
_URI_REFERENCE = re.compile(
    f"(?:{_SCHEME})?{_REFERENCE_PARTS['hier']}?{_REFERENCE_PARTS['query']}{_REFERENCE_PARTS['fragment']}"
)
_IP_FUTURE = re.compile(rf"[vV][0-9a-fA-F]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+")


def _literal_is_valid(match: re.Match[str]) -> bool:
    """A bracketed host must be an IPv6 address (checked by ``ipaddress``) or an IPvFuture."""
    literal = match.group("literal")
    return literal is None or _is_ipv6(literal) or _IP_FUTURE.fullmatch(literal) is not None


def _is_uri(text: str) -> bool:
    """An absolute URI: ``https://example.com/a?b#c``, ``urn:isbn:0451450523``, ``mailto:a@b.c``."""
    if "/" not in text and ":" not in text:
        return False
    match = _URI.fullmatch(text)
    return match is not None and _literal_is_valid(match)


def _is_uri_reference(text: str) -> bool:
    """A URI or a relative reference (``/path``, ``../x``, ``#frag``, even ``""``)."""
    match = _URI_REFERENCE.fullmatch(text)
    return match is not None and _literal_is_valid(match)


_VARIABLE = rf"(?:[a-zA-Z0-9_]|{_PCT})+(?::[1-9][0-9]{{0,3}}|\*)?"
_URI_TEMPLATE = re.compile(
    rf"(?:[^\x00-\x20\"'<>%\\^`{{|}}]|{_PCT}"
    rf"|\{{[+#./;?&=,!@|]?{_VARIABLE}(?:,{_VARIABLE})*\}})*"
)


def _is_uri_template(text: str) -> bool:
    """``https://api.example.com/users/{id}{?fields*}``."""
    return _URI_TEMPLATE.fullmatch(text) is not None


# -- internet names and addresses ---------------------------------------------------------------

_ATEXT = r"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
_EMAIL = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@(?:{_LABEL}\.)+{_LABEL}")
_HOSTNAME = re.compile(
    r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?"
)


def _is_email(text: str) -> bool:
    """``ann@example.com``: dot-separated atoms, ``@``, at least two domain labels."""
    return _EMAIL.fullmatch(text) is not None


def _is_hostname(text: str) -> bool:
    """``api.example.com``: labels of 1-63 letters, digits or inner hyphens; 253 characters at most."""
    return 1 <= len(text.removesuffix(".")) <= 253 and _HOSTNAME.fullmatch(text) is not None


def _is_ipv4(text: str) -> bool:
    """``192.168.0.1``. Octets with leading zeros (``010.0.0.1``) are refused: they are ambiguous."""
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        return False
    return text.isascii()


def _is_ipv6(text: str) -> bool:
    """``2001:db8::1``, ``::ffff:192.0.2.1``; no zone id (``%eth0``)."""
    if "%" in text or not text.isascii():
        return False
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


# -- the rest -----------------------------------------------------------------------------------

_UUID = re.compile(r"(?:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_JS_NAMED_GROUP = re.compile(r"\(\?<(?=[a-zA-Z_$])")
_JS_NAMED_BACKREFERENCE = re.compile(r"\\k<")


def _is_uuid(text: str) -> bool:
    """``123e4567-e89b-12d3-a456-426614174000``, optionally ``urn:uuid:``-prefixed."""
    return _UUID.fullmatch(text) is not None


def _is_regex(text: str) -> bool:
    """A pattern that compiles. Python's ``re`` stands in for JavaScript's ``RegExp``, with
    JavaScript's named groups (``(?<name>…)``, ``\\k<name>``) understood; ``\\Z`` is refused as ajv does."""
    if re.search(r"[^\\]\\Z", text):
        return False
    translated = _JS_NAMED_BACKREFERENCE.sub(r"(?P=", _JS_NAMED_GROUP.sub("(?P<", text))
    translated = re.sub(r"\(\?P=(\w+)>", r"(?P=\1)", translated)
    try:
        re.compile(translated)
    except (re.error, OverflowError, RecursionError):
        return False
    return True


# -- date-like (``datetime`` fields) --------------------------------------------------------------

_JS_NUMBER_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?")  # "12", "-1.5", "1e+21"
_DAYJS_LOOSE = re.compile(
    r"([0-9]{4})[-/]?([0-9]{1,2})?[-/]?([0-9]{0,2})[Tt" + _JS_SPACE_CLASS + r"]*"
    r"([0-9]{1,2})?:?([0-9]{1,2})?:?([0-9]{1,2})?[.:]?([0-9]+)?"
)


def is_date_like(text: str) -> bool:
    """Segment's ``date-like`` format: what its ``datetime`` fields accept as a string.

    * the decimal text of a number (``"1700000000"``, ``"1.5"``, ``"-12"``) is Unix seconds: valid
      when the instant exists (within ±8.64e15 ms);
    * otherwise dayjs's loose ISO reading (``2024``, ``2024-1-5 10:00``, ``2024/01/05``); its parts
      roll over, so ``2024-13-45`` is valid too;
    * otherwise whatever JavaScript's ``Date`` parses (``Jan 5 2024``, ``01/02/2024``, RFC 2822).
    """
    if _JS_NUMBER_TEXT.fullmatch(text) is not None:
        number = to_number(text)
        if number_to_string(number) == text:  # the text is how JavaScript writes this number
            return abs(number * 1000) <= _MAX_TIME_MS
    if not text.endswith(("z", "Z")) and _DAYJS_LOOSE.fullmatch(text) is not None:
        return True
    return is_js_date(text)


def _always(_text: str) -> bool:
    return True


FORMAT_CHECKS: Final[dict[str, Callable[[str], bool]]] = {
    "date": _is_date,
    "time": _is_time,
    "date-time": _is_date_time,
    "uri": _is_uri,
    "uri-reference": _is_uri_reference,
    "uri-template": _is_uri_template,
    "email": _is_email,
    "hostname": _is_hostname,
    "ipv4": _is_ipv4,
    "ipv6": _is_ipv6,
    "regex": _is_regex,
    "uuid": _is_uuid,
    "password": _always,
    "text": _always,
    "date-like": is_date_like,
}
"""Format name → check of a string value. Formats are never checked on non-string values."""
