"""pytest fixtures for destination authors, registered through the ``pytest11`` entry point.

``test_destination`` is a factory: ``test_destination("insider")`` (or a Destination object) gives a
:class:`~actions_core.testing.TestDestination` whose HTTP is mocked for the length of the test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ..definitions import Destination
from .harness import TestDestination


@pytest.fixture
def test_destination() -> Callable[[Destination | str], TestDestination]:
    """Make a TestDestination for a destination object or an installed destination's name."""

    def make(destination: Destination | str) -> TestDestination:
        return TestDestination(destination)

    return make
