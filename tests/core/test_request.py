"""The request client a destination's ``perform`` calls, and the errors of HTTP delivery.

Every test runs against an in-process transport (``httpx.MockTransport``): no request leaves the
process. Expected values come from the destination-kit reference (§7 errors, §8 request client).
"""

from __future__ import annotations

import asyncio
import errno
import re
import socket
from collections.abc import Awaitable, Callable, Iterator
from importlib import metadata
from typing import Any

import httpx
import pytest

from actions_core.errors import (
    ActionsError,
    ConnectionFailedError,
    HTTPError,
    IntegrationError,
    InvalidAuthenticationError,
    RequestTimeoutError,
    RetryableError,
    error_code_for_status,
    is_retryable_status,
    retry_after_seconds,
)
from actions_core.jsvalues import MISSING
from actions_core.request import RequestClient, RequestOptions, Response

API = "https://api.example.com/v1/track"
USER_AGENT = f"actions/{metadata.version('actions')}"

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class Destination:
    """A fake destination API: records what it receives and answers with ``handler``."""

    def __init__(self, handler: Handler | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self._handler = handler or (lambda request: httpx.Response(200, json={"ok": True}))

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self._handler(request)
        return await answer if isinstance(answer, Awaitable) else answer

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def http() -> Iterator[Callable[[Handler | None], tuple[httpx.AsyncClient, Destination]]]:
    """Makes shared clients over fake destinations, and closes them after the test."""
    opened: list[httpx.AsyncClient] = []

    def make(handler: Handler | None = None) -> tuple[httpx.AsyncClient, Destination]:
        destination = Destination(handler)
        client = httpx.AsyncClient(transport=httpx.MockTransport(destination))
        opened.append(client)
        return client, destination

    yield make
    for client in opened:
        asyncio.run(client.aclose())


def send(client: RequestClient, url: str = API, **options: Any) -> Response:
    return asyncio.run(client(url, **options))


def failure(client: RequestClient, url: str = API, **options: Any) -> ActionsError:
    with pytest.raises(ActionsError) as caught:
        send(client, url, **options)
    return caught.value


def answering(status: int, **kwargs: Any) -> Handler:
    return lambda request: httpx.Response(status, **kwargs)


def raising(error: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return handler


# Building the request


def test_a_plain_call_is_a_get_with_our_user_agent(http):
    shared, destination = http()
    send(RequestClient(shared))
    assert destination.last.method == "GET"
    assert str(destination.last.url) == API
    assert dict(destination.last.headers) == {"host": "api.example.com", "user-agent": USER_AGENT}
    assert destination.last.content == b""


def test_the_method_is_upper_cased(http):
    shared, destination = http()
    send(RequestClient(shared), method="patch")
    assert destination.last.method == "PATCH"


def test_headers_merge_base_then_extend_then_call_by_case_insensitive_name(http):
    shared, destination = http()
    base = RequestClient(
        shared,
        RequestOptions(headers={"Authorization": "Bearer K", "X-Common": "base", "X-Base": "1"}),
    )
    action = base.extend({"headers": {"x-common": "extend", "X-Extend": "e", "x-base": None}})
    send(action, method="POST", json={}, headers={"X-COMMON": "call"})
    assert dict(destination.last.headers) == {
        "host": "api.example.com",
        "user-agent": USER_AGENT,
        "authorization": "Bearer K",
        "x-extend": "e",
        "x-common": "call",
        "content-type": "application/json",
        "content-length": "2",
    }
    assert [name for name, _ in destination.last.headers.raw][-4:] == [
        b"X-Extend",
        b"X-COMMON",
        b"Content-Type",
        b"Content-Length",
    ]


def test_the_reference_extend_request_example(http):
    shared, destination = http()
    client = RequestClient(shared).extend(
        RequestOptions(headers={"Authorization": "Bearer K", "X-Common": "base"})
    )
    send(client, method="post", json={"a": 1}, headers={"X-Common": "action"})
    assert dict(destination.last.headers) == {
        "host": "api.example.com",
        "user-agent": USER_AGENT,
        "authorization": "Bearer K",
        "x-common": "action",
        "content-type": "application/json",
        "content-length": "7",
    }


def test_none_deletes_the_default_user_agent(http):
    shared, destination = http()
    send(RequestClient(shared, RequestOptions(headers={"user-agent": None})))
    assert dict(destination.last.headers) == {"host": "api.example.com"}


def test_header_values_that_are_not_ascii_go_out_as_utf8(http):
    shared, destination = http()
    send(RequestClient(shared), headers={"X-Name": "Zoë ☕"})
    assert destination.last.headers.raw[-1] == (b"X-Name", "Zoë ☕".encode())


def test_a_header_value_with_a_line_break_is_refused_before_sending(http):
    shared, destination = http()
    error = failure(RequestClient(shared), headers={"X-Account": "acme\r\nX-Admin: 1"})
    assert (str(error), error.code, error.retryable) == (
        "The X-Account header contains a line break",
        "INVALID_HEADER",
        False,
    )
    assert destination.requests == []


def test_extend_leaves_the_original_client_as_it_was(http):
    shared, destination = http()
    base = RequestClient(shared, RequestOptions(headers={"X-Base": "1"}, timeout=30))
    extended = base.extend({"headers": {"X-More": "2"}})
    send(base)
    assert "x-more" not in destination.last.headers
    assert base.options.headers == {"X-Base": "1"}
    assert extended.options.headers == {"X-Base": "1", "X-More": "2"}
    assert extended.options.timeout == 30


def test_a_json_body_is_written_as_javascript_writes_it(http):
    shared, destination = http()
    payload = {
        "price": 10.0,
        "ratio": 0.5,
        "name": "Crème brûlée ☕",
        "quote": 'say "hi"',
        "skipped": MISSING,
        "tags": ["a", None, 1e21],
    }
    response = send(RequestClient(shared), method="POST", json=payload)
    assert destination.last.content.decode("utf-8") == (
        '{"price":10,"ratio":0.5,"name":"Crème brûlée ☕","quote":"say \\"hi\\"",'
        '"tags":["a",null,1e+21]}'
    )
    assert destination.last.headers["content-type"] == "application/json"
    assert response.request_json is payload


def test_json_none_sends_null(http):
    shared, destination = http()
    send(RequestClient(shared), method="POST", json=None)
    assert destination.last.content == b"null"


def test_json_takes_precedence_over_body(http):
    shared, destination = http()
    send(RequestClient(shared), method="POST", json=[1], body="ignored")
    assert destination.last.content == b"[1]"


def test_a_content_type_the_caller_set_is_kept(http):
    shared, destination = http()
    send(
        RequestClient(shared),
        method="POST",
        json={"data": {}},
        headers={"content-type": "application/vnd.api+json"},
    )
    assert destination.last.headers["content-type"] == "application/vnd.api+json"


def test_a_text_body_is_sent_as_is_with_fetchs_content_type(http):
    shared, destination = http()
    response = send(RequestClient(shared), method="POST", body="a=1&b=é")
    assert destination.last.content == "a=1&b=é".encode()
    assert destination.last.headers["content-type"] == "text/plain;charset=UTF-8"
    assert response.request_json is MISSING


def test_a_bytes_body_gets_no_content_type(http):
    shared, destination = http()
    send(RequestClient(shared), method="PUT", body=b"\x00\x01")
    assert destination.last.content == b"\x00\x01"
    assert "content-type" not in destination.last.headers


def test_params_replace_the_query_already_in_the_url(http):
    shared, destination = http()
    send(
        RequestClient(shared),
        f"{API}?old=1",
        params={"a": 1, "b": True, "c": "x y", "d": 2.0, "e": None, "f": ["p", "q"], "g": False},
    )
    assert str(destination.last.url) == f"{API}?a=1&b=true&c=x+y&d=2&f=p&f=q&g=false"


def test_without_params_the_query_in_the_url_is_kept(http):
    shared, destination = http()
    send(RequestClient(shared), f"{API}?old=1&x=%2F")
    assert str(destination.last.url) == f"{API}?old=1&x=%2F"


def test_params_of_the_layers_merge_key_by_key(http):
    shared, destination = http()
    client = RequestClient(shared).extend({"params": {"api_key": "K", "page": 1}})
    send(client, params={"page": 2})
    assert str(destination.last.url) == f"{API}?api_key=K&page=2"


def test_an_object_as_a_query_parameter_is_a_plugin_bug(http):
    shared, _ = http()
    with pytest.raises(TypeError, match="query parameter 'filter' must be a string, number"):
        send(RequestClient(shared), params={"filter": {"a": 1}})


@pytest.mark.parametrize(
    ("username", "password", "authorization"),
    [
        ("user", "pass", "Basic dXNlcjpwYXNz"),
        ("key", None, "Basic a2V5Og=="),
        (None, "secret", "Basic OnNlY3JldA=="),
    ],
    ids=["user-and-password", "username-only", "password-only"],
)
def test_basic_auth_from_username_and_password(http, username, password, authorization):
    shared, destination = http()
    send(RequestClient(shared), username=username, password=password)
    assert destination.last.headers["authorization"] == authorization


def test_basic_auth_from_extend_request_replaces_an_authorization_header(http):
    shared, destination = http()
    client = RequestClient(shared, RequestOptions(headers={"Authorization": "Bearer old"}))
    send(client.extend({"username": "user", "password": "pass"}))
    assert destination.last.headers.get_list("authorization") == ["Basic dXNlcjpwYXNz"]


def test_redirects_are_followed(http):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(302, headers={"Location": "https://api.example.com/new"})
        return httpx.Response(200, json={"moved": True})

    shared, destination = http(handler)
    response = send(RequestClient(shared), "https://api.example.com/old")
    assert [str(request.url) for request in destination.requests] == [
        "https://api.example.com/old",
        "https://api.example.com/new",
    ]
    assert (response.status, response.url, response.data) == (
        200,
        "https://api.example.com/new",
        {"moved": True},
    )


def test_hooks_see_every_request_before_it_is_sent(http):
    shared, _ = http()
    seen: list[str] = []
    client = RequestClient(shared, hooks=[lambda request: seen.append(str(request.url))])
    send(client.extend({"headers": {"X": "1"}}), f"{API}?n=1")
    assert seen == [f"{API}?n=1"]


# Options


def test_options_a_layer_was_not_given_keep_the_layer_below():
    base = RequestOptions(timeout=30, throw_http_errors=False, username="u")
    merged = base.merged(RequestOptions(headers={"X": "1"}))
    assert (merged.timeout, merged.throw_http_errors, merged.username) == (30, False, "u")
    assert merged.merged({"timeout": None}).timeout is None


def test_defaults_of_request_options():
    options = RequestOptions()
    assert (options.headers, options.timeout, options.params) == ({}, 10.0, None)
    assert (options.username, options.password, options.throw_http_errors) == (None, None, True)


def test_an_unknown_option_from_extend_request_is_named():
    with pytest.raises(TypeError) as caught:
        RequestOptions().merged({"searchParams": {"a": 1}})
    assert str(caught.value) == (
        "unknown request option 'searchParams' "
        "(known: headers, timeout, params, username, password, throw_http_errors)"
    )


# Timeouts and failed connections


def test_the_timeout_reaches_httpx_for_every_phase(http):
    shared, destination = http()
    send(RequestClient(shared), timeout=2.5)
    assert destination.last.extensions["timeout"] == {
        "connect": 2.5,
        "read": 2.5,
        "write": 2.5,
        "pool": 2.5,
    }


def test_a_read_timeout_is_a_retryable_request_timeout(http):
    shared, _ = http(raising(httpx.ReadTimeout("timed out")))
    error = failure(RequestClient(shared))
    assert isinstance(error, RequestTimeoutError)
    assert str(error) == "Request timed out after 10 seconds"
    assert (error.code, error.status, error.retryable) == ("ETIMEDOUT", 408, True)


def test_the_timeout_covers_the_whole_request(http):
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    shared, _ = http(slow)
    error = failure(RequestClient(shared), timeout=0.05)
    assert isinstance(error, RequestTimeoutError)
    assert str(error) == "Request timed out after 0.05 seconds"


def test_a_refused_connection_is_retryable_and_names_the_host(http):
    shared, _ = http(raising(httpx.ConnectError("All connection attempts failed")))
    error = failure(RequestClient(shared), f"{API}?page=2")
    assert isinstance(error, ConnectionFailedError)
    assert str(error) == "Could not connect to api.example.com: All connection attempts failed"
    assert (error.code, error.status, error.retryable) == ("CONNECTION_FAILED", 503, True)


@pytest.mark.parametrize(
    ("cause", "code"),
    [
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "ECONNREFUSED"),
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), "ECONNRESET"),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "ENOTFOUND"),
    ],
    ids=["refused", "reset", "dns"],
)
def test_the_code_of_a_failed_connection_names_the_system_error(http, cause, code):
    error = httpx.ConnectError("failed")
    error.__cause__ = cause
    shared, _ = http(raising(error))
    assert failure(RequestClient(shared)).code == code


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("api.example.com/v1", "Invalid URL api.example.com/v1: it must start with http:// or https://"),
        ("ftp://example.com/f", "Invalid URL ftp://example.com/f: it must start with http:// or https://"),
        ("https:///v1", "Invalid URL https:///v1: it has no host"),
        ("https://[::1/v1", "Invalid URL https://[::1/v1: Invalid port: ':1'"),
    ],
    ids=["no-scheme", "ftp", "no-host", "malformed"],
)  # fmt: skip
def test_a_url_that_cannot_be_sent_to_is_a_permanent_integration_error(http, url, message):
    shared, destination = http()
    error = failure(RequestClient(shared), url)
    assert isinstance(error, IntegrationError)
    assert (str(error), error.code, error.status, error.retryable) == (
        message,
        "INVALID_URL",
        400,
        False,
    )
    assert destination.requests == []


def test_a_request_httpx_cannot_write_is_a_permanent_error(http):
    shared, _ = http(raising(httpx.LocalProtocolError("Illegal header value")))
    error = failure(RequestClient(shared))
    assert (str(error), error.code, error.retryable) == (
        "Cannot send to api.example.com: Illegal header value",
        "INVALID_REQUEST",
        False,
    )


def test_endless_redirects_are_a_permanent_error(http):
    shared, _ = http(answering(302, headers={"Location": API}))
    error = failure(RequestClient(shared))
    assert (str(error), error.code, error.retryable) == (
        "Too many redirects from api.example.com",
        "TOO_MANY_REDIRECTS",
        False,
    )


# Answers outside 2xx


@pytest.mark.parametrize(
    ("status", "code", "retryable", "message"),
    [
        (304, "NOT_MODIFIED", False, "304 Not Modified"),
        (400, "BAD_REQUEST", False, "400 Bad Request"),
        (401, "UNAUTHORIZED", False, "401 Unauthorized"),
        (403, "FORBIDDEN", False, "403 Forbidden"),
        (404, "NOT_FOUND", False, "404 Not Found"),
        (408, "REQUEST_TIMEOUT", True, "408 Request Timeout"),
        (409, "CONFLICT", False, "409 Conflict"),
        (422, "UNPROCESSABLE_ENTITY", False, "422 Unprocessable Entity"),
        (423, "LOCKED", True, "423 Locked"),
        (429, "TOO_MANY_REQUESTS", True, "429 Too Many Requests"),
        (499, "CANCELLED", False, "499"),
        (500, "INTERNAL_SERVER_ERROR", True, "500 Internal Server Error"),
        (501, "NOT_IMPLEMENTED", False, "501 Not Implemented"),
        (502, "BAD_GATEWAY", True, "502 Bad Gateway"),
        (503, "SERVICE_UNAVAILABLE", True, "503 Service Unavailable"),
        (504, "GATEWAY_TIMEOUT", True, "504 Gateway Timeout"),
        (529, "SITE_IS_OVERLOADED", True, "529"),
        (599, "UNKNOWN_ERROR", True, "599"),
    ],
    ids=lambda value: str(value) if isinstance(value, int) and value > 1 else None,
)
def test_a_non_2xx_answer_is_an_http_error_classified_by_status(
    http, status, code, retryable, message
):
    shared, _ = http(answering(status))
    error = failure(RequestClient(shared))
    assert isinstance(error, HTTPError)
    assert (error.status, error.code, error.retryable, str(error)) == (
        status,
        code,
        retryable,
        message,
    )
    assert error.retry_after is None
    assert error.response.status == status


@pytest.mark.parametrize(
    ("headers", "retry_after"),
    [
        ({"Retry-After": "120"}, 120.0),
        ({"Retry-After": " 0 "}, 0.0),
        (
            {"Date": "Wed, 21 Oct 2015 07:28:00 GMT", "Retry-After": "Wed, 21 Oct 2015 07:29:30 GMT"},
            90.0,
        ),
        ({"Retry-After": "Wed, 21 Oct 2015 07:29:30 GMT"}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-5"}, None),
    ],
    ids=["seconds", "zero", "date-after-the-server-date", "date-in-the-past", "garbage", "negative"],
)  # fmt: skip
def test_retry_after_is_read_as_seconds_or_an_http_date(http, headers, retry_after):
    shared, _ = http(answering(429, headers=headers))
    error = failure(RequestClient(shared))
    assert isinstance(error, HTTPError)
    assert error.retry_after == retry_after
    assert error.retryable is True


def test_retry_after_seconds_directly():
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("3") == 3.0
    assert (
        retry_after_seconds("Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:07 GMT")
        == 30.0
    )


def test_a_short_body_is_quoted_in_the_message_on_one_line(http):
    shared, _ = http(answering(400, text='{\n  "error": "email is invalid"\n}'))
    error = failure(RequestClient(shared), method="POST", json={})
    assert str(error) == '400 Bad Request: { "error": "email is invalid" }'


def test_a_long_body_stays_out_of_the_message(http):
    page = "<html>" + "x" * 300 + "</html>"
    shared, _ = http(answering(500, text=page))
    error = failure(RequestClient(shared))
    assert isinstance(error, HTTPError)
    assert str(error) == "500 Internal Server Error"
    assert error.response.text == page


def test_without_throw_http_errors_the_answer_is_returned(http):
    shared, _ = http(answering(404, json={"error": "no such user"}))
    response = send(RequestClient(shared), throw_http_errors=False)
    assert (response.status, response.ok, response.reason) == (404, False, "Not Found")
    assert response.data == {"error": "no such user"}


def test_throw_http_errors_can_be_turned_off_for_every_request_of_a_client(http):
    shared, _ = http(answering(500))
    client = RequestClient(shared).extend({"throw_http_errors": False})
    assert send(client).status == 500
    assert isinstance(failure(client, throw_http_errors=True), HTTPError)


# The answer


@pytest.mark.parametrize(
    ("content_type", "body", "data"),
    [
        ("application/json", b'{"id": 7, "ok": true}', {"id": 7, "ok": True}),
        ("application/json; charset=utf-8", b'["\xc3\xa9"]', ["é"]),
        ("Application/JSON", b"null", None),
        ("text/plain", b'{"id": 7}', '{"id": 7}'),
        ("text/html; charset=utf-8", b"<p>Accepted</p>", "<p>Accepted</p>"),
        ("application/json", b"{not json", None),
        ("application/json", b"", None),
        ("application/json", b"NaN", None),
        (None, b"plain", "plain"),
    ],
    ids=[
        "json",
        "json-with-charset",
        "json-null",
        "text-that-looks-like-json",
        "html",
        "bad-json",
        "empty-json",
        "nan-is-not-json",
        "no-content-type",
    ],
)
def test_data_is_parsed_json_for_a_json_content_type_else_the_text(http, content_type, body, data):
    headers = {"Content-Type": content_type} if content_type else {}
    shared, _ = http(answering(200, content=body, headers=headers))
    assert send(RequestClient(shared)).data == data


def test_the_answer_carries_status_headers_and_what_was_sent(http):
    shared, _ = http(answering(201, json={"id": "a1"}, headers={"X-Request-Id": "r-9"}))
    response = send(RequestClient(shared), method="post", json={"name": "Ada"})
    assert (response.status, response.ok, response.reason) == (201, True, "Created")
    assert (response.method, response.url) == ("POST", API)
    assert response.headers["x-request-id"] == "r-9"
    assert response.text == '{"id":"a1"}'
    assert response.content == b'{"id":"a1"}'
    assert response.request_json == {"name": "Ada"}


def test_reprs_show_no_header_values(http):
    shared, _ = http(answering(202, headers={"Set-Cookie": "session=abc"}))
    client = RequestClient(shared, RequestOptions(headers={"Authorization": "Bearer K"}))
    response = send(client, f"{API}?page=2")
    assert repr(response) == f"<Response 202 Accepted GET {API}?page=2>"
    assert repr(client) == (
        "RequestClient(headers=['Authorization'], timeout=10.0, secrets=Secrets(<0 values>))"
    )
    assert repr(client.extend({"password": "pw", "params": {"key": "K"}}).options) == (
        "RequestOptions(headers=['Authorization'], timeout=10.0, params=['key'], "
        "username=None, password='***', throw_http_errors=True)"
    )


# The error types a plugin raises on purpose


def test_a_plugin_raises_http_error_for_an_answer_it_inspected(http):
    shared, _ = http(answering(200, json={"status": "throttled"}, headers={"Retry-After": "30"}))
    response = send(RequestClient(shared, RequestOptions(throw_http_errors=False)))
    error = HTTPError(response)
    assert (str(error), error.code, error.retryable, error.retry_after) == (
        '200 OK: {"status":"throttled"}',
        "OK",
        False,
        30.0,
    )


def test_an_answer_built_by_hand_has_no_url_or_method():
    response = Response(httpx.Response(429, json={"error": "slow down"}))
    assert (response.url, response.method, response.data) == ("", "", {"error": "slow down"})
    assert str(HTTPError(response)) == '429 Too Many Requests: {"error":"slow down"}'


def test_error_codes_for_statuses():
    assert [error_code_for_status(s) for s in (200, 429, 499, 529, 600)] == [
        "OK",
        "TOO_MANY_REQUESTS",
        "CANCELLED",
        "SITE_IS_OVERLOADED",
        "UNKNOWN_ERROR",
    ]


def test_retryable_statuses():
    retryable = [status for status in range(100, 600) if is_retryable_status(status)]
    assert retryable == [408, 423, 429, 500, *range(502, 600)]
    assert is_retryable_status(None) is False


@pytest.mark.parametrize(
    ("error", "code", "status", "retryable"),
    [
        (IntegrationError("Unknown list", "LIST_NOT_FOUND", 404), "LIST_NOT_FOUND", 404, False),
        (IntegrationError("Try later", "BUSY", 503), "BUSY", 503, True),
        (IntegrationError("Bad value"), "INTEGRATION_ERROR", 400, False),
        (RetryableError("Rate limited"), "RETRYABLE_ERROR", 500, True),
        (RetryableError("Slow down", 429), "RETRYABLE_ERROR", 429, True),
        (InvalidAuthenticationError("Key revoked"), "INVALID_AUTHENTICATION", 401, False),
        (InvalidAuthenticationError("Expired", "REFRESH_TOKEN_EXPIRED"), "REFRESH_TOKEN_EXPIRED", 401, False),
        (RequestTimeoutError(None), "ETIMEDOUT", 408, True),
        (ConnectionFailedError("api.example.com"), "CONNECTION_FAILED", 503, True),
    ],
    ids=[
        "integration-404",
        "integration-503",
        "integration-defaults",
        "retryable-default",
        "retryable-429",
        "invalid-auth",
        "invalid-auth-code",
        "timeout-without-limit",
        "connection",
    ],
)  # fmt: skip
def test_errors_a_plugin_raises_carry_code_status_and_retryable(error, code, status, retryable):
    assert isinstance(error, ActionsError)
    assert (error.code, error.status, error.retryable) == (code, status, retryable)


def test_a_retryable_error_with_a_permanent_status_is_a_plugin_bug():
    with pytest.raises(
        ValueError, match=r"RetryableError status must be one of 408, 423, 429, 500"
    ):
        RetryableError("nope", 400)


def test_errors_that_are_not_about_delivery_stay_permanent():
    assert ActionsError("x").retryable is False


# Secrets never leave through errors, reprs or logs

SECRET = "s3cr3t-t0ken/42 é"
ENCODED = "s3cr3t-t0ken%2F42+%C3%A9"  # as it appears in a query string


def leaked(texts: list[str]) -> list[str]:
    """The texts that show the secret in any of the forms a reader could recover it from."""
    basic = "MzY3IzdC10MGtlbi80MiDD"  # inside Base64("api:" + SECRET), the Basic auth token
    return [text for text in texts if SECRET in text or ENCODED in text or basic in text]


def test_the_client_never_leaks_a_secret_into_errors_reprs_or_logs(http, caplog):
    from actions_core.secrets import RedactingFilter, Secrets

    def echo(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/down":
            raise httpx.ConnectError(f"cannot reach {request.url}")
        if request.url.path == "/slow":
            raise httpx.ReadTimeout(f"no answer from {request.url}")
        echo = {"key": request.headers["x-api-key"], "auth": request.headers["authorization"]}
        return httpx.Response(401, json={"error": "bad key", "echo": echo})

    shared, destination = http(echo)
    secrets = Secrets([SECRET])
    caplog.handler.addFilter(RedactingFilter(secrets, loggers=["httpx"]))  # not ours
    caplog.set_level("DEBUG")
    client = RequestClient(shared, secrets=secrets).extend(
        {"headers": {"X-Api-Key": SECRET}, "username": "api", "password": SECRET}
    )

    errors = [
        failure(client, f"{API}?key={SECRET}", method="POST", json={"key": SECRET}),
        failure(client, f"https://api.example.com/down?key={SECRET}"),
        failure(client, "https://api.example.com/slow", params={"key": SECRET}),
        failure(client, f"ftp://api.example.com/?key={SECRET}"),
    ]
    answer = send(client, params={"key": SECRET}, throw_http_errors=False)

    assert [type(error).__name__ for error in errors] == [
        "HTTPError",
        "ConnectionFailedError",
        "RequestTimeoutError",
        "IntegrationError",
    ]
    assert destination.requests[0].headers["x-api-key"] == SECRET  # the destination did get it
    assert str(errors[0]) == (
        '401 Unauthorized: {"error":"bad key","echo":{"key":"***","auth":"Basic ***"}}'
    )
    assert repr(answer) == f"<Response 401 Unauthorized GET {API}?key=***>"
    ours = [record.getMessage() for record in caplog.records if record.name == "actions.request"]
    assert [re.sub(r"\(\d+ ms\)", "(N ms)", message) for message in ours] == [
        f"POST {API}?key=*** -> 401 Unauthorized (N ms)",
        "GET https://api.example.com/down?key=*** failed: ConnectError (N ms)",
        "GET https://api.example.com/slow?key=*** failed: ReadTimeout (N ms)",
        f"GET {API}?key=*** -> 401 Unauthorized (N ms)",
    ]

    assert [str(error) for error in errors[1:]] == [
        "Could not connect to api.example.com: cannot reach https://api.example.com/down?key=***",
        "Request timed out after 10 seconds",
        "Invalid URL ftp://api.example.com/?key=***: it must start with http:// or https://",
    ]
    # httpx logs every URL at INFO; the filter on the handler redacts those lines.
    assert [record.getMessage() for record in caplog.records if record.name == "httpx"] == [
        f'HTTP Request: POST {API}?key=*** "HTTP/1.1 401 Unauthorized"',
        f'HTTP Request: GET {API}?key=*** "HTTP/1.1 401 Unauthorized"',
    ]

    shown = [
        *(text for error in errors for text in (str(error), repr(error))),
        *(repr(error.response) for error in errors if isinstance(error, HTTPError)),
        repr(answer),
        repr(client),
        repr(client.options),
        *(caplog.handler.format(record) for record in caplog.records),
    ]
    assert leaked(shown) == []
