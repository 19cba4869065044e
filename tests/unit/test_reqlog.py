"""One DEBUG line per request on the ``mastodon`` logger: method, URL, status, time; no secret."""

from __future__ import annotations

import logging
import re

import pytest
import requests
import requests_mock as requests_mock_module

from mastodon import Mastodon, MastodonNetworkError
from mastodon._reqlog import shown_url

BASE = "https://mastodon.example"
LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (\S+) -> (\d{3}) (.*?) in \d+ ms( \(ratelimit \d+/\d+\))?$")


def request_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "mastodon" and r.levelno == logging.DEBUG]


def test_one_line_per_request_without_debug_requests(
    api: Mastodon, http: requests_mock_module.Mocker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="mastodon")
    http.get(
        f"{BASE}/api/v1/timelines/home",
        json=[],
        headers={"X-RateLimit-Remaining": "299", "X-RateLimit-Limit": "300"},
    )
    http.post(f"{BASE}/api/v1/statuses/1/favourite", json={"id": "1"}, status_code=200)
    api.timeline_home(limit=3)
    api.status_favourite(1)
    lines = request_lines(caplog)
    assert len(lines) == 2
    first, second = (LINE.match(line) for line in lines)
    assert first is not None and second is not None, lines
    assert first.groups()[:4] == ("GET", f"{BASE}/api/v1/timelines/home?limit=3", "200", "OK")
    assert first.group(5) == " (ratelimit 299/300)"
    assert second.groups()[:3] == ("POST", f"{BASE}/api/v1/statuses/1/favourite", "200")
    assert not any(api.access_token in record.getMessage() for record in caplog.records)


def test_errors_and_retries_log_each_attempt(
    api: Mastodon, http: requests_mock_module.Mocker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="mastodon")
    http.get(
        f"{BASE}/api/v1/instance",
        [{"status_code": 503, "json": {"error": "busy"}}, {"status_code": 200, "json": {"uri": "x"}}],
    )
    api.instance_v1()
    statuses = [LINE.match(line).group(3) for line in request_lines(caplog)]  # type: ignore[union-attr]
    assert statuses == ["503", "200"]


def test_a_failed_connection_is_one_line_too(
    api: Mastodon, http: requests_mock_module.Mocker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="mastodon")
    api.retry_policy.total = 0
    http.post(f"{BASE}/api/v1/statuses/1/favourite", exc=requests.exceptions.ReadTimeout)
    with pytest.raises(MastodonNetworkError):
        api.status_favourite(1)
    (line,) = request_lines(caplog)
    assert re.fullmatch(rf"POST {BASE}/api/v1/statuses/1/favourite failed after \d+ ms: ReadTimeout", line)


def test_nothing_is_logged_above_debug(
    api: Mastodon, http: requests_mock_module.Mocker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    http.get(f"{BASE}/api/v1/timelines/home", json=[])
    api.timeline_home()
    assert caplog.records == []


def test_secret_query_values_and_user_info_are_redacted() -> None:
    shown = shown_url("https://user:pw@host.example/api/v1/streaming/user?access_token=abc123&stream=user&types[]=x")
    assert shown == "https://host.example/api/v1/streaming/user?access_token=***&stream=user&types[]=x"
    assert "abc123" not in shown and "pw" not in shown
    assert shown_url("https://host.example/oauth/token?code=zzz&Password=p") == (
        "https://host.example/oauth/token?code=***&Password=***"
    )
