"""Every example in docs/mapping.md runs against the implementation, so the docs cannot drift.

The example format is described in the HTML comment at the top of docs/mapping.md. Test ids name the
section an example sits in (``@if-2`` is the second example under the ``@if`` heading), so a failure
says which example to look at.
"""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from actions_core import MISSING, ActionsError, MappingValidationError, compile_mapping
from actions_core.jsvalues import json_stringify

DOC = Path(__file__).resolve().parents[2] / "docs" / "mapping.md"

DIRECTIVES = (
    "@path",
    "@template",
    "@literal",
    "@if",
    "@case",
    "@replace",
    "@arrayPath",
    "@merge",
    "@transform",
    "@flatten",
    "@json",
    "@excludeWhenNull",
    "@liquid",
)

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
_HEADING = re.compile(r"^#{2,3} (?P<title>.+)$", re.M)
_OUTPUT = re.compile(r"text (?P<stream>stdout|stderr) exit=(?P<status>\d+)")


@attrs.frozen
class Block:
    info: str
    body: str
    line: int
    section: str


@attrs.frozen
class MappingExample:
    """A mapping applied to one event: ``result`` is expected, or else the ``error`` text."""

    line: int
    mapping: Any
    event: Any
    result: Any = MISSING
    error: str | None = None


@attrs.frozen
class CommandExample:
    """``actions map --mapping m.json events.jsonl``: its output on ``stream`` and exit status."""

    line: int
    mapping: Any
    events: str
    stream: str
    status: int
    output: str


@attrs.frozen
class Doc:
    examples: dict[str, MappingExample]
    commands: dict[str, CommandExample]
    doctests: dict[str, Block]
    problems: list[str]


def _slug(title: str) -> str:
    words = re.sub(r"[^\w@]+", "-", title.replace("`", "")).strip("-")
    return re.sub(r"^\d+-", "", words)


def _blocks(text: str) -> list[Block]:
    # Comments are blanked line for line, so the line numbers of later blocks stay right.
    text = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    headings = [(match.start(), _slug(match["title"])) for match in _HEADING.finditer(text)]
    blocks = []
    for match in _FENCE.finditer(text):
        section = next((slug for start, slug in reversed(headings) if start < match.start()), "top")
        line = text.count("\n", 0, match.start()) + 1
        blocks.append(Block(match["info"].strip(), match["body"], line, section))
    return blocks


def _read_doc(text: str) -> Doc:
    """Group the fenced blocks into examples, recording every block that breaks the format."""
    examples: dict[str, MappingExample] = {}
    commands: dict[str, CommandExample] = {}
    doctests: dict[str, Block] = {}
    problems: list[str] = []
    counts: dict[str, int] = {}

    def example_id(block: Block) -> str:
        counts[block.section] = counts.get(block.section, 0) + 1
        return f"{block.section}-{counts[block.section]}"

    def parse(block: Block) -> Any:
        try:
            return json.loads(block.body)
        except ValueError as error:
            problems.append(f"line {block.line}: ```{block.info}``` is not JSON: {error}")
            return MISSING

    blocks = iter(_blocks(text))
    for block in blocks:
        if block.info == "pycon":
            doctests[example_id(block)] = block
            continue
        if block.info != "json mapping":
            problems.append(f"line {block.line}: ```{block.info}``` does not follow a mapping")
            continue
        source = next(blocks, None)
        expected = next(blocks, None)
        if source is None or expected is None:
            problems.append(f"line {block.line}: the mapping is not followed by two blocks")
            break
        mapping, name = parse(block), example_id(block)
        output = _OUTPUT.fullmatch(expected.info)
        if source.info == "json event" and expected.info == "json result":
            examples[name] = MappingExample(
                block.line, mapping, parse(source), result=parse(expected)
            )
        elif source.info == "json event" and expected.info == "text error":
            examples[name] = MappingExample(
                block.line, mapping, parse(source), error=expected.body.rstrip("\n")
            )
        elif source.info == "jsonl events" and output is not None:
            commands[name] = CommandExample(
                block.line,
                mapping,
                source.body,
                output["stream"],
                int(output["status"]),
                expected.body,
            )
        else:
            problems.append(
                f"line {block.line}: a mapping must be followed by ```json event``` and "
                f"```json result``` or ```text error```, or by ```jsonl events``` and "
                f"```text stdout|stderr exit=N```; found ```{source.info}```, ```{expected.info}```"
            )
    return Doc(examples, commands, doctests, problems)


DOCUMENTED = _read_doc(DOC.read_text(encoding="utf-8"))


def _canonical(value: Any) -> Any:
    """JSON text with sorted keys: tells ``true`` from ``1`` and ignores key order, as JSON does."""

    def sort(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: sort(item[key]) for key in sorted(item)}
        if isinstance(item, list):
            return [sort(element) for element in item]
        return item

    return json_stringify(sort(value))


def _apply(example: MappingExample) -> tuple[Any, str | None]:
    """The result of the example's mapping on its event, or the text of the error it raised."""
    try:
        return compile_mapping(example.mapping).transform(example.event), None
    except MappingValidationError as error:
        return MISSING, "\n".join(error.messages)
    except ActionsError as error:
        return MISSING, str(error)


def _fenced(*blocks: tuple[str, str]) -> str:
    return "## Section\n\n" + "".join(f"```{info}\n{body}\n```\n" for info, body in blocks)


def test_the_reader_finds_an_example_and_names_it_after_its_section() -> None:
    doc = _read_doc(
        _fenced(("json mapping", '{"a": 1}'), ("json event", "{}"), ("json result", '{"a": 1}'))
    )
    assert doc.problems == []
    assert doc.examples == {"Section-1": MappingExample(3, {"a": 1}, {}, result={"a": 1})}


@pytest.mark.parametrize(
    ("blocks", "problem"),
    [
        pytest.param(
            [("json mapping", "{}"), ("json event", "{}")],
            "line 3: the mapping is not followed by two blocks",
            id="no-result",
        ),
        pytest.param(
            [("json mapping", "{}"), ("json event", "{}"), ("json", "{}")],
            "line 3: a mapping must be followed by ```json event``` and ```json result``` or "
            "```text error```, or by ```jsonl events``` and ```text stdout|stderr exit=N```; "
            "found ```json event```, ```json```",
            id="untagged-result",
        ),
        pytest.param(
            [("json result", "{}")],
            "line 3: ```json result``` does not follow a mapping",
            id="result-without-mapping",
        ),
        pytest.param(
            [("python", "print(1)")],
            "line 3: ```python``` does not follow a mapping",
            id="unchecked-block",
        ),
        pytest.param(
            [("json mapping", "{'a': 1}"), ("json event", "{}"), ("json result", "{}")],
            "line 3: ```json mapping``` is not JSON: "
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            id="not-json",
        ),
    ],
)
def test_the_reader_reports_a_block_that_breaks_the_format(
    blocks: list[tuple[str, str]], problem: str
) -> None:
    assert _read_doc(_fenced(*blocks)).problems == [problem]


def test_the_doc_follows_the_example_format() -> None:
    assert DOCUMENTED.problems == []


def test_the_doc_has_examples_for_every_directive() -> None:
    assert len(DOCUMENTED.examples) >= 40
    sections = {name.rsplit("-", 1)[0] for name in DOCUMENTED.examples}
    assert [name for name in DIRECTIVES if name not in sections] == []


@pytest.mark.parametrize(
    "example", list(DOCUMENTED.examples.values()), ids=list(DOCUMENTED.examples)
)
def test_mapping_example(example: MappingExample) -> None:
    result, error = _apply(example)
    if example.error is not None:
        assert error == example.error, f"docs/mapping.md line {example.line}"
    else:
        assert error is None, f"docs/mapping.md line {example.line}"
        assert result == example.result, f"docs/mapping.md line {example.line}"
        assert _canonical(result) == _canonical(example.result)


@pytest.mark.parametrize(
    "example", list(DOCUMENTED.commands.values()), ids=list(DOCUMENTED.commands)
)
def test_command_line_example(
    example: CommandExample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actions_core.cli import main  # here, so a CLI that fails to import fails only these

    monkeypatch.chdir(tmp_path)
    Path("m.json").write_text(json.dumps(example.mapping), encoding="utf-8")
    Path("events.jsonl").write_text(example.events, encoding="utf-8")
    outcome = CliRunner().invoke(main, ["map", "--mapping", "m.json", "events.jsonl"])
    printed = outcome.stdout if example.stream == "stdout" else outcome.stderr
    assert (outcome.exit_code, printed) == (example.status, example.output), outcome.output


@pytest.mark.parametrize("block", list(DOCUMENTED.doctests.values()), ids=list(DOCUMENTED.doctests))
def test_python_example(block: Block) -> None:
    test = doctest.DocTestParser().get_doctest(block.body, {}, block.section, str(DOC), block.line)
    report: list[str] = []
    runner = doctest.DocTestRunner()
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
