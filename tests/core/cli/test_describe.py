"""``actions describe``: settings, presets, actions and fields; ``--json`` the whole definition."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, BatchData, Destination, Preset
from actions_core.fields import Condition, Conditions, Field
from actions_core.plugins import Registry, hookimpl
from actions_core.validation import fields_to_json_schema


async def perform(request: Any, data: ActionData) -> None:
    return None


async def perform_batch(request: Any, data: BatchData) -> None:
    return None


NOTIFY = Destination(
    key="notify",
    name="Notify (Actions)",
    slug="actions-notify",
    description="Sends notifications.",
    settings={
        "token": Field(label="Token", type="password", required=True, default="tok-SECRET"),
        "channel": Field(label="Channel", type="string", default="general"),
    },
    extend_request=lambda data: {"headers": {"Authorization": str(data.settings["token"])}},
    presets=[Preset(name="Alerts", action="alert", subscribe='event = "Alert"')],
    actions=[
        Action(
            key="alert",
            title="Send Alert",
            description="Posts an alert.",
            default_subscription='event = "Alert"',
            fields={
                "text": Field(
                    label="Text",
                    type="string",
                    required=True,
                    default={"@path": "$.properties.text"},
                ),
                "level": Field(
                    label="Level",
                    type="string",
                    choices=["info", "error"],
                    required=Conditions(
                        conditions=[
                            Condition(field="text", operator="is_not"),
                        ]
                    ),
                ),
                "tags": Field(label="Tags", type="string", multiple=True),
            },
            perform=perform,
            perform_batch=perform_batch,
        )
    ],
)


def notify_registry(destination: Destination = NOTIFY) -> Registry:
    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            return [destination]

    registry = Registry()
    registry.register(Plugin(), name="notify", package="notify-actions 1.0")
    return registry


def describe(*args: str, registry: Registry | None = None):
    return CliRunner().invoke(
        main, ["describe", *args], obj=registry or notify_registry(), catch_exceptions=False
    )


def test_describes_settings_presets_actions_and_fields() -> None:
    result = describe("notify")
    assert result.exit_code == 0
    assert result.stdout == (
        "Notify (Actions) (notify, actions-notify)\n"
        "\n"
        "  Sends notifications.\n"
        "\n"
        "Settings:\n"
        "  token    password  required  Token; default ***; secret: shown as *** in output\n"
        '  channel  string    optional  Channel; default "general"\n'
        "\n"
        "Presets:\n"
        '  Alerts -> alert when event = "Alert"\n'
        "\n"
        "Action alert: Send Alert, batching\n"
        "  Posts an alert.\n"
        '  default subscription: event = "Alert"\n'
        "  text   string    required" + " " * 22 + 'Text; default {"@path":"$.properties.text"}\n'
        '  level  string    required if text has a value  Level; one of "info", "error"\n'
        "  tags   string[]  optional" + " " * 22 + "Tags\n"
    )


def test_the_slug_finds_it_too() -> None:
    assert describe("actions-notify").stdout == describe("notify").stdout


def test_json_is_the_definition_without_functions_or_secrets() -> None:
    result = describe("notify", "--json")
    assert result.exit_code == 0
    assert "tok-SECRET" not in result.stdout
    described = json.loads(result.stdout)
    schema = described["actions"]["alert"].pop("json_schema")
    assert schema == fields_to_json_schema(NOTIFY.actions["alert"].fields)
    assert described == {
        "key": "notify",
        "name": "Notify (Actions)",
        "slug": "actions-notify",
        "description": "Sends notifications.",
        "mode": "cloud",
        "authentication_scheme": "custom",
        "authentication_test": False,
        "settings": {
            "token": {
                **PLAIN_FIELD,
                "label": "Token",
                "type": "password",
                "required": True,
                "default": "***",
            },
            "channel": {**PLAIN_FIELD, "label": "Channel", "default": "general"},
        },
        "presets": [
            {
                "name": "Alerts",
                "action": "alert",
                "subscribe": 'event = "Alert"',
                "mapping": None,
                "type": "automatic",
                "event_slug": None,
            },
        ],
        "actions": {
            "alert": {
                "key": "alert",
                "title": "Send Alert",
                "description": "Posts an alert.",
                "default_subscription": 'event = "Alert"',
                "platform": "cloud",
                "hidden": False,
                "batching": True,
                "fields": {
                    "text": {
                        **PLAIN_FIELD,
                        "label": "Text",
                        "required": True,
                        "default": {"@path": "$.properties.text"},
                    },
                    "level": {
                        **PLAIN_FIELD,
                        "label": "Level",
                        "required": {
                            "conditions": [{"field": "text", "operator": "is_not"}],
                            "match": "all",
                        },
                        "choices": [
                            {"value": "info", "label": None},
                            {"value": "error", "label": None},
                        ],
                    },
                    "tags": {**PLAIN_FIELD, "label": "Tags", "multiple": True},
                },
            }
        },
    }


PLAIN_FIELD: dict[str, Any] = {
    "label": "",
    "type": "string",
    "description": "",
    "required": False,
    "multiple": False,
    "choices": None,
    "format": None,
    "allow_null": False,
    "additional_properties": False,
    "properties": None,
    "minimum": None,
    "maximum": None,
    "placeholder": None,
    "hidden": False,
    "dynamic": False,
    "depends_on": None,
}
"""Every key a field without a default shows, with its value when nothing is declared."""


@pytest.mark.parametrize("name", ["nowhere", "actions-nowhere"])
def test_an_unknown_destination_exits_2_naming_the_installed_ones(name: str) -> None:
    result = describe(name)
    assert result.exit_code == 2
    assert result.stderr == f'error: no destination named "{name}" (installed: notify)\n'


def test_a_definition_no_schema_can_express_exits_2_on_json() -> None:
    broken = Destination(
        key="notify",
        name="Notify",
        slug="actions-notify",
        actions=[
            Action(
                key="alert",
                title="Alert",
                perform=perform,
                fields={"text": Field(label="Text", type="string", format="e-mail")},
            )
        ],
    )
    result = describe("notify", "--json", registry=notify_registry(broken))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: notify has an invalid definition (INVALID_DEFINITION): Field 'text' has format "
        "'e-mail', which is not a known format"
    )
