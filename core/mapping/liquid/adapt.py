"""Fixes applied to a freshly parsed template: python-liquid's parser is reused as it is, and what
it builds differently from liquidjs (comparison semantics, string escapes) is patched here, once,
at compile time. Disabled filters are reported here too, so a template fails before any render.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.expressions.primitive import StringLiteral
from liquid.expression import Expression

from .comparisons import JS_COMPARISONS
from .context import JsContext, JsTemplate
from .errors import source_position
from .limits import DISABLED_FILTERS

_ESCAPED_CHARACTERS: Final = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_STRING_ESCAPE: Final = re.compile(r"\\(?:u([0-9a-fA-F]{0,4})|([0-7]{1,3})|(.?))", re.DOTALL)


def _unescape(text: str) -> str:
    """Backslash escapes in a string literal, read as liquidjs reads them (``\\n``, ``\\u0041``)."""
    if "\\" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        hex_digits, octal_digits, other = match.groups()
        if hex_digits is not None:
            return chr(int(hex_digits or "0", 16))
        if octal_digits is not None:
            return chr(int(octal_digits, 8))
        return _ESCAPED_CHARACTERS.get(other, other)

    return _STRING_ESCAPE.sub(replace, text)


def adapt_parsed(template: JsTemplate, source: str) -> list[str]:
    """Give comparisons JavaScript semantics; return problems (disabled filters) found in it."""
    problems: list[str] = []
    static_context = JsContext(template)
    seen: set[int] = set()

    def visit_expression(expression: Expression) -> None:
        if id(expression) in seen:  # reachable twice: adapt (and report) once
            return
        seen.add(id(expression))
        replacement = JS_COMPARISONS.get(type(expression))
        if replacement is not None:
            expression.__class__ = replacement  # same slots; only `evaluate` differs
        if isinstance(expression, StringLiteral):
            expression.value = _unescape(expression.value)
        if isinstance(expression, FilteredExpression):
            for applied in expression.filters or ():
                if applied.name in DISABLED_FILTERS:
                    where = source_position(applied.token, source)
                    problems.append(f'uses the disabled filter "{applied.name}"{where}')
        for child in expression.children():
            visit_expression(child)

    def visit_nodes(nodes: Iterable[Any]) -> None:
        for node in nodes:
            for expression in node.expressions():
                visit_expression(expression)
            visit_nodes(node.children(static_context, include_partials=False))

    visit_nodes(template.nodes)
    return problems
