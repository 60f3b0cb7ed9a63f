"""`transform_batch` (reference §1.1): one validated mapping applied to a list of events."""

from __future__ import annotations

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import MISSING, compile_mapping, transform, transform_batch

MAPPING = {"id": {"@path": "$.userId"}, "kind": "user"}


def test_empty_list_gives_empty_list() -> None:
    assert transform_batch(MAPPING, []) == []


def test_one_result_per_event_in_order() -> None:
    events = [{"userId": "u1"}, {}, {"userId": "u3"}]

    assert transform_batch(MAPPING, events) == [
        {"id": "u1", "kind": "user"},
        {"kind": "user"},
        {"id": "u3", "kind": "user"},
    ]


def test_compiled_mapping_batch() -> None:
    compiled = compile_mapping(MAPPING)

    assert compiled.transform_batch([{"userId": "a"}, {"userId": "b"}]) == [
        {"id": "a", "kind": "user"},
        {"id": "b", "kind": "user"},
    ]


def test_top_level_directive_gives_a_list_of_values() -> None:
    assert transform_batch({"@path": "$.n"}, [{"n": 1}, {"n": 2}]) == [1, 2]


def test_invalid_mapping_is_reported_before_any_event() -> None:
    with pytest.raises(MappingValidationError) as caught:
        transform_batch({"x": {"@path": 5}}, [{"a": 1}])

    assert caught.value.messages == [
        "/x/@path should be a string or a mapping directive but it is a number."
    ]


def test_falsy_results_are_kept() -> None:
    results = transform_batch({"@path": "$.n"}, [{"n": 0}, {"n": None}])

    assert results == [0, None]
    assert MISSING not in results


def test_any_mapping_is_accepted_as_the_event() -> None:
    """A dict subclass or a read-only mapping is an object too (copied at the top level)."""
    from types import MappingProxyType

    class Event(dict):  # type: ignore[type-arg]
        pass

    mapping = {"id": {"@path": "$.userId"}}
    assert transform(mapping, Event(userId="u1")) == {"id": "u1"}
    assert transform(mapping, MappingProxyType({"userId": "u2"})) == {"id": "u2"}
