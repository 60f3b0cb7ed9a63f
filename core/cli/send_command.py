"""``actions send``: deliver events through a destination, or with ``--dry-run`` show what would go.

Everything the user gave (settings, mapping, the presets' FQL) is checked before the first event,
so mistakes exit 2 with every problem listed instead of failing each event alike. Each input event
then gets one output line: the requests it caused, or its error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

import click
import httpx

from ..errors import InvalidEventError
from ..execute import DestinationInstance
from ..jsvalues import js_type_name
from ..recording import RecordingSender, RecordingTransport, request_summary
from ..results import EventResult
from ..secrets import Secrets
from . import send_inputs
from .installed import exit_invalid, find_destination
from .jsonl import Line, error_line, read_events, to_json


@click.command("send")
@click.argument("destination")
@click.option(
    "--settings",
    "settings_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="A JSON file with the destination's settings (API keys and the like).",
)
@click.option("--action", "action_key", help="Send every event to this action (by its key).")
@click.option(
    "--mapping",
    "mapping_path",
    type=click.Path(dir_okay=False),
    help="With --action: a JSON file whose keys replace those of the action's default mapping.",
)
@click.option(
    "--events",
    type=click.File("r", encoding="utf-8"),
    default="-",
    show_default=True,
    help="The events, as JSON Lines ('-' reads standard input).",
)
@click.option("--dry-run", is_flag=True, help="Send nothing: record each request, answer 200 {}.")
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False),
    help="Write the result lines to this file instead of standard output.",
)
@click.option("--show-secrets", is_flag=True, help="Show password settings instead of ***.")
def send_command(
    destination: str,
    settings_path: str,
    action_key: str | None,
    mapping_path: str | None,
    events: IO[str],
    dry_run: bool,
    output_path: str | None,
    show_secrets: bool,
) -> None:
    """Send each event of --events through DESTINATION (a short name or a slug).

    With --action each event goes to that action with its default mapping (and --mapping's keys
    over it); without, through the destination's presets, as a host would route it. Prints one line
    per event: {"requests": [{"method", "url", "headers", "json"}, ...]}, every request the event
    caused, or {"error": {"type", "message"}}, and exits 1 if any event failed. Password settings
    show as *** unless --show-secrets. Invalid settings, mapping or presets exit 2.
    """
    found = find_destination(destination).destination
    values = send_inputs.load_object(settings_path, "--settings")
    secrets = send_inputs.raw_secrets(found, values) if not show_secrets else Secrets()
    problems = send_inputs.Problems()
    mapping = send_inputs.chosen_mapping(found, action_key, mapping_path, problems)
    if action_key is None:
        send_inputs.check_presets(found, problems)
    settings = send_inputs.settings(found, values, settings_path, secrets, problems)
    problems.exit_if_any()
    assert settings is not None  # invalid settings are among the problems
    transport: RecordingSender | RecordingTransport
    http: RecordingSender | httpx.AsyncClient
    if dry_run:
        transport = http = RecordingSender()
    else:
        transport = RecordingTransport(httpx.AsyncHTTPTransport())
        http = httpx.AsyncClient(transport=transport)
    # The presets were checked above, so building the instance cannot fail here.
    subscriptions = () if action_key else None
    instance = DestinationInstance(found, settings, subscriptions=subscriptions, http=http)
    if not show_secrets:
        secrets = instance.settings.secrets
    sender = _Sender(instance, http, transport, action_key, mapping, secrets)
    output = _open_output(output_path)
    try:
        failed = asyncio.run(
            sender.run(read_events(events), lambda text: click.echo(text, file=output))
        )
    finally:
        if output is not None:
            output.close()
    if failed:
        raise SystemExit(1)


class _Sender:
    """Runs the events one by one, so each output line holds exactly the requests of its event."""

    def __init__(
        self,
        instance: DestinationInstance,
        http: httpx.AsyncClient | RecordingSender,
        transport: RecordingTransport | RecordingSender,
        action_key: str | None,
        mapping: Mapping[str, Any] | None,
        secrets: Secrets,
    ) -> None:
        self.instance = instance
        self.http = http
        self.transport = transport
        self.action_key = action_key
        self.mapping = mapping
        self.secrets = secrets

    async def run(self, lines: Iterable[Line], write: Callable[[str], Any]) -> bool:
        """Write one line per event; True when any event failed."""
        failed = False
        try:
            for line in lines:
                text, ok = await self.line(line)
                failed = failed or not ok
                write(text)
        finally:
            await self.http.aclose()
        return failed

    async def line(self, line: Line) -> tuple[str, bool]:
        """The output line of one input line, and whether its event went through."""
        if line.error is not None:
            return error_line(line.error), False
        if not isinstance(line.event, dict):
            problem = f"an event must be an object, not {js_type_name(line.event)}"
            return error_line(InvalidEventError(problem), line=line.number), False
        first = len(self.transport.requests)
        results = await self.results(line.event)
        failures = [result for result in results if result.error is not None]
        if failures:
            return self.error(failures, line.number), False
        requests = [request_summary(each) for each in self.transport.requests[first:]]
        return to_json({"requests": self.secrets.redact_data(requests)}), True

    async def results(self, event: dict[str, Any]) -> list[EventResult]:
        if self.action_key is None:
            return await self.instance.send(event)
        return [await self.instance.execute(self.action_key, event, self.mapping)]

    def error(self, failures: list[EventResult], number: int) -> str:
        """The error line of an event; routed through presets, each failed action is named."""
        first = failures[0].error
        assert first is not None
        messages = [
            str(failure.error) if self.action_key else f"{failure.action}: {failure.error}"
            for failure in failures
        ]
        message = self.secrets.redact(f"line {number}: {'; '.join(messages)}")
        return to_json({"error": {"type": type(first).__name__, "message": message}})


def _open_output(path: str | None) -> IO[str] | None:
    """The file to write result lines to; None for standard output."""
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")  # closed by the caller
    except OSError as error:
        exit_invalid(f"cannot write {path}: {error.strerror}")
