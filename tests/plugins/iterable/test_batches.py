"""Batches: a result for every event, checked per event (compat Q4), grouped by updateOnly
(compat Q5), split by batch size, and Iterable's partial failures read per event (compat Q12)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from actions_core.errors import HTTPError, IntegrationError, PayloadValidationError
from actions_core.testing import TestDestination

SETTINGS = {"apiKey": "iterable-key"}
BULK_UPDATE = "https://api.iterable.com/api/users/bulkUpdate"
TRACK_BULK = "https://api.iterable.com/api/events/trackBulk"


@pytest.fixture
def dest() -> TestDestination:
    return TestDestination("iterable")


def identify(user_id: str | None, email: str | None = None, **context: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "identify", "traits": {}, "context": context}
    if user_id is not None:
        event["userId"] = user_id
    if email is not None:
        event["traits"]["email"] = email
    return event


def track(name: str, user_id: str | None, email: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "track",
        "event": name,
        "messageId": f"m-{name}",
        "timestamp": "2024-03-01T00:00:00Z",
    }
    if user_id is not None:
        event["userId"] = user_id
    if email is not None:
        event["properties"] = {"email": email}
    return event


def test_an_event_without_email_or_user_id_fails_alone(dest: TestDestination) -> None:
    requests = dest.test_batch_action(
        "trackEvent",
        events=[track("A", "u1"), track("B", None), track("C", None, "c@example.com")],
        settings=SETTINGS,
        use_test_event=False,
    )
    # compat Q4: Segment sends the anonymous event to Iterable.
    assert [request.json for request in requests] == [
        {
            "events": [
                {"userId": "u1", "eventName": "A", "id": "m-A", "createdAt": 1709251200},
                {
                    "email": "c@example.com",
                    "eventName": "C",
                    "dataFields": {"email": "c@example.com"},
                    "id": "m-C",
                    "createdAt": 1709251200,
                },
            ]
        }
    ]
    first, second, third = dest.results
    assert (first.ok, third.ok) == (True, True)
    assert isinstance(second.error, PayloadValidationError)
    assert (second.status, str(second.error)) == (400, "Must include email or userId.")


def test_an_empty_user_id_kept_by_batch_validation_is_not_sent(dest: TestDestination) -> None:
    (request,) = dest.test_batch_action(
        "updateUser",
        events=[identify("", "a@example.com"), identify("", None)],
        settings=SETTINGS,
        use_test_event=False,
    )
    assert request.json == {
        "users": [
            {
                "email": "a@example.com",
                "dataFields": {"email": "a@example.com"},
                "mergeNestedObjects": False,
            }
        ]
    }
    assert [result.ok for result in dest.results] == [True, False]
    assert str(dest.results[1].error) == "Must include email or userId."


def test_users_are_grouped_by_their_own_update_only(dest: TestDestination) -> None:
    requests = dest.test_batch_action(
        "updateUser",
        events=[
            identify("u1", updateOnly=True),
            identify("u2"),
            identify("u3", updateOnly=True),
            identify("u4", updateOnly=False),
        ],
        settings=SETTINGS,
        mapping={"updateOnly": {"@path": "$.context.updateOnly"}},
        use_test_event=False,
    )
    # compat Q5: Segment sends one request with the first user's updateOnly for everyone.
    assert [(request.url, request.json) for request in requests] == [
        (
            BULK_UPDATE,
            {
                "updateOnly": True,
                "users": [
                    {"userId": "u1", "mergeNestedObjects": False},
                    {"userId": "u3", "mergeNestedObjects": False},
                ],
            },
        ),
        (
            BULK_UPDATE,
            {
                "users": [
                    {"userId": "u2", "mergeNestedObjects": False},
                    {"userId": "u4", "mergeNestedObjects": False},
                ]
            },
        ),
    ]
    assert [result.status for result in dest.results] == [200, 200, 200, 200]


def test_a_batch_larger_than_the_batch_size_is_sent_in_several_requests(
    dest: TestDestination,
) -> None:
    requests = dest.test_batch_action(
        "trackEvent",
        events=[track(name, "u1") for name in "ABCDE"],
        settings=SETTINGS,
        mapping={"batch_size": 2},
        use_test_event=False,
    )
    assert [[event["eventName"] for event in request.json["events"]] for request in requests] == [
        ["A", "B"],
        ["C", "D"],
        ["E"],
    ]
    assert [result.ok for result in dest.results] == [True] * 5


def test_users_iterable_lists_as_failed_fail_alone(dest: TestDestination) -> None:
    answer = {
        "successCount": 2,
        "failCount": 4,
        "invalidEmails": ["nobody@mailinator.invalid"],
        "invalidUserIds": [],
        "failedUpdates": {
            "notFoundEmails": [],
            "notFoundUserIds": ["u3"],
            "forgottenEmails": ["Gone@Example.com"],
            "conflictUserIds": ["u5"],
            "invalidDataUserIds": ["u6"],
        },
    }
    dest.http.post(BULK_UPDATE).respond(200, json=answer)
    dest.test_batch_action(
        "updateUser",
        events=[
            identify("u1", "ok@example.com"),
            identify(None, "nobody@mailinator.invalid"),
            identify("u3"),
            identify("u4", "gone@example.com"),
            identify("u5"),
            identify("u6"),
            identify("u7"),
        ],
        settings=SETTINGS,
        mapping={"email": {"@path": "$.traits.email"}, "dataFields": {}},
        use_test_event=False,
    )
    # compat Q12: Segment reports success for all seven.
    outcomes = [
        (result.status, None if result.error is None else (result.error.code, str(result.error)))
        for result in dest.results
    ]
    assert outcomes == [
        (200, None),
        (
            400,
            (
                "INVALID_IDENTIFIER",
                "Iterable rejected this event: its email is in invalidEmails "
                "(Iterable finds it invalid).",
            ),
        ),
        (
            404,
            (
                "USER_NOT_FOUND",
                "Iterable rejected this event: its userId is in failedUpdates.notFoundUserIds "
                "(no Iterable user has it and updateOnly is on).",
            ),
        ),
        (
            410,
            (
                "FORGOTTEN_USER",
                "Iterable rejected this event: its email is in failedUpdates.forgottenEmails "
                "(the user was forgotten at their request).",
            ),
        ),
        (
            409,
            (
                "IDENTITY_CONFLICT",
                "Iterable rejected this event: its userId is in failedUpdates.conflictUserIds "
                "(the email and the userId belong to different Iterable users).",
            ),
        ),
        (
            400,
            (
                "INVALID_DATA",
                "Iterable rejected this event: its userId is in failedUpdates.invalidDataUserIds "
                "(a data field does not fit the type Iterable stores for it).",
            ),
        ),
        (200, None),
    ]
    assert not any(result.retryable for result in dest.results)
    assert [result.body for result in dest.results[:2]] == [answer, answer]


def test_events_with_a_disallowed_name_fail_alone(dest: TestDestination) -> None:
    answer = {"successCount": 1, "failCount": 1, "disallowedEventNames": ["Secret"]}
    dest.http.post(TRACK_BULK).respond(200, json=answer)
    dest.test_batch_action(
        "trackEvent",
        events=[track("Secret", "u1"), track("Public", "u2")],
        settings=SETTINGS,
        use_test_event=False,
    )
    first, second = dest.results
    assert isinstance(first.error, IntegrationError)
    assert (first.status, first.error.code, str(first.error)) == (
        400,
        "DISALLOWED_EVENT_NAME",
        "Iterable rejected this event: its event name is in disallowedEventNames "
        "(the project does not accept events of that name).",
    )
    assert (second.ok, second.status, second.body) == (True, 200, answer)


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(400, False), (401, False), (413, False), (429, True), (500, True), (503, True)],
)
def test_a_failed_bulk_request_fails_its_events(
    dest: TestDestination, status: int, retryable: bool
) -> None:
    dest.http.post(TRACK_BULK).respond(status, json={"msg": "no", "code": "GenericError"})
    dest.test_batch_action(
        "trackEvent",
        events=[track("A", "u1"), track("B", "u2")],
        settings=SETTINGS,
        use_test_event=False,
    )
    for result in dest.results:
        assert isinstance(result.error, HTTPError)
        assert (result.status, result.retryable) == (status, retryable)
        assert result.body == {"msg": "no", "code": "GenericError"}


def test_only_the_events_of_the_failing_request_fail(dest: TestDestination) -> None:
    answers = iter([(503, {"msg": "busy", "code": "GenericError"}), (200, {"successCount": 1})])

    def answer(request: Any) -> Any:
        status, body = next(answers)
        return httpx.Response(status, json=body)

    dest.http.post(TRACK_BULK).mock(side_effect=answer)
    requests = dest.test_batch_action(
        "trackEvent",
        events=[track("A", "u1"), track("B", "u2")],
        settings=SETTINGS,
        mapping={"batch_size": 1},
        use_test_event=False,
    )
    assert [json.loads(request.body)["events"][0]["eventName"] for request in requests] == [
        "A",
        "B",
    ]
    assert [(result.status, result.retryable, result.ok) for result in dest.results] == [
        (503, True, False),
        (200, False, True),
    ]


def test_commerce_actions_send_a_batch_event_by_event(dest: TestDestination) -> None:
    events = [
        {
            "type": "track",
            "event": "Cart Updated",
            "userId": user_id,
            "properties": {"products": []},
        }
        for user_id in ("u1", "u2")
    ]
    requests = dest.test_batch_action(
        "updateCart", events=events, settings=SETTINGS, use_test_event=False
    )
    assert [(request.url, request.json) for request in requests] == [
        (
            "https://api.iterable.com/api/commerce/updateCart",
            {"user": {"userId": "u1", "mergeNestedObjects": False}, "items": []},
        ),
        (
            "https://api.iterable.com/api/commerce/updateCart",
            {"user": {"userId": "u2", "mergeNestedObjects": False}, "items": []},
        ),
    ]
