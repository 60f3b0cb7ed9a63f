"""Where a plugin's own tests and its snapshots live, by convention.

The project holding a plugin is the nearest folder above the plugin's module with a
``pyproject.toml``. Its tests are ``tests/plugins/<name>/`` when the project keeps several plugins
(a ``tests/plugins/`` folder exists, as in this repository), else ``tests/`` (a package made by
``actions init``). Snapshots go to ``snapshots/<destination key>/`` inside that tests folder, so one
plugin's tests can hold the snapshots of every destination it provides. A plugin installed from a
wheel ships no tests: it has none, and its snapshots go under the current directory.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

from ..definitions import Destination
from ..plugins import ENTRY_POINT_GROUP

__all__ = ["default_snapshot_dir", "find_plugin_tests", "plugin_directory"]

_INSTALLED_MARKERS = frozenset({"site-packages", "dist-packages"})


def plugin_directory(destination: Destination, plugin: str | None = None) -> Path | None:
    """The folder of the module that provides ``destination``: its entry point's module, or else
    the module defining its actions' ``perform``."""
    if plugin is not None:
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP, name=plugin):
            spec = importlib.util.find_spec(entry_point.module)
            if spec is not None and spec.origin:
                return Path(spec.origin).resolve().parent
    for action in destination.actions.values():
        module = sys.modules.get(getattr(action.perform, "__module__", ""))
        filename = getattr(module, "__file__", None)
        if filename:
            return Path(filename).resolve().parent
    return None


def find_plugin_tests(start: Path, names: Iterable[str]) -> Path | None:
    """The tests folder of the project holding ``start``, by the convention above; None if none."""
    if _INSTALLED_MARKERS & set(start.parts):
        return None
    project = next((folder for folder in (start, *start.parents) if _is_project(folder)), None)
    if project is None:
        return None
    tests = project / "tests"
    if (tests / "plugins").is_dir():
        for name in names:
            if (tests / "plugins" / name).is_dir():
                return tests / "plugins" / name
        return None
    return tests if tests.is_dir() else None


def default_snapshot_dir(tests: Path | None, destination_key: str) -> Path:
    """``<tests>/snapshots/<key>``, or ``./snapshots/<key>`` for a plugin without tests."""
    base = tests if tests is not None else Path.cwd()
    return base / "snapshots" / destination_key


def _is_project(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file()
