"""Batches (reference/insider.md §8.4, §10.12, §10.13): one request for every user, a result per event."""

from __future__ import annotations

from typing import Any

from actions_core.errors import HTTPError, PayloadValidationError
from actions_core.testing import TestDestination
from actions_insider.destination import destination

SETTINGS = {"account_name": "acme", "ucd_key": "secret-key"}
URL = "https://unification.useinsider.com/api/user/v1/upsert"

IDENTIFIES: list[dict[str, Any]] = [
    {
        "type": "identify",
        "userId": "u1",
        "anonymousId": "a1",
        "messageId": "m1",
        "timestamp": "2024-03-01T00:00:00.000Z",
        "traits": {"email": "one@example.com", "first_name": "One", "address": {"city": "Paris"}},
    },
    {
        "type": "identify",
        "anonymousId": "a2",
        "messageId": "m2",
        "timestamp": "2024-03-01T00:00:01.000Z",
        "traits": {"phone": "+33100000000", "age": 40},
    },
]
TRACKS: list[dict[str, Any]] = [
    {
        "type": "track",
        "event": "Video Played",
        "userId": "u1",
        "anonymousId": "a1",
        "messageId": "m1",
        "timestamp": "2024-03-01T00:00:00.000Z",
        "context": {"locale": "en-US", "page": {"url": "https://x.example/v"}},
        "properties": {"name": "Intro"},
    },
    {
        "type": "track",
        "event": "Order Completed",
        "anonymousId": "a2",
        "messageId": "m2",
        "timestamp": "2024-03-01T00:00:01.000Z",
        "properties": {
            "order_id": "o2",
            "currency": "EUR",
            "products": [{"product_id": "p1", "price": 2, "quantity": 1}],
        },
    },
]
NOBODY: dict[str, Any] = {
    "type": "track",
    "event": "Video Played",
    "messageId": "m3",
    "timestamp": "2024-03-01T00:00:02.000Z",
}


def test_10_12_profiles_in_one_request() -> None:
    dest = TestDestination(destination)
    [request] = dest.test_batch_action(
        "updateUserProfile", events=IDENTIFIES, settings=SETTINGS, use_test_event=False
    )
    assert (request.method, request.url, request.headers["x-partner-name"]) == ("POST", URL, "acme")
    assert request.json == {
        "users": [
            {
                "identifiers": {
                    "uuid": "u1",
                    "custom": {"segment_anonymous_id": "a1"},
                    "email": "one@example.com",
                },
                "attributes": {"email": "one@example.com", "name": "One", "city": "Paris"},
                "not_append": True,
            },
            {
                "identifiers": {
                    "custom": {"segment_anonymous_id": "a2"},
                    "phone_number": "+33100000000",
                },
                "attributes": {"age": 40, "phone_number": "+33100000000"},
                "not_append": True,
            },
        ],
        "platform": "segment",
    }
    assert [(result.ok, result.status) for result in dest.results] == [(True, 200), (True, 200)]


def test_10_13_track_events_in_one_request_with_not_append_before_events() -> None:
    dest = TestDestination(destination)
    [request] = dest.test_batch_action(
        "trackEvent", events=TRACKS, settings=SETTINGS, use_test_event=False
    )
    assert request.json == {
        "users": [
            {
                "identifiers": {"uuid": "u1", "custom": {"segment_anonymous_id": "a1"}},
                "attributes": {"custom": {}, "locale": "en_US"},
                "not_append": True,
                "events": [
                    {
                        "event_name": "video_played",
                        "timestamp": "2024-03-01T00:00:00.000Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://x.example/v",
                            "name": "Intro",
                        },
                    }
                ],
            },
            {
                "identifiers": {"custom": {"segment_anonymous_id": "a2"}},
                "attributes": {"custom": {}},
                "not_append": True,
                "events": [
                    {
                        "event_name": "order_completed",
                        "timestamp": "2024-03-01T00:00:01.000Z",
                        "event_params": {
                            "custom": {},
                            "product_id": "p1",
                            "unit_sale_price": 2,
                            "unit_price": 2,
                            "quantity": 1,
                            "currency": "EUR",
                            "event_group_id": "o2",
                        },
                    }
                ],
            },
        ],
        "platform": "segment",
    }
    # Segment's key order, which differs from the single-event body's (copied quirk Q11).
    assert list(request.json["users"][0]) == ["identifiers", "attributes", "not_append", "events"]
    assert [(result.ok, result.status) for result in dest.results] == [(True, 200), (True, 200)]


def test_ecommerce_actions_name_every_batched_event_alike() -> None:
    dest = TestDestination(destination)
    [request] = dest.test_batch_action(
        "productViewedEvent",
        events=[{"event": "Product Viewed"}, {"event": "Product Viewed", "userId": "user-2"}],
        settings=SETTINGS,
    )
    assert [user["events"][0]["event_name"] for user in request.json["users"]] == [
        "product_detail_page_view",
        "product_detail_page_view",
    ]
    assert [user["identifiers"].get("uuid") for user in request.json["users"]] == [
        "user1234",
        "user-2",
    ]


def test_compat_q1_an_event_naming_no_user_fails_alone_and_is_left_out() -> None:
    dest = TestDestination(destination)
    [request] = dest.test_batch_action(
        "trackEvent", events=[TRACKS[0], NOBODY, TRACKS[1]], settings=SETTINGS, use_test_event=False
    )
    assert [user["identifiers"]["custom"] for user in request.json["users"]] == [
        {"segment_anonymous_id": "a1"},
        {"segment_anonymous_id": "a2"},
    ]
    first, nobody, third = dest.results
    assert (first.ok, first.status, third.ok, third.status) == (True, 200, True, 200)
    assert (nobody.ok, nobody.status, nobody.retryable) == (False, 400, False)
    assert isinstance(nobody.error, PayloadValidationError)
    assert nobody.to_dict()["errortype"] == "PAYLOAD_VALIDATION_FAILED"


def test_a_batch_where_nobody_is_named_sends_nothing() -> None:
    dest = TestDestination(destination)
    requests = dest.test_batch_action(
        "trackEvent", events=[NOBODY, NOBODY], settings=SETTINGS, use_test_event=False
    )
    assert requests == []
    assert [(result.status, type(result.error)) for result in dest.results] == [
        (400, PayloadValidationError),
        (400, PayloadValidationError),
    ]


def test_an_invalid_payload_gets_its_own_result_and_the_others_are_sent() -> None:
    dest = TestDestination(destination)
    no_timestamp = {**TRACKS[0], "timestamp": None}
    [request] = dest.test_batch_action(
        "trackEvent", events=[no_timestamp, TRACKS[1]], settings=SETTINGS, use_test_event=False
    )
    assert len(request.json["users"]) == 1
    invalid, sent = dest.results
    assert (invalid.status, str(invalid.error)) == (
        400,
        "The root value is missing the required field 'timestamp'.",
    )
    assert (sent.ok, sent.status) == (True, 200)


def test_an_http_error_fails_every_sent_event_but_not_the_invalid_ones() -> None:
    """Insider answers for the whole request; its body is not read per user (copied quirk Q12)."""
    dest = TestDestination(destination)
    dest.http.post(URL).respond(503, json={"message": "try later"})
    dest.test_batch_action(
        "trackEvent", events=[TRACKS[0], NOBODY, TRACKS[1]], settings=SETTINGS, use_test_event=False
    )
    first, nobody, third = dest.results
    for sent in (first, third):
        assert isinstance(sent.error, HTTPError)
        assert (sent.status, sent.retryable, sent.body) == (503, True, {"message": "try later"})
    assert (nobody.status, nobody.retryable) == (400, False)


def test_each_sent_event_gets_insiders_answer() -> None:
    dest = TestDestination(destination)
    dest.http.post(URL).respond(207, json={"partial": True})
    dest.test_batch_action("updateUserProfile", events=IDENTIFIES, settings=SETTINGS)
    assert [(result.ok, result.status, result.body) for result in dest.results] == [
        (True, 207, {"partial": True}),
        (True, 207, {"partial": True}),
    ]
