"""Reading events from JSON Lines and writing one JSON result per event."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import attrs
import click

from ..errors import ActionsError
from ..jsvalues import MISSING, json_stringify


@attrs.frozen
class Line:
    """One input line: its number (from 1) and either the decoded event or why it could not be read."""

    number: int
    event: Any = None
    error: str | None = None


def read_events(stream: IO[str]) -> Iterator[Line]:
    """Decode each non-blank line; a line that is not JSON becomes a Line with an error, not a crash."""
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            yield Line(number, event=json.loads(text))
        except ValueError as error:
            yield Line(number, error=f"line {number}: not valid JSON: {error}")


def to_json(value: Any) -> str:
    """Compact JSON as Segment's engine would print it; a missing value prints as ``null``."""
    text = json_stringify(value)
    return "null" if text is MISSING else str(text)


def error_line(error: ActionsError | str, *, line: int | None = None) -> str:
    """The output line standing for an event that failed: ``{"error": {"type", "message"}}``."""
    if isinstance(error, str):
        kind, message = "InvalidEventError", error
    else:
        kind = type(error).__name__
        message = f"line {line}: {error}" if line is not None else str(error)
    return to_json({"error": {"type": kind, "message": message}})


def load_json_file(path: str, what: str) -> Any:
    """Read a JSON document the user named on the command line; exit 2 with the reason if it is bad."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise click.BadParameter(f"cannot read {path}: {error.strerror}", param_hint=what) from None
    except ValueError as error:
        raise click.BadParameter(f"{path} is not valid JSON: {error}", param_hint=what) from None
