"""`@if` (reference §4.4): `exists` / `blank` conditions, branches and their asymmetry."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import MISSING, compile_mapping, transform

ABSENT = MISSING  # marks "the key is not in the input" in the truth table

# value → (branch with `exists`, branch with `blank`), as §4.4's truth table states.
TRUTH_TABLE: list[tuple[str, Any, str, str]] = [
    ("missing", ABSENT, "else", "else"),
    ("null", None, "else", "else"),
    ("empty-string", "", "then", "else"),
    ("zero", 0, "then", "else"),
    ("false", False, "then", "else"),
    ("empty-array", [], "then", "else"),
    ("array-of-empty-string", [""], "then", "else"),
    ("array-of-null", [None], "then", "else"),
    ("array-of-empty-array", [[]], "then", "else"),
    ("string-zero", "0", "then", "then"),
    ("space", " ", "then", "then"),
    ("string", "x", "then", "then"),
    ("one", 1, "then", "then"),
    ("true", True, "then", "then"),
    ("empty-object", {}, "then", "then"),
    ("array-of-zero", [0], "then", "then"),
    ("array-of-false", [False], "then", "then"),
    ("array-of-numbers", [1, 2], "then", "then"),
    ("array-of-two-empty-strings", ["", ""], "then", "then"),
]


def _event_with(value: Any) -> dict[str, Any]:
    return {} if value is ABSENT else {"v": value}


@pytest.mark.parametrize(
    ("condition", "value", "branch"),
    [
        pytest.param(condition, value, branch, id=f"{label}-{condition}")
        for label, value, exists_branch, blank_branch in TRUTH_TABLE
        for condition, branch in (("exists", exists_branch), ("blank", blank_branch))
    ],
)
def test_truth_table(condition: str, value: Any, branch: str) -> None:
    mapping = {"@if": {condition: {"@path": "$.v"}, "then": "then", "else": "else"}}

    assert transform(mapping, _event_with(value)) == branch


EXAMPLES = [
    pytest.param(
        {"@if": {"exists": {"@path": "$.a"}, "then": "yep", "else": "nope"}},
        {"a": None},
        "nope",
        id="null-does-not-exist",
    ),
    pytest.param(
        {"x": {"@if": {"exists": {"@path": "$.a"}, "then": "yep"}}},
        {},
        {},
        id="no-else-gives-missing",
    ),
    pytest.param(
        {
            "x": {"@if": {"blank": {"@path": "$.a"}, "then": "T", "else": "E"}},
            "y": {"@if": {"blank": {"@path": "$.b"}, "then": "T", "else": "E"}},
            "z": {"@if": {"blank": {"@path": "$.c"}, "then": "T", "else": "E"}},
        },
        {"a": 0, "b": "0", "c": []},
        {"x": "E", "y": "T", "z": "E"},
        id="blank-loose-equality",
    ),
    pytest.param(
        {
            "x": {"@if": {"exists": {"@path": "$.a"}, "then": "T", "else": False}},
            "y": {"@if": {"exists": {"@path": "$.b"}, "then": False, "else": "E"}},
        },
        {"b": 1},
        {"y": False},
        id="then-false-kept-else-false-absent",
    ),
]


@pytest.mark.parametrize(("mapping", "data", "expected"), EXAMPLES)
def test_reference_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize("falsy_else", [pytest.param(v, id=repr(v)) for v in (0, "", None, False)])
def test_else_falsy_as_written_is_treated_as_absent(falsy_else: Any) -> None:
    mapping = {"x": {"@if": {"exists": {"@path": "$.a"}, "then": "T", "else": falsy_else}}}

    assert transform(mapping, {}) == {}


@pytest.mark.parametrize("falsy_then", [pytest.param(v, id=repr(v)) for v in (0, None, False)])
def test_then_falsy_as_written_is_returned(falsy_then: Any) -> None:
    mapping = {"x": {"@if": {"exists": {"@path": "$.a"}, "then": falsy_then, "else": "E"}}}

    assert transform(mapping, {"a": 1}) == {"x": falsy_then}


@pytest.mark.parametrize(
    ("else_value", "expected"),
    [pytest.param({}, {}, id="empty-object"), pytest.param([], [], id="empty-array")],
)
def test_else_container_is_truthy_as_written(else_value: Any, expected: Any) -> None:
    mapping = {"x": {"@if": {"exists": {"@path": "$.a"}, "then": "T", "else": else_value}}}

    assert transform(mapping, {}) == {"x": expected}


def test_exists_wins_over_blank_and_zero_counts_as_existing() -> None:
    mapping = {"@if": {"exists": 0, "blank": {"@path": "$.missing"}, "then": "T", "else": "E"}}

    assert transform(mapping, {}) == "T"


def test_exists_null_with_truthy_blank_uses_exists() -> None:
    """§4.4: `exists` is not missing, so it decides; null does not exist."""
    mapping = {"@if": {"exists": None, "blank": "x", "then": "T", "else": "E"}}

    assert transform(mapping, {}) == "E"


def test_raw_exists_value_always_exists() -> None:
    assert transform({"@if": {"exists": "literal", "then": "T", "else": "E"}}, {}) == "T"


def test_branches_are_resolved() -> None:
    mapping = {"@if": {"exists": {"@path": "$.a"}, "then": {"@path": "$.a"}, "else": "E"}}

    assert transform(mapping, {"a": {"k": 1}}) == {"k": 1}


def test_branch_not_taken_is_never_resolved() -> None:
    """§1: runtime errors in the branch not taken never fire."""
    mapping = {
        "x": {
            "@if": {
                "exists": {"@path": "$.a"},
                "then": "T",
                "else": {"@path": {"@path": "$.n"}},
            }
        }
    }

    assert transform(mapping, {"a": 1, "n": 5}) == {"x": "T"}


def test_blank_is_ignored_when_exists_is_given() -> None:
    mapping = {
        "@if": {"exists": {"@path": "$.a"}, "blank": {"@path": {"@path": "$.n"}}, "then": "T"}
    }

    assert transform(mapping, {"a": 1, "n": 5}) == "T"


def test_extra_keys_are_tolerated() -> None:
    assert transform({"@if": {"exists": "a", "then": "T", "note": "hi"}}, {}) == "T"


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


IF_NEEDS_A_CONDITION = '/x/@if should have field "exists" or "blank" but it doesn\'t.'


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"then": "T"}, id="neither"),
        pytest.param({}, id="empty"),
        pytest.param({"exists": 0, "then": "T"}, id="exists-zero"),
        pytest.param({"exists": False, "then": "T"}, id="exists-false"),
        pytest.param({"exists": None, "then": "T"}, id="exists-null"),
        pytest.param({"exists": "", "then": "T"}, id="exists-empty-string"),
        pytest.param({"blank": 0, "then": "T"}, id="blank-zero"),
        pytest.param({"blank": False, "then": "T"}, id="blank-false"),
        pytest.param({"blank": None, "then": "T"}, id="blank-null"),
        pytest.param({"blank": "", "then": "T"}, id="blank-empty-string"),
        pytest.param({"exists": 0, "blank": "", "then": "T"}, id="both-falsy"),
    ],
)
def test_missing_condition_is_a_compile_time_error(options: dict[str, Any]) -> None:
    """compat D2: Segment throws `@if requires an "exists" key or a "blank" key` at runtime."""
    assert _messages({"x": {"@if": options}}) == [IF_NEEDS_A_CONDITION]


@pytest.mark.parametrize(
    ("mapping", "messages"),
    [
        pytest.param(
            {"x": {"@if": "str"}},
            ["/x/@if should be an object but it is a string."],
            id="not-an-object",
        ),
        pytest.param(
            {"x": {"@if": {"@exists": 1, "then": 1}}},
            ["/x/@if should be an object but it is a directive."],
            id="directive-options",
        ),
        pytest.param(
            {
                "x": {
                    "@if": {
                        "exists": {"@path": 1},
                        "then": {"@path": 2},
                        "else": {"@path": 3},
                    }
                }
            },
            [
                "/x/@if/exists/@path should be a string or a mapping directive but it is a number.",
                "/x/@if/then/@path should be a string or a mapping directive but it is a number.",
                "/x/@if/else/@path should be a string or a mapping directive but it is a number.",
            ],
            id="three-nested-problems",
        ),
        pytest.param(
            {"x": {"@if": {"blank": {"@path": 1}, "then": "T"}}},
            ["/x/@if/blank/@path should be a string or a mapping directive but it is a number."],
            id="blank-generic-check",
        ),
        pytest.param(
            {"x": {"@if": {"exists": "a", "then": "T", "note": {"@nope": 1}}}},
            ["/x/@if/note has an invalid directive: @nope."],
            id="extra-key-validated-generically",
        ),
        pytest.param(
            {"x": {"@if": {"exists": "a", "then": [{"@nope": 1}]}}},
            ["/x/@if/then/0 has an invalid directive: @nope."],
            id="compat-D1-array-in-branch",
        ),
    ],
)
def test_validation_messages(mapping: dict[str, Any], messages: list[str]) -> None:
    assert _messages(mapping) == messages
