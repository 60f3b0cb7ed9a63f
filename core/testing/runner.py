"""``actions test``'s checks: lint, every action over generated events against snapshots, own tests.

Each check gives a :class:`StepResult`; the command prints them as a table. Nothing here raises for
a failing destination: a failure is a result, so one broken action does not hide the others.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from ..definitions import Action, Destination
from ..errors import ActionsError
from ..lint import lint_destination
from ..secrets import Secrets
from .generate import generate_events, generate_settings
from .harness import RecordedRequest, TestDestination
from .snapshots import check_snapshot, render_snapshot, snapshot_path

__all__ = ["RunOptions", "StepResult", "run_checks"]

_PYTEST_TAIL = 30
_NO_TESTS_COLLECTED = 5  # pytest's exit code


@attrs.frozen(kw_only=True)
class StepResult:
    """One row of the summary: a check, the action it concerns, and how it went."""

    step: str
    passed: bool
    result: str
    """A few words for the table (``passed``, ``snapshot differs`` …)."""
    action: str = ""
    details: tuple[str, ...] = ()
    """Lines printed after the table: findings, a snapshot diff, the end of pytest's output."""


@attrs.frozen(kw_only=True)
class RunOptions:
    """What ``actions test`` checks, and where it keeps and finds things."""

    snapshots: Path
    update: bool = False
    plugin_tests: Path | None = None
    """The plugin's own tests (a folder or file); None when it has none."""
    run_plugin_tests: bool = True
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    """Replace generated settings (e.g. a region the destination's code needs)."""
    command: str = "actions test"
    """How to rerun, quoted in the hint a missing snapshot gives."""


def run_checks(destination: Destination, options: RunOptions) -> list[StepResult]:
    """Every check, in order: lint, each action (alone, then batched), the plugin's own tests."""
    results = [lint_step(destination)]
    for action in destination.actions.values():
        results.extend(action_steps(destination, action, options))
    results.append(plugin_tests_step(options.plugin_tests, enabled=options.run_plugin_tests))
    return results


def lint_step(destination: Destination) -> StepResult:
    """The definition linter: errors fail the run, warnings are shown."""
    try:
        findings = lint_destination(destination)
    except ActionsError as error:
        return StepResult(step="lint", passed=False, result=f"failed: {error}")
    errors = [finding for finding in findings if finding.severity == "error"]
    lines = tuple(str(finding) for finding in findings)
    if errors:
        return StepResult(
            step="lint", passed=False, result=_count(len(errors), "error"), details=lines
        )
    warnings = len(findings)
    result = f"passed, {_count(warnings, 'warning')}" if warnings else "passed"
    return StepResult(step="lint", passed=True, result=result, details=lines)


def action_steps(destination: Destination, action: Action, options: RunOptions) -> list[StepResult]:
    """The action with its default mapping over generated events: alone, and batched if it can."""
    settings = {**generate_settings(destination), **options.settings}
    secrets = Secrets(
        str(value)
        for key, value in settings.items()
        if key in destination.secret_settings and value
    )
    generated = generate_events(destination, action)
    note = (
        "" if generated.matches_subscription else " (no generated event matches its subscription)"
    )
    steps = [
        _single(destination, action, generated.events[0], settings, secrets, options, note),
    ]
    if action.supports_batch:
        steps.append(
            _batch(destination, action, generated.events, settings, secrets, options, note)
        )
    return steps


def _single(
    destination: Destination,
    action: Action,
    event: dict[str, Any],
    settings: Mapping[str, Any],
    secrets: Secrets,
    options: RunOptions,
    note: str,
) -> StepResult:
    harness = TestDestination(destination)
    try:
        requests = harness.test_action(
            action.key, event=event, settings=settings, use_test_event=False
        )
    except Exception as error:  # a plugin's bug is this step's result, not a crash
        return _failed("single", action, type(error).__name__, secrets.redact(_describe(error)))
    return _compare("single", action, requests, secrets, options, note)


def _batch(
    destination: Destination,
    action: Action,
    events: Sequence[dict[str, Any]],
    settings: Mapping[str, Any],
    secrets: Secrets,
    options: RunOptions,
    note: str,
) -> StepResult:
    harness = TestDestination(destination)
    try:
        requests = harness.test_batch_action(
            action.key, events=events, settings=settings, use_test_event=False
        )
    except Exception as error:
        return _failed("batch", action, type(error).__name__, secrets.redact(_describe(error)))
    failures = [
        (type(result.error).__name__, f"event {index}: {_describe(result.error)}")
        for index, result in enumerate(harness.results, start=1)
        if result.error is not None
    ]
    if failures:
        kinds = ", ".join(dict.fromkeys(kind for kind, _ in failures))
        reasons = "; ".join(reason for _, reason in failures)
        return _failed("batch", action, kinds, secrets.redact(reasons))
    return _compare("batch", action, requests, secrets, options, note)


def _compare(
    mode: Literal["single", "batch"],
    action: Action,
    requests: Sequence[RecordedRequest],
    secrets: Secrets,
    options: RunOptions,
    note: str,
) -> StepResult:
    path = snapshot_path(options.snapshots, action.key, mode)
    outcome = check_snapshot(path, render_snapshot(requests, secrets), update=options.update)
    made = _count(len(requests), "request")
    if outcome.status == "matches":
        return StepResult(
            step=mode, action=action.key, passed=True, result=f"passed ({made}){note}"
        )
    if outcome.status == "written":
        return StepResult(
            step=mode,
            action=action.key,
            passed=True,
            result=f"snapshot written ({made}){note}",
            details=(f"wrote {path}",),
        )
    if outcome.status == "missing":
        return StepResult(
            step=mode,
            action=action.key,
            passed=False,
            result="no snapshot",
            details=(f"{path} does not exist: run `{options.command} --update` to record it",),
        )
    return StepResult(
        step=mode,
        action=action.key,
        passed=False,
        result="snapshot differs",
        details=(
            f"{path} differs from this run (`{options.command} --update` accepts the change):",
            outcome.diff,
        ),
    )


def plugin_tests_step(tests: Path | None, *, enabled: bool = True) -> StepResult:
    """The plugin's own test suite, run by pytest in a separate process."""
    step = "plugin tests"
    if not enabled:
        return StepResult(step=step, passed=True, result="skipped (--no-plugin-tests)")
    if tests is None:
        return StepResult(step=step, passed=True, result="none found")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)]
    completed = subprocess.run(
        command, cwd=tests.parent, capture_output=True, text=True, check=False
    )
    output = (completed.stdout + completed.stderr).strip().splitlines()
    summary = output[-1].strip("= ") if output else ""
    if completed.returncode == 0:
        return StepResult(step=step, passed=True, result=f"passed ({summary})")
    if completed.returncode == _NO_TESTS_COLLECTED:
        return StepResult(step=step, passed=True, result=f"no tests in {tests}")
    return StepResult(
        step=step,
        passed=False,
        result=f"failed ({summary})",
        details=(f"pytest {tests}:", *output[-_PYTEST_TAIL:]),
    )


def _failed(step: str, action: Action, kind: str, reason: str) -> StepResult:
    return StepResult(
        step=step,
        action=action.key,
        passed=False,
        result=f"failed ({kind})",
        details=(f"{step} {action.key}: {reason}",),
    )


def _describe(error: BaseException) -> str:
    kind = type(error).__name__
    return f"{kind}: {error}" if isinstance(error, ActionsError) else f"unexpected {kind}: {error}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
