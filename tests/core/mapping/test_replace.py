"""`@replace` (reference §4.6): literal patterns, JS replacement specials, flags and limits."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import MappingValidationError
from actions_core.mapping import compile_mapping, transform


def _replace(data: Any, **options: Any) -> Any:
    return transform({"@replace": {"value": {"@path": "$.a"}, **options}}, {"a": data})


@pytest.mark.parametrize(
    ("mapping", "data", "expected"),
    [
        pytest.param(
            {"@replace": {"pattern": "-", "replacement": "_", "value": {"@path": "$.a"}}},
            {"a": "a-b-c"},
            "a_b_c",
            id="global-by-default",
        ),
        pytest.param(
            {
                "@replace": {
                    "pattern": "-",
                    "replacement": "_",
                    "global": False,
                    "value": {"@path": "$.a"},
                }
            },
            {"a": "a-b-c"},
            "a_b-c",
            id="first-only",
        ),
        pytest.param(
            {
                "@replace": {
                    "pattern": "AB",
                    "replacement": "[$&]",
                    "ignorecase": True,
                    "value": {"@path": "$.a"},
                    "pattern2": ".",
                    "replacement2": "!",
                }
            },
            {"a": "ab.Ab"},
            "[ab]![Ab]",
            id="ignorecase-match-and-pattern2",
        ),
        pytest.param(
            {
                "x": {
                    "@replace": {"pattern": "1", "replacement": "one", "value": {"@path": "$.n"}}
                },
                "y": {"@replace": {"pattern": "a", "value": {"@path": "$.missing"}}},
            },
            {"n": 1.1},
            {"x": "one.one", "y": ""},
            id="number-value-and-missing-value",
        ),
        pytest.param(
            {"x": {"@replace": {"pattern": "a", "value": ""}}},
            {},
            {},
            id="raw-empty-value-is-missing",
        ),
        pytest.param(
            {"x": {"@replace": {"pattern": "a", "value": {"@path": "$.e"}}}},
            {"e": ""},
            {"x": ""},
            id="directive-empty-value-is-empty-string",
        ),
        pytest.param(
            {"@replace": {"pattern": "b", "replacement": "B", "value": "abc"}},
            {},
            "aBc",
            id="raw-string-value",
        ),
    ],
)
def test_reference_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    assert transform(mapping, data) == expected


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        pytest.param("[$&]", "a[-]b[-]c", id="match"),
        pytest.param("$$", "a$b$c", id="dollar-dollar"),
        pytest.param("[$`]", "a[a]b[a-b]c", id="text-before-match"),
        pytest.param("[$']", "a[b-c]b[c]c", id="text-after-match"),
        pytest.param("$1", "a$1b$1c", id="group-1-is-literal"),
        pytest.param("$0", "a$0b$0c", id="group-0-is-literal"),
        pytest.param("$<n>", "a$<n>b$<n>c", id="named-group-is-literal"),
        pytest.param("$", "a$b$c", id="lone-dollar"),
        pytest.param("\\1", "a\\1b\\1c", id="backslash-is-literal"),
    ],
)
def test_js_replacement_specials(replacement: str, expected: str) -> None:
    assert _replace("a-b-c", pattern="-", replacement=replacement) == expected


@pytest.mark.parametrize(
    ("pattern", "value", "expected"),
    [
        pytest.param(".", "a.b.c", "a_b_c", id="dot"),
        pytest.param("a+", "aa+a+", "a__", id="plus"),
        pytest.param("(x)", "(x)x", "_x", id="parentheses"),
        pytest.param("[a]", "a[a]", "a_", id="brackets"),
        pytest.param("\\d", "1\\d", "1_", id="backslash"),
        pytest.param("$", "a$b", "a_b", id="dollar"),
        pytest.param("^", "a^b", "a_b", id="caret"),
        pytest.param("*", "**", "__", id="star"),
    ],
)
def test_pattern_is_matched_literally(pattern: str, value: str, expected: str) -> None:
    assert _replace(value, pattern=pattern, replacement="_") == expected


@pytest.mark.parametrize(
    ("value", "pattern", "expected"),
    [
        pytest.param(1.1, ".", "1_1", id="float"),
        pytest.param(1.0, ".", "1", id="whole-float-prints-as-int"),
        pytest.param(True, "e", "tru_", id="true"),
        pytest.param(False, "e", "fals_", id="false"),
        pytest.param(None, "n", "", id="null"),
        pytest.param({"e": 1}, "e", "", id="object"),
        pytest.param(["e"], "e", "", id="array"),
    ],
)
def test_value_conversion(value: Any, pattern: str, expected: str) -> None:
    assert _replace(value, pattern=pattern, replacement="_") == expected


def test_missing_replacement_is_empty() -> None:
    assert _replace("a-b", pattern="-") == "ab"


def test_case_sensitive_by_default() -> None:
    assert _replace("aA", pattern="A", replacement="_") == "a_"


def test_ignorecase_matches_accented_letters() -> None:
    assert _replace("ÉtÉ", pattern="é", replacement="e", ignorecase=True) == "ete"


def test_ignorecase_sharp_s_does_not_match_double_s() -> None:
    assert _replace("STRASSE", pattern="ß", replacement="_", ignorecase=True) == "STRASSE"


def test_pattern2_uses_the_same_flags() -> None:
    options = {"pattern": "-", "replacement": "", "ignorecase": True, "pattern2": "x"}
    assert _replace("a-b-x-X", replacement2="y", **options) == "abyy"


def test_pattern2_without_replacement2_removes() -> None:
    assert _replace("a-b.c", pattern="-", replacement="_", pattern2=".") == "a_bc"


def test_pattern2_applied_once_when_not_global() -> None:
    options = {
        "pattern": "-",
        "replacement": "_",
        "global": False,
        "pattern2": ".",
        "replacement2": "!",
    }
    assert _replace("a-b-c.d.e", **options) == "a_b-c!d.e"


def test_emoji_pattern_within_utf16_limit_works() -> None:
    """Five emoji are 10 UTF-16 code units: the longest pattern allowed."""
    assert _replace("x😀😀😀😀😀y", pattern="😀😀😀😀😀", replacement="!") == "x!y"


def _messages(mapping: Any) -> list[str]:
    with pytest.raises(MappingValidationError) as caught:
        compile_mapping(mapping)
    return caught.value.messages


@pytest.mark.parametrize(
    ("options", "messages"),
    [
        pytest.param(
            {"value": "abc"},
            ['/x/@replace should have field "pattern" but it doesn\'t.'],
            id="no-pattern",
        ),
        pytest.param(
            {"pattern": "abcdefghijk", "value": "v"},
            ["/x/@replace/pattern should be a string of length 10 or less."],
            id="pattern-too-long",
        ),
        pytest.param(
            {"pattern": "", "value": "v"},
            ["/x/@replace/pattern should be a string of length 1 or greater."],
            id="pattern-empty",
        ),
        pytest.param(
            {"pattern": "", "replacement": 5, "value": 3, "global": "x"},
            [
                "/x/@replace/pattern should be a string of length 1 or greater.",
                "/x/@replace/replacement should be a string but it is a number.",
                "/x/@replace/value should be a string or a mapping directive but it is a number.",
                "/x/@replace/global should be a boolean but it is a string.",
            ],
            id="four-problems-in-field-order",
        ),
        pytest.param(
            {"pattern": "a", "replacement": None, "value": "v"},
            ["/x/@replace/replacement should be a string but it is a null."],
            id="explicit-null-replacement",
        ),
        pytest.param(
            {"pattern": "a", "value": "v", "ignorecase": "yes"},
            ["/x/@replace/ignorecase should be a boolean but it is a string."],
            id="ignorecase-not-boolean",
        ),
        pytest.param(
            {"pattern": "a", "replacement": "abcdefghijk", "value": "v"},
            ["/x/@replace/replacement should be a string of length 10 or less."],
            id="replacement-too-long",
        ),
        pytest.param(
            {"pattern": "😀😀😀😀😀😀", "value": "v"},
            ["/x/@replace/pattern should be a string of length 10 or less."],
            id="utf16-six-emoji-too-long",
        ),
        pytest.param(
            {"pattern": "123456789😀", "value": "v"},
            ["/x/@replace/pattern should be a string of length 10 or less."],
            id="utf16-ten-chars-eleven-units",
        ),
        pytest.param(
            {"pattern": "a", "replacement": "😀😀😀😀😀a", "value": "v"},
            ["/x/@replace/replacement should be a string of length 10 or less."],
            id="utf16-replacement",
        ),
        pytest.param(
            {"pattern": "a", "value": "v", "pattern2": "abcdefghijk"},
            ["/x/@replace/pattern2 should be a string of length 10 or less."],
            id="compat-D2-pattern2-too-long",
        ),
        pytest.param(
            {"pattern": "a", "value": "v", "pattern2": "b", "replacement2": "abcdefghijk"},
            ["/x/@replace/replacement2 should be a string of length 10 or less."],
            id="compat-D2-replacement2-too-long",
        ),
        pytest.param(
            {"pattern": "a", "value": "v", "pattern2": "b", "replacement2": 5},
            ["/x/@replace/replacement2 should be a string but it is a number."],
            id="compat-D2-replacement2-not-string",
        ),
    ],
)
def test_validation_messages(options: dict[str, Any], messages: list[str]) -> None:
    assert _messages({"x": {"@replace": options}}) == messages


def test_ten_character_pattern_and_replacement_are_allowed() -> None:
    """§4.6: the limit text says "less than 10" but exactly 10 is allowed."""
    result = _replace("0123456789!", pattern="0123456789", replacement="abcdefghij")
    assert result == "abcdefghij!"
