"""`@template` (reference §4.2): `{{key}}` placeholders, substitution rules and edge cases."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.mapping import transform

EDGE_CASES = [
    pytest.param(
        "Hi {{traits.name}} ({{userId}})",
        {"traits": {"name": "Ann"}, "userId": "u1"},
        "Hi Ann (u1)",
        id="two-placeholders",
    ),
    pytest.param(
        "[{{missing}}] [{{n}}] [{{obj}}] [{{arr}}] [{{b}}] [{{nul}}]",
        {"n": 1.5, "obj": {"a": 1}, "arr": [1, [2, 3], None], "b": False, "nul": None},
        "[] [1.5] [[object Object]] [1,2,3,] [false] []",
        id="substitution-of-each-type",
    ),
    pytest.param(
        "{{$.userId}}|{{ userId }}|{{{userId}}}",
        {"userId": "u1"},
        "|u1|u1",
        id="dollar-dot-spaces-triple",
    ),
    pytest.param(
        "{{{a}}} / {{a}}",
        {"a": "{{b}}", "b": "B"},
        "B / {{b}}",
        id="triple-pass-output-rescanned-double-not",
    ),
    pytest.param("{{}}", {"a": 1}, "{{}}", id="needs-one-character-inside"),
    pytest.param("{{ }}", {"x": 1}, "[object Object]", id="blank-key-is-root"),
    pytest.param("{{a}", {"a": "x"}, "{{a}", id="unclosed-double"),
    pytest.param("{a}", {"a": "x"}, "{a}", id="single-braces"),
    pytest.param("{{a}}}", {"a": "x"}, "x}", id="extra-closing-brace"),
    pytest.param("{{{a}}", {"a": "x"}, "", id="double-pass-matches-key-with-brace"),
    pytest.param("{{{{a}}}}", {"a": "x"}, "}", id="four-braces"),
    pytest.param("{{a|upcase}}", {"a|upcase": "L"}, "L", id="no-filters-pipe-is-key"),
    pytest.param("", {"a": 1}, "", id="empty-template"),
]


@pytest.mark.parametrize(("template", "data", "expected"), EDGE_CASES)
def test_template_edge_cases(template: str, data: dict[str, Any], expected: str) -> None:
    assert transform({"@template": template}, data) == expected


SUBSTITUTIONS = [
    pytest.param("x", "x", id="string"),
    pytest.param(1.5, "1.5", id="float"),
    pytest.param(100, "100", id="int"),
    pytest.param(1.0, "1", id="whole-float"),
    pytest.param(1e21, "1e+21", id="large-exponent"),
    pytest.param(1e-7, "1e-7", id="small-exponent"),
    pytest.param(0.1 + 0.2, "0.30000000000000004", id="shortest-round-trip"),
    pytest.param(-0.0, "0", id="negative-zero"),
    pytest.param(True, "true", id="true"),
    pytest.param(False, "false", id="false"),
    pytest.param(None, "", id="null"),
    pytest.param([], "", id="empty-array"),
    pytest.param([1, [2, 3], None], "1,2,3,", id="nested-array-joined"),
    pytest.param([1, {"a": 1}], "1,[object Object]", id="object-in-array"),
    pytest.param({"a": 1}, "[object Object]", id="object"),
    pytest.param({}, "[object Object]", id="empty-object"),
]


@pytest.mark.parametrize(("value", "expected"), SUBSTITUTIONS)
def test_value_substitution(value: Any, expected: str) -> None:
    assert transform({"@template": "{{v}}"}, {"v": value}) == expected


def test_missing_placeholder_renders_empty_and_result_is_never_missing() -> None:
    assert transform({"x": {"@template": "{{missing}}"}}, {}) == {"x": ""}


def test_no_html_escaping() -> None:
    assert transform({"@template": "{{h}} {{{h}}}"}, {"h": "<b>&\"'"}) == "<b>&\"' <b>&\"'"


def test_template_from_a_directive() -> None:
    """§4.2: a directive argument that resolves to a string is used as the template."""
    mapping = {"@template": {"@path": "$.t"}}

    assert transform(mapping, {"t": "Hi {{n}}", "n": "A"}) == "Hi A"


def test_template_key_is_trimmed_before_lookup() -> None:
    assert transform({"@template": "{{  traits.name\t}}"}, {"traits": {"name": "Ann"}}) == "Ann"


def test_template_text_is_kept_around_placeholders() -> None:
    assert transform({"@template": "a{{x}}b{{x}}c"}, {"x": 1}) == "a1b1c"
