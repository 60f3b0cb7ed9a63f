"""Compile once, apply many times: results are independent and the caller's dicts stay theirs."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform, transform_batch

RAW_CONTAINERS = {
    "raw": {"nested": {"k": 1}, "list": [1, [2]]},
    "literal": {"@literal": {"k": [1]}},
    "merged": {"@merge": {"direction": "right", "objects": [{"d": {"k": 1}}, {"@path": "$.o"}]}},
    "branch": {"@if": {"exists": "yes", "then": {"k": [1]}}},
    "items": {"@arrayPath": ["$.items", {"fixed": {"k": 1}, "id": {"@path": "$.id"}}]},
    "value": {"@path": "$.v"},
}


def _fresh_event(v: int) -> dict[str, Any]:
    return {"v": v, "o": {"e": v}, "items": [{"id": v}]}


def _expected(v: int) -> dict[str, Any]:
    return {
        "raw": {"nested": {"k": 1}, "list": [1, [2]]},
        "literal": {"k": [1]},
        "merged": {"d": {"k": 1}, "e": v},
        "branch": {"k": [1]},
        "items": [{"fixed": {"k": 1}, "id": v}],
        "value": v,
    }


def test_compiled_mapping_gives_independent_results() -> None:
    compiled = compile_mapping(RAW_CONTAINERS)

    first = compiled.transform(_fresh_event(1))
    assert first == _expected(1)
    first["raw"]["nested"]["k"] = "changed"
    first["raw"]["list"][1].append("changed")
    first["literal"]["k"].append("changed")
    first["merged"]["d"]["k"] = "changed"
    first["branch"]["k"].append("changed")
    first["items"][0]["fixed"]["k"] = "changed"

    assert compiled.transform(_fresh_event(2)) == _expected(2)
    assert compiled.transform(_fresh_event(3)) == _expected(3)


def test_transform_through_the_cache_gives_independent_results() -> None:
    first = transform(RAW_CONTAINERS, _fresh_event(1))
    first["raw"]["nested"]["k"] = "changed"
    first["literal"]["k"].append("changed")

    assert transform(RAW_CONTAINERS, _fresh_event(2)) == _expected(2)


def test_batch_results_are_independent() -> None:
    results = transform_batch({"raw": {"k": [1]}}, [{}, {}])
    results[0]["raw"]["k"].append("changed")

    assert results[1] == {"raw": {"k": [1]}}


def test_compiled_mapping_applies_to_many_inputs() -> None:
    compiled = compile_mapping({"email": {"@path": "$.traits.email"}})

    assert [compiled.transform({"traits": {"email": f"{n}@x.io"}}) for n in range(3)] == [
        {"email": "0@x.io"},
        {"email": "1@x.io"},
        {"email": "2@x.io"},
    ]
    assert compiled.transform({}) == {}
    assert compiled.transform_batch([{"traits": {"email": "a@x.io"}}, {}]) == [
        {"email": "a@x.io"},
        {},
    ]


def test_transform_uses_the_mapping_as_it_is_now() -> None:
    """The cache must not keep serving a mapping the caller has since changed."""
    mapping: dict[str, Any] = {"a": {"@path": "$.x"}, "l": [1]}
    data = {"x": 1, "y": 2}
    assert transform(mapping, data) == {"a": 1, "l": [1]}

    mapping["a"]["@path"] = "$.y"
    assert transform(mapping, data) == {"a": 2, "l": [1]}

    mapping["l"].append({"@path": "$.x"})
    assert transform(mapping, data) == {"a": 2, "l": [1, 1]}

    mapping["b"] = "new"
    assert transform(mapping, data) == {"a": 2, "l": [1, 1], "b": "new"}

    mapping["a"]["@path"] = 5
    with pytest.raises(MappingValidationError):
        transform(mapping, data)


def test_compiled_mapping_does_not_follow_later_changes_to_the_dict() -> None:
    mapping: dict[str, Any] = {"a": {"@path": "$.x"}, "raw": {"k": [1]}}
    compiled = compile_mapping(mapping)

    mapping["a"]["@path"] = "$.y"
    mapping["raw"]["k"].append(2)
    mapping["extra"] = 1

    assert compiled.transform({"x": 1, "y": 2}) == {"a": 1, "raw": {"k": [1]}}


@pytest.mark.parametrize(
    ("first", "second", "expected_second"),
    [
        pytest.param({"v": 1}, {"v": True}, {"v": True}, id="one-then-true"),
        pytest.param({"v": True}, {"v": 1}, {"v": 1}, id="true-then-one"),
        pytest.param({"v": 0}, {"v": False}, {"v": False}, id="zero-then-false"),
        pytest.param(
            {"v": {"@literal": 0}}, {"v": {"@literal": False}}, {"v": False}, id="literal"
        ),
        pytest.param(
            {"v": {"@json": {"mode": "encode", "value": 1}}},
            {"v": {"@json": {"mode": "encode", "value": True}}},
            {"v": "true"},
            id="json-encode",
        ),
    ],
)
def test_equal_but_different_values_are_not_confused(
    first: dict[str, Any], second: dict[str, Any], expected_second: dict[str, Any]
) -> None:
    """Python says `1 == True`; JSON does not. A cache keyed on equality must not mix them up."""
    transform(first, {})
    result = transform(second, {})

    assert result == expected_second
    assert type(result["v"]) is type(expected_second["v"])
