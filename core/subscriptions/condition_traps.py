"""Traps in single conditions: values, operators and calls that read differently than they look."""

from __future__ import annotations

from collections.abc import Iterator

from .lexer import Kind, Token
from .nodes import PATH_FIELDS, TOP_LEVEL_FIELDS, CallSource, ComparisonSource, Condition, Group
from .parser import token_value, value_text
from .warnings import FQLWarning, TrapFinder

__all__ = ["ConditionTraps"]

_OPERATORS = frozenset(("=", "!=", "<", "<=", ">", ">="))
_INTERNAL_OPERATORS = frozenset(
    (
        "contains", "not_contains", "starts_with", "not_starts_with", "ends_with", "not_ends_with",
        "exists", "not_exists", "is_true", "is_false", "number_equals", "number_not_equals",
    )
)  # fmt: skip
_SYMBOL_KINDS = frozenset(
    (
        Kind.OPERATOR, Kind.DOT, Kind.CONDITIONAL, Kind.COMMA, Kind.PAREN_LEFT,
        Kind.PAREN_RIGHT, Kind.BRACKET_LEFT, Kind.BRACKET_RIGHT,
    )
)  # fmt: skip


class ConditionTraps(TrapFinder):
    """Finds the traps of each condition in the tree (run before :class:`.LevelTraps`)."""

    def warnings(self) -> Iterator[FQLWarning]:
        for condition in _conditions(self.result.tree):
            if isinstance(condition.source, ComparisonSource):
                yield from self.comparison_warnings(condition, condition.source)
            elif isinstance(condition.source, CallSource):
                yield from self.call_warnings(condition, condition.source)

    def comparison_warnings(
        self, condition: Condition, source: ComparisonSource
    ) -> Iterator[FQLWarning]:
        field, operator, value = source.field, source.operator, source.value
        kind = condition.field.kind
        name = self.source(field)
        if kind in TOP_LEVEL_FIELDS and "." in field.text:
            yield FQLWarning(
                field.start,
                f'"{name}" tests {kind}: everything after "{kind}" is ignored '
                f"({kind} is a top-level field); write {kind}",
                "ignored-suffix",
            )
        if kind in PATH_FIELDS and field.text == kind:
            yield FQLWarning(
                field.start,
                f'"{kind}" on its own tests the key "{kind}" inside the event\'s {kind}; '
                f"write {kind}.<key>",
                "bare-container",
            )
        if not (operator.kind is Kind.OPERATOR and operator.text in _OPERATORS):
            self.claimed.add(value.start)
            yield self.odd_operator(operator)
            return
        yield from self.value_warnings(condition, source, name)

    def odd_operator(self, operator: Token) -> FQLWarning:
        shown = self.source(operator)
        if operator.text in _INTERNAL_OPERATORS:
            return FQLWarning(
                operator.start,
                f'"{shown}" is not an FQL operator; Segment\'s engine happens to evaluate it as its '
                "internal test of that name. Use the documented operators and functions instead",
                "not-an-operator",
            )
        return FQLWarning(
            operator.start,
            f'"{shown}" stands where an operator (=, !=, <, <=, >, >=) belongs, so this condition '
            "is never true",
            "not-an-operator",
        )

    def value_warnings(
        self, condition: Condition, source: ComparisonSource, name: str
    ) -> Iterator[FQLWarning]:
        kind = condition.field.kind
        operator, value = source.operator, source.value
        op = operator.text
        if value.kind is Kind.EOS:
            yield FQLWarning(
                operator.start,
                f'"{name} {op}" has no value, so Segment\'s engine compares with the text "eos"; '
                "write the value",
                "missing-value",
            )
        elif op in ("<", ">") and value.is_operator("=") and value.start == operator.end:
            glued = self.claim_glued(value, (Kind.NUMBER, Kind.IDENT, Kind.STRING))
            written = self.text(operator.start, (glued or value).end)
            yield FQLWarning(
                operator.start,
                f'"{written}" is read as "{op}" with the value "=", which is never true: '
                f'"{op}=" must be followed by a space, e.g. {name} {op}= 5',
                "glued-operator",
            )
        elif value.kind is Kind.DOT and (digits := self.claim_glued(value, (Kind.NUMBER,))):
            yield FQLWarning(
                value.start,
                f'a number cannot start with ".": this is read as the value "." and '
                f'"{digits.text}" is ignored; write 0.{digits.text}',
                "odd-value",
            )
        elif value.kind in _SYMBOL_KINDS:
            yield FQLWarning(
                value.start,
                f'the value of "{name} {op}" is the symbol "{self.source(value)}" — was the value '
                "forgotten?",
                "odd-value",
            )
        elif value.kind is Kind.STRING and value.text.startswith("'"):
            yield self.single_quotes(value)
        elif value.kind is Kind.NUMBER:
            yield from self.glued_number(value)
        if op in ("=", "!=") and value.kind is Kind.IDENT and value.text in ("true", "false"):
            yield from self.boolean_text(kind, name, op, value)
        if op in ("=", "!=") and value.kind is Kind.NULL and kind in ("type", "event"):
            yield self.null_text(kind, name, op, value)

    def null_text(self, kind: str, name: str, op: str, value: Token) -> FQLWarning:
        outcome = "true for every" if op == "!=" else "false for every"
        return FQLWarning(
            value.start,
            f'{kind} cannot be tested for null: {name} {op} null compares with the text "null", '
            f"so it is {outcome} {kind} other than that text. To require {kind}, write "
            f'match({kind}, "*") (starts with "")'
            if kind == "event"
            else f"{kind} cannot be tested for null: {name} {op} null compares with the text "
            f'"null", so it is {outcome} {kind} other than that text',
            "null-text",
        )

    def boolean_text(self, kind: str, name: str, op: str, value: Token) -> Iterator[FQLWarning]:
        word = value.text
        if kind in ("type", "event", "name"):
            yield FQLWarning(
                value.start,
                f'{kind} is compared as text: {name} {op} {word} compares with the text "{word}" '
                f'(a boolean never equals it); write {name} {op} "{word}" to say so',
                "boolean-text",
            )
        elif op == "!=":
            yield FQLWarning(
                value.start,
                f'"!= {word}" compares with the text "{word}", so {name} != {word} is true for '
                f"every value except that text — including the boolean {word}. To test a "
                f"boolean, write {name} = {'false' if word == 'true' else 'true'}",
                "boolean-text",
            )

    def single_quotes(self, value: Token) -> FQLWarning:
        return FQLWarning(
            value.start,
            f"single quotes are part of the value: this compares with {value.text} including the "
            f'quotes; use double quotes: "{value.text[1:-1]}"',
            "single-quotes",
        )

    def glued_number(self, value: Token) -> Iterator[FQLWarning]:
        glued = self.claim_glued(value, (Kind.IDENT,))
        if glued is None:
            return
        number = value_text(token_value(value))
        if glued.text[:1] in ("e", "E"):
            yield FQLWarning(
                value.start,
                f'exponents are not supported: "{self.text(value.start, glued.end)}" is read as '
                f'{number} and "{glued.text}" is ignored; write the number in full',
                "exponent",
            )
        else:
            yield FQLWarning(
                glued.start,
                f'"{self.text(value.start, glued.end)}" is read as the number {number} followed '
                f'by "{glued.text}", which is ignored',
                "ignored-tokens",
            )

    def call_warnings(self, condition: Condition, call: CallSource) -> Iterator[FQLWarning]:
        function = call.name.text
        for token in (call.open, call.field, call.comma, call.value, call.close):
            if token is not None:
                self.claimed.add(token.start)
        if call.value.kind is Kind.EOS:
            yield FQLWarning(
                call.name.start,
                f'{function}() has no value here, so Segment\'s engine uses the text "eos"; '
                f'write {function}(field, "value")',
                "malformed-call",
            )
            return
        shape_ok = (
            call.open.kind is Kind.PAREN_LEFT
            and call.comma is not None
            and call.comma.kind is Kind.COMMA
            and call.close is not None
            and call.close.kind in (Kind.PAREN_RIGHT, Kind.EOS)
        )
        if not shape_ok:
            yield FQLWarning(
                call.name.start,
                f"{function}() is read by position as {function}({self.source(call.field)}, "
                f'{self.source(call.value)}); write {function}(field, "value")',
                "malformed-call",
            )
        elif call.close is not None and call.close.start == len(self.expression):
            yield FQLWarning(call.name.start, f'{function}( has no closing ")"', "malformed-call")
        if call.value.kind is Kind.STRING and call.value.text.startswith("'"):
            yield self.single_quotes(call.value)
        elif function == "match":
            yield from self.match_warnings(condition, call)

    def match_warnings(self, condition: Condition, call: CallSource) -> Iterator[FQLWarning]:
        pattern = value_text(token_value(call.value))
        tested = condition.value if isinstance(condition.value, str) else ""
        field = self.source(call.field)
        if condition.operator.endswith("ends_with") and not pattern.startswith("*"):
            yield FQLWarning(
                call.value.start,
                f'match() without "*" tests whether {field} ends with "{tested}" (the first '
                f'character is dropped). Write "*{pattern}" for ends-with or "{pattern}*" for '
                "starts-with",
                "match-without-star",
            )
        elif "*" in tested:
            yield FQLWarning(
                call.value.start,
                f'"*" works only at the start or the end of match()\'s value: this tests whether '
                f'{field} {condition.operator.replace("_", " ")} "{tested}", with "*" as a '
                "plain character",
                "match-without-star",
            )


def _conditions(node: Condition | Group) -> Iterator[Condition]:
    if isinstance(node, Condition):
        yield node
        return
    for child in node.children:
        yield from _conditions(child)
