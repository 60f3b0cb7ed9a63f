"""docs/cli.md documents every command the ``actions`` CLI has."""

from __future__ import annotations

from pathlib import Path

from actions_core.cli import main

CLI_DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_every_command_has_a_section() -> None:
    text = CLI_DOC.read_text()
    missing = [name for name in main.commands if f"## `actions {name}`" not in text]
    assert missing == []
