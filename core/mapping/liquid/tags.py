"""The tags whose output python-liquid would print its own way (``{{ }}``, ``echo``, ``cycle``),
redone to print JavaScript text; the tags that read expressions without a tag's help (``{{ }}``,
``liquid``), redone to read them as liquidjs does; and the stand-in for tags Segment switches off.
"""

from __future__ import annotations

from typing import Any, TextIO

from liquid import RenderContext
from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.cycle_tag import CycleNode, CycleTag
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.builtin.tags.liquid_tag import LiquidTag
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

from .context import JsContext
from .errors import DisabledTagError
from .expression_tokens import JsTokenStream, expression_stream
from .values import stringify


class _JsOutputMixin:
    expression: Expression

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        text = stringify(self.expression.evaluate(context))
        assert isinstance(context, JsContext)
        context.use_memory(0)
        return buffer.write(text)


class _JsOutputNode(_JsOutputMixin, OutputNode):
    __slots__ = ()


class _JsEchoNode(_JsOutputMixin, EchoNode):
    __slots__ = ()


class JsOutput(Output):
    node_class = _JsOutputNode

    def parse(self, stream: TokenStream) -> OutputNode:
        token = stream.eat(TOKEN_OUTPUT)
        expression = stream.expect(TOKEN_EXPRESSION)
        return self.node_class(
            token, FilteredExpression.parse(self.env, expression_stream(expression))
        )


class JsEcho(EchoTag):
    node_class = _JsEchoNode


class _JsCycleNode(CycleNode):
    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        group = stringify(self.group.evaluate(context)) if self.group else ""
        values = [arg.evaluate(context) for arg in self.args]
        key = f"cycle:{group}:" + ",".join(str(arg) for arg in self.args)
        index = context.cycle(key, len(values))
        return buffer.write(stringify(values[index])) if index < len(values) else 0


class JsCycle(CycleTag):
    node_class = _JsCycleNode


class JsLiquid(LiquidTag):
    """``{% liquid %}``: its lines are tags, whose expressions are read as liquidjs reads them."""

    def parse(self, stream: TokenStream) -> Node:
        if stream.peek.kind != TOKEN_EXPRESSION:  # empty, or a tag straight after: nothing to read
            return super().parse(stream)
        token = stream.eat(TOKEN_TAG)
        lines = stream.expect(TOKEN_EXPRESSION)
        tags = JsTokenStream(
            self._tokenize(lines.value, token=lines), block_depth_carry=stream.block_depth
        )
        return self.node_class(token, lines, block=get_parser(self.env).parse_block(tags, end=()))


def disabled_tag(tag_name: str) -> type[Tag]:
    class DisabledTag(Tag):
        name = tag_name
        block = False

        def parse(self, stream: Any) -> Any:
            raise DisabledTagError(tag_name, stream.current)

    return DisabledTag
