"""A chunked event stream over a real connection: read in bulk from the socket, as urllib3 would read it.

A tiny server on 127.0.0.1 answers every connection with fixed bytes (a response head and a chunked
body, whole, damaged or cut), then closes the connection or holds it open until the test ends. Each
test reads the same bytes through the fast path and through urllib3's per-chunk reader (the fast path
switched off) and expects the same events or the same library error.
"""

from __future__ import annotations

import gzip
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
import requests
import urllib3.response

import mastodon._streaming as streaming
from mastodon import MastodonNetworkError, StreamListener
from mastodon._streaming import _shut, read_sse, stream_error
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
BROKE_OFF = "The streaming server broke off the connection in the middle of the stream."


def sse_body(count: int) -> tuple[bytes, list[Any]]:
    """``count`` events of about 4.7 KB with heartbeats between them, and the events read_sse gives for them."""
    out: list[bytes] = []
    events: list[Any] = []
    for number in range(count):
        data = b'{"id": "%d", "content": "%s"}' % (number, b"x" * (4700 + number % 13))
        out.append(b"event: update\ndata: " + data + b"\n\n")
        events.append(("update", data.decode(), None, True))  # read_sse gives the data as text
        if number % 10 == 0:
            out.append(b":thump\n")
            events.append(None)
    return b"".join(out), events


def chunked(payload: bytes, sizes: list[int], end: bytes = b"0\r\nX-Trailer: yes\r\n\r\n") -> bytes:
    """``payload`` framed in chunks of the given sizes, in turn (boundaries fall anywhere in lines and events)."""
    out, pos, turn = [], 0, 0
    while pos < len(payload):
        size = sizes[turn % len(sizes)]
        part = payload[pos : pos + size]
        out.append(b"%x\r\n" % len(part) + part + b"\r\n")
        pos += size
        turn += 1
    return b"".join(out) + end


class RawServer:
    """Answers every connection with ``answer``, then closes it, or holds it open until stopped."""

    def __init__(self, answer: bytes, hold: bool = False) -> None:
        self.answer = answer
        self.hold = hold
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.connections: list[socket.socket] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1/streaming/public"

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            if self.stopping.is_set():  # the knock of __exit__
                connection.close()
                return
            self.connections.append(connection)
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            piece = connection.recv(65536)
            if not piece:
                break
            request += piece
        try:
            connection.sendall(self.answer)
        except OSError:
            pass
        if self.hold:
            self.stopping.wait(10)
        connection.close()

    def __enter__(self) -> RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        with socket.create_connection(("127.0.0.1", self.port), timeout=5):
            pass  # wakes the accept() the server thread waits in
        self.listener.close()
        for connection in self.connections:
            connection.close()
        self.thread.join(5)


def serve(answer: bytes, hold: bool = False) -> RawServer:
    return RawServer(answer, hold)


def fast_and_slow(monkeypatch: pytest.MonkeyPatch, run: Callable[[], Any]) -> tuple[Any, Any]:
    """What ``run`` gives with the fast path, then with urllib3's per-chunk reader."""
    fast = run()
    with monkeypatch.context() as patch:
        patch.setattr(streaming, "_chunked_socket_file", lambda response: None)
        slow = run()
    return fast, slow


def events_at(url: str) -> Any:
    """The events read_sse gives, or the library error standing for what it raised."""
    response = requests.get(url, stream=True, timeout=(5, 5))
    try:
        return list(read_sse(response))
    except Exception as error:
        mapped = stream_error(error)
        return (type(mapped), str(mapped))
    finally:
        response.close()


@pytest.fixture
def no_chunk_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("urllib3's chunk reader was used")

    for name in ("read_chunked", "_update_chunk_length", "_handle_chunk"):
        monkeypatch.setattr(urllib3.response.HTTPResponse, name, never)


def test_events_cut_anywhere_by_chunks_read_as_urllib3_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    payload, expected = sse_body(300)
    body = chunked(payload, [4711, 1, 2, 5000, 37, 9000, 13, 65536 * 3, 6])
    with serve(HEAD + b"\r\n" + body) as server:
        fast, slow = fast_and_slow(monkeypatch, lambda: events_at(server.url))
    assert fast == slow == expected


def test_the_fast_path_is_taken_for_a_plain_chunked_stream(no_chunk_reader: None) -> None:
    payload, expected = sse_body(20)
    with serve(HEAD + b"\r\n" + chunked(payload, [5000])) as server:
        assert events_at(server.url) == expected


def test_a_gzip_stream_is_read_by_urllib3(monkeypatch: pytest.MonkeyPatch) -> None:
    payload, expected = sse_body(20)
    monkeypatch.setattr(streaming, "_dechunked", None)  # calling it would fail
    with serve(HEAD + b"Content-Encoding: gzip\r\n\r\n" + chunked(gzip.compress(payload), [777])) as server:
        assert events_at(server.url) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"1000\r\nevent: update\ndata: {}", id="cut in the middle of a chunk"),
        pytest.param(b"d\r\n:thump\n:thump\n\r\n", id="no last chunk"),
        pytest.param(b"7\r\n:thump\n\r\nzz\r\n", id="garbage size line"),
    ],
)
def test_a_broken_stream_is_the_same_error_as_before(body: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(HEAD + b"\r\n" + body) as server:
        fast, slow = fast_and_slow(monkeypatch, lambda: events_at(server.url))
    assert fast == slow == (MastodonNetworkError, BROKE_OFF)


def test_a_listener_is_told_of_a_cut_as_before_and_has_what_came_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same error; the fast path also hands on what arrived of the chunk that was cut.

    urllib3 reads a chunk whole or not at all, so the complete ``:thump`` line of the cut chunk was
    lost there; the fast path passes payload on as it arrives (as it is read from a body that is not
    chunked), so that line is a heartbeat. An event is still only delivered at its blank line.
    """

    class Aborts(StreamListener):
        def __init__(self) -> None:
            self.seen: list[Any] = []

        def handle_heartbeat(self) -> None:
            self.seen.append("heartbeat")

        def on_abort(self, err: Exception) -> None:
            self.seen.append((type(err), str(err)))

    def run() -> list[Any]:
        listener = Aborts()
        response = requests.get(server.url, stream=True, timeout=(5, 5))
        with pytest.raises(MastodonNetworkError):
            listener.handle_stream(response)
        response.close()
        return listener.seen

    with serve(HEAD + b"\r\n" + b"7\r\n:thump\n\r\n20\r\n:thump\n") as server:
        fast, slow = fast_and_slow(monkeypatch, run)
    assert fast == ["heartbeat", "heartbeat", (MastodonNetworkError, BROKE_OFF)]
    assert slow == ["heartbeat", (MastodonNetworkError, BROKE_OFF)]


def test_a_stream_shut_from_another_thread_ends_its_blocked_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def run() -> Any:
        response = requests.get(server.url, stream=True, timeout=(5, 10))
        first = threading.Event()
        ended: list[Any] = []

        def read() -> None:
            try:
                for _ in read_sse(response, activity=first.set):
                    pass
                ended.append("clean end")
            except Exception as error:
                mapped = stream_error(error)
                ended.append((type(mapped), str(mapped)))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert first.wait(5)  # the first chunk is in: the reader now waits on the socket
        _shut(response)
        reader.join(5)
        assert not reader.is_alive()
        return ended

    with serve(HEAD + b"\r\n" + b"7\r\n:thump\n\r\n", hold=True) as server:
        fast, slow = fast_and_slow(monkeypatch, run)
    assert fast == slow == [(MastodonNetworkError, BROKE_OFF)]


def test_a_finished_body_is_not_waited_past_and_leaves_the_response_closable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server keeps the connection open after the last chunk: the reader ends at the last chunk."""
    payload, expected = sse_body(5)

    def run() -> Any:
        response = requests.get(server.url, stream=True, timeout=(5, 5))
        events = list(read_sse(response))
        released = response.raw.connection is None  # given back to the pool, as urllib3 does
        response.close()
        _shut(response)
        return events, released

    with serve(HEAD + b"\r\n" + chunked(payload, [3000]), hold=True) as server:
        fast, slow = fast_and_slow(monkeypatch, run)
    assert fast == slow == (expected, True)


def test_reads_are_handed_on_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """All the chunks a read brings come out as one piece: fewer pieces than chunks, same bytes."""
    payload, _ = sse_body(100)
    pieces: list[bytes] = []
    with serve(HEAD + b"\r\n" + chunked(payload, [100])) as server:
        response = requests.get(server.url, stream=True, timeout=(5, 5))
        pieces.extend(streaming._chunks(response))
        response.close()
    assert b"".join(pieces) == payload
    assert len(pieces) < len(payload) // 100


class Statuses(StreamListener):
    """Collects statuses; ``alive`` is set at the first sign of life, ``done`` once ``want`` statuses are in."""

    def __init__(self, want: int) -> None:
        self.want = want
        self.ids: list[str] = []
        self.aborts: list[Exception] = []
        self.alive = threading.Event()
        self.done = threading.Event()

    def handle_heartbeat(self) -> None:
        self.alive.set()

    def on_update(self, status: Any) -> None:
        self.ids.append(status.id)
        if len(self.ids) >= self.want:
            self.done.set()

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)


def test_a_client_stream_from_a_local_instance_takes_the_fast_path_across_a_cut(no_chunk_reader: None) -> None:
    with LocalInstance(rate_limit=1_000_000, heartbeat_interval=0.1) as instance:
        instance.inject(r"^/api/v1/streaming/public$", "stream_cut", after_events=2, count=1)
        alice, bob = instance.client("alice"), instance.client("bob")
        listener = Statuses(want=4)
        handle: Any = alice.stream_public(listener, run_async=True, reconnect_async=True, reconnect_async_wait_sec=0.05)
        try:
            assert listener.alive.wait(10)
            posted = [bob.status_post(text).id for text in ("one", "two", "three", "four")]
            assert listener.done.wait(10)
        finally:
            handle.close()
            handle.join(5)
    assert listener.ids == posted
    assert [type(error) for error in listener.aborts] == [MastodonNetworkError]
