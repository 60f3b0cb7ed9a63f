"""Mapping validation (reference §6): every problem, with its place in the mapping and its reason.

Directive-specific field rules are tested next to each directive; this file holds the general
rules, the verified messages of §6.2 and the places where we validate more than Segment (D1, D4).
"""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import ActionsError, MappingValidationError, Problem
from actions_core.mapping import CompiledMapping, compile_mapping, transform, validate_mapping


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


VERIFIED_MESSAGES = [
    pytest.param(
        {"@path": 5},
        ["/@path should be a string or a mapping directive but it is a number."],
        id="top-level-path-number",
    ),
    pytest.param(
        {"@template": False},
        ["/@template should be a string or a mapping directive but it is a boolean."],
        id="top-level-template-boolean",
    ),
    pytest.param(
        {"x": {"@path": None}},
        ["/x/@path should be a string or a mapping directive but it is a null."],
        id="path-null",
    ),
    pytest.param(
        {"x": {"@path": ["a"]}},
        ["/x/@path should be a string or a mapping directive but it is an array."],
        id="path-array",
    ),
    pytest.param(
        {"a": 1, "@path": "x"},
        ["/ should only have one @-prefixed key but it has 2 keys."],
        id="directive-next-to-key-at-root",
    ),
    pytest.param(
        {"foo": "bar", "@path": "$.x"},
        ["/ should only have one @-prefixed key but it has 2 keys."],
        id="section-1.2-directive-next-to-key",
    ),
    pytest.param(
        {"x": {"a": 1, "b": 2, "@path": "a"}},
        ["/x should only have one @-prefixed key but it has 3 keys."],
        id="counts-all-keys",
    ),
    pytest.param(
        {"x": {"@path": "a", "@template": "b", "@if": {}}},
        ["/x should only have one @-prefixed key but it has 3 keys."],
        id="counts-directive-keys",
    ),
    pytest.param(
        {"x": {"@field": "x"}},
        ["/x has an invalid directive: @field."],
        id="unknown-directive",
    ),
    pytest.param(
        {"x": {"@Path": "$.a"}},
        ["/x has an invalid directive: @Path."],
        id="names-are-case-sensitive",
    ),
    pytest.param(
        {"x": {"@liquid": 5}},
        ["/x/@liquid should be a string but it is a number."],
        id="liquid-not-string",
    ),
]


@pytest.mark.parametrize(("mapping", "messages"), VERIFIED_MESSAGES)
def test_verified_messages(mapping: dict[str, Any], messages: list[str]) -> None:
    assert _messages(mapping) == messages


@pytest.mark.parametrize(
    "directive", ["@if", "@case", "@replace", "@json", "@flatten", "@merge", "@transform"]
)
def test_options_must_be_an_object(directive: str) -> None:
    """§6.1: every directive that takes options needs a plain object."""
    assert _messages({"x": {directive: "str"}}) == [
        f"/x/{directive} should be an object but it is a string."
    ]


def test_problems_from_all_keys_are_collected_in_key_order() -> None:
    mapping = {
        "a": {"@path": 1},
        "b": {"ok": {"@path": "$.b"}, "bad": {"@template": 2}},
        "c": {"@nope": 3},
    }

    assert _messages(mapping) == [
        "/a/@path should be a string or a mapping directive but it is a number.",
        "/b/bad/@template should be a string or a mapping directive but it is a number.",
        "/c has an invalid directive: @nope.",
    ]


def test_compile_time_decisions_are_collected_with_other_problems() -> None:
    """compat D2: problems Segment finds only at runtime join the list, in key order."""
    mapping = {"a": {"@if": {"then": "T"}}, "b": {"@path": 5}}

    assert _messages(mapping) == [
        '/a/@if should have field "exists" or "blank" but it doesn\'t.',
        "/b/@path should be a string or a mapping directive but it is a number.",
    ]


ARRAY_ELEMENTS = [
    pytest.param(
        {"x": [{"@path": 1}]},
        ["/x/0/@path should be a string or a mapping directive but it is a number."],
        id="bad-directive-argument",
    ),
    pytest.param(
        {"x": [{"@nope": 1}]},
        ["/x/0 has an invalid directive: @nope."],
        id="unknown-directive",
    ),
    pytest.param(
        {"x": [{"@path": "a", "k": 1}]},
        ["/x/0 should only have one @-prefixed key but it has 2 keys."],
        id="directive-next-to-key",
    ),
    pytest.param(
        {"x": [{"@path": "a", "@template": "b"}]},
        ["/x/0 should only have one @-prefixed key but it has 2 keys."],
        id="two-directive-keys",
    ),
    pytest.param(
        {"x": [1, "a", {"@path": "$.a"}, {"@template": 5}]},
        ["/x/3/@template should be a string or a mapping directive but it is a number."],
        id="index-of-the-bad-element",
    ),
    pytest.param(
        {"x": [[{"@path": 1}]]},
        ["/x/0/0/@path should be a string or a mapping directive but it is a number."],
        id="nested-arrays",
    ),
    pytest.param(
        {"x": [{"k": {"@nope": 1}}]},
        ["/x/0/k has an invalid directive: @nope."],
        id="object-inside-array",
    ),
]


@pytest.mark.parametrize(("mapping", "messages"), ARRAY_ELEMENTS)
def test_array_elements_are_validated_at_compile_time(
    mapping: dict[str, Any], messages: list[str]
) -> None:
    """compat D1: array elements validated at compile time (Segment checks them only at runtime)."""
    assert _messages(mapping) == messages


@pytest.mark.parametrize(
    ("mapping", "type_words"),
    [
        pytest.param("raw", "a string", id="string"),
        pytest.param(5, "a number", id="number"),
        pytest.param(None, "a null", id="null"),
        pytest.param([{"@path": "$.a"}], "an array", id="list"),
        pytest.param(True, "a boolean", id="boolean"),
    ],
)
def test_mapping_must_be_an_object(mapping: Any, type_words: str) -> None:
    """compat D4: Segment copies a non-object mapping with a spread (or throws a TypeError)."""
    assert _messages(mapping) == [f"/ should be an object but it is {type_words}."]
    assert validate_mapping(mapping) == [
        Problem("/", f"should be an object but it is {type_words}")
    ]


def test_validate_mapping_returns_problems_with_location_and_reason() -> None:
    problems = validate_mapping({"x": {"@path": None}, "y": {"@nope": 1}})

    assert problems == [
        Problem("/x/@path", "should be a string or a mapping directive but it is a null"),
        Problem("/y", "has an invalid directive: @nope"),
    ]


def test_validate_mapping_returns_empty_list_for_a_valid_mapping() -> None:
    assert validate_mapping({"x": {"@path": "$.a"}, "y": [1, {"@template": "{{a}}"}]}) == []


def test_validate_mapping_never_raises_for_a_bad_mapping() -> None:
    assert validate_mapping(None) == [Problem("/", "should be an object but it is a null")]


def test_validation_error_carries_problems_and_messages() -> None:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping({"@path": 5})

    error = caught.value
    assert error.problems == (
        Problem("/@path", "should be a string or a mapping directive but it is a number"),
    )
    assert error.messages == [
        "/@path should be a string or a mapping directive but it is a number."
    ]
    assert isinstance(error, ActionsError)
    assert error.code == "INVALID_MAPPING"


def test_transform_validates_before_resolving() -> None:
    with pytest.raises(MappingValidationError):
        transform({"ok": {"@path": "$.a"}, "bad": {"@path": 5}}, {"a": 1})


def test_compile_returns_a_compiled_mapping() -> None:
    compiled = compile_mapping({"x": {"@path": "$.a"}})

    assert isinstance(compiled, CompiledMapping)
    assert compiled.transform({"a": 1}) == {"x": 1}


@pytest.mark.parametrize(
    "mapping",
    [
        pytest.param({"x": [1, "two", None, {"k": [True]}]}, id="raw-values"),
        pytest.param({"x": {"@path": "$.a", "_metadata": {"note": 1}}}, id="metadata-allowed"),
        pytest.param({"x": {"@literal": [1, {"a": None}]}}, id="literal-raw"),
        pytest.param({"x": {"@excludeWhenNull": "s"}}, id="exclude-when-null-raw"),
        pytest.param({"x": {"@if": {"exists": "a"}}}, id="if-with-only-exists"),
        pytest.param({"x": {"@json": {"mode": "encode", "value": None}}}, id="json-null-value"),
        pytest.param({"x": {"@merge": {"direction": "Left", "objects": []}}}, id="merge-Left"),
        pytest.param({"x": {"@arrayPath": ["$.a"]}}, id="array-path-without-shape"),
        pytest.param({"x": {"@path": ""}}, id="empty-path"),
        pytest.param({}, id="empty-mapping"),
    ],
)
def test_valid_mappings_have_no_problems(mapping: dict[str, Any]) -> None:
    assert validate_mapping(mapping) == []
    assert isinstance(compile_mapping(mapping), CompiledMapping)
