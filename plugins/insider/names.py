"""How names and language tags are written for Insider.

Insider's API expects snake_case keys and ``xx_YY`` language tags; Segment's events carry free-form keys
and ``xx-YY`` tags. These rules turn one into the other.
"""

from __future__ import annotations

from typing import Any

from actions_core.jsvalues import JS_WHITESPACE

__all__ = ["normalise_name", "underscore_tag"]


def normalise_name(key: str) -> str:
    """``" Video  Played "`` → ``"video__played"``: lower-cased, trimmed, every space an underscore.

    Each space is replaced on its own (two spaces give two underscores) and other whitespace inside
    the name is kept, as Segment does, so names match the events Segment already sent.
    """
    return key.lower().strip(JS_WHITESPACE).replace(" ", "_")


def underscore_tag(value: Any) -> Any:
    """``"zh-Hant-TW"`` → ``"zh_Hant_TW"``: every dash of a language tag becomes an underscore.

    Anything that is not text is returned unchanged.
    """
    return value.replace("-", "_") if isinstance(value, str) else value
