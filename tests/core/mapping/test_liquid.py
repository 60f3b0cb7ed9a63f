"""`@liquid` (reference §4.13): templates rendered as Segment's liquidjs renders them.

Expected outputs are the reference's verified table, plus rows checked on liquidjs 10.30.1 set up as
Segment sets it up (limits, disabled tags and filters, a UTC clock).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions_core.errors import MappingRuntimeError, MappingValidationError
from actions_core.mapping.liquid import DISABLED_FILTERS, DISABLED_TAGS, compile_liquid

WHERE = "/traits/greeting/@liquid"


def render(template: str, payload: Any = None) -> str:
    return compile_liquid(template, WHERE)({} if payload is None else payload)


# The reference's table of liquidjs rendering facts, row by row.
REFERENCE_ROWS = [
    pytest.param(
        "Hello, {{ properties.name | upcase }}!",
        {"properties": {"name": "Bob"}},
        "Hello, BOB!",
        id="upcase-filter",
    ),
    pytest.param("{{ properties.missing }}", {}, "", id="missing-variable-is-empty"),
    pytest.param(
        "{{ properties.arr }}", {"properties": {"arr": [1, "a", None]}}, "1a", id="array-concat"
    ),
    pytest.param(
        "{{ properties.obj }}",
        {"properties": {"obj": {"k": 1}}},
        "[object Object]",
        id="object-text",
    ),
    pytest.param("{{ 7 | divided_by: 2 }}", {}, "3.5", id="divided-by-odd"),
    pytest.param("{{ 10 | divided_by: 4 }}", {}, "2.5", id="divided-by-even"),
    pytest.param("{{ 3.0 }}", {}, "3", id="whole-float-literal"),
    pytest.param("{{ 1.5 | times: 2 }}", {}, "3", id="whole-float-result"),
    pytest.param(
        "{% if properties.e %}T{% else %}F{% endif %}",
        {"properties": {"e": ""}},
        "T",
        id="empty-string-truthy",
    ),
    pytest.param(
        "{% if properties.e %}T{% else %}F{% endif %}",
        {"properties": {"e": 0}},
        "T",
        id="zero-truthy",
    ),
    pytest.param(
        "{% if properties.e %}T{% else %}F{% endif %}",
        {"properties": {"e": []}},
        "T",
        id="empty-array-truthy",
    ),
    pytest.param(
        '{{ properties.e | default: "d" }}', {"properties": {"e": ""}}, "d", id="default-on-empty"
    ),
    pytest.param(
        '{{ properties.e | default: "d" }}', {"properties": {"e": 0}}, "0", id="default-keeps-zero"
    ),
    pytest.param(
        "{% if properties.s == 5 %}T{% else %}F{% endif %}",
        {"properties": {"s": "5"}},
        "F",
        id="no-string-number-coercion",
    ),
    pytest.param("{{ x | md5 }}", {"x": "abc"}, "abc", id="unknown-filter-passes-input"),
    pytest.param("", {"a": 1}, "", id="empty-template"),
]


@pytest.mark.parametrize(("template", "payload", "expected"), REFERENCE_ROWS)
def test_reference_rendering_facts(template: str, payload: Any, expected: str) -> None:
    assert render(template, payload) == expected


NUMBERS = [
    pytest.param({"a": 1.0}, "1", id="whole-float-from-json"),
    pytest.param({"a": 1e21}, "1e+21", id="large-exponent"),
    pytest.param({"a": 1e-7}, "1e-7", id="small-exponent"),
    pytest.param({"a": -0.0}, "0", id="negative-zero"),
    pytest.param({"a": 2.5}, "2.5", id="fraction"),
    pytest.param({"a": True}, "true", id="boolean"),
    pytest.param({"a": None}, "", id="null"),
    pytest.param({"a": [1.0, [2.5, None], "x"]}, "12.5x", id="nested-array"),
]


@pytest.mark.parametrize(("payload", "expected"), NUMBERS)
def test_values_print_as_javascript_prints_them(payload: dict[str, Any], expected: str) -> None:
    assert render("{{ a }}", payload) == expected


ARITHMETIC = [
    pytest.param("{{ 0.1 | plus: 0.2 }}", "0.30000000000000004", id="binary-floats"),
    pytest.param("{{ 10 | divided_by: 3 }}", "3.3333333333333335", id="no-rounding"),
    pytest.param("{{ 10 | divided_by: 3, true }}", "3", id="integer-arithmetic-flag"),
    pytest.param("{{ 1 | divided_by: 0 }}", "Infinity", id="divide-by-zero"),
    pytest.param("{{ 0 | divided_by: 0 }}", "NaN", id="zero-by-zero"),
    pytest.param("{{ -7 | modulo: 3 }}", "2", id="modulo-is-floored"),
    pytest.param("{{ 5.5 | modulo: 2 }}", "1.5", id="modulo-fraction"),
    pytest.param('{{ "3" | plus: "4" }}', "7", id="numeric-strings"),
    pytest.param('{{ "0x1A" | plus: 0 }}', "26", id="hex-string"),
    pytest.param('{{ "abc" | times: 2 }}', "0", id="non-number-is-zero"),
    pytest.param("{{ 5 | plus }}", "NaN", id="missing-argument"),
    pytest.param("{{ 100000000000000000000 | times: 10 }}", "1e+21", id="exponent-result"),
    pytest.param("{{ 2.5 | round }}", "3", id="round-half-up"),
    pytest.param("{{ -2.5 | round }}", "-3", id="round-half-away-for-negatives"),
    pytest.param("{{ 1.005 | round: 2 }}", "1.01", id="round-decimal-shift"),
    pytest.param("{{ 1234.5678 | round: -2 }}", "1200", id="round-negative-places"),
    pytest.param('{{ "-3.5" | abs }}', "3.5", id="abs"),
    pytest.param("{{ 4.2 | ceil }}|{{ -4.2 | floor }}", "5|-5", id="ceil-floor"),
    pytest.param("{{ 5 | at_least: 7 }}|{{ 5 | at_most: 3 }}", "7|3", id="at-least-at-most"),
    pytest.param("{{ 8 | minus: 2.5 }}", "5.5", id="minus"),
]


@pytest.mark.parametrize(("template", "expected"), ARITHMETIC)
def test_arithmetic_uses_javascript_numbers(template: str, expected: str) -> None:
    assert render(template) == expected


PAYLOAD = {
    "s": "abc",
    "n": 5,
    "arr": [1, "a", None, 2.5],
    "o": {"k": 1, "size": 3},
    "list": [{"k": "a", "v": 1}, {"k": "b", "v": None}, {"k": "c"}],
    "props": {"name": "Ann", "plan": "pro", "tags": ["x", "y"]},
    "t": True,
}

PROPERTY_ACCESS = [
    pytest.param(
        "{{ s.size }}|{{ s.length }}|{{ arr.size }}|{{ arr.length }}", "3|3|4|4", id="size"
    ),
    pytest.param("{{ o.size }}|{{ props.size }}", "3|3", id="size-key-wins-else-key-count"),
    pytest.param("{{ arr.first }}|{{ arr.last }}|{{ s.first }}", "1|2.5|", id="first-last"),
    pytest.param("{{ arr[-1] }}|{{ arr[9] }}|{{ arr.1 }}|{{ s[1] }}", "2.5||a|b", id="indexes"),
    pytest.param('{{ props["name"] }}|{{ props.tags[1] }}', "Ann|y", id="brackets"),
    pytest.param('{% assign k = "plan" %}{{ props[k] }}', "pro", id="variable-key"),
    pytest.param("{{ missing.deeper.still }}", "", id="missing-chain"),
    pytest.param("{{ size }}", "0", id="bare-size-reads-empty-scope"),
]


@pytest.mark.parametrize(("template", "expected"), PROPERTY_ACCESS)
def test_property_access_follows_javascript(template: str, expected: str) -> None:
    assert render(template, PAYLOAD) == expected


# liquidjs reads any word after a dot as a property name, Liquid's keywords included, and a literal
# in brackets as the key its value converts to ("" for empty/blank, "null" for nil/null).
KEYWORD_NAMED_PROPERTIES = {
    "properties": {
        "empty": "E",
        "blank": "B",
        "nil": "N",
        "null": "U",
        "true": "T",
        "false": "F",
        "contains": "C",
        "and": "A",
        "or": "O",
        "not": "X",
        "in": "I",
        "if": "IF",
        "else": "EL",
        "with": "W",
        "": "no name",
        "nested": {"empty": {"x": "deep"}},
    }
}

KEYWORDS_AS_PROPERTY_NAMES = [
    pytest.param("{{ properties.empty }}", "E", id="empty"),
    pytest.param("{{ properties.blank }}", "B", id="blank"),
    pytest.param("{{ properties.nil }}", "N", id="nil"),
    pytest.param("{{ properties.null }}", "U", id="null"),
    pytest.param("{{ properties.true }}", "T", id="true"),
    pytest.param("{{ properties.false }}", "F", id="false"),
    pytest.param("{{ properties.contains }}", "C", id="contains"),
    pytest.param("{{ properties.and }}", "A", id="and"),
    pytest.param("{{ properties.or }}", "O", id="or"),
    pytest.param(
        "{{ properties.not }}|{{ properties.in }}|{{ properties.if }}|{{ properties.else }}"
        "|{{ properties.with }}",
        "X|I|IF|EL|W",
        id="other-keywords",
    ),
    pytest.param("{{ properties.nested.empty.x }}", "deep", id="mid-path"),
    pytest.param("{{ properties. empty }}", "E", id="space-after-dot"),
    pytest.param("{{ properties.true.size }}", "1", id="followed-by-size"),
    pytest.param("{{ missing.empty }}", "", id="on-a-missing-value"),
    pytest.param("{{ properties.empty | downcase }}", "e", id="filtered"),
    pytest.param('{{ "x" | append: properties.nil }}', "xN", id="filter-argument"),
    pytest.param("{% assign v = properties.blank %}{{ v }}", "B", id="assign"),
    pytest.param("{% echo properties.false %}", "F", id="echo"),
    pytest.param("{% liquid echo properties.and %}", "A", id="liquid-tag"),
    pytest.param(
        "{% liquid if properties.empty\necho properties.nil\nendif %}", "N", id="liquid-tag-block"
    ),
    pytest.param("{% cycle properties.or, properties.nil %}", "O", id="cycle"),
    pytest.param(
        '{% if properties.contains contains "C" %}yes{% endif %}', "yes", id="next-to-contains"
    ),
    pytest.param(
        "{% if properties.and and properties.or %}both{% endif %}", "both", id="next-to-and"
    ),
    pytest.param(
        "{% if properties.empty == empty %}T{% else %}F{% endif %}", "F", id="next-to-literal"
    ),
    pytest.param("{% unless properties.true %}U{% else %}T{% endunless %}", "T", id="unless"),
    pytest.param(
        "{% if missing %}{% elsif properties.null %}elsif{% endif %}", "elsif", id="elsif"
    ),
    pytest.param(
        "{% capture c %}{{ properties.nil }}{% endcapture %}[{{ c }}]", "[N]", id="capture"
    ),
    pytest.param(
        "{{ properties[\"empty\"] }}|{{ properties['nil'] }}", "E|N", id="quoted-in-brackets"
    ),
    pytest.param(
        "{{ properties[empty] }}|{{ properties[blank] }}", "no name|no name", id="empty-in-brackets"
    ),
    pytest.param("{{ properties[nil] }}|{{ properties[null] }}", "U|U", id="nil-in-brackets"),
    pytest.param("{{ properties[true] }}|{{ properties[ false ] }}", "T|F", id="bool-in-brackets"),
    pytest.param(
        "{{ true }}|{{ empty }}|{{ nil }}|{{ false }}", "true|||false", id="alone-literal"
    ),
]


@pytest.mark.parametrize(("template", "expected"), KEYWORDS_AS_PROPERTY_NAMES)
def test_keywords_name_properties_after_a_dot_or_in_brackets(template: str, expected: str) -> None:
    assert render(template, KEYWORD_NAMED_PROPERTIES) == expected


COMPARISONS = [
    pytest.param('{% if "10" > 9 %}T{% else %}F{% endif %}', "T", id="number-coercion-in-order"),
    pytest.param('{% if "b" > "a" %}T{% else %}F{% endif %}', "T", id="string-order"),
    pytest.param(
        '{% if missing < "x" %}T{% else %}F{% endif %}', "F", id="undefined-never-ordered"
    ),
    pytest.param("{% if t == 1 %}T{% else %}F{% endif %}", "F", id="true-is-not-one"),
    pytest.param("{% if n == 5.0 %}T{% else %}F{% endif %}", "T", id="numbers-equal"),
    pytest.param("{% if o == o %}T{% else %}F{% endif %}", "T", id="same-object"),
    pytest.param("{% if missing == nil %}T{% else %}F{% endif %}", "T", id="nil-matches-missing"),
    pytest.param('{% if s contains "b" %}T{% else %}F{% endif %}', "T", id="string-contains"),
    pytest.param('{% if arr contains "a" %}T{% else %}F{% endif %}', "T", id="array-contains"),
    pytest.param('{% if o contains "k" %}T{% else %}F{% endif %}', "F", id="object-never-contains"),
    pytest.param('{% if "" == empty %}T{% else %}F{% endif %}', "T", id="empty"),
    pytest.param('{% if " " == blank %}T{% else %}F{% endif %}', "T", id="blank"),
    pytest.param("{% if true or false and false %}T{% else %}F{% endif %}", "T", id="right-assoc"),
    pytest.param("{% if not t %}T{% else %}F{% endif %}", "F", id="not"),
]


@pytest.mark.parametrize(("template", "expected"), COMPARISONS)
def test_comparisons_follow_liquidjs(template: str, expected: str) -> None:
    assert render(template, PAYLOAD) == expected


ALLOWED_TAGS = [
    pytest.param(
        "{% if n > 9 %}a{% elsif n > 4 %}b{% else %}c{% endif %}", "b", id="if-elsif-else"
    ),
    pytest.param("{% unless t %}u{% else %}e{% endunless %}", "e", id="unless"),
    pytest.param("{% assign x = props.name | upcase %}{{ x }}", "ANN", id="assign"),
    pytest.param(
        "{% capture c %}Hi {{ props.name }}{% endcapture %}{{ c | append: '!' }}",
        "Hi Ann!",
        id="capture",
    ),
    pytest.param("{% raw %}{{ n }}{% for %}{% endraw %}", "{{ n }}{% for %}", id="raw"),
    pytest.param("a{% comment %}{{ n }}{% endcomment %}b{% # note %}", "ab", id="comments"),
    pytest.param(
        "{% increment c %}{% increment c %}{% decrement d %}{{ c }}|{{ d }}",
        "01-12|-1",
        id="increment-decrement",
    ),
    pytest.param("{% increment n %}{{ n }}", "56", id="increment-counts-on-from-payload"),
    pytest.param('{% cycle "x", "y" %}{% cycle "x", "y" %}{% cycle "x", "y" %}', "xyx", id="cycle"),
    pytest.param("{% echo props.name | downcase %}", "ann", id="echo"),
    pytest.param(
        '{% liquid\nassign x = 3 | times: 2\nif x == 6\necho "six"\nendif\n%}', "six", id="liquid"
    ),
    pytest.param("{%- if t -%}\n  yes  \n{%- endif -%}|", "yes|", id="whitespace-control"),
    pytest.param("a{% break %}b", "a", id="break-outside-loop-stops"),
]


@pytest.mark.parametrize(("template", "expected"), ALLOWED_TAGS)
def test_allowed_tags(template: str, expected: str) -> None:
    assert render(template, PAYLOAD) == expected


ALLOWED_FILTERS = [
    pytest.param('{{ "Ab" | upcase }}|{{ "Ab" | downcase }}', "AB|ab", id="case"),
    pytest.param('{{ "ß" | upcase }}', "SS", id="upcase-full-unicode"),
    pytest.param('{{ "a" | append: "b" }}|{{ n | append: 1.0 }}', "ab|51", id="append"),
    pytest.param('{{ missing | default: "d" }}|{{ false | default: "d" }}', "d|d", id="default"),
    pytest.param("{{ false | default: 1, allow_false: true }}", "false", id="default-allow-false"),
    pytest.param('{{ "a,b,,c,," | split: "," | size }}', "4", id="split-drops-trailing-empties"),
    pytest.param('{{ props.tags | join: "+" }}|{{ arr | join }}', "x+y|1 a  2.5", id="join"),
    pytest.param("{{ props.tags | first }}{{ props.tags | last }}", "xy", id="first-last"),
    pytest.param("{{ s | size }}|{{ arr | size }}|{{ o | size }}", "3|4|0", id="size"),
    pytest.param("{{ 7 | modulo: 3 }}", "1", id="modulo"),
    pytest.param('{{ "hello" | slice: 1, 3 }}|{{ "hello" | slice: -2 }}', "ell|l", id="slice"),
    pytest.param(
        '{{ "abcdefghij" | truncate: 5 }}|{{ "abc" | truncate: 5 }}', "ab...|abc", id="trunc"
    ),
    pytest.param('{{ "one two three" | truncatewords: 2 }}', "one two...", id="truncatewords"),
    pytest.param('[{{ "  x  " | strip }}][{{ "  x  " | lstrip }}]', "[x][x  ]", id="strip"),
    pytest.param('{{ "a b&c/é" | url_encode }}', "a+b%26c%2F%C3%A9", id="url-encode"),
    pytest.param('{{ "a+b%20c" | url_decode }}', "a b c", id="url-decode"),
    pytest.param(
        "{{ \"<p>'x' & y</p>\" | escape }}", "&lt;p&gt;&#39;x&#39; &amp; y&lt;/p&gt;", id="escape"
    ),
    pytest.param(
        '{{ "hello" | base64_encode }}|{{ "aGVsbG8=" | base64_decode }}',
        "aGVsbG8=|hello",
        id="base64",
    ),
    pytest.param(
        '{{ "hello" | sha256 }}',
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        id="sha256",
    ),
    pytest.param(
        '{{ "hello" | hmac_sha256: "key" }}',
        "9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b",
        id="hmac-sha256",
    ),
    pytest.param(
        '{{ list | where: "k", "b" | size }}|{{ list | where: "v" | size }}', "1|1", id="where"
    ),
    pytest.param('{{ list | where: "v", nil | size }}', "2", id="where-nil"),
    pytest.param('{{ arr | compact | join: "," }}', "1,a,2.5", id="compact"),
    pytest.param("{{ props | json }}", '{"name":"Ann","plan":"pro","tags":["x","y"]}', id="json"),
    pytest.param('{{ "Hello World!" | slugify }}', "hello-world", id="slugify"),
    pytest.param('{{ "a\\tb" }}|{{ "\\u0041" }}', "a\tb|A", id="string-escapes"),
]


@pytest.mark.parametrize(("template", "expected"), ALLOWED_FILTERS)
def test_allowed_filters(template: str, expected: str) -> None:
    assert render(template, PAYLOAD) == expected


DATES = [
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date: "%Y-%m-%d %H:%M:%S %a %b %j %z %Z" }}',
        "2024-01-02 03:04:05 Tue Jan 002 +0000 UTC",
        id="iso-utc",
    ),
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date }}',
        "Tuesday, January 2, 2024 at 3:04 am +0000",
        id="default-format",
    ),
    pytest.param(
        '{{ "2024-01-02T03:04:05.123+05:30" | date: "%F %Y-%m-%d %H:%M:%S.%L" }}',
        "%F 2024-01-01 21:34:05.123",
        id="offset-and-unknown-directive",
    ),
    pytest.param('{{ 1704164645 | date: "%Y-%m-%d %H" }}', "2024-01-02 03", id="epoch-seconds"),
    pytest.param('{{ "1704164645" | date: "%Y-%m-%d %H" }}', "2024-01-02 03", id="epoch-string"),
    pytest.param('{{ "Jan 2, 2024" | date: "%Y-%m-%d" }}', "2024-01-02", id="month-name"),
    pytest.param('{{ "01/02/2024" | date: "%Y-%m-%d" }}', "2024-01-02", id="us-slashes"),
    pytest.param(
        '{{ "Tue, 02 Jan 2024 03:04:05 +0100" | date: "%Y-%m-%d %H" }}',
        "2024-01-02 02",
        id="rfc-2822",
    ),
    pytest.param('{{ "bogus" | date: "%Y" }}', "bogus", id="unparseable-unchanged"),
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date: "%Y-%m-%d %H:%M %Z", "America/New_York" }}',
        "2024-01-01 22:04 America/New_York",
        id="named-zone",
    ),
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date: "%H:%M %z", 360 }}', "21:04 -0600", id="minutes-zone"
    ),
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date: "%-d/%-m %^a %#B %c" }}',
        "2/1 TUE JANUARY 1/2/2024, 3:04:05 AM",
        id="flags-and-locale",
    ),
    pytest.param(
        '{{ "2024-01-02T03:04:05Z" | date_to_long_string: "ordinal", "US" }}',
        "January 2nd, 2024",
        id="date-to-long-string",
    ),
]


@pytest.mark.parametrize(("template", "expected"), DATES)
def test_dates_render_as_on_a_utc_server(template: str, expected: str) -> None:
    assert render(template) == expected


NON_OBJECT_PAYLOADS = [
    pytest.param("hello", "[5][h][0][]", id="string"),
    pytest.param([5, "x", None], "[3][5][0][]", id="array"),
    pytest.param(5, "[][][0][]", id="number"),
    pytest.param(None, "[][][0][]", id="null"),
    pytest.param(True, "[][][0][]", id="boolean"),
]


@pytest.mark.parametrize(("payload", "expected"), NON_OBJECT_PAYLOADS)
def test_non_object_payload_exposes_only_what_javascript_exposes(
    payload: Any, expected: str
) -> None:
    template = '[{{ length }}][{{ ["0"] }}][{{ size }}][{{ name }}]'
    assert compile_liquid(template, WHERE)(payload) == expected


def test_output_is_not_html_escaped() -> None:
    assert render("{{ h }}", {"h": "<b>&'\"</b>"}) == "<b>&'\"</b>"


def test_compiled_template_renders_each_payload_afresh() -> None:
    render_greeting = compile_liquid("{% increment c %}{% assign x = name %}{{ x }}", WHERE)
    first = {"name": "Ann", "c": 7}
    assert render_greeting(first) == "7Ann"
    assert render_greeting({"name": "Bob"}) == "0Bob"
    assert first == {"name": "Ann", "c": 7}


# --- errors found when compiling ---------------------------------------------------------------


def only_problem(error: pytest.ExceptionInfo[MappingValidationError]) -> str:
    (problem,) = error.value.problems
    assert problem.location == WHERE
    return problem.reason


def test_template_length_is_counted_in_utf16_units() -> None:
    assert render("a" * 1000) == "a" * 1000
    with pytest.raises(MappingValidationError) as error:
        compile_liquid("a" * 999 + "😀", WHERE)
    assert only_problem(error) == "should be a template of 1000 characters or less"


SYNTAX_ERRORS = [
    pytest.param(
        "{{ $.properties.name }}", "not a valid Liquid template", "(line 1, column 4)", id="dollar"
    ),
    pytest.param("{{ unclosed", "not a valid Liquid template", "(line 1, column 1)", id="unclosed"),
    pytest.param(
        "{% bogus %}", 'uses the unknown tag "bogus"', "(line 1, column 1)", id="unknown-tag"
    ),
    pytest.param("{% if a %}x", "not a valid Liquid template", "", id="unclosed-block"),
    pytest.param(
        "a\n  {% endif %}", 'uses the unknown tag "endif"', "(line 2, column 3)", id="stray-end"
    ),
]


@pytest.mark.parametrize(("template", "reason", "position"), SYNTAX_ERRORS)
def test_syntax_errors_are_validation_errors(template: str, reason: str, position: str) -> None:
    with pytest.raises(MappingValidationError) as error:
        compile_liquid(template, WHERE)
    message = only_problem(error)
    assert reason in message
    assert position in message


SEGMENT_DISABLED_TAGS = ["case", "for", "include", "layout", "render", "tablerow"]


def test_the_disabled_tag_list_is_segments() -> None:
    assert sorted(DISABLED_TAGS) == SEGMENT_DISABLED_TAGS


@pytest.mark.parametrize("tag", SEGMENT_DISABLED_TAGS)
def test_disabled_tags_are_refused(tag: str) -> None:
    with pytest.raises(MappingValidationError) as error:
        compile_liquid(f"ok {{% {tag} x %}}", WHERE)
    assert only_problem(error) == f'uses the disabled tag "{tag}" (line 1, column 4)'


def test_disabled_tag_inside_liquid_tag() -> None:
    with pytest.raises(MappingValidationError) as error:
        compile_liquid("{% liquid\nassign a = 1\nfor x in a\nendfor %}", WHERE)
    assert only_problem(error) == 'uses the disabled tag "for" (line 3, column 1)'


SEGMENT_DISABLED_FILTERS = [
    "array_to_sentence_string", "concat", "find", "find_exp", "find_index", "find_index_exp",
    "group_by", "group_by_exp", "has", "has_exp", "map", "newline_to_br", "reject", "reject_exp",
    "reverse", "sort", "sort_natural", "uniq", "where_exp", "type",
]  # fmt: skip


def test_the_disabled_filter_list_is_segments() -> None:
    assert sorted(DISABLED_FILTERS) == sorted(SEGMENT_DISABLED_FILTERS)


@pytest.mark.parametrize("name", SEGMENT_DISABLED_FILTERS)
def test_disabled_filters_are_refused_when_compiling(name: str) -> None:
    with pytest.raises(MappingValidationError) as error:
        compile_liquid(f"{{{{ a | {name} }}}}", WHERE)
    assert only_problem(error) == f'uses the disabled filter "{name}" (line 1, column 8)'


def test_every_disabled_filter_is_reported_even_in_branches_not_taken() -> None:
    template = '{% if false %}\n{{ a | map: "x" | uniq }}{% endif %}{% assign b = a | sort %}'
    with pytest.raises(MappingValidationError) as error:
        compile_liquid(template, WHERE)
    assert error.value.messages == [
        f'{WHERE} uses the disabled filter "map" (line 2, column 8).',
        f'{WHERE} uses the disabled filter "uniq" (line 2, column 19).',
        f'{WHERE} uses the disabled filter "sort" (line 2, column 55).',
    ]


# --- errors found when rendering ---------------------------------------------------------------

RENDER_ERRORS = [
    pytest.param('{{ "a" | append: 1, 2 }}', "append expect 2 arguments", id="append-arity"),
    pytest.param('{{ "%" | url_decode }}', "URI malformed", id="malformed-uri"),
    pytest.param('{{ "x" | base64_decode }}', "invalid base64", id="bad-base64"),
    pytest.param(
        '{{ "2024-01-01" | date: "%Y", "Mars/Base" }}', "Invalid time zone", id="unknown-zone"
    ),
    pytest.param(
        '{% assign x = "aaaaaaaaaa" %}' + "{% assign x = x | append: x %}" * 30,
        "memory alloc limit exceeded",
        id="memory-limit",
    ),
]


@pytest.mark.parametrize(("template", "reason"), RENDER_ERRORS)
def test_render_failures_are_runtime_errors(template: str, reason: str) -> None:
    render_it = compile_liquid(template, WHERE)
    with pytest.raises(MappingRuntimeError) as error:
        render_it({})
    assert error.value.location == WHERE
    assert error.value.reason.startswith("could not be rendered: ")
    assert reason in error.value.reason


# --- robustness --------------------------------------------------------------------------------

LIQUID_PIECES = st.sampled_from(
    ["{{", "}}", "{%", "%}", "{%-", "-%}", "|", ":", ",", " ", "\n", '"', "'", "[", "]", ".",
     "..", "(", ")", "a", "b.c", "x", "1", "-2.5", "if", "endif", "else", "assign", "=", "==",
     "<", "contains", "and", "not", "upcase", "append", "date", "plus", "divided_by", "slice",
     "default", "first", "size", "capture", "endcapture", "raw", "endraw", "comment", "liquid",
     "echo", "cycle", "increment", "for", "sort", "nil", "empty", "%Y", "😀"]
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
PAYLOADS = JSON_VALUES | st.dictionaries(
    st.sampled_from(["a", "b", "x", "size"]), JSON_VALUES, max_size=4
)


def render_outcome(render_it: Callable[[Any], str], payload: Any) -> str | MappingRuntimeError:
    try:
        return render_it(payload)
    except MappingRuntimeError as error:
        return error


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(LIQUID_PIECES | st.text(max_size=3), max_size=40),
    payloads=st.lists(PAYLOADS, min_size=1, max_size=3),
)
def test_any_text_compiles_and_renders_or_fails_with_a_mapping_error(
    pieces: list[str], payloads: list[Any]
) -> None:
    template = "".join(pieces)[:200]
    compile_error: MappingValidationError | None = None
    try:
        render_it = compile_liquid(template, WHERE)
    except MappingValidationError as error:
        compile_error = error
    if compile_error is not None:
        assert {problem.location for problem in compile_error.problems} == {WHERE}
        return
    for payload in payloads:
        outcome = render_outcome(render_it, json.loads(json.dumps(payload)))
        if isinstance(outcome, MappingRuntimeError):
            assert outcome.location == WHERE
        else:
            assert isinstance(outcome, str)
