"""The HTTP client a destination's ``perform`` calls: ``await request(url, method="POST", json=...)``.

It is a thin layer over one shared, pooled ``httpx.AsyncClient``. It adds what every destination
needs and Segment's client does: option layers (base ← ``extend_request`` ← the call), JSON bodies
written as JavaScript writes them, a timeout, and typed errors that say whether to retry. Secrets
never reach an error message, a ``repr`` or a log line.
"""

from __future__ import annotations

import asyncio
import base64
import errno
import functools
import logging
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from typing import Any, Final, NoReturn, Protocol

import httpx

from .errors import ConnectionFailedError, HTTPError, IntegrationError, RequestTimeoutError
from .jsvalues import MISSING, Missing, json_text, number_to_string
from .request_options import RequestOptions, header_names, merge_headers
from .response import Response, redact_url
from .secrets import Secrets

__all__ = ["USER_AGENT", "RequestClient", "RequestHook", "RequestOptions", "Response"]

logger = logging.getLogger("actions.request")

RequestHook = Callable[[httpx.Request], None]
"""Sees every request just before it is sent (observability); it must not change it."""


def _version() -> str:
    try:
        return metadata.version("actions")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


USER_AGENT: Final = f"actions/{_version()}"
"""The default ``User-Agent`` header (Segment's client sends ``Segment (Actions)``)."""


_NO_OPTIONS: Final = RequestOptions()
_NO_SECRETS: Final = Secrets()


RecordRequest = Callable[[str, str, Mapping[str, str], "bytes | None"], tuple[int, Any]]
"""A sender's in-process answer: (method, url, headers, body) → (status, JSON data)."""


class HTTPSender(Protocol):
    """What the client sends through: an ``httpx.AsyncClient``, or a recorder for dry runs."""

    async def send(self, request: httpx.Request, *, follow_redirects: bool = ...) -> httpx.Response:
        """Send ``request`` and return the answer."""
        ...


class RequestClient:
    """Sends requests with merged default options over a shared ``httpx.AsyncClient``.

    Never create an ``httpx.AsyncClient`` per request: the runtime owns one, and :meth:`extend`
    makes clients with more defaults over the same connection pool. ``secrets`` are redacted from
    every error message, ``repr`` and log line; Basic-auth passwords are added to them per request.
    """

    __slots__ = ("_hooks", "_http", "_options", "_record", "_secrets")

    def __init__(
        self,
        http: httpx.AsyncClient | HTTPSender,
        options: RequestOptions = _NO_OPTIONS,
        *,
        secrets: Secrets = _NO_SECRETS,
        hooks: Sequence[RequestHook] = (),
    ) -> None:
        self._http = http
        self._options = options
        self._secrets = secrets
        self._hooks = tuple(hooks)
        # A sender that answers in-process (RecordingSender) is handed the prepared request
        # directly: no httpx request or response is built, which makes dry runs several times faster.
        self._record: RecordRequest | None = (
            None if hooks else getattr(http, "record_request", None)
        )

    @property
    def options(self) -> RequestOptions:
        return self._options

    @property
    def secrets(self) -> Secrets:
        return self._secrets

    def extend(self, options: RequestOptions | Mapping[str, Any] | None) -> RequestClient:
        """A client over the same pool whose defaults are these, with ``options`` laid over them."""
        return RequestClient(
            self._http, self._options.merged(options), secrets=self._secrets, hooks=self._hooks
        )

    async def __call__(
        self,
        url: str,
        *,
        method: str = "GET",
        json: Any = MISSING,
        body: str | bytes | None = None,
        headers: Mapping[str, str | None] | None = None,
        params: Mapping[str, Any] | None = None,
        timeout: float | Missing | None = MISSING,
        username: str | None = None,
        password: str | None = None,
        throw_http_errors: bool | Missing = MISSING,
    ) -> Response:
        """Send one request and return the answer; a non-2xx answer raises HTTPError.

        ``json`` (any JSON value, even None) becomes the body as JavaScript's ``JSON.stringify``
        writes it, and takes precedence over ``body``. Raises RequestTimeoutError,
        ConnectionFailedError, HTTPError, or IntegrationError for a URL that cannot be sent to.
        """
        call: dict[str, Any] = {}
        if headers:
            call["headers"] = headers
        if params is not None:
            call["params"] = params
        if timeout is not MISSING:
            call["timeout"] = timeout
        if username is not None:
            call["username"] = username
        if password is not None:
            call["password"] = password
        if throw_http_errors is not MISSING:
            call["throw_http_errors"] = throw_http_errors
        options = self._options.merged(RequestOptions(**call)) if call else self._options

        secrets = self._secrets
        method, target, outgoing, content = self._prepare(url, method, json, body, options)
        if options.username is not None or options.password is not None:
            token = _basic_token(options.username, options.password)
            outgoing = {k: v for k, v in outgoing.items() if k.lower() != "authorization"}
            outgoing["Authorization"] = f"Basic {token}"
            secrets = secrets | [token, options.password or ""]
        if self._record is not None:
            status, data = self._record(method, str(target), outgoing, content)
            response = Response.local(
                status, data, method=method, url=str(target), request_json=json, secrets=secrets
            )
        else:
            response = await self._send(method, target, outgoing, content, json, options, secrets)
        if not response.ok and options.throw_http_errors:
            raise HTTPError(response)
        return response

    async def _send(
        self,
        method: str,
        target: httpx.URL,
        headers: dict[str, str],
        content: bytes | None,
        json: Any,
        options: RequestOptions,
        secrets: Secrets,
    ) -> Response:
        request = httpx.Request(
            method,
            target,
            headers=[
                (name.encode("ascii"), value.encode("utf-8")) for name, value in headers.items()
            ],
            content=content,
            extensions={"timeout": _timeout_extension(options.timeout)},
        )
        for hook in self._hooks:
            hook(request)
        started = time.perf_counter()
        try:
            async with asyncio.timeout(options.timeout):
                raw = await self._http.send(request, follow_redirects=True)
        except Exception as error:
            self._log_failure(request, started, error, secrets)
            _raise_delivery_error(error, request, options.timeout, secrets)
        response = Response(raw, request_json=json, secrets=secrets)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s (%d ms)",
                request.method,
                redact_url(str(request.url), secrets),
                f"{response.status} {response.reason}".rstrip(),
                _elapsed_ms(started),
            )
        return response

    def _prepare(
        self, url: str, method: str, json: Any, body: str | bytes | None, options: RequestOptions
    ) -> tuple[str, httpx.URL, dict[str, str], bytes | None]:
        """Method, checked URL, headers (None values dropped) and body of a request, as sent."""
        headers = merge_headers({"User-Agent": USER_AGENT}, options.headers)
        content: bytes | None = None
        default_type: str | None = None
        if json is not MISSING:
            content = json_text(json).encode("utf-8")
            default_type = "application/json"
        elif isinstance(body, str):
            content = body.encode("utf-8")
            default_type = "text/plain;charset=UTF-8"
        elif body is not None:
            content = bytes(body)
        if default_type and not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = default_type
        target = self._target(url, options.params)
        outgoing: dict[str, str] = {}
        for name, value in headers.items():
            if value is None:
                continue
            if "\n" in value or "\r" in value:
                raise IntegrationError(
                    f"The {name} header contains a line break", "INVALID_HEADER", 400
                )
            outgoing[name] = value
        return method.upper(), target, outgoing, content

    def _target(self, url: str, params: Mapping[str, Any] | None) -> httpx.URL:
        """The URL to send to, checked: an absolute http(s) URL, its query replaced by ``params``."""
        try:
            target = _checked_url(url)
            if params is not None:
                target = target.copy_with(params=_query_params(params))
        except (_BadURL, httpx.InvalidURL) as problem:
            shown = redact_url(url, self._secrets)
            raise IntegrationError(
                f"Invalid URL {shown}: {self._secrets.redact(str(problem))}", "INVALID_URL", 400
            ) from None
        return target

    def _log_failure(
        self, request: httpx.Request, started: float, error: Exception, secrets: Secrets
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s failed: %s (%d ms)",
                request.method,
                redact_url(str(request.url), secrets),
                type(error).__name__,
                _elapsed_ms(started),
            )

    def __repr__(self) -> str:
        options = self._options
        return (
            f"RequestClient(headers={header_names(options.headers)}, timeout={options.timeout!r}, "
            f"secrets={self._secrets!r})"
        )


class _BadURL(Exception):
    """Why a URL cannot be sent to (turned into an IntegrationError with the URL redacted)."""


@functools.lru_cache(maxsize=512)
def _checked_url(url: str) -> httpx.URL:
    """Parsed once per distinct URL: destinations send to a handful of endpoints, many times."""
    target = httpx.URL(url)
    if target.scheme not in ("http", "https"):
        raise _BadURL("it must start with http:// or https://")
    if not target.host:
        raise _BadURL("it has no host")
    return target


@functools.lru_cache(maxsize=64)
def _timeout_extension(timeout: float | None) -> dict[str, float | None]:
    return httpx.Timeout(timeout).as_dict()


def _basic_token(username: str | None, password: str | None) -> str:
    credentials = f"{username or ''}:{password or ''}"
    return base64.b64encode(credentials.encode("utf-8")).decode("ascii")


def _query_params(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Query pairs written as JavaScript writes values: ``true``, ``1`` (not ``1.0``).

    None and MISSING leave the parameter out; a list repeats it once per item.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        for item in value if isinstance(value, list | tuple) else (value,):
            if item is None or item is MISSING:
                continue
            if isinstance(item, bool):
                pairs.append((key, "true" if item else "false"))
            elif isinstance(item, int | float):
                pairs.append((key, number_to_string(item)))
            elif isinstance(item, str):
                pairs.append((key, item))
            else:
                raise TypeError(
                    f"query parameter {key!r} must be a string, number, boolean or a list of "
                    f"them, not {type(item).__name__}"
                )
    return pairs


def _raise_delivery_error(
    error: Exception, request: httpx.Request, timeout: float | None, secrets: Secrets
) -> NoReturn:
    """Turn what httpx (or the deadline) raised into the typed error a host acts on."""
    host = secrets.redact(request.url.host)
    reason = secrets.redact(str(error) or type(error).__name__)
    if isinstance(error, httpx.TimeoutException | TimeoutError):
        raise RequestTimeoutError(timeout) from None
    if isinstance(error, httpx.LocalProtocolError):  # we could not even write the request
        raise IntegrationError(f"Cannot send to {host}: {reason}", "INVALID_REQUEST", 400) from None
    if isinstance(error, httpx.TransportError):
        raise ConnectionFailedError(host, reason, code=_os_error_code(error)) from None
    if isinstance(error, httpx.TooManyRedirects):
        raise IntegrationError(
            f"Too many redirects from {host}", "TOO_MANY_REDIRECTS", 400
        ) from None
    if isinstance(error, httpx.HTTPError):  # e.g. a body that does not decode
        raise IntegrationError(
            f"Unreadable answer from {host}: {reason}", "INVALID_RESPONSE", 502
        ) from None
    raise error


def _os_error_code(error: BaseException) -> str:
    """The system's name for a connection failure (``ECONNREFUSED``), found in the cause chain."""
    cause = error.__cause__ or error.__context__
    for _ in range(8):  # httpx wraps httpcore, which wraps the OSError
        if cause is None:
            break
        if isinstance(cause, socket.gaierror):
            return "ENOTFOUND"  # the name Node gives a failed DNS lookup
        if (
            isinstance(cause, OSError)
            and cause.errno is not None
            and cause.errno in errno.errorcode
        ):
            return errno.errorcode[cause.errno]
        cause = cause.__cause__ or cause.__context__
    return "CONNECTION_FAILED"


def _elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
