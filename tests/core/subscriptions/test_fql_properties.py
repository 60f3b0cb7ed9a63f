"""Property tests: any text compiles or raises FQLSyntaxError; compiled subscriptions answer a bool
for any JSON value. Nothing else may escape (no IndexError, RecursionError, TypeError …)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from actions_core.errors import FQLSyntaxError
from actions_core.subscriptions import FQLWarning, Subscription, compile_fql

FQL_TOKENS = [
    "type", "event", "name", "userId", "properties", "traits", "context", "properties.a",
    "traits.plan", "context.page.url", "anonymousId", "OR", "AND", "and", "or", "null", "true",
    "false", "contains", "match", "!contains", "!match", "!", "=", "!=", "<", "<=", ">", ">=",
    "(", ")", "[", "]", ",", ".", '"x"', '"Order*"', '"*ted"', "'q'", '"', "5", "-1.5", "-", "+3",
    "1e3", ".5", "1.", "\\", "\\ ", "a\\.b", "*", "&&", "\r", "track", "properties.zero.x",
]  # fmt: skip
SEPARATORS = ["", " ", " ", "  ", "\t", "\n"]

token_soup = st.lists(
    st.tuples(st.sampled_from(FQL_TOKENS), st.sampled_from(SEPARATORS)), max_size=14
).map(lambda pairs: "".join(token + separator for token, separator in pairs))

EVENT_KEYS = [
    "type", "event", "properties", "traits", "context", "userId", "name",
    "a", "b", "x", "zero", "page", "url", "plan", "0", "length",
]  # fmt: skip

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(EVENT_KEYS), children, max_size=5)
    ),
    max_leaves=12,
)


def compile_or_none(expression: str) -> Subscription | None:
    """The compiled subscription, or None after checking the syntax error is well-formed."""
    error: FQLSyntaxError | None = None
    try:
        subscription = compile_fql(expression)
    except FQLSyntaxError as caught:
        error = caught
    if error is not None:
        assert 0 <= error.position <= len(expression)
        assert error.reason
        return None
    assert isinstance(subscription.describe(), str)
    for warning in subscription.warnings:
        assert isinstance(warning, FQLWarning)
        assert 0 <= warning.position <= len(expression)
    return subscription


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_any_text_compiles_or_raises_a_syntax_error(expression: str) -> None:
    compile_or_none(expression)


@settings(max_examples=500, deadline=None)
@given(token_soup)
def test_token_soups_compile_or_raise_a_syntax_error(expression: str) -> None:
    compile_or_none(expression)


@settings(max_examples=400, deadline=None)
@given(token_soup, json_values)
def test_matches_answers_a_bool_for_any_json_value(expression: str, event: Any) -> None:
    subscription = compile_or_none(expression)
    if subscription is not None:
        assert subscription.matches(event) in (True, False)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [
            'type = "track"',
            "properties.a.b != null",
            "properties.zero.x = 0",
            'contains(properties.a, "x") or !match(traits.plan, "p*")',
            "properties.a > 5 and userId = null",
            "context.page.url != 5",
            "traits.a.length >= 1",
        ]
    ),
    json_values,
)
def test_valid_subscriptions_answer_a_bool_for_any_json_value(expression: str, event: Any) -> None:
    result = compile_fql(expression).matches(event)
    assert result is True or result is False
    if not isinstance(event, dict):
        assert result is False
