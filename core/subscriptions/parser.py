"""Tokens → conditions, reading them exactly as Segment's parser does.

Segment's parser has no precedence and few checks: it walks the tokens left to right, takes a field's
operator and value *by position* (whatever tokens stand there), takes a function's ``( field , value )``
by position, skips every token that fits nowhere, and gives each parenthesis level the operator of the
last ``and``/``or`` seen at that level. A group ends at the first ``)`` after its ``(`` — even the ``)``
of a function call inside it.

This module reproduces all of that. Where Segment's parser crashes or returns an error, it raises
:class:`FQLSyntaxError` with the position and a reason instead. One extension: a ``(`` inside a group,
which crashes Segment, opens a nested group here, parsed by the same rules except that a function
call inside a nested group keeps its own ``)``.

Besides the tree, the parser records what it read at each level (items, conditionals, skipped tokens)
so :mod:`.warnings` can point out expressions that do not mean what they seem to.
"""

from __future__ import annotations

import bisect
import enum
import re

import attrs

from ..errors import FQLSyntaxError
from ..jsvalues import number_to_string, to_number
from .lexer import Kind, Token, tokenize
from .nodes import (
    PATH_FIELDS,
    TOP_LEVEL_FIELDS,
    CallSource,
    ComparisonSource,
    Condition,
    Field,
    Group,
    Node,
    Value,
)

__all__ = ["FIELD_LIST", "FUNCTIONS", "Entry", "Level", "ParseResult", "Role", "parse", "path_keys"]

FUNCTIONS = ("contains", "match")
MAX_DEPTH = 64
FIELD_LIST = "type, event, name, userId, properties.*, traits.* and context.*"
_CALL_FIELDS = ("event", "name", "userId")
_PATH_KEY = re.compile(r"[^\[.\]]+")


def _start_of(token: Token) -> int:
    return token.start


def path_keys(path: str) -> tuple[str, ...]:
    """The keys a path walks, split on ``.``, ``[`` and ``]`` as Segment's ``get`` splits them."""
    return tuple(_PATH_KEY.findall(path))


class Role(enum.Enum):
    """What an entry at a parenthesis level was read as."""

    ITEM = "item"
    CONDITIONAL = "conditional"
    IGNORED = "ignored"  # a token that fits nowhere, skipped
    IGNORED_BANG = "ignored-bang"  # "!" not directly before contains/match
    IGNORED_CALL = "ignored-call"  # contains/match on something it cannot test


@attrs.frozen
class Entry:
    """One thing read at a level, in source order; ``start``/``end`` span its tokens."""

    role: Role
    token: Token
    start: int
    end: int
    node: Node | None = None
    call: CallSource | None = None


@attrs.define
class Level:
    """What one parenthesis level (or the top level, ``open_paren`` None) contained."""

    open_paren: Token | None
    depth: int
    entries: list[Entry] = attrs.Factory(list)
    operator: str = "and"
    close: Token | None = None
    closed_by_call: CallSource | None = None
    """A function call whose ``)`` was also taken as this group's ``)``."""


@attrs.frozen
class ParseResult:
    tree: Group
    levels: tuple[Level, ...]
    tokens: tuple[Token, ...]

    def token_before(self, position: int) -> Token | None:
        """The last token that starts before ``position``."""
        index = bisect.bisect_left(self.tokens, position, key=_start_of)
        return self.tokens[index - 1] if index else None

    def token_after(self, token: Token) -> Token | None:
        """The token that follows ``token`` in the expression (None after the end)."""
        index = bisect.bisect_left(self.tokens, token.end, key=_start_of)
        while index < len(self.tokens) and self.tokens[index] is token:
            index += 1
        return self.tokens[index] if index < len(self.tokens) else None


def parse(expression: str) -> ParseResult:
    """Parse ``expression`` or raise :class:`FQLSyntaxError`."""
    parser = _Parser(expression, tokenize(expression))
    root = parser.parse_level(None, 0)
    tree = root if isinstance(root, Group) else Group("and", (root,))
    return ParseResult(tree, tuple(parser.levels), tuple(parser.tokens))


class _View:
    """The tokens one level may read: up to the first ``)`` for a group, everything at the top.

    Segment cuts a group's tokens at the first ``)`` and appends an end marker, so a group reads that
    ``)`` as "eos" and nothing after it. Reaching the real end inside a group is an unclosed ``(``.
    """

    def __init__(self, parser: _Parser, open_paren: Token | None, depth: int) -> None:
        self.parser = parser
        self.open_paren = open_paren
        self.depth = depth
        self.exhausted = False
        self.close: Token | None = None

    def peek(self) -> Token | None:
        if self.exhausted:
            return None
        token = self.parser.tokens[self.parser.position]
        if self.open_paren is None:
            return token
        if token.kind is Kind.EOS:
            raise self.parser.fail(self.open_paren.start, 'unclosed "(": no matching ")"')
        if token.kind is Kind.PAREN_RIGHT:
            return Token(Kind.EOS, "eos", token.start, token.end)
        return token

    def take(self) -> Token | None:
        token = self.peek()
        if token is None:
            return None
        current = self.parser.tokens[self.parser.position]
        if token.kind is Kind.EOS:
            self.exhausted = True
            if current.kind is Kind.PAREN_RIGHT:
                self.close = current
        if current.kind is not Kind.EOS:
            self.parser.position += 1
        return token

    def take_call_close(self) -> Token | None:
        """The ``)`` slot of contains()/match().

        In a top-level group Segment ends the group at that ``)`` (its first ``)``). Nested groups
        crash Segment, so there the call keeps its own ``)`` and the group goes on.
        """
        if self.depth >= 2 and not self.exhausted:
            current = self.parser.tokens[self.parser.position]
            if current.kind is Kind.PAREN_RIGHT:
                self.parser.position += 1
                return current
        return self.take()

    def is_group_end(self, token: Token | None) -> bool:
        """Whether ``token`` is this group's ``)`` standing in a place that wanted something else."""
        return token is not None and token.kind is Kind.EOS and self.close is not None


class _Parser:
    def __init__(self, expression: str, tokens: list[Token]) -> None:
        self.expression = expression
        self.tokens = tokens
        self.position = 0
        self.levels: list[Level] = []

    def fail(self, position: int, reason: str) -> FQLSyntaxError:
        return FQLSyntaxError(self.expression, position, reason)

    def source(self, token: Token) -> str:
        return self.expression[token.start : token.end]

    def parse_level(self, open_paren: Token | None, depth: int) -> Node:
        if depth > MAX_DEPTH and open_paren is not None:
            raise self.fail(open_paren.start, f"parentheses nested deeper than {MAX_DEPTH} levels")
        view = _View(self, open_paren, depth)
        level = Level(open_paren, depth)
        self.levels.append(level)
        nodes: list[Node] = []
        while (token := view.take()) is not None and token.kind is not Kind.EOS:
            node = self.read_item(token, view, level, depth)
            if node is not None:
                nodes.append(node)
        level.close = view.close
        if not nodes:
            raise self.nothing_recognised(level)
        if len(nodes) == 1:
            return nodes[0]
        return Group(level.operator, tuple(nodes))

    def read_item(self, token: Token, view: _View, level: Level, depth: int) -> Node | None:
        entries = level.entries
        if token.kind is Kind.IDENT and token.text.split(".", 1)[0] in _FIELD_HEADS:
            condition = self.read_comparison(token, view)
            entries.append(Entry(Role.ITEM, token, token.start, self.end_of_last_read(), condition))
            return condition
        if token.kind is Kind.IDENT and token.text in FUNCTIONS:
            return self.read_call(None, token, view, level)
        if token.is_operator("!"):
            following = view.peek()
            if (
                following is not None
                and following.kind is Kind.IDENT
                and following.text in FUNCTIONS
            ):
                view.take()
                return self.read_call(token, following, view, level)
            entries.append(Entry(Role.IGNORED_BANG, token, token.start, token.end))
            return None
        if token.kind is Kind.PAREN_LEFT:
            group = self.parse_level(token, depth + 1)
            entries.append(Entry(Role.ITEM, token, token.start, self.end_of_last_read(), group))
            return group
        if token.kind is Kind.CONDITIONAL:
            level.operator = token.text
            entries.append(Entry(Role.CONDITIONAL, token, token.start, token.end))
            return None
        entries.append(Entry(Role.IGNORED, token, token.start, token.end))
        return None

    def end_of_last_read(self) -> int:
        return self.tokens[self.position - 1].end if self.position else 0

    def read_comparison(self, field_token: Token, view: _View) -> Condition:
        operator = view.take()
        value = view.take()
        if operator is None or value is None:
            name = self.source(field_token)
            raise self.fail(
                field_token.start,
                f'"{name}" needs an operator and a value, e.g. {name} = "some value"',
            )
        field = self.field_of(field_token, field_token.text.split(".", 1)[0])
        source = ComparisonSource(field_token, operator, value)
        return Condition(field, *_comparison(field.kind, operator, value), source=source)

    def field_of(self, token: Token, kind: str) -> Field:
        if kind not in PATH_FIELDS:
            return Field(kind)
        prefix = kind + "."
        path = token.text[len(prefix) :] if token.text.startswith(prefix) else token.text
        if path and not path_keys(path):
            # Segment's path lookup crashes on a path made only of separators.
            raise self.fail(token.start, f'the path "{path}" after "{kind}." names no key')
        return Field(kind, path)

    def read_call(self, bang: Token | None, name: Token, view: _View, level: Level) -> Node | None:
        open_slot = view.take()
        field_token = view.take()
        if open_slot is None or field_token is None:
            raise self.fail(
                name.start, f'{name.text} needs its arguments: {name.text}(field, "value")'
            )
        comma = view.take()
        value = view.take()
        if value is None:
            raise self.fail(
                name.start, f'{name.text}( is missing its value: {name.text}(field, "value")'
            )
        close = view.take_call_close()
        call = CallSource(bang, name, open_slot, field_token, comma, value, close)
        if view.is_group_end(close):
            level.closed_by_call = call
        first = bang or name
        end = self.end_of_last_read()
        field = self.call_field(field_token)
        if field is None:
            level.entries.append(Entry(Role.IGNORED_CALL, first, first.start, end, call=call))
            return None
        operator, text = _call_test(name.text, value)
        condition = Condition(field, f"not_{operator}" if bang else operator, text, source=call)
        level.entries.append(Entry(Role.ITEM, first, first.start, end, condition, call))
        return condition

    def call_field(self, token: Token) -> Field | None:
        """What contains()/match() test; Segment checks only how the name starts (not ``type``)."""
        if token.text in _CALL_FIELDS:
            return Field(token.text)
        for kind in PATH_FIELDS:
            if token.text.startswith(kind):
                return self.field_of(token, kind)
        return None

    def nothing_recognised(self, level: Level) -> FQLSyntaxError:
        """The error for a level with no condition (Segment crashes on these)."""
        for entry in level.entries:
            if entry.role is Role.IGNORED and entry.token.kind is Kind.IDENT:
                return self.fail(entry.token.start, unknown_name_reason(entry.token.text))
            if entry.role is Role.IGNORED_CALL and entry.call is not None:
                return self.fail(entry.call.field.start, unusable_call_reason(entry.call))
        if level.open_paren is not None:
            return self.fail(level.open_paren.start, "no condition inside these parentheses")
        if not level.entries:
            return self.fail(0, 'empty expression: write a condition such as type = "track"')
        first = level.entries[0].token
        return self.fail(
            first.start,
            f"no condition found: expected a field ({FIELD_LIST}) or contains()/match()",
        )


_FIELD_HEADS = frozenset(TOP_LEVEL_FIELDS + PATH_FIELDS)


def unknown_name_reason(name: str) -> str:
    """Why a name in a condition's place is not a condition."""
    for field in _FIELD_HEADS:
        if name.split(".", 1)[0].lower() == field.lower():
            return f'unknown field "{name}": field names are case-sensitive, write "{field}"'
    if name.lower() in ("and", "or", "not"):
        return f'"{name}" is not a condition (conditionals are lower-case "and"/"or")'
    return f'unknown field "{name}" — subscriptions can test {FIELD_LIST}'


def unusable_call_reason(call: CallSource) -> str:
    name, field = call.name.text, call.field.text
    if field.split(".", 1)[0] == "type":
        return f'{name}() cannot test "type"; compare it instead: type = "track"'
    return (
        f'{name}() cannot test "{field}" — it can test event, name, userId, properties.*, '
        "traits.* and context.*"
    )


def token_value(token: Token) -> Value:
    """Segment's value of a token: quotes stripped (double only), numbers, true/false, else the text."""
    if token.kind is Kind.STRING:
        text = token.text
        if text.startswith('"'):
            text = text[1:]
        return text[:-1] if text.endswith('"') else text
    if token.kind is Kind.NUMBER:
        return to_number(token.text)
    if token.kind is Kind.IDENT and token.text in ("true", "false"):
        return token.text == "true"
    return token.text


def value_text(value: Value) -> str:
    """JavaScript's ``String(value)``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_to_string(value)
    return value


def _comparison(kind: str, operator: Token, value: Token) -> tuple[str, Value | None]:
    """Segment's (operator, value) for ``field operator value`` — see the reference's §2.1 table."""
    op, raw = operator.text, value.text
    if kind in ("type", "event"):
        return op, value_text(token_value(value))
    if op == "!=" and raw == "null":
        return "exists", None
    if op == "=" and raw == "null":
        return "not_exists", None
    if kind == "name":
        return op, value_text(token_value(value))
    if op == "=" and raw in ("true", "false"):
        return ("is_true" if raw == "true" else "is_false"), None
    if kind == "userId":
        return op, value_text(token_value(value))
    if op in ("=", "!=") and value.kind is Kind.NUMBER:
        return ("number_equals" if op == "=" else "number_not_equals"), token_value(value)
    return op, token_value(value)


def _call_test(function: str, value: Token) -> tuple[str, str]:
    text = value_text(token_value(value))
    if function == "contains":
        return "contains", text
    if value.text.endswith('*"'):
        return "starts_with", text[:-1]
    return "ends_with", text[1:]
