"""docs/writing-a-destination.md: every Python block runs, in order, as a reader would run them.

Block N is run after blocks 1..N-1 in a fresh namespace, so a failure points at the block that
broke. Test functions a block defines (the tutorial's pytest example) are called with the real
``test_destination`` fixture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from actions_core import Destination
from actions_core.testing import TestDestination

TUTORIAL = Path(__file__).resolve().parents[2] / "docs" / "writing-a-destination.md"
TEXT = TUTORIAL.read_text()
BLOCKS = [
    (TEXT.count("\n", 0, match.start()) + 2, match.group(1))
    for match in re.finditer(r"```python\n(.*?)```", TEXT, re.S)
]


def _run(line: int, code: str, namespace: dict[str, Any]) -> None:
    padded = "\n" * (line - 1) + code  # tracebacks point at the line in the Markdown file
    exec(compile(padded, str(TUTORIAL), "exec"), namespace)


def test_the_tutorial_has_python_examples() -> None:
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize(("line", "code"), BLOCKS, ids=[f"line-{line}" for line, _ in BLOCKS])
def test_the_block_runs(
    line: int,
    code: str,
    test_destination: Callable[[Destination | str], TestDestination],
) -> None:
    namespace: dict[str, Any] = {"__name__": "tutorial"}
    for earlier_line, earlier in BLOCKS:
        if earlier_line == line:
            break
        _run(earlier_line, earlier, namespace)
    defined_before = set(namespace)

    _run(line, code, namespace)

    for name in sorted(set(namespace) - defined_before):
        if name.startswith("test_") and callable(namespace[name]):
            namespace[name](test_destination)
