"""HTML filters: escaping (``escape``, ``escape_once``, ``xml_escape``) and ``strip_html``."""

from __future__ import annotations

import re
from typing import Final

from ..context import JsContext
from ..values import stringify
from .registry import FILTERS, liquidjs_filter, string_filter

_HTML_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_HTML_UNESCAPES: Final = {escaped: raw for raw, escaped in _HTML_ESCAPES.items()}


def _html_escape(text: str) -> str:
    return re.sub(r"[&<>\"']", lambda match: _HTML_ESCAPES[match.group()], text)


FILTERS.update(
    {
        "escape": string_filter(_html_escape),
        "xml_escape": string_filter(_html_escape),
        "escape_once": string_filter(
            lambda text: _html_escape(
                re.sub(r"&(amp|lt|gt|#34|#39);", lambda match: _HTML_UNESCAPES[match.group()], text)
            )
        ),
    }
)

_HTML_BLOCKS: Final = (
    ("<script", "</script>"),
    ("<style", "</style>"),
    ("<!--", "-->"),
    ("<", ">"),
)


@liquidjs_filter("strip_html")
def _strip_html(context: JsContext, value: object, *_args: object) -> object:
    text = stringify(value)
    context.use_memory(len(text))
    blocks = list(_HTML_BLOCKS)
    output: list[str] = []
    index = 0
    while index < len(text):
        opening = text.find("<", index)
        if opening < 0:
            return "".join(output) + text[index:]
        output.append(text[index:opening])
        for block in list(blocks):
            opener, closer = block
            if not text.startswith(opener, opening):
                continue
            closing = text.find(closer, opening + len(opener))
            if closing >= 0:
                index = closing + len(closer)
                break
            blocks.remove(block)
        if index <= opening:
            return "".join(output) + text[opening:]
    return "".join(output)
