"""liquidjs's filter set, ready for python-liquid: every filter Segment leaves on, and the ones it
switches off as filters that refuse to run.

Each module registers its filters with ``liquidjs_filter`` when imported; importing them all here
is what fills the registry.
"""

from __future__ import annotations

from collections.abc import Callable

from ..limits import DISABLED_FILTERS
from . import arithmetic, arrays, dates, encoding, html, jsonify, misc, strings, urls
from .registry import FILTERS, adapt_filter, disabled_filter

_FILTER_MODULES: tuple[object, ...] = (
    arithmetic,
    arrays,
    dates,
    encoding,
    html,
    jsonify,
    misc,
    strings,
    urls,
)  # imported for the filters they register


def environment_filters() -> dict[str, Callable[..., object]]:
    """Filter name → python-liquid filter function, disabled filters included."""
    filters = {name: adapt_filter(function) for name, function in FILTERS.items()}
    for name in DISABLED_FILTERS:
        filters[name] = adapt_filter(disabled_filter(name))
    return filters
