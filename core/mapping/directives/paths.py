"""``@path`` and ``@arrayPath``: read values from the event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...errors import MappingRuntimeError
from ...jsvalues import MISSING, js_type_name
from ..common import Resolver, type_word
from ..paths import compile_getter, parse_path, walk

if TYPE_CHECKING:
    from ..compiler import Compiler


def compile_path(compiler: Compiler, argument: Any, location: str) -> Resolver:
    if not compiler.check_string_or_directive(argument, location):
        return _nothing
    if isinstance(argument, str):
        return compile_getter(parse_path(argument))
    resolve_path = compiler.value(argument, location)

    def resolve_dynamic_path(data: Any) -> Any:
        path = resolve_path(data)
        if not isinstance(path, str):
            raise MappingRuntimeError(location, f"expected string, got {js_type_name(path)}")
        keys = parse_path(path)
        return data if keys is None else walk(data, keys)

    return resolve_dynamic_path


def compile_array_path(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """``["$.products", {item shape}]``: the shape is applied to each element, paths relative to it."""
    if not isinstance(argument, list):
        compiler.problem(location, f"should be an array but it is {type_word(argument)}")
        return _nothing
    root_argument = argument[0] if argument else MISSING
    if not compiler.check_string_or_directive(root_argument, location):
        return _nothing
    if isinstance(root_argument, str):
        resolve_root = compile_getter(parse_path(root_argument))
    else:
        resolve_root = compiler.value(root_argument, location)
    shape = argument[1] if len(argument) > 1 else MISSING
    resolve_item = None if shape is MISSING else compiler.value(shape, location)
    if not (isinstance(shape, dict) and shape and resolve_item is not None):
        return resolve_root  # no usable shape: the value is returned as it is

    def resolve_array_path(data: Any) -> Any:
        root = resolve_root(data)
        if isinstance(root, dict):
            root = [root]
        elif not isinstance(root, list):
            return root
        return [None if (item := resolve_item(element)) is MISSING else item for element in root]

    return resolve_array_path


def _nothing(data: Any) -> Any:
    return MISSING
