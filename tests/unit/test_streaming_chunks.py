"""``StreamListener.handle_stream`` reads the same events from the same bytes however they are cut.

The expected events are what Mastodon.py 2.3.3's ``handle_stream`` delivered for ``BODY`` (recorded once
from it, with a response whose ``iter_content(chunk_size)`` replays the bytes; it gave the same for
chunks of 1, 2, 7, 64 bytes and the whole body). Mastodon.py stops at ``\\r\\n`` line ends (it takes
the ``\\r`` of an empty line for a malformed line); here they read as ``\\n`` does, as the
event-stream format defines.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mastodon import StreamListener

BODY = (
    b":)\n"
    b"event: update\n"
    b'data: {"id": "101",\n'
    b'data:  "content": "<p>two\\nlines</p>", "created_at": "2024-01-02T03:04:05.000Z"}\n'
    b"\n"
    b"event: delete\n"
    b"data: 102\n"
    b"\n"
    b":thump\n"
    b"event: notification\n"
    b'data: {"id": "103", "type": "follow", "account": {"id": "9", "acct": "x@y"}}\n'
    b"\n"
    b'event: status.update\ndata: {"id": "104", "content": "\xc3\xa9t\xc3\xa9"}\n\n'
    b"event: announcement.delete\ndata: 105\n\n"
    b"event: filters_changed\ndata: undefined\n\n"
    b'event: some.future_event\ndata: {"a": [1, 2]}\n\n'
)

# Recorded from Mastodon.py 2.3.3 for BODY.
EXPECTED: list[list[Any]] = [
    ["heartbeat"],
    ["update", "101", "<p>two\nlines</p>", "2024-01-02T03:04:05+00:00"],
    ["delete", "102"],
    ["heartbeat"],
    ["notification", "103", "follow", "x@y"],
    ["status.update", "104", "\u00e9t\u00e9"],
    ["announcement.delete", "105"],
    ["filters_changed"],
    ["unknown", "some.future_event", {"a": [1, 2]}],
]


class Recorder(StreamListener):
    def __init__(self) -> None:
        self.calls: list[list[Any]] = []

    def on_update(self, status: Any) -> None:
        self.calls.append(["update", status["id"], status["content"], status["created_at"].isoformat()])

    def on_delete(self, status_id: Any) -> None:
        self.calls.append(["delete", str(status_id)])

    def on_notification(self, notification: Any) -> None:
        self.calls.append(["notification", notification["id"], notification["type"], notification["account"]["acct"]])

    def on_status_update(self, status: Any) -> None:
        self.calls.append(["status.update", status["id"], status["content"]])

    def on_announcement_delete(self, annoucement_id: Any) -> None:
        self.calls.append(["announcement.delete", str(annoucement_id)])

    def on_filters_changed(self) -> None:
        self.calls.append(["filters_changed"])

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        self.calls.append(["unknown", name, json.loads(json.dumps(unknown_event))])

    def handle_heartbeat(self) -> None:
        self.calls.append(["heartbeat"])


class Recorded:
    """Not a requests response: only ``iter_content(chunk_size)``, replaying fixed pieces."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces
        self.asked: list[Any] = []

    def iter_content(self, chunk_size: Any) -> Iterator[bytes]:
        self.asked.append(chunk_size)
        yield from self.pieces


def cut(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(body), *(c % (len(body) + 1) for c in cuts)})
    return [body[a:b] for a, b in itertools.pairwise(points)]


def events_of(pieces: list[bytes]) -> list[list[Any]]:
    listener = Recorder()
    response = Recorded(pieces)
    listener.handle_stream(response)
    assert response.asked, "the body was read through iter_content"
    return listener.calls


def test_whole_body_and_byte_by_byte_give_what_mastodonpy_gives() -> None:
    assert events_of([BODY]) == EXPECTED
    assert events_of([BODY[i : i + 1] for i in range(len(BODY))]) == EXPECTED


@settings(max_examples=200, deadline=None)
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=len(BODY)), max_size=40),
    line_end=st.sampled_from([b"\n", b"\r\n", b"\r"]),
)
def test_every_chunking_and_line_end_gives_the_same_events(cuts: list[int], line_end: bytes) -> None:
    body = BODY.replace(b"\n", line_end)
    assert events_of(cut(body, cuts)) == EXPECTED


def test_text_chunks_are_read_as_utf8() -> None:
    assert events_of([BODY.decode("utf-8")[:100].encode(), BODY[100:]]) == EXPECTED
    text = BODY.decode("utf-8")
    response: Any = Recorded([text[:50], text[50:]])  # type: ignore[list-item]
    listener = Recorder()
    listener.handle_stream(response)
    assert listener.calls == EXPECTED


def test_on_delete_gets_a_plain_str_id_as_in_mastodonpy() -> None:
    """Mastodon.py 2.3.3 hands ``on_delete`` a plain ``str``: bare or JSON-quoted, SSE or WebSocket."""
    seen: list[Any] = []

    class Deletes(StreamListener):
        def on_delete(self, status_id: Any) -> None:
            seen.append(status_id)

    Deletes().handle_stream(Recorded([b"event: delete\ndata: 102\n\n", b'event: delete\ndata: "103"\n\n']))
    Deletes().handle_websocket_message({"event": "delete", "payload": "104", "stream": ["user"]})
    assert [(type(i), repr(i)) for i in seen] == [(str, "'102'"), (str, "'103'"), (str, "'104'")]
