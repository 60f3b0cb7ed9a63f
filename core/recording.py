"""Keep every HTTP request a destination makes, whether it is really sent or answered in-process.

``actions send`` shows users exactly what went (or would go) on the wire.
:class:`RecordingTransport` sits below the request client and keeps each request a real send puts on
the wire (one per redirect hop). :class:`RecordingSender` stands where the shared
``httpx.AsyncClient`` stands and answers every request itself: nothing leaves the process, and no
httpx object is built, which makes a dry run several times faster than a mock transport.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
import httpx

__all__ = [
    "RecordedCall",
    "RecordingSender",
    "RecordingTransport",
    "dry_run_transport",
    "request_summary",
]


@attrs.frozen
class RecordedCall:
    """A request kept by :class:`RecordingSender`, with the headers httpx would put on the wire."""

    method: str
    url: str
    headers: dict[str, str]
    """Lower-case names: ``host`` first, then the request's own, then ``content-length``."""
    content: bytes | None


def _empty_json_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={}, request=request)


class RecordingTransport(httpx.AsyncBaseTransport):
    """Sends through ``inner`` (or answers ``200 {}`` itself when there is none), keeping each request."""

    def __init__(self, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.inner is None:
            return _empty_json_answer(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        if self.inner is not None:
            await self.inner.aclose()


def dry_run_transport() -> RecordingTransport:
    """A transport that sends nothing: every request is kept and answered ``200 {}``."""
    return RecordingTransport()


class RecordingSender:
    """Stands in for the shared ``httpx.AsyncClient``: keeps every request and answers ``200 {}``.

    The request client hands it prepared requests directly (:meth:`record_request`), so no httpx
    object is built; :meth:`send` serves callers that already hold an ``httpx.Request``.
    """

    def __init__(self) -> None:
        self.requests: list[RecordedCall] = []

    def record_request(
        self, method: str, url: str, headers: Mapping[str, str], content: bytes | None
    ) -> tuple[int, Any]:
        wire = {"host": urlsplit(url).netloc.rpartition("@")[2]}
        if not content and method in ("POST", "PUT", "PATCH"):
            wire["content-length"] = "0"
        wire.update((name.lower(), value) for name, value in headers.items())
        if content:
            wire["content-length"] = str(len(content))
        self.requests.append(RecordedCall(method, url, wire, content))
        return 200, {}

    async def send(
        self, request: httpx.Request, *, follow_redirects: bool = True
    ) -> httpx.Response:
        self.requests.append(
            RecordedCall(
                request.method,
                str(request.url),
                {name.lower(): value for name, value in request.headers.items()},
                request.content or None,
            )
        )
        return _empty_json_answer(request)

    async def aclose(self) -> None:
        """Nothing to close; present so it can stand in for an ``httpx.AsyncClient``."""


def request_summary(request: httpx.Request | RecordedCall) -> dict[str, Any]:
    """``{"method", "url", "headers", "json"}`` for one request, as ``actions send`` prints it.

    Header names are lower-case (HTTP ignores their case); ``json`` is the decoded body, or None
    when there is no body. A body that is not JSON (a form, plain text) is kept as text in ``body``,
    so nothing that was sent is hidden.
    """
    if isinstance(request, httpx.Request):
        headers = {name.lower(): value for name, value in request.headers.items()}
        content: bytes | None = request.content
    else:
        headers, content = dict(request.headers), request.content
    summary: dict[str, Any] = {
        "method": request.method,
        "url": str(request.url),
        "headers": headers,
        "json": None,
    }
    text = (content or b"").decode("utf-8", errors="replace")
    if text:
        try:
            summary["json"] = json.loads(text)
        except ValueError:
            summary["body"] = text
    return summary
