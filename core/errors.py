"""The error types every part of actions raises.

Errors are data: each carries a stable ``code``, a message that names where the problem is, and
whether retrying could help. Callers catch :class:`ActionsError` and never see a bare traceback for
bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Final, Self

import attrs

from .jsvalues import number_to_string

if TYPE_CHECKING:
    from .request import Response


class ActionsError(Exception):
    """Base class of every error actions raises on purpose."""

    code: str = "ACTIONS_ERROR"
    """Stable identifier; a class sets it, or an instance when it depends on the case (HTTPError)."""

    @property
    def retryable(self) -> bool:
        """Whether sending again may succeed. A class overrides it with ``retryable = True`` or,
        where it depends on the instance (an HTTP status), with a property."""
        return False

    @property
    def message(self) -> str:
        return str(self)


@attrs.frozen
class Problem:
    """One thing wrong with a mapping, at one place in it.

    ``location`` is a slash path from the mapping's root through object keys, array indices and
    directive names (``/traits/email/@path``); the root is ``/``.
    """

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location} {self.reason}."


class MappingValidationError(ActionsError):
    """A mapping is malformed. Lists every problem found, not only the first."""

    code = "INVALID_MAPPING"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class MappingRuntimeError(ActionsError):
    """A well-formed mapping could not be applied to this particular input."""

    code = "MAPPING_FAILED"

    def __init__(self, location: str, reason: str) -> None:
        self.location = location
        self.reason = reason
        super().__init__(f"{location}: {reason}")


class InvalidEventError(ActionsError):
    """The input given to a mapping or subscription is not an event (e.g. not a JSON object)."""

    code = "INVALID_EVENT"


class FQLSyntaxError(ActionsError):
    """A subscription (FQL) expression cannot be parsed.

    ``position`` is the 0-based character offset in ``expression`` where the problem starts.
    """

    code = "INVALID_SUBSCRIPTION"

    def __init__(self, expression: str, position: int, reason: str) -> None:
        self.expression = expression
        self.position = position
        self.reason = reason
        super().__init__(f"{reason} (at position {position})")

    def pointer(self) -> str:
        """The expression with a caret under the offending character, for terminals."""
        return f"{self.expression}\n{' ' * self.position}^"


class UnknownDestinationError(ActionsError):
    """No installed destination has this short name or slug."""

    code = "UNKNOWN_DESTINATION"

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        listed = ", ".join(sorted(known)) or "none installed"
        super().__init__(f'no destination named "{name}" (installed: {listed})')


class UnknownActionError(ActionsError):
    """A destination has no action with this key."""

    code = "UNKNOWN_ACTION"

    def __init__(self, destination: str, action: str, known: Iterable[str]) -> None:
        self.destination = destination
        self.action = action
        super().__init__(
            f'destination "{destination}" has no action "{action}" (actions: {", ".join(known)})'
        )


class DuplicateDestinationError(ActionsError):
    """Two installed plugins claim the same short name or slug."""

    code = "DUPLICATE_DESTINATION"


class PerformError(ActionsError):
    """A plugin's ``perform`` failed with an exception it did not mean to raise (a bug, not bad input).

    The original exception is logged with its traceback; the message keeps its type and text, with
    secrets redacted.
    """

    code = "PERFORM_FAILED"
    status = 500


# Errors of HTTP delivery. Statuses decide retrying: 4xx are permanent except 408, 423 and 429;
# 5xx are retried except 501 (Segment's policy for the platform that runs its actions).

_STATUS_CODES: Final[dict[int, str]] = {
    100: "CONTINUE", 101: "SWITCHING_PROTOCOLS", 102: "PROCESSING", 103: "EARLY_HINTS",
    200: "OK", 201: "CREATED", 202: "ACCEPTED", 203: "NON_AUTHORITATIVE_INFORMATION",
    204: "NO_CONTENT", 205: "RESET_CONTENT", 206: "PARTIAL_CONTENT", 207: "MULTI_STATUS",
    208: "ALREADY_REPORTED", 226: "IM_USED",
    300: "MULTIPLE_CHOICES", 301: "MOVED_PERMANENTLY", 302: "FOUND", 303: "SEE_OTHER",
    304: "NOT_MODIFIED", 305: "USE_PROXY", 307: "TEMPORARY_REDIRECT", 308: "PERMANENT_REDIRECT",
    400: "BAD_REQUEST", 401: "UNAUTHORIZED", 402: "PAYMENT_REQUIRED", 403: "FORBIDDEN",
    404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 406: "NOT_ACCEPTABLE",
    407: "PROXY_AUTHENTICATION_REQUIRED", 408: "REQUEST_TIMEOUT", 409: "CONFLICT", 410: "GONE",
    411: "LENGTH_REQUIRED", 412: "PRECONDITION_FAILED", 413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG", 415: "UNSUPPORTED_MEDIA_TYPE", 416: "RANGE_NOT_SATISFIABLE",
    417: "EXPECTATION_FAILED", 418: "IM_A_TEAPOT", 421: "MISDIRECTED_REQUEST",
    422: "UNPROCESSABLE_ENTITY", 423: "LOCKED", 424: "FAILED_DEPENDENCY", 425: "TOO_EARLY",
    426: "UPGRADE_REQUIRED", 428: "PRECONDITION_REQUIRED", 429: "TOO_MANY_REQUESTS",
    431: "REQUEST_HEADER_FIELDS_TOO_LARGE", 451: "UNAVAILABLE_FOR_LEGAL_REASONS",
    499: "CANCELLED",
    500: "INTERNAL_SERVER_ERROR", 501: "NOT_IMPLEMENTED", 502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT", 505: "HTTP_VERSION_NOT_SUPPORTED",
    506: "VARIANT_ALSO_NEGOTIATES", 507: "INSUFFICIENT_STORAGE", 508: "LOOP_DETECTED",
    510: "NOT_EXTENDED", 511: "NETWORK_AUTHENTICATION_REQUIRED", 529: "SITE_IS_OVERLOADED",
}  # fmt: skip
_RETRYABLE_4XX: Final = frozenset({408, 423, 429})
_BODY_EXCERPT_LIMIT: Final = 200
"""Longer bodies stay out of the one-line message; they are on ``error.response.text``."""


def error_code_for_status(status: int) -> str:
    """The error code an HTTP status stands for: 429 → ``TOO_MANY_REQUESTS``, unknown → ``UNKNOWN_ERROR``."""
    return _STATUS_CODES.get(status, "UNKNOWN_ERROR")


def is_retryable_status(status: int | None) -> bool:
    """408, 423, 429 and every 5xx except 501: the statuses after which sending again may succeed."""
    if status is None:
        return False
    return status in _RETRYABLE_4XX or (500 <= status <= 599 and status != 501)


def retry_after_seconds(value: str | None, date: str | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta seconds, or an HTTP date.

    A date is measured from the response's own ``Date`` header when it has one (immune to clock
    skew between us and the server), else from our clock. A date in the past gives 0; a value that
    is neither form gives None.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    when = _http_date(value)
    if when is None:
        return None
    now = _http_date(date) if date is not None else None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _http_date(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


class HTTPError(ActionsError):
    """The destination answered with a status outside 2xx (after redirects).

    The message is ``"<status> <reason>"``, followed by the body when it is short, with secrets
    redacted. ``retryable`` follows the status; ``retry_after`` is what the server asked us to wait.
    """

    def __init__(self, response: Response) -> None:
        self.response = response
        self.status: int = response.status
        self.code = error_code_for_status(response.status)
        self.retry_after: float | None = retry_after_seconds(
            response.headers.get("retry-after"), response.headers.get("date")
        )
        message = f"{response.status} {response.reason}".rstrip()
        excerpt = " ".join(response.secrets.redact(response.text).split())
        if excerpt and len(excerpt) <= _BODY_EXCERPT_LIMIT:
            message = f"{message}: {excerpt}"
        super().__init__(message)

    @property
    def retryable(self) -> bool:
        return is_retryable_status(self.status)


class RequestTimeoutError(ActionsError):
    """No complete answer arrived within the request's timeout. Retryable."""

    code = "ETIMEDOUT"
    status = 408
    retryable = True

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        if timeout is None:
            super().__init__("Request timed out")
        else:
            super().__init__(f"Request timed out after {number_to_string(timeout)} seconds")


class ConnectionFailedError(ActionsError):
    """The request never got an answer: DNS, refused or reset connection, TLS. Retryable.

    ``code`` is the operating system's name for the failure when known (``ECONNREFUSED``), else
    ``CONNECTION_FAILED``. The message names the host, never the URL (its query may hold a key).
    """

    status = 503
    retryable = True

    def __init__(self, host: str, reason: str = "", *, code: str = "CONNECTION_FAILED") -> None:
        self.host = host
        self.code = code
        super().__init__(
            f"Could not connect to {host}: {reason}" if reason else f"Could not connect to {host}"
        )


class IntegrationError(ActionsError):
    """A failure a plugin reports on purpose, with its own ``code`` and an HTTP ``status``.

    Permanent unless the status says retrying may help (408, 423, 429, 5xx except 501).
    """

    def __init__(self, message: str, code: str = "INTEGRATION_ERROR", status: int = 400) -> None:
        self.code = code
        self.status: int = status
        super().__init__(message)

    @property
    def retryable(self) -> bool:
        return is_retryable_status(self.status)


RETRYABLE_STATUSES: Final = frozenset({408, 423, 429, 500, *range(502, 512), 598, 599})
"""The statuses a :class:`RetryableError` may carry (as Segment's type allows)."""


class RetryableError(ActionsError):
    """A transient failure a plugin reports on purpose: the event should be sent again later."""

    code = "RETRYABLE_ERROR"
    retryable = True

    def __init__(self, message: str = "", status: int = 500) -> None:
        if status not in RETRYABLE_STATUSES:
            allowed = ", ".join(str(each) for each in sorted(RETRYABLE_STATUSES))
            raise ValueError(f"RetryableError status must be one of {allowed}, not {status}")
        self.status: int = status
        super().__init__(message)


class InvalidAuthenticationError(ActionsError):
    """The destination rejected the credentials in the settings; only the user can fix them."""

    status = 401

    def __init__(self, message: str = "", code: str = "INVALID_AUTHENTICATION") -> None:
        self.code = code
        super().__init__(message)


@attrs.frozen
class ValidationIssue:
    """One reason a payload (or settings) failed validation.

    ``pointer`` is the JSON pointer of the offending value (``/address/zip``, ``/products/0/sku``;
    ``""`` for the whole payload); ``message`` is the full sentence shown to users, e.g.
    ``"Email must be a valid email address string but it was not."``.
    """

    pointer: str
    message: str

    def __str__(self) -> str:
        return self.message


class PayloadValidationError(ActionsError):
    """A mapped payload does not satisfy its action's fields. Lists every problem, in order.

    ``str(error)`` joins the messages with a space, as Segment's ``AggregateAjvError`` does.
    """

    code = "PAYLOAD_VALIDATION_FAILED"
    status = 400

    def __init__(self, issues: Iterable[ValidationIssue]) -> None:
        self.issues: tuple[ValidationIssue, ...] = tuple(issues)
        super().__init__(" ".join(issue.message for issue in self.issues))

    @classmethod
    def from_message(cls, message: str, pointer: str = "") -> Self:
        """One problem in plain words, as a plugin reports a payload it cannot send
        (Segment's ``new PayloadValidationError("…")``)."""
        return cls([ValidationIssue(pointer, message)])

    @property
    def messages(self) -> list[str]:
        return [issue.message for issue in self.issues]

    def __reduce__(self) -> tuple[type[Self], tuple[tuple[ValidationIssue, ...]]]:
        return type(self), (self.issues,)  # survives pickling (process pools, queues)


class InvalidSettingsError(PayloadValidationError):
    """A destination's settings do not satisfy its settings fields (same checks and messages)."""

    code = "INVALID_SETTINGS"


class DefinitionError(ActionsError):
    """A destination, action or field definition is malformed (a plugin bug, not bad data).

    The message names the definition element and what is wrong with it.
    """

    code = "INVALID_DEFINITION"
