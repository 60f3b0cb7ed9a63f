"""`@flatten` (reference §4.10): nested objects and arrays to one level of joined keys."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


def _flatten(value: Any, separator: str = ".", **options: Any) -> Any:
    mapping = {"@flatten": {"value": {"@path": "$.v"}, "separator": separator, **options}}
    return transform(mapping, {"v": value})


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {"@flatten": {"value": {"@path": "$.foo"}, "separator": "."}},
            {
                "foo": {
                    "bar": "baz",
                    "aces": {"a": 1},
                    "arr": [1, {"c": 3}],
                    "e": {},
                    "ea": [],
                    "n": None,
                }
            },
            {"bar": "baz", "aces.a": 1, "arr.0": 1, "arr.1.c": 3, "n": None},
            id="objects-arrays-empties-null",
        ),
        pytest.param(
            {"@flatten": {"value": {"@path": "$.foo"}, "separator": "_", "omitArrays": True}},
            {"foo": {"aces": {"a": 1}, "arr": [1, {"c": 3}]}},
            {"aces_a": 1, "arr": [1, {"c": 3}]},
            id="omit-arrays",
        ),
        pytest.param(
            {
                "x": {"@flatten": {"value": {"@path": "$.s"}, "separator": "."}},
                "y": {"@flatten": {"value": {"@path": "$.missing"}, "separator": "."}},
            },
            {"s": "scalar"},
            {"x": {"": "scalar"}, "y": {}},
            id="scalar-and-missing",
        ),
    ],
)
def test_reference_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param({"a": {"b": 1}, "a.b": 2}, {"a.b": 2}, id="later-key-wins"),
        pytest.param({"a.b": 2, "a": {"b": 1}}, {"a.b": 1}, id="later-nested-wins"),
        pytest.param({"a": {"": 1}}, {"a.": 1}, id="empty-key"),
    ],
)
def test_collisions(value: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _flatten(value) == expected


def test_top_level_array_uses_indices() -> None:
    assert _flatten([1, {"a": 2}]) == {"0": 1, "1.a": 2}


def test_empty_object_gives_empty_object() -> None:
    assert _flatten({}) == {}


def test_multi_character_separator() -> None:
    assert _flatten({"a": {"b": {"c": 1}}}, separator="::") == {"a::b::c": 1}


@pytest.mark.parametrize(
    ("omit_arrays", "expected"),
    [
        pytest.param("yes", {"a": [1]}, id="truthy-string-keeps-arrays"),
        pytest.param(0, {"a.0": 1}, id="zero-descends-arrays"),
        pytest.param(False, {"a.0": 1}, id="false-descends-arrays"),
    ],
)
def test_omit_arrays_truthiness(omit_arrays: Any, expected: dict[str, Any]) -> None:
    assert _flatten({"a": [1]}, omitArrays=omit_arrays) == expected


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("options", "messages"),
    [
        pytest.param(
            {"value": 1, "separator": {"@path": "s"}},
            ["/x/@flatten/separator should be a string but it is a directive."],
            id="separator-directive",
        ),
        pytest.param(
            {"value": 1},
            ['/x/@flatten should have field "separator" but it doesn\'t.'],
            id="compat-D2-no-separator",
        ),
        pytest.param(
            {"value": 1, "separator": ""},
            ['/x/@flatten should have field "separator" but it doesn\'t.'],
            id="compat-D2-empty-separator",
        ),
        pytest.param(
            {"separator": "."},
            ['/x/@flatten should have field "value" but it doesn\'t.'],
            id="no-value",
        ),
    ],
)
def test_validation_messages(options: dict[str, Any], messages: list[str]) -> None:
    assert _messages({"x": {"@flatten": options}}) == messages
