"""docs/compatibility.md and the destination pages say the same as the plugins themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actions_core import default_registry, render_reference_page

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("name", ["insider", "iterable"])
def test_each_destinations_differences_are_copied_verbatim(name: str) -> None:
    destination = default_registry().get(name)
    text = (DOCS / "compatibility.md").read_text()
    section = re.search(
        rf"^## {re.escape(destination.name)}\n\n<!--[^\n]*-->\n\n(.*?)(?=^## |\Z)",
        text,
        re.S | re.M,
    )
    assert section is not None, f"docs/compatibility.md has no section for {destination.name}"
    assert section.group(1).strip() == destination.compatibility.strip()


@pytest.mark.parametrize("name", ["insider", "iterable"])
def test_the_checked_in_destination_page_is_current(name: str) -> None:
    """Regenerate with: actions docs NAME -o docs/destinations/NAME.md"""
    page = (DOCS / "destinations" / f"{name}.md").read_text()
    assert page == render_reference_page(default_registry().get(name))


@pytest.mark.parametrize("name", ["insider", "iterable"])
def test_the_destination_page_lists_its_differences_from_segment(name: str) -> None:
    page = (DOCS / "destinations" / f"{name}.md").read_text()
    assert "## Differences from Segment" in page
