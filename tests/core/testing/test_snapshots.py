"""Snapshots: what a request looks like on file, and how a new run compares with it."""

from __future__ import annotations

from pathlib import Path

from actions_core.secrets import Secrets
from actions_core.testing import RecordedRequest
from actions_core.testing.snapshots import (
    check_snapshot,
    render_snapshot,
    snapshot_path,
    snapshot_request,
)

REQUEST = RecordedRequest(
    method="POST",
    url="https://api.example.com/v1/track?key=k-123",
    headers={
        "host": "api.example.com",
        "user-agent": "actions/0.1.0",
        "content-length": "20",
        "accept-encoding": "gzip, deflate",
        "connection": "keep-alive",
        "x-api-key": "k-123",
        "accept": "*/*",
        "content-type": "application/json",
    },
    body='{"b":1,"a":"k-123"}',
    json={"b": 1, "a": "k-123"},
)


def test_a_request_keeps_its_own_headers_sorted_and_its_body_in_order() -> None:
    assert snapshot_request(REQUEST) == {
        "method": "POST",
        "url": "https://api.example.com/v1/track?key=k-123",
        "headers": {
            "accept": "*/*",
            "content-type": "application/json",
            "x-api-key": "k-123",
        },
        "json": {"b": 1, "a": "k-123"},
    }


def test_a_body_that_is_not_json_is_kept_as_text() -> None:
    form = RecordedRequest(method="POST", url="https://x.test/", headers={}, body="a=1", json=None)

    assert snapshot_request(form) == {
        "method": "POST",
        "url": "https://x.test/",
        "headers": {},
        "body": "a=1",
    }


def test_the_file_shows_secrets_as_stars() -> None:
    assert render_snapshot([REQUEST], Secrets(["k-123"])) == (
        "{\n"
        '  "requests": [\n'
        "    {\n"
        '      "method": "POST",\n'
        '      "url": "https://api.example.com/v1/track?key=***",\n'
        '      "headers": {\n'
        '        "accept": "*/*",\n'
        '        "content-type": "application/json",\n'
        '        "x-api-key": "***"\n'
        "      },\n"
        '      "json": {\n'
        '        "b": 1,\n'
        '        "a": "***"\n'
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_single_and_batch_runs_have_their_own_files(tmp_path: Path) -> None:
    assert snapshot_path(tmp_path, "trackEvent", "single") == tmp_path / "trackEvent.json"
    assert snapshot_path(tmp_path, "trackEvent", "batch") == tmp_path / "trackEvent.batch.json"


def test_a_missing_snapshot_fails_and_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "snapshots" / "a.json"

    outcome = check_snapshot(path, "{}\n", update=False)

    assert (outcome.status, outcome.ok) == ("missing", False)
    assert not path.exists()


def test_update_writes_a_missing_snapshot_creating_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "snapshots" / "a.json"

    outcome = check_snapshot(path, "{}\n", update=True)

    assert (outcome.status, outcome.ok) == ("written", True)
    assert path.read_text() == "{}\n"


def test_an_identical_run_matches(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"a": 1}\n')

    assert check_snapshot(path, '{"a": 1}\n', update=True).status == "matches"


def test_a_different_run_fails_with_a_diff_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{\n  "url": "https://old.test/"\n}\n')

    outcome = check_snapshot(path, '{\n  "url": "https://new.test/"\n}\n', update=False)

    assert (outcome.status, outcome.ok) == ("differs", False)
    assert outcome.diff.splitlines() == [
        "--- a.json (stored)",
        "+++ a.json (this run)",
        "@@ -1,3 +1,3 @@",
        " {",
        '-  "url": "https://old.test/"',
        '+  "url": "https://new.test/"',
        " }",
    ]
    assert path.read_text() == '{\n  "url": "https://old.test/"\n}\n'


def test_update_rewrites_a_different_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("old\n")

    assert check_snapshot(path, "new\n", update=True).status == "written"
    assert path.read_text() == "new\n"


def test_a_long_diff_is_shortened(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("".join(f"old {n}\n" for n in range(50)))

    outcome = check_snapshot(path, "".join(f"new {n}\n" for n in range(50)), update=False)

    lines = outcome.diff.splitlines()
    assert len(lines) == 41
    assert lines[-1] == "... 63 more lines"
