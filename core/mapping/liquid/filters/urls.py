"""URL filters with JavaScript's ``encodeURIComponent``/``decodeURIComponent`` rules, and ``slugify``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final
from urllib.parse import quote

from ..context import JsContext
from ..errors import LiquidJsError
from ..values import js_truthy, stringify
from .registry import FILTERS, argument, liquidjs_filter, string_filter
from .strings import JS_SPACE_RUN

_URI_COMPONENT_SAFE: Final = "-_.!~*'()"
_URI_SAFE: Final = _URI_COMPONENT_SAFE + ";,/?:@&=+$#"


def _encode_uri(text: str, safe: str) -> str:
    try:
        return quote(text.encode("utf-16-le", "surrogatepass").decode("utf-16-le"), safe=safe)
    except UnicodeDecodeError:
        raise LiquidJsError("URI malformed", token=None) from None


def _decode_uri_component(text: str) -> str:
    """JavaScript ``decodeURIComponent``: strict about malformed escapes and UTF-8."""
    pieces: list[str] = []
    index = 0
    while index < len(text):
        if text[index] != "%":
            next_escape = text.find("%", index)
            end = len(text) if next_escape < 0 else next_escape
            pieces.append(text[index:end])
            index = end
            continue
        raw = bytearray()
        while index < len(text) and text[index] == "%":
            hex_digits = text[index + 1 : index + 3]
            if len(hex_digits) < 2 or not all(c in "0123456789abcdefABCDEF" for c in hex_digits):
                raise LiquidJsError("URI malformed", token=None)
            raw.append(int(hex_digits, 16))
            index += 3
        try:
            pieces.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise LiquidJsError("URI malformed", token=None) from None
    return "".join(pieces)


FILTERS.update(
    {
        "url_encode": string_filter(
            lambda text: _encode_uri(text, _URI_COMPONENT_SAFE).replace("%20", "+")
        ),
        "url_decode": string_filter(lambda text: _decode_uri_component(text.replace("+", " "))),
        "cgi_escape": string_filter(
            lambda text: re.sub(
                r"[!'()*]",
                lambda match: f"%{ord(match.group()):X}",
                _encode_uri(text, _URI_COMPONENT_SAFE).replace("%20", "+"),
            )
        ),
        "uri_escape": string_filter(
            lambda text: _encode_uri(text, _URI_SAFE).replace("%5B", "[").replace("%5D", "]")
        ),
    }
)


def _is_slug_character(char: str, extra: str) -> bool:
    return (
        unicodedata.category(char)[0] in "ML" or unicodedata.category(char) == "Nd" or char in extra
    )


def _slug_runs(text: str, keep: Callable[[str], bool]) -> str:
    output: list[str] = []
    in_run = False
    for char in text:
        if keep(char):
            output.append(char)
            in_run = False
        elif not in_run:
            output.append("-")
            in_run = True
    return "".join(output)


_LATIN_ACCENTS: Final = (
    ("àáâãäå", "a"), ("æ", "ae"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ð", "d"),
    ("ñ", "n"), ("òóôõöø", "o"), ("ùúûü", "u"), ("ýÿ", "y"), ("ß", "ss"), ("œ", "oe"),
    ("þ", "th"), ("ẞ", "SS"), ("Œ", "OE"), ("Þ", "TH"),
)  # fmt: skip


@liquidjs_filter("slugify")
def _slugify(_context: JsContext, value: object, *args: object) -> object:
    text = stringify(value)
    mode = argument(args, 0, "default")
    if mode == "raw":
        text = JS_SPACE_RUN.sub("-", text)
    elif mode in ("default", "latin", "pretty", "ascii"):
        if mode == "latin":
            for accented, plain in _LATIN_ACCENTS:
                text = re.sub(f"[{accented}]", plain, text)
        if mode == "ascii":
            text = _slug_runs(text, lambda char: char.isascii() and char.isalnum())
        else:
            extra = "._~!$&'()+,;=@" if mode == "pretty" else ""
            text = _slug_runs(text, lambda char: _is_slug_character(char, extra))
    if mode in ("raw", "default", "latin", "pretty", "ascii"):
        text = text.removeprefix("-").removesuffix("-")
    return text if js_truthy(argument(args, 1, False)) else text.lower()
