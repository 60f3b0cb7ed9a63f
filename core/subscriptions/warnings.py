"""Warnings: expressions that are valid but probably do not mean what their author thinks.

Existing subscriptions rely on how Segment's engine reads FQL, so those readings are kept — but
someone writing a new subscription deserves to know that ``a or b and c`` means ``a and b and c``, that
``OR`` is ignored, or that ``match(event, "Completed")`` tests ends-with "ompleted". Each warning names
the position, says how the expression *is* read and how to write it unambiguously.

The traps themselves are found by :mod:`.condition_traps` (one condition at a time) and
:mod:`.level_traps` (how a parenthesis level's items are combined); this module holds what they share.
"""

from __future__ import annotations

import attrs

from .lexer import Kind, Token
from .parser import ParseResult

__all__ = ["FQLWarning", "TrapFinder"]

_SNIPPET_LENGTH = 60


@attrs.frozen
class FQLWarning:
    """A valid expression that probably means something other than intended.

    ``position`` is the 0-based character offset the warning is about; ``code`` names the kind
    of trap (``mixed-conditionals``, ``match-without-star`` …) for tools that filter them.
    """

    position: int
    message: str
    code: str = ""

    def __str__(self) -> str:
        return f"{self.message} (at position {self.position})"


class TrapFinder:
    """Base of the trap finders: the parsed expression, and quoting helpers for messages.

    ``claimed`` holds the start of tokens a warning already explains, so that the warning about
    ignored tokens does not repeat them; finders share one set and run in a fixed order.
    """

    def __init__(self, expression: str, result: ParseResult, claimed: set[int]) -> None:
        self.expression = expression
        self.result = result
        self.claimed = claimed

    def text(self, start: int, end: int) -> str:
        """The expression's text from ``start`` to ``end``, shortened for messages."""
        snippet = self.expression[start:end]
        if len(snippet) > _SNIPPET_LENGTH:
            snippet = snippet[: _SNIPPET_LENGTH - 1] + "…"
        return snippet

    def source(self, token: Token) -> str:
        return self.text(token.start, token.end)

    def claim_glued(self, token: Token, kinds: tuple[Kind, ...]) -> Token | None:
        """The token directly touching the end of ``token``, if of ``kinds``; claims it."""
        following = self.result.token_after(token)
        if following is not None and following.start == token.end and following.kind in kinds:
            self.claimed.add(following.start)
            return following
        return None
