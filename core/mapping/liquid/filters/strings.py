"""String filters: case, whitespace, appending, splitting, replacing, truncating and counting words,
all on liquidjs's text of the input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Final

from ....jsvalues import JS_WHITESPACE, utf16_len
from ..context import JsContext
from ..errors import LiquidJsError
from ..values import code_units, js_integer, js_number, js_truthy, stringify
from .registry import FILTERS, FilterFunction, argument, liquidjs_filter, string_filter


def _js_trim(text: str, start: bool = True, end: bool = True) -> str:
    if start:
        text = text.lstrip(JS_WHITESPACE)
    if end:
        text = text.rstrip(JS_WHITESPACE)
    return text


JS_SPACE_RUN: Final = re.compile(f"[{re.escape(JS_WHITESPACE)}]+")


FILTERS.update(
    {
        "downcase": string_filter(str.lower),
        "upcase": string_filter(str.upper),
        "capitalize": string_filter(lambda text: text[:1].upper() + text[1:].lower()),
        "strip_newlines": string_filter(lambda text: re.sub(r"\r?\n", "", text)),
        "squish": string_filter(lambda text: _js_trim(JS_SPACE_RUN.sub(" ", text))),
        "normalize_whitespace": string_filter(lambda text: JS_SPACE_RUN.sub(" ", text)),
    }
)


def _two_argument_filter(name: str, join: Callable[[str, str], str]) -> FilterFunction:
    def apply(context: JsContext, value: object, *args: object) -> object:
        if len(args) != 1:
            raise LiquidJsError(f"{name} expect 2 arguments", token=None)
        left, right = stringify(value), stringify(args[0])
        context.use_memory(len(left) + len(right))
        return join(left, right)

    return apply


FILTERS["append"] = _two_argument_filter("append", lambda left, right: left + right)
FILTERS["prepend"] = _two_argument_filter("prepend", lambda left, right: right + left)


def _strip_filter(start: bool, end: bool) -> FilterFunction:
    def apply(context: JsContext, value: object, *args: object) -> object:
        text = stringify(value)
        context.use_memory(len(text))
        characters = argument(args, 0, None)
        if not js_truthy(characters):
            return _js_trim(text, start, end)
        chars = stringify(characters)
        if start:
            text = text.lstrip(chars)
        if end:
            text = text.rstrip(chars)
        return text

    return apply


FILTERS.update(
    {
        "strip": _strip_filter(True, True),
        "lstrip": _strip_filter(True, False),
        "rstrip": _strip_filter(False, True),
    }
)


def _js_split(text: str, separator: str) -> list[str]:
    return list(code_units(text)) if separator == "" else text.split(separator)


@liquidjs_filter("split")
def _split(context: JsContext, value: object, *args: object) -> object:
    text = stringify(value)
    context.use_memory(len(text))
    parts = _js_split(text, stringify(argument(args, 0)))
    while parts and parts[-1] == "":
        parts.pop()
    return parts


@liquidjs_filter("remove")
def _remove(context: JsContext, value: object, *args: object) -> object:
    text, target = stringify(value), stringify(argument(args, 0))
    context.use_memory(len(text) + len(target))
    return "".join(_js_split(text, target))


@liquidjs_filter("remove_first")
def _remove_first(context: JsContext, value: object, *args: object) -> object:
    text, target = stringify(value), stringify(argument(args, 0))
    context.use_memory(len(text) + len(target))
    return text.replace(target, "", 1)


@liquidjs_filter("remove_last")
def _remove_last(context: JsContext, value: object, *args: object) -> object:
    text, target = stringify(value), stringify(argument(args, 0))
    context.use_memory(len(text) + len(target))
    index = text.rfind(target)
    return text if index < 0 else text[:index] + text[index + len(target) :]


@liquidjs_filter("replace")
def _replace(context: JsContext, value: object, *args: object) -> object:
    text, target, replacement = (
        stringify(value),
        stringify(argument(args, 0)),
        stringify(argument(args, 1)),
    )
    parts = _js_split(text, target)
    context.use_memory(len(text) + (len(parts) - 1) * (len(replacement) - len(target)))
    return replacement.join(parts)


@liquidjs_filter("replace_first")
def _replace_first(context: JsContext, value: object, *args: object) -> object:
    text, target, replacement = (
        stringify(value),
        stringify(argument(args, 0)),
        stringify(argument(args, 1)),
    )
    context.use_memory(len(text) + len(target) + len(replacement))
    return text.replace(target, replacement, 1)


@liquidjs_filter("replace_last")
def _replace_last(context: JsContext, value: object, *args: object) -> object:
    text, target, replacement = (
        stringify(value),
        stringify(argument(args, 0)),
        stringify(argument(args, 1)),
    )
    context.use_memory(len(text) + len(target) + len(replacement))
    index = text.rfind(target)
    return text if index < 0 else text[:index] + replacement + text[index + len(target) :]


def code_points_within(count: object) -> int:
    """How many code points liquidjs's ``advanceCodePoints(str, 0, count)`` steps over."""
    number = js_number(count)
    if number != number or number <= 0:
        return 0
    return js_integer(math.ceil(number))


@liquidjs_filter("truncate")
def _truncate(context: JsContext, value: object, *args: object) -> object:
    text, ellipsis = stringify(value), stringify(argument(args, 1, "..."))
    length = argument(args, 0, 50)
    context.use_memory(len(text) + len(ellipsis))
    limit = js_number(length)
    if utf16_len(text) <= limit or code_points_within(length) >= len(text):
        return value
    keep = max(limit - len(ellipsis), 0) if limit == limit else math.nan
    return text[: code_points_within(keep)] + ellipsis


@liquidjs_filter("truncatewords")
def _truncatewords(context: JsContext, value: object, *args: object) -> object:
    text, ellipsis = stringify(value), stringify(argument(args, 1, "..."))
    context.use_memory(len(text) + len(ellipsis))
    words = JS_SPACE_RUN.split(_js_trim(text, end=False))
    count = js_number(argument(args, 0, 15))
    if count <= 0:
        count = 1
    kept = " ".join(words[: max(js_integer(count), 0)])
    return kept + ellipsis if len(words) >= count else kept


_CJK: Final = "\u4e00-\u9fff\uf900-\ufaff\u3400-\u4dbf\u3040-\u309f\u30a0-\u30ff\uac00-\ud7af"
_CJK_CHARACTER: Final = re.compile(f"[{_CJK}]")
_NON_CJK_WORD: Final = re.compile(f"[^{_CJK}{re.escape(JS_WHITESPACE)}]+")


@liquidjs_filter("number_of_words")
def _number_of_words(context: JsContext, value: object, *args: object) -> object:
    text = _js_trim(stringify(value))
    context.use_memory(len(text))
    if not text:
        return 0
    mode = argument(args, 0)
    cjk = len(_CJK_CHARACTER.findall(text))
    if mode == "cjk" or (mode == "auto" and cjk):
        return cjk + len(_NON_CJK_WORD.findall(text))
    return len(JS_SPACE_RUN.split(text))
