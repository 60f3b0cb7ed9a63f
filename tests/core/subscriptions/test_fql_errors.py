"""Invalid FQL: everything Segment's engine rejects (or crashes on) raises FQLSyntaxError here,
with the 0-based position of the offending character and a reason a person can act on."""

from __future__ import annotations

import pytest

from actions_core.errors import ActionsError, FQLSyntaxError
from actions_core.subscriptions import compile_fql

FIELDS = "type, event, name, userId, properties.*, traits.* and context.*"


@pytest.mark.parametrize(
    ("fql", "position", "reason"),
    [
        # rows of the reference's example table (§5) that Segment rejects
        pytest.param(
            'anonymousId = "anon-1"',
            0,
            f'unknown field "anonymousId" — subscriptions can test {FIELDS}',
            id="row-16-unknown-field",
        ),
        pytest.param(
            "properties.total>50",
            16,
            'put a space between "properties.total" and ">"',
            id="row-25-operator-glued-to-name",
        ),
        pytest.param(
            'properties.products[0].sku = "A1"',
            19,
            'unexpected "[" after "properties.products": brackets are not supported in names',
            id="row-42-brackets",
        ),
        pytest.param('(type = "track"', 0, 'unclosed "(": no matching ")"', id="row-68-unclosed"),
        pytest.param(
            'typo = "x"',
            0,
            f'unknown field "typo" — subscriptions can test {FIELDS}',
            id="row-72-typo",
        ),
        pytest.param(
            'properties.total > 50 && type = "track"',
            22,
            'unexpected character "&": write "and"',
            id="row-73-double-ampersand",
        ),
        pytest.param(
            "",
            0,
            'empty expression: write a condition such as type = "track"',
            id="row-74-empty",
        ),
        # §4: lexer errors
        pytest.param(
            'type * "x"',
            5,
            'unexpected character "*": "*" is only meaningful inside match()\'s quoted value',
            id="star",
        ),
        pytest.param("a && b", 2, 'unexpected character "&": write "and"', id="and-and"),
        pytest.param(
            'properties["a"] = 1',
            10,
            'unexpected "[" after "properties": brackets are not supported in names',
            id="bracket-after-name",
        ),
        pytest.param(
            "properties.a!=5",
            12,
            '"!=" must be followed by a space here, not "5"',
            id="not-equals-glued",
        ),
        pytest.param(
            'event = "unterminated',
            8,
            'unterminated string: no closing " for this quote',
            id="unterminated-string",
        ),
        # §4: parser errors
        pytest.param(
            "type",
            0,
            '"type" needs an operator and a value, e.g. type = "some value"',
            id="field-alone",
        ),
        pytest.param(
            "userId",
            0,
            '"userId" needs an operator and a value, e.g. userId = "some value"',
            id="userId-alone",
        ),
        pytest.param(
            "properties.a",
            0,
            '"properties.a" needs an operator and a value, e.g. properties.a = "some value"',
            id="path-alone",
        ),
        pytest.param(
            "contains", 0, 'contains needs its arguments: contains(field, "value")', id="contains"
        ),
        pytest.param("match", 0, 'match needs its arguments: match(field, "value")', id="match"),
        pytest.param(
            "contains(",
            0,
            'contains( is missing its value: contains(field, "value")',
            id="contains-open",
        ),
        pytest.param(
            "match(event",
            0,
            'match( is missing its value: match(field, "value")',
            id="match-no-value",
        ),
        # §6: whitespace
        pytest.param(
            "properties.a<5", 12, 'put a space between "properties.a" and "<"', id="lt-glued"
        ),
        pytest.param(
            "properties.a>50", 12, 'put a space between "properties.a" and ">"', id="gt-glued"
        ),
        pytest.param(
            "properties.a !=5",
            13,
            '"!=" must be followed by a space here, not "5"',
            id="not-equals-glued-to-value",
        ),
        pytest.param(
            "properties.a !=null",
            13,
            '"!=" must be followed by a space here, not "n"',
            id="not-equals-glued-to-null",
        ),
        pytest.param(
            '! contains(event, "x")',
            0,
            '"!" must be followed directly by contains( or match( (no space), or by "=" to make '
            '"!="',
            id="bang-space",
        ),
        pytest.param(
            'type = "track"\r',
            14,
            '"\\r" is not allowed (only spaces, tabs and "\\n" separate tokens)',
            id="carriage-return-after-string",
        ),
        pytest.param(
            'type = "x" and \r',
            15,
            '"\\r" is not allowed (only spaces, tabs and "\\n" separate tokens)',
            id="carriage-return",
        ),
    ],
)
def test_reference_error_cases_raise_with_position(fql: str, position: int, reason: str) -> None:
    with pytest.raises(FQLSyntaxError) as caught:
        compile_fql(fql)
    error = caught.value
    assert (error.position, error.reason) == (position, reason)
    assert error.expression == fql
    assert str(error) == f"{reason} (at position {position})"


@pytest.mark.parametrize(
    ("fql", "position", "fragment"),
    [
        pytest.param("   ", 0, "empty expression", id="only-spaces"),
        pytest.param('"x"', 0, "no condition found", id="only-a-value"),
        pytest.param(")", 0, "no condition found", id="only-a-paren"),
        pytest.param("$x", 0, 'unexpected character "$"', id="dollar"),
        pytest.param('event = "a" | type = "b"', 12, 'write "or"', id="pipe"),
        pytest.param("properties.a = 1.", 16, "cannot end with a decimal point", id="trailing-dot"),
        pytest.param("properties.a = 1.5.5", 18, "two decimal points", id="two-points"),
        pytest.param("properties.a\\", 12, "nothing to escape", id="escape-at-end"),
        pytest.param('type = "x" !', 11, '"!" must be followed', id="bang-at-end"),
        pytest.param('event"x"', 5, 'put a space between "event" and the quote', id="quote"),
        pytest.param(
            'event = "a"b', 11, "closing quote must be followed by a space", id="glued-quote"
        ),
        pytest.param("(", 0, 'unclosed "("', id="lone-paren"),
        pytest.param('type = "x" and (', 15, 'unclosed "("', id="trailing-paren"),
        pytest.param("(type", 0, 'unclosed "("', id="unclosed-before-operator"),
        pytest.param('(type = "a" (type = "b")', 0, 'unclosed "("', id="unclosed-outer"),
        pytest.param("()", 0, "no condition inside these parentheses", id="empty-group"),
        pytest.param('type = "a" and ()', 15, "no condition inside", id="empty-group-later"),
        pytest.param('(typo = 1) or type = "x"', 1, 'unknown field "typo"', id="group-unknown"),
        pytest.param('type = "a" and (typo = 1)', 16, 'unknown field "typo"', id="group-later"),
        pytest.param(
            'contains(event, "x") and (type)', 26, '"type" needs an operator', id="group-field"
        ),
        pytest.param(
            'contains(type, "x")',
            9,
            'contains() cannot test "type"; compare it instead: type = "track"',
            id="contains-type",
        ),
        pytest.param(
            'contains(anonymousId, "x")', 9, 'cannot test "anonymousId"', id="contains-unknown"
        ),
        pytest.param(
            'Type = "track"',
            0,
            'unknown field "Type": field names are case-sensitive, write "type"',
            id="case-of-type",
        ),
        pytest.param(
            'userid = "x"', 0, 'field names are case-sensitive, write "userId"', id="case-userId"
        ),
        pytest.param("OR", 0, '"OR" is not a condition', id="upper-case-or-alone"),
        pytest.param(
            "properties.\\. = 1", 0, 'the path "." after "properties." names no key', id="no-key"
        ),
        pytest.param(
            "(" * 70 + 'type = "x"' + ")" * 70, 64, "nested deeper than 64", id="too-deep"
        ),
        pytest.param(
            'event = "' + "x" * 100_000 + '"', 8, "string longer than 99999", id="huge-string"
        ),
    ],
)
def test_other_invalid_expressions_raise_with_position(
    fql: str, position: int, fragment: str
) -> None:
    with pytest.raises(FQLSyntaxError) as caught:
        compile_fql(fql)
    assert caught.value.position == position
    assert fragment in caught.value.reason


def test_syntax_errors_are_actions_errors_with_a_pointer() -> None:
    with pytest.raises(ActionsError) as caught:
        compile_fql("properties.total>50")
    assert isinstance(caught.value, FQLSyntaxError)
    assert caught.value.code == "INVALID_SUBSCRIPTION"
    assert caught.value.pointer() == "properties.total>50\n                ^"
