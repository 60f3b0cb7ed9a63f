"""`@json` (reference §4.11): `JSON.stringify` / `JSON.parse` with JavaScript's output."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import MISSING, compile_mapping, transform


def _json(mode: str, value: Any) -> Any:
    return transform({"@json": {"mode": mode, "value": {"@path": "$.v"}}}, {"v": value})


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {"@json": {"mode": "encode", "value": {"@path": "$.foo"}}},
            {"foo": {"b": [1, "x", None], "f": 1.0}},
            '{"b":[1,"x",null],"f":1}',
            id="encode-compact-whole-float",
        ),
        pytest.param(
            {
                "x": {"@json": {"mode": "decode", "value": {"@path": "$.a"}}},
                "y": {"@json": {"mode": "decode", "value": {"@path": "$.b"}}},
                "z": {"@json": {"mode": "encode", "value": {"@path": "$.missing"}}},
            },
            {"a": '{"k":[1,2]}', "b": "not json"},
            {"x": {"k": [1, 2]}, "y": "not json"},
            id="decode-and-missing",
        ),
        pytest.param(
            {"neat": {"@json": {"mode": "encode", "value": {"@path": "$.foo"}}}},
            {"foo": "bar"},
            {"neat": '"bar"'},
            id="encode-string",
        ),
    ],
)
def test_reference_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param({"b": 1, "a": 2}, '{"b":1,"a":2}', id="key-order-kept"),
        pytest.param('é\u2028"\\', '"é\u2028\\"\\\\"', id="non-ascii-raw-quote-backslash-escaped"),
        pytest.param(1.0, "1", id="whole-float"),
        pytest.param(1e21, "1e+21", id="large-exponent"),
        pytest.param(1e-7, "1e-7", id="small-exponent"),
        pytest.param(0.1 + 0.2, "0.30000000000000004", id="shortest-round-trip"),
        pytest.param(-0.0, "0", id="negative-zero"),
        pytest.param(True, "true", id="true"),
        pytest.param(None, "null", id="null"),
        pytest.param([], "[]", id="empty-array"),
        pytest.param({}, "{}", id="empty-object"),
        pytest.param({"a": {"b": [{"c": None}]}}, '{"a":{"b":[{"c":null}]}}', id="nested"),
    ],
)
def test_encode(value: Any, expected: str) -> None:
    assert _json("encode", value) == expected


def test_encode_drops_missing_object_values() -> None:
    mapping = {"@json": {"mode": "encode", "value": {"a": {"@path": "$.m"}, "b": 1}}}
    assert transform(mapping, {}) == '{"b":1}'


def test_encode_prints_missing_array_elements_as_null() -> None:
    mapping = {"@json": {"mode": "encode", "value": [{"@path": "$.m"}, 1]}}
    assert transform(mapping, {}) == "[null,1]"


def test_encode_missing_top_value_is_missing() -> None:
    assert transform({"@json": {"mode": "encode", "value": {"@path": "$.m"}}}, {}) is MISSING


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("  [1, 2] \n", [1, 2], id="surrounding-whitespace-allowed"),
        pytest.param("", "", id="empty-string-stays"),
        pytest.param("NaN", "NaN", id="NaN-stays-string"),
        pytest.param("Infinity", "Infinity", id="Infinity-stays-string"),
        pytest.param("{'a': 1}", "{'a': 1}", id="single-quotes-not-json"),
        pytest.param('"s"', "s", id="json-string"),
        pytest.param("null", None, id="json-null"),
        pytest.param("1.5", 1.5, id="json-number"),
        pytest.param({"a": 1}, {"a": 1}, id="object-unchanged"),
        pytest.param(5, 5, id="number-unchanged"),
    ],
)
def test_decode(value: Any, expected: Any) -> None:
    assert _json("decode", value) == expected


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        pytest.param("encode", 0, "0", id="encode-zero"),
        pytest.param("encode", False, "false", id="encode-false"),
        pytest.param("encode", None, "null", id="encode-null"),
        pytest.param("encode", "", '""', id="encode-empty-string"),
        pytest.param("decode", "", "", id="decode-empty-string"),
        pytest.param("decode", None, None, id="decode-null"),
        pytest.param("decode", 0, 0, id="decode-zero"),
    ],
)
def test_falsy_raw_value_is_used(mode: str, value: Any, expected: Any) -> None:
    """compat D3: Segment throws `@json requires a "value" key` for a falsy value as written."""
    assert transform({"x": {"@json": {"mode": mode, "value": value}}}, {}) == {"x": expected}


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        pytest.param("ENCODE", "v", '"v"', id="ENCODE"),
        pytest.param("Encode", [1], "[1]", id="Encode"),
        pytest.param("DECODE", "[1]", [1], id="DECODE"),
    ],
)
def test_mode_is_case_insensitive(mode: str, value: Any, expected: Any) -> None:
    """compat D3: Segment silently returns nothing for a mode that is not exactly lower-case."""
    assert transform({"x": {"@json": {"mode": mode, "value": value}}}, {}) == {"x": expected}


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("options", "messages"),
    [
        pytest.param(
            {"mode": "bogus", "value": "x"},
            ['/x/@json/mode should be one of encode, decode but it is "bogus".'],
            id="unknown-mode",
        ),
        pytest.param(
            {"value": "x"},
            ['/x/@json should have field "mode" but it doesn\'t.'],
            id="no-mode",
        ),
        pytest.param(
            {"mode": "encode"},
            ['/x/@json should have field "value" but it doesn\'t.'],
            id="no-value",
        ),
    ],
)
def test_validation_messages(options: dict[str, Any], messages: list[str]) -> None:
    assert _messages({"x": {"@json": options}}) == messages
