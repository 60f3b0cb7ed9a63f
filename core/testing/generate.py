"""Deterministic test events and settings generated from a destination's own definition.

``actions test`` needs events that exercise every field an action maps by default, without anyone
writing them. For each field whose default reads the event (``@path``, or ``@if``/``@arrayPath`` and
objects built from paths), a value of the field's type is put at that path of Segment's test event.

Values come from :class:`random.Random` seeded with text naming the destination, action, event and
field, so they are the same on every run and machine, and adding a field changes no other field's
value. Dates are UTC; nothing reads the clock.
"""

from __future__ import annotations

import random
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs

from ..definitions import Action, Destination
from ..errors import ActionsError
from ..fields import Field
from ..jsvalues import MISSING
from ..mapping.paths import parse_path
from ..subscriptions import compile_fql
from .events import create_test_event

__all__ = [
    "GeneratedEvents",
    "generate_events",
    "generate_settings",
    "generate_value",
]

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_YEAR_SECONDS = 366 * 24 * 3600
_FALLBACK_ITEM = Field(label="item", type="string")
_TYPE_PATTERN = re.compile(r"\btype\s*=\s*\"([^\"]+)\"")
_EVENT_PATTERN = re.compile(r"\bevent\s*=\s*\"([^\"]+)\"")
_EVENT_TYPES = ("track", "identify", "page", "screen", "group", "alias")


@attrs.frozen
class GeneratedEvents:
    """The events generated for one action, and whether they match its default subscription."""

    events: tuple[dict[str, Any], ...]
    matches_subscription: bool
    """False when no generated event satisfies the default subscription (it is still run)."""


def generate_events(destination: Destination, action: Action, count: int = 2) -> GeneratedEvents:
    """``count`` events for ``action``: Segment's test event of the type its default subscription
    implies, with a generated value at every path the action's default mapping reads."""
    events = []
    all_match = True
    for index in range(count):
        seed = f"{destination.key}/{action.key}/{index}"
        event, matched = _event_for(action, seed)
        events.append(event)
        all_match = all_match and matched
    return GeneratedEvents(tuple(events), all_match)


def generate_settings(destination: Destination) -> dict[str, Any]:
    """A value for every setting: its literal default when it has one, else a generated value.

    Password settings get a placeholder (``placeholder-`` and hex digits): not a real secret, still
    redacted from everything ``actions test`` prints or writes.
    """
    settings: dict[str, Any] = {}
    for key, field in destination.settings.items():
        if field.has_default and not _is_directive(field.default):
            settings[key] = field.default
        else:
            rng = random.Random(f"{destination.key}/settings/{key}")
            settings[key] = generate_value(field, key, rng)
    return settings


def generate_value(field: Field, key: str, rng: random.Random) -> Any:
    """A value ``field`` accepts: one of its choices, or a plausible value of its type and format."""
    if field.multiple:
        return [_single_value(field, key, rng) for _ in range(2)]
    return _single_value(field, key, rng)


def _single_value(field: Field, key: str, rng: random.Random) -> Any:
    if field.choices:
        return rng.choice(field.choices).value
    kind = field.type
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "integer":
        low, high = _bounds(field, 1, 1000)
        return rng.randint(int(low), int(high))
    if kind == "number":
        low, high = _bounds(field, 1, 1000)
        return round(rng.uniform(low, high), 2)
    if kind == "datetime":
        return _datetime(rng)
    if kind == "object":
        if field.properties:
            return {name: generate_value(sub, name, rng) for name, sub in field.properties.items()}
        return {f"{key}_attribute": f"value-{rng.getrandbits(24):06x}"}
    if kind == "password":
        return f"placeholder-{rng.getrandbits(32):08x}"
    return _fit_length(_string(field.format, key, rng), field)


def _bounds(field: Field, low: float, high: float) -> tuple[float, float]:
    if field.minimum is not None:
        low = field.minimum
        high = max(high, low)
    if field.maximum is not None:
        high = field.maximum
        low = min(low, high)
    return low, high


def _datetime(rng: random.Random) -> str:
    moment = _EPOCH + timedelta(seconds=rng.randrange(_YEAR_SECONDS))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _string(format_: str | None, key: str, rng: random.Random) -> str:
    tag = f"{rng.getrandbits(24):06x}"
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "value"
    if format_ == "email":
        return f"{slug}.{tag}@example.com"
    if format_ in ("uri", "uri-reference", "uri-template"):
        return f"https://example.com/{slug}/{tag}"
    if format_ == "hostname":
        return f"{slug}-{tag}.example.com"
    if format_ == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if format_ == "date":
        return _datetime(rng)[:10]
    if format_ == "time":
        return _datetime(rng)[11:19]
    if format_ == "date-time":
        return _datetime(rng)
    if format_ == "ipv4":
        return f"192.0.2.{rng.randrange(1, 255)}"
    if format_ == "ipv6":
        return f"2001:db8::{rng.getrandbits(16):x}"
    if format_ == "regex":
        return "^[a-z]+$"
    return f"{slug}-{tag}"


def _fit_length(text: str, field: Field) -> str:
    if field.minimum and len(text) < field.minimum:
        text = text.ljust(int(field.minimum), "x")
    if field.maximum and len(text) > field.maximum:
        text = text[: int(field.maximum)]
    return text


# Building the event


def _event_for(action: Action, seed: str) -> tuple[dict[str, Any], bool]:
    """The first candidate event (by type and event name) that matches the default subscription."""
    subscription = None
    if action.default_subscription:
        try:
            subscription = compile_fql(action.default_subscription)
        except ActionsError:  # an invalid subscription is the linter's finding, not ours
            subscription = None
    text = action.default_subscription or ""
    types = _quoted_values(_TYPE_PATTERN, text) or ["track"]
    names: list[str | None] = [*_quoted_values(_EVENT_PATTERN, text)] or [None]
    kinds = dict.fromkeys([*types, *_EVENT_TYPES])
    candidates = [(kind, name) for kind in kinds for name in names]
    first: dict[str, Any] | None = None
    for kind, name in candidates:
        event = _fill_event(action, seed, kind, name)
        if subscription is None or subscription.matches(event):
            return event, True
        if first is None:
            first = event
    assert first is not None
    return first, False


def _quoted_values(pattern: re.Pattern[str], text: str) -> list[str]:
    """The values an FQL text compares ``type`` (or ``event``) with, in order, without repeats."""
    return list(dict.fromkeys(pattern.findall(text)))


def _fill_event(action: Action, seed: str, kind: str, name: str | None) -> dict[str, Any]:
    event = create_test_event(type=kind)
    for key, field in action.fields.items():
        if field.has_default:
            rng = random.Random(f"{seed}/{key}")
            _fill(event, field.default, field, key, rng)
    # The fields above may read `type` or `event`; the subscription's choice of them wins.
    event["type"] = kind
    if name is not None:
        event["event"] = name
    return event


def _fill(target: dict[str, Any], default: Any, field: Field, key: str, rng: random.Random) -> None:
    """Put a value for ``field`` wherever ``default`` (a mapping value) reads ``target``."""
    if not isinstance(default, dict):
        return
    if _is_path(default):
        keys = parse_path(default["@path"])
        if keys is not None:
            _place(target, keys, generate_value(field, key, rng))
        return
    if "@if" in default and isinstance(default["@if"], dict):
        _fill_if(target, default["@if"], field, key, rng)
        return
    if "@arrayPath" in default:
        _fill_array(target, default["@arrayPath"], field, key, rng)
        return
    if _is_directive(default):
        return
    properties = field.properties or {}
    for name, value in default.items():
        sub = properties.get(name) or _FALLBACK_ITEM
        _fill(target, value, sub, name, rng)


def _fill_if(
    target: dict[str, Any], branches: dict[str, Any], field: Field, key: str, rng: random.Random
) -> None:
    """Fill the ``then`` path and make its condition hold; else fill the ``else`` path."""
    if _is_path(branches.get("then")):
        _fill(target, branches["then"], field, key, rng)
        condition = branches.get("exists", branches.get("blank"))
        if _is_path(condition) and condition != branches["then"]:
            _fill(target, condition, field, key, rng)
    elif _is_path(branches.get("else")):
        _fill(target, branches["else"], field, key, rng)


def _fill_array(
    target: dict[str, Any], argument: Any, field: Field, key: str, rng: random.Random
) -> None:
    if not isinstance(argument, list) or not argument or not isinstance(argument[0], str):
        return
    keys = parse_path(argument[0])
    if keys is None:
        return
    shape = argument[1] if len(argument) > 1 else None
    item_field = attrs.evolve(field, multiple=False)
    items: list[Any] = []
    for _ in range(2):
        if isinstance(shape, dict) and shape and not _is_directive(shape):
            item: dict[str, Any] = {}
            _fill(item, shape, item_field, key, rng)
            items.append(item)
        else:
            items.append(_single_value(item_field, key, rng))
    _place(target, keys, items)


def _place(target: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    """Set ``target[keys]``, creating objects on the way; merge into an object already there.

    A path through something that is not an object (another field put text there) is left alone.
    """
    node: Any = target
    for key in keys[:-1]:
        child = node.get(key, MISSING)
        if child is MISSING or child is None:
            child = node[key] = {}
        if not isinstance(child, dict):
            return
        node = child
    last = keys[-1]
    existing = node.get(last)
    if isinstance(existing, dict) and isinstance(value, dict):
        existing.update(value)
    else:
        node[last] = value


def _is_path(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@path"), str)


def _is_directive(value: Any) -> bool:
    return isinstance(value, dict) and any(
        isinstance(key, str) and key.startswith("@") for key in value
    )
