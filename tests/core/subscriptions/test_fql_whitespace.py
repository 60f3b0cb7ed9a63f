"""The reference's whitespace table (§6): where spaces change the meaning, or break the expression."""

from __future__ import annotations

import pytest

from actions_core.errors import FQLSyntaxError
from actions_core.subscriptions import compile_fql


@pytest.mark.parametrize(
    ("fql", "parsed_as"),
    [
        pytest.param("properties.a=5", 'properties→"a" number_equals 5', id="equals-glued"),
        pytest.param('event="x"', 'event = "x"', id="equals-glued-both-sides"),
        pytest.param('event= "x"', 'event = "x"', id="equals-glued-left"),
        pytest.param("properties.a =5", 'properties→"a" number_equals 5', id="equals-glued-right"),
        pytest.param("properties.a >= 5", 'properties→"a" >= 5', id="greater-equal-spaced"),
        pytest.param("properties.a >=5", 'properties→"a" > "="', id="greater-equal-glued"),
        pytest.param("properties.a <5", 'properties→"a" < 5', id="less-glued-to-value"),
        pytest.param('contains (event, "x")', 'event contains "x"', id="space-before-call-paren"),
        pytest.param('type = "track"and event = "x"', 'type = "track"', id="quote-glued-and"),
        pytest.param('event="x"or type="y"', 'event = "x"', id="quote-glued-or"),
        pytest.param('type="a" or type="b"', 'OR(type = "a", type = "b")', id="spaced-or"),
        pytest.param(
            '(type = "a")or(type = "b")', 'AND(type = "a", type = "b")', id="or-glued-to-paren"
        ),
        pytest.param('type\t=\n"a"', 'type = "a"', id="tab-and-newline"),
    ],
)
def test_whitespace_rules_as_in_segment(fql: str, parsed_as: str) -> None:
    assert compile_fql(fql).describe() == parsed_as


@pytest.mark.parametrize(
    ("fql", "position"),
    [
        pytest.param("properties.a<5", 12, id="less-glued-to-name"),
        pytest.param("properties.a>50", 12, id="greater-glued-to-name"),
        pytest.param("properties.a !=5", 13, id="not-equals-glued-to-value"),
        pytest.param("properties.a!=5", 12, id="not-equals-glued-both"),
        pytest.param("properties.a !=null", 13, id="not-equals-glued-to-null"),
        pytest.param('! contains(event, "x")', 0, id="space-after-bang"),
        pytest.param('type = "track"\r', 14, id="carriage-return"),
    ],
)
def test_whitespace_errors_as_in_segment(fql: str, position: int) -> None:
    with pytest.raises(FQLSyntaxError) as caught:
        compile_fql(fql)
    assert caught.value.position == position
