"""Directives that choose or filter values: ``@if``, ``@literal`` and ``@excludeWhenNull``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...jsvalues import MISSING, loosely_equals_empty_string
from ..common import Resolver, truthy_as_written

if TYPE_CHECKING:
    from ..compiler import Compiler


def compile_literal(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """The argument resolved like any value: its use is wrapping text that looks like a template,
    or values such as ``false`` that would otherwise read as "no value"."""
    return compiler.value(argument, location)


def compile_if(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """``{"exists"|"blank": ..., "then": ..., "else": ...}``.

    ``exists`` holds when its value is neither missing nor null; ``blank`` also rejects values that
    JavaScript finds loosely equal to "" (``0``, ``false``, ``[]``). An ``else`` written as a falsy value
    (``false``, ``0``, ``""``, ``null``) counts as absent, while such a ``then`` is returned: Segment's
    asymmetry, kept because existing mappings rely on it.
    """
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    if not (
        truthy_as_written(argument.get("exists", MISSING))
        or truthy_as_written(argument.get("blank", MISSING))
    ):
        compiler.problem(location, 'should have field "exists" or "blank" but it doesn\'t')
        return _nothing
    resolve_then = options.get("then", _nothing)
    resolve_else = options["else"] if truthy_as_written(argument.get("else", MISSING)) else _nothing

    if "exists" in argument:
        resolve_exists = options["exists"]

        def resolve_if_exists(data: Any) -> Any:
            found = resolve_exists(data)
            if found is MISSING or found is None:
                return resolve_else(data)
            return resolve_then(data)

        return resolve_if_exists

    resolve_blank = options["blank"]

    def resolve_if_not_blank(data: Any) -> Any:
        found = resolve_blank(data)
        if found is MISSING or found is None or loosely_equals_empty_string(found):
            return resolve_else(data)
        return resolve_then(data)

    return resolve_if_not_blank


def compile_exclude_when_null(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """Drop a null value, and null-valued keys at any depth of nested objects (not inside arrays)."""
    resolve_value = compiler.value(argument, location)

    def resolve_exclude_when_null(data: Any) -> Any:
        value = resolve_value(data)
        if value is None:
            return MISSING
        return _without_nulls(value) if isinstance(value, dict) else value

    return resolve_exclude_when_null


def _without_nulls(value: dict[str, Any]) -> dict[str, Any]:
    # A new object: the value may be part of the caller's event, which must not change.
    return {
        key: _without_nulls(item) if isinstance(item, dict) else item
        for key, item in value.items()
        if item is not None
    }


def _nothing(data: Any) -> Any:
    return MISSING
