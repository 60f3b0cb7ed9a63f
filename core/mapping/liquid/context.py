"""The render context and template: JavaScript property lookups, counters that count on from the
payload, and liquidjs's memory and time limits charged per render.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from io import StringIO
from typing import Any

from liquid import BoundTemplate, RenderContext
from liquid.exceptions import LiquidError, LiquidInterrupt
from liquid.token import Token
from liquid.undefined import UNDEFINED as _NO_DEFAULT
from liquid.utils import ReadOnlyChainMap

from ...jsvalues import number_to_string
from .errors import LiquidJsError
from .limits import MEMORY_LIMIT, RENDER_SECONDS
from .properties import PrimitiveScope, lookup_root, read_property
from .values import is_number, is_object, is_undefined


class _JsNumber(float):
    """A number that prints as JavaScript prints it (for counters python-liquid ``str()``-s)."""

    def __str__(self) -> str:
        return number_to_string(float(self))


class JsContext(RenderContext):
    """A render context with JavaScript property access and liquidjs's render limits."""

    __slots__ = ("_deadline", "_memory_used")

    def __init__(
        self, template: BoundTemplate, *, globals: Mapping[str, object] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(template, globals=globals, **kwargs)
        if globals is not None:
            self.globals = globals  # kept even when empty: a string payload's scope is "empty"
        # Variables: assigned ones, then counters, then the payload. python-liquid's built-in
        # `now`/`today` variables do not exist in liquidjs.
        self.scope = ReadOnlyChainMap(self.locals, self.counters, self.globals)
        self._memory_used = 0
        self._deadline = time.monotonic() + RENDER_SECONDS

    def use_memory(self, amount: float) -> None:
        """Charge ``amount`` characters/elements to this render, as liquidjs's memoryLimit does."""
        if amount > 0:
            self._memory_used += int(amount)
            if self._memory_used > MEMORY_LIMIT:
                raise LiquidJsError("memory alloc limit exceeded", token=None)
        if time.monotonic() > self._deadline:
            raise LiquidJsError("template render limit exceeded", token=None)

    def get(
        self, path: list[object], *, token: Token | None, default: object = _NO_DEFAULT
    ) -> object:
        segments = iter(path)
        value = lookup_root(self.scope, next(segments))
        for segment in segments:
            value = read_property(value, segment)
        return default if is_undefined(value) and default is not _NO_DEFAULT else value

    def get_item(self, obj: Any, key: Any) -> Any:
        value = read_property(obj, key)
        if is_undefined(value):
            raise KeyError(key)
        return value

    def resolve(
        self, name: str, *, token: Token | None = None, default: object = _NO_DEFAULT
    ) -> Any:
        return self.get([name], token=token, default=default)

    def increment(self, name: str) -> int:
        # liquidjs counts on from a number the payload already holds under that name.
        current = self._counter(name)
        self.counters[name] = _JsNumber(current + 1)  # type: ignore[assignment]
        return _JsNumber(current)  # type: ignore[return-value]

    def decrement(self, name: str) -> int:
        current = _JsNumber(self._counter(name) - 1)
        self.counters[name] = current  # type: ignore[assignment]
        return current  # type: ignore[return-value]

    def _counter(self, name: str) -> float:
        value = self.counters.get(name, lookup_root(self.globals, name))
        return float(value) if is_number(value) else 0.0  # type: ignore[arg-type]


class JsTemplate(BoundTemplate):
    context_class = JsContext

    def render_payload(self, payload: Any) -> str:
        scope = payload if is_object(payload) else PrimitiveScope(payload)
        context = JsContext(self, globals=scope)
        buffer = StringIO()
        for node in self.nodes:
            try:
                node.render(context, buffer)
            except LiquidInterrupt:
                break  # liquidjs stops the whole template at a `break`/`continue` outside a loop
            except LiquidError as error:
                error.token = error.token or node.token
                raise
        return buffer.getvalue()
