"""``json`` (alias ``jsonify``, ``inspect``): JavaScript's ``JSON.stringify``, key order and
indentation included.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ....jsvalues import number_to_string
from ..context import JsContext
from ..properties import array_index
from ..values import UNDEFINED, is_number, is_object, is_undefined, js_integer, to_value
from .registry import argument, liquidjs_filter


def _json_text(value: object, indent: str, depth: int = 0) -> str | None:
    """``JSON.stringify(value, null, indent)``; None where JavaScript gives undefined."""
    value = to_value(value)
    if is_undefined(value):
        return None
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return number_to_string(value) if math.isfinite(value) else "null"  # type: ignore[arg-type]
    if isinstance(value, str):
        return _json_string(value)
    newline = f"\n{indent * (depth + 1)}" if indent else ""
    closing = f"\n{indent * depth}" if indent else ""
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [_json_text(item, indent, depth + 1) or "null" for item in value]
        return "[" + newline + ("," + newline).join(items) + closing + "]"
    if is_object(value):
        colon = ": " if indent else ":"
        members = []
        for key in _js_key_order(value):
            text = _json_text(value[key], indent, depth + 1)
            if text is not None:
                members.append(f"{_json_string(key)}{colon}{text}")
        if not members:
            return "{}"
        return "{" + newline + ("," + newline).join(members) + closing + "}"
    return "{}"


def _js_key_order(obj: Mapping[str, Any]) -> list[str]:
    """Keys in JavaScript's order: array-index keys ("0", "7") ascending first, then the rest."""
    index_keys = sorted((key for key in obj if _is_index_key(key)), key=int)
    return index_keys + [key for key in obj if not _is_index_key(key)]


def _is_index_key(key: object) -> bool:
    index = array_index(key) if isinstance(key, str) else None
    return index is not None and index < 2**32 - 1


def _json_string(text: str) -> str:
    escaped = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            escaped.append("\\" + char)
        elif char in "\b\f\n\r\t":
            escaped.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            escaped.append(f"\\u{code:04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


@liquidjs_filter("json", "jsonify", "inspect")
def _json(context: JsContext, value: object, *args: object) -> object:
    space = argument(args, 0, 0)
    if is_number(space):
        indent = " " * min(10, max(0, js_integer(space)))  # type: ignore[arg-type]
    elif isinstance(space, str):
        indent = space[:10]
    else:
        indent = ""
    text = _json_text(value, indent)
    if text is not None:
        context.use_memory(len(text))
    return UNDEFINED if text is None else text
