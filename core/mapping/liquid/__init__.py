"""The ``@liquid`` directive: Liquid templates rendered as Segment's engine (liquidjs) renders them.

Segment renders ``@liquid`` with liquidjs 10 under fixed limits, with some tags and filters off.
This package reuses python-liquid's lexer, parser and tags and swaps in what makes the output agree
with liquidjs: JavaScript text for values (``1.0`` → ``1``, arrays joined without separator,
objects as ``[object Object]``), JavaScript property access (``a.length``, ``a.size``, ``a[-1]``),
strict ``==`` and coercing ``<``/``>``, and liquidjs's own filter set with JavaScript arithmetic
(``7 | divided_by: 2`` → ``3.5``). Unknown filters pass their input through, as in liquidjs.

Dates follow liquidjs on a server whose clock is UTC, in the en-US locale (Segment's setting).

Usage::

    render = compile_liquid("Hello, {{ properties.name | upcase }}!", "/greeting/@liquid")
    render({"properties": {"name": "Bob"}})   # "Hello, BOB!"
"""

from __future__ import annotations

from .environment import compile_liquid
from .limits import DISABLED_FILTERS, DISABLED_TAGS, MAX_TEMPLATE_LENGTH

__all__ = ["DISABLED_FILTERS", "DISABLED_TAGS", "MAX_TEMPLATE_LENGTH", "compile_liquid"]
