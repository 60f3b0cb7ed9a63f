"""``actions docs``: the reference page on standard output, or in a file with -o."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, Destination
from actions_core.fields import Field
from actions_core.plugins import Registry, hookimpl


async def perform(request: Any, data: ActionData) -> None:
    return None


PING = Destination(
    key="ping",
    name="Ping",
    slug="actions-ping",
    settings={
        "url": Field(label="URL", type="string", required=True, description="Where to ping.")
    },
    actions=[
        Action(
            key="ping",
            title="Ping",
            description="Pings the URL.",
            fields={"id": Field(label="ID", type="string", default={"@path": "$.messageId"})},
            perform=perform,
        )
    ],
)

PAGE = """\
# Ping

- Short name: `ping`
- Segment slug: `actions-ping`
- Mode: cloud

## Destination settings

| Setting | Key | Type | Required | Description |
|---|---|---|---|---|
| URL | `url` | string | yes | Where to ping. |

## Available presets

This destination has no presets.

## Available actions

### Ping

Pings the URL.

- Action key: `ping`
- Default trigger: none
- Batching: not supported

| Field | Label and description | Type | Required | Default mapping |
|---|---|---|---|---|
| `id` | **ID** | string | no | `$.messageId` |
"""


def ping_registry() -> Registry:
    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            return [PING]

    registry = Registry()
    registry.register(Plugin(), name="ping", package="ping-actions 1.0")
    return registry


def docs(*args: str):
    return CliRunner().invoke(main, ["docs", *args], obj=ping_registry(), catch_exceptions=False)


def test_prints_the_page() -> None:
    result = docs("ping")
    assert result.exit_code == 0
    assert result.stdout == PAGE


def test_writes_the_page_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "ping.md"
    result = docs("actions-ping", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text() == PAGE


def test_an_unwritable_file_exits_2(tmp_path: Path) -> None:
    result = docs("ping", "-o", str(tmp_path / "missing" / "ping.md"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: cannot write {tmp_path / 'missing' / 'ping.md'}: No such file or directory\n"
    )


def test_an_unknown_destination_exits_2() -> None:
    result = docs("pong")
    assert result.exit_code == 2
    assert result.stderr == 'error: no destination named "pong" (installed: ping)\n'
