"""The README's examples run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_the_python_example_prints_what_its_comment_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", README, re.S)
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out == "{'order': 'o-1'}\n"


def test_the_quick_start_commands_are_the_ones_ci_runs() -> None:
    commands = re.findall(r"```sh\n([^\n]*)\n```", README)
    assert commands[1] == "bash scripts/check.sh"
    assert "bash scripts/check.sh" in (ROOT / ".ci" / "run").read_text()
    assert commands[0].startswith(
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && "
    )


def test_the_quick_start_main_job_runs() -> None:
    """The part of the first quick-start command after setup, run with this interpreter."""
    first = re.findall(r"```sh\n([^\n]*)\n```", README)[0]
    job = first.split(" && ")[-1].split()
    assert job[0] == ".venv/bin/actions"
    result = subprocess.run(
        [sys.executable, "-m", "actions_core.cli", *job[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "insider: 22 passed, 0 failed"


def test_the_dry_run_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from actions_core.cli import main

    event, settings = re.search(
        r"\$ echo '([^']*)' \\\n.*?<\(echo '([^']*)'\)", README, re.S
    ).groups()
    shown = re.search(r'^\{"requests".*$', README, re.M).group(0)
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(settings)

    result = CliRunner().invoke(
        main, ["send", "insider", "--settings", str(settings_file), "--dry-run"], input=event
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == shown + "\n"
