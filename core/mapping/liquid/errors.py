"""Liquid errors as the ``@liquid`` directive reports them: liquidjs's own render failures, the
disabled-tag error, and the reasons (with liquidjs's line and column) put into mapping errors.
"""

from __future__ import annotations

import re

from liquid.exceptions import FilterArgumentError, LiquidError, LiquidSyntaxError
from liquid.token import Token


class LiquidJsError(FilterArgumentError):
    """A render failure liquidjs would also raise (limits, bad filter input).

    A FilterArgumentError, so python-liquid tags it with the position of the filter that raised it.
    """


class DisabledTagError(LiquidSyntaxError):
    """A tag Segment switches off was used."""

    def __init__(self, tag_name: str, token: Token) -> None:
        super().__init__(f'tag "{tag_name}" is disabled', token=token)
        self.tag_name = tag_name


def source_position(token: Token | None, template: str, *, tag: bool = False) -> str:
    """`` (line L, column C)`` with 1-based numbers, as liquidjs reports them; "" when unknown.

    With ``tag``, a position on a tag's name moves back to its ``{%``, where liquidjs puts it.
    """
    if token is None or token.start_index < 0 or token.source != template:
        return ""
    index = token.start_index
    if tag:
        opening = template.rfind("{%", 0, index)
        if opening >= 0 and not template[opening + 2 : index].strip(" \t\r\n-"):
            index = opening
    line = template.count("\n", 0, index) + 1
    column = index - (template.rfind("\n", 0, index) + 1) + 1
    return f" (line {line}, column {column})"


def syntax_reason(error: LiquidError, template: str) -> str:
    if isinstance(error, DisabledTagError):
        where = source_position(error.token, template, tag=True)
        return f'uses the disabled tag "{error.tag_name}"{where}'
    message = str(error.message)
    unknown_tag = re.fullmatch(r"unexpected tag '(.*)'", message)
    if unknown_tag:
        where = source_position(error.token, template, tag=True)
        return f'uses the unknown tag "{unknown_tag.group(1)}"{where}'
    return f"is not a valid Liquid template: {message}{source_position(error.token, template)}"


def render_reason(error: LiquidError, template: str) -> str:
    return f"could not be rendered: {error.message}{source_position(error.token, template)}"
