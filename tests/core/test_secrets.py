"""Secrets: every shape a secret takes on its way out (raw, URL-encoded, JSON-escaped, Base64) is
replaced by ``***``; the values themselves never print."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from actions_core.secrets import RedactingFilter, Secrets


@pytest.mark.parametrize(
    ("secrets", "text", "redacted"),
    [
        (["k3y"], "Bearer k3y", "Bearer ***"),
        (["k3y"], "k3y,k3y;k3y", "***,***;***"),
        (["abc", "abcdef"], "x abcdef y abc", "x *** y ***"),
        (["K-1"], "nothing here", "nothing here"),
        (["ab"], "a cab", "a c***"),
        (["p@ss word/é"], "?k=p%40ss+word%2F%C3%A9", "?k=***"),
        (["p@ss word/é"], "?k=p%40ss%20word/%c3%a9", "?k=***"),
        (["p@ss word/é"], "/p@ss%20word%2f%C3%A9/", "/***/"),
        (['say "hi"\\'], '{"k":"say \\"hi\\"\\\\"}', '{"k":"***"}'),
        (["crème☕"], '{"k":"cr\\u00e8me\\u2615"}', '{"k":"***"}'),
        (["a/b"], '{"k":"a\\/b"}', '{"k":"***"}'),
        ([123456], "id=123456", "id=***"),
        ([1.5], "ratio 1.5", "ratio ***"),
    ],
    ids=[
        "raw",
        "every-occurrence",
        "longest-first",
        "absent",
        "short-secret",
        "query-encoded",
        "percent-encoded-lower-hex",
        "path-mixed-encoding",
        "json-escaped",
        "json-ascii-escaped",
        "json-escaped-slash",
        "integer",
        "float-in-javascript-spelling",
    ],
)
def test_redact_replaces_every_form_of_a_secret(secrets, text, redacted):
    assert Secrets(secrets).redact(text) == redacted


@pytest.mark.parametrize(
    ("header", "redacted"),
    [
        ("Basic OnMzY3IzdC1LM3kh", "Basic On***"),  # ":s3cr3t-K3y!"
        ("Basic dTpzM2NyM3QtSzN5IQ==", "Basic dTp***Q=="),  # "u:s3cr3t-K3y!"
        ("Basic dXM6czNjcjN0LUszeSE=", "Basic dXM6***E="),  # "us:s3cr3t-K3y!"
        ("Basic dXNlOnMzY3IzdC1LM3kh", "Basic dXNlOn***"),  # "use:s3cr3t-K3y!"
        ("Basic czNjcjN0LUszeSE6", "Basic ***E6"),  # "s3cr3t-K3y!:" (the key as username)
        ("czNjcjN0LUszeSE_", "***E_"),  # URL-safe Base64 of "s3cr3t-K3y!?"
    ],
    ids=["offset-0", "offset-2", "offset-0-again", "offset-1", "as-username", "url-safe"],
)
def test_the_base64_of_a_secret_is_redacted_wherever_it_sits_in_basic_auth(header, redacted):
    assert Secrets(["s3cr3t-K3y!"]).redact(header) == redacted


def test_base64_of_very_short_secrets_is_left_alone():
    """Three bytes encode to at most four characters, which unrelated Base64 text contains too often."""
    assert Secrets(["abc"]).redact("Basic dTphYmM=") == "Basic dTphYmM="


def test_the_empty_string_is_not_a_secret():
    secrets = Secrets(["", ""])
    assert not secrets
    assert len(secrets) == 0
    assert secrets.redact("text") == "text"


def test_values_that_are_neither_text_nor_numbers_are_ignored():
    assert len(Secrets([None, True, "k"])) == 1  # type: ignore[list-item]


def test_redact_data_copies_json_like_data_with_secrets_redacted():
    original = {
        "api_key": "K-123",
        "nested": [{"url": "https://x.com/?k=K-123"}, ("K-123", 7, None, True)],
        "K-123": 1.5,
    }
    redacted = Secrets(["K-123"]).redact_data(original)
    assert redacted == {
        "api_key": "***",
        "nested": [{"url": "https://x.com/?k=***"}, ["***", 7, None, True]],
        "***": 1.5,
    }
    redacted["nested"][0]["url"] = "changed"
    assert original["nested"][0] == {"url": "https://x.com/?k=K-123"}


def test_redact_data_without_secrets_still_copies():
    original = {"a": [1, {"b": "c"}]}
    copy = Secrets().redact_data(original)
    assert copy == original
    assert copy is not original
    assert copy["a"] is not original["a"]


def test_secrets_combine_with_or():
    combined = Secrets(["a1b2"]) | Secrets(["c3d4"]) | ["e5f6"]
    assert combined == Secrets(["e5f6", "c3d4", "a1b2"])
    assert combined.redact("a1b2 c3d4 e5f6") == "*** *** ***"
    assert "c3d4" in combined


def test_repr_never_shows_the_values():
    assert repr(Secrets(["hunter2"])) == "Secrets(<1 value>)"
    assert repr(Secrets(["hunter2", "swordfish"])) == "Secrets(<2 values>)"
    assert repr(Secrets()) == "Secrets(<0 values>)"


# Logging


def make_record(
    name: str, message: str, *args: object, exc_info: Any = None, sinfo: str | None = None
) -> logging.LogRecord:
    return logging.getLogger(name).makeRecord(
        name, logging.INFO, __file__, 1, message, args, exc_info, sinfo=sinfo
    )


def test_the_filter_redacts_the_formatted_message_of_our_loggers():
    record = make_record("actions.request", "GET %s with %r", "https://x.com/?k=K-1", {"k": "K-1"})
    assert RedactingFilter(Secrets(["K-1"])).filter(record) is True
    assert record.getMessage() == "GET https://x.com/?k=*** with {'k': '***'}"


def test_the_filter_covers_httpx_and_leaves_other_loggers_alone():
    redacting = RedactingFilter(Secrets(["K-1"]))
    theirs = make_record("httpx", 'HTTP Request: GET https://x.com/?k=K-1 "HTTP/1.1 200 OK"')
    other = make_record("myapp", "K-1 is mine to log")
    assert redacting.filter(theirs) is True
    assert redacting.filter(other) is True
    assert theirs.getMessage() == 'HTTP Request: GET https://x.com/?k=*** "HTTP/1.1 200 OK"'
    assert other.getMessage() == "K-1 is mine to log"


def test_the_filter_covers_only_the_loggers_named():
    record = make_record("actions.cli", "K-1")
    RedactingFilter(Secrets(["K-1"]), loggers=["actionsx"]).filter(record)
    assert record.getMessage() == "K-1"


def test_the_filter_redacts_exception_text_and_stack():
    try:
        raise RuntimeError("token K-1 rejected")
    except RuntimeError as error:
        record = make_record(
            "actions", "failed", exc_info=(type(error), error, error.__traceback__), sinfo="at K-1"
        )
    RedactingFilter(Secrets(["K-1"])).filter(record)
    formatted = logging.Formatter().format(record)
    assert "K-1" not in formatted
    assert formatted.endswith("RuntimeError: token *** rejected\nat ***")


def test_a_handler_with_the_filter_sees_child_loggers_redacted(caplog):
    caplog.handler.addFilter(RedactingFilter(Secrets(["K-1"])))
    logging.getLogger("actions.plugins.acme").warning("sending with %s", "K-1")
    assert [record.getMessage() for record in caplog.records] == ["sending with ***"]
