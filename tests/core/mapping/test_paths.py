"""Path syntax of ``@path`` and of ``@template`` placeholders (reference mapping-kit.md §3.1, §3.2).

Each row of the §3.1 table is one case: a path, an input, and the value Segment's engine returns.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.mapping import MISSING, transform

PATH_TABLE = [
    pytest.param("$.foo.bar", {"foo": {"bar": 42}}, 42, id="dollar-dot-prefix"),
    pytest.param("foo.bar", {"foo": {"bar": 42}}, 42, id="dollar-dot-optional"),
    pytest.param("$.foo.baz[0].num", {"foo": {"baz": [{"num": 1}]}}, 1, id="bracket-index"),
    pytest.param("foo.baz.0.num", {"foo": {"baz": [{"num": 1}]}}, 1, id="dot-index"),
    pytest.param("arr[1][0]", {"arr": [[1, 2], [3, 4]]}, 3, id="chained-brackets"),
    pytest.param(
        '$.properties["product name"]',
        {"properties": {"product name": "X"}},
        "X",
        id="quoted-key-quotes-stripped",
    ),
    pytest.param(
        "properties.product name",
        {"properties": {"product name": "X"}},
        "X",
        id="spaces-are-ordinary-characters",
    ),
    pytest.param(
        "$.integrations.Actions Amplitude.session_id",
        {"integrations": {"Actions Amplitude": {"session_id": 1700000000}}},
        1700000000,
        id="spaces-in-nested-key",
    ),
    pytest.param("", {"a": 1}, {"a": 1}, id="empty-is-root"),
    pytest.param("$.", {"a": 1}, {"a": 1}, id="dollar-dot-is-root"),
    pytest.param(".", {"a": 1}, {"a": 1}, id="dot-is-root"),
    pytest.param("..", {"a": 1}, {"a": 1}, id="two-dots-is-root"),
    pytest.param("$", {"a": 1}, MISSING, id="lone-dollar-is-a-key"),
    pytest.param("$a", {"$a": 2}, 2, id="dollar-without-dot-is-part-of-key"),
    pytest.param("a.$.b", {"a": {"b": 3}}, 3, id="first-dollar-dot-removed-anywhere"),
    pytest.param("$.foo.$.bar", {"foo": {"bar": 3}}, MISSING, id="only-first-dollar-dot-removed"),
    pytest.param("foo['a.b']", {"foo": {"a.b": 3}}, MISSING, id="dots-split-inside-quotes"),
    pytest.param("k.dot", {"k.dot": 5}, MISSING, id="key-with-dot-unreachable"),
    pytest.param("foo[bar]", {"foo[bar]": 4}, 4, id="bracket-without-quote-or-digit-is-key"),
    pytest.param("foo[-1]", {"foo": [1, 2]}, MISSING, id="no-negative-index"),
    pytest.param("a.b[*].c", {"a": {"b": [{"c": 1}]}}, MISSING, id="no-wildcard"),
    pytest.param("it's", {"its": 1}, 1, id="all-quote-characters-deleted"),
    pytest.param("a.b", {"a": 0}, 0, id="falsy-short-circuit-zero"),
    pytest.param("a.b", {"a": ""}, "", id="falsy-short-circuit-empty-string"),
    pytest.param("a.b", {"a": False}, False, id="falsy-short-circuit-false"),
    pytest.param("a.b", {"a": None}, None, id="falsy-short-circuit-null"),
    pytest.param("a.b.c", {"a": 0}, 0, id="falsy-short-circuit-deep"),
    pytest.param("a.b", {"a": "str"}, MISSING, id="property-of-string-missing"),
    pytest.param("a.length", {"a": "hello"}, 5, id="string-length"),
    pytest.param("a.length", {"a": [1, 2]}, 2, id="array-length"),
    pytest.param("a.0", {"a": "hello"}, "h", id="string-index"),
    pytest.param("a", {"a": None}, None, id="null-is-a-value"),
]


@pytest.mark.parametrize(("path", "data", "expected"), PATH_TABLE)
def test_path_table(path: str, data: dict[str, Any], expected: Any) -> None:
    result = transform({"@path": path}, data)
    if expected is MISSING:
        assert result is MISSING
    else:
        assert result == expected
        assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("path", "data", "expected"),
    [
        # §3.1 step 4: "" is falsy, so the walk stops before asking for its length.
        pytest.param("a.length", {"a": ""}, "", id="empty-string-short-circuits-before-length"),
        pytest.param("a.length", {"a": []}, 0, id="empty-array-is-truthy-length-zero"),
        pytest.param("a.0", {"a": {"0": "zero"}}, "zero", id="digit-key-on-object"),
        pytest.param("a.length", {"a": {"length": 7}}, 7, id="length-key-on-object-is-data"),
        pytest.param("a.9", {"a": "hi"}, MISSING, id="string-index-out-of-range"),
        pytest.param("a[5]", {"a": [1]}, MISSING, id="array-index-out-of-range"),
    ],
)
def test_path_rules_applied(path: str, data: dict[str, Any], expected: Any) -> None:
    result = transform({"@path": path}, data)
    if expected is MISSING:
        assert result is MISSING
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("path", "data"),
    [
        pytest.param("a.length", {"a": {"b": 1}}, id="length-of-object"),
        pytest.param("a.constructor", {"a": {}}, id="constructor"),
        pytest.param("toString", {}, id="toString-on-root"),
        pytest.param("a.toString", {"a": "s"}, id="toString-on-string"),
        pytest.param("a.__proto__", {"a": {}}, id="proto"),
        pytest.param("a.hasOwnProperty", {"a": []}, id="hasOwnProperty-on-array"),
        pytest.param("a.__class__", {"a": {}}, id="python-dunder"),
        pytest.param("a.upper", {"a": "s"}, id="python-method-name"),
    ],
)
def test_non_data_properties_are_missing(path: str, data: dict[str, Any]) -> None:
    """compat D6: only `length` and indexes on strings/arrays are emulated; no other JS property."""
    assert transform({"@path": path}, data) is MISSING


PATH_EXAMPLES = [
    pytest.param(
        {"@path": "$.foo.baz[1].num"},
        {"foo": {"baz": [{"num": 1}, {"num": 2}]}},
        2,
        id="bracket-index",
    ),
    pytest.param({"v": {"@path": "$.a.b"}}, {"a": 0}, {"v": 0}, id="falsy-short-circuit"),
    pytest.param(
        {"v": {"@path": {"@template": "properties.{{k}}"}}},
        {"k": "plan", "properties": {"plan": "pro"}},
        {"v": "pro"},
        id="path-from-template",
    ),
    pytest.param({"neat": {"@path": "$.oops"}}, {"foo": "bar"}, {}, id="missing-key-removed"),
    pytest.param(
        {"@path": {"@path": "$.p"}},
        {"p": "a.b", "a": {"b": "deep"}},
        "deep",
        id="path-from-path",
    ),
]


@pytest.mark.parametrize(("mapping", "data", "expected"), PATH_EXAMPLES)
def test_path_examples(mapping: dict[str, Any], data: dict[str, Any], expected: Any) -> None:
    """Reference §4.1's examples."""
    assert transform(mapping, data) == expected


# §3.2: @template placeholders use the same walker, without removing "$.".
TEMPLATE_PLACEHOLDERS = [
    pytest.param("{{$.userId}}", {"userId": "u1"}, "", id="dollar-dot-not-stripped"),
    pytest.param("{{ userId }}", {"userId": "u1"}, "u1", id="spaces-trimmed"),
    pytest.param("{{\n\tuserId \n}}", {"userId": "u1"}, "u1", id="newlines-and-tabs-trimmed"),
    pytest.param("{{ }}", {"x": 1}, "[object Object]", id="blank-key-is-root"),
    pytest.param(
        '{{properties["product name"]}}',
        {"properties": {"product name": "X"}},
        "X",
        id="quoted-key",
    ),
    pytest.param("{{arr[1][0]}}", {"arr": [[1, 2], [3, 4]]}, "3", id="chained-brackets"),
    pytest.param("{{a.b}}", {"a": 0}, "0", id="falsy-short-circuit-zero"),
    pytest.param("{{a.b}}", {"a": False}, "false", id="falsy-short-circuit-false"),
    pytest.param("{{a.length}}", {"a": "hey"}, "3", id="string-length"),
    pytest.param("{{foo[bar]}}", {"foo[bar]": 4}, "4", id="bracket-without-digit-is-key"),
]


@pytest.mark.parametrize(("template", "data", "expected"), TEMPLATE_PLACEHOLDERS)
def test_template_placeholder_paths(template: str, data: dict[str, Any], expected: str) -> None:
    assert transform({"@template": template}, data) == expected
