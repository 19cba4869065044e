"""One client shared by 8 threads making 2,000 calls against a rate-limited LocalInstance; pacing under load.

The server's rate-limit window is real time, so the clocks here are real too, but short: in ``wait``
mode the client's sleep is capped at the server's window (0.25 s), which is always enough for the
window in which the 429 came to have rolled over. Every wait the client asks for is recorded.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

import pytest

from mastodon import Mastodon
from mastodon._ratelimit import Clock
from mastodon._retry import RetryPolicy
from mastodon.testing import LocalInstance

THREADS = 8
CALLS = 2_000
WINDOW = 0.25
LIMIT = 150  # per window: 600 calls/s allowed, less than 8 threads ask for, so some 429s come back
INJECTED_429 = 8  # and a few more, so that 429s come back however fast this machine is
TIME_LIMIT = 30.0


class CappedClock(Clock):
    """Real time; ``sleep`` records what was asked and really sleeps at most ``cap`` seconds (thread-safe)."""

    def __init__(self, cap: float | None = None) -> None:
        self.cap = cap
        self.sleeps: list[float] = []
        self._guard = threading.Lock()
        super().__init__(now=time.time, sleep=self._sleep)

    def _sleep(self, seconds: float) -> None:
        with self._guard:
            self.sleeps.append(seconds)
        time.sleep(seconds if self.cap is None else min(seconds, self.cap))


class StatusCounter:
    """A ``requests`` response hook counting the statuses the client's transport saw."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self._guard = threading.Lock()

    def __call__(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        with self._guard:
            self.counts[response.status_code] += 1
        return response


def _load_client(inst: LocalInstance, clock: Clock, method: str) -> tuple[Mastodon, StatusCounter]:
    api = inst.client("alice", ratelimit_method=method, mastodon_version="4.4.0", retry_policy=RetryPolicy())
    api._set_clock(clock)
    counter = StatusCounter()
    api.session.hooks["response"].append(counter)
    return api, counter


@pytest.mark.integration
def test_eight_threads_share_one_client_for_2000_calls_under_rate_limits() -> None:
    with LocalInstance() as inst:
        alice = inst.account_id("alice")
        with inst.client("alice") as setup:
            readable = [str(setup.status_post(f"read {n}")["id"]) for n in range(10)]
        clock = CappedClock(cap=WINDOW + 0.02)
        api, counter = _load_client(inst, clock, "wait")
        with inst.state.lock:
            statuses_before = sum(1 for s in inst.state.table("statuses").values() if s["account_id"] == alice)
        inst.set_rate_limit(LIMIT, WINDOW)
        inst.inject(r"^/api/v1/statuses/" + readable[3] + "$", "status", status=429, count=INJECTED_429)
        inst.clear_requests()

        errors: list[BaseException] = []
        done = Counter[str]()
        posted: list[str] = []
        guard = threading.Lock()
        per_thread = CALLS // THREADS

        def worker(index: int) -> None:
            mine = Counter[str]()
            try:
                for n in range(per_thread):
                    k = index * per_thread + n
                    if k % 10 == 0:
                        status = api.status_post(f"load {k}")
                        with guard:
                            posted.append(str(status["id"]))
                        mine["status_post"] += 1
                    elif k % 10 == 1:
                        page = api.timeline_home(limit=2)
                        assert len(page) == 2
                        mine["timeline_home"] += 1
                    else:
                        wanted = readable[k % len(readable)]
                        assert str(api.status(wanted)["id"]) == wanted
                        mine["status"] += 1
            except BaseException as error:  # every failure is collected and shown below
                with guard:
                    errors.append(error)
            with guard:
                done.update(mine)

        start = time.monotonic()
        threads = [threading.Thread(target=worker, args=(i,), name=f"load-{i}") for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIME_LIMIT)
        elapsed = time.monotonic() - start
        api.close()
        server_requests = len(inst.requests)
        with inst.state.lock:
            statuses_after = sum(1 for s in inst.state.table("statuses").values() if s["account_id"] == alice)

    hung = [thread.name for thread in threads if thread.is_alive()]
    throttled = counter.counts[429]
    figures = (
        f"{THREADS} threads x {per_thread} calls = {sum(done.values())} successes in {elapsed:.2f} s "
        f"({sum(done.values()) / elapsed:.0f} calls/s); {dict(done)}; server saw {server_requests} requests, "
        f"{throttled} answered 429; {len(clock.sleeps)} rate-limit waits asked, "
        f"longest {max(clock.sleeps, default=0):.2f} s"
    )
    print("\n" + figures)  # noqa: T201 - the figures of the load test
    assert not hung, f"threads still running: {hung}"
    assert not errors, f"{len(errors)} calls failed, first: {errors[0]!r}"
    assert sum(done.values()) == CALLS, figures
    assert elapsed < TIME_LIMIT, figures
    # Nothing lost, nothing twice: every post is on the server once.
    assert len(posted) == len(set(posted)) == done["status_post"] == CALLS // 10
    assert statuses_after - statuses_before == len(posted)
    # Counts agree: the server saw each call once, plus once more for each 429 it answered.
    assert set(counter.counts) <= {200, 429}, counter.counts
    assert counter.counts[200] == CALLS, counter.counts
    assert server_requests == CALLS + throttled, figures
    # The 429s were occasional, and each one was waited for once, until the announced reset.
    assert INJECTED_429 <= throttled < CALLS // 10, figures
    assert len(clock.sleeps) == throttled, figures
    # Until the announced reset (Date, which corrects it, has 1 s resolution), or the limiter's 2 s fallback
    # when the reset had already passed by the time the 429 was read.
    assert all(0 < wait <= max(WINDOW + 1.05, 2.0) for wait in clock.sleeps), clock.sleeps


@pytest.mark.integration
def test_pace_spreads_a_window_of_calls_over_the_window() -> None:
    # A window several times the Date header's one-second resolution: the client tells a new window from
    # the old one by its reset time, which it knows only to that second (with a one-second window, a
    # new window's reset could pass for the old one's and the pace stayed that of a spent window).
    window, limit = 3.0, 40
    with LocalInstance() as inst:
        clock = CappedClock()
        api, counter = _load_client(inst, clock, "pace")
        inst.set_rate_limit(limit, window)
        start = time.monotonic()
        for _ in range(limit):
            api.instance()
        elapsed = time.monotonic() - start
        api.close()
    paced = sum(clock.sleeps)
    figures = f"pace: {limit} calls in {elapsed:.2f} s, {len(clock.sleeps)} sleeps summing to {paced:.2f} s"
    print("\n" + figures)  # noqa: T201 - the figures of the pacing test
    assert counter.counts[429] == 0, figures
    # The window's budget is spread over the window (W / pacefactor at least, however fast the calls are),
    # and the client never sleeps more than the window plus the one second of the Date header's resolution.
    assert elapsed >= window / api.ratelimit_pacefactor * 0.8, figures
    assert 0 < paced <= window + 1.1, figures


@pytest.mark.integration
def test_pace_keeps_threads_sharing_a_client_under_the_limit() -> None:
    window, limit, threads, each = 1.0, 50, 4, 12  # 1 + 48 calls: within one window's budget
    with LocalInstance() as inst:
        clock = CappedClock()
        api, counter = _load_client(inst, clock, "pace")
        inst.set_rate_limit(limit, window)
        api.instance()  # learn the window before the threads start
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                for _ in range(each):
                    api.instance()
            except BaseException as error:  # collected and shown below
                errors.append(error)

        start = time.monotonic()
        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join(TIME_LIMIT)
        elapsed = time.monotonic() - start
        api.close()
    figures = (
        f"pace, {threads} threads x {each} calls in {elapsed:.2f} s, {counter.counts[429]} 429s, "
        f"{len(clock.sleeps)} sleeps"
    )
    print("\n" + figures)  # noqa: T201 - the figures of the pacing test
    assert not errors, errors[:1]
    assert counter.counts[200] == threads * each + 1, figures
    assert counter.counts[429] == 0, figures
    assert elapsed >= window / api.ratelimit_pacefactor * 0.5, figures
