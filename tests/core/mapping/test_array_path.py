"""`@arrayPath` (reference §4.7): map each element of a list through an item shape."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import MISSING, compile_mapping, transform

ID_SHAPE = {"id": {"@path": "$.id"}}

EXAMPLES = [
    pytest.param(
        {"@arrayPath": ["$.products", {"id": {"@path": "$.productId"}, "q": {"@path": "qty"}}]},
        {"products": [{"productId": "p1", "qty": 2}, {"productId": "p2"}]},
        [{"id": "p1", "q": 2}, {"id": "p2"}],
        id="list-of-objects",
    ),
    pytest.param(
        {"@arrayPath": ["$.product", {"id": {"@path": "$.productId"}}]},
        {"product": {"productId": "p1"}},
        [{"id": "p1"}],
        id="lone-object-wrapped",
    ),
    pytest.param(
        {
            "x": {"@arrayPath": ["$.s", {"id": {"@path": "$.productId"}}]},
            "y": {"@arrayPath": ["$.missing", {"id": {"@path": "$.productId"}}]},
        },
        {"s": "str"},
        {"x": "str"},
        id="string-unchanged-missing-removed",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", ID_SHAPE]},
        {"items": [{"id": 1}, "x", None, 5]},
        [{"id": 1}, {}, {"id": None}, {}],
        id="mixed-elements",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", ID_SHAPE]},
        {"items": [[{"id": 1}]]},
        [{}],
        id="array-of-arrays",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", {"id": {"@path": "$.0.id"}}]},
        {"items": [[{"id": 1}]]},
        [{"id": 1}],
        id="array-of-arrays-reached-by-index",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", {"t": {"@template": "{{id}}|{{$.id}}"}}]},
        {"items": [{"id": 7}]},
        [{"t": "7|"}],
        id="template-renders-against-element",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", {"id": {"@path": "$.id"}, "top": {"@path": "$.top"}}]},
        {"top": "T", "items": [{"id": 1}]},
        [{"id": 1}],
        id="event-root-unreachable",
    ),
    pytest.param(
        {"@arrayPath": [{"@path": "$.items"}, ID_SHAPE]},
        {"items": [{"id": 1}, {"id": 2}]},
        [{"id": 1}, {"id": 2}],
        id="directive-result-is-the-root",
    ),
    pytest.param(
        {"@arrayPath": [{"@template": "items"}, ID_SHAPE]},
        {"items": [{"id": 1}]},
        "items",
        id="directive-result-not-used-as-path",
    ),
    pytest.param(
        {"@arrayPath": ["$.items", ID_SHAPE, "ignored"]},
        {"items": [{"id": 1}]},
        [{"id": 1}],
        id="extra-elements-ignored",
    ),
    pytest.param(
        {
            "@arrayPath": [
                "$.orders",
                {"lines": {"@arrayPath": ["$.lines", {"sku": {"@path": "$.sku"}}]}},
            ]
        },
        {"orders": [{"lines": [{"sku": "a"}, {"sku": "b"}]}, {"lines": {"sku": "c"}}]},
        [{"lines": [{"sku": "a"}, {"sku": "b"}]}, {"lines": [{"sku": "c"}]}],
        id="nested-array-path",
    ),
]


@pytest.mark.parametrize(("mapping", "data", "expected"), EXAMPLES)
def test_array_path(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


ITEMS = [{"id": 1}, {"id": 2}]


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param({"@arrayPath": ["$.items"]}, {"items": ITEMS}, ITEMS, id="no-shape"),
        pytest.param({"@arrayPath": ["$.items", {}]}, {"items": ITEMS}, ITEMS, id="empty-shape"),
        pytest.param({"@arrayPath": ["$.items", "s"]}, {"items": ITEMS}, ITEMS, id="string-shape"),
        pytest.param(
            {"@arrayPath": ["$.items", [ID_SHAPE]]}, {"items": ITEMS}, ITEMS, id="array-shape"
        ),
        pytest.param({"@arrayPath": ["$.items", ID_SHAPE]}, {"items": None}, None, id="null-root"),
        pytest.param({"@arrayPath": ["$.items", ID_SHAPE]}, {"items": 5}, 5, id="number-root"),
        pytest.param({"@arrayPath": ["$.items", ID_SHAPE]}, {"items": []}, [], id="empty-list"),
    ],
)
def test_root_returned_unchanged(
    mapping: dict[str, Any], data: dict[str, Any], expected: Any
) -> None:
    assert transform(mapping, data) == expected


def test_missing_root_is_missing() -> None:
    assert transform({"@arrayPath": ["$.missing", ID_SHAPE]}, {}) is MISSING


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("mapping", "messages"),
    [
        pytest.param(
            {"x": {"@arrayPath": "$.p"}},
            ["/x/@arrayPath should be an array but it is a string."],
            id="not-an-array",
        ),
        pytest.param(
            {"x": {"@arrayPath": []}},
            ["/x/@arrayPath should be a string or a mapping directive but it is an undefined."],
            id="empty-array",
        ),
        pytest.param(
            {"x": {"@arrayPath": [5]}},
            ["/x/@arrayPath should be a string or a mapping directive but it is a number."],
            id="path-not-string",
        ),
        pytest.param(
            {"x": {"@arrayPath": ["$.p", {"a": {"@nope": 1}}]}},
            ["/x/@arrayPath/a has an invalid directive: @nope."],
            id="shape-without-index-segment",
        ),
        pytest.param(
            {"x": {"@arrayPath": ["$.p", {"@nope": 1}]}},
            ["/x/@arrayPath has an invalid directive: @nope."],
            id="shape-is-bad-directive",
        ),
        pytest.param(
            {"x": {"@arrayPath": ["$.p", {"l": [{"@nope": 1}]}]}},
            ["/x/@arrayPath/l/0 has an invalid directive: @nope."],
            id="compat-D1-array-inside-shape",
        ),
    ],
)
def test_validation_messages(mapping: dict[str, Any], messages: list[str]) -> None:
    assert _messages(mapping) == messages
