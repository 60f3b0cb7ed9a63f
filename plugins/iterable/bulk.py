"""Sending a batch through one of Iterable's bulk endpoints, with a result for every event.

An event whose body cannot be built — no email and no userId, say — gets its own error and stays out
of the request (compat Q4). Batches larger than the batch size go out as several requests; a request
that fails fails only its own events; in a 2xx answer, the users and events Iterable lists as
rejected fail alone (compat Q12).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from actions_core.errors import ActionsError, HTTPError
from actions_core.request import RequestClient
from actions_core.results import BatchItemFailure, BatchItemSuccess

from .errors import Sent, bulk_results, check_answer
from .fields import BATCH_LIMIT

Result = BatchItemSuccess | BatchItemFailure
Results = list[Result | None]
"""One slot per payload of the batch, filled in as bodies are built and requests answered."""


def batch_limit(payloads: Sequence[Mapping[str, Any]]) -> int:
    """How many events one bulk request may carry: the mapped ``batch_size``, else Segment's 1001."""
    size = payloads[0].get("batch_size") if payloads else None
    if isinstance(size, int | float) and not isinstance(size, bool) and size >= 1:
        return int(size)
    return BATCH_LIMIT


async def send_bulk(
    request: RequestClient,
    url: str,
    *,
    payloads: Sequence[Mapping[str, Any]],
    indices: Sequence[int],
    make_item: Callable[[Mapping[str, Any]], dict[str, Any]],
    wrap: Callable[[list[dict[str, Any]]], dict[str, Any]],
    results: Results,
) -> None:
    """POST the payloads at ``indices``, in requests of at most :func:`batch_limit` events.

    ``make_item`` builds one event's entry (raising an ActionsError for an event that cannot be
    sent); ``wrap`` builds the request body around the entries.
    """
    built: list[tuple[int, dict[str, Any]]] = []
    for index in indices:
        try:
            built.append((index, make_item(payloads[index])))
        except ActionsError as error:
            results[index] = BatchItemFailure(error=error)
    limit = batch_limit(payloads)
    for start in range(0, len(built), limit):
        chunk = built[start : start + limit]
        entries = [entry for _, entry in chunk]
        try:
            response = check_answer(await request(url, method="POST", json=wrap(entries)))
        except ActionsError as error:
            answer = error.response.data if isinstance(error, HTTPError) else None
            for index, _ in chunk:
                results[index] = BatchItemFailure(error=error, body=answer)
            continue
        answered = bulk_results(response, [_sent(entry) for entry in entries])
        for (index, _), result in zip(chunk, answered, strict=True):
            results[index] = result


def completed(results: Results) -> list[Result]:
    """The results in batch order, once every payload has one."""
    missing = [index for index, result in enumerate(results) if result is None]
    if missing:
        raise AssertionError(f"no result for batch positions {missing}")
    return [result for result in results if result is not None]


def _sent(entry: Mapping[str, Any]) -> Sent:
    return Sent(
        email=_text(entry.get("email")),
        user_id=_text(entry.get("userId")),
        event_name=_text(entry.get("eventName")),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
