"""FQL text → tokens, reading characters exactly as Segment's lexer (``@segment/fql-ts``) does.

The lexer decides much of what a subscription means: whether ``>=5`` is one operator or two, whether a
closing quote ends a string, whether ``or(`` is a conditional or a name. Those rules are reproduced
here so that existing subscriptions keep their meaning; where Segment's lexer gives up, this one
raises :class:`FQLSyntaxError` naming the offending character and what to write instead.
"""

from __future__ import annotations

import enum
import json

import attrs

from ..errors import FQLSyntaxError
from ..jsvalues import utf16_len

__all__ = ["Kind", "Token", "describe_char", "tokenize"]

# Segment's lexer refuses literals this long ("unreasonable … length"); so do we, with a clear reason.
MAX_LITERAL_LENGTH = 100_000

_WHITESPACE = frozenset(" \t\n")  # "\r" is deliberately not whitespace, as in Segment's lexer
_TERMINATORS = frozenset(
    " \t\n,)]"
)  # what may follow a keyword, "!=", "<=", ">=" or a closing quote
_AFTER_NAME = _TERMINATORS | frozenset(".(=!")  # what may follow an identifier
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
_NAME_CHARS = _LETTERS | _DIGITS | frozenset("_-\\")
_KEYWORDS = {"and": "CONDITIONAL", "or": "CONDITIONAL", "null": "NULL"}
_PUNCTUATION = {".": "DOT", "[": "BRACKET_LEFT", "]": "BRACKET_RIGHT", ",": "COMMA"}


class Kind(enum.Enum):
    """Token kinds, named after Segment's token types."""

    IDENT = "ident"
    DOT = "dot"
    OPERATOR = "operator"
    CONDITIONAL = "conditional"
    STRING = "string"
    NUMBER = "number"
    NULL = "null"
    BRACKET_LEFT = "brackleft"
    BRACKET_RIGHT = "brackright"
    PAREN_LEFT = "parenleft"
    PAREN_RIGHT = "parenright"
    COMMA = "comma"
    EOS = "eos"


@attrs.frozen(slots=True)
class Token:
    """One token. ``text`` is Segment's token value (strings keep their quotes, the end is ``eos``).

    ``start``/``end`` are character offsets into the expression, for error and warning positions.
    """

    kind: Kind
    text: str
    start: int
    end: int

    def is_operator(self, *texts: str) -> bool:
        return self.kind is Kind.OPERATOR and (not texts or self.text in texts)


def describe_char(char: str) -> str:
    """A character quoted for messages, with control characters visible (``"\\r"``)."""
    return json.dumps(char, ensure_ascii=False)


def tokenize(expression: str) -> list[Token]:
    """The tokens of ``expression``, ending with an EOS token, dotted names already merged.

    Raises :class:`FQLSyntaxError` where Segment's lexer fails (its parser then reports a useless
    ``TypeError``).
    """
    return _merge_dotted_names(_Lexer(expression).run())


def _merge_dotted_names(tokens: list[Token]) -> list[Token]:
    """Join ``name . name`` into one identifier (``properties.a.b``), as Segment's parser does first.

    Whitespace around the dot does not matter, exactly as in Segment.
    """
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        current = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind is Kind.IDENT
            and current.kind is Kind.DOT
            and following is not None
            and following.kind is Kind.IDENT
        ):
            merged[-1] = Token(
                Kind.IDENT, f"{last.text}.{following.text}", last.start, following.end
            )
            index += 2
        else:
            merged.append(current)
            index += 1
    return merged


class _Lexer:
    def __init__(self, expression: str) -> None:
        self.text = expression
        self.length = len(expression)
        self.tokens: list[Token] = []

    def fail(self, position: int, reason: str) -> FQLSyntaxError:
        return FQLSyntaxError(self.text, position, reason)

    def char_at(self, index: int) -> str:
        return self.text[index] if index < self.length else ""

    def terminates(self, index: int) -> bool:
        return index >= self.length or self.text[index] in _TERMINATORS

    def add(self, kind: Kind, text: str, start: int, end: int) -> int:
        self.tokens.append(Token(kind, text, start, end))
        return end

    def run(self) -> list[Token]:
        index = 0
        while index < self.length:
            index = self.lex_one(index)
        self.add(Kind.EOS, "eos", self.length, self.length)
        return self.tokens

    def lex_one(self, index: int) -> int:
        char = self.text[index]
        if char in _WHITESPACE:
            return index + 1
        following = self.char_at(index + 1)
        if char == "!":
            return self.lex_bang(index, following)
        if char == "=":
            return self.add(Kind.OPERATOR, "=", index, index + 1)
        if char in "<>":
            if following == "=" and self.terminates(index + 2):
                return self.add(Kind.OPERATOR, char + "=", index, index + 2)
            return self.add(Kind.OPERATOR, char, index, index + 1)
        if char in _LETTERS or char in "_\\":
            return self.lex_word(index)
        if char in _DIGITS or char in "-+":
            return self.lex_number(index)
        if char in "\"'":
            return self.lex_string(index)
        if char in _PUNCTUATION:
            return self.add(Kind[_PUNCTUATION[char]], char, index, index + 1)
        if char == "(":
            return self.add(Kind.PAREN_LEFT, char, index, index + 1)
        if char == ")":
            return self.add(Kind.PAREN_RIGHT, char, index, index + 1)
        raise self.fail(index, _invalid_character_reason(char))

    def lex_bang(self, index: int, following: str) -> int:
        # "!" is an operator of its own only when glued to a name or "(": !contains(…), !(…).
        if following in _LETTERS or following == "(":
            return self.add(Kind.OPERATOR, "!", index, index + 1)
        if following == "=" and self.terminates(index + 2):
            return self.add(Kind.OPERATOR, "!=", index, index + 2)
        if following == "=":
            raise self.fail(
                index,
                f'"!=" must be followed by a space here, not {describe_char(self.char_at(index + 2))}',
            )
        raise self.fail(
            index,
            '"!" must be followed directly by contains( or match( (no space), or by "=" to make "!="',
        )

    def lex_word(self, start: int) -> int:
        for keyword, kind in _KEYWORDS.items():
            end = start + len(keyword)
            if self.text.startswith(keyword, start) and self.terminates(end):
                return self.add(Kind[kind], keyword, start, end)
        chars: list[str] = []
        index = start
        while True:
            char = self.text[index]
            if char == "\\":
                if index + 1 >= self.length:
                    raise self.fail(
                        index, '"\\" at the end of the expression has nothing to escape'
                    )
                index += 1
                char = self.text[index]
            chars.append(char)
            index += 1
            if index >= self.length or self.text[index] not in _NAME_CHARS:
                break
        name = "".join(chars)
        if utf16_len(name) >= MAX_LITERAL_LENGTH:
            raise self.fail(start, f"name longer than {MAX_LITERAL_LENGTH - 1} characters")
        if index < self.length and self.text[index] not in _AFTER_NAME:
            raise self.fail(index, self.bad_name_ending_reason(start, index))
        return self.add(Kind.IDENT, name, start, index)

    def bad_name_ending_reason(self, start: int, index: int) -> str:
        char = self.text[index]
        name = self.text[self.dotted_name_start(start) : index]
        if char in "<>":
            return f'put a space between "{name}" and "{char}"'
        if char == "[":
            return f'unexpected "[" after "{name}": brackets are not supported in names'
        if char in "\"'":
            return f'put a space between "{name}" and the quote'
        return f'unexpected {describe_char(char)} right after "{name}"'

    def dotted_name_start(self, start: int) -> int:
        """Where the dotted name that ends at ``start``'s segment begins, for messages."""
        for token in reversed(self.tokens):
            if token.end != start or token.kind not in (Kind.IDENT, Kind.DOT):
                break
            start = token.start
        return start

    def lex_number(self, start: int) -> int:
        # An optional sign, then digits and at most one "." that must be followed by something;
        # nothing is checked after the number ("1e5" is the number 1 and the name "e5").
        index = start + 1
        seen_point = False
        while index < self.length and (self.text[index] in _DIGITS or self.text[index] == "."):
            if self.text[index] == ".":
                if self.terminates(index + 1):
                    raise self.fail(index, "a number cannot end with a decimal point")
                if seen_point:
                    raise self.fail(index, "a number cannot have two decimal points")
                seen_point = True
            index += 1
        if index - start - 1 >= MAX_LITERAL_LENGTH:
            raise self.fail(start, f"number longer than {MAX_LITERAL_LENGTH} characters")
        return self.add(Kind.NUMBER, self.text[start:index], start, index)

    def lex_string(self, start: int) -> int:
        quote = self.text[start]
        close = self.text.find(quote, start + 1)
        if close == -1:
            raise self.fail(*self.unterminated_string(start))
        content = self.text[start + 1 : close]
        if utf16_len(content) >= MAX_LITERAL_LENGTH:
            raise self.fail(start, f"string longer than {MAX_LITERAL_LENGTH - 1} characters")
        self.add(Kind.STRING, f"{quote}{content}{quote}", start, close + 1)
        # Segment consumes the closing quote only when a terminator follows it; otherwise that
        # same quote opens the next string ('"track"and' is "track" then a string from there on).
        return close + 1 if self.terminates(close + 1) else close

    def unterminated_string(self, start: int) -> tuple[int, str]:
        previous = self.tokens[-1] if self.tokens else None
        if previous is not None and previous.kind is Kind.STRING and previous.end == start + 1:
            # This "string" starts at the closing quote of the previous one: the real problem is
            # the character glued to that closing quote.
            glued = self.text[start + 1]
            if glued == "\r":
                return (
                    start + 1,
                    '"\\r" is not allowed (only spaces, tabs and "\\n" separate tokens)',
                )
            return (
                start + 1,
                f'a closing quote must be followed by a space, ",", ")" or the end, '
                f"not {describe_char(glued)}",
            )
        return start, f"unterminated string: no closing {self.text[start]} for this quote"


def _invalid_character_reason(char: str) -> str:
    if char == "\r":
        return '"\\r" is not allowed (only spaces, tabs and "\\n" separate tokens)'
    if char == "&":
        return 'unexpected character "&": write "and"'
    if char == "|":
        return 'unexpected character "|": write "or"'
    if char == "*":
        return 'unexpected character "*": "*" is only meaningful inside match()\'s quoted value'
    return f"unexpected character {describe_char(char)}"
