"""`@case` (reference §4.5): lower/upper with full Unicode case mapping."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {"@case": {"operator": "upper", "value": {"@path": "$.s"}}},
            {"s": "abc"},
            "ABC",
            id="upper",
        ),
        pytest.param(
            {
                "x": {"@case": {"operator": "lower", "value": {"@path": "$.n"}}},
                "y": {"@case": {"operator": "lower", "value": ""}},
            },
            {"n": 42},
            {"x": 42},
            id="number-unchanged-empty-value-missing",
        ),
        pytest.param(
            {"@case": {"operator": "lower", "value": "MiXeD"}},
            {},
            "mixed",
            id="lower-raw-string",
        ),
        pytest.param(
            {"@case": {"operator": "upper", "value": "straße"}},
            {},
            "STRASSE",
            id="sharp-s-upper",
        ),
        pytest.param(
            {"@case": {"operator": "lower", "value": "ΟΔΟΣ"}},
            {},
            "\u03bf\u03b4\u03bf\u03c2",
            id="final-sigma-lower",
        ),
        pytest.param(
            {"@case": {"operator": "upper", "value": {"@path": "$.e"}}},
            {"e": ""},
            "",
            id="directive-resolving-to-empty-string",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "upper"}}},
            {},
            {},
            id="no-value-is-missing",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "upper", "value": {"@path": "$.missing"}}}},
            {},
            {},
            id="missing-value-stays-missing",
        ),
    ],
)
def test_case(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(None, id="null"),
        pytest.param(True, id="boolean"),
        pytest.param({"A": "B"}, id="object"),
        pytest.param(["A"], id="array"),
        pytest.param(1.5, id="number"),
    ],
)
def test_non_string_result_is_returned_unchanged(value: Any) -> None:
    mapping = {"x": {"@case": {"operator": "lower", "value": {"@path": "$.v"}}}}

    assert transform(mapping, {"v": value}) == {"x": value}


@pytest.mark.parametrize("event", [{"n": 5}, {"n": "abc"}], ids=["number", "string"])
def test_unknown_operator_is_a_compile_error_whatever_the_value(event: dict[str, Any]) -> None:
    """compat D2 (early): Segment checks the operator only when the value is a string, failing
    at runtime; an operator other than lower/upper is always a mistake, so compiling reports it."""
    mapping = {"x": {"@case": {"operator": "title", "value": {"@path": "$.n"}}}}

    with pytest.raises(MappingValidationError) as caught:
        transform(mapping, event)

    assert caught.value.messages == [
        '/x/@case/operator should be one of lower, upper but it is "title".'
    ]


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("mapping", "messages"),
    [
        pytest.param(
            {"x": {"@case": {"operator": 5, "value": "abc"}}},
            ["/x/@case/operator should be a string but it is a number."],
            id="operator-not-string",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "upper", "value": 5}}},
            ["/x/@case/value should be a string or a mapping directive but it is a number."],
            id="value-not-string",
        ),
        pytest.param(
            {"x": {"@case": {"value": "abc"}}},
            ['/x/@case should have field "operator" but it doesn\'t.'],
            id="compat-D2-no-operator",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "", "value": "abc"}}},
            ['/x/@case should have field "operator" but it doesn\'t.'],
            id="compat-D2-empty-operator",
        ),
        pytest.param(
            {"x": {"@case": {}}},
            ['/x/@case should have field "operator" but it doesn\'t.'],
            id="compat-D2-empty-options",
        ),
        pytest.param(
            {"x": {"@case": {"value": {"@path": "$.s"}}}},
            ['/x/@case should have field "operator" but it doesn\'t.'],
            id="compat-D2-no-operator-directive-value",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "title", "value": "abc"}}},
            ['/x/@case/operator should be one of lower, upper but it is "title".'],
            id="compat-D2-unknown-operator",
        ),
        pytest.param(
            {"x": {"@case": {"operator": "UPPER", "value": "abc"}}},
            ['/x/@case/operator should be one of lower, upper but it is "UPPER".'],
            id="compat-D2-operator-is-case-sensitive",
        ),
        pytest.param(
            {"x": {"@case": "upper"}},
            ["/x/@case should be an object but it is a string."],
            id="not-an-object",
        ),
    ],
)
def test_validation_messages(mapping: dict[str, Any], messages: list[str]) -> None:
    assert _messages(mapping) == messages
