"""``actions validate``: every finding printed, exit 1 on errors, "ok" otherwise."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, Destination, Preset
from actions_core.fields import Field
from actions_core.plugins import Registry, hookimpl


async def perform(request: Any, data: ActionData) -> None:
    return None


def destination(
    key: str, *, presets: list[Preset], subscription: str = 'type = "track"'
) -> Destination:
    return Destination(
        key=key,
        name=key.title(),
        slug=f"actions-{key}",
        actions=[
            Action(
                key="track",
                title="Track",
                default_subscription=subscription,
                fields={
                    "event": Field(
                        label="Event", type="string", required=True, default={"@path": "$.event"}
                    )
                },
                perform=perform,
            )
        ],
        presets=presets,
    )


HEALTHY = destination(
    "good", presets=[Preset(name="Tracks", action="track", subscribe='type = "track"')]
)
BROKEN = destination(
    "bad",
    presets=[
        Preset(name="Tracks", action="trak", subscribe='type = "track"'),
        Preset(name="Pages", action="track", subscribe='type = "page'),
    ],
)
WARNED = destination(
    "odd",
    presets=[Preset(name="Tracks", action="track", subscribe='type = "track"')],
    subscription='event = "a" OR event = "b"',
)


def registry(*destinations: Destination) -> Registry:
    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            return list(destinations)

    chosen = Registry()
    chosen.register(Plugin(), name="test", package="test-actions 1.0")
    return chosen


def validate(*args: str, registry: Registry):
    return CliRunner().invoke(main, ["validate", *args], obj=registry, catch_exceptions=False)


def test_a_healthy_destination_is_ok() -> None:
    result = validate("good", registry=registry(HEALTHY, BROKEN))
    assert result.exit_code == 0
    assert result.stdout == "ok: 1 destination checked, 0 warnings\n"


def test_every_finding_is_printed_and_errors_exit_1() -> None:
    result = validate("actions-bad", registry=registry(HEALTHY, BROKEN))
    assert result.exit_code == 1
    assert result.stdout == (
        'error: bad/presets/0/action: preset "Tracks" names the action "trak", which does not '
        "exist (actions: track)\n"
        'error: bad/presets/1/subscribe: invalid subscription: unterminated string: no closing " '
        "for this quote (at position 7)\n"
        "2 errors, 0 warnings in 1 destination\n"
    )


def test_warnings_alone_are_printed_and_pass() -> None:
    result = validate("odd", registry=registry(WARNED))
    assert result.exit_code == 0
    assert result.stdout == (
        'warning: odd/actions/track/default_subscription: "OR" is not a conditional (only '
        'lower-case "and"/"or" are), so it is ignored and the conditions here are combined with '
        '"and"; write "or" (at position 12)\n'
        "ok: 1 destination checked, 1 warning\n"
    )


def test_without_a_name_every_installed_destination_is_checked() -> None:
    result = validate(registry=registry(HEALTHY, BROKEN, WARNED))
    assert result.exit_code == 1
    assert result.stdout == (
        'error: bad/presets/0/action: preset "Tracks" names the action "trak", which does not '
        "exist (actions: track)\n"
        'error: bad/presets/1/subscribe: invalid subscription: unterminated string: no closing " '
        "for this quote (at position 7)\n"
        'warning: odd/actions/track/default_subscription: "OR" is not a conditional (only '
        'lower-case "and"/"or" are), so it is ignored and the conditions here are combined with '
        '"and"; write "or" (at position 12)\n'
        "2 errors, 1 warning in 3 destinations\n"
    )


def test_an_unknown_destination_exits_2() -> None:
    result = validate("nowhere", registry=registry(HEALTHY))
    assert result.exit_code == 2
    assert result.stderr == 'error: no destination named "nowhere" (installed: good)\n'
