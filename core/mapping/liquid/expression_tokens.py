"""Expression tokens as liquidjs reads them, from python-liquid's expression lexer.

python-liquid's lexer turns every keyword into a keyword token wherever it stands, so
``properties.empty`` or ``traits.and`` fail to parse. liquidjs reads a word after a dot as a
property name, whatever the word, and a literal in brackets (``a[true]``, ``a[empty]``) as the
key its value converts to. The token list is corrected here before python-liquid parses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from liquid.builtin.expressions import tokenize
from liquid.stream import TokenStream
from liquid.token import (
    TOKEN_AND,
    TOKEN_AS,
    TOKEN_BLANK,
    TOKEN_COLS,
    TOKEN_CONTAINS,
    TOKEN_CONTINUE,
    TOKEN_DOT,
    TOKEN_ELSE,
    TOKEN_EMPTY,
    TOKEN_FALSE,
    TOKEN_FOR,
    TOKEN_IDENTSTRING,
    TOKEN_IF,
    TOKEN_IN,
    TOKEN_LBRACKET,
    TOKEN_LIMIT,
    TOKEN_NIL,
    TOKEN_NOT,
    TOKEN_NULL,
    TOKEN_OFFSET,
    TOKEN_OR,
    TOKEN_RBRACKET,
    TOKEN_REQUIRED,
    TOKEN_REVERSED,
    TOKEN_TRUE,
    TOKEN_WITH,
    TOKEN_WORD,
    Token,
)

_KEYWORDS: Final = frozenset(
    {
        TOKEN_AND,
        TOKEN_AS,
        TOKEN_BLANK,
        TOKEN_COLS,
        TOKEN_CONTAINS,
        TOKEN_CONTINUE,
        TOKEN_ELSE,
        TOKEN_EMPTY,
        TOKEN_FALSE,
        TOKEN_FOR,
        TOKEN_IF,
        TOKEN_IN,
        TOKEN_LIMIT,
        TOKEN_NIL,
        TOKEN_NOT,
        TOKEN_NULL,
        TOKEN_OFFSET,
        TOKEN_OR,
        TOKEN_REQUIRED,
        TOKEN_REVERSED,
        TOKEN_TRUE,
        TOKEN_WITH,
    }
)
"""The words python-liquid's expression lexer reads as keywords (each token's kind is the word)."""

_LITERAL_KEYS: Final = {
    TOKEN_EMPTY: "",
    TOKEN_BLANK: "",
    TOKEN_NIL: "null",
    TOKEN_NULL: "null",
    TOKEN_TRUE: "true",
    TOKEN_FALSE: "false",
}
"""The property key each literal names in brackets: JavaScript's ``String`` of its value."""


def liquidjs_tokens(tokens: Iterable[Token]) -> Iterator[Token]:
    """``tokens`` with keywords after a dot as words and ``[literal]`` as a quoted key."""
    pending = list(tokens)
    previous_kind = None
    index = 0
    while index < len(pending):
        token = pending[index]
        if token.kind in _KEYWORDS and previous_kind == TOKEN_DOT:
            token = token._replace(kind=TOKEN_WORD)
        elif (
            token.kind == TOKEN_LBRACKET
            and index + 2 < len(pending)
            and pending[index + 1].kind in _LITERAL_KEYS
            and pending[index + 2].kind == TOKEN_RBRACKET
        ):
            key = _LITERAL_KEYS[pending[index + 1].kind]
            token = token._replace(kind=TOKEN_IDENTSTRING, value=key)
            index += 2
        yield token
        previous_kind = token.kind
        index += 1


def expression_stream(expression: Token) -> TokenStream:
    """The tokens of one expression (the text of ``{{ }}`` or after a tag's name)."""
    return TokenStream(liquidjs_tokens(tokenize(expression.value, expression)))


class JsTokenStream(TokenStream):
    """A template's token stream whose tags read their expressions with ``liquidjs_tokens``."""

    def into_inner(self, *, tag: Token | None = None, eat: bool = True) -> TokenStream:
        inner = super().into_inner(tag=tag, eat=eat)
        return TokenStream(liquidjs_tokens(inner.tokens))
