"""Filters that pass values through or convert them: ``default``, ``to_integer`` and ``raw``."""

from __future__ import annotations

from ..context import JsContext
from ..values import UNDEFINED, js_number, js_truthy, liquid_falsy
from .arithmetic import number_result
from .registry import liquidjs_filter


@liquidjs_filter("default")
def _default(_context: JsContext, value: object, *args: object) -> object:
    fallback = args[0] if args else UNDEFINED
    if isinstance(value, list | str):
        return value if value else fallback
    if value is False:
        options = {
            pair[0]: pair[1] for pair in args[1:] if isinstance(pair, list) and len(pair) == 2
        }
        if js_truthy(options.get("allow_false", False)):
            return False
    return fallback if liquid_falsy(value) else value


@liquidjs_filter("to_integer")
def _to_integer(_context: JsContext, value: object, *_args: object) -> object:
    return number_result(js_number(value))


@liquidjs_filter("raw")
def _raw(_context: JsContext, value: object, *_args: object) -> object:
    return value
