"""Secret values (password settings, API keys) and their removal from text that leaves the process.

A secret can reach an error message or a log line in more shapes than its own: percent-encoded in
a URL, escaped inside JSON, or Base64-encoded inside a Basic ``Authorization`` header. :class:`Secrets`
knows those shapes, so callers redact once and need not think about where the text came from.
"""

from __future__ import annotations

import base64
import json.encoder
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from .jsvalues import number_to_string

__all__ = ["REDACTED", "RedactingFilter", "Secrets"]

REDACTED: Final = "***"

_URL_UNRESERVED: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
)
_MIN_BASE64_FRAGMENT: Final = 6
"""Shorter Base64 fragments would match unrelated Base64 text too often to be worth redacting."""
_URLSAFE: Final = str.maketrans("+/", "-_")


class Secrets:
    """A set of secret strings, and the means to redact them from text and JSON-like data.

    Only the empty string is ignored: a short secret is still a secret, and redacting a few
    harmless matches too many is the safe mistake. Numbers are taken in their JavaScript spelling.
    The values never appear in ``repr``.
    """

    __slots__ = ("_pattern", "_values")

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._values: frozenset[str] = frozenset(
            text for text in (_as_text(value) for value in values) if text
        )
        self._pattern: re.Pattern[str] | None = None  # compiled on first use: most never redact

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of a secret, in any of its encoded forms, as ``***``."""
        if not self._values:
            return text
        if self._pattern is None:
            self._pattern = _compile(self._values)
        return self._pattern.sub(REDACTED, text)

    def redact_data(self, value: Any) -> Any:
        """A deep copy of JSON-like ``value`` with secrets redacted inside every string and key."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {
                self.redact(key) if isinstance(key, str) else key: self.redact_data(item)
                for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return [self.redact_data(item) for item in value]
        return value

    def __or__(self, other: Secrets | Iterable[str]) -> Secrets:
        others = other._values if isinstance(other, Secrets) else other
        return Secrets([*self._values, *others])

    def __bool__(self) -> bool:
        return bool(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[str]:
        """The secret values themselves, for code that must hand them on (never print them)."""
        return iter(self._values)

    def __contains__(self, value: object) -> bool:
        return value in self._values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secrets) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        count = len(self._values)
        return f"Secrets(<{count} value{'' if count == 1 else 's'}>)"


class RedactingFilter(logging.Filter):
    """Redacts secrets from the log records of the named loggers and their children.

    The default names cover actions' own loggers and httpx's, which logs every request URL (query
    string included) at INFO. Attach it to a handler (``handler.addFilter(RedactingFilter(s))``):
    handler filters see the records of child loggers, logger filters do not. It never drops a
    record. The message is formatted and redacted, and so are an attached exception and stack.
    """

    def __init__(
        self, secrets: Secrets, loggers: Iterable[str] = ("actions", "httpx", "httpcore")
    ) -> None:
        super().__init__()
        self.secrets = secrets
        self.loggers = tuple(loggers)

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets and self._covers(record.name):
            self._redact(record)
        return True

    def _covers(self, name: str) -> bool:
        return any(name == each or name.startswith(each + ".") for each in self.loggers)

    def _redact(self, record: logging.LogRecord) -> None:
        record.msg = self.secrets.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.secrets.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.secrets.redact(record.stack_info)


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_to_string(value)
    return ""


def _compile(values: Iterable[str]) -> re.Pattern[str]:
    """One alternation of every form of every secret, longest first so the longest match wins."""
    forms: list[tuple[int, str]] = []
    for value in values:
        forms.append((len(value), "".join(_char_forms(char) for char in value)))
        forms.extend((len(fragment), re.escape(fragment)) for fragment in _base64_fragments(value))
    forms.sort(key=lambda form: -form[0])
    return re.compile("|".join(pattern for _, pattern in forms))


def _char_forms(char: str) -> str:
    """A pattern for one character as it may appear raw, percent-encoded or escaped in JSON."""
    if char in _URL_UNRESERVED:
        return re.escape(char)
    forms = [re.escape(char), "".join(f"%(?i:{byte:02X})" for byte in char.encode("utf-8"))]
    if char == " ":
        forms.append(r"\+")
    for encode in (json.encoder.encode_basestring, json.encoder.encode_basestring_ascii):
        escaped = encode(char)[1:-1]
        if escaped != char:
            forms.append(re.escape(escaped))
    if char == "/":
        forms.append(re.escape("\\/"))
    forms.sort(key=len, reverse=True)  # tried in order: an escaped backslash before a bare one
    return "(?:" + "|".join(dict.fromkeys(forms)) + ")"


def _base64_fragments(value: str) -> set[str]:
    """The Base64 text that encodes ``value`` wherever it sits in the encoded data.

    Base64 packs 3 bytes into 4 characters, so the encoding of a secret depends on where it starts
    modulo 3 (``"user:" + password`` in a Basic header). For each of the three offsets, the
    characters whose 6 bits all come from the secret are the same whatever surrounds it.
    """
    data = value.encode("utf-8")
    fragments: set[str] = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data + b"\0\0").decode("ascii")
        first = -(-8 * offset // 6)  # the first character that starts inside the secret
        last = (8 * (offset + len(data))) // 6  # one past the last that ends inside it
        fragment = encoded[first:last]
        if len(fragment) >= _MIN_BASE64_FRAGMENT:
            fragments.add(fragment)
            fragments.add(fragment.translate(_URLSAFE))
    return fragments
