"""The worked examples of the reference (iterable.md §10): each input event with the body Segment's
engine sent, written out. Where a DESIGN §8 decision changes the body, the test says which
("compat Q8") and asserts the decided body."""

from __future__ import annotations

import time
from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.testing import TestDestination

SETTINGS = {"apiKey": "iterable-key"}


@pytest.fixture
def dest() -> TestDestination:
    return TestDestination("iterable")


def test_10_1_update_user(dest: TestDestination) -> None:
    event = {
        "userId": "user-42",
        "anonymousId": "anon-42",
        "messageId": "msg-1",
        "timestamp": "2024-03-01T12:34:56.789Z",
        "type": "identify",
        "context": {"ip": "203.0.113.7"},
        "traits": {
            "email": "jane@example.com",
            "phone": "+14158675309",
            "firstName": "Jane",
            "createdAt": "2023-11-05T08:09:10.123Z",
            "birthday": "1990-01-31",
            "address": {"city": "SF", "movedIn": "2020-06-01T00:00:00Z"},
            "nickname": "",
            "fax": None,
        },
    }
    (request,) = dest.test_action(
        "updateUser", event=event, settings=SETTINGS, use_test_event=False
    )
    assert (request.method, request.url) == ("POST", "https://api.iterable.com/api/users/update")
    assert request.headers["api-key"] == "iterable-key"
    assert request.headers["content-type"] == "application/json"
    # compat Q8: Segment also sends "nickname": "" and "fax": null.
    assert request.json == {
        "email": "jane@example.com",
        "userId": "user-42",
        "dataFields": {
            "email": "jane@example.com",
            "phone": "+14158675309",
            "firstName": "Jane",
            "createdAt": "2023-11-05 08:09:10 +00:00",
            "birthday": "1990-01-31",
            "address": {"city": "SF", "movedIn": "2020-06-01 00:00:00 +00:00"},
            "phoneNumber": "+14158675309",
        },
        "mergeNestedObjects": False,
    }
    # The payload itself is left as validated: only the body goes without the empty values.
    assert dest.results[0].sent["dataFields"]["nickname"] == ""


def test_10_2_track_event(dest: TestDestination) -> None:
    event = {
        "userId": "user-42",
        "anonymousId": "anon-42",
        "messageId": "msg-1",
        "timestamp": "2024-03-01T12:34:56.789Z",
        "type": "track",
        "event": "Video Watched",
        "context": {"traits": {"email": "jane@example.com"}},
        "properties": {
            "video_id": "v1",
            "watchedAt": "2024-03-01T12:00:00+02:00",
            "campaignId": 12345,
            "templateId": "54321",
        },
    }
    (request,) = dest.test_action(
        "trackEvent", event=event, settings=SETTINGS, use_test_event=False
    )
    assert (request.method, request.url) == ("POST", "https://api.iterable.com/api/events/track")
    # compat Q2: Segment also sends "enable_batching": true and "batch_size": 1001.
    assert request.json == {
        "email": "jane@example.com",
        "userId": "user-42",
        "eventName": "Video Watched",
        "dataFields": {
            "video_id": "v1",
            "watchedAt": "2024-03-01 10:00:00 +00:00",
            "campaignId": 12345,
            "templateId": "54321",
        },
        "id": "msg-1",
        "createdAt": 1709296496,
        "campaignId": 12345,
        "templateId": 54321,
    }


CART_EVENT: dict[str, Any] = {
    "userId": "user-42",
    "anonymousId": "anon-42",
    "messageId": "msg-1",
    "timestamp": "2024-03-01T12:34:56.789Z",
    "type": "track",
    "event": "Cart Updated",
    "context": {"traits": {"email": "jane@example.com", "phone": "+14158675309", "plan": "pro"}},
    "properties": {
        "cart_id": "cart-7",
        "products": [
            {
                "product_id": "SKU-1",
                "category": "Shoes",
                "name": "Sneaker",
                "price": 59.9,
                "quantity": 2,
                "url": "https://shop.example.com/sneaker",
                "image_url": "https://cdn.example.com/sneaker.png",
                "sku": "S-1",
                "description": "Red sneaker",
                "variant": "red",
            },
            {"product_id": "SKU-2", "category": "Hats", "name": "Cap", "price": 15, "quantity": 1},
        ],
    },
}


def test_10_3_update_cart_through_its_preset(dest: TestDestination) -> None:
    (request,) = dest.send(CART_EVENT, settings=SETTINGS, use_test_event=False)
    assert (request.method, request.url) == (
        "POST",
        "https://api.iterable.com/api/commerce/updateCart",
    )
    # compat Q8: Segment also sends the second item's "dataFields": {}.
    assert request.json == {
        "user": {
            "email": "jane@example.com",
            "userId": "user-42",
            "dataFields": {
                "email": "jane@example.com",
                "phone": "+14158675309",
                "plan": "pro",
                "phoneNumber": "+14158675309",
            },
            "mergeNestedObjects": False,
        },
        "items": [
            {
                "id": "SKU-1",
                "sku": "S-1",
                "name": "Sneaker",
                "price": 59.9,
                "quantity": 2,
                "url": "https://shop.example.com/sneaker",
                "imageUrl": "https://cdn.example.com/sneaker.png",
                "description": "Red sneaker",
                "dataFields": {"description": "Red sneaker"},
                "categories": ["Shoes"],
            },
            {"id": "SKU-2", "name": "Cap", "price": 15, "quantity": 1, "categories": ["Hats"]},
        ],
    }


PURCHASE_EVENT: dict[str, Any] = {
    "userId": "user-42",
    "anonymousId": "anon-42",
    "messageId": "msg-1",
    "timestamp": "2024-03-01T12:34:56.789Z",
    "type": "track",
    "event": "Order Completed",
    "context": {"traits": {"email": "jane@example.com", "phone": "+14158675309"}},
    "properties": {
        "order_id": "ord-1",
        "total": 134.8,
        "currency": "USD",
        "campaignId": 12345,
        "templateId": 54321,
        "products": [
            {
                "product_id": "SKU-1",
                "category": "Shoes",
                "name": "Sneaker",
                "price": 59.9,
                "quantity": 2,
                "url": "https://shop.example.com/sneaker",
                "image_url": "https://cdn.example.com/sneaker.png",
            },
            {"product_id": "SKU-2", "category": "Hats", "name": "Cap", "price": 15, "quantity": 1},
        ],
    },
}


def test_10_4_track_purchase_through_its_preset(dest: TestDestination) -> None:
    (request,) = dest.send(PURCHASE_EVENT, settings=SETTINGS, use_test_event=False)
    assert (request.method, request.url) == (
        "POST",
        "https://api.iterable.com/api/commerce/trackPurchase",
    )
    # compat Q8: Segment also sends "dataFields": {} in both items.
    assert request.json == {
        "id": "ord-1",
        "user": {
            "email": "jane@example.com",
            "userId": "user-42",
            "dataFields": {
                "email": "jane@example.com",
                "phone": "+14158675309",
                "phoneNumber": "+14158675309",
            },
            "mergeNestedObjects": False,
        },
        "dataFields": {
            "order_id": "ord-1",
            "total": 134.8,
            "currency": "USD",
            "campaignId": 12345,
            "templateId": 54321,
        },
        "items": [
            {
                "id": "SKU-1",
                "name": "Sneaker",
                "price": 59.9,
                "quantity": 2,
                "url": "https://shop.example.com/sneaker",
                "imageUrl": "https://cdn.example.com/sneaker.png",
                "categories": ["Shoes"],
            },
            {"id": "SKU-2", "name": "Cap", "price": 15, "quantity": 1, "categories": ["Hats"]},
        ],
        "total": 134.8,
        "createdAt": 1709296496,
        "campaignId": 12345,
        "templateId": 54321,
    }


def test_10_5_update_user_batch(dest: TestDestination) -> None:
    events = [
        {
            "type": "identify",
            "userId": "u1",
            "messageId": "m1",
            "timestamp": "2024-03-01T00:00:00.000Z",
            "traits": {
                "email": "one@example.com",
                "phone": "+14155550001",
                "signedUpAt": "2024-01-01T09:00:00Z",
            },
        },
        {
            "type": "identify",
            "userId": "u2",
            "messageId": "m2",
            "timestamp": "2024-03-01T00:00:01.000Z",
            "traits": {"plan": "pro"},
        },
    ]
    (request,) = dest.test_batch_action(
        "updateUser",
        events=events,
        settings=SETTINGS,
        mapping={"updateOnly": True},
        use_test_event=False,
    )
    assert (request.method, request.url) == (
        "POST",
        "https://api.iterable.com/api/users/bulkUpdate",
    )
    assert request.json == {
        "updateOnly": True,
        "users": [
            {
                "email": "one@example.com",
                "userId": "u1",
                "dataFields": {
                    "email": "one@example.com",
                    "phone": "+14155550001",
                    "signedUpAt": "2024-01-01 09:00:00 +00:00",
                    "phoneNumber": "+14155550001",
                },
                "mergeNestedObjects": False,
            },
            {"userId": "u2", "dataFields": {"plan": "pro"}, "mergeNestedObjects": False},
        ],
    }
    assert [result.status for result in dest.results] == [200, 200]


def test_10_6_track_event_batch(dest: TestDestination) -> None:
    events = [
        {
            "type": "track",
            "event": "Video Watched",
            "userId": "u1",
            "messageId": "m1",
            "timestamp": "2024-03-01T00:00:00.000Z",
            "properties": {"video_id": "v1"},
        },
        {
            "type": "track",
            "event": "Signed Up",
            "messageId": "m2",
            "timestamp": "2024-03-01T00:00:01.000Z",
            "properties": {"email": "two@example.com", "campaignId": 5},
        },
    ]
    (request,) = dest.test_batch_action(
        "trackEvent", events=events, settings=SETTINGS, use_test_event=False
    )
    assert (request.method, request.url) == (
        "POST",
        "https://api.iterable.com/api/events/trackBulk",
    )
    # compat Q2: Segment also sends "enable_batching": true and "batch_size": 1001 in each event.
    assert request.json == {
        "events": [
            {
                "userId": "u1",
                "eventName": "Video Watched",
                "dataFields": {"video_id": "v1"},
                "id": "m1",
                "createdAt": 1709251200,
            },
            {
                "email": "two@example.com",
                "eventName": "Signed Up",
                "dataFields": {"email": "two@example.com", "campaignId": 5},
                "id": "m2",
                "createdAt": 1709251201,
                "campaignId": 5,
            },
        ]
    }


# 10.7 Small checked cases


def test_europe_sends_to_the_eu_api_and_an_empty_traits_object_is_not_sent(
    dest: TestDestination,
) -> None:
    (request,) = dest.test_action(
        "updateUser",
        event={"type": "identify", "userId": "u", "traits": {}},
        settings={**SETTINGS, "dataCenterLocation": "europe"},
        use_test_event=False,
    )
    assert request.url == "https://api.eu.iterable.com/api/users/update"
    # compat Q8: Segment sends "dataFields": {}.
    assert request.json == {"userId": "u", "mergeNestedObjects": False}


def test_an_identify_without_traits_sends_no_data_fields(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "updateUser",
        event={"type": "identify", "userId": "u"},
        settings=SETTINGS,
        use_test_event=False,
    )
    # compat Q8: Segment appends "dataFields": {}.
    assert request.json == {"userId": "u", "mergeNestedObjects": False}


def test_empty_traits_and_a_null_phone_are_not_sent(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "updateUser",
        event={
            "type": "identify",
            "userId": "u",
            "traits": {"phone": None, "a": "", "b": [], "c": {}},
        },
        settings=SETTINGS,
        use_test_event=False,
    )
    # compat Q8: Segment sends {"phone":null,"a":"","b":[],"c":{},"phoneNumber":null}.
    assert request.json == {"userId": "u", "mergeNestedObjects": False}


def test_a_track_without_timestamp_is_stamped_with_the_current_time(dest: TestDestination) -> None:
    before = int(time.time())
    (request,) = dest.test_action(
        "trackEvent",
        event={"type": "track", "userId": "u", "event": "E", "messageId": "m"},
        settings=SETTINGS,
        use_test_event=False,
    )
    after = int(time.time())
    created_at = request.json.pop("createdAt")
    assert before <= created_at <= after
    assert request.json == {"userId": "u", "eventName": "E", "id": "m"}


@pytest.mark.parametrize(
    ("timestamp", "created_at"),
    [
        pytest.param(1709296496789, 1709296496, id="milliseconds-number"),
        # compat Q3: Segment sends -8157110400, reading the digits as a calendar date.
        pytest.param("1709296496", 1709296496, id="numeric-string-is-unix-seconds"),
        pytest.param("2024-03-01T12:34:56.999Z", 1709296496, id="fraction-floored"),
    ],
)
def test_created_at_in_unix_seconds(dest: TestDestination, timestamp: Any, created_at: int) -> None:
    (request,) = dest.test_action(
        "trackEvent",
        event={"type": "track", "userId": "u", "event": "E", "timestamp": timestamp},
        settings=SETTINGS,
        use_test_event=False,
    )
    assert request.json["createdAt"] == created_at


def test_a_track_without_message_id_and_properties(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "trackEvent",
        event={"type": "track", "userId": "u", "event": "E", "timestamp": "2024-03-01T00:00:00Z"},
        settings=SETTINGS,
        use_test_event=False,
    )
    # compat Q2, Q8: Segment adds "enable_batching", "batch_size" and "dataFields": {}.
    assert request.json == {"userId": "u", "eventName": "E", "createdAt": 1709251200}


def test_campaign_id_is_coerced_at_the_top_and_kept_raw_in_the_data(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "trackEvent",
        event={
            "type": "track",
            "userId": "u",
            "event": "E",
            "timestamp": "2024-03-01T00:00:00Z",
            "properties": {"campaignId": "77", "templateId": None},
        },
        settings=SETTINGS,
        use_test_event=False,
    )
    # compat Q8: Segment keeps "templateId": null in dataFields.
    assert request.json == {
        "userId": "u",
        "eventName": "E",
        "dataFields": {"campaignId": "77"},
        "createdAt": 1709251200,
        "campaignId": 77,
    }


def test_products_stay_in_the_data_of_a_custom_event(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "trackEvent",
        event={
            "type": "track",
            "userId": "u",
            "event": "Product Viewed",
            "timestamp": "2024-03-01T00:00:00Z",
            "properties": {"products": [{"product_id": "p1"}]},
        },
        settings=SETTINGS,
        use_test_event=False,
    )
    assert request.json["dataFields"] == {"products": [{"product_id": "p1"}]}


def test_undeclared_user_keys_are_dropped(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "updateCart",
        event={"type": "track", "event": "Cart Updated", "properties": {"products": []}},
        settings=SETTINGS,
        mapping={"user": {"userId": "u1", "foo": "bar"}},
        use_test_event=False,
    )
    assert request.json == {"user": {"userId": "u1"}, "items": []}


def test_an_item_keeps_its_extra_keys_and_its_mapped_data_fields(dest: TestDestination) -> None:
    (request,) = dest.test_action(
        "updateCart",
        event={
            "type": "track",
            "event": "Cart Updated",
            "userId": "u1",
            "properties": {
                "products": [
                    {
                        "product_id": "p1",
                        "name": "Mat",
                        "price": 10,
                        "quantity": 1,
                        "color": "red",
                        "added": "2024-01-01T00:00:00Z",
                        "extra": {"x": 1},
                    }
                ]
            },
        },
        settings=SETTINGS,
        mapping={
            "items": {
                "@arrayPath": [
                    "$.properties.products",
                    {
                        "id": {"@path": "product_id"},
                        "name": {"@path": "name"},
                        "price": {"@path": "price"},
                        "quantity": {"@path": "quantity"},
                        "color": {"@path": "color"},
                        "added": {"@path": "added"},
                        "dataFields": {"@path": "extra"},
                    },
                ]
            }
        },
        use_test_event=False,
    )
    # compat Q9: Segment drops the mapped item "dataFields" ({"x": 1}).
    assert request.json["items"] == [
        {
            "id": "p1",
            "name": "Mat",
            "price": 10,
            "quantity": 1,
            "color": "red",
            "added": "2024-01-01T00:00:00Z",
            "dataFields": {"color": "red", "added": "2024-01-01 00:00:00 +00:00", "x": 1},
        }
    ]


def test_classic_products_fail_the_default_item_mapping(dest: TestDestination) -> None:
    with pytest.raises(PayloadValidationError) as caught:
        dest.test_action(
            "updateCart",
            event={
                "type": "track",
                "event": "Cart Updated",
                "userId": "u1",
                "properties": {"products": [{"id": "7", "name": "Mat", "price": 1, "quantity": 1}]},
            },
            settings=SETTINGS,
            use_test_event=False,
        )
    assert str(caught.value) == "The value at /items/0 is missing the required field 'id'."


def test_a_page_forced_through_track_event_lacks_an_event_name(dest: TestDestination) -> None:
    with pytest.raises(PayloadValidationError) as caught:
        dest.test_action(
            "trackEvent",
            event={"type": "page", "userId": "u1", "name": "Home"},
            settings=SETTINGS,
            use_test_event=False,
        )
    assert str(caught.value) == "The root value is missing the required field 'eventName'."
