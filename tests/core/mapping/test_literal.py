"""`@literal` (reference §4.3): resolves its argument like any other value."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {"x": {"@literal": "{{not a template}}"}},
            {},
            {"x": "{{not a template}}"},
            id="template-looking-string",
        ),
        pytest.param(
            {"x": {"@literal": {"a": {"@path": "$.v"}, "b": {"@path": "$.missing"}}}},
            {"v": 5},
            {"x": {"a": 5}},
            id="directives-inside-are-resolved",
        ),
        pytest.param({"simple": {"@literal": False}}, {}, {"simple": False}, id="false"),
        pytest.param({"x": {"@literal": None}}, {}, {"x": None}, id="null"),
        pytest.param({"x": {"@literal": 0}}, {}, {"x": 0}, id="zero"),
        pytest.param(
            {"x": {"@literal": [1, {"@path": "$.v"}]}},
            {"v": 5},
            {"x": [1, 5]},
            id="array-elements-resolved",
        ),
        pytest.param(
            {"x": {"@literal": {"@path": "$.v"}}},
            {"v": 5},
            {"x": 5},
            id="directive-argument",
        ),
    ],
)
def test_literal(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        pytest.param(
            {"x": {"@literal": {"a": {"@nope": 1}}}},
            "/x/@literal/a has an invalid directive: @nope.",
            id="unknown-directive-in-object",
        ),
        pytest.param(
            {"x": {"@literal": [{"@path": 1}]}},
            "/x/@literal/0/@path should be a string or a mapping directive but it is a number.",
            id="bad-directive-in-array",
        ),
    ],
)
def test_literal_contents_are_validated_at_compile_time(
    mapping: dict[str, Any], message: str
) -> None:
    """compat D1: `@literal` contents validated at compile time (Segment fails only at runtime)."""
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)

    assert caught.value.messages == [message]
