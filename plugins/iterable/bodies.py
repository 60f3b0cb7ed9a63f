"""Request bodies for Iterable, built from validated payloads (reference §8).

Bodies follow Segment's shapes and key order, with three decisions of our own: batching hints are
never sent (compat Q2), empty values — ``""``, ``[]``, ``{}``, ``null`` — are removed at every depth,
as the classic integration promised (compat Q8), and an item's mapped ``dataFields`` are kept
(compat Q9). Payloads are never modified: each body is built new, in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from actions_core.errors import PayloadValidationError, ValidationIssue
from actions_core.jsvalues import MISSING, is_falsy

from .dates import convert_date_string, now_seconds, unix_seconds
from .fields import BATCHING_HINTS

IDENTITY_MESSAGE: Final = "Must include email or userId."

_NOT_IN_USER_BODY: Final = frozenset({"updateOnly", "phoneNumber", *BATCHING_HINTS})
_ITEM_KEYS_NOT_IN_DATA: Final = frozenset(
    {
        "product_id",
        "id",
        "sku",
        "name",
        "price",
        "quantity",
        "categories",
        "category",
        "url",
        "image_url",
        "imageUrl",
    }
)
"""Item keys Iterable has its own place for; every other key is also copied into the item's data."""


def compact(value: Any, *, dates: bool = False) -> Any:
    """``value`` without empty strings, arrays, objects and nulls at any depth (MISSING if nothing
    is left); with ``dates``, date-time strings in Iterable's format (§8.2)."""
    if isinstance(value, str):
        if value == "":
            return MISSING
        return convert_date_string(value) if dates else value
    if value is None:
        return MISSING
    if isinstance(value, Mapping):
        kept = {}
        for key, item in value.items():
            cleaned = compact(item, dates=dates)
            if cleaned is not MISSING:
                kept[key] = cleaned
        return kept or MISSING
    if isinstance(value, list):
        cleaned_items = [compact(item, dates=dates) for item in value]
        return [item for item in cleaned_items if item is not MISSING] or MISSING
    return value


def put(body: dict[str, Any], key: str, value: Any) -> None:
    """Set ``body[key]`` to the compacted value unless nothing is left of it."""
    keep(body, key, compact(value))


def keep(body: dict[str, Any], key: str, cleaned: Any) -> None:
    """Set ``body[key]`` to an already compacted value unless it is MISSING."""
    if cleaned is not MISSING:
        body[key] = cleaned


def require_identity(email: Any, user_id: Any, pointer: str = "") -> None:
    """Iterable needs an email or a userId to know whose data this is."""
    if is_falsy(email) and is_falsy(user_id):
        raise PayloadValidationError([ValidationIssue(pointer=pointer, message=IDENTITY_MESSAGE)])


def user_body(user: Mapping[str, Any]) -> dict[str, Any]:
    """A user for ``users/update``, ``users/bulkUpdate`` and the commerce calls (§8.3, §8.5).

    The phone number travels inside the data fields as ``phoneNumber``, as Segment sends it.
    """
    data = _data_fields(user.get("dataFields"), {"phoneNumber": user.get("phoneNumber", MISSING)})
    body: dict[str, Any] = {}
    for key, value in user.items():
        if key == "dataFields":
            keep(body, key, data)
        elif key not in _NOT_IN_USER_BODY:
            put(body, key, value)
    if "dataFields" not in user:
        keep(body, "dataFields", data)
    return body


def event_body(
    payload: Mapping[str, Any], *, leave_out: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A custom event for ``events/track`` and ``events/trackBulk`` (§8.4).

    ``createdAt`` becomes Unix seconds; an event without one is stamped with the current time.
    """
    body: dict[str, Any] = {}
    for key, value in payload.items():
        if key in BATCHING_HINTS or key in leave_out:
            continue
        if key == "dataFields":
            keep(body, key, compact(value, dates=True))
        elif key == "createdAt":
            body[key] = unix_seconds(value)
        else:
            put(body, key, value)
    if "createdAt" not in body:
        body["createdAt"] = now_seconds()
    return body


def cart_body(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The body of ``commerce/updateCart`` (§8.5). ``items`` is sent even when empty: an empty
    cart is how Iterable learns that the cart was emptied."""
    return {"user": user_body(payload["user"]), "items": _items(payload["items"])}


def purchase_body(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The body of ``commerce/trackPurchase`` (§8.6); ``products`` is not repeated in the data."""
    body: dict[str, Any] = {}
    for key, value in payload.items():
        if key == "user":
            body[key] = user_body(value)
        elif key == "items":
            body[key] = _items(value)
        elif key == "dataFields":
            data = {name: item for name, item in value.items() if name != "products"}
            keep(body, key, compact(data, dates=True))
        elif key == "createdAt":
            body[key] = unix_seconds(value)
        else:
            put(body, key, value)
    if "createdAt" not in body:
        body["createdAt"] = now_seconds()
    return body


def _items(items: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [_item(item) for item in items]


def _item(item: Mapping[str, Any]) -> dict[str, Any]:
    """One commerce item (§8.7): its own keys, a data copy of the keys Iterable has no place for,
    and its category as a one-element list."""
    body: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if key in ("dataFields", "categories"):
            continue
        put(body, key, value)
        if key not in _ITEM_KEYS_NOT_IN_DATA:
            extra[key] = value
    keep(body, "dataFields", _data_fields(extra, item.get("dataFields")))
    categories = item.get("categories")
    if not is_falsy(categories):
        body["categories"] = [categories]
    return body


def _data_fields(first: Any, then: Any) -> Any:
    """Data fields from two sources, the second's keys winning; dates converted, empties removed."""
    merged: dict[str, Any] = {}
    for source in (first, then):
        if isinstance(source, Mapping):
            merged.update(source)
    return compact(merged, dates=True)
