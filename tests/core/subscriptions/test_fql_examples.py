"""The reference's example table (§5): every row against its sample event, as Segment evaluates it.

Each row gives the FQL, whether it matches the sample event, and how Segment's parser reads it
("Parsed as"), which ``describe()`` must print. Rows where Segment fails are in test_fql_errors.py;
rows 66 and 67 (nested parentheses, which crash Segment) are at the end of this file.
"""

from __future__ import annotations

import pytest

from actions_core.subscriptions import compile_fql

SAMPLE_EVENT = {
    "type": "track",
    "event": "Order Completed",
    "userId": "user-123",
    "anonymousId": "anon-1",
    "properties": {
        "total": 99.5,
        "currency": "USD",
        "coupon": None,
        "premium": True,
        "count": "5",
        "zero": 0,
        "empty": "",
        "tags": ["a", "b"],
        "product name": "X",
        "nested": {"level": {"deep": "yes"}},
        "products": [{"sku": "A1"}],
    },
    "traits": {"plan": "premium", "logins": 12, "vip": False},
    "context": {
        "ip": "1.1.1.1",
        "page": {"url": "https://example.com/checkout?step=2"},
        "locale": "en-US",
    },
}

# (row, FQL, matches the sample event, "Parsed as")
EXAMPLES = [
    (1, 'type = "track"', True, 'type = "track"'),
    (2, 'type = "identify"', False, 'type = "identify"'),
    (3, "type = track", True, 'type = "track"'),
    (4, 'type = "track" or type = "identify"', True, 'OR(type = "track", type = "identify")'),
    (5, 'event = "Order Completed"', True, 'event = "Order Completed"'),
    (6, 'event = "order completed"', False, 'event = "order completed"'),
    (7, 'event != "Order Completed"', False, 'event != "Order Completed"'),
    (8, 'event != "Signed Up"', True, 'event != "Signed Up"'),
    (9, "event = 'Order Completed'", False, "event = \"'Order Completed'\""),
    (10, 'event.foo = "Order Completed"', True, 'event = "Order Completed"'),
    (11, "userId != null", True, "userId exists"),
    (12, "userId = null", False, "userId not_exists"),
    (13, "userId = user-123", True, 'userId = "user-123"'),
    (14, "name = null", True, "name not_exists"),
    (15, "name != null", False, "name exists"),
    (17, "properties.total > 50", True, 'properties→"total" > 50'),
    (18, "properties.total >= 99.5", True, 'properties→"total" >= 99.5'),
    (19, "properties.total < 99.5", False, 'properties→"total" < 99.5'),
    (20, "properties.total = 99.5", True, 'properties→"total" number_equals 99.5'),
    (21, 'properties.total = "99.5"', False, 'properties→"total" = "99.5"'),
    (22, 'properties.total > "50"', True, 'properties→"total" > "50"'),
    (23, "properties.total != 100", True, 'properties→"total" number_not_equals 100'),
    (24, "properties.total >=5", False, 'properties→"total" > "="'),
    (26, 'properties.count = "5"', True, 'properties→"count" = "5"'),
    (27, "properties.count = 5", False, 'properties→"count" number_equals 5'),
    (28, "properties.count > 1", False, 'properties→"count" > 1'),
    (29, "properties.missing != 100", False, 'properties→"missing" number_not_equals 100'),
    (30, 'properties.missing != "x"', True, 'properties→"missing" != "x"'),
    (31, "properties.premium = true", True, 'properties→"premium" is_true'),
    (32, 'properties.premium = "true"', False, 'properties→"premium" = "true"'),
    (33, "properties.coupon = null", True, 'properties→"coupon" not_exists'),
    (34, "properties.coupon != null", False, 'properties→"coupon" exists'),
    (35, "properties.missing = null", True, 'properties→"missing" not_exists'),
    (36, 'properties.empty = ""', True, 'properties→"empty" = ""'),
    (37, "properties.empty = null", False, 'properties→"empty" not_exists'),
    (38, "properties.zero.anything = 0", True, 'properties→"zero.anything" number_equals 0'),
    (39, 'properties.nested.level.deep = "yes"', True, 'properties→"nested.level.deep" = "yes"'),
    (40, 'properties.product\\ name = "X"', True, 'properties→"product name" = "X"'),
    (41, "properties.tags != null", True, 'properties→"tags" exists'),
    (43, 'contains(event, "Completed")', True, 'event contains "Completed"'),
    (44, 'contains(event, "completed")', False, 'event contains "completed"'),
    (45, '!contains(event, "Refund")', True, 'event not_contains "Refund"'),
    (46, 'contains(properties.missing, "x")', False, 'properties→"missing" contains "x"'),
    (47, '!contains(properties.missing, "x")', False, 'properties→"missing" not_contains "x"'),
    (48, 'contains(properties.tags, "a")', False, 'properties→"tags" contains "a"'),
    (49, 'contains(context.page.url, "checkout")', True, 'context→"page.url" contains "checkout"'),
    (50, 'match(event, "Order*")', True, 'event starts_with "Order"'),
    (51, 'match(event, "*Completed")', True, 'event ends_with "Completed"'),
    (52, 'match(event, "Completed")', True, 'event ends_with "ompleted"'),
    (53, '!match(event, "Order*")', False, 'event not_starts_with "Order"'),
    (54, 'match(context.page.url, "https://*")', True, 'context→"page.url" starts_with "https://"'),
    (55, 'context.ip = "1.1.1.1"', True, 'context→"ip" = "1.1.1.1"'),
    (56, 'traits.plan = "premium"', True, 'traits→"plan" = "premium"'),
    (57, "traits.logins >= 10", True, 'traits→"logins" >= 10'),
    (58, "traits.vip = false", True, 'traits→"vip" is_false'),
    (
        59,
        'event = "Order Completed" and properties.total > 100',
        False,
        'AND(event = "Order Completed", properties→"total" > 100)',
    ),
    (
        60,
        'event = "Order Completed" or properties.total > 100',
        True,
        'OR(event = "Order Completed", properties→"total" > 100)',
    ),
    (
        61,
        'type = "identify" and event = "Order Completed" or userId != null',
        True,
        'OR(type = "identify", event = "Order Completed", userId exists)',
    ),
    (
        62,
        'type = "track" or event = "nope" and userId = null',
        False,
        'AND(type = "track", event = "nope", userId not_exists)',
    ),
    (
        63,
        '(type = "identify" or type = "track") and properties.total > 50',
        True,
        'AND(OR(type = "identify", type = "track"), properties→"total" > 50)',
    ),
    (
        64,
        'event = "Order Completed" OR type = "identify"',
        False,
        'AND(event = "Order Completed", type = "identify")',
    ),
    (65, '!(type = "identify")', False, 'type = "identify"'),
    (69, 'type = "track")', True, 'type = "track"'),
    (70, "properties.total > 50 and", True, 'properties→"total" > 50'),
    (71, "type = ", False, 'type = "eos"'),
    (75, "properties.premium != true", True, 'properties→"premium" != true'),
    (76, "name = true", False, 'name = "true"'),
    (77, "event != null", True, 'event != "null"'),
    (78, "properties.total < 1e3", False, 'properties→"total" < 1'),
    (79, 'contains(properties.total, "99")', False, 'properties→"total" contains "99"'),
    (80, 'properties.nested.level != "x"', True, 'properties→"nested.level" != "x"'),
    (81, 'match(event, "*")', True, 'event starts_with ""'),
    (82, 'match(event, "Order")', False, 'event ends_with "rder"'),
    (
        83,
        'contains(event, "Order") and !contains(event, "Refund") and match(event, "*ted")',
        True,
        'AND(event contains "Order", event not_contains "Refund", event ends_with "ted")',
    ),
]


@pytest.mark.parametrize(
    ("fql", "expected"),
    [pytest.param(fql, matches, id=f"row-{row}") for row, fql, matches, _ in EXAMPLES],
)
def test_example_matches_the_sample_event_as_in_segment(fql: str, expected: bool) -> None:
    assert compile_fql(fql).matches(SAMPLE_EVENT) is expected


@pytest.mark.parametrize(
    ("fql", "parsed_as"),
    [pytest.param(fql, parsed, id=f"row-{row}") for row, fql, _, parsed in EXAMPLES],
)
def test_example_is_parsed_as_in_segment(fql: str, parsed_as: str) -> None:
    subscription = compile_fql(fql)
    assert subscription.describe() == parsed_as
    assert str(subscription.tree) == parsed_as


def test_the_table_has_every_row_that_parses_in_segment() -> None:
    # 83 rows, minus the 9 that Segment rejects (16, 25, 42, 66, 67, 68, 72, 73, 74).
    assert len(EXAMPLES) == 74
    assert len({row for row, *_ in EXAMPLES}) == 74


# Rows 66 and 67 crash Segment's parser (it allows one parenthesis level). Here nested parentheses
# are groups of their own, combined by the same last-conditional rule.
@pytest.mark.parametrize(
    ("fql", "expected", "parsed_as"),
    [
        pytest.param(
            'type = "track" and (event = "x" or (userId != null))',
            True,
            'AND(type = "track", OR(event = "x", userId exists))',
            id="row-66",
        ),
        pytest.param('((type = "track"))', True, 'type = "track"', id="row-67"),
    ],
)
def test_nested_parentheses_rows_work_here(fql: str, expected: bool, parsed_as: str) -> None:
    subscription = compile_fql(fql)
    assert subscription.matches(SAMPLE_EVENT) is expected
    assert subscription.describe() == parsed_as
