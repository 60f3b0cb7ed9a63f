"""Compiling FQL into a :class:`Subscription`: parse once, check events many times."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from ..errors import FQLSyntaxError
from .condition_traps import ConditionTraps
from .evaluate import Predicate, compile_node
from .level_traps import LevelTraps
from .nodes import Group
from .parser import ParseResult, parse
from .warnings import FQLWarning

__all__ = ["Subscription", "compile_fql", "find_warnings"]

CACHE_SIZE = 4096


@attrs.frozen
class Subscription:
    """A compiled subscription: which events an action receives.

    ``tree`` is the parsed condition (``str(tree)`` prints it), ``warnings`` lists the places where
    the expression probably does not mean what it seems to (see :mod:`.warnings`).
    """

    expression: str
    tree: Group
    warnings: tuple[FQLWarning, ...]
    _predicate: Predicate = attrs.field(eq=False, repr=False)

    def matches(self, event: Any) -> bool:
        """Whether ``event`` (a decoded JSON value) is subscribed. Non-objects never match."""
        if not isinstance(event, dict):
            return False
        return self._predicate(event)

    def describe(self) -> str:
        """The parsed condition, e.g. ``AND(type = "track", properties→"total" > 50)``."""
        return str(self.tree)


def compile_fql(expression: str) -> Subscription:
    """Compile ``expression``; raises :class:`FQLSyntaxError` (with a position) if it is invalid.

    Results are cached by text, so calling this for every event costs a dictionary lookup.
    """
    if not isinstance(expression, str):
        raise FQLSyntaxError(
            repr(expression), 0, f"a subscription must be text, not {type(expression).__name__}"
        )
    return _compile_cached(expression)


def find_warnings(expression: str, result: ParseResult) -> tuple[FQLWarning, ...]:
    """Every trap in a parsed expression, in order of position."""
    claimed: set[int] = set()  # condition traps claim tokens first, then level traps skip them
    found = [
        *ConditionTraps(expression, result, claimed).warnings(),
        *LevelTraps(expression, result, claimed).warnings(),
    ]
    return tuple(dict.fromkeys(sorted(found, key=lambda warning: warning.position)))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _compile_cached(expression: str) -> Subscription:
    result = parse(expression)
    return Subscription(
        expression, result.tree, find_warnings(expression, result), compile_node(result.tree)
    )
