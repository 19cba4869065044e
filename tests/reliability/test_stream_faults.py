"""Streams against hostile and unlucky servers, over both transports (server-sent events and WebSocket).

- An event nested 100,000 levels deep is reported as ``MastodonMalformedEventError`` and the
  reconnecting stream goes on (it used to die of a ``RecursionError``, ``on_abort`` never told); so is
  an event whose fields cannot be their declared types (a status whose id is an object).
- A stream that stalls right after connecting is noticed at three of Mastodon's documented heartbeat
  intervals (45 s, on an injected clock), before any heartbeat gap was measured.
- A status that arrives late with an id older than the newest seen (federation gives a remote status
  an id from its creation time) is caught up after a reconnect, once and in order.

Streaming protocol: https://docs.joinmastodon.org/methods/streaming/.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from reliability_support import RecordingClock

from mastodon import MastodonMalformedEventError, MastodonReadTimeout, StreamListener
from mastodon.return_types import Status
from mastodon.testing import LocalInstance

PATHS = {"sse": r"^/api/v1/streaming/public$", "websocket": r"^/api/v1/streaming$"}


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


class Collector(StreamListener):
    def __init__(self) -> None:
        self.statuses: list[Status] = []
        self.aborts: list[Exception] = []

    def on_update(self, status: Status) -> None:
        self.statuses.append(status)

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.statuses]


@pytest.fixture
def instance() -> Iterator[LocalInstance]:
    with LocalInstance(rate_limit=1_000_000, heartbeat_interval=0.1) as inst:
        yield inst


def open_public(api: Any, transport: str, listener: Collector) -> Any:
    """A reconnecting public stream over ``transport``; returns the handle to close."""
    if transport == "sse":
        return api.stream_public(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
    handle = api.stream_open_websocket(reconnect_async=True, reconnect_async_wait_sec=0.05)
    handle.subscribe("public", listener)
    return handle


def subscribed(instance: LocalInstance) -> Callable[[], bool]:
    return lambda: instance._app.subscriber_count() == 1


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_a_deeply_nested_event_is_reported_and_the_stream_goes_on(instance: LocalInstance, transport: str) -> None:
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = open_public(alice, transport, listener)
    try:
        wait_for(subscribed(instance))
        deep = "[" * 100_000 + "]" * 100_000
        instance._app.broadcast("update", lambda _sub: True, lambda _sub: deep)
        wait_for(lambda: bool(listener.aborts))
        assert isinstance(listener.aborts[0], MastodonMalformedEventError)
        assert "update" in str(listener.aborts[0])
        wait_for(subscribed(instance))  # connected again
        posted = bob.status_post("still streaming").id
        wait_for(lambda: posted in listener.ids)
        assert handle.is_alive()
    finally:
        handle.close()
        handle.join(5)
    assert listener.ids.count(posted) == 1 and not handle.is_alive()


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_an_event_with_a_field_of_the_wrong_type_is_reported_and_the_stream_goes_on(
    instance: LocalInstance, transport: str
) -> None:
    """The request core's field-type check (an id that is an object) runs on stream events too."""
    alice, bob = instance.client("alice"), instance.client("bob")
    listener = Collector()
    handle = open_public(alice, transport, listener)
    try:
        wait_for(subscribed(instance))
        bad = '{"id": {"$oid": "5f1d"}, "content": "<p>odd</p>", "account": {"id": "1"}}'
        instance._app.broadcast("update", lambda _sub: True, lambda _sub: bad)
        wait_for(lambda: bool(listener.aborts))
        assert isinstance(listener.aborts[0], MastodonMalformedEventError)
        assert "'update'" in str(listener.aborts[0]) and "Status.id should be an id" in str(listener.aborts[0])
        assert listener.statuses == []  # the bad event reached no handler
        wait_for(subscribed(instance))
        posted = bob.status_post("still streaming").id
        wait_for(lambda: posted in listener.ids)
        assert handle.is_alive()
    finally:
        handle.close()
        handle.join(5)
    assert listener.ids.count(posted) == 1 and not handle.is_alive()


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_a_stall_right_after_connecting_is_noticed_at_three_documented_heartbeats(transport: str) -> None:
    clock = RecordingClock()
    with LocalInstance(rate_limit=1_000_000, heartbeat_interval=3600) as inst:  # no heartbeat while we watch
        inst.inject(PATHS[transport], "stream_stall", after_events=0, count=1)
        api = inst.client("alice")
        api._set_clock(clock)
        listener = Collector()
        handle = open_public(api, transport, listener)
        try:
            wait_for(subscribed(inst))
            time.sleep(0.3)  # the watchdog looks: 0.3 s of 45 have passed
            assert listener.aborts == []
            clock.current += 44.0
            time.sleep(0.6)
            assert listener.aborts == []  # still within three intervals of 15 s
            clock.current += 2.0
            wait_for(lambda: bool(listener.aborts), timeout=5)
            assert isinstance(listener.aborts[0], MastodonReadTimeout) and "45.0 s" in str(listener.aborts[0])
            posted = inst.client("bob").status_post("after the stall").id
            wait_for(lambda: listener.ids == [posted])  # reconnected (the stall was for one connection)
        finally:
            handle.close()
            handle.join(5)


@pytest.mark.parametrize("transport", ["sse", "websocket"])
def test_a_late_status_with_an_older_id_is_caught_up_once(instance: LocalInstance, transport: str) -> None:
    alice, bob = instance.client("alice"), instance.client("bob")
    instance.inject(PATHS[transport], "stream_cut", after_events=2, count=1)
    listener = Collector()
    handle = open_public(alice, transport, listener)
    try:
        wait_for(subscribed(instance))
        instance.inject(PATHS[transport], "delay", delay=1.0, count=1)  # the reconnect waits
        first, second = bob.status_post("first").id, bob.status_post("second").id
        wait_for(lambda: listener.ids == [first, second] and bool(listener.aborts))
        older = str(int(first) + 1)  # between the two delivered: older than the newest seen
        with instance.state.lock:  # arrives now, by federation, never pushed to the stream
            statuses = instance.state.table("statuses")
            statuses[older] = {**statuses[second], "id": older}
        wait_for(lambda: len(listener.ids) == 3)
        wait_for(subscribed(instance))
        after = bob.status_post("after").id
        wait_for(lambda: len(listener.ids) >= 4)
        time.sleep(0.2)  # anything doubled would arrive now
    finally:
        handle.close()
        handle.join(5)
    assert listener.ids == [first, second, older, after]
