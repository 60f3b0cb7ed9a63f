"""Comparison operators with liquidjs's semantics: strict ``==`` (no coercion, arrays item by item),
JavaScript's coercing ``<``/``>``, ``contains``, and the literals ``nil``/``empty``/``blank``.
"""

from __future__ import annotations

from typing import Final

from liquid import RenderContext
from liquid.builtin.expressions.logical import (
    ContainsExpression,
    EqExpression,
    GeExpression,
    GtExpression,
    LeExpression,
    LtExpression,
    NeExpression,
)
from liquid.builtin.expressions.primitive import Blank, Empty, Nil
from liquid.expression import Expression

from ...jsvalues import JS_WHITESPACE
from .values import (
    code_units,
    is_nil,
    is_number,
    is_object,
    is_undefined,
    js_join,
    js_number,
    js_string,
    to_value,
)


class _NullLiteral:
    """The literal ``nil``/``null`` in a comparison: liquidjs's NullDrop (== null and undefined)."""


NULL_LITERAL: Final = _NullLiteral()


def _operand(expression: Expression, context: RenderContext) -> object:
    if isinstance(expression, Nil):
        return NULL_LITERAL
    return to_value_keep_drops(expression.evaluate(context))


def to_value_keep_drops(value: object) -> object:
    return value if isinstance(value, Empty | Blank) else to_value(value)


def _drop_equals(drop: object, other: object) -> bool:
    """``nil``/``empty``/``blank`` compared with a value, as liquidjs's drops compare."""
    if isinstance(drop, _NullLiteral):
        return is_nil(other) or isinstance(other, _NullLiteral)
    if isinstance(drop, Blank) and (
        other is False
        or is_nil(other)
        or (isinstance(other, str) and not other.strip(JS_WHITESPACE))
    ):
        return True
    if isinstance(other, Empty | Blank | _NullLiteral):
        return False
    if isinstance(other, str | list | dict):
        return len(other) == 0
    return False


def equals(left: object, right: object) -> bool:
    """liquidjs ``==``: strict equality (no coercion), arrays compared item by item."""
    if isinstance(left, Empty | Blank | _NullLiteral):
        return _drop_equals(left, right)
    if isinstance(right, Empty | Blank | _NullLiteral):
        return _drop_equals(right, left)
    if isinstance(left, list):
        return (
            isinstance(right, list)
            and len(left) == len(right)
            and all(equals(a, b) for a, b in zip(left, right, strict=True))
        )
    if is_undefined(left) or is_undefined(right):
        return is_undefined(left) and is_undefined(right)
    if left is None or right is None:
        return left is right
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if is_number(left) and is_number(right):
        return bool(left == right)
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    return left is right


def _to_primitive(value: object) -> object:
    if isinstance(value, list):
        return js_join(value, ",")
    if is_object(value):
        return "[object Object]"
    return value


def _less_than(left: object, right: object) -> bool | None:
    """JavaScript's abstract ``left < right``: None when undefined (a NaN was involved)."""
    left, right = _to_primitive(left), _to_primitive(right)
    if isinstance(left, str) and isinstance(right, str):
        return code_units(left) < code_units(right)
    a, b = js_number(left), js_number(right)
    if a != a or b != b:
        return None
    return a < b


def _is_drop(value: object) -> bool:
    return isinstance(value, Empty | Blank | _NullLiteral)


class _JsEq(EqExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return equals(_operand(self.left, context), _operand(self.right, context))


class _JsNe(NeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return not equals(_operand(self.left, context), _operand(self.right, context))


class _JsLt(LtExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = _operand(self.left, context), _operand(self.right, context)
        return not (_is_drop(left) or _is_drop(right)) and _less_than(left, right) is True


class _JsGt(GtExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = _operand(self.left, context), _operand(self.right, context)
        return not (_is_drop(left) or _is_drop(right)) and _less_than(right, left) is True


class _JsLe(LeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = _operand(self.left, context), _operand(self.right, context)
        return not (_is_drop(left) or _is_drop(right)) and _less_than(right, left) is False


class _JsGe(GeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = _operand(self.left, context), _operand(self.right, context)
        return not (_is_drop(left) or _is_drop(right)) and _less_than(left, right) is False


class _JsContains(ContainsExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left = to_value(self.left.evaluate(context))
        right = _operand(self.right, context)
        if isinstance(left, list):
            return any(equals(item, right) for item in left)
        if isinstance(left, str):
            needle = "null" if isinstance(right, _NullLiteral) else js_string(to_value(right))
            return needle in left
        return False


JS_COMPARISONS: Final[dict[type[Expression], type[Expression]]] = {
    EqExpression: _JsEq,
    NeExpression: _JsNe,
    LtExpression: _JsLt,
    GtExpression: _JsGt,
    LeExpression: _JsLe,
    GeExpression: _JsGe,
    ContainsExpression: _JsContains,
}
