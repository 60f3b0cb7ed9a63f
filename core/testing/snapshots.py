"""Stored snapshots of the requests an action makes, and their comparison with a new run.

A snapshot is a JSON file per action and mode (``trackEvent.json``, ``trackEvent.batch.json``) holding
every request made: method, URL, headers and JSON body (or text body). Headers that
change with the environment rather than with the destination's code (``user-agent`` carries the
framework's version, ``content-length`` only restates the body) are left out, and secrets are
written as ``***``, so a snapshot can be committed and reviewed like code.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from ..secrets import Secrets
from .harness import RecordedRequest

__all__ = [
    "VOLATILE_HEADERS",
    "SnapshotOutcome",
    "check_snapshot",
    "render_snapshot",
    "snapshot_path",
    "snapshot_request",
]

VOLATILE_HEADERS = frozenset(
    {"accept-encoding", "connection", "content-length", "host", "user-agent"}
)
"""Headers httpx adds or that vary with the installed version: not part of a snapshot."""

_DIFF_LINES = 40


def snapshot_path(directory: Path, action: str, mode: Literal["single", "batch"]) -> Path:
    """Where the snapshot of ``action`` run alone (``single``) or as a batch is stored."""
    suffix = ".batch.json" if mode == "batch" else ".json"
    return directory / f"{action}{suffix}"


def snapshot_request(request: RecordedRequest) -> dict[str, Any]:
    """One request as a snapshot holds it: headers sorted, volatile ones left out."""
    headers = {
        name: value
        for name, value in sorted(request.headers.items())
        if name not in VOLATILE_HEADERS
    }
    entry: dict[str, Any] = {"method": request.method, "url": request.url, "headers": headers}
    if request.json is not None:
        entry["json"] = request.json
    elif request.body:
        entry["body"] = request.body
    return entry


def render_snapshot(requests: Sequence[RecordedRequest], secrets: Secrets) -> str:
    """The snapshot file's text: headers sorted, the bodies' own key order kept, secrets ``***``."""
    document = {"requests": [snapshot_request(request) for request in requests]}
    text = json.dumps(secrets.redact_data(document), indent=2, ensure_ascii=False)
    return text + "\n"


@attrs.frozen
class SnapshotOutcome:
    """How a run compared with its stored snapshot."""

    status: Literal["matches", "differs", "missing", "written"]
    path: Path
    diff: str = ""
    """For ``differs``: a unified diff, stored snapshot first (shortened when long)."""

    @property
    def ok(self) -> bool:
        return self.status in ("matches", "written")


def check_snapshot(path: Path, text: str, *, update: bool) -> SnapshotOutcome:
    """Compare ``text`` with the snapshot at ``path``; with ``update``, write it when it differs."""
    try:
        stored: str | None = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        stored = None
    if stored == text:
        return SnapshotOutcome("matches", path)
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return SnapshotOutcome("written", path)
    if stored is None:
        return SnapshotOutcome("missing", path)
    return SnapshotOutcome("differs", path, _diff(stored, text, path.name))


def _diff(stored: str, new: str, name: str) -> str:
    lines = list(
        difflib.unified_diff(
            stored.splitlines(),
            new.splitlines(),
            fromfile=f"{name} (stored)",
            tofile=f"{name} (this run)",
            lineterm="",
        )
    )
    if len(lines) > _DIFF_LINES:
        lines = [*lines[:_DIFF_LINES], f"... {len(lines) - _DIFF_LINES} more lines"]
    return "\n".join(lines)
