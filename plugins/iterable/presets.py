"""The subscriptions Iterable suggests out of the box: Segment's eleven, plus the classic ones.

Differences from Segment's presets, each deliberate:

* The commerce presets read a product's ID from ``product_id`` or, when it has none, from ``id``,
  the name the classic integration used (seed 003); Segment's fail those events. Products with a
  ``product_id`` map exactly as in Segment.
* The Journeys preset bound to ``updateUser`` listens to ``journey_step_all_events_track``
  (compat Q14: Segment binds both Journeys presets to ``journeys_step_entered_track``, so every
  step-entered event also upserts the user; Segment has no identify slug for Journeys).
* Two classic presets: page and screen calls to ``trackPageView``, and ``Product Added`` /
  ``Product Removed`` events that carry the whole cart in ``products`` to ``updateCart``.
"""

from __future__ import annotations

from typing import Any, Final

from actions_core.definitions import Preset

from .classic import TRACK_PAGE
from .commerce import CART_SUBSCRIPTION, PURCHASE_SUBSCRIPTION, TRACK_PURCHASE, UPDATE_CART
from .fields import item_shape
from .track_event import TRACK_SUBSCRIPTION

PRODUCT_ID_OR_ID: Final[dict[str, Any]] = {
    "@if": {
        "exists": {"@path": "product_id"},
        "then": {"@path": "product_id"},
        "else": {"@path": "id"},
    }
}
ITEMS_WITH_CLASSIC_IDS: Final[dict[str, Any]] = {
    "@arrayPath": ["$.properties.products", item_shape(PRODUCT_ID_OR_ID)]
}
PRODUCT_EVENTS_SUBSCRIPTION: Final = (
    'type = "track" and (event = "Product Added" or event = "Product Removed") '
    "and properties.products != null"
)
PAGE_SUBSCRIPTION: Final = 'type = "page" or type = "screen"'

_CART_MAPPING: Final = UPDATE_CART.mapping_with({"items": ITEMS_WITH_CLASSIC_IDS})
_PURCHASE_MAPPING: Final = TRACK_PURCHASE.mapping_with({"items": ITEMS_WITH_CLASSIC_IDS})


def _specific(name: str, action: str, event_slug: str) -> Preset:
    return Preset(name=name, action=action, type="specificEvent", event_slug=event_slug)


PRESETS: Final = (
    Preset(name="Track Calls", action="trackEvent", subscribe=TRACK_SUBSCRIPTION),
    Preset(name="Identify Calls", action="updateUser", subscribe='type = "identify"'),
    Preset(
        name="Update Cart Calls",
        action="updateCart",
        subscribe=CART_SUBSCRIPTION,
        mapping=_CART_MAPPING,
    ),
    Preset(
        name="Order Completed Calls",
        action="trackPurchase",
        subscribe=PURCHASE_SUBSCRIPTION,
        mapping=_PURCHASE_MAPPING,
    ),
    _specific("Associated Entity Added", "trackEvent", "warehouse_entity_added_track"),
    _specific("Associated Entity Removed", "trackEvent", "warehouse_entity_removed_track"),
    _specific("Entities Audience Entered", "trackEvent", "warehouse_audience_entered_track"),
    _specific("Entities Exited", "trackEvent", "warehouse_audience_exited_track"),
    _specific(
        "Entities Audience Membership Changed",
        "updateUser",
        "warehouse_audience_membership_changed_identify",
    ),
    _specific("Journeys Step Transition Track", "trackEvent", "journeys_step_entered_track"),
    _specific("Journeys Step Entered", "updateUser", "journey_step_all_events_track"),
    Preset(name="Page and Screen Calls", action=TRACK_PAGE.key, subscribe=PAGE_SUBSCRIPTION),
    Preset(
        name="Product Added or Removed Calls",
        action="updateCart",
        subscribe=PRODUCT_EVENTS_SUBSCRIPTION,
        mapping=_CART_MAPPING,
    ),
)
