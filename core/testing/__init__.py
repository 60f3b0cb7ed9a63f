"""The test harness for destination plugins: run actions against mocked HTTP, synchronously.

::

    from actions_core.testing import TestDestination, create_test_event

    dest = TestDestination("insider")
    requests = dest.test_action("trackEvent", event=create_test_event(event="Order Completed"),
                                settings={"account_name": "acme", "ucd_key": "k"})
    requests[0].json

The pytest plugin (registered automatically) offers the same as fixtures: see
:mod:`actions_core.testing.pytest_plugin`.
"""

from .events import TEST_TIMESTAMP, TestEvent, create_test_event
from .harness import RecordedRequest, TestDestination

__all__ = ["TEST_TIMESTAMP", "RecordedRequest", "TestDestination", "TestEvent", "create_test_event"]
