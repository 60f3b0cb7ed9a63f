"""Deliver events through a destination: subscription match → mapping → validation → perform.

:class:`DestinationInstance` is a destination configured with settings (validated once) and
subscriptions (compiled once). It turns every failure into a typed :class:`~actions_core.EventResult`,
so a host always learns what happened to each event, also inside batches.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

import attrs
import cattrs
import httpx

from .definitions import (
    Action,
    ActionData,
    ActionSubscription,
    BatchData,
    Destination,
    RequestData,
    compiled_mapping,
)
from .errors import (
    ActionsError,
    HTTPError,
    InvalidAuthenticationError,
    PayloadValidationError,
    PerformError,
    ValidationIssue,
)
from .jsvalues import MISSING
from .mapping import CompiledMapping
from .request import HTTPSender, RequestClient, Response
from .results import BatchItemFailure, BatchItemSuccess, EventResult
from .settings import Settings, validate_settings
from .subscriptions import Subscription, compile_fql

__all__ = ["DestinationInstance"]

logger = logging.getLogger("actions.execute")

_payload_converter = cattrs.Converter(forbid_extra_keys=False)


@attrs.frozen
class _Route:
    """One subscription, compiled: which events, which action, which mapping."""

    subscription: Subscription
    action: Action
    mapping: CompiledMapping


@attrs.frozen
class _Prepared:
    """An event whose payload passed validation, waiting for ``perform``."""

    index: int
    event: Mapping[str, Any]
    sent: dict[str, Any]
    payload: Any


class DestinationInstance:
    """A destination with its settings, ready to deliver events. Use it as an async context manager.

    ``subscriptions`` default to the destination's presets. ``http`` is the shared, pooled client to
    send with; when omitted the instance creates one and closes it on exit. Settings are validated and
    subscriptions compiled here, so a bad setting or FQL fails at once, not on the first event.
    """

    def __init__(
        self,
        destination: Destination,
        settings: Mapping[str, Any],
        *,
        subscriptions: Iterable[ActionSubscription] | None = None,
        http: httpx.AsyncClient | HTTPSender | None = None,
    ) -> None:
        self.destination = destination
        self.settings: Settings = validate_settings(destination, settings)
        self._owns_http = http is None
        self._http: httpx.AsyncClient | HTTPSender = (
            http if http is not None else httpx.AsyncClient()
        )
        self._client = RequestClient(self._http, secrets=self.settings.secrets)
        chosen = destination.preset_subscriptions if subscriptions is None else tuple(subscriptions)
        self._routes = tuple(self._route(subscription) for subscription in chosen)

    def _route(self, subscription: ActionSubscription) -> _Route:
        action = self.destination.action(subscription.action)
        return _Route(
            compile_fql(subscription.subscribe),
            action,
            compiled_mapping(action, subscription.mapping),
        )

    async def __aenter__(self) -> DestinationInstance:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._owns_http and isinstance(self._http, httpx.AsyncClient):
            await self._http.aclose()

    # Routing through subscriptions

    async def send(self, event: Mapping[str, Any]) -> list[EventResult]:
        """Deliver one event to every action whose subscription it matches (none: an empty list)."""
        results = []
        for route in self._routes:
            if route.subscription.matches(event):
                results.append(await self._execute(route.action, event, route.mapping))
        return results

    async def send_batch(self, events: Sequence[Mapping[str, Any]]) -> list[list[EventResult]]:
        """Deliver many events; each subscription's matching events go to its action as one batch.

        Returns, for each event in order, the results of the actions it reached.
        """
        per_event: list[list[EventResult]] = [[] for _ in events]
        for route in self._routes:
            matched = [i for i, event in enumerate(events) if route.subscription.matches(event)]
            if not matched:
                continue
            batch = [events[i] for i in matched]
            for index, result in zip(
                matched, await self._execute_batch(route.action, batch, route.mapping), strict=True
            ):
                per_event[index].append(result)
        return per_event

    # One action

    async def execute(
        self, action_key: str, event: Mapping[str, Any], mapping: Mapping[str, Any] | None = None
    ) -> EventResult:
        """Run one event through one action, with ``mapping`` (None: the action's defaults)."""
        action = self.destination.action(action_key)
        return await self._execute(action, event, compiled_mapping(action, mapping))

    async def execute_batch(
        self,
        action_key: str,
        events: Sequence[Mapping[str, Any]],
        mapping: Mapping[str, Any] | None = None,
    ) -> list[EventResult]:
        """Run events through one action as a batch: one result per event, in order.

        An action without ``perform_batch`` performs each event on its own.
        """
        action = self.destination.action(action_key)
        return await self._execute_batch(action, events, compiled_mapping(action, mapping))

    async def test_authentication(self) -> None:
        """Check the credentials with the destination's own test; InvalidAuthenticationError if bad."""
        test = self.destination.test_authentication
        if test is None:
            return
        try:
            await test(self._client_for(None), self.settings)
        except HTTPError as error:
            raise InvalidAuthenticationError(
                f"Credentials are invalid: {error.status} {error.response.reason}"
            ) from None
        except ActionsError as error:
            raise InvalidAuthenticationError(f"Credentials are invalid: {error}") from None

    # The pipeline

    async def _execute(
        self, action: Action, event: Mapping[str, Any], mapping: CompiledMapping
    ) -> EventResult:
        try:
            prepared = self._prepare(action, 0, event, mapping)
        except ActionsError as error:
            return _failure(action, error)
        return await self._perform(action, prepared, mapping)

    def _prepare(
        self, action: Action, index: int, event: Mapping[str, Any], mapping: CompiledMapping
    ) -> _Prepared:
        """Map and validate one event; raise the ActionsError that stops it."""
        mapped = mapping.transform(event)
        if not isinstance(mapped, dict):
            raise PayloadValidationError(
                [ValidationIssue(pointer="", message="The mapping must produce an object.")]
            )
        sent = action.validator.validate(mapped) if action.fields else mapped
        payload = sent
        if action.payload_class is not None:
            try:
                payload = _payload_converter.structure(sent, action.payload_class)
            except (cattrs.BaseValidationError, TypeError, ValueError) as error:
                message = f"The payload does not fit {action.payload_class.__name__}: {error}"
                raise PayloadValidationError(
                    [ValidationIssue(pointer="", message=message)]
                ) from None
        return _Prepared(index, event, sent, payload)

    def _client_for(self, payload: Any) -> RequestClient:
        extend = self.destination.extend_request
        if extend is None:
            return self._client
        return self._client.extend(extend(RequestData(settings=self.settings, payload=payload)))

    async def _perform(
        self, action: Action, prepared: _Prepared, mapping: CompiledMapping
    ) -> EventResult:
        data = ActionData(
            payload=prepared.payload,
            settings=self.settings,
            event=prepared.event,
            mapping=mapping.source,
        )
        try:
            answer = await action.perform(self._client_for(prepared.payload), data)
        except ActionsError as error:
            return _failure(action, error, sent=prepared.sent)
        except Exception as error:
            return _failure(action, self._plugin_bug(action, error), sent=prepared.sent)
        return _success(action, answer, prepared.sent)

    async def _execute_batch(
        self, action: Action, events: Sequence[Mapping[str, Any]], mapping: CompiledMapping
    ) -> list[EventResult]:
        results: list[EventResult | None] = [None] * len(events)
        prepared: list[_Prepared] = []
        for index, event in enumerate(events):
            try:
                prepared.append(self._prepare(action, index, event, mapping))
            except ActionsError as error:
                results[index] = _failure(action, error)
        if action.perform_batch is None:
            for item in prepared:
                results[item.index] = await self._perform(action, item, mapping)
        elif prepared:
            for item, result in zip(
                prepared, await self._perform_batch(action, prepared, mapping), strict=True
            ):
                results[item.index] = result
        return [result for result in results if result is not None]

    async def _perform_batch(
        self, action: Action, prepared: list[_Prepared], mapping: CompiledMapping
    ) -> list[EventResult]:
        assert action.perform_batch is not None
        payloads = [item.payload for item in prepared]
        data = BatchData(
            payloads=payloads,
            settings=self.settings,
            events=[item.event for item in prepared],
            mapping=mapping.source,
        )
        try:
            answer = await action.perform_batch(self._client_for(payloads), data)
        except ActionsError as error:
            return [_failure(action, error, sent=item.sent) for item in prepared]
        except Exception as error:
            bug = self._plugin_bug(action, error)
            return [_failure(action, bug, sent=item.sent) for item in prepared]
        if not isinstance(answer, list):
            return [_success(action, answer, item.sent) for item in prepared]
        return [
            _batch_item_result(action, answer[i] if i < len(answer) else None, item.sent)
            for i, item in enumerate(prepared)
        ]

    def _plugin_bug(self, action: Action, error: Exception) -> PerformError:
        """An exception a plugin did not mean to raise: logged with its traceback, reported typed."""
        message = self.settings.secrets.redact(f"{type(error).__name__}: {error}")
        logger.error(
            "action %s of %s failed unexpectedly: %s", action.key, self.destination.key, message
        )
        return PerformError(f"{action.key} failed: {message}")


def _status_of(error: ActionsError) -> int:
    status = getattr(error, "status", None)
    return status if isinstance(status, int) else 400


def _failure(action: Action, error: ActionsError, *, sent: Any = MISSING) -> EventResult:
    from_destination = isinstance(error, HTTPError)
    return EventResult(
        action=action.key,
        status=_status_of(error),
        body=error.response.data if isinstance(error, HTTPError) else None,
        sent=sent,
        error=error,
        reporter="DESTINATION" if from_destination else "INTEGRATIONS",
    )


def _success(action: Action, answer: Any, sent: Any) -> EventResult:
    if isinstance(answer, Response):
        return EventResult(
            action=action.key,
            status=answer.status,
            body=answer.data,
            sent=sent,
            reporter="DESTINATION",
        )
    body = answer if isinstance(answer, dict | list | str | int | float | bool) else None
    return EventResult(action=action.key, status=200, body=body, sent=sent)


def _batch_item_result(
    action: Action, item: BatchItemSuccess | BatchItemFailure | None, sent: Any
) -> EventResult:
    if isinstance(item, BatchItemSuccess):
        return EventResult(
            action=action.key, status=item.status, body=item.body, sent=sent, reporter="DESTINATION"
        )
    if isinstance(item, BatchItemFailure):
        return EventResult(
            action=action.key,
            status=_status_of(item.error),
            body=item.body,
            sent=sent,
            error=item.error,
            reporter=item.reporter,
        )
    missing = PerformError("perform_batch returned no result for this event")
    return EventResult(action=action.key, status=500, sent=sent, error=missing)
