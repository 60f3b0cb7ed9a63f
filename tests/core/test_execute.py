"""One event, one batch, and routing through subscriptions: every event gets a typed result."""

from __future__ import annotations

import asyncio
from typing import Any

import attrs
import httpx
import pytest
import respx

from actions_core.definitions import (
    Action,
    ActionData,
    ActionSubscription,
    BatchData,
    Destination,
    Preset,
)
from actions_core.errors import (
    HTTPError,
    InvalidSettingsError,
    PayloadValidationError,
    PerformError,
    UnknownActionError,
)
from actions_core.execute import DestinationInstance
from actions_core.fields import Field
from actions_core.request import RequestClient
from actions_core.results import BatchItemFailure, BatchItemSuccess
from actions_core.testing import TestDestination

SETTINGS = {"api_key": "sk-secret-123", "region": "eu"}


async def post_event(request: RequestClient, data: ActionData) -> Any:
    payload = data.payload
    return await request(
        "https://api.example.test/track",
        method="POST",
        json={"user": payload["user_id"], "event": payload["name"], "count": payload.get("count")},
    )


async def post_events(request: RequestClient, data: BatchData) -> Any:
    return await request(
        "https://api.example.test/batch", method="POST", json={"events": data.payloads}
    )


FIELDS = {
    "user_id": Field(label="User ID", type="string", required=True, default={"@path": "$.userId"}),
    "name": Field(label="Event Name", type="string", required=True, default={"@path": "$.event"}),
    "count": Field(label="Count", type="integer", default={"@path": "$.properties.count"}),
}


def make_destination(**action_options: Any) -> Destination:
    options: dict[str, Any] = {
        "perform": post_event,
        "perform_batch": post_events,
        **action_options,
    }
    track = Action(
        key="track",
        title="Track",
        default_subscription='type = "track"',
        fields=FIELDS,
        **options,
    )
    return Destination(
        key="example",
        name="Example",
        slug="actions-example",
        settings={
            "api_key": Field(label="API Key", type="password", required=True),
            "region": Field(label="Region", type="string", choices=["us", "eu"]),
        },
        extend_request=lambda data: {
            "headers": {"Authorization": f"Bearer {data.settings['api_key']}"}
        },
        presets=[Preset(name="Track Calls", action="track", subscribe='type = "track"')],
        actions=[track],
    )


def event(**fields: Any) -> dict[str, Any]:
    return {"type": "track", "event": "Signed Up", "userId": "u1", "properties": {}, **fields}


def test_one_event_is_mapped_validated_and_sent() -> None:
    dest = TestDestination(make_destination())

    requests = dest.test_action(
        "track", event=event(properties={"count": "3"}), settings=SETTINGS, use_test_event=False
    )

    assert len(requests) == 1
    assert requests[0].method == "POST"
    assert requests[0].url == "https://api.example.test/track"
    assert requests[0].headers["authorization"] == "Bearer sk-secret-123"
    assert requests[0].headers["content-type"] == "application/json"
    assert requests[0].body == '{"user":"u1","event":"Signed Up","count":3}'
    (result,) = dest.results
    assert result.ok
    assert result.status == 200
    assert result.sent == {"user_id": "u1", "name": "Signed Up", "count": 3}


def test_an_invalid_payload_is_a_400_result_and_nothing_is_sent() -> None:
    dest = TestDestination(make_destination())

    with pytest.raises(PayloadValidationError) as caught:
        dest.test_action("track", event=event(userId=None), settings=SETTINGS, use_test_event=False)

    assert str(caught.value) == "The root value is missing the required field 'user_id'."
    assert dest.http.calls.call_count == 0
    assert dest.results[0].to_dict() == {
        "status": 400,
        "errortype": "PAYLOAD_VALIDATION_FAILED",
        "errormessage": "The root value is missing the required field 'user_id'.",
        "errorreporter": "INTEGRATIONS",
    }


@pytest.mark.parametrize(
    ("status", "retryable", "code"),
    [
        (400, False, "BAD_REQUEST"),
        (429, True, "TOO_MANY_REQUESTS"),
        (503, True, "SERVICE_UNAVAILABLE"),
    ],
)
def test_an_error_answer_becomes_a_typed_result(status: int, retryable: bool, code: str) -> None:
    dest = TestDestination(make_destination())
    dest.http.post("https://api.example.test/track").respond(status, json={"error": "nope"})

    with pytest.raises(HTTPError):
        dest.test_action("track", event=event(), settings=SETTINGS, use_test_event=False)

    (result,) = dest.results
    assert result.status == status
    assert result.retryable is retryable
    assert result.reporter == "DESTINATION"
    assert result.body == {"error": "nope"}
    assert result.to_dict()["errortype"] == code


def test_a_batch_sends_the_valid_events_and_reports_each_event() -> None:
    dest = TestDestination(make_destination())
    dest.http.post("https://api.example.test/batch").respond(200, json={"accepted": 2})

    requests = dest.test_batch_action(
        "track",
        events=[
            event(userId="a"),
            event(userId=None),
            event(userId="c", properties={"count": "x"}),
            event(userId="d"),
        ],
        settings=SETTINGS,
        use_test_event=False,
    )

    assert [request.json for request in requests] == [
        {"events": [{"user_id": "a", "name": "Signed Up"}, {"user_id": "d", "name": "Signed Up"}]}
    ]
    assert [result.to_dict() for result in dest.results] == [
        {"status": 200, "body": {"accepted": 2}, "sent": {"user_id": "a", "name": "Signed Up"}},
        {
            "status": 400,
            "errortype": "PAYLOAD_VALIDATION_FAILED",
            "errormessage": "The root value is missing the required field 'user_id'.",
            "errorreporter": "INTEGRATIONS",
        },
        {
            "status": 400,
            "errortype": "PAYLOAD_VALIDATION_FAILED",
            "errormessage": "Count must be an integer but it was a string.",
            "errorreporter": "INTEGRATIONS",
        },
        {"status": 200, "body": {"accepted": 2}, "sent": {"user_id": "d", "name": "Signed Up"}},
    ]


def test_perform_batch_can_report_each_payload() -> None:
    async def partly_rejected(request: RequestClient, data: BatchData) -> list[Any]:
        rejected = PayloadValidationError.from_message("unknown user")  # destination-side rejection
        return [BatchItemSuccess(status=201, body={"id": 1}), BatchItemFailure(error=rejected)]

    dest = TestDestination(make_destination(perform_batch=partly_rejected))

    dest.test_batch_action(
        "track",
        events=[event(userId="a"), event(userId="b"), event(userId="c")],
        settings=SETTINGS,
        use_test_event=False,
    )

    assert [(result.ok, result.status) for result in dest.results] == [
        (True, 201),
        (False, 400),
        (False, 500),
    ]
    assert str(dest.results[1].error) == "unknown user"
    assert dest.results[1].reporter == "DESTINATION"
    assert str(dest.results[2].error) == "perform_batch returned no result for this event"


def test_a_failed_batch_request_fails_each_sent_event_and_keeps_the_others() -> None:
    dest = TestDestination(make_destination())
    dest.http.post("https://api.example.test/batch").respond(429, headers={"Retry-After": "7"})

    dest.test_batch_action(
        "track",
        events=[event(userId="a"), event(userId=None)],
        settings=SETTINGS,
        use_test_event=False,
    )

    first, second = dest.results
    assert isinstance(first.error, HTTPError)
    assert first.retryable is True
    assert first.error.retry_after == 7.0
    assert first.sent == {"user_id": "a", "name": "Signed Up"}
    assert isinstance(second.error, PayloadValidationError)
    assert second.retryable is False


def test_an_action_without_perform_batch_is_performed_event_by_event() -> None:
    dest = TestDestination(make_destination(perform_batch=None))

    requests = dest.test_batch_action(
        "track",
        events=[event(userId="a"), event(userId="b")],
        settings=SETTINGS,
        use_test_event=False,
    )

    assert [request.json["user"] for request in requests] == ["a", "b"]
    assert [result.ok for result in dest.results] == [True, True]


def test_events_are_routed_through_the_presets() -> None:
    dest = TestDestination(make_destination())

    assert (
        dest.send({"type": "identify", "userId": "u1"}, settings=SETTINGS, use_test_event=False)
        == []
    )
    requests = dest.send(event(), settings=SETTINGS, use_test_event=False)

    assert [request.url for request in requests] == ["https://api.example.test/track"]


def test_send_batch_groups_each_subscriptions_events() -> None:
    destination = make_destination()
    router = respx.Router(assert_all_mocked=False)

    async def run() -> list[list[Any]]:
        transport = httpx.MockTransport(router.async_handler)
        async with httpx.AsyncClient(transport=transport) as http:
            instance = DestinationInstance(destination, SETTINGS, http=http)
            return await instance.send_batch(
                [event(userId="a"), {"type": "page", "userId": "p"}, event(userId="b")]
            )

    per_event = asyncio.run(run())

    assert [[result.ok for result in results] for results in per_event] == [[True], [], [True]]
    assert router.calls.call_count == 1
    assert router.calls[0].request.url == "https://api.example.test/batch"


def test_custom_subscriptions_with_their_own_mapping() -> None:
    destination = make_destination()
    subscription = ActionSubscription(
        action="track",
        subscribe='event = "Signed Up"',
        mapping={"user_id": {"@path": "$.anonymousId"}, "name": "signup"},
    )
    router = respx.Router(assert_all_mocked=False)

    async def run() -> list[Any]:
        transport = httpx.MockTransport(router.async_handler)
        async with httpx.AsyncClient(transport=transport) as http:
            instance = DestinationInstance(
                destination, SETTINGS, subscriptions=[subscription], http=http
            )
            return await instance.send(event(anonymousId="anon-9"))

    (result,) = asyncio.run(run())

    assert result.sent == {"user_id": "anon-9", "name": "signup"}


def test_settings_are_validated_up_front_with_every_problem() -> None:
    with pytest.raises(InvalidSettingsError) as caught:
        DestinationInstance(make_destination(), {"region": "mars"})

    assert str(caught.value) == (
        "The root value is missing the required field 'api_key'. "
        'Region must be one of: "us" or "eu".'
    )


def test_settings_never_show_their_secrets() -> None:
    instance = DestinationInstance(make_destination(), SETTINGS)
    asyncio.run(instance.aclose())

    assert "sk-secret-123" not in repr(instance.settings)
    assert instance.settings.redacted() == {"api_key": "***", "region": "eu"}
    assert instance.settings["api_key"] == "sk-secret-123"


def test_a_plugin_bug_is_reported_typed_with_secrets_redacted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def buggy(request: RequestClient, data: ActionData) -> Any:
        raise ValueError(f"cannot use key {data.settings['api_key']}")

    dest = TestDestination(make_destination(perform=buggy))

    with pytest.raises(PerformError) as caught:
        dest.test_action("track", event=event(), settings=SETTINGS, use_test_event=False)

    assert str(caught.value) == "track failed: ValueError: cannot use key ***"
    assert "sk-secret-123" not in caplog.text
    assert "cannot use key ***" in caplog.text


def test_an_unknown_action_names_the_ones_that_exist() -> None:
    with pytest.raises(UnknownActionError) as caught:
        TestDestination(make_destination()).test_action("nope", settings=SETTINGS)

    assert str(caught.value) == 'destination "example" has no action "nope" (actions: track)'


@attrs.frozen
class TrackPayload:
    user_id: str
    name: str
    count: int | None = None


def test_a_payload_class_receives_the_validated_payload() -> None:
    seen: list[Any] = []

    async def typed(request: RequestClient, data: ActionData) -> None:
        seen.append(data.payload)

    dest = TestDestination(make_destination(perform=typed, payload_class=TrackPayload))
    dest.test_action(
        "track", event=event(properties={"count": 2}), settings=SETTINGS, use_test_event=False
    )

    assert seen == [TrackPayload(user_id="u1", name="Signed Up", count=2)]


def test_authentication_failures_read_like_segments() -> None:
    async def check(request: RequestClient, settings: Any) -> None:
        await request("https://api.example.test/me")

    destination = attrs.evolve(make_destination(), test_authentication=check)
    dest = TestDestination(destination)
    dest.http.get("https://api.example.test/me").respond(401)

    from actions_core.errors import InvalidAuthenticationError

    with pytest.raises(InvalidAuthenticationError) as caught:
        dest.test_authentication(SETTINGS)

    assert str(caught.value) == "Credentials are invalid: 401 Unauthorized"
