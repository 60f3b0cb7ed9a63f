"""What a destination plugin declares: its settings, actions and presets.

Definitions are data plus a few async functions. Everything derived from them (validators, default
mappings, compiled subscriptions) is computed once, on first use, and cached on the definition.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .errors import DefinitionError
from .fields import Field, default_values
from .mapping import CompiledMapping, compile_mapping

if TYPE_CHECKING:
    from .request import RequestClient, RequestOptions
    from .validation import PayloadValidator

__all__ = [
    "Action",
    "ActionData",
    "ActionSubscription",
    "BatchData",
    "Destination",
    "ExtendRequest",
    "Perform",
    "PerformBatch",
    "Preset",
    "RequestData",
    "TestAuthentication",
]


@attrs.frozen(kw_only=True)
class ActionData:
    """What ``perform`` receives for one event."""

    payload: Any
    """The validated payload: a dict, or an instance of the action's ``payload_class``."""
    settings: Mapping[str, Any]
    event: Mapping[str, Any]
    mapping: Mapping[str, Any]


@attrs.frozen(kw_only=True)
class BatchData:
    """What ``perform_batch`` receives: only the events whose payload was valid, in input order."""

    payloads: list[Any]
    settings: Mapping[str, Any]
    events: list[Mapping[str, Any]]
    mapping: Mapping[str, Any]


@attrs.frozen(kw_only=True)
class RequestData:
    """What ``extend_request`` receives to build the options every request of an event carries."""

    settings: Mapping[str, Any]
    payload: Any = None


Perform = Callable[["RequestClient", ActionData], Awaitable[Any]]
PerformBatch = Callable[["RequestClient", BatchData], Awaitable[Any]]
TestAuthentication = Callable[["RequestClient", Mapping[str, Any]], Awaitable[Any]]
ExtendRequest = Callable[[RequestData], "RequestOptions | Mapping[str, Any]"]


def _fields(fields: Mapping[str, Field] | None) -> dict[str, Field]:
    return dict(fields or {})


@attrs.frozen(kw_only=True, slots=False, eq=False)
class Action:
    """One thing a destination can do with an event, e.g. "Track Event".

    ``key`` and the field keys are what users' mappings and presets refer to; keep them identical to
    Segment's when porting a destination.
    """

    key: str
    title: str
    perform: Perform
    description: str = ""
    default_subscription: str | None = None
    fields: Mapping[str, Field] = attrs.field(factory=dict, converter=_fields)
    perform_batch: PerformBatch | None = None
    payload_class: type | None = None
    """An attrs class the validated payload is structured into (with cattrs) before ``perform``."""
    hidden: bool = False
    platform: Literal["cloud", "web"] = "cloud"

    @property
    def supports_batch(self) -> bool:
        return self.perform_batch is not None

    @functools.cached_property
    def default_mapping(self) -> dict[str, Any]:
        """Every field's default, as written: the mapping presets and the harness start from."""
        return default_values(self.fields)

    @functools.cached_property
    def validator(self) -> PayloadValidator:
        from .validation import compile_validator

        return compile_validator(self.fields)

    def mapping_with(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The default mapping with ``overrides``' keys replacing the defaults' keys."""
        return {**self.default_mapping, **(overrides or {})}


@attrs.frozen(kw_only=True)
class ActionSubscription:
    """An action bound to the events it receives: Segment's subscription object.

    ``mapping`` is the whole mapping the action runs with; ``None`` means the action's defaults.
    """

    action: str
    subscribe: str
    mapping: Mapping[str, Any] | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class Preset:
    """A subscription a destination suggests out of the box (Segment's preset)."""

    name: str
    action: str
    """The action key (Segment's ``partnerAction``)."""
    subscribe: str | None = None
    mapping: Mapping[str, Any] | None = None
    """``None`` means exactly the action's default mapping."""
    type: Literal["automatic", "specificEvent"] = "automatic"
    event_slug: str | None = None
    """For ``specificEvent`` presets: the Segment-internal event they bind to (no FQL)."""

    def to_subscription(self) -> ActionSubscription | None:
        """The subscription this preset stands for; None for event-slug presets, which have no FQL."""
        if self.subscribe is None:
            return None
        return ActionSubscription(
            action=self.action, subscribe=self.subscribe, mapping=self.mapping, name=self.name
        )


def _presets(presets: Iterable[Preset]) -> tuple[Preset, ...]:
    return tuple(presets)


def _actions(actions: Mapping[str, Action] | Iterable[Action]) -> dict[str, Action]:
    if isinstance(actions, Mapping):
        items = list(actions.items())
    else:
        items = [(action.key, action) for action in actions]
    result: dict[str, Action] = {}
    for key, action in items:
        if key != action.key:
            raise DefinitionError(f'action registered as "{key}" has key "{action.key}"')
        if key in result:
            raise DefinitionError(f'two actions have the key "{key}"')
        result[key] = action
    return result


@attrs.frozen(kw_only=True, slots=False, eq=False)
class Destination:
    """A destination: its settings, the actions it offers, and the presets it suggests.

    ``key`` is the short name people type (``insider``); ``slug`` is Segment's identifier
    (``actions-insider-cloud``). Both find the destination.
    """

    key: str
    name: str
    slug: str
    actions: Mapping[str, Action] = attrs.field(converter=_actions)
    description: str = ""
    mode: Literal["cloud"] = "cloud"
    settings: Mapping[str, Field] = attrs.field(factory=dict, converter=_fields)
    presets: tuple[Preset, ...] = attrs.field(default=(), converter=_presets)
    extend_request: ExtendRequest | None = None
    test_authentication: TestAuthentication | None = None
    authentication_scheme: Literal["custom", "basic", "oauth2", "oauth-managed"] = "custom"
    compatibility: str = ""
    """Markdown: how this destination deliberately differs from Segment's, and why. It appears on
    the destination's reference page, for users moving from Segment."""

    def action(self, key: str) -> Action:
        """The action with this key; an UnknownActionError naming the keys that exist otherwise."""
        try:
            return self.actions[key]
        except KeyError:
            from .errors import UnknownActionError

            raise UnknownActionError(self.key, key, sorted(self.actions)) from None

    @functools.cached_property
    def secret_settings(self) -> frozenset[str]:
        """The keys of password settings: redacted everywhere."""
        return frozenset(key for key, field in self.settings.items() if field.is_secret)

    @functools.cached_property
    def settings_validator(self) -> PayloadValidator:
        """Checks settings like payloads, but raises InvalidSettingsError."""
        from .validation import compile_settings_validator

        return compile_settings_validator(self.settings)

    @functools.cached_property
    def preset_subscriptions(self) -> tuple[ActionSubscription, ...]:
        """The subscriptions of the presets that have FQL, in declaration order."""
        subscriptions = (preset.to_subscription() for preset in self.presets)
        return tuple(subscription for subscription in subscriptions if subscription is not None)


@functools.lru_cache(maxsize=256)
def _compiled_default(action: Action) -> CompiledMapping:
    return compile_mapping(action.default_mapping)


def compiled_mapping(action: Action, mapping: Mapping[str, Any] | None) -> CompiledMapping:
    """The compiled mapping an action runs with: its defaults when ``mapping`` is None."""
    if mapping is None:
        return _compiled_default(action)
    from .mapping.compiler import compile_cached

    return compile_cached(mapping)
