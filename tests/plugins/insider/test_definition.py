"""The definition matches Segment's field for field (segment_definition.json is Segment's, as
exported for the reference), except the decisions of DESIGN §8, each patched in here by name."""

from __future__ import annotations

import copy
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import pytest

from actions_core.fields import Field
from actions_core.jsvalues import MISSING
from actions_core.plugins import Registry
from actions_core.subscriptions import compile_fql
from actions_core.testing import TestDestination
from actions_insider.destination import destination

SEGMENT = json.loads((Path(__file__).parent / "segment_definition.json").read_text("utf-8"))
TRACK_ACTIONS = [
    "trackEvent",
    "productListViewedEvent",
    "productViewedEvent",
    "productAddedEvent",
    "productRemovedEvent",
    "userRegisteredEvent",
    "cartViewedEvent",
    "checkoutEvent",
    "orderCompletedEvent",
]

# The decisions of DESIGN §8, written out.

ENABLE_BATCHING = {  # compat Q17: seed 002's "Enable Batching?" on every action
    "key": "enable_batching",
    "label": "Enable Batching?",
    "type": "boolean",
    "required": False,
    "multiple": False,
    "allowNull": False,
    "additionalProperties": False,
    "choices": None,
    "default": False,
    "properties": None,
}
PROFILE_NAME_DEFAULTS = {  # compat Q6: firstName/lastName, falling back to first_name/last_name
    "firstName": {
        "@if": {
            "exists": {"@path": "$.traits.firstName"},
            "then": {"@path": "$.traits.firstName"},
            "else": {"@path": "$.traits.first_name"},
        }
    },
    "lastName": {
        "@if": {
            "exists": {"@path": "$.traits.lastName"},
            "then": {"@path": "$.traits.lastName"},
            "else": {"@path": "$.traits.last_name"},
        }
    },
}
ATTRIBUTE_NAME_DEFAULTS = {  # compat Q6, in the track-type actions' user properties
    "name": {
        "@if": {
            "exists": {"@path": "$.context.traits.firstName"},
            "then": {"@path": "$.context.traits.firstName"},
            "else": {
                "@if": {
                    "exists": {"@path": "$.context.traits.first_name"},
                    "then": {"@path": "$.context.traits.first_name"},
                    "else": {
                        "@if": {
                            "exists": {"@path": "$.properties.firstName"},
                            "then": {"@path": "$.properties.firstName"},
                            "else": {"@path": "$.properties.first_name"},
                        }
                    },
                }
            },
        }
    },
    "surname": {
        "@if": {
            "exists": {"@path": "$.context.traits.lastName"},
            "then": {"@path": "$.context.traits.lastName"},
            "else": {
                "@if": {
                    "exists": {"@path": "$.context.traits.last_name"},
                    "then": {"@path": "$.context.traits.last_name"},
                    "else": {
                        "@if": {
                            "exists": {"@path": "$.properties.lastName"},
                            "then": {"@path": "$.properties.lastName"},
                            "else": {"@path": "$.properties.last_name"},
                        }
                    },
                }
            },
        }
    },
}
ATTRIBUTE_LABELS = {"birthday": "Birthday", "last_ip": "IP Address"}  # compat Q16
ORDER_DETAIL_DEFAULTS = {  # compat Q17: the order details seed 000 names, mapped by default
    "tax": {"@path": "$.properties.tax"},
    "affiliation": {"@path": "$.properties.affiliation"},
    "revenue": {"@path": "$.properties.revenue"},
    "shipping": {"@path": "$.properties.shipping"},
    "discount": {"@path": "$.properties.discount"},
    "coupon": {"@path": "$.properties.coupon"},
}
CART_SUBSCRIPTION = 'type = "track" and (event = "Cart Viewed" or event = "Cart Reviewed")'  # Q17


def segment_fields(action: str) -> list[dict[str, Any]]:
    """Segment's fields of ``action``, in a canonical form, with the decided changes applied."""
    definition = next(each for each in SEGMENT["actions"] if each["key"] == action)
    fields = [_canonical_segment(field) for field in copy.deepcopy(definition["fields"])]
    by_key = {field["key"]: field for field in fields}
    if action == "updateUserProfile":
        for key, default in PROFILE_NAME_DEFAULTS.items():
            by_key[key]["default"] = default
    else:
        attributes = by_key["attributes"]
        attributes["default"].update(ATTRIBUTE_NAME_DEFAULTS)
        for key, label in ATTRIBUTE_LABELS.items():
            attributes["properties"][key]["label"] = label
    if action == "trackEvent":
        by_key["parameters"]["properties"]["variant_id"]["type"] = "string"  # compat Q10
    if action == "orderCompletedEvent":
        by_key["parameters"]["default"].update(ORDER_DETAIL_DEFAULTS)
    return [*fields, ENABLE_BATCHING]


def _canonical_segment(field: dict[str, Any]) -> dict[str, Any]:
    properties = field["properties"]
    if isinstance(properties, list):
        properties = {each["key"]: each for each in properties}
    return {
        "key": field["key"],
        "label": field["label"],
        "type": field["type"],
        "required": field["required"],
        "multiple": field["multiple"],
        "allowNull": field["allowNull"],
        "additionalProperties": bool(field["additionalProperties"]),
        "choices": field["choices"],
        "default": field["default"],
        "properties": None
        if properties is None
        else {key: _canonical_segment(each) for key, each in properties.items()},
    }


def _canonical_ours(key: str, field: Field) -> dict[str, Any]:
    return {
        "key": key,
        "label": field.label,
        "type": field.type,
        "required": field.required,
        "multiple": field.multiple,
        "allowNull": field.allow_null,
        "additionalProperties": field.additional_properties,
        "choices": field.choices,
        "default": None if field.default is MISSING else field.default,
        "properties": None
        if field.properties is None
        else {name: _canonical_ours(name, each) for name, each in field.properties.items()},
    }


@pytest.mark.parametrize("action", ["updateUserProfile", *TRACK_ACTIONS])
def test_fields_are_segments_with_the_decided_changes(action: str) -> None:
    ours = [_canonical_ours(key, field) for key, field in destination.action(action).fields.items()]
    assert ours == segment_fields(action)


@pytest.mark.parametrize("action", [each["key"] for each in SEGMENT["actions"]])
def test_action_titles_descriptions_and_triggers_are_segments(action: str) -> None:
    segment = next(each for each in SEGMENT["actions"] if each["key"] == action)
    ours = destination.action(action)
    expected_subscription = (
        CART_SUBSCRIPTION if action == "cartViewedEvent" else segment["defaultSubscription"]
    )
    assert (ours.title, ours.description, ours.default_subscription, ours.supports_batch) == (
        segment["title"],
        segment["description"],
        expected_subscription,
        True,
    )


def test_the_ten_actions_in_segments_order() -> None:
    assert list(destination.actions) == [each["key"] for each in SEGMENT["actions"]]


def test_destination_names() -> None:
    assert (destination.key, destination.name, destination.slug, destination.mode) == (
        "insider",
        "Insider Cloud Mode (Actions)",
        "actions-insider-cloud",
        "cloud",
    )


def test_settings_are_account_name_and_a_secret_api_key() -> None:
    ours = [
        {"key": key, "label": field.label, "type": field.type, "required": field.required}
        for key, field in destination.settings.items()
    ]
    assert ours == [
        {"key": "account_name", "label": "Account Name", "type": "string", "required": True},
        {"key": "ucd_key", "label": "API Key", "type": "password", "required": True},
    ]
    assert destination.secret_settings == frozenset({"ucd_key"})
    assert destination.test_authentication is None


def test_the_preset_creates_or_updates_profiles_on_identify() -> None:
    [preset] = destination.presets
    assert (preset.name, preset.action, preset.subscribe, preset.type, preset.mapping) == (
        "Create or Update a User Profile",
        "updateUserProfile",
        'type = "identify"',
        "automatic",
        None,  # exactly the action's default mapping
    )


@pytest.mark.parametrize("name", ["insider", "actions-insider-cloud"])
def test_found_through_the_entry_point_by_name_or_slug(name: str) -> None:
    [entry_point] = importlib.metadata.entry_points(group="actions", name="insider")
    registry = Registry()
    registry.register(entry_point.load(), name=entry_point.name)
    assert TestDestination(name, registry=registry).destination is destination


def _every_field(fields: dict[str, Field], prefix: str = "") -> list[tuple[str, Field]]:
    found = []
    for key, field in fields.items():
        found.append((prefix + key, field))
        found.extend(_every_field(dict(field.properties or {}), f"{prefix}{key}."))
    return found


@pytest.mark.parametrize("action", list(destination.actions))
def test_every_field_has_a_description_for_the_generated_page(action: str) -> None:
    undescribed = [
        key
        for key, field in _every_field(dict(destination.action(action).fields))
        if not field.description.strip()
    ]
    assert undescribed == []


@pytest.mark.parametrize(
    ("action", "event", "matches"),
    [
        pytest.param("trackEvent", "Order Completed", True, id="trackEvent-matches-every-track"),
        pytest.param("cartViewedEvent", "Cart Viewed", True, id="cart-viewed"),
        pytest.param("cartViewedEvent", "Cart Reviewed", True, id="compat-Q17-cart-reviewed"),
        pytest.param("cartViewedEvent", "Cart Updated", False, id="cart-other"),
        pytest.param("checkoutEvent", "Checkout Started", True, id="checkout-started"),
        pytest.param("checkoutEvent", "Checkout Step Viewed", True, id="checkout-step-viewed"),
        pytest.param("checkoutEvent", "Checkout Page Viewed", False, id="checkout-seed-name"),
        pytest.param("orderCompletedEvent", "Order Completed", True, id="order-completed"),
        pytest.param("userRegisteredEvent", "User Registered", True, id="user-registered"),
        pytest.param("productViewedEvent", "Product Viewed", True, id="product-viewed"),
        pytest.param("productViewedEvent", "Product List Viewed", False, id="not-the-list"),
    ],
)
def test_default_subscriptions(action: str, event: str, matches: bool) -> None:
    subscription = compile_fql(destination.action(action).default_subscription or "")
    assert subscription.matches({"type": "track", "event": event}) is matches


def test_an_identify_call_reaches_insider_through_the_preset() -> None:
    dest = TestDestination(destination)
    [request] = dest.send(
        {"type": "identify", "userId": "user-42", "traits": {"email": "jane@example.com"}},
        settings={"account_name": "acme", "ucd_key": "secret-key"},
    )
    assert request.json["users"][0]["attributes"] == {"email": "jane@example.com"}


def test_a_track_call_reaches_insider_only_through_a_mapping_the_user_adds() -> None:
    dest = TestDestination(destination)
    requests = dest.send(
        {"type": "track", "event": "Order Completed"},
        settings={"account_name": "acme", "ucd_key": "secret-key"},
    )
    assert requests == []
