"""The definition matches Segment's Iterable (Actions) field for field (fields/iterable.json), except
where DESIGN §8 decides otherwise; each exception is asserted with the decision named."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from actions_core.fields import Field
from actions_core.jsvalues import MISSING
from actions_core.subscriptions import compile_fql
from actions_core.testing import TestDestination
from actions_iterable.destination import destination

REFERENCE = json.loads(
    (Path("/work/shared/reference/fields/iterable.json")).read_text(encoding="utf-8")
)
REFERENCE_ACTIONS = {action["key"]: action for action in REFERENCE["actions"]}


def as_reference(key: str, field: Field) -> dict[str, Any]:
    """A Field written the way fields/iterable.json writes Segment's fields."""
    return {
        "key": key,
        "label": field.label,
        "type": field.type,
        "format": field.format,
        "required": field.required,
        "multiple": field.multiple,
        "allowNull": field.allow_null,
        "additionalProperties": None if field.properties is None else field.additional_properties,
        "choices": None
        if field.choices is None
        else [{"label": choice.label, "value": choice.value} for choice in field.choices],
        "default": None if field.default is MISSING else field.default,
        "properties": None
        if field.properties is None
        else [as_reference(name, prop) for name, prop in field.properties.items()],
    }


def as_reference_list(fields: Mapping[str, Field]) -> list[dict[str, Any]]:
    return [as_reference(key, field) for key, field in fields.items()]


def test_the_destination_is_found_by_short_name_and_by_slug() -> None:
    assert TestDestination("iterable").destination is destination
    assert TestDestination("actions-iterable").destination is destination
    assert (destination.name, destination.slug, destination.mode) == (
        REFERENCE["name"],
        REFERENCE["slug"],
        REFERENCE["mode"],
    )


@pytest.mark.parametrize("action_key", list(REFERENCE_ACTIONS))
def test_every_field_matches_segment(action_key: str) -> None:
    ours = as_reference_list(destination.action(action_key).fields)
    assert ours == REFERENCE_ACTIONS[action_key]["fields"]


@pytest.mark.parametrize("action_key", list(REFERENCE_ACTIONS))
def test_titles_and_batch_support_match_segment(action_key: str) -> None:
    action = destination.action(action_key)
    reference = REFERENCE_ACTIONS[action_key]
    assert (action.title, action.supports_batch) == (reference["title"], reference["supportsBatch"])


def test_every_field_has_a_description() -> None:
    for action in destination.actions.values():
        for key, field in action.fields.items():
            assert field.description, f"{action.key}.{key}"
            for name, prop in (field.properties or {}).items():
                assert prop.description, f"{action.key}.{key}.{name}"
    for key, field in destination.settings.items():
        assert field.description, key


def test_segment_settings_match_and_the_classic_page_options_follow() -> None:
    ours = [
        {
            "key": entry["key"],
            "label": entry["label"],
            "type": entry["type"],
            "format": entry["format"],
            "required": entry["required"],
            "default": entry["default"],
            "choices": entry["choices"],
        }
        for entry in as_reference_list(destination.settings)
    ]
    assert ours[:2] == REFERENCE["settings"]
    assert ours[2:] == [
        {
            "key": key,
            "label": label,
            "type": "boolean",
            "format": None,
            "required": False,
            "default": False,
            "choices": None,
        }
        for key, label in [
            ("trackAllPages", "Track All Pages"),
            ("trackCategorizedPages", "Track Categorized Pages"),
            ("trackNamedPages", "Track Named Pages"),
            ("mapAllPagesToSingleEventName", "Map All Pages to Single Event Name"),
        ]
    ]


def test_update_only_shows_with_batching_and_batch_size_is_hidden() -> None:
    fields = destination.action("updateUser").fields
    (condition,) = fields["updateOnly"].depends_on.conditions  # type: ignore[union-attr]
    assert (condition.field, condition.operator, condition.value) == ("enable_batching", "is", True)
    assert fields["batch_size"].hidden
    assert destination.action("trackEvent").fields["batch_size"].hidden


def test_default_subscriptions_match_segment_except_the_two_that_never_match() -> None:
    subscriptions = {
        key: action.default_subscription for key, action in destination.actions.items()
    }
    assert subscriptions["updateUser"] == REFERENCE_ACTIONS["updateUser"]["defaultSubscription"]
    assert subscriptions["trackEvent"] == REFERENCE_ACTIONS["trackEvent"]["defaultSubscription"]
    # compat Q1: Segment's `event == "…"` reads as `event = "="` and never matches.
    assert REFERENCE_ACTIONS["updateCart"]["defaultSubscription"] == (
        'type = "track" and event == "Cart Updated"'
    )
    assert subscriptions["updateCart"] == 'type = "track" and event = "Cart Updated"'
    assert subscriptions["trackPurchase"] == 'type = "track" and event = "Order Completed"'


@pytest.mark.parametrize(
    ("action_key", "event_name"),
    [("updateCart", "Cart Updated"), ("trackPurchase", "Order Completed")],
)
def test_the_corrected_default_subscriptions_match_their_events(
    action_key: str, event_name: str
) -> None:
    subscription = compile_fql(destination.action(action_key).default_subscription or "")
    assert subscription.matches({"type": "track", "event": event_name})
    assert not subscription.matches({"type": "track", "event": "Product Viewed"})


def preset_rows() -> list[dict[str, Any]]:
    rows = []
    for preset in destination.presets:
        row: dict[str, Any] = {
            "name": preset.name,
            "subscribe": preset.subscribe,
            "partnerAction": preset.action,
            "type": preset.type,
        }
        if preset.event_slug is not None:
            row["eventSlug"] = preset.event_slug
        rows.append(row)
    return rows


def test_segment_presets_are_kept_with_a_slug_of_its_own_for_the_second_journeys_preset() -> None:
    expected = [dict(preset) for preset in REFERENCE["presets"]]
    # compat Q14: Segment binds both Journeys presets to `journeys_step_entered_track`.
    assert expected[10]["eventSlug"] == "journeys_step_entered_track"
    expected[10]["eventSlug"] = "journey_step_all_events_track"
    assert preset_rows()[:11] == expected


def test_classic_presets_follow_segments() -> None:
    assert preset_rows()[11:] == [
        {
            "name": "Page and Screen Calls",
            "subscribe": 'type = "page" or type = "screen"',
            "partnerAction": "trackPageView",
            "type": "automatic",
        },
        {
            "name": "Product Added or Removed Calls",
            "subscribe": 'type = "track" and (event = "Product Added" or event = "Product Removed") '
            "and properties.products != null",
            "partnerAction": "updateCart",
            "type": "automatic",
        },
    ]


def test_event_slug_presets_have_no_subscription() -> None:
    for preset in destination.presets:
        if preset.type == "specificEvent":
            assert preset.subscribe is None
            assert preset.event_slug
            assert preset.to_subscription() is None


CLASSIC_ITEMS = {
    "@arrayPath": [
        "$.properties.products",
        {
            "id": {
                "@if": {
                    "exists": {"@path": "product_id"},
                    "then": {"@path": "product_id"},
                    "else": {"@path": "id"},
                }
            },
            "sku": {"@path": "sku"},
            "categories": {"@path": "category"},
            "name": {"@path": "name"},
            "price": {"@path": "price"},
            "quantity": {"@path": "quantity"},
            "url": {"@path": "url"},
            "imageUrl": {"@path": "image_url"},
            "description": {"@path": "description"},
        },
    ]
}


def test_preset_mappings_are_the_defaults_but_commerce_items_also_read_classic_ids() -> None:
    for preset in destination.presets:
        action = destination.action(preset.action)
        if preset.action in ("updateCart", "trackPurchase"):
            assert preset.mapping == {**action.default_mapping, "items": CLASSIC_ITEMS}
        else:
            assert preset.mapping is None, preset.name
