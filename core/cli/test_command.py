"""``actions test``: everything a destination's author should run before publishing it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..definitions import Destination
from ..testing.discovery import default_snapshot_dir, find_plugin_tests, plugin_directory
from ..testing.runner import RunOptions, StepResult, run_checks
from .installed import exit_invalid, find_destination
from .jsonl import load_json_file

_HEADINGS = ("step", "action", "result")


@click.command("test")
@click.argument("destination")
@click.option(
    "--update",
    is_flag=True,
    help="Write the snapshots that are missing or differ instead of failing.",
)
@click.option(
    "--snapshots",
    "snapshots_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of this destination's snapshots "
    "(default: snapshots/<name> inside the plugin's tests folder, else ./snapshots/<name>).",
)
@click.option(
    "--tests",
    "tests_path",
    type=click.Path(exists=True, path_type=Path),
    help="The plugin's own tests (default: tests/plugins/<name> or tests/ of the project "
    "holding the plugin).",
)
@click.option("--no-plugin-tests", is_flag=True, help="Do not run the plugin's own tests.")
@click.option(
    "--settings",
    "settings_path",
    type=click.Path(dir_okay=False),
    help="A JSON file of settings replacing the generated ones key by key.",
)
def test_command(
    destination: str,
    update: bool,
    snapshots_dir: Path | None,
    tests_path: Path | None,
    no_plugin_tests: bool,
    settings_path: str | None,
) -> None:
    """Test DESTINATION (a short name or slug) as its author would before publishing it.

    Lints the definition, runs every action with its default mapping over generated events
    (alone, and as a batch when the action supports it) against mocked HTTP, compares the requests
    with the stored snapshots, and runs the plugin's own tests with pytest. Prints a table; exits 1
    if anything failed. Generated events and settings are the same on every run; password
    settings get placeholders and are never printed.
    """
    installed = find_destination(destination)
    definition = installed.destination
    tests = tests_path or _conventional_tests(installed.plugin, definition)
    settings = _settings(settings_path)
    options = RunOptions(
        snapshots=snapshots_dir or default_snapshot_dir(tests, definition.key),
        update=update,
        plugin_tests=tests,
        run_plugin_tests=not no_plugin_tests,
        settings=settings,
        command=f"actions test {destination}",
    )
    results = run_checks(definition, options)
    click.echo(format_table(results))
    for line in (detail for result in results for detail in result.details):
        click.echo(line)
    failed = sum(not result.passed for result in results)
    passed = len(results) - failed
    click.echo(f"{definition.key}: {passed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


def format_table(results: Sequence[StepResult]) -> str:
    """The summary: one row per check, columns padded to their widest cell."""
    rows = [_HEADINGS, *((result.step, result.action or "-", result.result) for result in results)]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    lines = [f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}".rstrip() for row in rows]
    return "\n".join(lines)


def _conventional_tests(plugin: str, definition: Destination) -> Path | None:
    start = plugin_directory(definition, plugin)
    if start is None:
        return None
    return find_plugin_tests(start, dict.fromkeys([definition.key, plugin]))


def _settings(path: str | None) -> dict[str, Any]:
    if path is None:
        return {}
    settings = load_json_file(path, "--settings")
    if not isinstance(settings, dict):
        exit_invalid(f"{path} must hold a JSON object of settings")
    return settings
