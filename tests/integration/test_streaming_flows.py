"""Streaming over real HTTP: a LocalInstance's server-sent events, cut, stalled and resumed.

Event format and paths: https://docs.joinmastodon.org/methods/streaming/. The stream is cut (and
stalled) by the instance's fault knobs; what is missed while disconnected comes from the REST catch-up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from mastodon import Mastodon, MastodonMalformedEventError, MastodonReadTimeout, StreamListener
from mastodon.return_types import Status
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration

STREAM = r"^/api/v1/streaming/public$"


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


class Collector(StreamListener):
    def __init__(self) -> None:
        self.statuses: list[Status] = []
        self.aborts: list[Exception] = []
        self.heartbeats = 0

    def on_update(self, status: Status) -> None:
        self.statuses.append(status)

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)

    def handle_heartbeat(self) -> None:
        self.heartbeats += 1

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.statuses]


@pytest.fixture
def instance() -> Iterator[LocalInstance]:
    with LocalInstance(rate_limit=1_000_000, heartbeat_interval=0.1) as inst:
        yield inst


def test_a_cut_stream_reconnects_and_catches_up_without_loss_or_doubles(instance: LocalInstance) -> None:
    """Cut after two events; the reconnect is held back while two more are posted; all six arrive once, in order."""
    instance.inject(STREAM, "stream_cut", after_events=2, count=1)
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = alice.stream_public(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        wait_for(handle.is_receiving)
        instance.inject(STREAM, "delay", delay=0.5, count=1)  # the reconnect waits: what is posted now is missed
        posted = [bob.status_post("one").id, bob.status_post("two").id]
        wait_for(lambda: len(listener.aborts) == 1)
        posted += [bob.status_post("three").id, bob.status_post("four").id]
        wait_for(lambda: len(listener.ids) == 4)
        wait_for(handle.is_receiving)
        posted += [bob.status_post("five").id, bob.status_post("six").id]
        wait_for(lambda: len(listener.ids) >= 6)
        time.sleep(0.2)  # anything doubled would arrive now
    finally:
        handle.close()
        handle.join(5)
    assert listener.ids == posted
    assert all(type(s) is Status for s in listener.statuses)
    catch_up = [r for r in instance.requests if r.path == "/api/v1/timelines/public" and "since_id" in r.query]
    # Catch-up reaches back to the oldest id it knows, not the newest: before "one" when the first connection's
    # baseline was read before "one" was posted, "one" itself when a busy machine read it just after.
    assert catch_up and int(catch_up[0].query["since_id"][0]) <= int(posted[0])
    assert not handle.is_alive()


def test_a_stalled_stream_is_noticed_by_the_watchdog(instance: LocalInstance) -> None:
    instance.inject(STREAM, "stream_stall", after_events=1, count=1)
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = alice.stream_public(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        wait_for(lambda: listener.heartbeats >= 3)  # the heartbeat interval is learned
        posted = [bob.status_post("before the stall").id, bob.status_post("during the stall").id]
        wait_for(lambda: len(listener.ids) == 2)
    finally:
        handle.close()
        handle.join(5)
    assert listener.ids == posted
    assert any(isinstance(error, MastodonReadTimeout) and "quiet" in str(error) for error in listener.aborts)


def test_the_generator_form_survives_a_cut(instance: LocalInstance) -> None:
    instance.inject(STREAM, "stream_cut", after_events=1, count=1)
    alice, bob = instance.client("alice"), instance.client("bob")
    posted: list[str] = []
    got: list[str] = []

    def post() -> None:
        for text in ("a", "b", "c"):
            time.sleep(0.15)
            posted.append(bob.status_post(text).id)

    poster = threading.Thread(target=post)
    deadline = time.monotonic() + 10
    for event in alice.stream("public", reconnect_wait_sec=0.05, heartbeats=True):
        if not poster.is_alive() and not posted:
            poster.start()  # subscribed: the first heartbeat has arrived
        if event.event == "update":
            got.append(event.payload.id)
        if len(got) == 3 or time.monotonic() > deadline:
            break
    poster.join(5)
    assert got == posted


class _BadStream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if not self.path.startswith("/api/v1/streaming/"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b':)\nevent: update\ndata: {"id": "1"}\n\nevent: update\ndata: {"id": "2", broken\n\n'
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def bad_server() -> Iterator[str]:
    """A server whose stream has a malformed event (LocalInstance has no knob for that)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BadStream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_malformed_event_is_reported(bad_server: str) -> None:
    with Mastodon(api_base_url=bad_server, access_token="token") as api:
        listener = Collector()
        with pytest.raises(MastodonMalformedEventError, match="update"):
            api.stream_user(listener)
        assert listener.ids == ["1"] and len(listener.aborts) == 1
        quiet = Collector()
        handle = api.stream_user(quiet, run_async=True)
        assert handle is not None
        handle.join(5)
        assert quiet.ids == ["1"] and isinstance(quiet.aborts[0], MastodonMalformedEventError)
        assert not handle.is_alive()


def test_an_async_stream_keeps_trying_until_its_first_connection_as_mastodon_py(instance: LocalInstance) -> None:
    """Without reconnect_async, Mastodon.py 2.3.3's handle still retries the first connection until it is made
    (a bot started while its server is away); after that, a drop ends the stream. Ours reports each failure."""
    instance.inject(STREAM, "status", status=503, count=2)
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = alice.stream_public(listener, run_async=True, reconnect_async_wait_sec=0.05)
    try:
        wait_for(handle.is_receiving)
        posted = bob.status_post("after the outage").id
        wait_for(lambda: listener.ids == [posted])
    finally:
        handle.close()
        handle.join(5)
    assert len(listener.aborts) == 2 and all("503" in str(error) for error in listener.aborts)
    assert not handle.is_alive()


def test_an_async_stream_without_reconnect_ends_when_dropped_after_connecting(instance: LocalInstance) -> None:
    instance.inject(STREAM, "stream_cut", after_events=1, count=1)
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = alice.stream_public(listener, run_async=True, reconnect_async_wait_sec=0.05)
    try:
        wait_for(handle.is_receiving)
        bob.status_post("one")
        wait_for(lambda: not handle.is_alive())
    finally:
        handle.close()
        handle.join(5)
    assert len(listener.ids) == 1 and len(listener.aborts) == 1
