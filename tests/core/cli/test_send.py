"""``actions send``: one line per event with the requests it caused, secrets hidden, bad input exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from click.testing import CliRunner

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, Destination, Preset, RequestData
from actions_core.fields import Field
from actions_core.plugins import Registry, hookimpl
from actions_core.request import USER_AGENT, RequestClient, Response

SECRET = "sk-live-4f2a9c"


async def post_event(request: RequestClient, data: ActionData) -> Response:
    region = data.settings["region"]
    return await request(f"https://example.test/{region}/events", method="POST", json=data.payload)


async def post_twice(request: RequestClient, data: ActionData) -> Response:
    """Looks the user up, then updates them: two requests for one event."""
    await request(
        "https://example.test/users",
        params={"id": data.payload["user_id"], "key": data.settings["api_key"]},
    )
    return await request("https://example.test/users", method="PUT", json=data.payload)


def bearer(data: RequestData) -> dict[str, Any]:
    return {"headers": {"Authorization": f"Bearer {data.settings['api_key']}"}}


ACME = Destination(
    key="acme",
    name="Acme Analytics",
    slug="actions-acme",
    settings={
        "api_key": Field(label="API Key", type="password", required=True),
        "region": Field(label="Region", type="string", required=True),
    },
    extend_request=bearer,
    presets=[
        Preset(name="Track calls", action="track", subscribe='type = "track"'),
        Preset(name="Identify calls", action="identify", subscribe='type = "identify"'),
    ],
    actions=[
        Action(
            key="track",
            title="Track",
            fields={
                "user_id": Field(
                    label="User ID", type="string", required=True, default={"@path": "$.userId"}
                ),
                "name": Field(label="Name", type="string", default={"@path": "$.event"}),
            },
            perform=post_event,
        ),
        Action(
            key="identify",
            title="Identify",
            fields={
                "user_id": Field(
                    label="User ID", type="string", required=True, default={"@path": "$.userId"}
                ),
            },
            perform=post_twice,
        ),
    ],
)


def acme_registry(destination: Destination = ACME) -> Registry:
    class Plugin:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            return [destination]

    registry = Registry()
    registry.register(Plugin(), name=destination.key, package="acme-actions 1.0")
    return registry


@pytest.fixture
def files(tmp_path: Path):
    """Writes JSON (or raw text) files for the command line; returns their paths."""

    def write(name: str, content: Any) -> str:
        path = tmp_path / name
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        return str(path)

    return write


@pytest.fixture
def settings(files) -> str:
    return files("settings.json", {"api_key": SECRET, "region": "eu"})


def send(*args: str, events: str = "", registry: Registry | None = None):
    return CliRunner().invoke(
        main, ["send", *args], input=events, obj=registry or acme_registry(), catch_exceptions=False
    )


def lines(output: str) -> list[Any]:
    return [json.loads(line) for line in output.splitlines()]


def expected_post(json_body: dict[str, Any], authorization: str = "Bearer ***") -> dict[str, Any]:
    body = json.dumps(json_body, separators=(",", ":"))
    return {
        "method": "POST",
        "url": "https://example.test/eu/events",
        "headers": {
            "host": "example.test",
            "user-agent": USER_AGENT,
            "authorization": authorization,
            "content-type": "application/json",
            "content-length": str(len(body)),
        },
        "json": json_body,
    }


def test_dry_run_with_action_prints_each_events_requests_and_sends_nothing(settings) -> None:
    events = '{"userId": "u1", "event": "Signed Up"}\n{"userId": "u2"}\n'
    with respx.mock(assert_all_called=False) as network:
        result = send(
            "acme", "--settings", settings, "--action", "track", "--dry-run", events=events
        )
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [
        {"requests": [expected_post({"user_id": "u1", "name": "Signed Up"})]},
        {"requests": [expected_post({"user_id": "u2"})]},
    ]
    assert network.calls.call_count == 0


def test_the_slug_finds_the_destination_too(settings) -> None:
    result = send(
        "actions-acme",
        "--settings",
        settings,
        "--action",
        "track",
        "--dry-run",
        events='{"userId": "u1"}\n',
    )
    assert lines(result.stdout) == [{"requests": [expected_post({"user_id": "u1"})]}]


def test_every_request_an_event_causes_is_listed_in_order(settings) -> None:
    result = send(
        "acme",
        "--settings",
        settings,
        "--action",
        "identify",
        "--dry-run",
        events='{"userId": "u1"}\n',
    )
    [line] = lines(result.stdout)
    assert [(request["method"], request["url"]) for request in line["requests"]] == [
        ("GET", "https://example.test/users?id=u1&key=***"),
        ("PUT", "https://example.test/users"),
    ]


def test_show_secrets_shows_password_settings(settings) -> None:
    result = send(
        "acme",
        "--settings",
        settings,
        "--action",
        "identify",
        "--dry-run",
        "--show-secrets",
        events='{"userId": "u1"}\n',
    )
    [line] = lines(result.stdout)
    assert line["requests"][0]["url"] == f"https://example.test/users?id=u1&key={SECRET}"
    assert line["requests"][0]["headers"]["authorization"] == f"Bearer {SECRET}"


def test_the_secret_appears_nowhere_in_the_output(settings) -> None:
    events = f'{{"userId": "u1"}}\n{{"userId": "{SECRET}", "event": "{SECRET}"}}\n'
    for action in ("track", "identify"):
        result = send(
            "acme", "--settings", settings, "--action", action, "--dry-run", events=events
        )
        assert result.exit_code == 0
        assert SECRET not in result.output
        assert "***" in result.output


def test_mapping_keys_replace_the_defaults_keys(settings, files) -> None:
    mapping = files("mapping.json", {"name": {"@template": "{{event}}!"}})
    result = send(
        "acme",
        "--settings",
        settings,
        "--action",
        "track",
        "--mapping",
        mapping,
        "--dry-run",
        events='{"userId": "u1", "event": "Hi"}\n',
    )
    assert lines(result.stdout) == [{"requests": [expected_post({"user_id": "u1", "name": "Hi!"})]}]


def test_without_action_events_go_through_the_presets(settings) -> None:
    events = (
        '{"type": "track", "userId": "u1", "event": "Paid"}\n{"type": "page", "userId": "u1"}\n'
    )
    result = send("acme", "--settings", settings, "--dry-run", events=events)
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        {"requests": [expected_post({"user_id": "u1", "name": "Paid"})]},
        {"requests": []},
    ]


def test_failed_events_get_an_error_line_at_their_place_and_exit_1(settings) -> None:
    events = '{"event": "No user"}\nnot json\n[1]\n{"userId": "u1"}\n'
    result = send("acme", "--settings", settings, "--action", "track", "--dry-run", events=events)
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        {
            "error": {
                "type": "PayloadValidationError",
                "message": "line 1: The root value is missing the required field 'user_id'.",
            }
        },
        {
            "error": {
                "type": "InvalidEventError",
                "message": "line 2: not valid JSON: Expecting value: line 1 column 1 (char 0)",
            }
        },
        {
            "error": {
                "type": "InvalidEventError",
                "message": "line 3: an event must be an object, not array",
            }
        },
        {"requests": [expected_post({"user_id": "u1"})]},
    ]


def test_through_presets_an_error_names_the_action(settings) -> None:
    result = send("acme", "--settings", settings, "--dry-run", events='{"type": "identify"}\n')
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        {
            "error": {
                "type": "PayloadValidationError",
                "message": "line 1: identify: The root value is missing the required field "
                "'user_id'.",
            }
        },
    ]


def test_output_writes_the_lines_to_a_file(settings, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = send(
        "acme",
        "--settings",
        settings,
        "--action",
        "track",
        "--dry-run",
        "--output",
        str(target),
        events='{"userId": "u1"}\n',
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert lines(target.read_text()) == [{"requests": [expected_post({"user_id": "u1"})]}]


def test_events_can_come_from_a_file(settings, files) -> None:
    events = files("events.jsonl", '{"userId": "u1"}\n')
    result = send(
        "acme", "--settings", settings, "--action", "track", "--dry-run", "--events", events
    )
    assert lines(result.stdout) == [{"requests": [expected_post({"user_id": "u1"})]}]


@respx.mock
def test_without_dry_run_requests_are_really_sent_and_listed(settings) -> None:
    route = respx.post("https://example.test/eu/events").respond(202, json={"queued": True})
    result = send("acme", "--settings", settings, "--action", "track", events='{"userId": "u1"}\n')
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [{"requests": [expected_post({"user_id": "u1"})]}]
    assert route.call_count == 1
    assert route.calls.last.request.headers["authorization"] == f"Bearer {SECRET}"


@respx.mock
def test_an_error_answer_is_that_events_error_line(settings) -> None:
    respx.post("https://example.test/eu/events").mock(
        side_effect=[httpx.Response(500, text=f"key {SECRET} overloaded"), httpx.Response(200)]
    )
    result = send(
        "acme",
        "--settings",
        settings,
        "--action",
        "track",
        events='{"userId": "u1"}\n{"userId": "u2"}\n',
    )
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        {
            "error": {
                "type": "HTTPError",
                "message": "line 1: 500 Internal Server Error: key *** overloaded",
            }
        },
        {"requests": [expected_post({"user_id": "u2"})]},
    ]


BROKEN_PRESET = Destination(
    key="acme",
    name="Acme Analytics",
    slug="actions-acme",
    actions=ACME.actions,
    settings=ACME.settings,
    presets=[
        Preset(name="Broken", action="track", subscribe='type = "track'),
        Preset(name="Lost", action="alias", subscribe='type = "alias"'),
        Preset(name="Odd", action="track", subscribe="type = 'track'", mapping={"x": {"@if": 1}}),
    ],
)


@pytest.mark.parametrize(
    ("arguments", "settings_content", "registry", "message"),
    [
        pytest.param(
            ["nowhere"],
            None,
            None,
            'error: no destination named "nowhere" (installed: acme)\n',
            id="unknown-destination",
        ),
        pytest.param(
            ["acme"],
            "{not json",
            None,
            "is not valid JSON: Expecting property name enclosed in double quotes",
            id="settings-not-json",
        ),
        pytest.param(
            ["acme"],
            "[1, 2]",
            None,
            "settings.json (--settings) must hold a JSON object, not array\n",
            id="settings-not-an-object",
        ),
        pytest.param(
            ["acme"],
            {"api_key": 7, "region": {"x": 1}},
            None,
            "settings.json holds invalid settings for acme:\n"
            "  Region must be a string but it was an object.\n",
            id="invalid-settings",
        ),
        pytest.param(
            ["acme"],
            {},
            None,
            "settings.json holds invalid settings for acme:\n"
            "  The root value is missing the required field 'api_key'.\n"
            "  The root value is missing the required field 'region'.\n",
            id="every-missing-setting",
        ),
        pytest.param(
            ["acme", "--action", "nope"],
            None,
            None,
            'error: destination "acme" has no action "nope" (actions: track, identify)\n',
            id="unknown-action",
        ),
        pytest.param(
            ["acme", "--mapping", "MAPPING"],
            None,
            None,
            "error: --mapping needs --action: presets run with their own mappings\n",
            id="mapping-without-action",
        ),
        pytest.param(
            ["acme", "--action", "track", "--mapping", "MAPPING"],
            None,
            None,
            "mapping.json over the defaults of track) is not valid:\n"
            "  /user_id has an invalid directive: @nope.\n"
            "  /name/@path should be a string or a mapping directive but it is a number.\n",
            id="invalid-mapping",
        ),
        pytest.param(
            ["acme"],
            None,
            acme_registry(BROKEN_PRESET),
            "error: the presets of acme cannot run (see actions validate):\n"
            '  preset "Broken": invalid subscription: unterminated string: no closing " for this '
            "quote (at position 7)\n"
            '  preset "Lost": no action "alias"\n'
            '  preset "Odd": invalid mapping: /x/@if should be an object but it is a number.\n',
            id="every-broken-preset",
        ),
    ],
)
def test_bad_input_exits_2_with_a_one_line_reason_and_no_traceback(
    files, settings, arguments, settings_content, registry, message
) -> None:
    if settings_content is not None:
        settings = files("settings.json", settings_content)
    mapping = files("mapping.json", {"name": {"@path": 5}, "user_id": {"@nope": 1}})
    arguments = [mapping if argument == "MAPPING" else argument for argument in arguments]
    result = send(
        *arguments,
        "--settings",
        settings,
        "--dry-run",
        events='{"userId": "u1"}\n',
        registry=registry,
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert SECRET not in result.output


def test_an_invalid_password_setting_is_not_quoted_in_the_message(files) -> None:
    settings = files("settings.json", {"api_key": {"token": SECRET}, "region": "eu"})
    result = send("acme", "--settings", settings, "--dry-run", events="")
    assert result.exit_code == 2
    assert "API Key must be a string but it was an object." in result.stderr
    assert SECRET not in result.output


def test_the_installed_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    """Through a real process (the installed plugins, whatever their state), not the test runner."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "actions_core.cli",
            "send",
            "no-such-destination",
            "--settings",
            str(tmp_path / "missing.json"),
            "--dry-run",
        ],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr.startswith("error: ")
    assert "Traceback" not in completed.stderr + completed.stdout


def test_problems_in_several_inputs_are_all_listed_in_one_run(files) -> None:
    settings = files("settings.json", {"region": "eu"})
    mapping = files("mapping.json", {"name": {"@path": 5}})
    result = send(
        "acme", "--settings", settings, "--action", "track", "--mapping", mapping, events=""
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: the mapping ({mapping} over the defaults of track) is not valid:\n"
        "  /name/@path should be a string or a mapping directive but it is a number.\n"
        f"error: {settings} holds invalid settings for acme:\n"
        "  The root value is missing the required field 'api_key'.\n"
    )
