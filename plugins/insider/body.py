"""The user objects Insider's upsert API takes, built from validated payloads.

A user is ``{"identifiers", "attributes", ["events"], "not_append"}``. Segment decides where each
mapped value lands (a default attribute or event parameter, or ``custom``) by its normalised name;
we keep those rules so profiles and events look exactly as Segment leaves them, except where
``docs/compatibility.md`` says otherwise (each such place is marked with its quirk number).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from actions_core.errors import PayloadValidationError, ValidationIssue
from actions_core.jsvalues import JS_WHITESPACE, MISSING, to_number

from .names import normalise_name, underscore_tag
from .timestamps import iso_timestamp

__all__ = [
    "DEFAULT_ATTRIBUTES",
    "DEFAULT_EVENT_PARAMETERS",
    "Payload",
    "User",
    "identifier_problem",
    "profile_user",
    "require_identifier",
    "restore_numeric_variant",
    "track_user",
]

Payload = Mapping[str, Any]
User = dict[str, Any]

DEFAULT_ATTRIBUTES: Final = frozenset(
    {
        "email", "phone", "age", "birthday", "name", "gender", "surname", "city", "country",
        "app_version", "idfa", "model", "last_ip", "carrier", "os_version", "platform",
        "timezone", "locale",
    }
)  # fmt: skip
"""User properties Insider knows by name; any other lands in ``attributes.custom``."""

DEFAULT_EVENT_PARAMETERS: Final = frozenset(
    {
        "campaign_id", "campaign_name", "url", "product_id", "user_agent", "taxonomy", "name",
        "variant_id", "unit_sale_price", "unit_price", "quantity", "product_image_url",
        "event_group_id", "referrer", "currency",
    }
)  # fmt: skip
"""Event parameters Insider knows by name; any other lands in ``event_params.custom``."""

_PROFILE_ATTRIBUTES: Final = (
    ("age", "age"), ("birthday", "birthday"), ("email", "email"), ("name", "firstName"),
    ("gender", "gender"), ("surname", "lastName"), ("phone_number", "phone"), ("city", "city"),
    ("country", "country"), ("gdpr_optin", "gdprOptin"), ("email_optin", "emailOptin"),
    ("sms_optin", "smsOptin"), ("whatsapp_optin", "whatsappOptin"), ("language", "language"),
    ("custom", "custom"),
)  # fmt: skip
"""(Insider attribute, payload key) of the profile action, in the order Insider receives them."""

_NO_IDENTIFIER: Final = (
    "The event names no user: map UUID (uuid) or Anonymous Id (segment_anonymous_id); "
    "Insider needs at least one of them."
)


def _has_value(value: Any) -> bool:
    return value is not None and value is not MISSING and value != ""


# Identifiers


def identifier_problem(payload: Payload) -> PayloadValidationError | None:
    """The error for a payload with neither ``uuid`` nor ``segment_anonymous_id`` (compat Q1).

    Segment sends such users anyway, and Insider cannot tie them to a profile.
    """
    if _has_value(payload.get("uuid")) or _has_value(payload.get("segment_anonymous_id")):
        return None
    return PayloadValidationError([ValidationIssue(pointer="", message=_NO_IDENTIFIER)])


def require_identifier(payload: Payload) -> None:
    """Raise :func:`identifier_problem`'s error, if there is one."""
    problem = identifier_problem(payload)
    if problem is not None:
        raise problem


def _identifiers(payload: Payload, email: Any, phone: Any) -> dict[str, Any]:
    """``uuid``, ``custom`` (anonymous id, then the custom identifiers), ``email``, ``phone_number``.

    Custom identifiers are merged after the anonymous id, so they may replace it (as in Segment).
    Empty identifiers are left out.
    """
    identifiers: dict[str, Any] = {}
    if _has_value(payload.get("uuid")):
        identifiers["uuid"] = payload["uuid"]
    anonymous_id = payload.get("segment_anonymous_id")
    custom = {
        "segment_anonymous_id": anonymous_id if _has_value(anonymous_id) else MISSING,
        **(payload.get("custom_identifiers") or {}),
    }
    identifiers["custom"] = {key: value for key, value in custom.items() if value is not MISSING}
    if payload.get("email_as_identifier") and _has_value(email):
        identifiers["email"] = email
    if payload.get("phone_number_as_identifier") and _has_value(phone):
        identifiers["phone_number"] = phone
    return identifiers


# The profile action


def profile_user(payload: Payload) -> User:
    """The user ``updateUserProfile`` sends: identifiers, fixed attributes, ``not_append``."""
    attributes = {
        attribute: payload[key] for attribute, key in _PROFILE_ATTRIBUTES if key in payload
    }
    if "language" in attributes:
        attributes["language"] = underscore_tag(attributes["language"])  # every dash (compat Q5)
    return {
        "identifiers": _identifiers(payload, payload.get("email"), payload.get("phone")),
        "attributes": attributes,
        "not_append": not payload.get("append_arrays"),
    }


# The track-type actions


def track_user(payload: Payload, event_name: str, *, batch: bool = False) -> User:
    """The user a track-type action sends, with its events named ``event_name``.

    ``batch`` puts ``not_append`` before ``events``, the key order of Segment's batch requests.
    """
    attributes = _user_attributes(payload.get("attributes") or {})
    user: User = {
        "identifiers": _identifiers(payload, attributes.get("email"), attributes.get("phone")),
        "attributes": attributes,
    }
    events = _events(payload, event_name)
    not_append = not payload.get("append_arrays")
    if batch:
        user["not_append"] = not_append
        user["events"] = events
    else:
        user["events"] = events
        user["not_append"] = not_append
    return user


def _user_attributes(mapped: Mapping[str, Any]) -> dict[str, Any]:
    """Mapped user properties under their normalised names; unknown names go to ``custom``.

    The value is the one mapped under the original key (compat Q2: Segment looks it up under the
    normalised name and so loses ``"Favorite Color"``).
    """
    attributes: dict[str, Any] = {"custom": {}}
    for key, value in mapped.items():
        name = normalise_name(key)
        target = attributes if name in DEFAULT_ATTRIBUTES else attributes["custom"]
        target[name] = underscore_tag(value) if name == "locale" else value
    return attributes


def _events(payload: Payload, event_name: str) -> list[dict[str, Any]]:
    """One event per product, or a single event when the payload has no ``products``.

    An empty ``products`` list gives no events, as in Segment.
    """
    timestamp = iso_timestamp(payload["timestamp"])  # compat Q9
    parameters: Mapping[str, Any] = payload.get("parameters") or {}
    products: list[Mapping[str, Any]] | None = payload.get("products")
    if products is None:
        return [_event(event_name, timestamp, parameters)]
    return [_event(event_name, timestamp, product, parameters) for product in products]


def _event(
    name: str, timestamp: str, source: Mapping[str, Any], *fallbacks: Mapping[str, Any]
) -> dict[str, Any]:
    """An event with the parameters of ``source``, completed from ``fallbacks``.

    A product is the source and the event parameters its fallback, so a product's own values are
    kept (compat Q8: Segment lets the event parameters overwrite them).
    """
    parameters: dict[str, Any] = {"custom": {}}
    for key, value in source.items():
        _add_parameter(parameters, normalise_name(key), value)
    for fallback in fallbacks:
        for key, value in fallback.items():
            _add_parameter(parameters, normalise_name(key), value, keep_existing=True)
    return {"event_name": name, "timestamp": timestamp, "event_params": parameters}


def _add_parameter(
    parameters: dict[str, Any], name: str, value: Any, *, keep_existing: bool = False
) -> None:
    target = parameters if name in DEFAULT_EVENT_PARAMETERS else parameters["custom"]
    if keep_existing and target.get(name) is not None:
        return
    target[name] = [value] if name == "taxonomy" else value  # Insider reads a category list


def restore_numeric_variant(payload: Payload) -> Payload:
    """``parameters.variant_id`` as a number when its text is one (compat Q10).

    The field accepts text so that variants such as ``"red"`` pass; numbers (and numeric text) are
    sent as numbers, exactly as Segment's number-typed field sends them.
    """
    parameters = payload.get("parameters")
    variant = parameters.get("variant_id") if parameters else None
    number = _numeric(variant) if isinstance(variant, str) else None
    if parameters is None or number is None:
        return payload
    return {**payload, "parameters": {**parameters, "variant_id": number}}


def _numeric(text: str) -> int | float | None:
    """The number ``text`` spells as JavaScript reads it (``"42"``, ``" 4.5 "``), else None."""
    if not text.strip(JS_WHITESPACE):
        return None
    number = to_number(text)
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number
