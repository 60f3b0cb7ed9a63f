"""Where filters are registered, and the helpers every filter module writes with.

Every filter is liquidjs's, written against the JavaScript value rules in ``values``.
Implementations receive the render context, the input and the arguments as liquidjs would (keyword
arguments arrive as trailing ``[name, value]`` pairs); a missing argument is simply not there.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import JsContext
from ..errors import LiquidJsError
from ..values import UNDEFINED, is_undefined, stringify, to_value

FilterFunction = Callable[..., object]
FILTERS: dict[str, FilterFunction] = {}


def liquidjs_filter(*names: str) -> Callable[[FilterFunction], FilterFunction]:
    def register(function: FilterFunction) -> FilterFunction:
        for name in names:
            FILTERS[name] = function
        return function

    return register


def adapt_filter(function: FilterFunction) -> Callable[..., object]:
    def liquid_filter(value: object, *args: object, context: JsContext, **kwargs: object) -> object:
        context.use_memory(0)
        arguments = [to_value(arg) for arg in args]
        arguments.extend([name, to_value(arg)] for name, arg in kwargs.items())
        return function(context, to_value(value), *arguments)

    liquid_filter.with_context = True  # type: ignore[attr-defined]
    return liquid_filter


def disabled_filter(name: str) -> FilterFunction:
    def refuse(_context: JsContext, _value: object, *_args: object) -> object:
        raise LiquidJsError(f'filter "{name}" is disabled', token=None)

    return refuse


def argument(args: tuple[object, ...], index: int, default: object = UNDEFINED) -> object:
    """Argument ``index``, or ``default`` when it is missing or undefined (JS default params)."""
    if index < len(args) and not is_undefined(args[index]):
        return args[index]
    return default


def string_filter(operation: Callable[[str], object]) -> FilterFunction:
    def apply(context: JsContext, value: object, *_args: object) -> object:
        text = stringify(value)
        context.use_memory(len(text))
        return operation(text)

    return apply
