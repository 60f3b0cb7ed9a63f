"""``actions map``: one JSON line per event, every mapping problem listed, exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from actions_core.cli import main

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.fixture
def write_mapping(tmp_path: Path):
    def write(mapping: object) -> str:
        path = tmp_path / "mapping.json"
        path.write_text(json.dumps(mapping))
        return str(path)

    return write


def test_maps_each_event_of_the_example_file() -> None:
    result = CliRunner().invoke(
        main,
        [
            "map",
            "--mapping",
            str(EXAMPLES / "order-completed.mapping.json"),
            str(EXAMPLES / "events.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        '{"user":{"uuid":"user-1","email":"ann@example.com"},"event_name":"order_completed",'
        '"summary":"o-100: 39.98 USD","products":[{"id":"p-1","price":19.99,"quantity":2}]}',
        '{"user":{"email":"bob@example.com"},"event_name":"product_viewed","summary":":  "}',
        '{"user":{"uuid":"user-2"},"event_name":"","summary":":  "}',
    ]


def test_reads_events_from_stdin_and_skips_blank_lines(write_mapping) -> None:
    mapping = write_mapping({"id": {"@path": "$.userId"}, "plan": {"@path": "$.traits.plan"}})
    result = CliRunner().invoke(
        main, ["map", "--mapping", mapping], input='{"userId": "u1"}\n\n{"userId": 2.0}\n'
    )
    assert result.exit_code == 0
    assert result.stdout == '{"id":"u1"}\n{"id":2}\n'


def test_a_top_level_directive_that_finds_nothing_prints_null(write_mapping) -> None:
    mapping = write_mapping({"@path": "$.nowhere"})
    result = CliRunner().invoke(main, ["map", "--mapping", mapping], input="{}\n")
    assert result.stdout == "null\n"


def test_an_invalid_mapping_lists_every_problem_and_exits_2(write_mapping) -> None:
    mapping = write_mapping({"id": {"@path": 5}, "name": {"@nope": 1}})
    result = CliRunner().invoke(main, ["map", "--mapping", mapping], input="{}\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {mapping} is not a valid mapping:\n"
        "  /id/@path should be a string or a mapping directive but it is a number.\n"
        "  /name has an invalid directive: @nope.\n"
    )


def test_events_that_cannot_be_mapped_get_an_error_line_and_exit_1(write_mapping) -> None:
    mapping = write_mapping({"id": {"@path": {"@path": "$.key"}}})
    lines = '[1, 2]\nnot json\n{"key": 5}\n{"key": "k", "k": "found"}\n'
    result = CliRunner().invoke(main, ["map", "--mapping", mapping], input=lines)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        '{"error":{"type":"InvalidEventError","message":"line 1: data must be an object, got array"}}',
        '{"error":{"type":"InvalidEventError","message":"line 2: not valid JSON: '
        'Expecting value: line 1 column 1 (char 0)"}}',
        '{"error":{"type":"MappingRuntimeError","message":"line 3: /id/@path: expected string, '
        'got number"}}',
        '{"id":"found"}',
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot read"),
        ("{not json", "is not valid JSON"),
    ],
    ids=["missing file", "not JSON"],
)
def test_a_mapping_file_that_cannot_be_read_exits_2(tmp_path: Path, content, reason) -> None:
    path = tmp_path / "mapping.json"
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(main, ["map", "--mapping", str(path)], input="{}\n")
    assert result.exit_code == 2
    assert reason in result.stderr
    assert "Traceback" not in result.output
