"""The classic integration's behaviours (seed 003, reference §12) through presets and settings:
page and screen calls as events per the page options, Product Added / Removed updating the cart,
Order Completed as a purchase with classic product IDs, and nothing empty sent."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.testing import TestDestination

TRACK_URL = "https://api.iterable.com/api/events/track"
ALL_OFF = {"apiKey": "iterable-key"}

PAGE = {
    "type": "page",
    "userId": "u1",
    "messageId": "msg-1",
    "timestamp": "2024-03-01T00:00:00Z",
    "name": "Page Name",
    "category": "Page Category",
    "properties": {
        "email": "user@example.com",
        "path": "/docs",
        "referrer": "",
        "title": None,
        "tags": [],
        "meta": {"source": ""},
    },
}
UNNAMED_PAGE = {**PAGE, "name": None, "category": None}
NAMED_PAGE = {**PAGE, "category": None, "name": "Pricing"}
SCREEN = {**PAGE, "type": "screen", "category": None, "name": "Home"}


def page_event(event_name: str, event_id: str) -> tuple[str, dict[str, Any]]:
    """What Iterable receives for the test page call (empty properties left out: compat Q8)."""
    return (
        TRACK_URL,
        {
            "eventName": event_name,
            "email": "user@example.com",
            "userId": "u1",
            "dataFields": {"email": "user@example.com", "path": "/docs"},
            "id": event_id,
            "createdAt": 1709251200,
        },
    )


def sent(
    event: dict[str, Any], **options: bool
) -> tuple[list[tuple[str, dict[str, Any]]], TestDestination]:
    dest = TestDestination("iterable")
    requests = dest.send(event, settings={**ALL_OFF, **options}, use_test_event=False)
    return [(request.url, request.json) for request in requests], dest


def test_with_every_page_option_off_nothing_is_sent() -> None:
    requests, dest = sent(PAGE)
    assert requests == []
    (result,) = dest.results
    assert (result.ok, result.status, result.body) == (
        True,
        200,
        {
            "sent": 0,
            "reason": "No page option chooses this call: Track All Pages, Track Categorized "
            "Pages and Track Named Pages are off, or the call lacks the category or name they need.",
        },
    )


def test_track_all_pages_sends_every_page_as_viewed_category_name_page() -> None:
    requests, _ = sent(PAGE, trackAllPages=True)
    assert requests == [page_event("Viewed Page Category Page Name Page", "msg-1")]


def test_track_all_pages_names_a_page_without_category_or_name_loaded_a_page() -> None:
    requests, _ = sent(UNNAMED_PAGE, trackAllPages=True)
    assert requests == [page_event("Loaded a Page", "msg-1")]


def test_a_page_with_only_a_name_is_viewed_name_page() -> None:
    requests, _ = sent(NAMED_PAGE, trackAllPages=True)
    assert requests == [page_event("Viewed Pricing Page", "msg-1")]


def test_track_categorized_pages_sends_only_pages_with_a_category() -> None:
    with_category, _ = sent(PAGE, trackCategorizedPages=True)
    without_category, _ = sent(NAMED_PAGE, trackCategorizedPages=True)
    assert with_category == [page_event("Viewed Page Category Page Name Page", "msg-1-categorized")]
    assert without_category == []


def test_track_named_pages_sends_only_pages_with_a_name() -> None:
    with_name, _ = sent(NAMED_PAGE, trackNamedPages=True)
    without_name, _ = sent(UNNAMED_PAGE, trackNamedPages=True)
    assert with_name == [page_event("Viewed Pricing Page", "msg-1-named")]
    assert without_name == []


def test_every_option_on_sends_one_event_per_option() -> None:
    requests, _ = sent(PAGE, trackAllPages=True, trackCategorizedPages=True, trackNamedPages=True)
    assert requests == [
        page_event("Viewed Page Category Page Name Page", "msg-1"),
        page_event("Viewed Page Category Page Name Page", "msg-1-categorized"),
        page_event("Viewed Page Category Page Name Page", "msg-1-named"),
    ]


def test_single_event_name_sends_one_loaded_a_page_per_call() -> None:
    requests, _ = sent(
        PAGE,
        trackAllPages=True,
        trackCategorizedPages=True,
        trackNamedPages=True,
        mapAllPagesToSingleEventName=True,
    )
    assert requests == [page_event("Loaded a Page", "msg-1")]


def test_single_event_name_calls_screens_loaded_a_screen() -> None:
    requests, _ = sent(SCREEN, trackNamedPages=True, mapAllPagesToSingleEventName=True)
    assert requests == [page_event("Loaded a Screen", "msg-1")]


def test_a_named_screen_is_viewed_name_page() -> None:
    requests, _ = sent(SCREEN, trackAllPages=True)
    assert requests == [page_event("Viewed Home Page", "msg-1")]


def test_single_event_name_alone_chooses_no_call() -> None:
    requests, _ = sent(PAGE, mapAllPagesToSingleEventName=True)
    assert requests == []


def test_name_and_category_may_come_from_the_properties() -> None:
    event = {
        **UNNAMED_PAGE,
        "properties": {**PAGE["properties"], "name": "Intro", "category": "Docs"},
    }
    requests, _ = sent(event, trackAllPages=True)
    (url, body) = requests[0]
    assert (url, body["eventName"]) == (TRACK_URL, "Viewed Docs Intro Page")


def test_an_anonymous_page_is_a_payload_error_once_an_option_chooses_it() -> None:
    event = {key: value for key, value in PAGE.items() if key != "userId"}
    event["properties"] = {"path": "/docs"}
    requests, dest = sent(event, trackAllPages=True)
    assert requests == []
    assert str(dest.results[0].error) == "Must include email or userId."


PRODUCT_ADDED = {
    "type": "track",
    "event": "Product Added",
    "userId": "u1",
    "messageId": "msg-2",
    "timestamp": "2024-03-01T00:00:00Z",
    "properties": {
        "email": "user@example.com",
        "products": [
            {"id": "7", "name": "Yoga Mat", "quantity": 1, "price": 25.99},
            {"id": "8", "name": "Water Bottle", "quantity": 2, "price": 18.99},
        ],
    },
}


def test_product_added_with_the_whole_cart_updates_the_cart() -> None:
    requests, _ = sent(PRODUCT_ADDED)
    assert requests == [
        (
            TRACK_URL,
            {
                "email": "user@example.com",
                "userId": "u1",
                "eventName": "Product Added",
                "dataFields": {
                    "email": "user@example.com",
                    "products": [
                        {"id": "7", "name": "Yoga Mat", "quantity": 1, "price": 25.99},
                        {"id": "8", "name": "Water Bottle", "quantity": 2, "price": 18.99},
                    ],
                },
                "id": "msg-2",
                "createdAt": 1709251200,
            },
        ),
        (
            "https://api.iterable.com/api/commerce/updateCart",
            {
                "user": {"email": "user@example.com", "userId": "u1", "mergeNestedObjects": False},
                "items": [
                    {"id": "7", "name": "Yoga Mat", "price": 25.99, "quantity": 1},
                    {"id": "8", "name": "Water Bottle", "price": 18.99, "quantity": 2},
                ],
            },
        ),
    ]


def test_product_removed_leaving_an_empty_cart_empties_it() -> None:
    event = {**PRODUCT_ADDED, "event": "Product Removed", "properties": {"products": []}}
    requests, _ = sent(event)
    assert requests[1] == (
        "https://api.iterable.com/api/commerce/updateCart",
        {"user": {"userId": "u1", "mergeNestedObjects": False}, "items": []},
    )


def test_a_product_added_without_a_cart_stays_a_custom_event() -> None:
    event = {
        **PRODUCT_ADDED,
        "properties": {"product_id": "7", "name": "Yoga Mat", "price": 25.99, "quantity": 1},
    }
    requests, _ = sent(event)
    assert [url for url, _ in requests] == [TRACK_URL]


def test_order_completed_with_classic_products_is_a_purchase_with_its_total() -> None:
    event = {
        "type": "track",
        "event": "Order Completed",
        "userId": "u1",
        "messageId": "msg-3",
        "timestamp": "2024-03-01T00:00:00Z",
        "properties": {
            "email": "user@example.com",
            "products": [
                {"id": "3", "name": "Iterable Stickers", "quantity": 4, "price": 15},
                {"id": "4", "name": "Dog Treats", "quantity": 1, "price": 4.5},
            ],
            "total": 64.5,
            "campaignId": 12345,
        },
    }
    requests, _ = sent(event)
    assert requests == [
        (
            "https://api.iterable.com/api/commerce/trackPurchase",
            {
                "user": {"email": "user@example.com", "userId": "u1", "mergeNestedObjects": False},
                "dataFields": {"email": "user@example.com", "total": 64.5, "campaignId": 12345},
                "items": [
                    {"id": "3", "name": "Iterable Stickers", "price": 15, "quantity": 4},
                    {"id": "4", "name": "Dog Treats", "price": 4.5, "quantity": 1},
                ],
                "total": 64.5,
                "createdAt": 1709251200,
                "campaignId": 12345,
            },
        )
    ]


@pytest.mark.parametrize(
    ("traits", "body"),
    [
        pytest.param(
            {"a": "", "b": None, "c": [], "d": {}},
            {"userId": "u1", "mergeNestedObjects": False},
            id="all-empty",
        ),
        pytest.param(
            {"list": ["", None, "x", [], {}], "deep": {"e": {"f": ""}, "g": 0, "h": False}},
            {
                "userId": "u1",
                "dataFields": {"list": ["x"], "deep": {"g": 0, "h": False}},
                "mergeNestedObjects": False,
            },
            id="nested",
        ),
        pytest.param(
            {"blank": "  "},
            {"userId": "u1", "dataFields": {"blank": "  "}, "mergeNestedObjects": False},
            id="spaces-are-a-value",
        ),
    ],
)
def test_no_empty_value_reaches_iterable(traits: dict[str, Any], body: dict[str, Any]) -> None:
    requests, _ = sent({"type": "identify", "userId": "u1", "traits": traits})
    # compat Q8: Segment sends every one of these empty values inside dataFields.
    assert requests == [("https://api.iterable.com/api/users/update", body)]
