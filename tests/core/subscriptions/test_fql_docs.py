"""docs/subscriptions.md shows what the code does: its tables and examples are checked here."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path
from typing import Any

import pytest

from actions_core.errors import FQLSyntaxError
from actions_core.subscriptions import compile_fql

DOC = Path(__file__).resolve().parents[3] / "docs" / "subscriptions.md"
TEXT = DOC.read_text(encoding="utf-8")

_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
_CODE = re.compile(r"`([^`]*)`")


def section(title: str) -> str:
    """The text of the section whose heading contains ``title``, up to the next heading."""
    match = re.search(rf"^#+ [^\n]*{re.escape(title)}[^\n]*\n(.*?)(?=^#)", TEXT, re.M | re.S)
    assert match is not None, f"no section {title!r} in {DOC.name}"
    return match.group(1)


def table_rows(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def first_code(cell: str) -> str:
    match = _CODE.search(cell)
    assert match is not None, cell
    return match.group(1)


def doc_events() -> list[Any]:
    blocks = [m.group("body") for m in _FENCE.finditer(TEXT) if m.group("info") == "jsonl events"]
    assert len(blocks) == 1
    return [json.loads(line) for line in blocks[0].splitlines() if line.strip()]


TRY_IT = table_rows(section("Try it"))
WARNINGS = table_rows(section("Warnings"))
ERRORS = table_rows(section("Errors"))


@pytest.mark.parametrize(("cell", "expected"), TRY_IT, ids=[row[0] for row in TRY_IT])
def test_try_it_table(cell: str, expected: str) -> None:
    subscription = compile_fql(first_code(cell))
    results = ["true" if subscription.matches(event) else "false" for event in doc_events()]
    assert " ".join(results) == expected


@pytest.mark.parametrize(("code", "example", "_"), WARNINGS, ids=[row[0] for row in WARNINGS])
def test_warnings_table(code: str, example: str, _: str) -> None:
    codes = [warning.code for warning in compile_fql(first_code(example)).warnings]
    assert first_code(code) in codes


@pytest.mark.parametrize(("cell", "position", "reason"), ERRORS, ids=[row[0] for row in ERRORS])
def test_errors_table(cell: str, position: str, reason: str) -> None:
    expression = "" if cell == "*(empty)*" else first_code(cell)
    with pytest.raises(FQLSyntaxError) as caught:
        compile_fql(expression)
    assert caught.value.position == int(position)
    assert reason.rstrip("…").strip() in caught.value.reason


def test_tables_are_not_empty() -> None:
    assert (len(TRY_IT), len(WARNINGS), len(ERRORS)) == (15, 21, 15)


def test_python_examples() -> None:
    blocks = [m.group("body") for m in _FENCE.finditer(TEXT) if m.group("info") == "pycon"]
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for index, body in enumerate(blocks):
        test = parser.get_doctest(body, {}, f"{DOC.name}[{index}]", str(DOC), 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_shell_example_output() -> None:
    match = re.search(r"\$ actions match '([^']*)' events.jsonl\n((?:(?:true|false)\n)+)", TEXT)
    assert match is not None
    subscription = compile_fql(match.group(1))
    expected = match.group(2).split()
    assert ["true" if subscription.matches(e) else "false" for e in doc_events()] == expected
