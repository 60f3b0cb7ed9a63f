"""Where ``actions test`` finds a plugin's own tests and keeps its snapshots, by convention."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions_core.testing.discovery import (
    default_snapshot_dir,
    find_plugin_tests,
    plugin_directory,
)

ROOT = Path(__file__).resolve().parents[3]


def _tree(base: Path, *paths: str) -> Path:
    for path in paths:
        target = base / path
        if path.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("")
    return base


def test_a_checkout_with_several_plugins_keeps_each_ones_tests_under_tests_plugins(
    tmp_path: Path,
) -> None:
    _tree(tmp_path, "pyproject.toml", "plugins/crm/plugin.py", "tests/plugins/crm/", "tests/core/")

    assert find_plugin_tests(tmp_path / "plugins" / "crm", ["crm"]) == (
        tmp_path / "tests" / "plugins" / "crm"
    )


def test_a_plugin_of_such_a_checkout_without_its_own_folder_has_no_tests(tmp_path: Path) -> None:
    _tree(tmp_path, "pyproject.toml", "plugins/crm/plugin.py", "tests/plugins/other/")

    assert find_plugin_tests(tmp_path / "plugins" / "crm", ["crm"]) is None


def test_a_package_made_by_actions_init_has_its_tests_in_tests(tmp_path: Path) -> None:
    _tree(tmp_path, "pyproject.toml", "actions_crm/plugin.py", "tests/test_crm.py")

    assert find_plugin_tests(tmp_path / "actions_crm", ["crm"]) == tmp_path / "tests"


def test_the_second_name_is_tried_when_the_first_has_no_folder(tmp_path: Path) -> None:
    _tree(tmp_path, "pyproject.toml", "plugins/crm/plugin.py", "tests/plugins/crm-plugin/")

    assert find_plugin_tests(tmp_path / "plugins" / "crm", ["crm", "crm-plugin"]) == (
        tmp_path / "tests" / "plugins" / "crm-plugin"
    )


@pytest.mark.parametrize(
    ("layout", "module"),
    [
        (["actions_crm/plugin.py", "tests/"], "actions_crm"),
        (["pyproject.toml", "actions_crm/plugin.py"], "actions_crm"),
        (
            ["pyproject.toml", "tests/", "lib/python3.11/site-packages/actions_crm/plugin.py"],
            "lib/python3.11/site-packages/actions_crm",
        ),
    ],
    ids=["no-project", "project-without-tests", "installed-copy"],
)
def test_no_tests_are_found(tmp_path: Path, layout: list[str], module: str) -> None:
    _tree(tmp_path, *layout)

    assert find_plugin_tests(tmp_path / module, ["crm"]) is None


def test_snapshots_live_inside_the_tests_folder_one_folder_per_destination(
    tmp_path: Path,
) -> None:
    assert default_snapshot_dir(tmp_path / "tests", "crm") == tmp_path / "tests/snapshots/crm"


def test_without_tests_snapshots_go_under_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    assert default_snapshot_dir(None, "crm") == tmp_path / "snapshots" / "crm"


def test_a_bundled_plugins_folder_is_found_through_its_entry_point() -> None:
    from actions_insider.destination import destination

    assert plugin_directory(destination, "insider") == ROOT / "plugins" / "insider"


def test_without_an_entry_point_the_folder_of_the_perform_function_is_used() -> None:
    from actions_insider.destination import destination

    assert plugin_directory(destination) == ROOT / "plugins" / "insider"
