"""Byte-level filters on the UTF-8 text Node would produce: base64 and SHA-256 hashes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re

from ..context import JsContext
from ..errors import LiquidJsError
from ..values import stringify, utf8_bytes
from .registry import FILTERS, argument, liquidjs_filter, string_filter

FILTERS.update(
    {
        "sha256": string_filter(lambda text: hashlib.sha256(utf8_bytes(text)).hexdigest()),
        "base64_encode": string_filter(
            lambda text: base64.b64encode(utf8_bytes(text)).decode("ascii")
        ),
    }
)


def _is_base64(text: str) -> bool:
    text = re.sub(r"[\t\n\f\r ]", "", text)
    if len(text) % 4 == 0:
        text = re.sub(r"==?$", "", text)
    return len(text) % 4 != 1 and re.fullmatch(r"[A-Za-z0-9+/]*", text) is not None


@liquidjs_filter("base64_decode")
def _base64_decode(context: JsContext, value: object, *_args: object) -> object:
    text = stringify(value)
    context.use_memory(len(text))
    if not _is_base64(text):
        raise LiquidJsError("invalid base64 provided to base64_decode", token=None)
    cleaned = re.sub(r"[^A-Za-z0-9+/]", "", text)
    try:
        raw = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except binascii.Error:
        raw = b""
    return raw.decode("utf-8", "replace")


@liquidjs_filter("hmac_sha256")
def _hmac_sha256(context: JsContext, value: object, *args: object) -> object:
    text, key = stringify(value), stringify(argument(args, 0))
    context.use_memory(len(text) + len(key))
    return hmac.new(utf8_bytes(key), utf8_bytes(text), hashlib.sha256).hexdigest()
