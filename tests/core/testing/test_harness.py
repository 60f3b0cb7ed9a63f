"""The harness as DESIGN §6 shows it: test events, mocked HTTP, results."""

from __future__ import annotations

from typing import Any

from actions_core import MISSING, Action, ActionData, Destination, Field, RequestClient
from actions_core.testing import TestDestination, create_test_event


async def _echo(request: RequestClient, data: ActionData) -> Any:
    return await request("https://echo.example.test/", method="POST", json=data.payload)


DESTINATION = Destination(
    key="echo",
    name="Echo",
    slug="actions-echo",
    actions=[
        Action(
            key="echo",
            title="Echo",
            perform=_echo,
            fields={
                "user": Field(label="User", type="string", default={"@path": "$.userId"}),
                "anon": Field(label="Anonymous", type="string", default={"@path": "$.anonymousId"}),
            },
        )
    ],
)


def test_an_event_made_by_create_test_event_is_used_as_it_is() -> None:
    dest = TestDestination(DESTINATION)

    (request,) = dest.test_action("echo", event=create_test_event(userId=MISSING))

    assert request.json == {"anon": "anonId1234"}


def test_overrides_fill_in_the_rest_from_the_test_event() -> None:
    dest = TestDestination(DESTINATION)

    (request,) = dest.test_action("echo", event={"userId": "u9"})

    assert request.json == {"user": "u9", "anon": "anonId1234"}


def test_the_test_event_is_deterministic() -> None:
    first, second = create_test_event(), create_test_event()

    assert first == second
    assert first["messageId"] == "test-message-id"
    assert first["timestamp"] == "2024-01-01T00:00:00.000Z"
    assert first["type"] == "track"
