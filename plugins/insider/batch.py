"""Batches: every user in one upsert request, with a result for each event.

Events that name no user are answered on their own (a payload error) and left out of the request;
Insider's answer, or the failure to get one, is the result of every event that was sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from actions_core.errors import ActionsError, HTTPError
from actions_core.request import RequestClient
from actions_core.results import BatchItemFailure, BatchItemSuccess

from .api import upsert
from .body import Payload, User, identifier_problem

__all__ = ["BatchOutcome", "upsert_batch"]

BatchOutcome = BatchItemSuccess | BatchItemFailure


async def upsert_batch(
    request: RequestClient, payloads: Sequence[Payload], build_user: Callable[[Payload], User]
) -> list[BatchOutcome]:
    """Send the users built from ``payloads`` in one request; one outcome per payload, in order."""
    problems = [identifier_problem(payload) for payload in payloads]
    users = [
        build_user(payload)
        for payload, problem in zip(payloads, problems, strict=True)
        if problem is None
    ]
    if not users:
        return [_not_sent(problem) for problem in problems if problem is not None]
    delivered = await _deliver(request, users)
    return [delivered if problem is None else _not_sent(problem) for problem in problems]


def _not_sent(problem: ActionsError) -> BatchItemFailure:
    """A payload our own check stopped before the request: reported by this framework."""
    return BatchItemFailure(error=problem, reporter="INTEGRATIONS")


async def _deliver(request: RequestClient, users: list[User]) -> BatchOutcome:
    """Insider answers for the request as a whole (its body is not read per user, as in Segment)."""
    try:
        response = await upsert(request, users)
    except HTTPError as error:
        return BatchItemFailure(error=error, body=error.response.data)
    except ActionsError as error:  # a timeout or a refused connection: no answer from Insider
        return BatchItemFailure(error=error, reporter="INTEGRATIONS")
    return BatchItemSuccess(status=response.status, body=response.data)
