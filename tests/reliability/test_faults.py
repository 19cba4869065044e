"""The fault-injection matrix: every fault kind x every kind of call, against a LocalInstance on 127.0.0.1.

Each cell starts a fresh instance, prepares what the call needs with a clean client, injects one fault
for the call's path, and makes the call with a client whose clock never really sleeps (backoff,
``Retry-After`` and rate-limit waits are recorded, not waited) and whose read timeout is 0.2 s. The
outcome must be either success with exactly one server-side effect, or a typed error from
:mod:`mastodon.errors` (never a raw ``requests`` / ``json`` / ``KeyError``); never a duplicate; never
longer than :data:`BOUND` seconds of wall time; and the access token must appear in no exception text
and no log record (``debug_requests=True``, everything captured at DEBUG).

Outcomes are collected in :data:`RESULTS`; ``test_zz_matrix_summary`` (last in the module) prints the
matrix and writes it to ``reliability-fault-matrix.txt`` under pytest's temporary directory.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from reliability_support import RecordingClock, exception_texts, secrets_in

from mastodon import Mastodon
from mastodon._retry import RetryEvent, RetryPolicy
from mastodon.errors import MastodonError
from mastodon.streaming import StreamListener
from mastodon.testing import LocalInstance

CONNECT_TIMEOUT = 1.0
READ_TIMEOUT = 0.2
STALL = 0.35  # the server's injected delay: past the read timeout
RETRIES = 3
MAX_WAIT = 30.0
RATE_WINDOW = 10.0
BOUND = 3.0  # wall seconds any one call may take; the worst case is 1 + RETRIES read timeouts (0.8 s)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# Fault name -> inst.inject options.
FAULTS: dict[str, dict[str, Any]] = {
    "drop": {"kind": "drop"},
    "drop_mid_body": {"kind": "drop_mid_body"},
    "stall": {"kind": "delay", "delay": STALL},
    "500": {"kind": "status", "status": 500},
    "502": {"kind": "status", "status": 502},
    "503_retry_after": {"kind": "status", "status": 503, "retry_after": 2},
    "504": {"kind": "status", "status": 504},
    "429_reset": {"kind": "status", "status": 429},
    "truncated_json": {"kind": "truncated_json"},
    "html_error": {"kind": "html_error"},
    "empty_body": {"kind": "empty_body"},
    "wrong_content_type": {"kind": "wrong_content_type"},
}
STREAM_FAULTS: dict[str, dict[str, Any]] = {
    "stream_stall": {"kind": "stream_stall"},
    "stream_cut": {"kind": "stream_cut"},
}
CALLS = (
    "read_status",
    "read_home",
    "post_idempotent",
    "post_list",
    "post_favourite",
    "upload",
    "page_next",
    "page_remaining",
    "stream_user",
    "stream_reconnect",
)
STREAM_CALLS = ("stream_user", "stream_reconnect")
UNSAFE_WITHOUT_KEY = ("post_list", "post_favourite", "upload")

_EMPTY = "BUG: a 200 answer with an empty body becomes an empty entity instead of an error"
# Cells that show a bug still open, as strict xfails (empty now: the empty-body cells were fixed by
# making an empty body where an entity is expected a MastodonAPIError).
KNOWN_BUGS: dict[tuple[str, str], str] = {}


@dataclass
class Outcome:
    """What one cell of the matrix came to."""

    result: str  # "ok", "BAD RESULT" (success with a wrong answer) or the error class name
    attempts: int  # requests the server saw for the faulted path
    effect: int | None  # server-side effects of a write (None for reads)
    seconds: float
    secrets: int
    retries: list[RetryEvent] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)  # what the client's clock was asked to sleep

    @property
    def duplicate(self) -> bool:
        return self.effect is not None and self.effect > 1

    def label(self) -> str:
        text = self.result if self.result in ("ok", "BAD RESULT") else self.result.removeprefix("Mastodon")
        text = text.removesuffix("Error") or "Error"
        if self.attempts > 1:
            text += f" x{self.attempts}"
        if self.result != "ok" and self.effect:
            text += " (applied)"
        return text


RESULTS: dict[tuple[str, str], Outcome] = {}


# ---------------------------------------------------------------------------------------------
# The kinds of call


@dataclass
class Prepared:
    """One call ready to be made: the path and method the fault targets, the call, and its checks."""

    path: str
    method: str
    run: Callable[[Mastodon], Any]
    verify: Callable[[Any], None]
    effect: Callable[[], int] | None = None
    stream: bool = False
    fault_options: dict[str, Any] = field(default_factory=dict)
    aborts: list[Exception] = field(default_factory=list)  # errors a stream listener was given


def _count(inst: LocalInstance, table: str, predicate: Callable[[dict[str, Any]], bool]) -> int:
    with inst.state.lock:
        return sum(1 for record in inst.state.table(table).values() if predicate(record))


def _ids(items: Any) -> list[str]:
    return [str(item["id"]) for item in items]


def _prepare(call: str, inst: LocalInstance, setup: Mastodon) -> Prepared:
    alice = inst.account_id("alice")
    if call == "read_status":
        target = str(setup.status_post("read me")["id"])

        def check_status(result: Any) -> None:
            assert str(result["id"]) == target

        return Prepared(r"^/api/v1/statuses/\d+$", "GET", lambda api: api.status(target), check_status)
    if call == "read_home":
        posted = [str(setup.status_post(f"home {n}")["id"]) for n in range(3)]

        def check_home(result: Any) -> None:
            assert _ids(result) == posted[::-1]

        return Prepared(r"^/api/v1/timelines/home$", "GET", lambda api: api.timeline_home(), check_home)
    if call in ("page_next", "page_remaining"):
        posted = [str(setup.status_post(f"page {n}")["id"]) for n in range(5)][::-1]
        first = setup.timeline_home(limit=2)
        assert _ids(first) == posted[:2]
        if call == "page_next":

            def check_next(result: Any) -> None:
                assert _ids(result) == posted[2:4]

            return Prepared(r"^/api/v1/timelines/home$", "GET", lambda api: api.fetch_next(first), check_next)

        def check_all(result: Any) -> None:
            assert _ids(result) == posted

        return Prepared(r"^/api/v1/timelines/home$", "GET", lambda api: api.fetch_remaining(first), check_all)
    if call == "post_idempotent":

        def check_post(result: Any) -> None:
            assert _count(inst, "statuses", lambda r: str(r["id"]) == str(result["id"])) == 1

        return Prepared(
            r"^/api/v1/statuses$",
            "POST",
            lambda api: api.status_post("exactly once"),
            check_post,
            lambda: _count(inst, "statuses", lambda r: r["account_id"] == alice),
        )
    if call == "post_list":

        def check_list(result: Any) -> None:
            assert _count(inst, "lists", lambda r: str(r["id"]) == str(result["id"])) == 1

        return Prepared(
            r"^/api/v1/lists$",
            "POST",
            lambda api: api.list_create("faulted"),
            check_list,
            lambda: _count(inst, "lists", lambda r: r["title"] == "faulted"),
        )
    if call == "post_favourite":
        target = str(setup.status_post("favourite me", visibility="public")["id"])

        def check_favourite(result: Any) -> None:
            assert str(result["id"]) == target and result["favourited"] is True

        return Prepared(
            r"/favourite$",
            "POST",
            lambda api: api.status_favourite(target),
            check_favourite,
            lambda: _count(inst, "favourites", lambda r: str(r["status_id"]) == target),
        )
    if call == "upload":

        def check_upload(result: Any) -> None:
            assert _count(inst, "media", lambda r: str(r["id"]) == str(result["id"])) == 1
            with inst.state.lock:
                assert inst.state.files[str(result["id"])] == PNG, "a resent upload must send the whole file again"

        return Prepared(
            r"^/api/v[12]/media$",
            "POST",
            lambda api: api.media_post(PNG, mime_type="image/png", description="faulted"),
            check_upload,
            lambda: _count(inst, "media", lambda r: r["account_id"] == alice),
        )
    if call == "stream_user":
        return _prepare_stream(inst, setup)
    if call == "stream_reconnect":
        return _prepare_stream_reconnect(inst, setup)
    raise AssertionError(call)


class _Delivered(Exception):
    """Raised by the stream listener once the expected update has arrived, to end a blocking stream."""


class _Listener(StreamListener):
    def __init__(self, stop_on_update: bool) -> None:
        self.stop_on_update = stop_on_update
        self.opened = threading.Event()
        self.delivered = threading.Condition()
        self.updates: list[Any] = []
        self.aborts: list[Exception] = []

    def handle_heartbeat(self) -> None:
        self.opened.set()  # the server's first comment line: the stream is subscribed

    def on_update(self, status: Any) -> None:
        with self.delivered:
            self.updates.append(status)
            self.delivered.notify_all()
        if self.stop_on_update:
            raise _Delivered

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)

    def wait_for(self, count: int, timeout: float) -> bool:
        with self.delivered:
            return self.delivered.wait_for(lambda: len(self.updates) >= count, timeout)


def _prepare_stream(inst: LocalInstance, setup: Mastodon) -> Prepared:
    """A blocking ``stream_user`` (no reconnect): one status posted once it is open must arrive, or a typed error."""
    listener = _Listener(stop_on_update=True)
    posted: list[str] = []

    def poster() -> None:
        if listener.opened.wait(2.0):
            posted.append(str(setup.status_post("streamed")["id"]))

    def run(api: Mastodon) -> Any:
        thread = threading.Thread(target=poster, name="reliability-poster")
        thread.start()
        try:
            api.stream_user(listener, timeout=READ_TIMEOUT)
        except _Delivered:
            return listener.updates
        finally:
            listener.opened.set()  # release the poster if the stream never opened
            thread.join(5)
        raise AssertionError("the stream ended without delivering the update")

    def check_stream(result: Any) -> None:
        assert [str(s["id"]) for s in result] == posted

    return Prepared(r"^/api/v1/streaming/user$", "GET", run, check_stream, stream=True, aborts=listener.aborts)


def _prepare_stream_reconnect(inst: LocalInstance, setup: Mastodon) -> Prepared:
    """``stream_user(run_async=True, reconnect_async=True)``: statuses A (once open) and B (once A arrived)
    must each arrive exactly once, through the fault, reconnecting and catching up as needed."""
    listener = _Listener(stop_on_update=False)
    posted: list[str] = []

    handles: list[Any] = []

    def poster() -> None:
        # Post A once the stream has stayed up for a moment: a status published before anything was
        # delivered, while the first connection is down, is lost (see test_stream_gap_before_first_event).
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            if not listener.opened.wait(0.05):
                continue
            aborts = len(listener.aborts)
            time.sleep(0.1)
            if len(listener.aborts) == aborts and handles and handles[0].is_receiving():
                break
        else:
            return
        posted.append(str(setup.status_post("streamed A")["id"]))
        if listener.wait_for(1, 2.0):
            posted.append(str(setup.status_post("streamed B")["id"]))

    def run(api: Mastodon) -> Any:
        handle = api.stream_user(
            listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05, timeout=READ_TIMEOUT
        )
        handles.append(handle)
        thread = threading.Thread(target=poster, name="reliability-poster")
        thread.start()
        try:
            listener.wait_for(2, BOUND - 1.0)
            time.sleep(0.05)  # room for a duplicate to show up
        finally:
            handle.close()
            handle.join(2.0)
            listener.opened.set()
            thread.join(5)
        for abort in listener.aborts:
            assert isinstance(abort, MastodonError), f"raw {type(abort).__name__} given to on_abort: {abort!r}"
        if len(listener.updates) < 2:
            raise AssertionError(f"the reconnecting stream delivered {len(listener.updates)} of 2 updates")
        return listener.updates

    def check_stream(result: Any) -> None:
        assert [str(s["id"]) for s in result] == posted

    return Prepared(
        r"^/api/v1/streaming/user$",
        "GET",
        run,
        check_stream,
        stream=True,
        fault_options={"after_events": 1},
        aborts=listener.aborts,
    )


# ---------------------------------------------------------------------------------------------
# The matrix


def _cells() -> Iterator[Any]:
    for fault in (*FAULTS, *STREAM_FAULTS):
        for call in CALLS:
            if fault in STREAM_FAULTS and call not in STREAM_CALLS:
                continue
            marks = (
                [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(fault, call)])]
                if (fault, call) in KNOWN_BUGS
                else []
            )
            yield pytest.param(fault, call, id=f"{fault}-{call}", marks=marks)


@pytest.mark.integration
@pytest.mark.parametrize(("fault", "call"), list(_cells()))
def test_fault(fault: str, call: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    options = {**FAULTS, **STREAM_FAULTS}[fault]
    events: list[RetryEvent] = []
    clock = RecordingClock()
    policy = RetryPolicy(total=RETRIES, backoff_factor=0.1, max_wait=MAX_WAIT, jitter=0.0, on_retry=events.append)
    with LocalInstance(rate_window=RATE_WINDOW, heartbeat_interval=0.05) as inst:
        token = inst.token("alice")
        with inst.client("alice") as setup:
            prepared = _prepare(call, inst, setup)
            before = prepared.effect() if prepared.effect else None
            inst.clear_requests()
            with inst.client(
                "alice",
                request_timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                mastodon_version="4.3.0",
                debug_requests=True,
                retry_policy=policy,
            ) as api:
                api._set_clock(clock)
                inst.inject(prepared.path, method=prepared.method, **{**options, **prepared.fault_options})
                result: Any = None
                error: BaseException | None = None
                start = time.monotonic()
                try:
                    result = prepared.run(api)
                except Exception as caught:
                    error = caught
                elapsed = time.monotonic() - start
            if fault == "stall":  # let the server finish the delayed request before counting effects
                time.sleep(max(0.0, STALL + 0.1 - (time.monotonic() - start)))
            effect = prepared.effect() - before if prepared.effect and before is not None else None
            attempts = sum(1 for r in inst.requests if r.method == prepared.method and re.search(prepared.path, r.path))
            requests_seen = inst.requests
            keys = {
                r.headers.get("Idempotency-Key")
                for r in requests_seen
                if r.method == prepared.method and re.search(prepared.path, r.path)
            }

    texts = [*(exception_texts(error) if error is not None else [repr(result)]), caplog.text]
    texts += [record.getMessage() for record in caplog.records]
    for abort in prepared.aborts:
        texts += exception_texts(abort)
    problem: Exception | None = None
    if error is None:
        try:
            prepared.verify(result)
        except (AssertionError, LookupError) as failed:  # an empty entity has no "id": KeyError
            problem = failed
    name = type(error).__name__ if error is not None else "ok" if problem is None else "BAD RESULT"
    outcome = Outcome(name, attempts, effect, elapsed, secrets_in(token, texts), events, list(clock.sleeps))
    RESULTS[(fault, call)] = outcome

    assert any(token in r.headers.get("Authorization", "") for r in requests_seen), "the token was not in play"
    if not prepared.stream:
        assert "mastodon sends" in caplog.text, "debug_requests logged nothing to scan"
    assert outcome.secrets == 0, "the access token leaked into an exception or a log record"
    assert elapsed < BOUND, f"{fault} x {call} took {elapsed:.2f} s"
    assert all(wait <= max(MAX_WAIT, RATE_WINDOW + 1.5) for wait in outcome.waits), outcome.waits
    assert not outcome.duplicate, f"{effect} server-side effects"
    if call == "post_idempotent":
        assert len(keys) == 1 and None not in keys, "every attempt must carry the same Idempotency-Key"
    if call in UNSAFE_WITHOUT_KEY and fault != "429_reset":
        assert attempts == 1, "an unsafe request without an idempotency key was sent again"
    if error is not None:
        assert isinstance(error, MastodonError), f"raw {type(error).__name__} escaped: {error!r}"
        assert effect is None or effect <= 1
        return
    if problem is not None:
        raise problem
    assert effect is None or effect == 1, f"success, but {effect} server-side effects"
    if fault == "503_retry_after" and attempts > 1 and not prepared.stream:
        assert 2.0 in outcome.waits, f"Retry-After: 2 was not honoured: {outcome.waits}"
    if fault == "429_reset" and not prepared.stream:
        assert [w for w in outcome.waits if w > 1] and max(outcome.waits) <= RATE_WINDOW + 1.5, outcome.waits


# ---------------------------------------------------------------------------------------------
# After an ambiguous error, the same idempotency key makes trying again safe


@pytest.mark.integration
@pytest.mark.parametrize("fault", ["drop_mid_body", "truncated_json", "stall"])
def test_a_post_that_failed_after_reaching_the_server_is_retried_once_with_its_key(fault: str) -> None:
    with LocalInstance() as inst:
        alice = inst.account_id("alice")
        with inst.client(
            "alice", request_timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), retry_policy=RetryPolicy(total=0)
        ) as api:
            api._set_clock(RecordingClock())
            inst.inject(r"^/api/v1/statuses$", method="POST", **FAULTS[fault])
            with pytest.raises(MastodonError) as caught:
                api.status_post("ambiguous", idempotency_key="bot-run-42")
            assert inst.token("alice") not in str(caught.value)
            if fault == "stall":
                time.sleep(STALL + 0.1)  # the server finishes the first request
            again = api.status_post("ambiguous", idempotency_key="bot-run-42")
        with inst.state.lock:
            mine = [s for s in inst.state.table("statuses").values() if s["account_id"] == alice]
    assert [str(s["id"]) for s in mine] == [str(again["id"])]


# ---------------------------------------------------------------------------------------------
# Found by the matrix, shown deterministically


@pytest.mark.integration
def test_stream_gap_before_first_event_is_caught_up() -> None:
    with LocalInstance(heartbeat_interval=0.05) as inst, inst.client("alice") as setup:
        posted: list[str] = []
        listener = _Listener(stop_on_update=False)

        def post_in_the_gap(err: Exception) -> None:
            listener.aborts.append(err)
            if not posted:  # called in the stream's thread, after the cut and before reconnecting
                posted.append(str(setup.status_post("published in the gap")["id"]))

        listener.on_abort = post_in_the_gap  # type: ignore[method-assign]
        inst.inject(r"^/api/v1/streaming/user$", "stream_cut", after_events=0)
        with inst.client("alice", request_timeout=(CONNECT_TIMEOUT, READ_TIMEOUT)) as api:
            api._set_clock(RecordingClock())
            handle = api.stream_user(
                listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05, timeout=READ_TIMEOUT
            )
            try:
                listener.wait_for(1, 1.0)
            finally:
                handle.close()
                handle.join(2.0)
        assert len(posted) == 1 and all(isinstance(err, MastodonError) for err in listener.aborts)
        assert [str(s["id"]) for s in listener.updates] == posted


# ---------------------------------------------------------------------------------------------
# The summary: the matrix as a table


def matrix_text() -> str:
    """The outcomes as a fault x call table, with the totals."""
    faults = [f for f in (*FAULTS, *STREAM_FAULTS) if any((f, c) in RESULTS for c in CALLS)]
    calls = [c for c in CALLS if any((f, c) in RESULTS for f in faults)]
    rows = [["fault \\ call", *calls]]
    for fault in faults:
        rows.append([fault, *(RESULTS[(fault, c)].label() if (fault, c) in RESULTS else "-" for c in calls)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    outcomes = list(RESULTS.values())
    ok = sum(1 for o in outcomes if o.result == "ok")
    retried_ok = sum(1 for o in outcomes if o.result == "ok" and o.attempts > 1)
    lines += [
        "",
        f"cells: {len(outcomes)} ({len(faults)} fault kinds x {len(calls)} call kinds, stream-only faults on streams)",
        f"success: {ok} (after retries: {retried_ok}); typed errors: {len(outcomes) - ok}",
        f"errors after the server applied the request: {sum(1 for o in outcomes if o.result != 'ok' and o.effect)}",
        f"duplicates: {sum(1 for o in outcomes if o.duplicate)}",
        f"secrets found in any output: {sum(o.secrets for o in outcomes)}",
        f"slowest cell: {max(o.seconds for o in outcomes):.2f} s (bound {BOUND} s)",
        f"retries (on_retry events): {sum(len(o.retries) for o in outcomes)}",
        f"wrong answers taken for success (known bugs): {sum(1 for o in outcomes if o.result == 'BAD RESULT')}",
        "waits asked of the clock: "
        + "; ".join(
            f"{fault} {sorted({round(w, 1) for (f, _), o in RESULTS.items() if f == fault for w in o.waits})}"
            for fault in ("503_retry_after", "429_reset", "502")
            if any(f == fault for f, _ in RESULTS)
        ),
        "legend: ok = success with one effect; xN = N requests reached the server; "
        "(applied) = typed error although the server applied the request",
    ]
    return "\n".join(lines)


@pytest.fixture(scope="session")
def matrix_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the matrix is written; written again at the end of the session with everything that ran."""
    path = tmp_path_factory.getbasetemp() / "reliability-fault-matrix.txt"
    yield path
    if RESULTS:
        path.write_text(matrix_text() + "\n", encoding="utf-8")


def test_zz_matrix_summary(matrix_file: Path) -> None:
    if not RESULTS:
        pytest.skip("no matrix cell ran (selected alone)")
    text = matrix_text()
    matrix_file.write_text(text + "\n", encoding="utf-8")
    print(f"\n{text}\n(written to {matrix_file})")  # noqa: T201 - the figures of the suite
    assert sum(1 for o in RESULTS.values() if o.duplicate) == 0
    assert sum(o.secrets for o in RESULTS.values()) == 0
