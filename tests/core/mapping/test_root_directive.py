"""The root directive key `__segment_internal_directive` (reference §8)."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform, validate_mapping

ROOT = "__segment_internal_directive"


def test_other_keys_become_the_transform_mapping() -> None:
    mapping = {
        ROOT: {
            "@transform": {
                "apply": {
                    "props": {"@flatten": {"value": {"@path": "$.properties"}, "separator": "_"}}
                }
            }
        },
        "p": {"@path": "$.props"},
        "top": {"@path": "$.props.n_a"},
    }

    result = transform(mapping, {"properties": {"n": {"a": 1}, "z": 2}})

    assert result == {"p": {"n_a": 1, "z": 2}, "top": 1}


def test_injected_mapping_overwrites_an_existing_one() -> None:
    mapping = {
        ROOT: {"@transform": {"apply": {"v": {"@path": "$.a"}}, "mapping": {"old": "kept?"}}},
        "new": {"@path": "$.v"},
    }

    assert transform(mapping, {"a": 1}) == {"new": 1}


def test_no_other_keys_gives_an_empty_mapping() -> None:
    mapping = {ROOT: {"@transform": {"apply": {"a": {"@path": "$.a"}}}}}

    assert transform(mapping, {"a": 1}) == {}


def test_merge_ignores_the_injected_mapping() -> None:
    mapping = {
        ROOT: {"@merge": {"direction": "right", "objects": [{"a": 1}, {"@path": "$.t"}]}},
        "p": {"@path": "$.x"},
    }

    assert transform(mapping, {"t": {"b": 2}, "x": 3}) == {"a": 1, "b": 2}


def test_problems_in_the_other_keys_are_reported() -> None:
    mapping = {ROOT: {"@transform": {"apply": {}}}, "p": {"@path": 5}}

    with pytest.raises(MappingValidationError):
        compile_mapping(mapping)


@pytest.mark.parametrize(
    "directive",
    [
        pytest.param(
            {"@transform": {"apply": {}}, "@merge": {"direction": "right", "objects": []}},
            id="more-than-one-key",
        ),
        pytest.param({"@path": "x"}, id="argument-not-an-object"),
    ],
)
def test_malformed_root_directive_is_a_validation_error(directive: dict[str, Any]) -> None:
    """§8: Segment throws `The root mapping must only have a single directive object` / `The root
    directive must be an object`; the exact wording of ours is not pinned by the reference."""
    mapping = {ROOT: directive, "p": {"@path": "$.a"}}

    with pytest.raises(MappingValidationError):
        compile_mapping(mapping)
    assert validate_mapping(mapping) != []


def test_problems_in_injected_keys_are_reported_where_the_user_wrote_them() -> None:
    """The keys beside ``__segment_internal_directive`` are injected into the directive, but a user
    wrote them at the top of the mapping, so that is where their problems are reported."""
    mapping = {
        "__segment_internal_directive": {"@transform": {"apply": {}}},
        "p": {"@path": 5},
    }
    assert [str(problem) for problem in validate_mapping(mapping)] == [
        "/p/@path should be a string or a mapping directive but it is a number."
    ]
