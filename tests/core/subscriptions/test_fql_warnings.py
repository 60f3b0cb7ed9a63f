"""Warnings: valid expressions whose Segment reading is probably not what the author meant.

Each case gives the expression, the warning's kind, its position and a fragment of the advice. The
expression still means what it means in Segment — the warning only says so.
"""

from __future__ import annotations

import pytest

from actions_core.subscriptions import FQLWarning, compile_fql


@pytest.mark.parametrize(
    ("fql", "code", "position", "fragment"),
    [
        pytest.param(
            'type = "identify" and event = "Order Completed" or userId != null',
            "mixed-conditionals",
            18,
            'the last conditional ("or" at 48) combines all 3 conditions here, so this reads as: '
            'type = "identify" or event = "Order Completed" or userId != null',
            id="row-61-mixed-and-or",
        ),
        pytest.param(
            'type = "track" or event = "nope" and userId = null',
            "mixed-conditionals",
            15,
            "Put parentheses around the conditions that belong together",
            id="row-62-mixed-or-and",
        ),
        pytest.param(
            'event = "Order Completed" OR type = "identify"',
            "uppercase-conditional",
            26,
            '"OR" is not a conditional (only lower-case "and"/"or" are), so it is ignored and '
            'the conditions here are combined with "and"; write "or"',
            id="row-64-upper-case-or",
        ),
        pytest.param(
            'type = "a" AND type = "b" or type = "c"',
            "uppercase-conditional",
            11,
            'combined with "or"; write "and"',
            id="upper-case-and",
        ),
        pytest.param(
            'match(event, "Completed")',
            "match-without-star",
            13,
            'match() without "*" tests whether event ends with "ompleted" (the first character '
            'is dropped). Write "*Completed" for ends-with or "Completed*" for starts-with',
            id="row-52-match-without-star",
        ),
        pytest.param(
            'match(event, "*a*")',
            "match-without-star",
            13,
            'this tests whether event starts with "*a", with "*" as a plain character',
            id="star-in-the-middle",
        ),
        pytest.param(
            "properties.total >=5",
            "glued-operator",
            17,
            '">=5" is read as ">" with the value "=", which is never true: ">=" must be '
            "followed by a space, e.g. properties.total >= 5",
            id="row-24-greater-equal-glued",
        ),
        pytest.param(
            "properties.total <=5",
            "glued-operator",
            17,
            '"<=5" is read as "<" with the value "="',
            id="less-equal-glued",
        ),
        pytest.param(
            "name = true",
            "boolean-text",
            7,
            'name = true compares with the text "true" (a boolean never equals it); '
            'write name = "true" to say so',
            id="row-76-name-equals-true",
        ),
        pytest.param(
            "event != false", "boolean-text", 9, 'write event != "false"', id="event-not-false"
        ),
        pytest.param(
            "properties.premium != true",
            "boolean-text",
            22,
            "properties.premium != true is true for every value except that text — including "
            "the boolean true. To test a boolean, write properties.premium = false",
            id="row-75-not-equals-true",
        ),
        pytest.param(
            "userId != false",
            "boolean-text",
            10,
            "including the boolean false. To test a boolean, write userId = true",
            id="userId-not-false",
        ),
        pytest.param(
            "event != null",
            "null-text",
            9,
            'event != null compares with the text "null", so it is true for every event other '
            'than that text. To require event, write match(event, "*")',
            id="row-77-event-not-null",
        ),
        pytest.param(
            "type = null",
            "null-text",
            7,
            "so it is false for every type other than that text",
            id="type-null",
        ),
        pytest.param(
            '!(type = "identify")',
            "ignored-negation",
            0,
            "here it is ignored, so the parenthesised group after it is not negated",
            id="row-65-bang-before-group",
        ),
        pytest.param(
            '!type = "x"',
            "ignored-negation",
            0,
            "so the condition after it is not negated",
            id="bang-before-field",
        ),
        pytest.param(
            "event = 'Order Completed'",
            "single-quotes",
            8,
            "single quotes are part of the value: this compares with 'Order Completed' including "
            'the quotes; use double quotes: "Order Completed"',
            id="row-9-single-quotes",
        ),
        pytest.param(
            "match(event, 'X*')", "single-quotes", 13, "use double quotes", id="match-single"
        ),
        pytest.param(
            "properties.total < 1e3",
            "exponent",
            19,
            'exponents are not supported: "1e3" is read as 1 and "e3" is ignored',
            id="row-78-exponent",
        ),
        pytest.param(
            "type = ",
            "missing-value",
            5,
            '"type =" has no value, so Segment\'s engine compares with the text "eos"',
            id="row-71-missing-value",
        ),
        pytest.param(
            'type = "track")',
            "ignored-tokens",
            14,
            'this ")" closes nothing and is ignored',
            id="row-69-stray-paren",
        ),
        pytest.param(
            "properties.total > 50 and",
            "stray-conditional",
            22,
            '"and" has no condition after it',
            id="row-70-trailing-and",
        ),
        pytest.param(
            'and type = "a"', "stray-conditional", 0, "no condition before it", id="leading-and"
        ),
        pytest.param(
            'event.foo = "Order Completed"',
            "ignored-suffix",
            0,
            '"event.foo" tests event: everything after "event" is ignored',
            id="row-10-suffix",
        ),
        pytest.param(
            "properties = 1",
            "bare-container",
            0,
            '"properties" on its own tests the key "properties" inside the event\'s properties',
            id="bare-properties",
        ),
        pytest.param(
            'type = "track"and event = "x"',
            "glued-string",
            14,
            'the closing quote at 13 is directly followed by "a"',
            id="quote-glued-to-and",
        ),
        pytest.param(
            'type = "a" and anonymousId = "x"',
            "ignored-tokens",
            15,
            '"anonymousId" is not a field subscriptions can test, so anonymousId = "x" is ignored',
            id="unknown-field-next-to-a-condition",
        ),
        pytest.param(
            "event = Order Completed",
            "ignored-tokens",
            14,
            "Completed after the condition is ignored; values with spaces need double quotes",
            id="unquoted-value-with-space",
        ),
        pytest.param(
            "properties.a = 5abc",
            "ignored-tokens",
            16,
            '"5abc" is read as the number 5 followed by "abc", which is ignored',
            id="letters-after-number",
        ),
        pytest.param(
            '(type = "a")or(type = "b")',
            "ignored-tokens",
            12,
            '"or" directly followed by "(" is read as a name',
            id="or-glued-to-paren",
        ),
        pytest.param(
            'CONTAINS(event, "x")',
            "ignored-tokens",
            0,
            '"CONTAINS" is not a function (function names are lower-case: contains)',
            id="upper-case-function",
        ),
        pytest.param(
            'CONTAINS(event, "x")',
            "not-an-operator",
            14,
            '"," stands where an operator (=, !=, <, <=, >, >=) belongs, so this condition is '
            "never true",
            id="comma-as-operator",
        ),
        pytest.param(
            'event starts_with "Or"',
            "not-an-operator",
            6,
            '"starts_with" is not an FQL operator',
            id="internal-operator-name",
        ),
        pytest.param(
            "properties.a = .5",
            "odd-value",
            15,
            'this is read as the value "." and "5" is ignored; write 0.5',
            id="leading-decimal-point",
        ),
        pytest.param(
            "type = and",
            "odd-value",
            7,
            'the value of "type =" is the symbol "and"',
            id="conditional-as-value",
        ),
        pytest.param(
            'type = "a" type = "b"',
            "missing-conditional",
            11,
            'no "and"/"or" before this condition; it is combined with the others by "and"',
            id="two-conditions-without-conditional",
        ),
        pytest.param(
            '(contains(event, "x") and type = "t") or userId = "u"',
            "call-closes-group",
            20,
            'this ")" ends both contains( and the "(" at 0',
            id="call-paren-closes-group",
        ),
        pytest.param(
            'contains(type, "x") or type = "t"',
            "ignored-call",
            9,
            'contains() cannot test "type"; compare it instead: type = "track"; this call is '
            "ignored",
            id="contains-on-type",
        ),
        pytest.param(
            "contains(event)",
            "malformed-call",
            0,
            'contains() has no value here, so Segment\'s engine uses the text "eos"',
            id="call-without-value",
        ),
        pytest.param(
            'contains(event "x")',
            "malformed-call",
            0,
            "contains() is read by position as contains(event, ))",
            id="call-without-comma",
        ),
        pytest.param(
            'contains(event, "x"',
            "malformed-call",
            0,
            'contains( has no closing ")"',
            id="call-without-close",
        ),
    ],
)
def test_traps_are_flagged_with_position_and_advice(
    fql: str, code: str, position: int, fragment: str
) -> None:
    warnings = [w for w in compile_fql(fql).warnings if w.code == code]
    assert [w.position for w in warnings] == [position]
    assert fragment in warnings[0].message


@pytest.mark.parametrize(
    "fql",
    [
        'type = "track"',
        'type = "track" or type = "identify"',
        'event = "Order Completed" and properties.total > 100',
        '(type = "identify" or type = "track") and properties.total > 50',
        'contains(event, "Order") and !contains(event, "Refund") and match(event, "*ted")',
        'match(context.page.url, "https://*")',
        "properties.total >= 99.5",
        "userId != null and traits.vip = false",
        'type = "track" and (event = "x" or (userId != null))',
        '(type = "t" and contains(event, "x")) or userId = "u"',
        '(type = "a" or (contains(event, "x") and type = "b"))',
    ],
)
def test_clear_expressions_have_no_warnings(fql: str) -> None:
    assert compile_fql(fql).warnings == ()


def test_warnings_are_ordered_by_position_and_print_it() -> None:
    warnings = compile_fql("event = 'x' OR name = true").warnings
    assert [(w.code, w.position) for w in warnings] == [
        ("single-quotes", 8),
        ("uppercase-conditional", 12),
        ("boolean-text", 22),
    ]
    first = warnings[0]
    assert isinstance(first, FQLWarning)
    assert str(first) == f"{first.message} (at position 8)"
