"""How far Segment lets a template go: its length, the memory and time one render may use, and
the tags and filters Segment switches off.
"""

from __future__ import annotations

from typing import Final

MAX_TEMPLATE_LENGTH: Final = 1000
"""Longest accepted template, in UTF-16 code units (JavaScript's ``string.length``)."""

DISABLED_TAGS: Final = frozenset({"case", "for", "include", "layout", "render", "tablerow"})
"""Tags Segment switches off: loops and partials."""

DISABLED_FILTERS: Final = frozenset(
    {
        "array_to_sentence_string",
        "concat",
        "find",
        "find_exp",
        "find_index",
        "find_index_exp",
        "group_by",
        "group_by_exp",
        "has",
        "has_exp",
        "map",
        "newline_to_br",
        "reject",
        "reject_exp",
        "reverse",
        "sort",
        "sort_natural",
        "uniq",
        "where_exp",
        "type",
    }
)
"""Filters Segment switches off (mostly ones that walk or rebuild whole arrays)."""

MEMORY_LIMIT: Final = 100_000_000  # liquidjs memoryLimit: characters/elements allocated per render
RENDER_SECONDS: Final = 0.5  # liquidjs renderLimit: 500 ms per render
RANGE_LIMIT: Final = 1_000_000  # our own cap on (a..b) ranges, which Python would materialise
