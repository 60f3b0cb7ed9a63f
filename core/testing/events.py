"""Test events shaped like the ones Segment's libraries send, deterministic by default."""

from __future__ import annotations

import copy
from typing import Any

from ..jsvalues import MISSING

__all__ = ["TEST_TIMESTAMP", "TestEvent", "create_test_event"]

TEST_TIMESTAMP = "2024-01-01T00:00:00.000Z"
"""The fixed instant every test event carries unless told otherwise, so snapshots never drift."""

_BASE_EVENT: dict[str, Any] = {
    "anonymousId": "anonId1234",
    "context": {
        "ip": "8.8.8.8",
        "library": {"name": "analytics.js", "version": "2.11.1"},
        "locale": "en-US",
        "location": {
            "city": "San Francisco",
            "country": "United States",
            "latitude": 40.2964197,
            "longitude": -76.9411617,
            "speed": 0,
        },
        "page": {
            "path": "/academy/",
            "referrer": "",
            "search": "",
            "title": "Analytics Academy",
            "url": "https://segment.com/academy/",
        },
        "timezone": "Europe/Amsterdam",
        "userAgent": (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 9_1 like Mac OS X) AppleWebKit/601.1.46 "
            "(KHTML, like Gecko) Version/9.0 Mobile/13B143 Safari/601.1"
        ),
    },
    "event": "Test Event",
    "messageId": "test-message-id",
    "properties": {},
    "receivedAt": TEST_TIMESTAMP,
    "sentAt": TEST_TIMESTAMP,
    "timestamp": TEST_TIMESTAMP,
    "traits": {},
    "type": "track",
    "userId": "user1234",
}


class TestEvent(dict[str, Any]):
    """An event made by :func:`create_test_event`: complete already, so the harness uses it as it is
    instead of filling it in again (which would bring back keys removed with ``MISSING``)."""

    __test__ = False  # not a pytest test class, despite the name


def create_test_event(overrides: dict[str, Any] | None = None, /, **fields: Any) -> TestEvent:
    """A track event with Segment's test defaults, with the given top-level keys replaced.

    Nested objects are replaced whole, as in Segment's ``createTestEvent``; a key given the value
    ``MISSING`` is removed. Unlike Segment's, ``messageId`` and the timestamps are fixed
    (``test-message-id``, :data:`TEST_TIMESTAMP`) so results are reproducible.
    """
    event = TestEvent(copy.deepcopy(_BASE_EVENT))
    for key, value in {**(overrides or {}), **fields}.items():
        if value is MISSING:
            event.pop(key, None)
        else:
            event[key] = value
    return event
