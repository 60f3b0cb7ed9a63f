"""Timestamps (compat Q9) and names (copied Q3) as Insider receives them."""

from __future__ import annotations

import pytest

from actions_insider.names import normalise_name, underscore_tag
from actions_insider.timestamps import iso_timestamp


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        pytest.param("2024-03-01T12:34:56.789Z", "2024-03-01T12:34:56.789Z", id="iso-unchanged"),
        pytest.param("2024-03-01T12:34:56Z", "2024-03-01T12:34:56.000Z", id="iso-no-millis"),
        pytest.param("2024-03-01T15:34:56.789+03:00", "2024-03-01T12:34:56.789Z", id="offset"),
        pytest.param("2024-03-01T12:34:56.789123Z", "2024-03-01T12:34:56.789Z", id="micros"),
        pytest.param("2024-03-01T12:34:56", "2024-03-01T12:34:56.000Z", id="zone-less-is-utc"),
        pytest.param("2024-03-01", "2024-03-01T00:00:00.000Z", id="date-only"),
        pytest.param("20240301", "2024-03-01T00:00:00.000Z", id="iso-basic-date"),
        pytest.param(1709296496789, "2024-03-01T12:34:56.789Z", id="epoch-milliseconds"),
        pytest.param(1709296496, "2024-03-01T12:34:56.000Z", id="epoch-seconds"),
        pytest.param(1709296496.789, "2024-03-01T12:34:56.789Z", id="epoch-seconds-fraction"),
        pytest.param("1709296496", "2024-03-01T12:34:56.000Z", id="epoch-seconds-text"),
        pytest.param("1709296496789", "2024-03-01T12:34:56.789Z", id="epoch-millis-text"),
        pytest.param(0, "1970-01-01T00:00:00.000Z", id="epoch-zero"),
        pytest.param("Fri, 01 Mar 2024 12:34:56 +0000", "2024-03-01T12:34:56.000Z", id="rfc-2822"),
        pytest.param("Jan 5 2024", "Jan 5 2024", id="other-text-as-given"),
        pytest.param(1e300, "1e+300", id="out-of-range-as-segment"),
    ],
)
def test_timestamps_are_sent_as_iso_8601_utc(value: str | float, sent: str) -> None:
    assert iso_timestamp(value) == sent


@pytest.mark.parametrize(
    ("key", "name"),
    [
        pytest.param("Video Watched", "video_watched", id="spaces"),
        pytest.param("  Padded  ", "padded", id="trimmed"),
        pytest.param("Two  Spaces", "two__spaces", id="each-space"),
        pytest.param("tab\there", "tab\there", id="tab-kept"),
        pytest.param("\u00a0Nbsp\u00a0", "nbsp", id="javascript-trim"),
        pytest.param("already_snake", "already_snake", id="unchanged"),
        pytest.param("Campaign_ID", "campaign_id", id="lower"),
    ],
)
def test_names_are_lower_snake_case_as_segment_writes_them(key: str, name: str) -> None:
    assert normalise_name(key) == name


@pytest.mark.parametrize(
    ("tag", "sent"),
    [
        pytest.param("tr-TR", "tr_TR", id="one-dash"),
        pytest.param("zh-Hant-TW", "zh_Hant_TW", id="every-dash"),
        pytest.param("en", "en", id="none"),
        pytest.param(5, 5, id="not-text"),
    ],
)
def test_language_tags_use_underscores(tag: object, sent: object) -> None:
    assert underscore_tag(tag) == sent
