"""The distribution ships every package folder; the public API is complete and sorted."""

from __future__ import annotations

import tomllib
from pathlib import Path

import actions_core

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    for name, folder in config["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            package = ".".join([name, *relative.parts])
            assert package in listed, f"{package} ({init.parent}) is missing from pyproject.toml"


def test_public_api_is_sorted_and_importable() -> None:
    names = actions_core.__all__
    assert names == sorted(names, key=lambda name: (not name.isupper(), name))
    for name in names:
        assert getattr(actions_core, name) is not None
