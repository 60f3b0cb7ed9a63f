"""Directives that build or reshape objects: ``@merge``, ``@transform``, ``@flatten`` and ``@json``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ...jsvalues import MISSING, json_stringify
from ..common import Resolver, child, truthy_as_written, type_word

if TYPE_CHECKING:
    from ..compiler import Compiler


def compile_merge(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """Shallow-merge objects in order (``right``: later wins) or reversed (``left``: earlier wins).

    As in JavaScript's ``Object.assign``, a key whose value resolved to nothing erases the same key of an
    earlier object, and strings or arrays contribute their indexes as keys.
    """
    options = compiler.options(argument, location, skip=("objects",))
    if options is None:
        return _nothing
    direction = argument.get("direction", MISSING)
    if direction is MISSING or direction == "":
        compiler.problem(location, 'should have field "direction" but it doesn\'t')
    elif compiler.check_string(direction, child(location, "direction")) and (
        direction.lower() not in ("left", "right")
    ):
        compiler.problem(
            child(location, "direction"), f'should be one of left, right but it is "{direction}"'
        )
    entries: list[Resolver] = []
    if compiler.require(argument, "objects", location):
        objects, objects_location = argument["objects"], child(location, "objects")
        if not isinstance(objects, list):
            compiler.problem(objects_location, f"should be an array but it is {type_word(objects)}")
        else:
            for index, entry in enumerate(objects):
                entry_location = child(objects_location, str(index))
                if compiler.check_object_or_directive(entry, entry_location):
                    entries.append(compiler.value(entry, entry_location, keep_missing=True))
    if isinstance(direction, str) and direction.lower() == "left":
        entries.reverse()

    def resolve_merge(data: Any) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for resolve in entries:
            value = resolve(data)
            if isinstance(value, dict):
                merged.update(value)
            elif isinstance(value, str | list):
                merged.update((str(index), item) for index, item in enumerate(value))
        return {key: value for key, value in merged.items() if value is not MISSING}

    return resolve_merge


def compile_transform(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """Apply the ``apply`` mapping, then map its result (only its result) with ``mapping``."""
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    ok = True
    for key in ("apply", "mapping"):
        if compiler.require(argument, key, location):
            ok = compiler.check_object_or_directive(argument[key], child(location, key)) and ok
        else:
            ok = False
    if not ok:
        return _nothing
    resolve_apply, resolve_mapping = options["apply"], options["mapping"]

    def resolve_transform(data: Any) -> Any:
        return resolve_mapping(resolve_apply(data))

    return resolve_transform


def compile_flatten(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """Flatten nested objects (and arrays, unless ``omitArrays``) into one level of joined keys."""
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    separator = argument.get("separator", MISSING)
    if separator is not MISSING and not compiler.check_string(
        separator, child(location, "separator")
    ):
        separator = MISSING
    elif separator is MISSING or separator == "":
        compiler.problem(location, 'should have field "separator" but it doesn\'t')
    present = compiler.require(argument, "value", location)
    if not present or not isinstance(separator, str):
        return _nothing
    resolve_value = options["value"]
    omit_arrays = truthy_as_written(argument.get("omitArrays", MISSING))

    def resolve_flatten(data: Any) -> dict[str, Any]:
        flat: dict[str, Any] = {}
        value = resolve_value(data)
        if value is not MISSING:
            _flatten_into(flat, value, "", separator, omit_arrays)
        return flat

    return resolve_flatten


def _flatten_into(
    flat: dict[str, Any], value: Any, prefix: str, separator: str, omit: bool
) -> None:
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list) and not omit:
        items = enumerate(value)
    else:
        flat[prefix] = value
        return
    for key, item in items:
        _flatten_into(
            flat, item, f"{prefix}{separator}{key}" if prefix else str(key), separator, omit
        )


def compile_json(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """``{"mode": "encode"|"decode", "value": ...}``: JSON text from a value, or a value from JSON text."""
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    has_value = compiler.require(argument, "value", location)
    mode = argument.get("mode", MISSING)
    if compiler.require(argument, "mode", location) and compiler.check_string(
        mode, child(location, "mode")
    ):
        mode = mode.lower()
        if mode not in ("encode", "decode"):
            compiler.problem(
                child(location, "mode"),
                f'should be one of encode, decode but it is "{argument["mode"]}"',
            )
    if not has_value or mode not in ("encode", "decode"):
        return _nothing
    resolve_value = options["value"]

    if mode == "encode":

        def resolve_encode(data: Any) -> Any:
            return json_stringify(resolve_value(data))

        return resolve_encode

    def resolve_decode(data: Any) -> Any:
        value = resolve_value(data)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value, parse_constant=_reject_constant)
        except ValueError:
            return value  # not JSON: the text itself, as Segment does

    return resolve_decode


def _reject_constant(name: str) -> Any:
    # JSON.parse knows no NaN or Infinity; Python's parser would accept them.
    raise ValueError(name)


def _nothing(data: Any) -> Any:
    return MISSING
