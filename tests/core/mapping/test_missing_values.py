"""Raw values mixed with directives (§1.2) and the removal of missing values (§2)."""

from __future__ import annotations

from actions_core.mapping import MISSING, transform


def test_raw_values_and_directives_mix() -> None:
    mapping = {
        "action": "create",
        "uid": {"@path": "$.traits.email"},
        "n": None,
        "list": [1, {"@path": "$.traits.plan"}],
    }
    data = {"traits": {"email": "p@x.io", "plan": "pro"}}

    assert transform(mapping, data) == {
        "action": "create",
        "uid": "p@x.io",
        "n": None,
        "list": [1, "pro"],
    }


def test_missing_values_removed_from_objects_kept_as_null_in_arrays() -> None:
    mapping = {
        "foo": {"@path": "$.a"},
        "bar": {"@path": "$.b"},
        "baz": None,
        "deep": {"x": {"@path": "$.b"}},
        "arr": [{"@path": "$.b"}, 1],
    }

    assert transform(mapping, {"a": 1}) == {"foo": 1, "baz": None, "deep": {}, "arr": [None, 1]}


def test_emptied_objects_are_not_pruned() -> None:
    assert transform({"a": {"b": {"c": {"@path": "$.x"}}}}, {}) == {"a": {"b": {}}}


def test_missing_inside_object_inside_array_is_removed() -> None:
    assert transform({"l": [{"k": {"@path": "$.x"}, "v": 1}]}, {}) == {"l": [{"v": 1}]}


def test_array_length_is_unchanged_by_missing_elements() -> None:
    result = transform({"l": [{"@path": "$.x"}, {"@path": "$.y"}, {"@path": "$.z"}]}, {"y": 2})

    assert result == {"l": [None, 2, None]}


def test_top_level_directive_that_finds_nothing_returns_missing() -> None:
    assert transform({"@path": "$.nope"}, {}) is MISSING


def test_top_level_directive_returns_scalar() -> None:
    assert transform({"@path": "$.a"}, {"a": 1}) == 1


def test_null_is_kept_everywhere() -> None:
    mapping = {"a": {"@path": "$.n"}, "l": [{"@path": "$.n"}], "o": {"k": {"@path": "$.n"}}}

    assert transform(mapping, {"n": None}) == {"a": None, "l": [None], "o": {"k": None}}


def test_empty_mapping_gives_empty_object() -> None:
    assert transform({}, {"a": 1}) == {}


def test_metadata_next_to_a_directive_is_ignored() -> None:
    """§1: a directive's other keys may only be `_metadata`, which is ignored at runtime."""
    mapping = {"x": {"@path": "$.a", "_metadata": {"note": "from the UI"}}}

    assert transform(mapping, {"a": 1}) == {"x": 1}


def test_object_with_only_metadata_is_a_raw_object() -> None:
    """§1: a directive needs at least one `@` key; `_metadata` alone is plain data."""
    assert transform({"x": {"_metadata": 1}}, {}) == {"x": {"_metadata": 1}}
