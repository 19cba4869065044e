"""Streaming: the event-stream reader, listeners, the stream_* endpoints, reconnection and catch-up.

Event formats and paths are those of https://docs.joinmastodon.org/methods/streaming/ (the offline copy
in methods/streaming.md); listener behaviour follows Mastodon.py 2.3's streaming.py.
"""

from __future__ import annotations

import io
import json
import threading
import time
import types
from collections.abc import Callable
from typing import Any

import pytest
from doc_fixtures import streaming_events

from mastodon import (
    CallbackStreamListener,
    Mastodon,
    MastodonIllegalArgumentError,
    MastodonMalformedEventError,
    MastodonNetworkError,
    StreamListener,
)
from mastodon._streaming import CatchUp, EventSource, backoff_delay, convert_event, read_sse
from mastodon.return_types import Announcement, Notification, Status, StreamReaction
from mastodon.streaming import SSEStreamHandle, StreamEvent
from mastodon.types_base import AttribAccessDict

BASE = "https://mastodon.example"
STREAMING = "https://streaming.mastodon.example"


def docs_events(anchor: str) -> list[str]:
    """The text event examples of a section of the streaming docs page."""
    return streaming_events(anchor)


def sse(*blocks: str) -> bytes:
    return "".join(block if block.endswith("\n\n") else block.rstrip("\n") + "\n\n" for block in blocks).encode()


class Recorder(StreamListener):
    """Records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.aborts: list[Exception] = []
        self.heartbeats = 0

    def on_update(self, status: Any) -> None:
        self.calls.append(("update", status))

    def on_notification(self, notification: Any) -> None:
        self.calls.append(("notification", notification))

    def on_delete(self, status_id: Any) -> None:
        self.calls.append(("delete", status_id))

    def on_status_update(self, status: Any) -> None:
        self.calls.append(("status.update", status))

    def on_filters_changed(self) -> None:
        self.calls.append(("filters_changed", None))

    def on_announcement(self, annoucement: Any) -> None:
        self.calls.append(("announcement", annoucement))

    def on_announcement_reaction(self, reaction: Any) -> None:
        self.calls.append(("announcement.reaction", reaction))

    def on_announcement_delete(self, annoucement_id: Any) -> None:
        self.calls.append(("announcement.delete", annoucement_id))

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        self.calls.append(("unknown:" + name, unknown_event))

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)

    def handle_heartbeat(self) -> None:
        self.heartbeats += 1


@pytest.fixture
def streaming_api(api: Mastodon, http: Any) -> Mastodon:
    """A client whose instance announces a separate streaming host (as mastodon.social does)."""
    http.get(
        f"{BASE}/api/v2/instance",
        json={"version": "4.3.0", "configuration": {"urls": {"streaming": "wss://streaming.mastodon.example"}}},
    )
    return api


def stream_body(http: Any, path: str, body: bytes, status: int = 200, **extra: Any) -> None:
    http.get(
        STREAMING + path,
        status_code=status,
        body=io.BytesIO(body),
        headers={"Content-Type": "text/event-stream"},
        **extra,
    )


# ---------------------------------------------------------------------------------------------
# Reader and conversion


def test_docs_user_stream_events_become_entities(streaming_api: Mastodon, http: Any) -> None:
    """Every example of {#user}: update, notification, filters_changed, announcement, reaction, delete, edit."""
    stream_body(http, "/api/v1/streaming/user", b":)\n" + sse(*docs_events("user")) + b":thump\n")
    listener = Recorder()
    assert streaming_api.stream_user(listener) is None  # the stream ended cleanly
    kinds = [(name, type(payload)) for name, payload in listener.calls]
    assert kinds == [
        ("update", Status), ("notification", Notification), ("filters_changed", type(None)),
        ("announcement", Announcement), ("announcement.reaction", StreamReaction),
        ("announcement.delete", type(listener.calls[5][1])), ("status.update", Status),
    ]  # fmt: skip
    assert listener.calls[5][1] == "1" and listener.heartbeats == 2 and listener.aborts == []
    request = http.request_history[-1]
    assert request.url == STREAMING + "/api/v1/streaming/user"
    assert request.headers["Authorization"].startswith("Bearer ")


def test_reader_handles_crlf_split_chunks_multiline_data_and_stream_field() -> None:
    body = b'event: update\r\ndata: {"id":\r\ndata: "5"}\r\nstream: ["public"]\r\n\r\n:hb\n'
    response = types.SimpleNamespace(
        iter_content=lambda chunk_size=None: iter([body[i : i + 3] for i in range(0, len(body), 3)])
    )
    items = list(read_sse(response))
    assert items == [("update", '{"id":\n"5"}', ["public"], True), None]
    assert convert_event("update", items[0][1], True) == {"id": "5"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"event: update\ndata: {not json\n\n", "'update'"),
        (b"event: notification\ndata: [1, 2]\n\n", "'notification'"),
        (b"data: {}\n\n", "no event: line"),
        (b"garbage line\n\n", "neither a field nor a comment"),
        (b"event: update\n\n", "'update'"),
        (b'event: update\ndata: {"id": {"x": 1}, "content": "hi"}\n\n', "Status.id should be an id"),
        (b'event: status.update\ndata: {"id": "1", "account": "bob"}\n\n', "Status.account should be"),
        (b'event: notification\ndata: {"id": "1", "status": {"id": [1]}}\n\n', "Notification.status.id"),
        (b'event: conversation\ndata: {"id": "1", "accounts": {"id": "2"}}\n\n', "Conversation.accounts"),
    ],
)
def test_malformed_events_raise_naming_the_event_after_on_abort(
    streaming_api: Mastodon, http: Any, body: bytes, message: str
) -> None:
    stream_body(http, "/api/v1/streaming/public", body)
    listener = Recorder()
    with pytest.raises(MastodonMalformedEventError) as caught:
        streaming_api.stream_public(listener)
    assert message in str(caught.value.args)
    assert listener.aborts == [caught.value]


def test_unknown_events_and_for_stream_handlers() -> None:
    got: list[Any] = []

    class WithStream(StreamListener):
        def on_update(self, status: Any, for_stream: Any = None) -> None:
            got.append(("update", status.id, for_stream))

        def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
            got.append(("any", name, for_stream))

    listener = WithStream()
    listener.handle_websocket_message({"event": "update", "payload": '{"id": "3"}', "stream": ["public"]})
    assert got == [("any", "update", ["public"]), ("update", "3", ["public"])]
    recorder = Recorder()
    recorder._deliver("something.new", convert_event("something.new", b'{"a": {"b": 1}}', True))
    recorder._deliver("other.new", convert_event("other.new", None, False))
    assert recorder.calls[0][0] == "unknown:something.new" and recorder.calls[0][1].a.b == 1
    assert isinstance(recorder.calls[0][1], AttribAccessDict)
    assert recorder.calls[1] == ("unknown:other.new", None)


def test_callback_listener_calls_every_handler() -> None:
    seen: dict[str, list[Any]] = {}

    def keep(name: str) -> Callable[..., None]:
        return lambda *args: seen.setdefault(name, []).append(args)

    listener = CallbackStreamListener(
        update_handler=keep("update"), local_update_handler=keep("local"), delete_handler=keep("delete"),
        notification_handler=keep("notification"), conversation_handler=keep("conversation"),
        unknown_event_handler=keep("unknown"), status_update_handler=keep("edit"),
        filters_changed_handler=keep("filters"), announcement_handler=keep("announcement"),
        announcement_reaction_handler=keep("reaction"), announcement_delete_handler=keep("announcement_delete"),
        encryted_message_handler=keep("encrypted"), notifications_merged_handler=keep("merged"),
    )  # fmt: skip
    events = [
        ("update", '{"id": "1", "account": {"acct": "alice"}}'),
        ("update", '{"id": "2", "account": {"acct": "bob@elsewhere.example"}}'),
        ("delete", "3"), ("notification", '{"id": "4", "type": "follow"}'), ("conversation", '{"id": "5"}'),
        ("status.update", '{"id": "6"}'), ("filters_changed", None), ("announcement", '{"id": "7"}'),
        ("announcement.reaction", '{"name": "x", "count": 1, "announcement_id": "7"}'),
        ("announcement.delete", "7"), ("encrypted_message", "{}"), ("notifications_merged", None), ("new", "{}"),
    ]  # fmt: skip
    for name, data in events:
        listener._deliver(name, convert_event(name, data, data is not None))
    assert [args[0].id for args in seen["update"]] == ["1", "2"]
    assert [args[0].id for args in seen["local"]] == ["1"]
    assert seen["delete"] == [("3",)] and seen["filters"] == [()] and seen["merged"] == [()]
    assert type(seen["notification"][0][0]) is Notification and type(seen["edit"][0][0]) is Status
    assert type(seen["reaction"][0][0]) is StreamReaction and seen["announcement_delete"] == [("7",)]
    assert seen["unknown"][0][0] == "new" and "conversation" in seen and "encrypted" in seen


# ---------------------------------------------------------------------------------------------
# Endpoints: URLs, validation, streaming base


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda api, listener: api.stream_user(listener), "/api/v1/streaming/user"),
        (lambda api, listener: api.stream_user_notifications(listener), "/api/v1/streaming/user/notification"),
        (lambda api, listener: api.stream_public(listener), "/api/v1/streaming/public"),
        (lambda api, listener: api.stream_public(listener, local=True), "/api/v1/streaming/public/local"),
        (
            lambda api, listener: api.stream_public(listener, remote=True, only_media=True),
            "/api/v1/streaming/public/remote?only_media=true",
        ),
        (lambda api, listener: api.stream_local(listener), "/api/v1/streaming/public/local"),
        (
            lambda api, listener: api.stream_hashtag("café", listener, local=True),
            "/api/v1/streaming/hashtag/local?tag=caf%C3%A9",
        ),
        (lambda api, listener: api.stream_list({"id": "12"}, listener), "/api/v1/streaming/list?list=12"),
        (lambda api, listener: api.stream_direct(listener), "/api/v1/streaming/direct"),
    ],
)
def test_stream_paths(streaming_api: Mastodon, http: Any, call: Any, path: str) -> None:
    stream_body(http, path.split("?")[0], b"")
    call(streaming_api, Recorder())
    assert http.last_request.url == STREAMING + path


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.stream_public(Recorder(), local=True, remote=True),
        lambda api: api.stream_hashtag("#python", Recorder()),
        lambda api: api.stream_user(Recorder(), websocket_handle=object()),
        lambda api: api.stream("sideways"),
        lambda api: api.stream("hashtag"),
        lambda api: api.stream("list"),
    ],
)
def test_bad_input_is_refused_before_any_request(api: Mastodon, http: Any, call: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        call(api)
    assert http.call_count == 0


def test_streaming_base_falls_back_to_v1_then_to_the_api_and_is_cached(api: Mastodon, http: Any) -> None:
    http.get(f"{BASE}/api/v2/instance", status_code=404, json={"error": "Not found"})
    http.get(f"{BASE}/api/v1/instance", json={"urls": {"streaming_api": "wss://stream.example:4000/ignored"}})
    assert api._streaming_base() == "https://stream.example:4000"
    assert api._streaming_base() == "https://stream.example:4000"
    assert http.call_count == 2
    api.clear_caches()
    http.get(f"{BASE}/api/v1/instance", json={"urls": {}})
    assert api._streaming_base() == BASE


def test_stream_healthy(streaming_api: Mastodon, http: Any) -> None:
    http.get(STREAMING + "/api/v1/streaming/health", text="OK")
    assert streaming_api.stream_healthy() is True
    http.get(STREAMING + "/api/v1/streaming/health", text="nope")
    assert streaming_api.stream_healthy() is False


def test_connection_refused_raises_network_error(streaming_api: Mastodon, http: Any) -> None:
    stream_body(http, "/api/v1/streaming/user", b"", status=502)
    with pytest.raises(MastodonNetworkError, match="502"):
        streaming_api.stream_user(Recorder())
    http.get(STREAMING + "/api/v1/streaming/public", text="<html>", headers={"Content-Type": "text/html"})
    with pytest.raises(MastodonNetworkError, match="not an event stream"):
        streaming_api.stream_public(Recorder())


# ---------------------------------------------------------------------------------------------
# Reconnection, backoff, catch-up, async handles, the generator


def test_backoff_is_immediate_then_doubles_with_jitter_up_to_a_cap() -> None:
    assert backoff_delay(5, 0) == 0.0
    for attempt, low, high in ((1, 2.5, 5), (2, 5, 10), (3, 10, 20), (30, 150, 300)):
        assert all(low <= backoff_delay(5, attempt) <= high for _ in range(50))


def test_reconnect_catches_up_on_missed_statuses_each_exactly_once(
    streaming_api: Mastodon, http: Any, clock: Any
) -> None:
    """Cut after 1 and 2; the REST catch-up (everything above the oldest id delivered lately) fills the gap."""

    def update(i: int) -> str:
        return "event: update\ndata: " + json.dumps({"id": str(i), "content": str(i)})

    http.get(
        STREAMING + "/api/v1/streaming/public",
        [
            {"body": io.BytesIO(sse(update(11), update(12))), "headers": {"Content-Type": "text/event-stream"}},
            {"status_code": 502, "body": io.BytesIO(b"")},
            {"body": io.BytesIO(sse(update(14), update(15))), "headers": {"Content-Type": "text/event-stream"}},
        ],
    )
    # the first answer is the baseline (the newest item then: 10), the second the catch-up after the cut
    http.get(
        f"{BASE}/api/v1/timelines/public",
        [{"json": [{"id": "10"}]}, {"json": [{"id": "14"}, {"id": "13"}, {"id": "12"}, {"id": "11"}]}],
    )
    source = EventSource.sse(
        streaming_api,
        STREAMING + "/api/v1/streaming/public",
        (CatchUp("update", "/api/v1/timelines/public", "Status"),),
        reconnect=True,
        reconnect_wait_sec=5,
        watchdog=False,
    )
    got: list[str] = []
    aborts: list[Exception] = []
    source.on_abort = aborts.append
    for _, item in source.events():
        if item is not None:
            got.append(item.payload.id)
            assert type(item.payload) is Status
        if len(got) == 5:
            source.close()
    assert got == ["11", "12", "13", "14", "15"]
    timeline = [r for r in http.request_history if r.path == "/api/v1/timelines/public"]
    # the baseline taken on the first connection, then the one catch-up after the cut
    assert [r.qs for r in timeline] == [{"limit": ["40"]}, {"since_id": ["10"], "limit": ["40"]}]
    assert len(aborts) == 1 and "502" in str(aborts[0])
    assert clock.sleeps and all(s <= 5 for s in clock.sleeps)  # no real sleeping, backoff on the fake clock


def test_async_handle_delivers_then_reports_the_end(streaming_api: Mastodon, http: Any) -> None:
    stream_body(http, "/api/v1/streaming/user", sse('event: update\ndata: {"id": "1"}', "event: update\ndata: {oops"))
    listener = Recorder()
    handle = streaming_api.stream_user(listener, run_async=True)
    assert isinstance(handle, SSEStreamHandle)
    handle.join(5)
    assert not handle.is_alive() and not handle.is_receiving()
    assert [name for name, _ in listener.calls] == ["update"]
    assert len(listener.aborts) == 1 and isinstance(listener.aborts[0], MastodonMalformedEventError)
    handle.close()


def test_close_returns_once_the_reader_thread_has_ended(streaming_api: Mastodon, http: Any) -> None:
    """is_alive() right after close() is False, even when the reader was busy in a listener callback."""
    stream_body(
        http, "/api/v1/streaming/user", sse('event: update\ndata: {"id": "1"}', 'event: update\ndata: {"id": "2"}')
    )
    started, release = threading.Event(), threading.Event()

    class Busy(Recorder):
        def on_update(self, status: Any) -> None:
            super().on_update(status)
            started.set()
            release.wait(5)  # still in the callback when close() is called

    handle = streaming_api.stream_user(Busy(), run_async=True)
    assert isinstance(handle, SSEStreamHandle) and started.wait(5)
    shut = handle.source.close

    def shut_then_release() -> None:  # the callback returns only once the stream is shut
        shut()
        release.set()

    handle.source.close = shut_then_release  # type: ignore[method-assign]
    handle.close()
    assert not handle.is_alive() and not handle.is_receiving()


def test_close_from_a_listener_returns_and_the_thread_ends(streaming_api: Mastodon, http: Any) -> None:
    stream_body(
        http, "/api/v1/streaming/user", sse('event: update\ndata: {"id": "1"}', 'event: update\ndata: {"id": "2"}')
    )
    holder: list[SSEStreamHandle] = []
    ready = threading.Event()

    class Closing(Recorder):
        def on_update(self, status: Any) -> None:
            super().on_update(status)
            ready.wait(5)
            holder[0].close()  # on the reader thread: must not wait for itself

    listener = Closing()
    handle = streaming_api.stream_user(listener, run_async=True)
    assert isinstance(handle, SSEStreamHandle)
    holder.append(handle)
    ready.set()
    handle.join(5)
    assert not handle.is_alive() and handle.closed
    assert [p.id for _, p in listener.calls] == ["1"]


def test_generator_form_yields_events(streaming_api: Mastodon, http: Any) -> None:
    stream_body(
        http,
        "/api/v1/streaming/hashtag",
        b":)\n" + sse('event: update\ndata: {"id": "1"}', "event: delete\ndata: 1"),
    )
    events = list(streaming_api.stream("hashtag", tag="python", reconnect=False, heartbeats=True))
    assert events[0] == StreamEvent("heartbeat", None)
    assert [(e.event, type(e.payload).__name__) for e in events[1:]] == [
        ("update", "Status"),
        ("delete", "str"),  # as Mastodon.py hands on_delete
    ]
    assert http.last_request.url == STREAMING + "/api/v1/streaming/hashtag?tag=python"


# ---------------------------------------------------------------------------------------------
# Catch-up, watchdog


def test_catch_up_refused_by_the_server_does_not_stop_the_stream(
    streaming_api: Mastodon, http: Any, caplog: pytest.LogCaptureFixture
) -> None:
    http.get(
        STREAMING + "/api/v1/streaming/hashtag",
        [
            {
                "body": io.BytesIO(sse('event: update\ndata: {"id": "1"}')),
                "headers": {"Content-Type": "text/event-stream"},
            },
            {
                "body": io.BytesIO(sse('event: update\ndata: {"id": "2"}')),
                "headers": {"Content-Type": "text/event-stream"},
            },
        ],
    )
    http.get(f"{BASE}/api/v1/timelines/tag/python", status_code=401, json={"error": "This method requires a token"})
    got = []
    for event in streaming_api.stream("hashtag", tag="python"):
        got.append(event.payload.id)
        if len(got) == 2:
            break
    assert got == ["1", "2"]
    assert "could not fetch missed items" in caplog.text


def test_watchdog_limit_is_learned_from_heartbeats(streaming_api: Mastodon, clock: Any) -> None:
    source = EventSource.sse(streaming_api, STREAMING + "/api/v1/streaming/user", timeout=300, watchdog=False)
    assert source.quiet_limit() == 45.0 and source.heartbeat_interval is None  # Mastodon's 15 s, not yet armed
    for gap in (0.0, 0.001, 10.0, 10.0):  # a burst of two comments on connect must not shrink the limit
        clock.current += gap
        source._heartbeat()
    assert source.heartbeat_interval == 10.0 and source.quiet_limit() == 30.0
    assert EventSource.sse(streaming_api, "x", timeout=20).quiet_limit() == 20.0  # never beyond the read timeout


@pytest.mark.parametrize("reconnect", [False, True])
def test_a_failing_handler_is_reported_not_silent(
    streaming_api: Mastodon, http: Any, caplog: pytest.LogCaptureFixture, reconnect: bool
) -> None:
    body = sse('event: update\ndata: {"id": "1"}', 'event: update\ndata: {"id": "2"}')
    stream_body(http, "/api/v1/streaming/user", body)
    http.get(f"{BASE}/api/v1/timelines/home", json=[])
    http.get(f"{BASE}/api/v1/notifications", json=[])

    class Failing(Recorder):
        def on_update(self, status: Any) -> None:
            super().on_update(status)
            raise ValueError("handler bug")

    listener = Failing()
    handle = streaming_api.stream_user(listener, run_async=True, reconnect_async=reconnect)
    assert handle is not None
    if reconnect:
        deadline = time.monotonic() + 5
        while len(listener.calls) < 2 and time.monotonic() < deadline:
            handle.join(0.01)
        handle.close()
    handle.join(5)
    assert not handle.is_alive()
    assert [p.id for _, p in listener.calls][:2] == (["1", "2"] if reconnect else ["1"])
    assert isinstance(listener.aborts[0], ValueError) and "handler bug" in caplog.text


# ---------------------------------------------------------------------------------------------
# No plain-text streaming where the API is encrypted (or to another host)


@pytest.mark.parametrize(
    ("base", "announced", "why"),
    [
        ("https://mastodon.example", "ws://streaming.mastodon.example", "over https"),
        ("https://mastodon.example", "http://mastodon.example", "over https"),
        ("http://127.0.0.1:3000", "ws://streaming.elsewhere.example", "another host"),
    ],
)
def test_a_plain_streaming_url_is_refused_where_it_would_downgrade(
    http: Any, clock: Any, base: str, announced: str, why: str
) -> None:
    api = Mastodon(api_base_url=base, access_token="the-token")
    http.get(f"{base}/api/v2/instance", json={"configuration": {"urls": {"streaming": announced}}})
    for call in (
        lambda: api.stream_user(Recorder()),
        lambda: api.stream_open_websocket(Recorder()),
        lambda: list(api.stream("public", reconnect=False)),
    ):
        with pytest.raises(MastodonNetworkError, match="unencrypted") as caught:
            call()
        assert why in str(caught.value) and announced.split("://")[1] in str(caught.value)
        assert "the-token" not in str(caught.value)
    assert [r.path for r in http.request_history] == ["/api/v2/instance"]  # nothing went to the stream


@pytest.mark.parametrize(
    ("base", "announced", "expected"),
    [
        ("http://localhost:3000", "ws://localhost:4000", "http://localhost:4000"),
        ("http://127.0.0.1:3000", "ws://127.0.0.1:4000", "http://127.0.0.1:4000"),
        ("https://mastodon.example", "wss://streaming.mastodon.example", "https://streaming.mastodon.example"),
    ],
)
def test_secure_or_same_host_streaming_urls_are_taken(http: Any, base: str, announced: str, expected: str) -> None:
    api = Mastodon(api_base_url=base, access_token="the-token")
    http.get(f"{base}/api/v2/instance", json={"configuration": {"urls": {"streaming": announced}}})
    assert api._streaming_base() == expected


def test_a_status_in_the_baseline_and_on_the_stream_is_delivered_once(api: Mastodon, http: Any) -> None:
    """Posted between the subscription and the baseline request, a status is in both: the stream's push is
    its one delivery (the baseline only marks where catch-up starts), and catch-up never repeats it."""
    from mastodon._streaming import Route

    def page(*ids: str) -> list[dict[str, Any]]:
        return [{"id": i, "content": "", "created_at": "2026-01-01T00:00:00.000Z"} for i in ids]

    http.get(f"{BASE}/api/v1/timelines/home", [{"json": page("12", "11", "10")}, {"json": page("13", "12", "11")}])
    route = Route(("user",), (CatchUp("update", "/api/v1/timelines/home", "Status"),))
    route.take_baseline(api, "test")
    # the stream pushes 12 (posted just before the baseline request): delivered, not dropped as seen
    assert route.seen.first_time("update", {"id": "12"})
    assert not route.seen.first_time("update", {"id": "12"})
    # after a cut, catch-up finds 13 (missed) and 11, 12 again: only 13 is handed out
    missed = list(route.missed(api, "test", threading.Event()))
    assert [event.payload["id"] for event in missed] == ["13"]
