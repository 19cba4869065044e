"""Rate limiting: wait, throw and pace, with missing and malformed headers, on an injected clock."""

from __future__ import annotations

import email.utils
import threading

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonRatelimitError
from mastodon._ratelimit import MAX_SINGLE_WAIT, Clock, RateLimiter

URL = "https://mastodon.example/api/v1/statuses/1"


def iso(timestamp: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat()


def http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


def test_headers_are_read_and_exposed(api: Mastodon, http, clock, example) -> None:
    now = clock.current
    http.get(
        URL,
        json=example("methods/statuses.md", "get"),
        headers={
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "299",
            "X-RateLimit-Reset": iso(now + 120),
            "Date": http_date(now),
        },
    )
    api.status(1)
    assert api.ratelimit_limit == 300
    assert api.ratelimit_remaining == 299
    assert api.ratelimit_reset == pytest.approx(now + 120)
    assert api.ratelimit_lastcall == now


def test_reset_is_corrected_for_server_clock_skew(api: Mastodon, http, clock, example) -> None:
    now = clock.current
    server_now = now + 3600  # the server's clock is an hour ahead
    http.get(
        URL,
        json=example("methods/statuses.md", "get"),
        headers={
            "X-RateLimit-Remaining": "5",
            "X-RateLimit-Reset": iso(server_now + 60),
            "Date": http_date(server_now),
        },
    )
    api.status(1)
    assert api.ratelimit_reset == pytest.approx(now + 60)


def test_integer_reset_as_gotosocial_sends_it(api: Mastodon, http, clock, example) -> None:
    reset = int(clock.current) + 90
    http.get(URL, json=example("methods/statuses.md", "get"), headers={"X-RateLimit-Reset": str(reset)})
    api.status(1)
    assert api.ratelimit_reset == pytest.approx(reset)


@pytest.mark.parametrize("method", ["wait", "throw", "pace"])
def test_no_ratelimit_headers_never_crash(http, clock, example, method: str) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", access_token="t0ken-value", ratelimit_method=method)
    api._set_clock(clock)
    http.get(URL, json=example("methods/statuses.md", "get"))
    for _ in range(3):
        api.status(1)
    assert clock.sleeps == []


@pytest.mark.parametrize("method", ["wait", "throw", "pace"])
def test_malformed_headers_are_ignored(http, clock, example, method: str) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method=method)
    api._set_clock(clock)
    http.get(
        URL,
        json=example("methods/statuses.md", "get"),
        headers={"X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "", "X-RateLimit-Reset": "soon", "Date": "?"},
    )
    api.status(1)
    api.status(1)
    assert api.ratelimit_reset is None
    assert clock.sleeps == []


def test_throw_raises_on_429(http, clock) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="throw")
    api._set_clock(clock)
    http.get(URL, status_code=429, json={"error": "Too many requests"})
    with pytest.raises(MastodonRatelimitError):
        api.status(1)
    assert http.call_count == 1


def test_wait_sleeps_until_reset_then_retries(api: Mastodon, http, clock, example) -> None:
    now = clock.current
    http.get(
        URL,
        [
            {
                "status_code": 429,
                "json": {"error": "Too many requests"},
                "headers": {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(now + 42)},
            },
            {"json": example("methods/statuses.md", "get"), "headers": {"X-RateLimit-Remaining": "299"}},
        ],
    )
    status = api.status(1)
    assert status["id"]
    assert clock.sleeps == [pytest.approx(42)]
    assert http.call_count == 2


def test_wait_honours_retry_after(api: Mastodon, http, clock, example) -> None:
    http.get(
        URL,
        [
            {"status_code": 429, "headers": {"Retry-After": "7"}},
            {"json": example("methods/statuses.md", "get")},
        ],
    )
    api.status(1)
    assert clock.sleeps == [pytest.approx(7)]


def test_wait_without_any_reset_backs_off_exponentially(api: Mastodon, http, clock, example) -> None:
    http.get(
        URL,
        [
            {"status_code": 429},
            {"status_code": 429},
            {"status_code": 429},
            {"json": example("methods/statuses.md", "get")},
        ],
    )
    api.status(1)
    assert clock.sleeps == [2, 4, 8]


def test_wait_never_sleeps_more_than_five_minutes_at_once(api: Mastodon, http, clock, example) -> None:
    """A reset further away than the policy's ratelimit_max_wait (300 s) raises at once, naming the reset."""
    http.get(
        URL,
        [
            {"status_code": 429, "headers": {"X-RateLimit-Reset": iso(clock.current + 3 * 3600)}},
            {"json": example("methods/statuses.md", "get")},
        ],
    )
    with pytest.raises(MastodonRatelimitError, match=iso(clock.current + 3 * 3600)[:19]) as raised:
        api.status(1)
    assert "ratelimit_max_wait=300" in str(raised.value)
    assert clock.sleeps == [] and http.call_count == 1
    http.get(
        URL,
        [
            {"status_code": 429, "headers": {"X-RateLimit-Reset": iso(clock.current + MAX_SINGLE_WAIT)}},
            {"json": example("methods/statuses.md", "get")},
        ],
    )
    api.status(1)
    assert clock.sleeps == [MAX_SINGLE_WAIT]


def test_pace_spreads_calls_over_the_window(http, clock, example) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="pace", ratelimit_pacefactor=1.0)
    api._set_clock(clock)
    now = clock.current
    http.get(
        URL,
        json=example("methods/statuses.md", "get"),
        headers={"X-RateLimit-Remaining": "10", "X-RateLimit-Reset": iso(now + 100)},
    )
    api.status(1)
    assert clock.sleeps == []
    api.status(1)
    # 100 s left for 10 calls: one every 10 s.
    assert clock.sleeps == [pytest.approx(10.0)]


def test_pace_waits_for_reset_when_nothing_remains(http, clock, example) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="pace")
    api._set_clock(clock)
    now = clock.current
    http.get(
        URL,
        json=example("methods/statuses.md", "get"),
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(now + 30)},
    )
    api.status(1)
    api.status(1)
    assert clock.sleeps == [pytest.approx(30)]


def test_pace_429_without_reset_raises(http, clock) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="pace")
    api._set_clock(clock)
    http.get(URL, status_code=429)
    with pytest.raises(MastodonRatelimitError, match="reset"):
        api.status(1)


def test_bad_method_and_pacefactor_are_refused() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="ratelimit_method"):
        Mastodon(api_base_url="https://mastodon.example", ratelimit_method="hurry")
    with pytest.raises(MastodonIllegalArgumentError, match="pacefactor"):
        Mastodon(api_base_url="https://mastodon.example", ratelimit_pacefactor=0)
    api = Mastodon(api_base_url="https://mastodon.example")
    with pytest.raises(MastodonIllegalArgumentError):
        api.ratelimit_method = "nope"


def test_limiter_counts_stay_consistent_across_threads() -> None:
    now = [1000.0]
    slept: list[float] = []
    lock = threading.Lock()

    def sleep(seconds: float) -> None:
        with lock:
            slept.append(seconds)

    limiter = RateLimiter("pace", 1.0, Clock(now=lambda: now[0], sleep=sleep))
    limiter.after_response({"X-RateLimit-Remaining": "400", "X-RateLimit-Reset": iso(1100.0)}, ok=True)

    def worker() -> None:
        for _ in range(50):
            limiter.before_request()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Every one of the 400 paced calls was counted exactly once.
    assert limiter.remaining == 0
