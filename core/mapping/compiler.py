"""Compile a mapping once: validate it completely, then turn it into nested resolver functions.

Validation and compilation are one walk. Every problem is collected with its location; if there are any,
:class:`~actions_core.errors.MappingValidationError` lists them all. A mapping that compiles is applied by
calling resolvers, with no parsing or validation per event.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import InvalidEventError, MappingValidationError, Problem
from ..jsvalues import MISSING, js_type_name
from .common import Resolver, child, constant, is_directive, type_word
from .directives import DIRECTIVES

__all__ = [
    "CompiledMapping",
    "Compiler",
    "compile_cached",
    "compile_mapping",
    "transform",
    "transform_batch",
    "validate_mapping",
]

ROOT_DIRECTIVE_KEY = "__segment_internal_directive"


class Compiler:
    """Walks one mapping, collecting problems and building resolvers.

    Directive compilers (``directives/``) receive this object to compile their arguments and report
    problems, so every check lands in one list in document order.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Values reported at another place than where they sit: the keys the root directive injects.
        self._relocated: dict[int, str] = {}

    def relocate(self, value: Any, location: str) -> None:
        """Report problems inside ``value`` (an object of this mapping) as if it sat at ``location``."""
        self._relocated[id(value)] = location

    def problem(self, location: str, reason: str) -> None:
        self.problems.append(Problem(location, reason))

    def value(self, value: Any, location: str, *, keep_missing: bool = False) -> Resolver:
        """Compile any mapping value: a directive, a raw object or array, or a constant.

        ``keep_missing`` keeps keys whose value resolved to nothing in a raw object, for ``@merge``,
        where such a key erases the same key of an earlier object.
        """
        if self._relocated:
            location = self._relocated.get(id(value), location)
        if isinstance(value, dict):
            if any(isinstance(key, str) and key.startswith("@") for key in value):
                return self.directive(value, location)
            return self.object(value, location, keep_missing=keep_missing)
        if isinstance(value, list):
            return self.array(value, location)
        return constant(value)

    def directive(self, value: dict[str, Any], location: str) -> Resolver:
        keys = list(value)
        directive_keys = [key for key in keys if key.startswith("@")]
        if len(directive_keys) > 1:
            self.problem(
                location,
                f"should only have one @-prefixed key but it has {len(directive_keys)} keys",
            )
            return constant(MISSING)
        if any(key != "_metadata" for key in keys if not key.startswith("@")):
            self.problem(
                location, f"should only have one @-prefixed key but it has {len(keys)} keys"
            )
            return constant(MISSING)
        name = directive_keys[0]
        compile_directive = DIRECTIVES.get(name)
        if compile_directive is None:
            self.problem(location, f"has an invalid directive: {name}")
            return constant(MISSING)
        return compile_directive(self, value[name], child(location, name))

    def object(
        self, value: dict[str, Any], location: str, *, keep_missing: bool = False
    ) -> Resolver:
        items = tuple((key, self.value(item, child(location, key))) for key, item in value.items())
        if keep_missing:

            def resolve_keeping_missing(data: Any) -> dict[str, Any]:
                return {key: resolve(data) for key, resolve in items}

            return resolve_keeping_missing

        def resolve_object(data: Any) -> dict[str, Any]:
            result = {}
            for key, resolve in items:
                item = resolve(data)
                if item is not MISSING:
                    result[key] = item
            return result

        return resolve_object

    def array(self, value: list[Any], location: str) -> Resolver:
        elements = tuple(self.value(item, child(location, str(i))) for i, item in enumerate(value))

        def resolve_array(data: Any) -> list[Any]:
            # A JavaScript hole left by a missing element serialises as null.
            return [None if (item := resolve(data)) is MISSING else item for resolve in elements]

        return resolve_array

    def options(
        self, value: Any, location: str, *, skip: Iterable[str] = ()
    ) -> dict[str, Resolver] | None:
        """Compile a directive's options object: every value is checked here, named fields after.

        Returns resolvers by option name, or None (after reporting it) when ``value`` is not an options
        object. Keys in ``skip`` are left for the directive to compile itself.
        """
        if not isinstance(value, dict) or is_directive(value):
            self.problem(location, f"should be an object but it is {type_word(value)}")
            return None
        skipped = set(skip)
        return {
            key: self.value(item, child(location, key))
            for key, item in value.items()
            if key not in skipped
        }

    # Field checks shared by the directives' option rules.

    def require(self, options: dict[str, Any], key: str, location: str) -> bool:
        if key in options:
            return True
        self.problem(location, f'should have field "{key}" but it doesn\'t')
        return False

    def check_string(self, value: Any, location: str) -> bool:
        if isinstance(value, str):
            return True
        self.problem(location, f"should be a string but it is {type_word(value)}")
        return False

    def check_string_or_directive(self, value: Any, location: str) -> bool:
        if isinstance(value, str) or is_directive(value):
            return True
        self.problem(
            location, f"should be a string or a mapping directive but it is {type_word(value)}"
        )
        return False

    def check_object_or_directive(self, value: Any, location: str) -> bool:
        if isinstance(value, dict):
            return True
        self.problem(
            location, f"should be an object or a mapping directive but it is {type_word(value)}"
        )
        return False


class CompiledMapping:
    """A validated mapping, ready to apply to any number of events.

    Results share unchanged sub-values (objects, arrays) with the input event instead of copying them;
    treat both as read-only.
    """

    __slots__ = ("_resolve", "source")

    def __init__(self, source: Any, resolve: Resolver) -> None:
        self.source = source
        self._resolve = resolve

    def transform(self, data: Any) -> Any:
        """Apply the mapping to one event (a JSON object). MISSING when the result is nothing."""
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise InvalidEventError(f"data must be an object, got {js_type_name(data)}")
            data = dict(data)  # paths read plain dicts; any other mapping is copied at the top
        return self._resolve(data)

    def transform_batch(self, items: Any) -> list[Any]:
        """Apply the mapping to each event of a list, in order."""
        if not isinstance(items, list):
            raise InvalidEventError(f"data must be an array, got {js_type_name(items)}")
        return [self.transform(item) for item in items]

    def __repr__(self) -> str:
        return f"CompiledMapping({json.dumps(self.source)[:80]})"


def _compile(mapping: Any) -> tuple[Resolver | None, list[Problem]]:
    compiler = Compiler()
    if not isinstance(mapping, dict):
        compiler.problem("/", f"should be an object but it is {type_word(mapping)}")
        return None, compiler.problems
    if ROOT_DIRECTIVE_KEY in mapping:
        mapping = _expand_root_directive(mapping, compiler)
        if compiler.problems:
            return None, compiler.problems
    resolve = compiler.value(mapping, "/")
    return (None if compiler.problems else resolve), compiler.problems


def _expand_root_directive(mapping: dict[str, Any], compiler: Compiler) -> Any:
    """Turn ``{"__segment_internal_directive": {"@transform": {...}}, ...rest}`` into that directive
    with the other keys injected as its ``mapping`` option."""
    root = mapping[ROOT_DIRECTIVE_KEY]
    if not isinstance(root, dict) or len(root) != 1:
        compiler.problem(
            child("/", ROOT_DIRECTIVE_KEY), "must be an object holding a single directive"
        )
        return mapping
    ((name, argument),) = root.items()
    if not isinstance(argument, dict):
        compiler.problem(
            child(child("/", ROOT_DIRECTIVE_KEY), name),
            f"should be an object but it is {type_word(argument)}",
        )
        return mapping
    rest = {key: value for key, value in mapping.items() if key != ROOT_DIRECTIVE_KEY}
    compiler.relocate(rest, "/")  # the user wrote these keys at the top of the mapping
    return {name: {**argument, "mapping": rest}}


def compile_mapping(mapping: Any) -> CompiledMapping:
    """Validate ``mapping`` and compile it; raise MappingValidationError listing every problem."""
    resolve, problems = _compile(mapping)
    if resolve is None:
        raise MappingValidationError(problems)
    return CompiledMapping(mapping, resolve)


def validate_mapping(mapping: Any) -> list[Problem]:
    """Every problem in ``mapping`` (empty when it is valid). Never raises for a bad mapping."""
    return _compile(mapping)[1]


@functools.lru_cache(maxsize=1024)
def _compile_cached(key: str) -> CompiledMapping:
    return compile_mapping(json.loads(key))


def compile_cached(mapping: Any) -> CompiledMapping:
    """:func:`compile_mapping` through a cache keyed by the mapping's content."""
    # Keyed by the mapping's JSON text: a caller mutating their dict later cannot corrupt the cache.
    try:
        key = json.dumps(mapping, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return compile_mapping(mapping)  # not JSON; compile_mapping reports what it can
    return _compile_cached(key)


def transform(mapping: Any, data: Any) -> Any:
    """Apply ``mapping`` to one event, compiling it at most once per distinct mapping.

    Hot paths should hold the :class:`CompiledMapping` from :func:`compile_mapping` instead, which
    skips the cache lookup.
    """
    return compile_cached(mapping).transform(data)


def transform_batch(mapping: Any, items: Any) -> list[Any]:
    """Apply ``mapping`` to each event of a list, in order."""
    return compile_cached(mapping).transform_batch(items)


ResolverFactory = Callable[[Compiler, Any, str], Resolver]
