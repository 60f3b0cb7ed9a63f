"""`@merge` (reference §4.8): shallow `Object.assign` of resolved entries, left or right."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


def _merge(objects: list[Any], data: dict[str, Any], direction: str = "right") -> Any:
    return transform({"@merge": {"direction": direction, "objects": objects}}, data)


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {
                "@merge": {
                    "direction": "right",
                    "objects": [{"name": "Missing", "hood": "Missing"}, {"@path": "$.traits"}],
                }
            },
            {"traits": {"name": "Fred"}},
            {"name": "Fred", "hood": "Missing"},
            id="defaults-then-traits",
        ),
        pytest.param(
            {"@merge": {"direction": "left", "objects": [{"a": 1, "b": 1}, {"a": 2, "c": 2}]}},
            {},
            {"a": 1, "c": 2, "b": 1},
            id="left-first-wins",
        ),
        pytest.param(
            {
                "@merge": {
                    "direction": "right",
                    "objects": [{"name": "Default"}, {"name": {"@path": "$.traits.name"}}],
                }
            },
            {"traits": {}},
            {},
            id="trap-missing-value-erases-default",
        ),
        pytest.param(
            {"@merge": {"direction": "RIGHT", "objects": [{"a": 1}, {"@path": "$.s"}]}},
            {"s": "hi"},
            {"0": "h", "1": "i", "a": 1},
            id="string-contributes-index-keys",
        ),
    ],
)
def test_reference_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


def test_array_contributes_index_keys() -> None:
    assert _merge([{"a": 1}, {"@path": "$.l"}], {"l": ["x", "y"]}) == {"a": 1, "0": "x", "1": "y"}


def test_scalars_null_and_missing_entries_contribute_nothing() -> None:
    objects = [
        {"a": 1},
        {"@path": "$.n"},
        {"@path": "$.b"},
        {"@path": "$.z"},
        {"@path": "$.missing"},
    ]
    assert _merge(objects, {"n": 5, "b": True, "z": None}) == {"a": 1}


def test_null_values_are_copied() -> None:
    assert _merge([{"a": 1}, {"a": None}], {}) == {"a": None}


def test_merge_is_shallow() -> None:
    assert _merge([{"o": {"a": 1}}, {"o": {"b": 2}}], {}) == {"o": {"b": 2}}


def test_right_later_wins() -> None:
    assert _merge([{"a": 1, "b": 1}, {"a": 2, "c": 2}], {}) == {"a": 2, "b": 1, "c": 2}


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        pytest.param("left", {"a": 1}, id="left"),
        pytest.param("right", {"a": 2}, id="right"),
        pytest.param("RIGHT", {"a": 2}, id="RIGHT"),
        pytest.param("Left", {"a": 1}, id="compat-Left-merges-left"),
        pytest.param("LEFT", {"a": 1}, id="compat-LEFT-merges-left"),
    ],
)
def test_direction_is_case_insensitive(direction: str, expected: dict[str, int]) -> None:
    """§4.8: validation lower-cases the direction, but Segment then reverses only for exactly
    "left", so "Left" merges right. compat (crash rule): the direction is honoured in any case."""
    assert _merge([{"a": 1}, {"a": 2}], {}, direction=direction) == expected


def test_empty_objects_list_gives_empty_object() -> None:
    assert _merge([], {}) == {}


def test_entries_are_resolved_against_the_event() -> None:
    objects = [{"email": {"@path": "$.e"}}, {"@if": {"exists": {"@path": "$.p"}, "then": {"p": 1}}}]
    assert _merge(objects, {"e": "a@b.c", "p": 0}) == {"email": "a@b.c", "p": 1}


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("options", "messages"),
    [
        pytest.param(
            {"direction": "up", "objects": []},
            ['/x/@merge/direction should be one of left, right but it is "up".'],
            id="unknown-direction",
        ),
        pytest.param(
            {"direction": "right", "objects": {"a": 1}},
            ["/x/@merge/objects should be an array but it is an object."],
            id="objects-not-array",
        ),
        pytest.param(
            {"direction": "right"},
            ['/x/@merge should have field "objects" but it doesn\'t.'],
            id="no-objects",
        ),
        pytest.param(
            {"objects": []},
            ['/x/@merge should have field "direction" but it doesn\'t.'],
            id="compat-D2-no-direction",
        ),
        pytest.param(
            {"direction": "", "objects": []},
            ['/x/@merge should have field "direction" but it doesn\'t.'],
            id="compat-D2-empty-direction",
        ),
        pytest.param(
            {"direction": "right", "objects": [{"a": 1}, 5]},
            ["/x/@merge/objects/1 should be an object or a mapping directive but it is a number."],
            id="compat-D2-entry-real-path-and-grammar",
        ),
        pytest.param(
            {"direction": "right", "objects": [[1]]},
            ["/x/@merge/objects/0 should be an object or a mapping directive but it is an array."],
            id="compat-D2-array-entry",
        ),
        pytest.param(
            {"direction": "right", "objects": [{"b": {"@nope": 1}}]},
            ["/x/@merge/objects/0/b has an invalid directive: @nope."],
            id="compat-D2-nested-real-path",
        ),
        pytest.param(
            {"direction": "right", "objects": [{"@path": 5}]},
            [
                "/x/@merge/objects/0/@path should be a string or a mapping directive "
                "but it is a number."
            ],
            id="compat-D2-directive-entry-real-path",
        ),
    ],
)
def test_validation_messages(options: dict[str, Any], messages: list[str]) -> None:
    assert _messages({"x": {"@merge": options}}) == messages
