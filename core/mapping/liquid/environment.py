"""python-liquid set up as Segment sets up liquidjs, and ``compile_liquid``, which turns a template
into a render function and every failure into a mapping error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Final

from liquid import Environment, Mode
from liquid.ast import Node
from liquid.builtin import register as register_builtins
from liquid.exceptions import LiquidError
from liquid.parser import get_parser

from ...errors import MappingRuntimeError, MappingValidationError, Problem
from ...jsvalues import utf16_len
from .adapt import adapt_parsed
from .context import JsTemplate
from .errors import render_reason, syntax_reason
from .expression_tokens import JsTokenStream
from .filters import environment_filters
from .limits import DISABLED_TAGS, MAX_TEMPLATE_LENGTH
from .tags import JsCycle, JsEcho, JsLiquid, JsOutput, disabled_tag
from .values import JsUndefined

_TAGS_LIQUIDJS_LACKS: Final = ("ifchanged", "doc")


class _SegmentLiquidEnvironment(Environment):
    """python-liquid configured as Segment configures liquidjs."""

    template_class = JsTemplate
    shorthand_indexes = True  # `a.0` as well as `a[0]`
    logical_not_operator = True  # liquidjs 10 knows `not`
    suppress_blank_control_flow_blocks = False  # liquidjs keeps whitespace-only `if` bodies
    block_nesting_limit: ClassVar[int] = 100  # liquidjs has none; 1000 characters allow ~50

    def _parse(self, source: str) -> list[Node]:
        # python-liquid's own `_parse` with one change: tags read their expressions as liquidjs does.
        return get_parser(self).parse(JsTokenStream(self.tokenizer()(source)))

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        register_builtins(self)
        for name in _TAGS_LIQUIDJS_LACKS:
            self.tags.pop(name, None)
        self.add_tag(JsOutput)
        self.add_tag(JsEcho)
        self.add_tag(JsCycle)
        self.add_tag(JsLiquid)
        for name in DISABLED_TAGS:
            self.add_tag(disabled_tag(name))
        self.filters.clear()
        for name, function in environment_filters().items():
            self.add_filter(name, function)


_ENVIRONMENT: Final = _SegmentLiquidEnvironment(
    tolerance=Mode.STRICT, undefined=JsUndefined, strict_filters=False, autoescape=False
)


def compile_liquid(template: str, location: str) -> Callable[[Any], str]:
    """Parse once; return a function rendering the template against one payload.

    The payload is the event, or an array element inside ``@arrayPath``. A dict's keys become the
    template's variables. Any other payload exposes what liquidjs exposes for it: a string's or an
    array's ``length`` and indices (``{{ length }}``, ``{{ [0] }}``), and nothing for numbers,
    booleans or null.
    """
    if utf16_len(template) > MAX_TEMPLATE_LENGTH:
        raise MappingValidationError(
            [Problem(location, f"should be a template of {MAX_TEMPLATE_LENGTH} characters or less")]
        )
    try:
        parsed = _ENVIRONMENT.from_string(template)
        assert isinstance(parsed, JsTemplate)
        problems = [Problem(location, reason) for reason in adapt_parsed(parsed, template)]
    except LiquidError as error:
        raise MappingValidationError([Problem(location, syntax_reason(error, template))]) from None
    except Exception as error:  # python-liquid bugs and recursion limits on odd input
        reason = f"is not a valid Liquid template: {error}"
        raise MappingValidationError([Problem(location, reason)]) from None
    if problems:
        raise MappingValidationError(problems)

    def render(payload: Any) -> str:
        try:
            return parsed.render_payload(payload)
        except LiquidError as error:
            raise MappingRuntimeError(location, render_reason(error, template)) from None
        except RecursionError:
            raise MappingRuntimeError(
                location, "could not be rendered: data nested too deeply"
            ) from None
        except Exception as error:  # never let a bare Python exception escape a mapping
            raise MappingRuntimeError(location, f"could not be rendered: {error}") from None

    return render
