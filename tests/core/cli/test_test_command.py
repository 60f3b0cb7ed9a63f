"""``actions test``: lint, every action over generated events against snapshots, the plugin's tests.

The destination under test is declared here and handed to the CLI through an injected registry,
as an embedding program would; nothing is installed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, BatchData, Destination, Preset, RequestData
from actions_core.errors import IntegrationError
from actions_core.fields import Field
from actions_core.plugins import Registry, hookimpl
from actions_core.request import RequestClient, Response

PLACEHOLDER_KEY = "placeholder-5627588f"
"""The generated value of the ping destination's password setting (never printed)."""


async def ping(request: RequestClient, data: ActionData) -> Response:
    body = {"user": data.payload["user_id"], "plan": data.payload.get("plan")}
    return await request("https://ping.example.com/v1/ping", method="POST", json=body)


async def ping_many(request: RequestClient, data: BatchData) -> Response:
    body = {"pings": [{"user": payload["user_id"]} for payload in data.payloads]}
    return await request("https://ping.example.com/v1/batch", method="POST", json=body)


async def refuse(request: RequestClient, data: ActionData) -> Response:
    raise IntegrationError("the ping service refuses anonymous pings", "ANONYMOUS")


def authorize(data: RequestData) -> dict[str, Any]:
    return {"headers": {"Authorization": f"Bearer {data.settings['api_key']}"}}


def make_ping(
    *,
    url_version: str = "v1",
    perform: Any = ping,
    presets: tuple[Preset, ...] = (
        Preset(name="Pings", action="ping", subscribe='type = "identify"'),
    ),
) -> Destination:
    chosen = perform if url_version == "v1" else _moved(url_version)
    return Destination(
        key="ping",
        name="Ping",
        slug="actions-ping",
        settings={"api_key": Field(label="API Key", type="password", required=True)},
        extend_request=authorize,
        presets=presets,
        actions=[
            Action(
                key="ping",
                title="Ping",
                default_subscription='type = "identify"',
                fields={
                    "user_id": Field(
                        label="User ID", type="string", required=True, default={"@path": "$.userId"}
                    ),
                    "plan": Field(label="Plan", type="string", default={"@path": "$.traits.plan"}),
                },
                perform=chosen,
                perform_batch=ping_many,
            )
        ],
    )


def _moved(version: str) -> Any:
    async def moved(request: RequestClient, data: ActionData) -> Response:
        body = {"user": data.payload["user_id"], "plan": data.payload.get("plan")}
        return await request(f"https://ping.example.com/{version}/ping", method="POST", json=body)

    return moved


def registry_of(destination: Destination) -> Registry:
    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            return [destination]

    registry = Registry()
    registry.register(Plugin(), name="ping", package="ping-plugin 1.0")
    return registry


def run(destination: Destination, *args: str) -> Result:
    return CliRunner().invoke(main, ["test", *args], obj=registry_of(destination))


@pytest.fixture
def snapshots(tmp_path: Path) -> Path:
    return tmp_path / "snapshots"


def test_without_snapshots_every_action_fails_and_says_how_to_record_them(snapshots: Path) -> None:
    result = run(make_ping(), "ping", "--snapshots", str(snapshots), "--no-plugin-tests")

    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "step          action  result",
        "lint          -       passed",
        "single        ping    no snapshot",
        "batch         ping    no snapshot",
        "plugin tests  -       skipped (--no-plugin-tests)",
        f"{snapshots}/ping.json does not exist: run `actions test ping --update` to record it",
        f"{snapshots}/ping.batch.json does not exist: run `actions test ping --update` to record it",
        "ping: 2 passed, 2 failed",
    ]


def test_update_records_the_requests_of_the_generated_events(snapshots: Path) -> None:
    result = run(
        make_ping(), "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests"
    )

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:5] == [
        "step          action  result",
        "lint          -       passed",
        "single        ping    snapshot written (1 request)",
        "batch         ping    snapshot written (1 request)",
        "plugin tests  -       skipped (--no-plugin-tests)",
    ]
    assert json.loads((snapshots / "ping.json").read_text()) == {
        "requests": [
            {
                "method": "POST",
                "url": "https://ping.example.com/v1/ping",
                "headers": {
                    "authorization": "Bearer ***",
                    "content-type": "application/json",
                },
                "json": {"user": "user-id-555a8f", "plan": "plan-4e6804"},
            }
        ]
    }
    assert json.loads((snapshots / "ping.batch.json").read_text())["requests"][0]["json"] == {
        "pings": [{"user": "user-id-555a8f"}, {"user": "user-id-ed9633"}]
    }


def test_a_second_run_matches_its_snapshots(snapshots: Path) -> None:
    run(make_ping(), "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests")

    result = run(make_ping(), "ping", "--snapshots", str(snapshots), "--no-plugin-tests")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "step          action  result",
        "lint          -       passed",
        "single        ping    passed (1 request)",
        "batch         ping    passed (1 request)",
        "plugin tests  -       skipped (--no-plugin-tests)",
        "ping: 4 passed, 0 failed",
    ]


def test_a_changed_request_fails_with_the_difference(snapshots: Path) -> None:
    run(make_ping(), "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests")

    result = run(
        make_ping(url_version="v2"), "ping", "--snapshots", str(snapshots), "--no-plugin-tests"
    )

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[2] == "single        ping    snapshot differs"
    assert lines[3] == "batch         ping    passed (1 request)"
    assert (
        f"{snapshots}/ping.json differs from this run (`actions test ping --update` accepts the "
        "change):"
    ) in lines
    assert '-      "url": "https://ping.example.com/v1/ping",' in lines
    assert '+      "url": "https://ping.example.com/v2/ping",' in lines


def test_an_action_that_fails_on_its_generated_event_fails_the_run(snapshots: Path) -> None:
    result = run(
        make_ping(perform=refuse), "ping", "--snapshots", str(snapshots), "--update",
        "--no-plugin-tests",
    )  # fmt: skip

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[2] == "single        ping    failed (IntegrationError)"
    assert "single ping: IntegrationError: the ping service refuses anonymous pings" in lines
    assert not (snapshots / "ping.json").exists()


def test_lint_errors_fail_the_run(snapshots: Path) -> None:
    broken = make_ping(presets=(Preset(name="Lost", action="pong", subscribe='type = "track"'),))

    result = run(broken, "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests")

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1] == "lint          -       1 error"
    assert any(line.startswith("error: ping/presets/0") and "pong" in line for line in lines)


def test_the_password_setting_is_never_printed_nor_stored(snapshots: Path, tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"api_key": "s3cr3t-value"}))

    first = run(
        make_ping(url_version="v3"), "ping", "--snapshots", str(snapshots), "--update",
        "--no-plugin-tests", "--settings", str(settings),
    )  # fmt: skip
    second = run(make_ping(), "ping", "--snapshots", str(snapshots), "--no-plugin-tests")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 1  # v3 was recorded, v1 differs: the diff is printed
    stored = "".join(path.read_text() for path in snapshots.iterdir())
    for text in (first.output, second.output, stored):
        assert "s3cr3t-value" not in text
        assert PLACEHOLDER_KEY not in text
    assert '"authorization": "Bearer ***"' in stored


def test_the_plugins_own_tests_run_with_pytest(snapshots: Path, tmp_path: Path) -> None:
    tests = tmp_path / "ping_tests"
    tests.mkdir()
    (tests / "test_ping.py").write_text("def test_one():\n    assert 1 + 1 == 2\n")

    result = run(
        make_ping(), "ping", "--snapshots", str(snapshots), "--update", "--tests", str(tests)
    )

    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.output.splitlines() if line.startswith("plugin tests")]
    assert row.startswith("plugin tests  -       passed (1 passed in ")


def test_failing_plugin_tests_fail_the_run_and_show_pytests_report(
    snapshots: Path, tmp_path: Path
) -> None:
    tests = tmp_path / "ping_tests"
    tests.mkdir()
    (tests / "test_ping.py").write_text("def test_one():\n    assert 1 + 1 == 3\n")

    result = run(
        make_ping(), "ping", "--snapshots", str(snapshots), "--update", "--tests", str(tests)
    )

    assert result.exit_code == 1
    lines = result.output.splitlines()
    (row,) = [line for line in lines if line.startswith("plugin tests")]
    assert row.startswith("plugin tests  -       failed (1 failed in ")
    assert f"pytest {tests}:" in lines
    assert "FAILED ping_tests/test_ping.py::test_one - assert (1 + 1) == 3" in lines
    assert lines[-1] == "ping: 3 passed, 1 failed"


def test_a_plugin_without_tests_is_not_a_failure(snapshots: Path) -> None:
    result = run(make_ping(), "ping", "--snapshots", str(snapshots), "--update")

    assert result.exit_code == 0, result.output
    assert "plugin tests  -       none found" in result.output.splitlines()


def test_the_slug_finds_the_destination_too(snapshots: Path) -> None:
    result = run(make_ping(), "actions-ping", "--snapshots", str(snapshots), "--update",
                 "--no-plugin-tests")  # fmt: skip

    assert result.exit_code == 0, result.output


def test_an_unknown_destination_exits_2(snapshots: Path) -> None:
    result = run(make_ping(), "pong", "--snapshots", str(snapshots))

    assert result.exit_code == 2
    assert result.stderr == 'error: no destination named "pong" (installed: ping)\n'


def test_settings_that_are_not_an_object_exit_2(snapshots: Path, tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text("[1]")

    result = run(make_ping(), "ping", "--snapshots", str(snapshots), "--settings", str(settings))

    assert result.exit_code == 2
    assert result.stderr == f"error: {settings} must hold a JSON object of settings\n"


def test_a_plugin_bug_is_the_actions_failure_not_a_crash(snapshots: Path) -> None:
    def forgetful(data: RequestData) -> dict[str, Any]:
        return {"headers": {"Authorization": data.settings["token"]}}  # no such setting

    broken = Destination(
        key="ping",
        name="Ping",
        slug="actions-ping",
        extend_request=forgetful,
        actions=[Action(key="ping", title="Ping", perform=ping)],
    )

    result = run(broken, "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests")

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[2] == "single        ping    failed (PerformError)"
    assert "single ping: PerformError: ping failed: KeyError: 'token'" in lines


def test_a_default_subscription_no_generated_event_meets_is_noted(snapshots: Path) -> None:
    big_orders = Destination(
        key="ping",
        name="Ping",
        slug="actions-ping",
        actions=[
            Action(
                key="bigOrder",
                title="Big Order",
                default_subscription='type = "track" and properties.total > 1000',
                fields={
                    "user_id": Field(label="User ID", type="string", default={"@path": "$.userId"})
                },
                perform=ping,
            )
        ],
    )

    result = run(big_orders, "ping", "--snapshots", str(snapshots), "--update", "--no-plugin-tests")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == (
        "single        bigOrder  snapshot written (1 request) "
        "(no generated event matches its subscription)"
    )
