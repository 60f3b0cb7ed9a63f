"""JavaScript semantics the mapping language exposes (reference §9): helpers and end to end."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.jsvalues import (
    MISSING,
    array_join,
    is_falsy,
    js_type_name,
    json_stringify,
    loosely_equals_empty_string,
    number_to_string,
    utf16_len,
)
from actions_core.mapping import transform

NUMBER_TEXT = [
    pytest.param(1.0, "1", id="whole-float"),
    pytest.param(1e21, "1e+21", id="1e21"),
    pytest.param(1e-7, "1e-7", id="1e-7"),
    pytest.param(0.1 + 0.2, "0.30000000000000004", id="0.1+0.2"),
    pytest.param(-0.0, "0", id="negative-zero"),
    pytest.param(1.5, "1.5", id="1.5"),
    pytest.param(100, "100", id="int"),
    pytest.param(1.1, "1.1", id="1.1"),
    # ECMAScript thresholds next to the reference's cases: exponent form starts at 1e21 and 1e-7.
    pytest.param(1e20, "100000000000000000000", id="1e20-is-plain"),
    pytest.param(1e-6, "0.000001", id="1e-6-is-plain"),
    pytest.param(-1e21, "-1e+21", id="negative-exponent-form"),
    pytest.param(1.5e-10, "1.5e-10", id="fraction-exponent"),
]


@pytest.mark.parametrize(("number", "text"), NUMBER_TEXT)
def test_number_to_string(number: float, text: str) -> None:
    assert number_to_string(number) == text


@pytest.mark.parametrize(("number", "text"), NUMBER_TEXT)
def test_number_text_through_template(number: float, text: str) -> None:
    assert transform({"@template": "{{n}}"}, {"n": number}) == text


@pytest.mark.parametrize(("number", "text"), NUMBER_TEXT)
def test_number_text_through_json_encode(number: float, text: str) -> None:
    mapping = {"@json": {"mode": "encode", "value": {"@path": "$.n"}}}
    assert transform(mapping, {"n": number}) == text


@pytest.mark.parametrize(
    ("number", "text"),
    [pytest.param(1.0, "1", id="whole-float"), pytest.param(-0.0, "0", id="negative-zero")],
)
def test_number_text_through_replace(number: float, text: str) -> None:
    mapping = {"@replace": {"pattern": "x", "value": {"@path": "$.n"}}}
    assert transform(mapping, {"n": number}) == text


@pytest.mark.parametrize(
    ("items", "text"),
    [
        pytest.param([1, [2, 3], None], "1,2,3,", id="nested-and-null"),
        pytest.param([], "", id="empty"),
        pytest.param([MISSING, "a"], ",a", id="missing-as-empty"),
        pytest.param([{"a": 1}, True], "[object Object],true", id="object-and-boolean"),
        pytest.param([1.0, 0.5], "1,0.5", id="numbers-as-js-text"),
    ],
)
def test_array_join(items: list[Any], text: str) -> None:
    assert array_join(items) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("", True, id="empty-string"),
        pytest.param(0, True, id="zero"),
        pytest.param(0.0, True, id="zero-float"),
        pytest.param(False, True, id="false"),
        pytest.param([], True, id="empty-array"),
        pytest.param([""], True, id="array-of-empty-string"),
        pytest.param([None], True, id="array-of-null"),
        pytest.param([[]], True, id="array-of-empty-array"),
        pytest.param("0", False, id="string-zero"),
        pytest.param(" ", False, id="space"),
        pytest.param(1, False, id="one"),
        pytest.param(True, False, id="true"),
        pytest.param({}, False, id="empty-object"),
        pytest.param([0], False, id="array-of-zero"),
        pytest.param([False], False, id="array-of-false"),
        pytest.param(["", ""], False, id="array-of-two-empty-strings"),
    ],
)
def test_loose_equality_with_empty_string(value: Any, expected: bool) -> None:
    """§4.4's `blank` rule: JS `value == ""`."""
    assert loosely_equals_empty_string(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(MISSING, True, id="undefined"),
        pytest.param(None, True, id="null"),
        pytest.param(False, True, id="false"),
        pytest.param(0, True, id="zero"),
        pytest.param(-0.0, True, id="negative-zero"),
        pytest.param("", True, id="empty-string"),
        pytest.param([], False, id="empty-array"),
        pytest.param({}, False, id="empty-object"),
        pytest.param("0", False, id="string-zero"),
        pytest.param(0.5, False, id="fraction"),
    ],
)
def test_is_falsy(value: Any, expected: bool) -> None:
    assert is_falsy(value) is expected


@pytest.mark.parametrize(
    ("value", "name"),
    [
        pytest.param(MISSING, "undefined", id="undefined"),
        pytest.param(None, "null", id="null"),
        pytest.param(True, "boolean", id="boolean"),
        pytest.param(1, "number", id="int"),
        pytest.param(1.5, "number", id="float"),
        pytest.param("s", "string", id="string"),
        pytest.param([], "array", id="array"),
        pytest.param({}, "object", id="object"),
    ],
)
def test_type_names(value: Any, name: str) -> None:
    assert js_type_name(value) == name


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param({"b": [1, "x", None], "f": 1.0}, '{"b":[1,"x",null],"f":1}', id="compact"),
        pytest.param("é\u2028", '"é\u2028"', id="non-ascii-and-u2028-raw"),
        pytest.param('"\\', '"\\"\\\\"', id="quote-and-backslash-escaped"),
        pytest.param({"a": MISSING, "b": 1}, '{"b":1}', id="missing-object-value-dropped"),
        pytest.param([MISSING, 1], "[null,1]", id="missing-array-element-null"),
    ],
)
def test_json_stringify(value: Any, text: str) -> None:
    assert json_stringify(value) == text


def test_json_stringify_of_missing_is_missing() -> None:
    assert json_stringify(MISSING) is MISSING


@pytest.mark.parametrize(
    ("text", "length"),
    [
        pytest.param("abc", 3, id="ascii"),
        pytest.param("é", 1, id="bmp"),
        pytest.param("😀", 2, id="emoji-is-two-units"),
        pytest.param("a😀b😀", 6, id="mixed"),
    ],
)
def test_utf16_len(text: str, length: int) -> None:
    assert utf16_len(text) == length


@pytest.mark.parametrize(
    ("operator", "value", "expected"),
    [
        pytest.param("upper", "straße", "STRASSE", id="sharp-s"),
        pytest.param("lower", "ΟΔΟΣ", "\u03bf\u03b4\u03bf\u03c2", id="final-sigma"),
        pytest.param("upper", "éà", "ÉÀ", id="accents"),
    ],
)
def test_full_unicode_case_mapping(operator: str, value: str, expected: str) -> None:
    assert transform({"@case": {"operator": operator, "value": value}}, {}) == expected


def test_integer_like_keys_compare_without_order() -> None:
    """§9: JS puts integer-like keys first; we compare dicts order-insensitively (compat D6)."""
    mapping = {"@merge": {"direction": "right", "objects": [{"b": 1}, {"@path": "$.s"}]}}
    assert transform(mapping, {"s": "x"}) == {"b": 1, "0": "x"}
