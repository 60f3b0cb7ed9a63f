"""Errors the input decides (reference §7, decision D5): typed, with the place in the mapping."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import ActionsError, InvalidEventError, MappingRuntimeError
from actions_core.mapping import compile_mapping, transform, transform_batch


@pytest.mark.parametrize(
    ("mapping", "data", "message"),
    [
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {"n": 5},
            "/x/@path: expected string, got number",
            id="path-got-number",
        ),
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {},
            "/x/@path: expected string, got undefined",
            id="path-got-undefined",
        ),
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {"n": None},
            "/x/@path: expected string, got null",
            id="path-got-null",
        ),
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {"n": {"a": 1}},
            "/x/@path: expected string, got object",
            id="path-got-object",
        ),
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {"n": ["a"]},
            "/x/@path: expected string, got array",
            id="path-got-array",
        ),
        pytest.param(
            {"x": {"@path": {"@path": "$.n"}}},
            {"n": True},
            "/x/@path: expected string, got boolean",
            id="path-got-boolean",
        ),
        pytest.param(
            {"x": {"@template": {"@path": "$.n"}}},
            {"n": 5},
            "/x/@template: expected string, got number",
            id="template-got-number",
        ),
        pytest.param(
            {"@path": {"@path": "$.n"}},
            {"n": 5},
            "/@path: expected string, got number",
            id="top-level-directive",
        ),
        pytest.param(
            {"a": {"b": [{"@template": {"@path": "$.n"}}]}},
            {"n": 1},
            "/a/b/0/@template: expected string, got number",
            id="inside-array",
        ),
        pytest.param(
            {"x": {"@if": {"exists": "y", "then": {"@path": {"@path": "$.n"}}}}},
            {"n": 5},
            "/x/@if/then/@path: expected string, got number",
            id="inside-if-branch",
        ),
    ],
)
def test_runtime_error_names_the_place(
    mapping: dict[str, Any], data: dict[str, Any], message: str
) -> None:
    """compat D5: the input decides, so these stay runtime errors, now with a location."""
    compiled = compile_mapping(mapping)  # the mapping itself is valid

    with pytest.raises(MappingRuntimeError) as caught:
        compiled.transform(data)

    assert str(caught.value) == message


def test_runtime_error_has_location_reason_and_code() -> None:
    with pytest.raises(MappingRuntimeError) as caught:
        transform({"x": {"@path": {"@path": "$.n"}}}, {"n": 5})

    error = caught.value
    assert error.location == "/x/@path"
    assert error.reason == "expected string, got number"
    assert error.code == "MAPPING_FAILED"
    assert isinstance(error, ActionsError)


def test_runtime_error_inside_array_path_shape() -> None:
    mapping = {"x": {"@arrayPath": ["$.items", {"id": {"@path": {"@path": "$.k"}}}]}}

    with pytest.raises(MappingRuntimeError) as caught:
        transform(mapping, {"items": [{"k": "id"}, {"k": 5}]})

    assert caught.value.reason == "expected string, got number"


def test_same_mapping_works_when_the_input_fits() -> None:
    mapping = {"x": {"@path": {"@path": "$.p"}}}

    assert transform(mapping, {"p": "a.b", "a": {"b": "deep"}}) == {"x": "deep"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param([], "data must be an object, got array", id="array"),
        pytest.param(None, "data must be an object, got null", id="null"),
        pytest.param("s", "data must be an object, got string", id="string"),
        pytest.param(5, "data must be an object, got number", id="number"),
        pytest.param(True, "data must be an object, got boolean", id="boolean"),
    ],
)
def test_transform_needs_an_object(data: Any, message: str) -> None:
    with pytest.raises(InvalidEventError) as caught:
        transform({"x": {"@path": "$.a"}}, data)

    assert str(caught.value) == message
    assert isinstance(caught.value, ActionsError)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        pytest.param({}, "data must be an array, got object", id="object"),
        pytest.param("s", "data must be an array, got string", id="string"),
        pytest.param(None, "data must be an array, got null", id="null"),
    ],
)
def test_transform_batch_needs_a_list(items: Any, message: str) -> None:
    with pytest.raises(InvalidEventError) as caught:
        transform_batch({"x": {"@path": "$.a"}}, items)

    assert str(caught.value) == message


def test_compiled_transform_needs_an_object() -> None:
    compiled = compile_mapping({"x": {"@path": "$.a"}})

    with pytest.raises(InvalidEventError) as caught:
        compiled.transform([{"a": 1}])

    assert str(caught.value) == "data must be an object, got array"


def test_compiled_transform_batch_needs_a_list() -> None:
    compiled = compile_mapping({"x": {"@path": "$.a"}})

    with pytest.raises(InvalidEventError) as caught:
        compiled.transform_batch({"a": 1})

    assert str(caught.value) == "data must be an array, got object"
