"""The body rules one by one, mostly the checked cases of reference/insider.md §10.14.

Each test names the quirk it covers: "compat Qn" where we differ from Segment on purpose (DESIGN
§8), "copied Qn" where we keep Segment's behaviour.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.jsvalues import MISSING
from actions_core.testing import TestDestination
from actions_insider.destination import destination

SETTINGS = {"account_name": "acme", "ucd_key": "secret-key"}
JANE: dict[str, Any] = {
    "userId": "user-42",
    "anonymousId": "anon-42",
    "messageId": "msg-1",
    "timestamp": "2024-03-01T12:34:56.789Z",
    "type": "track",
    "event": "Cart Viewed",
    "context": {"traits": {"email": "jane@example.com", "phone": "+905551112233"}},
    "properties": {"cart_id": "cart-7", "currency": "USD"},
}


def user_sent(action: str, mapping: dict[str, Any] | None = None, **event: Any) -> dict[str, Any]:
    """The one user ``action`` sends for Jane's event with ``event``'s keys replaced."""
    dest = TestDestination(destination)
    whole = {key: value for key, value in {**JANE, **event}.items() if value is not MISSING}
    [request] = dest.test_action(
        action, event=whole, settings=SETTINGS, mapping=mapping, use_test_event=False
    )
    [user] = request.json["users"]
    return user


# Identifiers


@pytest.mark.parametrize(
    ("action", "event"),
    [
        pytest.param("trackEvent", {"userId": MISSING, "anonymousId": MISSING}, id="track-absent"),
        pytest.param("trackEvent", {"userId": None, "anonymousId": ""}, id="track-null-and-empty"),
        pytest.param(
            "updateUserProfile",
            {"type": "identify", "userId": MISSING, "anonymousId": MISSING},
            id="profile-absent",
        ),
    ],
)
def test_compat_q1_no_uuid_and_no_anonymous_id_is_a_payload_error_naming_both(
    action: str, event: dict[str, Any]
) -> None:
    """Segment sends ``"identifiers": {"custom": {}, ...}``; Insider cannot place such a user."""
    dest = TestDestination(destination)
    whole = {key: value for key, value in {**JANE, **event}.items() if value is not MISSING}
    with pytest.raises(PayloadValidationError) as raised:
        dest.test_action(action, event=whole, settings=SETTINGS, use_test_event=False)
    assert str(raised.value) == (
        "The event names no user: map UUID (uuid) or Anonymous Id (segment_anonymous_id); "
        "Insider needs at least one of them."
    )
    assert [issue.pointer for issue in raised.value.issues] == [""]
    assert len(dest.http.calls) == 0


@pytest.mark.parametrize(
    ("event", "identifiers"),
    [
        pytest.param(
            {"anonymousId": MISSING},
            {"uuid": "user-42", "custom": {}},
            id="uuid-alone",
        ),
        pytest.param(
            {"userId": MISSING},
            {"custom": {"segment_anonymous_id": "anon-42"}},
            id="anonymous-id-alone",
        ),
    ],
)
def test_one_identifier_is_enough(event: dict[str, Any], identifiers: dict[str, Any]) -> None:
    mapping = {"email_as_identifier": False, "phone_number_as_identifier": False}
    assert user_sent("cartViewedEvent", mapping, **event)["identifiers"] == identifiers


def test_email_and_phone_identifiers_can_be_turned_off() -> None:
    user = user_sent(
        "cartViewedEvent", {"email_as_identifier": False, "phone_number_as_identifier": False}
    )
    assert user["identifiers"] == {"uuid": "user-42", "custom": {"segment_anonymous_id": "anon-42"}}
    assert user["attributes"] == {
        "custom": {},
        "email": "jane@example.com",
        "phone": "+905551112233",
    }


def test_custom_identifiers_follow_the_anonymous_id_and_may_replace_it() -> None:
    """Copied Q15: a custom identifier named segment_anonymous_id wins."""
    user = user_sent(
        "cartViewedEvent",
        {
            "append_arrays": True,
            "custom_identifiers": {"crm_id": "CRM-1", "segment_anonymous_id": "override"},
        },
    )
    assert user["identifiers"]["custom"] == {"segment_anonymous_id": "override", "crm_id": "CRM-1"}
    assert user["not_append"] is False


def test_an_empty_email_is_an_attribute_but_not_an_identifier() -> None:
    user = user_sent("cartViewedEvent", context={"traits": {"email": ""}})
    assert user["identifiers"] == {"uuid": "user-42", "custom": {"segment_anonymous_id": "anon-42"}}
    assert user["attributes"] == {"custom": {}, "email": ""}


# User properties


def test_compat_q2_user_property_names_are_normalised_and_keep_their_values() -> None:
    """Segment reads the value under the normalised name, so "Favorite Color" and "PHONE" vanish."""
    mapping = {
        "attributes": {
            "loyalty": "gold",
            "Favorite Color": "blue",
            "locale": "zh-Hant-TW",
            "PHONE": "+1",
        }
    }
    user = user_sent("cartViewedEvent", mapping)
    assert user["attributes"] == {
        "custom": {"loyalty": "gold", "favorite_color": "blue"},
        "locale": "zh_Hant_TW",
        "phone": "+1",
    }
    assert user["identifiers"] == {
        "uuid": "user-42",
        "custom": {"segment_anonymous_id": "anon-42"},
        "phone_number": "+1",
    }


@pytest.mark.parametrize(
    ("traits", "name"),
    [
        pytest.param(
            {"firstName": "Jane", "lastName": "Doe"}, ["Jane", "Doe"], id="compat-Q6-camel"
        ),
        pytest.param({"first_name": "Jane", "last_name": "Doe"}, ["Jane", "Doe"], id="snake"),
        pytest.param(
            {"firstName": "Jane", "first_name": "J", "lastName": "Doe", "last_name": "D"},
            ["Jane", "Doe"],
            id="compat-Q6-camel-wins",
        ),
    ],
)
def test_compat_q6_first_and_last_name_user_properties(
    traits: dict[str, Any], name: list[str]
) -> None:
    user = user_sent("userRegisteredEvent", context={"traits": traits})
    assert [user["attributes"]["name"], user["attributes"]["surname"]] == name


def test_compat_q6_names_fall_back_to_the_properties() -> None:
    user = user_sent("userRegisteredEvent", context={}, properties={"firstName": "Jane"})
    assert user["attributes"] == {"custom": {}, "name": "Jane"}


@pytest.mark.parametrize(
    ("traits", "attributes"),
    [
        pytest.param(
            {"firstName": "Jane", "lastName": "Doe"},
            {"name": "Jane", "surname": "Doe"},
            id="compat-Q6-camel",
        ),
        pytest.param(
            {"first_name": "Jane", "last_name": "Doe"},
            {"name": "Jane", "surname": "Doe"},
            id="snake",
        ),
    ],
)
def test_compat_q6_profile_first_and_last_name(
    traits: dict[str, Any], attributes: dict[str, Any]
) -> None:
    """Segment's defaults read only first_name/last_name, so ``firstName: "Jane"`` sent no name."""
    user = user_sent("updateUserProfile", type="identify", traits=traits)
    assert user["attributes"] == attributes


def test_compat_q5_profile_language_replaces_every_dash() -> None:
    """Segment replaces only the first dash: "zh_Hant-TW"."""
    user = user_sent(
        "updateUserProfile",
        {"language": {"@path": "$.traits.language"}},
        type="identify",
        traits={"language": "zh-Hant-TW"},
    )
    assert user["attributes"] == {"language": "zh_Hant_TW"}


def test_profile_custom_attributes_are_sent_as_named() -> None:
    user = user_sent(
        "updateUserProfile",
        {"custom": {"Loyalty Tier": "gold"}},
        type="identify",
        traits={},
    )
    assert user["attributes"] == {"custom": {"Loyalty Tier": "gold"}}


def test_copied_q4_the_profile_sends_phone_number_and_events_send_phone() -> None:
    profile = user_sent("updateUserProfile", type="identify", traits={"phone": "+1"})
    track = user_sent("cartViewedEvent", context={"traits": {"phone": "+1"}})
    assert profile["attributes"] == {"phone_number": "+1"}
    assert track["attributes"] == {"custom": {}, "phone": "+1"}


# Events


@pytest.mark.parametrize(
    ("event_name", "sent"),
    [
        pytest.param("Video Watched", "video_watched", id="lower-and-underscore"),
        pytest.param("  Video  Played Twice ", "video__played_twice", id="copied-Q3-per-space"),
        pytest.param("Tab\tKey", "tab\tkey", id="copied-Q3-other-whitespace-kept"),
    ],
)
def test_track_event_names_are_normalised(event_name: str, sent: str) -> None:
    user = user_sent("trackEvent", event=event_name)
    assert user["events"][0]["event_name"] == sent


def test_compat_q9_an_epoch_number_becomes_iso_8601() -> None:
    """Segment sends the digits, "1709296496789"."""
    user = user_sent("cartViewedEvent", timestamp=1709296496789)
    assert user["events"][0]["timestamp"] == "2024-03-01T12:34:56.789Z"


def test_copied_q7_an_empty_product_list_sends_no_events() -> None:
    user = user_sent("cartViewedEvent", properties={"cart_id": "cart-7", "products": []})
    assert user["events"] == []


def test_without_products_one_event_carries_the_parameters() -> None:
    user = user_sent("cartViewedEvent")
    assert user["events"] == [
        {
            "event_name": "cart_page_view",
            "timestamp": "2024-03-01T12:34:56.789Z",
            "event_params": {"custom": {}, "currency": "USD", "event_group_id": "cart-7"},
        }
    ]


def test_a_single_product_object_counts_as_a_list_of_one() -> None:
    user = user_sent("cartViewedEvent", properties={"products": {"product_id": "SKU-1"}})
    assert [event["event_params"] for event in user["events"]] == [
        {"custom": {}, "product_id": "SKU-1"}
    ]


def test_values_are_coerced_to_the_declared_types() -> None:
    user = user_sent(
        "productViewedEvent",
        event="Product Viewed",
        properties={"product_id": 123, "quantity": "2", "price": "9.90"},
    )
    assert user["events"][0]["event_params"] == {
        "custom": {},
        "product_id": "123",
        "unit_sale_price": 9.9,
        "unit_price": 9.9,
        "quantity": 2,
    }


def test_compat_q2_parameter_names_are_normalised_and_keep_their_values() -> None:
    """Segment drops "Item Color" and "Campaign_ID"; campaign_id and campaign_name are Insider's
    own parameters (copied Q14)."""
    mapping = {
        "parameters": {
            "coupon_code": "SPRING",
            "Item Color": "red",
            "Campaign_ID": "cmp-1",
            "campaign_name": "Spring",
        }
    }
    user = user_sent("trackEvent", mapping)
    assert user["events"][0]["event_params"] == {
        "custom": {"coupon_code": "SPRING", "item_color": "red"},
        "campaign_id": "cmp-1",
        "campaign_name": "Spring",
    }


def test_compat_q8_a_products_own_values_win_over_the_event_parameters() -> None:
    """Segment overwrites the product's name and url with the event's ("Bundle", the page url)."""
    user = user_sent(
        "trackEvent",
        context={"page": {"url": "https://x/page"}},
        properties={"name": "Bundle", "products": [{"name": "A", "url": "https://x/a"}]},
    )
    assert user["events"][0]["event_params"] == {"custom": {}, "name": "A", "url": "https://x/a"}


def test_event_parameters_fill_what_a_product_lacks() -> None:
    user = user_sent(
        "trackEvent",
        context={"page": {"url": "https://x/page"}},
        properties={"name": "Bundle", "products": [{"product_id": "p1"}]},
    )
    assert user["events"][0]["event_params"] == {
        "custom": {},
        "product_id": "p1",
        "url": "https://x/page",
        "name": "Bundle",
    }


@pytest.mark.parametrize(
    ("variant", "sent"),
    [
        pytest.param("red", "red", id="compat-Q10-text"),
        pytest.param(42, 42, id="number"),
        pytest.param("42", 42, id="numeric-text-as-segment"),
        pytest.param(4.5, 4.5, id="fraction"),
    ],
)
def test_compat_q10_a_variant_may_be_text_or_a_number(variant: Any, sent: Any) -> None:
    """Segment types variant_id as a number and rejects the whole event for "red"."""
    user = user_sent("trackEvent", properties={"variant": variant})
    assert user["events"][0]["event_params"]["variant_id"] == sent


def test_a_products_variant_is_sent_as_given() -> None:
    user = user_sent("cartViewedEvent", properties={"products": [{"variant": "42"}]})
    assert user["events"][0]["event_params"]["variant_id"] == "42"


def test_taxonomy_is_always_a_list_of_one() -> None:
    user = user_sent(
        "productListViewedEvent", event="Product List Viewed", properties={"category": "Deals"}
    )
    assert user["events"][0]["event_params"]["taxonomy"] == ["Deals"]


def test_compat_q17_enable_batching_is_a_field_but_never_sent() -> None:
    user = user_sent("cartViewedEvent", {"enable_batching": True})
    assert "enable_batching" not in repr(user)


def test_copied_q13_track_event_also_takes_ecommerce_events_under_their_own_name() -> None:
    user = user_sent("trackEvent", event="Product Viewed")
    assert user["events"][0]["event_name"] == "product_viewed"


def test_the_single_event_body_puts_events_before_not_append() -> None:
    assert list(user_sent("cartViewedEvent")) == [
        "identifiers",
        "attributes",
        "events",
        "not_append",
    ]


def test_compat_q2_a_capitalised_taxonomy_keeps_its_value() -> None:
    """Segment sends ``"taxonomy": [null]``."""
    user = user_sent("cartViewedEvent", {"parameters": {"Taxonomy": "Deals"}})
    assert user["events"][0]["event_params"] == {"custom": {}, "taxonomy": ["Deals"]}


def test_a_locale_that_is_not_text_is_sent_as_given() -> None:
    """Segment fails the event with a TypeError (it splits the value on dashes)."""
    user = user_sent("cartViewedEvent", {"attributes": {"Locale": 5}})
    assert user["attributes"] == {"custom": {}, "locale": 5}
