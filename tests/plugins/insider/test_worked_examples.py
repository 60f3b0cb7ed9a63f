"""The worked examples of reference/insider.md §10.1 to §10.11: the bodies Segment's engine sent for
these events, written out. Where a DESIGN §8 decision changes the body, the test says which
("compat Qn") and asserts the decided body."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.testing import TestDestination
from actions_insider.destination import destination

SETTINGS = {"account_name": "acme", "ucd_key": "secret-key"}
URL = "https://unification.useinsider.com/api/user/v1/upsert"

# Inputs shared by the examples (the reference repeats them in every event).
CONTEXT: dict[str, Any] = {
    "ip": "203.0.113.7",
    "locale": "tr-TR",
    "userAgent": "Mozilla/5.0",
    "page": {"url": "https://shop.example.com/sneaker", "referrer": "https://www.google.com/"},
    "traits": {"email": "jane@example.com", "phone": "+905551112233"},
}
SNEAKER: dict[str, Any] = {
    "product_id": "SKU-1",
    "category": "Shoes",
    "name": "Sneaker",
    "price": 59.9,
    "quantity": 2,
    "url": "https://shop.example.com/sneaker",
    "image_url": "https://cdn.example.com/sneaker.png",
}
CAP: dict[str, Any] = {
    "product_id": "SKU-2",
    "category": "Hats",
    "name": "Cap",
    "price": 15,
    "quantity": 1,
}


def event(kind: str, **fields: Any) -> dict[str, Any]:
    return {
        "userId": "user-42",
        "anonymousId": "anon-42",
        "messageId": "msg-1",
        "timestamp": "2024-03-01T12:34:56.789Z",
        "type": kind,
        "context": CONTEXT,
        **fields,
    }


def sent_body(action: str, an_event: dict[str, Any], mapping: dict[str, Any] | None = None) -> Any:
    dest = TestDestination(destination)
    [request] = dest.test_action(
        action, event=an_event, settings=SETTINGS, mapping=mapping, use_test_event=False
    )
    assert (request.method, request.url) == ("POST", URL)
    return request.json


def test_10_1_update_user_profile_with_the_default_mapping() -> None:
    identify = event(
        "identify",
        traits={
            "email": "jane@example.com",
            "phone": "+905551112233",
            "first_name": "Jane",
            "last_name": "Doe",
            "age": 31,
            "birthday": "1993-04-05",
            "gender": "female",
            "address": {"city": "Istanbul", "country": "Turkey"},
            "loyalty_tier": "gold",
        },
    )
    assert sent_body("updateUserProfile", identify) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "age": 31,
                    "birthday": "1993-04-05",
                    "email": "jane@example.com",
                    "name": "Jane",
                    "gender": "female",
                    "surname": "Doe",
                    "phone_number": "+905551112233",
                    "city": "Istanbul",
                    "country": "Turkey",
                },
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_2_update_user_profile_with_optional_fields_mapped() -> None:
    identify = event(
        "identify",
        traits={
            "email": "jane@example.com",
            "first_name": "Jane",
            "language": "pt-BR",
            "gdpr": True,
            "email_optin": True,
            "sms_optin": False,
            "loyalty_tier": "gold",
            "crm_id": "CRM-9",
        },
    )
    mapping = {
        "phone_number_as_identifier": False,
        "append_arrays": True,
        "language": {"@path": "$.traits.language"},
        "gdprOptin": {"@path": "$.traits.gdpr"},
        "emailOptin": {"@path": "$.traits.email_optin"},
        "smsOptin": {"@path": "$.traits.sms_optin"},
        "custom": {"loyalty_tier": {"@path": "$.traits.loyalty_tier"}},
        "custom_identifiers": {"crm_id": {"@path": "$.traits.crm_id"}},
    }
    assert sent_body("updateUserProfile", identify, mapping) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42", "crm_id": "CRM-9"},
                    "email": "jane@example.com",
                },
                "attributes": {
                    "email": "jane@example.com",
                    "name": "Jane",
                    "gdpr_optin": True,
                    "email_optin": True,
                    "sms_optin": False,
                    "language": "pt_BR",
                    "custom": {"loyalty_tier": "gold"},
                },
                "not_append": False,
            }
        ],
        "platform": "segment",
    }


def test_10_3_track_event() -> None:
    track = event(
        "track",
        event="Video Watched",
        context={
            **CONTEXT,
            "traits": {
                "email": "jane@example.com",
                "phone": "+905551112233",
                "first_name": "Jane",
                "last_name": "Doe",
                "age": 31,
                "birthday": "1993-04-05",
                "gender": "female",
            },
            "timezone": "Europe/Istanbul",
            "os": {"name": "iOS", "version": "17.1"},
            "app": {"version": "3.2.0"},
            "device": {"model": "iPhone15,2", "advertisingId": "IDFA-1"},
            "network": {"carrier": "Turkcell"},
            "location": {"city": "Istanbul", "country": "Turkey"},
        },
        properties={
            "video_id": "v1",
            "category": "Tutorials",
            "name": "Intro",
            "currency": "EUR",
            "price": 0,
        },
    )
    assert sent_body("trackEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "age": 31,
                    "birthday": "1993-04-05",
                    "name": "Jane",
                    "gender": "female",
                    "surname": "Doe",
                    "app_version": "3.2.0",
                    "idfa": "IDFA-1",
                    "model": "iPhone15,2",
                    "last_ip": "203.0.113.7",
                    "city": "Istanbul",
                    "country": "Turkey",
                    "carrier": "Turkcell",
                    "os_version": "17.1",
                    "platform": "iOS",
                    "timezone": "Europe/Istanbul",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "video_watched",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://shop.example.com/sneaker",
                            "currency": "EUR",
                            "taxonomy": ["Tutorials"],
                            "name": "Intro",
                            "unit_sale_price": 0,
                            "unit_price": 0,
                            "referrer": "https://www.google.com/",
                            "user_agent": "Mozilla/5.0",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_4_product_list_viewed() -> None:
    track = event(
        "track",
        event="Product List Viewed",
        properties={"list_id": "deals", "category": "Deals", "products": [SNEAKER]},
    )
    assert sent_body("productListViewedEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "listing_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://shop.example.com/sneaker",
                            "taxonomy": ["Deals"],
                            "referrer": "https://www.google.com/",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_5_product_viewed_sends_no_variant() -> None:
    track = event(
        "track",
        event="Product Viewed",
        properties={
            "product_id": "SKU-1",
            "category": "Shoes",
            "name": "Sneaker",
            "price": 59.9,
            "quantity": 1,
            "image_url": "https://cdn.example.com/sneaker.png",
            "currency": "USD",
            "variant": "red",
        },
    )
    assert sent_body("productViewedEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "product_detail_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://shop.example.com/sneaker",
                            "currency": "USD",
                            "product_id": "SKU-1",
                            "taxonomy": ["Shoes"],
                            "name": "Sneaker",
                            "unit_sale_price": 59.9,
                            "unit_price": 59.9,
                            "quantity": 1,
                            "product_image_url": "https://cdn.example.com/sneaker.png",
                            "referrer": "https://www.google.com/",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_6_product_added() -> None:
    track = event(
        "track",
        event="Product Added",
        properties={**SNEAKER, "currency": "USD", "cart_id": "cart-7"},
    )
    assert sent_body("productAddedEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "item_added_to_cart",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://shop.example.com/sneaker",
                            "currency": "USD",
                            "product_id": "SKU-1",
                            "taxonomy": ["Shoes"],
                            "name": "Sneaker",
                            "unit_sale_price": 59.9,
                            "unit_price": 59.9,
                            "quantity": 2,
                            "product_image_url": "https://cdn.example.com/sneaker.png",
                            "referrer": "https://www.google.com/",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_7_product_removed() -> None:
    track = event(
        "track",
        event="Product Removed",
        properties={**CAP, "currency": "USD", "cart_id": "cart-7"},
    )
    assert sent_body("productRemovedEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "item_removed_from_cart",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "url": "https://shop.example.com/sneaker",
                            "currency": "USD",
                            "product_id": "SKU-2",
                            "taxonomy": ["Hats"],
                            "name": "Cap",
                            "unit_sale_price": 15,
                            "unit_price": 15,
                            "quantity": 1,
                            "referrer": "https://www.google.com/",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_8_user_registered() -> None:
    track = event(
        "track",
        event="User Registered",
        context={**CONTEXT, "traits": {"email": "jane@example.com", "first_name": "Jane"}},
        properties={"plan": "free"},
    )
    assert sent_body("userRegisteredEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "name": "Jane",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "sign_up_confirmation",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {"custom": {}},
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_9_cart_viewed_sends_one_event_per_product() -> None:
    track = event(
        "track",
        event="Cart Viewed",
        properties={
            "cart_id": "cart-7",
            "currency": "USD",
            "products": [{**SNEAKER, "variant": "red"}, CAP],
        },
    )
    assert sent_body("cartViewedEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "cart_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "product_id": "SKU-1",
                            "taxonomy": ["Shoes"],
                            "name": "Sneaker",
                            "variant_id": "red",
                            "unit_sale_price": 59.9,
                            "unit_price": 59.9,
                            "quantity": 2,
                            "url": "https://shop.example.com/sneaker",
                            "product_image_url": "https://cdn.example.com/sneaker.png",
                            "currency": "USD",
                            "event_group_id": "cart-7",
                        },
                    },
                    {
                        "event_name": "cart_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "product_id": "SKU-2",
                            "taxonomy": ["Hats"],
                            "name": "Cap",
                            "unit_sale_price": 15,
                            "unit_price": 15,
                            "quantity": 1,
                            "currency": "USD",
                            "event_group_id": "cart-7",
                        },
                    },
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_10_checkout_groups_by_checkout_id() -> None:
    track = event(
        "track",
        event="Checkout Started",
        properties={
            "checkout_id": "chk-1",
            "order_id": "ord-1",
            "currency": "USD",
            "value": 134.8,
            "products": [SNEAKER],
        },
    )
    assert sent_body("checkoutEvent", track) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "checkout_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {},
                            "product_id": "SKU-1",
                            "taxonomy": ["Shoes"],
                            "name": "Sneaker",
                            "unit_sale_price": 59.9,
                            "unit_price": 59.9,
                            "quantity": 2,
                            "url": "https://shop.example.com/sneaker",
                            "product_image_url": "https://cdn.example.com/sneaker.png",
                            "currency": "USD",
                            "event_group_id": "chk-1",
                        },
                    }
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


ORDER = event(
    "track",
    event="Order Completed",
    properties={
        "order_id": "ord-1",
        "checkout_id": "chk-1",
        "total": 134.8,
        "tax": 5,
        "shipping": 9.8,
        "coupon": "SPRING",
        "currency": "USD",
        "products": [SNEAKER, CAP],
    },
)


def test_10_11_order_completed_compat_q17_sends_tax_shipping_and_coupon() -> None:
    """compat Q17: the order details seed 000 names are mapped by default, as custom parameters
    of every product's event (Segment sends no tax, shipping or coupon)."""
    assert sent_body("orderCompletedEvent", ORDER) == {
        "users": [
            {
                "identifiers": {
                    "uuid": "user-42",
                    "custom": {"segment_anonymous_id": "anon-42"},
                    "email": "jane@example.com",
                    "phone_number": "+905551112233",
                },
                "attributes": {
                    "custom": {},
                    "email": "jane@example.com",
                    "phone": "+905551112233",
                    "last_ip": "203.0.113.7",
                    "locale": "tr_TR",
                },
                "events": [
                    {
                        "event_name": "confirmation_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {"tax": 5, "shipping": 9.8, "coupon": "SPRING"},
                            "product_id": "SKU-1",
                            "taxonomy": ["Shoes"],
                            "name": "Sneaker",
                            "unit_sale_price": 59.9,
                            "unit_price": 59.9,
                            "quantity": 2,
                            "url": "https://shop.example.com/sneaker",
                            "product_image_url": "https://cdn.example.com/sneaker.png",
                            "currency": "USD",
                            "event_group_id": "ord-1",
                        },
                    },
                    {
                        "event_name": "confirmation_page_view",
                        "timestamp": "2024-03-01T12:34:56.789Z",
                        "event_params": {
                            "custom": {"tax": 5, "shipping": 9.8, "coupon": "SPRING"},
                            "product_id": "SKU-2",
                            "taxonomy": ["Hats"],
                            "name": "Cap",
                            "unit_sale_price": 15,
                            "unit_price": 15,
                            "quantity": 1,
                            "currency": "USD",
                            "event_group_id": "ord-1",
                        },
                    },
                ],
                "not_append": True,
            }
        ],
        "platform": "segment",
    }


def test_10_11_order_completed_with_segments_parameter_mapping() -> None:
    """With Segment's own default for ``parameters`` the body is exactly the reference's."""
    segments_parameters = {
        "currency": {"@path": "$.properties.currency"},
        "event_group_id": {"@path": "$.properties.order_id"},
    }
    body = sent_body("orderCompletedEvent", ORDER, {"parameters": segments_parameters})
    assert [each["event_params"] for each in body["users"][0]["events"]] == [
        {
            "custom": {},
            "product_id": "SKU-1",
            "taxonomy": ["Shoes"],
            "name": "Sneaker",
            "unit_sale_price": 59.9,
            "unit_price": 59.9,
            "quantity": 2,
            "url": "https://shop.example.com/sneaker",
            "product_image_url": "https://cdn.example.com/sneaker.png",
            "currency": "USD",
            "event_group_id": "ord-1",
        },
        {
            "custom": {},
            "product_id": "SKU-2",
            "taxonomy": ["Hats"],
            "name": "Cap",
            "unit_sale_price": 15,
            "unit_price": 15,
            "quantity": 1,
            "currency": "USD",
            "event_group_id": "ord-1",
        },
    ]


@pytest.mark.parametrize("action", list(destination.actions))
def test_every_request_carries_the_account_the_key_and_the_platform(action: str) -> None:
    dest = TestDestination(destination)
    [request] = dest.test_action(action, settings=SETTINGS)
    assert (request.method, request.url) == ("POST", URL)
    assert {
        name: request.headers[name]
        for name in ("x-partner-name", "x-request-token", "x-platform-name", "content-type")
    } == {
        "x-partner-name": "acme",
        "x-request-token": "secret-key",
        "x-platform-name": "segment",
        "content-type": "application/json",
    }
