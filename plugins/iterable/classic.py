"""What Iterable's classic Segment integration did that the Actions version lacks (seed 003, §12).

Page and screen calls become custom events, steered by the classic integration's four page options,
declared as destination settings that are off until the user turns them on:

* **Track All Pages**, **Track Categorized Pages**, **Track Named Pages** choose the calls that
  become events: every call, calls with a category, calls with a name. Each option that chooses a
  call sends one event, so a call with a category and a name sends three when all three are on.
* Events are named ``Viewed <Category> <Name> Page`` (the parts the call has), ``Loaded a Page`` /
  ``Loaded a Screen`` for a call with neither.
* **Map All Pages to Single Event Name** names every event ``Loaded a Page`` (``Loaded a Screen``
  for screen calls) and sends one event per chosen call.

Iterable updates an event that has the ID of one it already stored, so the events a call sends get
distinct IDs: the message ID, then ``-categorized`` / ``-named`` appended for those options.

Ecommerce: ``Product Added`` / ``Product Removed`` carrying the whole cart in ``products`` update the
cart, and products may name their ID ``id`` as the classic integration expected (see presets).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from actions_core.definitions import Action, ActionData
from actions_core.fields import Choice, Field
from actions_core.request import RequestClient, Response

from .bodies import event_body, require_identity
from .errors import check_answer
from .fields import CREATED_AT, EMAIL_FROM_EVENT, EVENT_ID, USER_ID, email_field
from .settings import base_url
from .track_event import EVENT_DATA_FIELDS


def _page_setting(label: str, description: str) -> Field:
    return Field(label=label, type="boolean", default=False, description=description)


PAGE_SETTINGS: Final[Mapping[str, Field]] = {
    "trackAllPages": _page_setting(
        "Track All Pages",
        "Send an Iterable custom event for every page and screen call (classic integration). "
        "Page and screen calls reach the page options through the Page and Screen Calls preset.",
    ),
    "trackCategorizedPages": _page_setting(
        "Track Categorized Pages",
        "Send an Iterable custom event for every page and screen call that has a category "
        "(classic integration). With other page options on, a call can send one event per option.",
    ),
    "trackNamedPages": _page_setting(
        "Track Named Pages",
        "Send an Iterable custom event for every page and screen call that has a name (classic "
        "integration). With other page options on, a call can send one event per option.",
    ),
    "mapAllPagesToSingleEventName": _page_setting(
        "Map All Pages to Single Event Name",
        "Name every page event 'Loaded a Page' and every screen event 'Loaded a Screen', one event "
        "per call, instead of 'Viewed <Category> <Name> Page'. Iterable recommends it: each event "
        "name counts its fields again against the project's limit of 8,000 field names. Works "
        "together with a Track … Pages option, which still chooses the calls.",
    ),
}


@attrs.frozen
class _PageOption:
    setting: str
    id_suffix: str
    needs: str | None
    """The payload key a call must have for the option to choose it (None: every call)."""


_PAGE_OPTIONS: Final = (
    _PageOption("trackAllPages", "", None),
    _PageOption("trackCategorizedPages", "-categorized", "pageCategory"),
    _PageOption("trackNamedPages", "-named", "pageName"),
)
NOT_CHOSEN: Final = (
    "No page option chooses this call: Track All Pages, Track Categorized Pages and Track Named "
    "Pages are off, or the call lacks the category or name they need."
)


def _first_present(path: str, fallback: str) -> dict[str, Any]:
    return {
        "@if": {"exists": {"@path": path}, "then": {"@path": path}, "else": {"@path": fallback}}
    }


PAGE_FIELDS: Final[dict[str, Field]] = {
    "email": email_field(EMAIL_FROM_EVENT),
    "userId": USER_ID,
    "pageName": Field(
        label="Page Name",
        type="string",
        description="The page or screen name: the call's `name`, else `properties.name`.",
        default=_first_present("$.name", "$.properties.name"),
    ),
    "pageCategory": Field(
        label="Page Category",
        type="string",
        description="The page or screen category: the call's `category`, else `properties.category`.",
        default=_first_present("$.category", "$.properties.category"),
    ),
    "callType": Field(
        label="Call Type",
        type="string",
        required=True,
        choices=[Choice(value="page", label="Page"), Choice(value="screen", label="Screen")],
        description="Whether the call is a page view or a mobile screen view.",
        default={"@path": "$.type"},
    ),
    "dataFields": EVENT_DATA_FIELDS,
    "id": EVENT_ID,
    "createdAt": CREATED_AT,
}
_NAMING_KEYS: Final = frozenset({"pageName", "pageCategory", "callType"})


def page_events(payload: Mapping[str, Any], settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(ID suffix, event name) of each event a page or screen call sends, per the page options."""
    chosen = [
        option.id_suffix
        for option in _PAGE_OPTIONS
        if settings.get(option.setting) is True
        and (option.needs is None or payload.get(option.needs))
    ]
    if not chosen:
        return []
    loaded = "Loaded a Screen" if payload.get("callType") == "screen" else "Loaded a Page"
    if settings.get("mapAllPagesToSingleEventName") is True:
        return [("", loaded)]
    title = " ".join(
        part for part in (payload.get("pageCategory"), payload.get("pageName")) if part
    )
    return [(suffix, f"Viewed {title} Page" if title else loaded) for suffix in chosen]


async def track_page(request: RequestClient, data: ActionData) -> Response | dict[str, Any]:
    events = page_events(data.payload, data.settings)
    if not events:
        return {"sent": 0, "reason": NOT_CHOSEN}
    require_identity(data.payload.get("email"), data.payload.get("userId"))
    common = event_body(data.payload, leave_out=_NAMING_KEYS)
    url = f"{base_url(data.settings)}/api/events/track"
    answers = [
        check_answer(await request(url, method="POST", json=_page_event(common, name, id_suffix)))
        for id_suffix, name in events
    ]
    return answers[-1]


def _page_event(common: Mapping[str, Any], name: str, id_suffix: str) -> dict[str, Any]:
    """One page event, its keys in the order of a custom event's."""
    body = {key: common[key] for key in ("email", "userId") if key in common}
    body["eventName"] = name
    body.update((key, value) for key, value in common.items() if key not in body)
    if "id" in body:
        body["id"] = f"{body['id']}{id_suffix}"
    return body


TRACK_PAGE = Action(
    key="trackPageView",
    title="Page and Screen Views (classic)",
    description=(
        "Send page and screen calls to Iterable as custom events, named and chosen by the "
        "destination's page options, as Iterable's classic Segment integration did. Sends nothing "
        "until one of Track All Pages, Track Categorized Pages or Track Named Pages is on."
    ),
    default_subscription='type = "page" or type = "screen"',
    fields=PAGE_FIELDS,
    perform=track_page,
)
