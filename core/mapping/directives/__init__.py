"""The directives of the mapping language, by name.

Each entry compiles one directive's argument into a resolver, reporting problems to the
:class:`~actions_core.mapping.compiler.Compiler`. Adding a directive means adding one function here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..common import Resolver
from . import logic, objects, paths, text

if TYPE_CHECKING:
    from ..compiler import Compiler

DirectiveCompiler = Callable[["Compiler", Any, str], Resolver]

DIRECTIVES: dict[str, DirectiveCompiler] = {
    "@path": paths.compile_path,
    "@arrayPath": paths.compile_array_path,
    "@template": text.compile_template,
    "@case": text.compile_case,
    "@replace": text.compile_replace,
    "@liquid": text.compile_liquid_directive,
    "@literal": logic.compile_literal,
    "@if": logic.compile_if,
    "@excludeWhenNull": logic.compile_exclude_when_null,
    "@merge": objects.compile_merge,
    "@transform": objects.compile_transform,
    "@flatten": objects.compile_flatten,
    "@json": objects.compile_json,
}
