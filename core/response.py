"""What a destination answered, as ``perform`` sees it."""

from __future__ import annotations

import json as jsonlib
import re
from collections.abc import Mapping
from typing import Any, Final, NoReturn

import httpx

from .jsvalues import MISSING, json_text
from .secrets import REDACTED, Secrets

__all__ = ["Response", "redact_url"]

_NO_SECRETS: Final = Secrets()


class Response:
    """What the destination answered.

    ``data`` is the parsed body when the ``Content-Type`` says ``application/json`` (None when that
    body is not valid JSON), else the body text. ``request_json`` is the JSON body that was sent
    (MISSING when none was). ``raw`` is httpx's response, for anything else.
    """

    __slots__ = (
        "data",
        "headers",
        "method",
        "ok",
        "raw",
        "reason",
        "request_json",
        "secrets",
        "status",
        "text",
        "url",
    )

    def __init__(
        self, raw: httpx.Response, *, request_json: Any = MISSING, secrets: Secrets = _NO_SECRETS
    ) -> None:
        self.raw: httpx.Response | None = raw
        self.status: int = raw.status_code
        self.ok: bool = 200 <= raw.status_code < 300
        self.reason: str = raw.reason_phrase
        self.headers: Mapping[str, str] = raw.headers
        self.text: str = raw.text
        self.data: Any = _parse_body(raw.headers.get("content-type", ""), self.text)
        try:
            self.url: str = str(raw.request.url)
            self.method: str = raw.request.method
        except RuntimeError:  # built by hand (in a test) without a request
            self.url, self.method = "", ""
        self.request_json: Any = request_json
        self.secrets = secrets  # redacted wherever this answer is quoted (HTTPError, logs)

    @classmethod
    def local(
        cls,
        status: int,
        data: Any,
        *,
        method: str,
        url: str,
        request_json: Any = MISSING,
        secrets: Secrets = _NO_SECRETS,
    ) -> Response:
        """An answer made in-process (a dry run), with a JSON body, without any httpx object."""
        response = cls.__new__(cls)
        response.raw = None
        response.status = status
        response.ok = 200 <= status < 300
        response.reason = httpx.codes.get_reason_phrase(status)
        response.headers = {"content-type": "application/json"}
        response.text = json_text(data)
        response.data = data
        response.url, response.method = url, method
        response.request_json = request_json
        response.secrets = secrets
        return response

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self.text.encode("utf-8") if self.raw is None else self.raw.content

    def __repr__(self) -> str:
        answer = f"{self.status} {self.reason}".rstrip()
        return f"<Response {answer} {self.method} {redact_url(self.url, self.secrets)}>"


def _parse_body(content_type: str, text: str) -> Any:
    if "application/json" not in content_type.lower():
        return text
    try:
        return jsonlib.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return None


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")  # Python accepts NaN and Infinity; JSON.parse does not


_URL_PASSWORD: Final = re.compile(r"(//[^/?#@:]*:)[^/?#@]*@")


def redact_url(url: str, secrets: Secrets) -> str:
    """The URL with secrets and any ``user:password@`` password replaced by ``***``."""
    return _URL_PASSWORD.sub(rf"\g<1>{REDACTED}@", secrets.redact(url))
