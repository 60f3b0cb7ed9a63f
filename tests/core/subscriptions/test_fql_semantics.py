"""How conditions are read (reference §2.1, §2.2) and evaluated (§3), beyond the example table."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import FQLSyntaxError
from actions_core.subscriptions import Subscription, compile_fql

# -- §2.1: condition → operator and value, per field kind ---------------------------------------


@pytest.mark.parametrize(
    ("fql", "parsed_as"),
    [
        # properties.*, traits.*, context.*
        pytest.param("properties.a = true", 'properties→"a" is_true', id="props-eq-true"),
        pytest.param("properties.a = false", 'properties→"a" is_false', id="props-eq-false"),
        pytest.param("properties.a = null", 'properties→"a" not_exists', id="props-eq-null"),
        pytest.param("properties.a != null", 'properties→"a" exists', id="props-ne-null"),
        pytest.param("properties.a = 5", 'properties→"a" number_equals 5', id="props-eq-number"),
        pytest.param(
            "properties.a != 5", 'properties→"a" number_not_equals 5', id="props-ne-number"
        ),
        pytest.param('properties.a = "5"', 'properties→"a" = "5"', id="props-eq-string"),
        pytest.param("properties.a != true", 'properties→"a" != true', id="props-ne-true"),
        pytest.param("properties.a < true", 'properties→"a" < true', id="props-lt-true"),
        pytest.param("properties.a = abc", 'properties→"a" = "abc"', id="props-bare-word"),
        pytest.param("traits.a = true", 'traits→"a" is_true', id="traits-eq-true"),
        pytest.param("traits.a != 5", 'traits→"a" number_not_equals 5', id="traits-ne-number"),
        pytest.param("context.a.b = null", 'context→"a.b" not_exists', id="context-eq-null"),
        pytest.param("context.a = 1.50", 'context→"a" number_equals 1.5', id="context-eq-number"),
        # userId
        pytest.param("userId = true", "userId is_true", id="userId-eq-true"),
        pytest.param("userId = false", "userId is_false", id="userId-eq-false"),
        pytest.param("userId = 5", 'userId = "5"', id="userId-eq-number-as-text"),
        pytest.param("userId != 1.50", 'userId != "1.5"', id="userId-ne-number-as-text"),
        pytest.param("userId != true", 'userId != "true"', id="userId-ne-true-as-text"),
        # name
        pytest.param("name = false", 'name = "false"', id="name-eq-false-as-text"),
        pytest.param("name = 5", 'name = "5"', id="name-eq-number-as-text"),
        # type, event: everything is text, null included
        pytest.param("type = null", 'type = "null"', id="type-eq-null-as-text"),
        pytest.param("event != null", 'event != "null"', id="event-ne-null-as-text"),
        pytest.param("event = true", 'event = "true"', id="event-eq-true-as-text"),
        pytest.param("type = 5", 'type = "5"', id="type-eq-number-as-text"),
        pytest.param("type.anything = x", 'type = "x"', id="type-suffix-ignored"),
        # token values
        pytest.param("properties.a = +3", 'properties→"a" number_equals 3', id="plus-sign"),
        pytest.param("properties.a > -1.5", 'properties→"a" > -1.5', id="negative-number"),
        pytest.param("properties.a > -", 'properties→"a" > NaN', id="lone-minus-is-nan"),
        pytest.param("properties.a = 1e5", 'properties→"a" number_equals 1', id="exponent-dropped"),
        pytest.param("properties.a = .5", 'properties→"a" = "."', id="leading-dot"),
        pytest.param("properties.0 = 1", 'properties→"properties" . 0', id="numeric-segment"),
        pytest.param("properties = 1", 'properties→"properties" number_equals 1', id="bare"),
        pytest.param("properties . a = 1", 'properties→"a" number_equals 1', id="spaced-dots"),
        pytest.param('event = "a\\"b"', 'event = "a\\\\"', id="no-escapes-in-strings"),
        pytest.param("properties.a >=5", 'properties→"a" > "="', id="glued-greater-equal"),
        pytest.param("properties.a <=5", 'properties→"a" < "="', id="glued-less-equal"),
        pytest.param('CONTAINS(event, "x")', 'event , "x"', id="upper-case-function"),
        pytest.param('event starts_with "Or"', 'event starts_with "Or"', id="internal-operator"),
        pytest.param('!type = "x"', 'type = "x"', id="bang-before-field-ignored"),
        pytest.param('type = "a" type = "b"', 'AND(type = "a", type = "b")', id="no-conditional"),
        pytest.param('and type = "a"', 'type = "a"', id="leading-conditional"),
        pytest.param('ty\\pe = "a"', 'type = "a"', id="escaped-letter"),
        # words that start like keywords are names
        pytest.param("type = order", 'type = "order"', id="word-starting-with-or"),
        pytest.param("type = android", 'type = "android"', id="word-starting-with-and"),
        pytest.param("type = nullable", 'type = "nullable"', id="word-starting-with-null"),
        # Segment's lexer loses the rest of a short a…/n… word at the very end ("a", "n"); not here
        pytest.param("type = an", 'type = "an"', id="short-word-at-end-kept"),
        pytest.param("userId = nul", 'userId = "nul"', id="short-n-word-at-end-kept"),
        pytest.param('properties.a\\.b = "x"', 'properties→"a.b" = "x"', id="escaped-dot"),
    ],
)
def test_conditions_are_read_as_segment_reads_them(fql: str, parsed_as: str) -> None:
    assert compile_fql(fql).describe() == parsed_as


# -- §2.2: functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fql", "parsed_as"),
    [
        pytest.param('contains(event, "x")', 'event contains "x"', id="contains"),
        pytest.param('!contains(name, "x")', 'name not_contains "x"', id="not-contains"),
        pytest.param("contains(userId, 5)", 'userId contains "5"', id="number-value-as-text"),
        pytest.param("contains(event, true)", 'event contains "true"', id="boolean-value-as-text"),
        pytest.param('match(event, "Order*")', 'event starts_with "Order"', id="starts-with"),
        pytest.param('match(event, "*ted")', 'event ends_with "ted"', id="ends-with"),
        pytest.param('match(event, "Order")', 'event ends_with "rder"', id="no-star-drops-first"),
        pytest.param('match(event, "a*b")', 'event ends_with "*b"', id="inner-star"),
        pytest.param('match(event, "*")', 'event starts_with ""', id="star-alone"),
        pytest.param("match(event, 'X*')", 'event ends_with "X*\'"', id="single-quoted"),
        pytest.param('!match(event, "*x")', 'event not_ends_with "x"', id="not-ends-with"),
        pytest.param('!match(event, "x*")', 'event not_starts_with "x"', id="not-starts-with"),
        pytest.param(
            'match(traits.email, "*@example.com")',
            'traits→"email" ends_with "@example.com"',
            id="traits-path",
        ),
        pytest.param(
            'contains(propertiesX.a, "x")',
            'properties→"propertiesX.a" contains "x"',
            id="prefix-only-check",
        ),
        pytest.param('contains (event, "x")', 'event contains "x"', id="space-before-paren"),
        pytest.param("contains(event)", 'event contains "eos"', id="missing-value-is-eos"),
        pytest.param("match(event,", 'event ends_with "os"', id="match-missing-value"),
        pytest.param('contains(event, "x"', 'event contains "x"', id="missing-close-paren"),
        pytest.param(
            'contains(type, "x") or type = "t"', 'type = "t"', id="type-not-testable-skipped"
        ),
        pytest.param(
            '(contains(event, "x") and type = "t") or userId = "u"',
            'OR(event contains "x", type = "t", userId = "u")',
            id="call-paren-ends-group",
        ),
        pytest.param(
            '(type = "t" and contains(event, "x")) or userId = "u"',
            'OR(AND(type = "t", event contains "x"), userId = "u")',
            id="call-last-in-group",
        ),
    ],
)
def test_functions_are_read_as_segment_reads_them(fql: str, parsed_as: str) -> None:
    assert compile_fql(fql).describe() == parsed_as


# -- §3: evaluation -------------------------------------------------------------------------------


def props(**values: Any) -> dict[str, Any]:
    return {"type": "track", "properties": values}


MISSING_A = props()


@pytest.mark.parametrize(
    ("fql", "event", "expected"),
    [
        # "=" needs a string identical to the value's text
        pytest.param('properties.a = "5"', props(a="5"), True, id="eq-same-text"),
        pytest.param('properties.a = "5"', props(a=5), False, id="eq-number-never-text"),
        pytest.param('properties.a = "true"', props(a=True), False, id="eq-boolean-never-text"),
        pytest.param('properties.a = "x"', MISSING_A, False, id="eq-missing"),
        pytest.param('properties.a = "null"', props(a=None), False, id="eq-null"),
        # "!=" is true for everything but that text
        pytest.param('properties.a != "x"', MISSING_A, True, id="ne-missing"),
        pytest.param('properties.a != "x"', props(a=None), True, id="ne-null"),
        pytest.param('properties.a != "5"', props(a=5), True, id="ne-number"),
        pytest.param("properties.a != true", props(a=True), True, id="ne-true-is-text"),
        pytest.param('properties.a != "x"', props(a="x"), False, id="ne-same-text"),
        # number_equals / number_not_equals need a number
        pytest.param("properties.a = 5", props(a=5), True, id="num-eq-int"),
        pytest.param("properties.a = 5", props(a=5.0), True, id="num-eq-float"),
        pytest.param("properties.a = 5", props(a="5"), False, id="num-eq-text"),
        pytest.param("properties.a = 1", props(a=True), False, id="num-eq-boolean"),
        pytest.param("properties.a = 5", MISSING_A, False, id="num-eq-missing"),
        pytest.param("properties.a != 5", props(a=6), True, id="num-ne-other"),
        pytest.param("properties.a != 5", props(a=5), False, id="num-ne-same"),
        pytest.param("properties.a != 5", MISSING_A, False, id="num-ne-missing"),
        pytest.param("properties.a != 5", props(a="6"), False, id="num-ne-text"),
        pytest.param("properties.a != -", props(a=5), True, id="num-ne-nan"),
        pytest.param(
            "properties.a = 9007199254740992",
            props(a=9007199254740993),
            True,
            id="num-eq-as-doubles",
        ),
        # < <= > >= : the actual value must be a number; the value goes through Number()
        pytest.param("properties.a > 50", props(a=99.5), True, id="gt"),
        pytest.param("properties.a >= 5", props(a=5), True, id="ge-equal"),
        pytest.param("properties.a <= 5", props(a=5), True, id="le-equal"),
        pytest.param("properties.a < 5", props(a=5), False, id="lt-equal"),
        pytest.param('properties.a > "50"', props(a=99.5), True, id="gt-text-value"),
        pytest.param('properties.a > " 0x10 "', props(a=17), True, id="gt-hex-text-value"),
        pytest.param("properties.a > true", props(a=2), True, id="gt-true-is-one"),
        pytest.param('properties.a > "abc"', props(a=2), False, id="gt-nan"),
        pytest.param("properties.a > null", props(a=2), False, id="gt-null-text-is-nan"),
        pytest.param("properties.a > 1", props(a="5"), False, id="gt-text-actual"),
        pytest.param("properties.a > 0", props(a=True), False, id="gt-boolean-actual"),
        pytest.param("properties.a < 1", MISSING_A, False, id="lt-missing"),
        pytest.param("properties.a > 1", props(a=10**400), True, id="gt-huge-int"),
        # text tests need a string
        pytest.param('contains(properties.a, "b")', props(a="abc"), True, id="contains"),
        pytest.param('contains(properties.a, "B")', props(a="abc"), False, id="contains-case"),
        pytest.param('contains(properties.a, "a")', props(a=["a"]), False, id="contains-array"),
        pytest.param('contains(properties.a, "1")', props(a=1), False, id="contains-number"),
        pytest.param('!contains(properties.a, "x")', props(a="abc"), True, id="not-contains"),
        pytest.param('!contains(properties.a, "x")', MISSING_A, False, id="not-contains-missing"),
        pytest.param('!contains(properties.a, "x")', props(a=5), False, id="not-contains-number"),
        pytest.param('match(properties.a, "ab*")', props(a="abc"), True, id="starts-with"),
        pytest.param('!match(properties.a, "ab*")', props(a="xbc"), True, id="not-starts-with"),
        pytest.param('!match(properties.a, "ab*")', MISSING_A, False, id="not-starts-missing"),
        pytest.param('match(properties.a, "*bc")', props(a="abc"), True, id="ends-with"),
        pytest.param('!match(properties.a, "*bc")', props(a="abx"), True, id="not-ends-with"),
        pytest.param('!match(properties.a, "*bc")', props(a=None), False, id="not-ends-null"),
        # exists / not_exists
        pytest.param("properties.a != null", props(a=""), True, id="exists-empty-text"),
        pytest.param("properties.a != null", props(a=0), True, id="exists-zero"),
        pytest.param("properties.a != null", props(a=False), True, id="exists-false"),
        pytest.param("properties.a != null", props(a=[]), True, id="exists-empty-list"),
        pytest.param("properties.a != null", props(a={}), True, id="exists-empty-object"),
        pytest.param("properties.a != null", props(a=None), False, id="exists-null"),
        pytest.param("properties.a != null", MISSING_A, False, id="exists-missing"),
        pytest.param("properties.a = null", props(a=None), True, id="not-exists-null"),
        pytest.param("properties.a = null", MISSING_A, True, id="not-exists-missing"),
        pytest.param("properties.a = null", props(a=0), False, id="not-exists-zero"),
        # is_true / is_false need a boolean
        pytest.param("properties.a = true", props(a=True), True, id="is-true"),
        pytest.param("properties.a = true", props(a="true"), False, id="is-true-text"),
        pytest.param("properties.a = true", props(a=1), False, id="is-true-one"),
        pytest.param("properties.a = false", props(a=False), True, id="is-false"),
        pytest.param("properties.a = false", props(a=0), False, id="is-false-zero"),
        pytest.param("properties.a = false", MISSING_A, False, id="is-false-missing"),
        # operators Segment does not know are never true
        pytest.param('CONTAINS(event, "x")', {"event": "x"}, False, id="unknown-operator"),
        pytest.param('event starts_with "Or"', {"event": "Order"}, True, id="internal-operator"),
        # top-level fields
        pytest.param('type = "track"', {"event": "x"}, False, id="top-eq-missing"),
        pytest.param('userId != "x"', {}, True, id="top-ne-missing"),
        pytest.param("userId = true", {"userId": True}, True, id="top-is-true"),
        pytest.param('name = "true"', {"name": True}, False, id="top-eq-boolean"),
        pytest.param("name = null", {"name": None}, True, id="top-not-exists-null"),
        pytest.param('event = "a\\"b"', {"event": "a\\"}, True, id="string-cut-at-quote"),
    ],
)
def test_comparisons_follow_segment(fql: str, event: dict[str, Any], expected: bool) -> None:
    assert compile_fql(fql).matches(event) is expected


@pytest.mark.parametrize(
    ("fql", "event", "expected"),
    [
        pytest.param("properties.zero.x = 0", props(zero=0), True, id="stops-at-zero"),
        pytest.param('properties.e.x = ""', props(e=""), True, id="stops-at-empty-text"),
        pytest.param("properties.f.x = false", props(f=False), True, id="stops-at-false"),
        pytest.param("properties.n.x = null", props(n=None), True, id="stops-at-null"),
        pytest.param("properties.a.b = null", props(a={}), True, id="missing-key"),
        pytest.param("properties.a.b = null", {"type": "track"}, True, id="missing-container"),
        pytest.param("properties.a.b = null", props(a=5), True, id="key-of-number"),
        pytest.param("properties.a = 0", {"properties": 0}, True, id="falsy-container"),
        pytest.param("properties.tags.length = 2", props(tags=["a", "b"]), True, id="list-length"),
        pytest.param("properties.c.length = 3", props(c="USD"), True, id="text-length"),
        pytest.param('properties.tags.\\1 = "b"', props(tags=["a", "b"]), True, id="list-index"),
        pytest.param("properties.tags.\\2 = null", props(tags=["a", "b"]), True, id="past-end"),
        pytest.param(
            'properties.p\\[0\\].sku = "A1"', props(p=[{"sku": "A1"}]), True, id="bracket-path"
        ),
        pytest.param('properties.c.\\0 = "U"', props(c="USD"), True, id="text-index"),
        pytest.param(
            'context.traits.email = "a@b.c"',
            {"context": {"traits": {"email": "a@b.c"}}},
            True,
            id="context-traits",
        ),
        pytest.param(
            'traits.plan = "pro"', {"type": "track", "traits": {"plan": "pro"}}, True, id="traits"
        ),
        pytest.param(
            'properties.plan = "pro"',
            {"type": "identify", "traits": {"plan": "pro"}},
            False,
            id="properties-never-reads-traits",
        ),
    ],
)
def test_paths_are_walked_as_segment_walks_them(
    fql: str, event: dict[str, Any], expected: bool
) -> None:
    assert compile_fql(fql).matches(event) is expected


@pytest.mark.parametrize(
    ("fql", "expected"),
    [
        pytest.param('type = "a" or type = "b" or type = "c"', True, id="or-of-three"),
        pytest.param('type = "c" and userId = "u" and event = "e"', True, id="and-of-three"),
        pytest.param('type = "x" and userId = "u" and event = "e"', False, id="and-short"),
        pytest.param('type = "a" or type = "b" and type = "c"', False, id="last-and-wins"),
        pytest.param('type = "c" and type = "b" or type = "a"', True, id="last-or-wins"),
        pytest.param('(type = "a" or type = "c") and (userId = "u")', True, id="groups"),
        pytest.param('((type = "a" or (type = "c" and userId = "u")))', True, id="deep-nesting"),
        pytest.param('(type = "a" or (type = "c" and userId = "x"))', False, id="deep-false"),
    ],
)
def test_groups_combine_left_to_right(fql: str, expected: bool) -> None:
    event = {"type": "c", "userId": "u", "event": "e"}
    assert compile_fql(fql).matches(event) is expected


# -- the API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "event",
    [None, "track", 5, 0, True, [], [{"type": "track"}]],
    ids=["null", "string", "number", "zero", "boolean", "empty-list", "list"],
)
def test_values_that_are_not_objects_never_match(event: Any) -> None:
    # Segment's engine throws on null and treats every lookup on a string as missing (so
    # "userId = null" would match "track"); here only JSON objects are events.
    assert compile_fql("userId = null").matches(event) is False
    assert compile_fql('userId != "x"').matches(event) is False


def test_compiled_subscriptions_are_cached_by_text() -> None:
    first = compile_fql('type = "track" and event = "Cached"')
    assert compile_fql('type = "track" and event = "Cached"') is first
    assert isinstance(first, Subscription)
    assert first.expression == 'type = "track" and event = "Cached"'


def test_a_subscription_that_is_not_text_is_a_syntax_error() -> None:
    with pytest.raises(FQLSyntaxError) as caught:
        compile_fql(5)  # type: ignore[arg-type]
    assert caught.value.position == 0
    assert caught.value.reason == "a subscription must be text, not int"


def test_the_tree_prints_nested_groups() -> None:
    subscription = compile_fql('(type = "a" or type = "b") and (event = "x" or userId != null)')
    assert str(subscription.tree) == (
        'AND(OR(type = "a", type = "b"), OR(event = "x", userId exists))'
    )
    assert subscription.tree.operator == "and"
    assert len(subscription.tree.children) == 2
