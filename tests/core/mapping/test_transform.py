"""`@transform` (reference §4.9): a full transform with `apply`, then `mapping` over its result."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {
                "@transform": {
                    "apply": {"foo": {"@path": "$.a"}},
                    "mapping": {"nv": {"@path": "$.foo"}, "old": {"@path": "$.a"}},
                }
            },
            {"a": 1},
            {"nv": 1},
            id="original-payload-not-visible",
        ),
        pytest.param(
            {
                "x": {
                    "@transform": {
                        "apply": {"foo": {"@path": "$.a"}},
                        "mapping": {"@path": "$.foo"},
                    }
                }
            },
            {"a": 1},
            {"x": 1},
            id="mapping-is-a-directive",
        ),
        pytest.param(
            {"x": {"@transform": {"apply": {"@path": "$.a"}, "mapping": {"v": {"@path": "k"}}}}},
            {"a": 1},
            {"x": {}},
            id="apply-scalar-lookups-missing",
        ),
        pytest.param(
            {
                "@transform": {
                    "apply": {"foo": {"@path": "$.missing"}},
                    "mapping": {
                        "has": {"@if": {"exists": {"@path": "$.foo"}, "then": "y", "else": "n"}}
                    },
                }
            },
            {},
            {"has": "n"},
            id="missing-values-removed-before-mapping",
        ),
        pytest.param(
            {
                "@transform": {
                    "apply": {"@path": "$.props"},
                    "mapping": {"name": {"@path": "$.n"}},
                }
            },
            {"props": {"n": "Ann"}},
            {"name": "Ann"},
            id="apply-is-a-directive",
        ),
        pytest.param(
            {
                "@transform": {
                    "apply": {
                        "inner": {
                            "@transform": {"apply": {"v": 1}, "mapping": {"w": {"@path": "$.v"}}}
                        }
                    },
                    "mapping": {"out": {"@path": "$.inner.w"}},
                }
            },
            {},
            {"out": 1},
            id="nested",
        ),
    ],
)
def test_transform(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("options", "messages"),
    [
        pytest.param(
            {"apply": [1], "mapping": {}},
            ["/x/@transform/apply should be an object or a mapping directive but it is an array."],
            id="compat-D2-grammar-apply-array",
        ),
        pytest.param(
            {"apply": {}, "mapping": 5},
            [
                "/x/@transform/mapping should be an object or a mapping directive "
                "but it is a number."
            ],
            id="compat-D2-grammar-mapping-number",
        ),
        pytest.param(
            {"apply": None, "mapping": {}},
            ["/x/@transform/apply should be an object or a mapping directive but it is a null."],
            id="null-counts-as-present",
        ),
        pytest.param(
            {"apply": {}},
            ['/x/@transform should have field "mapping" but it doesn\'t.'],
            id="no-mapping",
        ),
        pytest.param(
            {"apply": {"a": {"@nope": 1}}, "mapping": {}},
            ["/x/@transform/apply/a has an invalid directive: @nope."],
            id="apply-validated",
        ),
    ],
)
def test_validation_messages(options: dict[str, Any], messages: list[str]) -> None:
    assert _messages({"x": {"@transform": options}}) == messages
