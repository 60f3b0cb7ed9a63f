"""What Iterable's answers mean: which ones are failures, and whether sending again can help.

A non-2xx answer is already an HTTPError, retryable by its status (429 and 5xx). Two more kinds of
failure hide in 2xx answers: a body whose ``code`` is one of Iterable's error codes, and the lists of
rejected users and events in a bulk answer (``failCount``, ``failedUpdates``, ``invalidEmails``…),
which become results of the events they name (compat Q12).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from actions_core.errors import IntegrationError
from actions_core.request import Response
from actions_core.results import BatchItemFailure, BatchItemSuccess

ERROR_CODE_STATUS: Final[Mapping[str, int]] = {
    "BadApiKey": 401,
    "BadAuthorizationHeader": 401,
    "BadJsonBody": 400,
    "BadParams": 400,
    "BatchTooLarge": 413,
    "DatabaseError": 500,
    "EmailAlreadyExists": 409,
    "ExternalKeyConflict": 409,
    "Forbidden": 403,
    "ForbiddenParamsError": 403,
    "ForgottenUserError": 410,
    "GenericError": 500,
    "InvalidEmailAddressError": 400,
    "InvalidJwtPayload": 401,
    "InvalidUserIdError": 400,
    "JwtUserIdentifiersMismatched": 401,
    "NotFound": 404,
    "QueueEmailError": 500,
    "RateLimitExceeded": 429,
    "RequestFieldsTypesMismatched": 400,
    "Unauthorized": 401,
    "UniqueFieldsLimitExceeded": 400,
    "UnknownEmailError": 404,
    "UnknownUserIdError": 404,
    "UserIdAlreadyExists": 409,
}
"""Iterable's error codes and the HTTP status each stands for; the status decides retrying
(429 and 5xx are retried, the rest are permanent)."""


class IterableError(IntegrationError):
    """Iterable answered 2xx with one of its error codes in the body (``{"code": "BadParams"}``)."""

    def __init__(self, iterable_code: str, detail: str) -> None:
        message = f"Iterable answered {iterable_code}"
        super().__init__(
            f"{message}: {detail}" if detail else message,
            code=iterable_code,
            status=ERROR_CODE_STATUS[iterable_code],
        )


def check_answer(response: Response) -> Response:
    """The response when Iterable accepted the request; an IterableError when its body says not."""
    data = response.data
    if isinstance(data, Mapping):
        code = data.get("code")
        if isinstance(code, str) and code in ERROR_CODE_STATUS:
            message = data.get("msg")
            raise IterableError(code, message if isinstance(message, str) else "")
    return response


@attrs.frozen
class Sent:
    """Who an event in a bulk request was about: what Iterable's failure lists name."""

    email: str | None = None
    user_id: str | None = None
    event_name: str | None = None


@attrs.frozen
class _Rejection:
    code: str
    status: int
    reason: str


_REJECTIONS: Final[Mapping[str, _Rejection]] = {
    "invalid": _Rejection("INVALID_IDENTIFIER", 400, "Iterable finds it invalid"),
    "invalidData": _Rejection(
        "INVALID_DATA", 400, "a data field does not fit the type Iterable stores for it"
    ),
    "notFound": _Rejection("USER_NOT_FOUND", 404, "no Iterable user has it and updateOnly is on"),
    "forgotten": _Rejection("FORGOTTEN_USER", 410, "the user was forgotten at their request"),
    "conflict": _Rejection(
        "IDENTITY_CONFLICT", 409, "the email and the userId belong to different Iterable users"
    ),
}
_OTHER_REJECTION: Final = _Rejection("REJECTED_BY_ITERABLE", 400, "Iterable did not accept it")


def bulk_results(response: Response, sent: list[Sent]) -> list[BatchItemSuccess | BatchItemFailure]:
    """One result per event of a bulk request that Iterable answered with 2xx, in order.

    An event whose email, userId or event name is in one of the answer's failure lists fails with a
    permanent error naming the list; the others succeed with the answer's status and body.
    """
    failures = _failure_index(response.data)
    results: list[BatchItemSuccess | BatchItemFailure] = []
    for each in sent:
        error = _rejection_of(each, failures)
        if error is None:
            results.append(BatchItemSuccess(status=response.status, body=response.data))
        else:
            results.append(BatchItemFailure(error=error, body=response.data))
    return results


_Index = dict[tuple[str, str], str]
"""(kind, value) → the list that names it; kind is ``email``, ``userId`` or ``eventName``."""


def _failure_index(data: Any) -> _Index:
    index: _Index = {}
    if not isinstance(data, Mapping):
        return index
    failed = data.get("failedUpdates")
    if isinstance(failed, Mapping):
        for name, values in failed.items():
            _add(index, f"failedUpdates.{name}", name, values)
    for name in ("invalidEmails", "invalidUserIds"):
        _add(index, name, name, data.get(name))
    for value in _strings(data.get("disallowedEventNames")):
        index.setdefault(("eventName", value), "disallowedEventNames")
    return index


def _add(index: _Index, where: str, name: str, values: Any) -> None:
    if name.endswith("Emails"):
        kind = "email"
    elif name.endswith("UserIds"):
        kind = "userId"
    else:
        return
    for value in _strings(values):
        index.setdefault((kind, value.lower() if kind == "email" else value), where)


def _strings(values: Any) -> Iterator[str]:
    if isinstance(values, list):
        yield from (value for value in values if isinstance(value, str))


def _rejection_of(sent: Sent, failures: _Index) -> IntegrationError | None:
    if not failures:
        return None
    candidates = (
        ("email", sent.email.lower() if sent.email else None),
        ("userId", sent.user_id),
        ("eventName", sent.event_name),
    )
    for kind, value in candidates:
        where = failures.get((kind, value)) if value else None
        if where is not None:
            return _rejection_error(kind, where)
    return None


def _rejection_error(kind: str, where: str) -> IntegrationError:
    if kind == "eventName":
        return IntegrationError(
            "Iterable rejected this event: its event name is in disallowedEventNames "
            "(the project does not accept events of that name).",
            "DISALLOWED_EVENT_NAME",
            400,
        )
    name = where.rsplit(".", 1)[-1]
    rejection = _REJECTIONS.get(
        name.removesuffix("Emails").removesuffix("UserIds"), _OTHER_REJECTION
    )
    return IntegrationError(
        f"Iterable rejected this event: its {kind} is in {where} ({rejection.reason}).",
        rejection.code,
        rejection.status,
    )
