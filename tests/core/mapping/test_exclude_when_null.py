"""`@excludeWhenNull` (reference §4.12): drop nulls, recursively through objects only."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import MISSING, compile_mapping, transform


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {
                "a": {"@excludeWhenNull": {"@path": "$.a"}},
                "b": {"@excludeWhenNull": {"@path": "$.b"}},
                "c": {"@path": "$.a"},
            },
            {"a": None, "b": {"x": None, "y": {"z": None, "w": 1}, "l": [None]}},
            {"b": {"y": {"w": 1}, "l": [None]}, "c": None},
            id="null-removed-objects-cleaned-arrays-untouched",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"@template": "{{a}}"}}},
            {"a": None},
            {"x": ""},
            id="empty-string-stays",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"@path": "$.l"}}},
            {"l": [None, {"a": None}]},
            {"x": [None, {"a": None}]},
            id="array-contents-untouched",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"@path": "$.m"}}},
            {},
            {},
            id="missing-stays-missing",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"@path": "$.n"}}},
            {"n": 0},
            {"x": 0},
            id="zero-stays",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"a": {"@path": "$.a"}, "b": None}}},
            {"a": 1},
            {"x": {"a": 1}},
            id="raw-object-argument",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": None}},
            {},
            {},
            id="raw-null-argument",
        ),
    ],
)
def test_exclude_when_null(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


def test_top_level_null_is_missing() -> None:
    assert transform({"@excludeWhenNull": {"@path": "$.a"}}, {"a": None}) is MISSING


def test_input_event_is_not_modified() -> None:
    data = {"b": {"x": None, "y": {"z": None}}}

    transform({"b": {"@excludeWhenNull": {"@path": "$.b"}}}, data)

    assert data == {"b": {"x": None, "y": {"z": None}}}


@pytest.mark.parametrize(
    ("mapping", "messages"),
    [
        pytest.param(
            {"x": {"@excludeWhenNull": {"a": {"@nope": 1}}}},
            ["/x/@excludeWhenNull/a has an invalid directive: @nope."],
            id="compat-D1-contents-validated",
        ),
        pytest.param(
            {"x": {"@excludeWhenNull": {"@path": 5}}},
            [
                "/x/@excludeWhenNull/@path should be a string or a mapping directive "
                "but it is a number."
            ],
            id="directive-argument-validated",
        ),
    ],
)
def test_validation_messages(mapping: dict[str, Any], messages: list[str]) -> None:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)

    assert caught.value.messages == messages
