"""Math filters with JavaScript arithmetic: inputs coerced as liquidjs's ``toNumber`` does, division
by zero giving Infinity or NaN, and whole results kept as ints so they print as JavaScript prints.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from ....jsvalues import number_to_string, to_number
from ..context import JsContext
from ..values import number_or_zero
from .registry import FILTERS, FilterFunction, argument, liquidjs_filter

_MAX_SAFE_INTEGER: Final = 2.0**53 - 1


def _math_filter(operation: Callable[..., float]) -> FilterFunction:
    def apply(_context: JsContext, value: object, *args: object) -> object:
        return number_result(
            operation(number_or_zero(value), *(number_or_zero(arg) for arg in args))
        )

    return apply


def number_result(number: float) -> float | int:
    """Keep whole results that fit exactly as ints, so they print and index naturally."""
    if isinstance(number, float) and number.is_integer() and abs(number) <= _MAX_SAFE_INTEGER:
        return int(number)
    return number


def _js_divide(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _js_remainder(a: float, b: float) -> float:
    if a != a or b != b or math.isinf(a) or b == 0:
        return math.nan
    if math.isinf(b):
        return a
    return math.fmod(a, b)


def _js_floor(a: float) -> float:
    return a if a != a or math.isinf(a) else float(math.floor(a))


def _js_ceil(a: float) -> float:
    return a if a != a or math.isinf(a) else float(math.ceil(a))


def _js_round_half_up(a: float) -> float:
    if a != a or math.isinf(a):
        return a
    floor = math.floor(a)
    return float(floor + 1 if a - floor >= 0.5 else floor)


def _js_extreme(pick: Callable[..., float], empty: float) -> Callable[..., float]:
    def apply(*numbers: float) -> float:
        if any(n != n for n in numbers):
            return math.nan
        return pick(numbers) if numbers else empty

    return apply


def _divided_by(a: float, b: float = math.nan, integer_arithmetic: float = 0.0, *_: float) -> float:
    quotient = _js_divide(a, b)
    return _js_floor(quotient) if integer_arithmetic else quotient


def _modulo(a: float, b: float = math.nan, *_: float) -> float:
    return _js_remainder(_js_remainder(a, b) + b, b)


FILTERS.update(
    {
        "abs": _math_filter(lambda a=math.nan, *_: abs(a)),
        "at_least": _math_filter(_js_extreme(max, -math.inf)),
        "at_most": _math_filter(_js_extreme(min, math.inf)),
        "ceil": _math_filter(lambda a=math.nan, *_: _js_ceil(a)),
        "floor": _math_filter(lambda a=math.nan, *_: _js_floor(a)),
        "divided_by": _math_filter(_divided_by),
        "minus": _math_filter(lambda a, b=math.nan, *_: a - b),
        "plus": _math_filter(lambda a, b=math.nan, *_: a + b),
        "times": _math_filter(lambda a, b=math.nan, *_: a * b),
        "modulo": _math_filter(_modulo),
    }
)


def _shift_decimal(number: float, exponent: float) -> float:
    mantissa, _, power = number_to_string(number).partition("e")
    return to_number(f"{mantissa}e{number_to_string(to_number(power or '0') + exponent)}")


@liquidjs_filter("round")
def _round(_context: JsContext, value: object, *args: object) -> object:
    number, places = number_or_zero(value), number_or_zero(argument(args, 0, 0))
    scaled = _shift_decimal(abs(number), places)
    if not scaled <= _MAX_SAFE_INTEGER:
        return number_result(number)
    rounded = _shift_decimal(_js_round_half_up(scaled), -places)
    return number_result(-rounded if number < 0 else rounded)
