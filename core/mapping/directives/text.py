"""Directives that produce text: ``@template``, ``@case``, ``@replace`` and ``@liquid``."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...errors import MappingRuntimeError, MappingValidationError
from ...jsvalues import MISSING, array_join, js_type_name, number_to_string, utf16_len
from ..common import Resolver, child, truthy_as_written, type_word
from ..paths import parse_template_key, walk

if TYPE_CHECKING:
    from ..compiler import Compiler

_TRIPLE = re.compile(r"\{\{\{([^}]+)\}\}\}")
_DOUBLE = re.compile(r"\{\{([^}]+)\}\}")


def text_of(value: Any) -> str:
    """How a value prints inside a template: nothing for null/missing, JavaScript text otherwise."""
    if isinstance(value, str):
        return value
    if value is None or value is MISSING:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_to_string(value)
    if isinstance(value, list):
        return array_join(value)
    return "[object Object]"


def _lookup(key: str, data: Any) -> str:
    keys = parse_template_key(key.strip())
    return text_of(data if keys is None else walk(data, keys))


@functools.lru_cache(maxsize=1024)
def _compile_template_text(template: str) -> Callable[[Any], str]:
    """Render ``{{{key}}}`` placeholders first, then ``{{key}}`` ones, as Segment does in two passes.

    Text inserted by the first pass is scanned by the second; that case is rendered with the two
    regex passes. Otherwise the template is split once into literal text and lookups.
    """
    if _TRIPLE.search(template):

        def render_two_passes(data: Any) -> str:
            once = _TRIPLE.sub(lambda match: _lookup(match.group(1), data), template)
            return _DOUBLE.sub(lambda match: _lookup(match.group(1), data), once)

        return render_two_passes

    pieces = _DOUBLE.split(template)  # literal, key, literal, key, ..., literal
    if len(pieces) == 1:
        return lambda data: template
    literals = pieces[0::2]
    lookups = tuple(parse_template_key(key.strip()) for key in pieces[1::2])

    def render(data: Any) -> str:
        parts = [literals[0]]
        for keys, literal in zip(lookups, literals[1:], strict=True):
            parts.append(text_of(data if keys is None else walk(data, keys)))
            parts.append(literal)
        return "".join(parts)

    return render


def compile_template(compiler: Compiler, argument: Any, location: str) -> Resolver:
    if not compiler.check_string_or_directive(argument, location):
        return _nothing
    if isinstance(argument, str):
        return _compile_template_text(argument)
    resolve_template = compiler.value(argument, location)

    def resolve_dynamic_template(data: Any) -> str:
        template = resolve_template(data)
        if not isinstance(template, str):
            raise MappingRuntimeError(location, f"expected string, got {js_type_name(template)}")
        return _compile_template_text(template)(data)

    return resolve_dynamic_template


def compile_case(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """``{"operator": "lower"|"upper", "value": ...}``: change the case of a string, leave others."""
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    operator = argument.get("operator", MISSING)
    value = argument.get("value", MISSING)
    if operator is not MISSING:
        compiler.check_string(operator, child(location, "operator"))
    if value is not MISSING:
        compiler.check_string_or_directive(value, child(location, "value"))
    if operator is MISSING or operator == "":
        compiler.problem(location, 'should have field "operator" but it doesn\'t')
    elif isinstance(operator, str) and operator not in ("lower", "upper"):
        compiler.problem(
            child(location, "operator"), f'should be one of lower, upper but it is "{operator}"'
        )
    if not truthy_as_written(value):
        return _nothing
    resolve_value = options["value"]
    change_case = str.lower if operator == "lower" else str.upper

    def resolve_case(data: Any) -> Any:
        result = resolve_value(data)
        return change_case(result) if isinstance(result, str) else result

    return resolve_case


def compile_replace(compiler: Compiler, argument: Any, location: str) -> Resolver:
    """Replace a literal pattern (not a regex) in a string, optionally twice."""
    options = compiler.options(argument, location)
    if options is None:
        return _nothing
    ok = compiler.require(argument, "pattern", location)
    ok = _check_text(compiler, argument, "pattern", location, shortest=1) and ok
    ok = _check_text(compiler, argument, "replacement", location, shortest=0) and ok
    ok = compiler.require(argument, "value", location) and ok
    if "value" in argument:
        ok = compiler.check_string_or_directive(argument["value"], child(location, "value")) and ok
    for flag in ("ignorecase", "global"):
        if flag in argument and not isinstance(argument[flag], bool):
            compiler.problem(
                child(location, flag), f"should be a boolean but it is {type_word(argument[flag])}"
            )
            ok = False
    ok = _check_text(compiler, argument, "pattern2", location, shortest=0) and ok
    ok = _check_text(compiler, argument, "replacement2", location, shortest=0) and ok
    if not ok or not truthy_as_written(argument["value"]):
        return _nothing

    flags = re.IGNORECASE if argument.get("ignorecase", False) else 0
    count = 0 if argument.get("global", True) else 1
    steps = [_replacer(argument["pattern"], argument.get("replacement") or "", flags, count)]
    if argument.get("pattern2"):
        steps.append(
            _replacer(argument["pattern2"], argument.get("replacement2") or "", flags, count)
        )
    resolve_value = options["value"]

    def resolve_replace(data: Any) -> str:
        text = _replaceable_text(resolve_value(data))
        for step in steps:
            text = step(text)
        return text

    return resolve_replace


def _check_text(
    compiler: Compiler, argument: dict[str, Any], key: str, location: str, *, shortest: int
) -> bool:
    if key not in argument:
        return True
    value, where = argument[key], child(location, key)
    if not compiler.check_string(value, where):
        return False
    if utf16_len(value) > 10:
        compiler.problem(where, "should be a string of length 10 or less")
        return False
    if utf16_len(value) < shortest:
        compiler.problem(where, f"should be a string of length {shortest} or greater")
        return False
    return True


def _replaceable_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return text_of(value)
    return ""


_SPECIAL = re.compile(r"\$([$&`'])")


def _replacer(pattern: str, replacement: str, flags: int, count: int) -> Callable[[str], str]:
    """A literal search-and-replace honouring JavaScript's ``$&``, ``$$``, `` $` `` and ``$'``."""
    regex = re.compile(re.escape(pattern), flags)
    if "$" not in replacement:
        return lambda text: regex.sub(lambda match: replacement, text, count=count)
    parts = _SPECIAL.split(replacement)  # literal, special, literal, ...

    def substitute(match: re.Match[str]) -> str:
        text = match.string
        out = [parts[0]]
        for special, literal in zip(parts[1::2], parts[2::2], strict=True):
            if special == "$":
                out.append("$")
            elif special == "&":
                out.append(match.group(0))
            elif special == "`":
                out.append(text[: match.start()])
            else:
                out.append(text[match.end() :])
            out.append(literal)
        return "".join(out)

    return lambda text: regex.sub(substitute, text, count=count)


def compile_liquid_directive(compiler: Compiler, argument: Any, location: str) -> Resolver:
    if not compiler.check_string(argument, location):
        return _nothing
    from ..liquid import compile_liquid  # imported on first use: python-liquid is slow to import

    try:
        return compile_liquid(argument, location)
    except MappingValidationError as error:
        compiler.problems.extend(error.problems)
        return _nothing


def _nothing(data: Any) -> Any:
    return MISSING
