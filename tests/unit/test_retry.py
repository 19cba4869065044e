"""The retry policy in the request core: what is retried, how long it waits, and what never is."""

from __future__ import annotations

import io

import pytest
import requests
from urllib3.exceptions import MaxRetryError, NewConnectionError

from mastodon import (
    Mastodon,
    MastodonBadGatewayError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonRatelimitError,
    MastodonReadTimeout,
    MastodonServiceUnavailableError,
)
from mastodon._core import RAW
from mastodon._retry import RetryEvent, RetryPolicy, never_reached

BASE = "https://mastodon.example"
STATUS_URL = f"{BASE}/api/v1/statuses/1"


def client(clock, **policy) -> Mastodon:
    events: list[RetryEvent] = []
    settings = {"jitter": 0.0, "on_retry": events.append, **policy}
    api = Mastodon(api_base_url=BASE, access_token="tok-123456", retry_policy=RetryPolicy(**settings))
    api._set_clock(clock)
    api.retry_events = events  # type: ignore[attr-defined]
    return api


def refused() -> requests.exceptions.ConnectionError:
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")  # type: ignore[arg-type]
    return requests.exceptions.ConnectionError(MaxRetryError(None, "/", reason))  # type: ignore[arg-type]


def test_get_is_retried_on_502_with_exponential_backoff(http, clock, example) -> None:
    api = client(clock)
    http.get(STATUS_URL, [{"status_code": 502}, {"status_code": 502}, {"json": example("methods/statuses.md", "get")}])
    assert api.status(1)["id"]
    assert http.call_count == 3
    assert clock.sleeps == [0.5, 1.0]
    assert [event.reason for event in api.retry_events] == ["502 None", "502 None"]  # type: ignore[attr-defined]


def test_retry_after_is_honoured(http, clock, example) -> None:
    api = client(clock)
    http.get(
        STATUS_URL,
        [{"status_code": 503, "headers": {"Retry-After": "7"}}, {"json": example("methods/statuses.md", "get")}],
    )
    api.status(1)
    assert clock.sleeps == [7.0]


def test_a_retry_after_beyond_the_maximum_wait_is_not_waited_for(http, clock) -> None:
    api = client(clock, max_wait=30)
    http.get(STATUS_URL, status_code=503, headers={"Retry-After": "3600"})
    with pytest.raises(MastodonServiceUnavailableError):
        api.status(1)
    assert http.call_count == 1 and clock.sleeps == []


def test_retries_are_bounded(http, clock) -> None:
    api = client(clock, total=2)
    http.get(STATUS_URL, status_code=504)
    with pytest.raises(Exception, match="504"):
        api.status(1)
    assert http.call_count == 3


def test_a_post_without_idempotency_key_is_not_resent_after_it_may_have_arrived(http, clock) -> None:
    api = client(clock)
    http.post(f"{BASE}/api/v1/lists", status_code=502)
    with pytest.raises(MastodonBadGatewayError):
        api._post("/api/v1/lists", RAW, title="x")
    assert http.call_count == 1
    http.post(f"{BASE}/api/v1/lists", exc=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(MastodonReadTimeout):
        api._post("/api/v1/lists", RAW, title="x")
    assert http.call_count == 2


def test_status_post_is_resent_because_it_carries_an_idempotency_key(http, clock, example) -> None:
    api = client(clock)
    http.post(
        f"{BASE}/api/v1/statuses",
        [
            {"exc": requests.exceptions.ConnectionError("Connection reset by peer")},
            {"json": example("methods/statuses.md", "get")},
        ],
    )
    api.status_post("hello")
    keys = [request.headers["Idempotency-Key"] for request in http.request_history]
    assert len(keys) == 2 and keys[0] == keys[1]


def test_a_request_that_never_reached_the_server_is_resent_whatever_its_method(http, clock) -> None:
    api = client(clock)
    http.post(f"{BASE}/api/v1/lists", [{"exc": refused()}, {"json": {"id": "1", "title": "x"}}])
    assert api._post("/api/v1/lists", RAW, title="x") == {"id": "1", "title": "x"}
    assert never_reached(refused())
    assert never_reached(requests.exceptions.ConnectTimeout("connect timed out"))
    assert not never_reached(requests.exceptions.ConnectionError("Connection reset by peer"))
    assert not never_reached(requests.exceptions.ReadTimeout("read timed out"))


def test_read_timeouts_on_reads_are_retried(http, clock, example) -> None:
    api = client(clock)
    http.get(
        STATUS_URL, [{"exc": requests.exceptions.ReadTimeout("slow")}, {"json": example("methods/statuses.md", "get")}]
    )
    api.status(1)
    assert http.call_count == 2


def test_uploads_are_rewound_before_a_retry(http, clock) -> None:
    api = client(clock)
    bodies: list[bytes] = []

    def answer(request, context):  # type: ignore[no-untyped-def]
        bodies.append(request.body if isinstance(request.body, bytes) else request.body.encode())
        if len(bodies) == 1:
            context.status_code = 503
            return {}
        return {"id": "9", "type": "image"}

    http.post(f"{BASE}/api/v2/media", json=answer)
    content = b"\x89PNG\r\n\x1a\n" + b"0123456789" * 10
    upload = io.BytesIO(content)
    api._post("/api/v2/media", RAW, _files={"file": ("a.png", upload, "image/png")}, _headers={"Idempotency-Key": "k"})
    assert len(bodies) == 2 and all(content in body for body in bodies)


def test_retries_can_be_switched_off(http, clock) -> None:
    api = Mastodon(api_base_url=BASE, retry_policy=False)
    api._set_clock(clock)
    http.get(STATUS_URL, exc=refused())
    with pytest.raises(MastodonNetworkError):
        api.status(1)
    assert http.call_count == 1


def test_rate_limit_waits_are_bounded(http, clock) -> None:
    api = client(clock, ratelimit_waits=3)
    http.get(STATUS_URL, status_code=429)
    with pytest.raises(MastodonRatelimitError, match=r"turned GET /api/v1/\S+ away 4 times in a row"):
        api.status(1)
    assert http.call_count == 4


def test_backoff_is_jittered_and_capped() -> None:
    policy = RetryPolicy(backoff_factor=1, jitter=0.5, max_wait=5, random=lambda: 1.0)
    assert policy.backoff(1) == 1.5
    assert policy.backoff(10) == 5
    low = RetryPolicy(backoff_factor=1, jitter=0.5, random=lambda: 0.0)
    assert low.backoff(2) == 1.0


def test_bad_policies_are_refused() -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        RetryPolicy(total=-1)
    with pytest.raises(MastodonIllegalArgumentError):
        RetryPolicy(jitter=2)
