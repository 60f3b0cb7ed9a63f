"""Properties that hold for every mapping and every event (hypothesis).

Two mapping generators: `any_mappings` mixes directives of every shape, well-formed or not, with
raw values; `valid_mappings` builds only shapes the reference (§6) accepts, so they must compile.
"""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions_core.errors import MappingRuntimeError, MappingValidationError, Problem
from actions_core.mapping import MISSING, compile_mapping, transform_batch, validate_mapping

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---- JSON values and events -------------------------------------------------------------------

KEYS = st.sampled_from(["a", "b", "n", "s", "items", "0", "1", "length", "k.dot", "x y"])
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)
events = st.dictionaries(KEYS | st.text(max_size=4), json_values, max_size=6)

# ---- building blocks of mappings --------------------------------------------------------------

PATHS = st.sampled_from(
    ["$.a", "a", "$.a.b", "$.items[0]", "items.0.a", "$.s.length", "", "$.", "$", "..", "$.n"]
) | st.text(max_size=8)
TEMPLATES = st.sampled_from(
    ["{{a}}", "Hi {{ s }}!", "{{{a}}}", "{{a.b}}|{{n}}", "{{}}", "{{ }}", "", "{{$.a}}"]
) | st.text(max_size=10)
LIQUID = st.sampled_from(
    ["", "Hi {{ s }}", "{{ a | upcase }}", "{% if n %}y{% else %}n{% endif %}", "{{ items.size }}"]
)
RAW_KEYS = (KEYS | st.text(max_size=4)).filter(lambda key: not key.startswith("@"))


def _optional(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries(required, optional=optional)


def _directives(
    child: st.SearchStrategy[Any], nested: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Directives whose arguments the reference's validation accepts (and D2 does not reject).

    ``child`` draws any valid value; ``nested`` draws a directive for the arguments that must be a
    string or a directive (``st.nothing()`` at the innermost level).
    """
    string_or_directive = st.text(max_size=8) | nested
    path_or_directive = PATHS | nested
    object_or_directive = st.dictionaries(RAW_KEYS, child, max_size=3) | nested
    truthy = nested | st.text(min_size=1, max_size=4) | st.integers(min_value=1)
    return st.one_of(
        st.builds(lambda p: {"@path": p}, path_or_directive),
        st.builds(lambda t: {"@template": t}, TEMPLATES | nested),
        st.builds(lambda v: {"@literal": v}, child),
        st.builds(
            lambda o: {"@if": o},
            _optional({"exists": truthy}, {"blank": child, "then": child, "else": child}),
        ),
        st.builds(
            lambda o: {"@if": o}, _optional({"blank": truthy}, {"then": child, "else": child})
        ),
        st.builds(
            lambda o: {"@case": o},
            _optional(
                {"operator": st.sampled_from(["lower", "upper"])}, {"value": string_or_directive}
            ),
        ),
        st.builds(
            lambda o: {"@replace": o},
            _optional(
                {"pattern": st.text(min_size=1, max_size=5), "value": string_or_directive},
                {
                    "replacement": st.text(max_size=5),
                    "ignorecase": st.booleans(),
                    "global": st.booleans(),
                    "pattern2": st.text(min_size=1, max_size=5),
                    "replacement2": st.text(max_size=5),
                },
            ),
        ),
        st.builds(
            lambda p, shape: {"@arrayPath": [p, *shape]},
            path_or_directive,
            st.lists(child, max_size=1),
        ),
        st.builds(
            lambda o: {"@merge": o},
            _optional(
                {
                    "direction": st.sampled_from(["left", "right", "RIGHT", "Left"]),
                    "objects": st.lists(object_or_directive, max_size=3),
                },
                {},
            ),
        ),
        st.builds(
            lambda o: {"@transform": o},
            _optional({"apply": object_or_directive, "mapping": object_or_directive}, {}),
        ),
        st.builds(
            lambda o: {"@flatten": o},
            _optional(
                {"value": child, "separator": st.text(min_size=1, max_size=2)},
                {"omitArrays": st.booleans()},
            ),
        ),
        st.builds(
            lambda o: {"@json": o},
            _optional(
                {"mode": st.sampled_from(["encode", "decode", "ENCODE", "Decode"]), "value": child},
                {},
            ),
        ),
        st.builds(lambda v: {"@excludeWhenNull": v}, child),
        st.builds(lambda t: {"@liquid": t}, LIQUID),
    )


def _valid_directives(child: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return _directives(child, _directives(child, st.nothing()))


def _valid_values(child: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return (
        _valid_directives(child)
        | st.lists(child, max_size=3)
        | st.dictionaries(RAW_KEYS, child, max_size=3)
    )


valid_values = st.recursive(json_scalars, _valid_values, max_leaves=10)
valid_mappings = st.dictionaries(RAW_KEYS, valid_values, max_size=4) | _valid_directives(
    valid_values
)

ANY_ARGUMENT_KEYS = st.sampled_from(
    [
        "exists", "blank", "then", "else", "operator", "value", "pattern", "replacement",
        "ignorecase", "global", "pattern2", "replacement2", "direction", "objects", "apply",
        "mapping", "separator", "omitArrays", "mode", "_metadata", "@path", "extra",
    ]
)  # fmt: skip
DIRECTIVE_NAMES = st.sampled_from(
    [
        "@path", "@template", "@literal", "@if", "@case", "@replace", "@arrayPath", "@merge",
        "@transform", "@flatten", "@json", "@excludeWhenNull", "@liquid", "@nope", "@Path",
    ]
)  # fmt: skip


def _any_values(child: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Anything: valid directives, directives with random arguments, and malformed objects."""
    random_options = st.dictionaries(ANY_ARGUMENT_KEYS, child | PATHS, max_size=4)
    return (
        _valid_directives(child)
        | st.builds(lambda name, arg: {name: arg}, DIRECTIVE_NAMES, child | random_options | PATHS)
        | st.builds(
            lambda name, arg, extra: {name: arg, **extra},
            DIRECTIVE_NAMES,
            child,
            st.dictionaries(KEYS | DIRECTIVE_NAMES | st.just("_metadata"), child, max_size=2),
        )
        | st.lists(child, max_size=3)
        | st.dictionaries(KEYS | st.text(max_size=3), child, max_size=3)
    )


any_values = st.recursive(json_scalars, _any_values, max_leaves=10)
any_mappings = (
    st.dictionaries(KEYS | st.just("__segment_internal_directive"), any_values, max_size=4)
    | any_values
)

# ---- properties --------------------------------------------------------------------------------


def _contains_missing(value: Any) -> bool:
    if value is MISSING:
        return True
    if isinstance(value, dict):
        return any(_contains_missing(item) for item in value.values())
    if isinstance(value, list):
        return any(_contains_missing(item) for item in value)
    return False


@SETTINGS
@given(any_mappings)
def test_compile_returns_or_raises_validation_error(mapping: Any) -> None:
    try:
        compile_mapping(mapping)
    except MappingValidationError as error:
        problems: tuple[Problem, ...] = error.problems
    else:
        return
    assert problems, "a validation error lists at least one problem"


@SETTINGS
@given(any_mappings)
def test_validate_mapping_agrees_with_compile(mapping: Any) -> None:
    problems = validate_mapping(mapping)

    assert isinstance(problems, list)
    try:
        compile_mapping(mapping)
    except MappingValidationError as error:
        raised: list[Problem] = list(error.problems)
    else:
        raised = []

    assert problems == raised


@SETTINGS
@given(valid_mappings)
def test_well_formed_mappings_compile(mapping: Any) -> None:
    assert validate_mapping(mapping) == []
    compile_mapping(mapping)


@SETTINGS
@given(valid_mappings, events)
def test_result_is_json_or_a_runtime_error(mapping: Any, event: dict[str, Any]) -> None:
    compiled = compile_mapping(mapping)
    try:
        result = compiled.transform(event)
    except MappingRuntimeError:
        return
    if result is MISSING:
        return
    assert not _contains_missing(result)
    json.dumps(result)


@SETTINGS
@given(any_mappings, events)
def test_any_mapping_any_event_fails_only_with_typed_errors(
    mapping: Any, event: dict[str, Any]
) -> None:
    try:
        compiled = compile_mapping(mapping)
        result = compiled.transform(event)
    except (MappingValidationError, MappingRuntimeError):
        return
    assert result is MISSING or not _contains_missing(result)


@SETTINGS
@given(valid_mappings, events)
def test_transform_does_not_modify_the_event_or_the_mapping(
    mapping: Any, event: dict[str, Any]
) -> None:
    event_before = copy.deepcopy(event)
    mapping_before = copy.deepcopy(mapping)
    compiled = compile_mapping(mapping)
    with contextlib.suppress(MappingRuntimeError):
        compiled.transform(event)

    assert event == event_before
    assert mapping == mapping_before


@SETTINGS
@given(valid_mappings, st.lists(events, max_size=3))
def test_batch_is_transform_of_each_item(mapping: Any, items: list[dict[str, Any]]) -> None:
    compiled = compile_mapping(mapping)
    try:
        expected = [compiled.transform(item) for item in items]
    except MappingRuntimeError:
        return

    assert transform_batch(mapping, items) == expected
    assert compiled.transform_batch(items) == expected


@SETTINGS
@given(valid_mappings, events)
def test_transform_is_repeatable(mapping: Any, event: dict[str, Any]) -> None:
    compiled = compile_mapping(mapping)
    try:
        first = compiled.transform(event)
    except MappingRuntimeError:
        return

    assert compiled.transform(event) == first
