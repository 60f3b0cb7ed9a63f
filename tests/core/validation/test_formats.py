"""String formats: what passes, what fails, and the sentence a failure gives (reference §3.4)."""

from __future__ import annotations

import pytest

from actions_core.errors import PayloadValidationError
from actions_core.fields import Field
from actions_core.validation import compile_validator

FORMATS = [
    pytest.param(
        "email",
        ["ann@example.com", "a.b+tag@sub.example.co", "ANN@EXAMPLE.COM"],
        ["ann", "ann@example", "a..b@example.com", "ann@-example.com", "ann @example.com"],
        "email address",
        id="email",
    ),
    pytest.param(
        "uri",
        [
            "https://example.com/a?b=1#c",
            "urn:isbn:0451450523",
            "mailto:ann@example.com",
            "http://[::1]:8080/",
        ],
        ["example.com", "/relative/path", "https://exa mple.com", "http://[not-an-ip]/", "a:"],
        "URI",
        id="uri",
    ),
    pytest.param(
        "uri-reference",
        ["https://example.com/", "/relative/path", "../up", "#fragment", "?q=1", ""],
        ["has space", "http://[zz]/"],
        "URI Reference",
        id="uri-reference",
    ),
    pytest.param(
        "uri-template",
        ["https://api.example.com/users/{id}{?fields*}", "/items/{+path}", "plain"],
        ["{unclosed", "/a b", "{x:0}"],
        "URI-template",
        id="uri-template",
    ),
    pytest.param(
        "hostname",
        ["example.com", "api.example.com.", "localhost", "xn--bcher-kva.example"],
        ["-example.com", "exa_mple.com", "a" * 64 + ".com", ""],
        "hostname",
        id="hostname",
    ),
    pytest.param(
        "ipv4",
        ["192.168.0.1", "0.0.0.0", "255.255.255.255"],
        ["256.1.1.1", "1.2.3", "1.2.3.4.5", "010.0.0.1", "::1"],
        "IPv4 address",
        id="ipv4",
    ),
    pytest.param(
        "ipv6",
        ["2001:db8::1", "::1", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::"],
        ["2001:db8::g", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "192.168.0.1"],
        "IPv6 address",
        id="ipv6",
    ),
    pytest.param(
        "date",
        ["2024-02-29", "1999-12-31"],
        ["2023-02-29", "2024-13-01", "2024-1-5", "20240105", "2024-01-05T00:00:00Z"],
        "date",
        id="date",
    ),
    pytest.param(
        "time",
        ["10:30:00", "10:30:00.25Z", "23:59:60+01:00", "08:00:00-0500"],
        ["24:00:00", "10:30", "10:60:00", "10:30:00 PM"],
        "time",
        id="time",
    ),
    pytest.param(
        "date-time",
        [
            "2024-01-05T10:30:00Z",
            "2024-01-05 10:30:00+02:00",
            "2024-01-05t10:30:00.5z",
            "2024-01-05T10:30:00",
        ],
        ["2024-01-05", "2024-01-05T25:00:00Z", "Jan 5 2024 10:30", "2024-01-05T10:30:00Z extra"],
        "date and time",
        id="date-time",
    ),
    pytest.param(
        "uuid",
        ["123e4567-e89b-12d3-a456-426614174000", "urn:uuid:123E4567-E89B-12D3-A456-426614174000"],
        ["123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}", "xyz"],
        "uuid",
        id="uuid",
    ),
    pytest.param(
        "regex",
        [r"^[a-z]+$", r"(?<year>\d{4})-\k<year>", r"(?<=a)b", ""],
        ["[", "(unclosed", r"a\Z"],
        "regular expression",
        id="regex",
    ),
]


@pytest.mark.parametrize(("format_name", "valid", "invalid", "label"), FORMATS)
def test_format(format_name: str, valid: list[str], invalid: list[str], label: str) -> None:
    # nested, so that "" reaches the format check (a top-level "" is removed before validation)
    value = Field(label="Value", type="string", format=format_name)
    validator = compile_validator({"o": Field(label="O", type="object", properties={"v": value})})

    for text in valid:
        assert validator.validate({"o": {"v": text}}) == {"o": {"v": text}}, text
    for text in invalid:
        with pytest.raises(PayloadValidationError) as raised:
            validator.validate({"o": {"v": text}})
        assert str(raised.value) == f"Value must be a valid {label} string but it was not.", text


@pytest.mark.parametrize("format_name", ["text", "password"])
def test_text_and_password_formats_always_pass(format_name: str) -> None:
    validator = compile_validator({"v": Field(label="Value", type="string", format=format_name)})

    assert validator.validate({"v": "anything \x00 at all"}) == {"v": "anything \x00 at all"}


def test_formats_apply_to_strings_only() -> None:
    validator = compile_validator({"v": Field(label="Value", type="number", format="email")})

    assert validator.validate({"v": 5}) == {"v": 5}


@pytest.mark.parametrize(
    ("field", "payload", "message"),
    [
        pytest.param(
            Field(label="Emails", type="string", multiple=True, format="email"),
            {"f": ["ann@example.com", "bad"]},
            "The value at /f/1 must be a valid email address string but it was not.",
            id="email-items",
        ),
        pytest.param(
            Field(label="Dates", type="datetime", multiple=True),
            {"f": ["not a date"]},
            "The value at /f/0 must be a valid date-like string but it was not.",
            id="datetime-items",
        ),
        pytest.param(
            Field(label="Dates", type="datetime", multiple=True),
            {"f": "not a date"},
            "The value at /f/0 must be a valid date-like string but it was not.",
            id="wrapped-scalar",
        ),
    ],
)
def test_V2_each_item_of_a_multiple_field_is_format_checked(
    field: Field, payload: dict[str, object], message: str
) -> None:
    # Segment leaves the format on the array, so it never checks items: ["bad"] passes there.
    with pytest.raises(PayloadValidationError) as raised:
        compile_validator({"f": field}).validate(payload)

    assert str(raised.value) == message
