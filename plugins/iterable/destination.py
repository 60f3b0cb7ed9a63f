"""Iterable (Actions): the destination definition, assembled from its parts.

Settings and the connection: :mod:`.settings`; actions: :mod:`.update_user`, :mod:`.track_event`,
:mod:`.commerce` and the classic page events in :mod:`.classic`; request bodies: :mod:`.bodies`;
answers and their errors: :mod:`.errors`; presets: :mod:`.presets`.
"""

from __future__ import annotations

from actions_core.definitions import Destination

from . import classic, commerce, settings, track_event, update_user
from .compatibility import COMPATIBILITY
from .presets import PRESETS

destination = Destination(
    key="iterable",
    name="Iterable (Actions)",
    slug="actions-iterable",
    compatibility=COMPATIBILITY,
    description=(
        "Send users, custom events, carts and purchases to Iterable, in its US or EU data centre. "
        "Page and screen calls can become events as in Iterable's classic integration."
    ),
    settings={**settings.SETTINGS, **classic.PAGE_SETTINGS},
    extend_request=settings.extend_request,
    test_authentication=settings.test_authentication,
    presets=PRESETS,
    actions=[
        update_user.ACTION,
        track_event.ACTION,
        commerce.UPDATE_CART,
        commerce.TRACK_PURCHASE,
        classic.TRACK_PAGE,
    ],
)
