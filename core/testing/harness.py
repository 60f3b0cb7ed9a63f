"""Run a destination's actions as a test would: synchronous, with HTTP mocked by respx."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import httpx
import respx

from ..definitions import Destination
from ..execute import DestinationInstance
from ..plugins import Registry, default_registry
from ..recording import request_summary
from ..results import EventResult
from .events import TestEvent, create_test_event

__all__ = ["RecordedRequest", "TestDestination"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One HTTP request an action made, as it would have gone on the wire."""

    method: str
    url: str
    headers: dict[str, str]
    body: str
    json: Any
    """The decoded JSON body, or None when the body is not JSON."""

    @classmethod
    def from_httpx(cls, request: httpx.Request) -> RecordedRequest:
        summary = request_summary(request)
        return cls(
            method=summary["method"],
            url=summary["url"],
            headers=summary["headers"],
            body=request.content.decode("utf-8", errors="replace"),
            json=summary["json"],
        )


class TestDestination:
    """A destination under test. No request leaves the process.

    Every request is answered by :attr:`http`, a ``respx.Router``: unmatched requests get
    ``200`` with an empty body; add routes to answer otherwise
    (``dest.http.post(url).respond(429)``). ``test_action`` returns the requests the action made and
    raises the event's error if it failed; :attr:`results` keeps the typed results of the last call.
    """

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, destination: Destination | str, *, registry: Registry | None = None) -> None:
        if isinstance(destination, str):
            destination = (registry or default_registry()).get(destination)
        self.destination = destination
        self.http = respx.Router(assert_all_called=False, assert_all_mocked=False)
        self.results: list[EventResult] = []

    def test_action(
        self,
        action: str,
        *,
        event: Mapping[str, Any] | None = None,
        settings: Mapping[str, Any] | None = None,
        mapping: Mapping[str, Any] | None = None,
        use_default_mappings: bool = True,
        use_test_event: bool = True,
    ) -> list[RecordedRequest]:
        """Run one event through ``action``; return the requests it made.

        ``event`` keys replace those of :func:`create_test_event`'s event, or with
        ``use_test_event=False`` the event is used exactly as given. With
        ``use_default_mappings`` the mapping is the action's defaults with ``mapping``'s keys
        replacing theirs; without, ``mapping`` alone (Segment's harness does the same).
        """
        chosen = self._mapping(action, mapping, use_default_mappings)
        full_event = _event(event, use_test_event)

        async def run(instance: DestinationInstance) -> list[EventResult]:
            return [await instance.execute(action, full_event, chosen)]

        requests = self._run(settings, run)
        error = self.results[0].error
        if error is not None:
            raise error
        return requests

    def test_batch_action(
        self,
        action: str,
        *,
        events: Sequence[Mapping[str, Any]] | None = None,
        settings: Mapping[str, Any] | None = None,
        mapping: Mapping[str, Any] | None = None,
        use_default_mappings: bool = True,
        use_test_event: bool = True,
    ) -> list[RecordedRequest]:
        """Run events through ``action`` as one batch; return the requests it made.

        Failures are not raised: :attr:`results` holds one result per event, in order.
        """
        chosen = self._mapping(action, mapping, use_default_mappings)
        full_events = [_event(event, use_test_event) for event in (events or [{}])]

        async def run(instance: DestinationInstance) -> list[EventResult]:
            return await instance.execute_batch(action, full_events, chosen)

        return self._run(settings, run)

    def test_authentication(self, settings: Mapping[str, Any]) -> None:
        """Run the destination's authentication test; InvalidAuthenticationError if it fails."""

        async def run(instance: DestinationInstance) -> list[EventResult]:
            await instance.test_authentication()
            return []

        self._run(settings, run)

    def send(
        self,
        event: Mapping[str, Any],
        *,
        settings: Mapping[str, Any] | None = None,
        use_test_event: bool = True,
    ) -> list[RecordedRequest]:
        """Route one event through the destination's presets, as a host would."""
        full_event = _event(event, use_test_event)

        async def run(instance: DestinationInstance) -> list[EventResult]:
            return await instance.send(full_event)

        return self._run(settings, run)

    def _mapping(
        self, action: str, mapping: Mapping[str, Any] | None, use_default_mappings: bool
    ) -> dict[str, Any]:
        if use_default_mappings:
            return self.destination.action(action).mapping_with(mapping)
        return dict(mapping or {})

    def _run(
        self,
        settings: Mapping[str, Any] | None,
        run: Any,
    ) -> list[RecordedRequest]:
        calls_before = len(self.http.calls)

        async def main() -> list[EventResult]:
            transport = httpx.MockTransport(self.http.async_handler)
            async with httpx.AsyncClient(transport=transport) as http:
                instance = DestinationInstance(self.destination, settings or {}, http=http)
                results: list[EventResult] = await run(instance)
                return results

        self.results = _run_sync(main())
        return [RecordedRequest.from_httpx(call.request) for call in self.http.calls[calls_before:]]


def _event(event: Mapping[str, Any] | None, use_test_event: bool) -> dict[str, Any]:
    if isinstance(event, TestEvent) or not use_test_event:
        return dict(event or {})
    return create_test_event(dict(event or {}))


def _run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run the async core for a synchronous caller (a test, the CLI)."""
    return asyncio.run(coroutine)
