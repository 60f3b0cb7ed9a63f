"""JavaScript value semantics: how numbers print, what is falsy, how JSON.stringify writes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions_core.jsvalues import (
    MISSING,
    array_join,
    is_falsy,
    js_type_name,
    json_stringify,
    json_text,
    loosely_equals_empty_string,
    number_to_string,
    utf16_len,
)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1.0, "1"),
        (100, "100"),
        (1.5, "1.5"),
        (-0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e21, "1e+21"),
        (1.5e21, "1.5e+21"),
        (1e20, "100000000000000000000"),
        (123456789012345680000.0, "123456789012345680000"),
        (1e-7, "1e-7"),
        (1.25e-7, "1.25e-7"),
        (0.000001, "0.000001"),
        (0.0001234, "0.0001234"),
        (-2.5, "-2.5"),
        (-1e-7, "-1e-7"),
        (2**53, "9007199254740992"),
        (True, "true"),
    ],
)
def test_number_to_string_prints_like_javascript(number: float, text: str) -> None:
    assert number_to_string(number) == text


@pytest.mark.parametrize(
    ("value", "falsy"),
    [
        (MISSING, True),
        (None, True),
        (False, True),
        (0, True),
        (0.0, True),
        ("", True),
        ([], False),
        ({}, False),
        ("0", False),
        (True, False),
        (-1, False),
        (" ", False),
    ],
)
def test_is_falsy_follows_javascript(value: object, falsy: bool) -> None:
    assert is_falsy(value) is falsy


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("s", "string"),
        (1, "number"),
        (1.5, "number"),
        (True, "boolean"),
        (None, "null"),
        ({}, "object"),
        ([], "array"),
        (MISSING, "undefined"),
    ],
)
def test_js_type_name(value: object, name: str) -> None:
    assert js_type_name(value) == name


def test_array_join_flattens_and_prints_null_as_empty() -> None:
    assert array_join([1, [2, 3], None]) == "1,2,3,"
    assert array_join([]) == ""
    assert array_join([{"a": 1}, True, 1.0]) == "[object Object],true,1"


@pytest.mark.parametrize(
    ("value", "equal"),
    [
        ("", True),
        (0, True),
        (False, True),
        ([], True),
        ([""], True),
        ([None], True),
        ([[]], True),
        ("0", False),
        (" ", False),
        (1, False),
        (True, False),
        ({}, False),
        ([0], False),
        ([False], False),
        (["", ""], False),
    ],
)
def test_loose_equality_with_the_empty_string(value: object, equal: bool) -> None:
    assert loosely_equals_empty_string(value) is equal


def test_utf16_len_counts_astral_characters_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("😀") == 2
    assert utf16_len("é") == 1


def test_json_stringify_matches_javascript() -> None:
    assert json_stringify({"b": [1, "x", None], "f": 1.0}) == '{"b":[1,"x",null],"f":1}'
    assert json_stringify("bar") == '"bar"'
    assert json_stringify({"a": MISSING, "b": [MISSING]}) == '{"b":[null]}'
    assert json_stringify('ü\u2028"\\\n') == '"ü\u2028\\"\\\\\\n"'
    assert json_stringify(MISSING) is MISSING
    assert json_stringify(1e21) == "1e+21"


def test_missing_is_a_falsy_singleton() -> None:
    assert not MISSING
    assert repr(MISSING) == "MISSING"
    assert type(MISSING)() is MISSING


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"a": 27.0}, '{"a":27}'),
        ({"a": 19.99, "s": "v1.0,x"}, '{"a":19.99,"s":"v1.0,x"}'),
        ([1e-05, "x"], '[0.00001,"x"]'),
        ({"t": "1e-05 text"}, '{"t":"1e-05 text"}'),
        (1.0, "1"),
        ({"a": MISSING, "b": 1}, '{"b":1}'),
        ("ü\u2028", '"ü\u2028"'),
        (1e21, "1e+21"),
        ([float("nan")], "[null]"),
        (MISSING, "null"),
        ({"one-two": "e+3", "n": 3}, '{"one-two":"e+3","n":3}'),
        ({"a": 25.0, "s": 'x:5.0,y "q" 7.0]'}, '{"a":25,"s":"x:5.0,y \\"q\\" 7.0]"}'),
        ([1.0, -3.0, 2.5], "[1,-3,2.5]"),
    ],
)
def test_json_text_is_byte_identical_to_json_stringify(value: object, text: str) -> None:
    assert json_text(value) == text


_tricky_text = st.lists(
    st.sampled_from(['"', "\\", "5.0", ",", "]", "}", "1e-05", ":", "x"]), max_size=8
).map("".join)
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.integers(-(10**6), 10**6).map(float)
    | st.text()
    | _tricky_text,
    lambda children: st.lists(children) | st.dictionaries(st.text() | _tricky_text, children),
    max_leaves=20,
)


@given(_json_values)
@settings(max_examples=400, deadline=None)
def test_json_text_always_agrees_with_the_exact_serialiser(value: object) -> None:
    assert json_text(value) == json_stringify(value)
