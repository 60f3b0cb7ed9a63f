"""Date filters: ``date`` with a strftime pattern and a time zone, and Jekyll's named formats."""

from __future__ import annotations

from typing import Final

from ..context import JsContext
from ..dates import parse_date
from ..strftime import strftime
from ..values import is_nil, stringify
from .registry import argument, liquidjs_filter

_DEFAULT_DATE_FORMAT: Final = "%A, %B %-e, %Y at %-l:%M %P %z"


@liquidjs_filter("date")
def _date(context: JsContext, value: object, *args: object) -> object:
    context.use_memory(len(value) if isinstance(value, str | list) else 0)
    date = parse_date(value, argument(args, 1))
    if date is None:
        return value
    pattern = argument(args, 0, None)
    pattern_text = _DEFAULT_DATE_FORMAT if is_nil(pattern) else stringify(pattern)
    context.use_memory(len(pattern_text))
    return strftime(date, pattern_text, context)


@liquidjs_filter("date_to_xmlschema")
def _date_to_xmlschema(context: JsContext, value: object, *_args: object) -> object:
    return _date(context, value, "%Y-%m-%dT%H:%M:%S%:z")


@liquidjs_filter("date_to_rfc822")
def _date_to_rfc822(context: JsContext, value: object, *_args: object) -> object:
    date = parse_date(value)
    return value if date is None else strftime(date, "%a, %d %b %Y %H:%M:%S %z", context)


def _stringify_date(
    context: JsContext, value: object, month: str, args: tuple[object, ...]
) -> object:
    date = parse_date(value)
    if date is None:
        return value
    kind, style = argument(args, 0), argument(args, 1)
    if kind == "ordinal":
        if style == "US":
            return strftime(date, f"{month} {date.day}%q, %Y", context)
        return strftime(date, f"{date.day}%q {month} %Y", context)
    return strftime(date, f"%d {month} %Y", context)


@liquidjs_filter("date_to_string")
def _date_to_string(context: JsContext, value: object, *args: object) -> object:
    return _stringify_date(context, value, "%b", args)


@liquidjs_filter("date_to_long_string")
def _date_to_long_string(context: JsContext, value: object, *args: object) -> object:
    return _stringify_date(context, value, "%B", args)
