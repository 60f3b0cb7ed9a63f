"""``actions init``: a new destination plugin package, ready to install, test and publish.

The templates (``templates/*.tmpl``, shipped as package data) are plain files with ``%%name``-style
placeholders, so they read like the code they become. :func:`scaffold` only writes files; recording
the first snapshots is the command's job, through the same runner ``actions test`` uses.
"""

from __future__ import annotations

import importlib
import re
import string
import sys
from importlib import resources
from pathlib import Path

import attrs

from ..definitions import Destination
from ..errors import ActionsError

__all__ = ["NAME_PATTERN", "Project", "ScaffoldError", "load_destination", "scaffold"]

NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*")
"""Short names: lower-case letters and digits, words joined by ``-`` or ``_`` (``acme``, ``my-crm``)."""

_FILES = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "{package}/__init__.py": "package_init.py.tmpl",
    "{package}/plugin.py": "plugin.py.tmpl",
    "{package}/destination.py": "destination.py.tmpl",
    "tests/test_{module}.py": "test_destination.py.tmpl",
}


class ScaffoldError(ActionsError):
    """The package cannot be created: a bad name, or a folder that is already in use."""

    code = "SCAFFOLD_FAILED"


class _Template(string.Template):
    delimiter = "%%"


@attrs.frozen
class Project:
    """A generated package: where it is and what it is called."""

    root: Path
    name: str
    """The destination's short name and entry-point name (``my-crm``)."""
    package: str
    """The import package (``actions_my_crm``)."""
    files: tuple[Path, ...]

    @property
    def tests(self) -> Path:
        return self.root / "tests"


def scaffold(name: str, directory: Path) -> Project:
    """Write the package for destination ``name`` into ``directory`` (absent or empty)."""
    if not NAME_PATTERN.fullmatch(name):
        raise ScaffoldError(
            f'"{name}" is not a valid destination name: use lower-case letters and digits, '
            'words joined by "-" or "_" (e.g. "acme", "my-crm")'
        )
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not an empty folder")
    module = name.replace("-", "_")
    values = {
        "name": name,
        "module": module,
        "package": f"actions_{module}",
        "distribution": f"actions-{name.replace('_', '-')}",
        "title": " ".join(word.capitalize() for word in re.split(r"[-_]", name)),
    }
    templates = resources.files(__name__).joinpath("templates")
    written = []
    for target, template in _FILES.items():
        path = directory / target.format(**values)
        text = templates.joinpath(template).read_text(encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_Template(text).substitute(values), encoding="utf-8")
        written.append(path)
    return Project(directory, name, values["package"], tuple(written))


def load_destination(project: Project) -> Destination:
    """Import the generated destination straight from its folder, before it is installed.

    The import is undone afterwards (``sys.path`` and ``sys.modules`` restored), so an installed
    package of the same name is not disturbed.
    """
    saved = {
        key: module
        for key, module in sys.modules.items()
        if key == project.package or key.startswith(f"{project.package}.")
    }
    for key in saved:
        del sys.modules[key]
    sys.path.insert(0, str(project.root))
    importlib.invalidate_caches()
    try:
        module = importlib.import_module(f"{project.package}.destination")
        destination = module.destination
    finally:
        sys.path.remove(str(project.root))
        for key in [key for key in sys.modules if key.split(".")[0] == project.package]:
            del sys.modules[key]
        sys.modules.update(saved)
    if not isinstance(destination, Destination):
        raise ScaffoldError(f"{project.package}.destination.destination is not a Destination")
    return destination
