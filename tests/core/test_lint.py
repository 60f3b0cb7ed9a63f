"""``lint_destination``: every problem of a definition, each at its place, before any event is sent."""

from __future__ import annotations

from typing import Any

import pytest

from actions_core.definitions import Action, ActionData, Destination, Preset
from actions_core.fields import Condition, Conditions, Field
from actions_core.lint import Finding, lint_destination


async def perform(request: Any, data: ActionData) -> None:
    return None


def user_id(**changes: Any) -> Field:
    """The action's one required field, with ``changes`` to its definition."""
    definition: dict[str, Any] = {
        "label": "User ID",
        "type": "string",
        "required": True,
        "default": {"@path": "$.userId"},
    }
    return Field(**{**definition, **changes})


def shop(
    *,
    settings: dict[str, Field] | None = None,
    fields: dict[str, Field] | None = None,
    presets: list[Preset] | None = None,
    default_subscription: str | None = 'type = "track"',
) -> Destination:
    """A healthy destination with one action ("order"); each case changes one part of it."""
    return Destination(
        key="shop",
        name="Shop",
        slug="actions-shop",
        settings=settings
        if settings is not None
        else {
            "api_key": Field(label="API Key", type="password", required=True),
            "region": Field(label="Region", type="string", default="eu", choices=["eu", "us"]),
        },
        actions=[
            Action(
                key="order",
                title="Order",
                default_subscription=default_subscription,
                fields=fields if fields is not None else {"user_id": user_id()},
                perform=perform,
            )
        ],
        presets=presets
        if presets is not None
        else [Preset(name="Orders", action="order", subscribe='type = "track"')],
    )


def test_a_healthy_destination_has_no_findings() -> None:
    assert lint_destination(shop()) == []


ORDER = "shop/actions/order"

CASES = [
    pytest.param(
        shop(presets=[Preset(name="Orders", action="purchase", subscribe='type = "track"')]),
        [
            Finding(
                "error",
                "shop/presets/0/action",
                'preset "Orders" names the action "purchase", which does not exist (actions: order)',
            )
        ],
        id="preset-names-a-missing-action",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(default={"@path": 5})}),
        [
            Finding(
                "error",
                f"{ORDER}/fields/user_id/default/@path",
                "invalid mapping: should be a string or a mapping directive but it is a number",
            )
        ],
        id="default-is-not-a-valid-mapping",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(default={"@path": "$.userId", "@template": "x"})}),
        [
            Finding(
                "error",
                f"{ORDER}/fields/user_id/default",
                "invalid mapping: should only have one @-prefixed key but it has 2 keys",
            )
        ],
        id="default-with-two-directives",
    ),
    pytest.param(
        shop(default_subscription="properties.total>50"),
        [
            Finding(
                "error",
                f"{ORDER}/default_subscription",
                'invalid subscription: put a space between "properties.total" and ">" '
                "(at position 16)",
            )
        ],
        id="default-subscription-does-not-parse",
    ),
    pytest.param(
        shop(default_subscription='event = "a" OR event = "b"'),
        [
            Finding(
                "warning",
                f"{ORDER}/default_subscription",
                '"OR" is not a conditional (only lower-case "and"/"or" are), so it is ignored and '
                'the conditions here are combined with "and"; write "or" (at position 12)',
            )
        ],
        id="fql-warnings-become-lint-warnings",
    ),
    pytest.param(
        shop(presets=[Preset(name="Orders", action="order", subscribe='type = "track')]),
        [
            Finding(
                "error",
                "shop/presets/0/subscribe",
                'invalid subscription: unterminated string: no closing " for this quote '
                "(at position 7)",
            )
        ],
        id="preset-subscription-does-not-parse",
    ),
    pytest.param(
        shop(presets=[Preset(name="Orders", action="order")]),
        [
            Finding(
                "error",
                "shop/presets/0/subscribe",
                "an automatic preset needs a subscription (FQL)",
            )
        ],
        id="automatic-preset-without-subscription",
    ),
    pytest.param(
        shop(
            presets=[
                Preset(
                    name="Orders",
                    action="order",
                    type="specificEvent",
                    event_slug="warehouse_everything",
                )
            ]
        ),
        [
            Finding(
                "error",
                "shop/presets/0/event_slug",
                'a specificEvent preset needs an event_slug out of "warehouse_entity_added_track", '
                '"warehouse_entity_removed_track", "warehouse_audience_entered_track", '
                '"warehouse_audience_exited_track", "warehouse_audience_membership_changed_identify", '
                '"warehouse_entity_values_changed_track", "warehouse_all_events_track", '
                '"journeys_step_entered_track" or "journey_step_all_events_track"',
            )
        ],
        id="specific-event-preset-with-unknown-event",
    ),
    pytest.param(
        shop(fields={"user_id": Field(label="User ID", type="string", required=True)}),
        [
            Finding(
                "error",
                "shop/presets/0/mapping",
                'preset "Orders": the default mapping of "order" has no value for the required '
                'field "user_id" (User ID), so every event it sends fails validation',
            )
        ],
        id="preset-default-mapping-misses-a-required-field",
    ),
    pytest.param(
        shop(
            presets=[
                Preset(
                    name="Orders",
                    action="order",
                    subscribe='type = "track"',
                    mapping={"userid": {"@path": "$.userId"}},
                )
            ]
        ),
        [
            Finding(
                "error",
                "shop/presets/0/mapping",
                'preset "Orders": its mapping has no value for the required field "user_id" '
                "(User ID), so every event it sends fails validation",
            ),
            Finding(
                "warning",
                "shop/presets/0/mapping/userid",
                '"userid" is not a field of "order": it is removed before perform',
            ),
        ],
        id="preset-mapping-misses-a-required-field-and-has-a-stray-key",
    ),
    pytest.param(
        shop(
            presets=[
                Preset(
                    name="Orders",
                    action="order",
                    subscribe='type = "track"',
                    mapping={"user_id": ""},
                )
            ]
        ),
        [
            Finding(
                "error",
                "shop/presets/0/mapping/user_id",
                'preset "Orders": its mapping sets the required field "user_id" to an empty '
                "string, which is removed before validation, so every event it sends fails",
            )
        ],
        id="preset-maps-a-required-field-to-nothing",
    ),
    pytest.param(
        shop(
            presets=[
                Preset(
                    name="Orders",
                    action="order",
                    subscribe='type = "track"',
                    mapping={"user_id": {"@nope": 1}},
                )
            ]
        ),
        [
            Finding(
                "error",
                "shop/presets/0/mapping/user_id",
                "invalid mapping: has an invalid directive: @nope",
            )
        ],
        id="preset-mapping-is-not-a-valid-mapping",
    ),
    pytest.param(
        shop(
            presets=[
                Preset(name="Orders", action="order", subscribe='type = "track"'),
                Preset(name="Orders", action="order", subscribe='type = "page"'),
            ]
        ),
        [
            Finding("warning", "shop/presets/0", 'another preset is also named "Orders"'),
            Finding("warning", "shop/presets/1", 'another preset is also named "Orders"'),
        ],
        id="two-presets-with-one-name",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(), "secret": Field(label="Secret", type="hidden")}),  # type: ignore[arg-type]
        [
            Finding(
                "error",
                f"{ORDER}/fields/secret/type",
                '"hidden" is not a field type; use "string", "text", "number", "integer", '
                '"boolean", "datetime", "password" or "object" (hide a field with hidden=True)',
            )
        ],
        id="unknown-field-type",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "plan": Field(label="Plan", type="string", choices=["free", "pro"], default="gold"),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/plan/default",
                "the default 'gold' is not one of the choices ('free', 'pro')",
            )
        ],
        id="default-outside-the-choices",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "plans": Field(
                    label="Plans",
                    type="string",
                    multiple=True,
                    choices=["free", "pro"],
                    default=["pro", "gold"],
                ),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/plans/default",
                "the default 'gold' is not one of the choices ('free', 'pro')",
            )
        ],
        id="multiple-default-outside-the-choices",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "plan": Field(label="Plan", type="string", choices=[], default={"@path": "$.plan"}),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/plan/choices",
                "the list of choices is empty: no value can pass",
            )
        ],
        id="empty-choices",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "plan": Field(label="Plan", type="string", choices=["free", "pro", "free"]),
            }
        ),
        [Finding("warning", f"{ORDER}/fields/plan/choices", "repeated choices: 'free'")],
        id="repeated-choices",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(properties={"id": Field(label="Id", type="string")})}),
        [
            Finding(
                "error",
                f"{ORDER}/fields/user_id/properties",
                "only object fields have properties; this field is a string",
            )
        ],
        id="properties-on-a-string",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(additional_properties=True)}),
        [
            Finding(
                "warning",
                f"{ORDER}/fields/user_id/additional_properties",
                "ignored: only object fields have properties; this field is a string",
            )
        ],
        id="additional-properties-on-a-string",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "email": Field(
                    label="Email",
                    type="string",
                    required=Conditions(
                        conditions=[Condition(field="anonymous_id", operator="is")]
                    ),
                ),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/email/required/conditions/0/field",
                '"anonymous_id" is not a field (fields: user_id, email)',
            )
        ],
        id="required-condition-names-a-missing-field",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "email": Field(
                    label="Email",
                    type="string",
                    depends_on=Conditions(
                        conditions=[Condition(field="user_id.kind", operator="is")]
                    ),
                ),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/email/depends_on/conditions/0/field",
                '"user_id.kind" is not a field (fields: user_id, email)',
            )
        ],
        id="depends-on-names-a-missing-nested-field",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "email": Field(label="Email", type="string", required=Conditions(conditions=[])),
            }
        ),
        [Finding("error", f"{ORDER}/fields/email/required", "no conditions: give at least one")],
        id="conditional-required-without-conditions",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "total": Field(label="Total", type="number", minimum=10, maximum=5),
            }
        ),
        [
            Finding(
                "error",
                f"{ORDER}/fields/total/minimum",
                "minimum 10 is greater than maximum 5: no value can pass",
            )
        ],
        id="minimum-above-maximum",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(minimum=2.5)}),
        [
            Finding(
                "error",
                f"{ORDER}/fields/user_id/minimum",
                "minimum 2.5 is not a whole number of characters (a string field's minimum and "
                "maximum are lengths)",
            )
        ],
        id="string-length-that-is-not-whole",
    ),
    pytest.param(
        shop(
            fields={
                "user_id": user_id(),
                "total": Field(label="Total", type="number", minimum=0, maximum=100),
            }
        ),
        [
            Finding(
                "warning",
                f"{ORDER}/fields/total/minimum",
                "minimum 0 means no limit (as in Segment): write a small non-zero bound, or "
                "check the sign in perform",
            )
        ],
        id="number-minimum-zero-is-no-limit",
    ),
    pytest.param(
        shop(
            fields={"user_id": user_id(), "count": Field(label="Count", type="integer", maximum=9)}
        ),
        [
            Finding(
                "warning",
                f"{ORDER}/fields/count/maximum",
                "ignored: minimum and maximum apply to string lengths and number values only, "
                "not to a integer field",
            )
        ],
        id="limits-on-an-integer",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(format="e-mail")}),
        [
            Finding(
                "error",
                f"{ORDER}/fields/user_id/format",
                'unknown format "e-mail"; use "date", "time", "date-time", "uri", '
                '"uri-reference", "uri-template", "email", "hostname", "ipv4", "ipv6", "regex", '
                '"uuid", "password" or "text"',
            )
        ],
        id="unknown-format",
    ),
    pytest.param(
        shop(
            fields={"user_id": user_id(), "at": Field(label="At", type="datetime", format="date")}
        ),
        [
            Finding(
                "warning",
                f"{ORDER}/fields/at/format",
                'ignored: datetime fields are always checked with the "date-like" format',
            )
        ],
        id="format-on-a-datetime",
    ),
    pytest.param(
        shop(fields={"user_id": user_id(), "": Field(label=" ", type="string")}),
        [
            Finding(
                "warning",
                f"{ORDER}/fields//label",
                "no label: validation messages name fields by it",
            )
        ],
        id="field-without-label",
    ),
    pytest.param(
        shop(settings={"notes": Field(label="Notes", type="text")}),
        [
            Finding(
                "error",
                "shop/settings/notes/type",
                'a setting must be of type "string", "password", "number" or "boolean", not "text"',
            )
        ],
        id="setting-of-a-type-settings-cannot-have",
    ),
    pytest.param(
        shop(settings={"api_key": Field(label="API Key", type="password", default="sk-123")}),
        [
            Finding(
                "error",
                "shop/settings/api_key/default",
                "a password setting must not have a default: the secret would be in the "
                "plugin's code and in every description of the destination",
            )
        ],
        id="password-setting-with-a-default",
    ),
    pytest.param(
        shop(
            settings={"region": Field(label="Region", type="string", choices=["eu"], default="us")}
        ),
        [
            Finding(
                "error",
                "shop/settings/region/default",
                "the default 'us' is not one of the choices ('eu')",
            )
        ],
        id="setting-default-outside-the-choices",
    ),
]


@pytest.mark.parametrize(("destination", "findings"), CASES)
def test_finds_each_problem_at_its_place(destination: Destination, findings: list[Finding]) -> None:
    assert lint_destination(destination) == findings


def test_conditions_may_look_inside_object_fields() -> None:
    address = Field(
        label="Address",
        type="object",
        properties={
            "country": Field(label="Country", type="string"),
            "zip": Field(
                label="ZIP",
                type="string",
                required=Conditions(
                    conditions=[Condition(field="address.country", operator="is", value="US")]
                ),
            ),
        },
    )
    assert lint_destination(shop(fields={"user_id": user_id(), "address": address})) == []


def test_every_problem_is_reported_not_only_the_first() -> None:
    destination = shop(
        fields={"user_id": Field(label="User ID", type="string", required=True, format="mail")},
        presets=[
            Preset(name="Orders", action="order", subscribe="type = 'track"),
            Preset(name="Pages", action="page", subscribe='type = "page"'),
        ],
    )
    assert [(finding.severity, finding.location) for finding in lint_destination(destination)] == [
        ("error", f"{ORDER}/fields/user_id/format"),
        ("error", "shop/presets/0/subscribe"),
        ("error", "shop/presets/0/mapping"),
        ("error", "shop/presets/1/action"),
    ]


def test_a_finding_prints_as_severity_location_message() -> None:
    finding = Finding("error", "shop/presets/0/action", "no such action")
    assert str(finding) == "error: shop/presets/0/action: no such action"
