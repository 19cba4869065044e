"""Streaming as bots do it: a StreamListener subclass, fed recorded bytes and a live stream."""

from __future__ import annotations

import json
import threading
import time

from _common import BASE_URL, TOKENS, show

from mastodon import CallbackStreamListener, Mastodon, StreamListener
from mastodon.errors import MastodonMalformedEventError


def status_json(n: int, text: str) -> dict[str, object]:
    return {
        "id": str(110000000000000000 + n),
        "created_at": "2024-05-01T12:00:00.000Z",
        "edited_at": None,
        "content": f"<p>{text}</p>",
        "visibility": "public",
        "account": {
            "id": "1",
            "username": "bob",
            "acct": "bob",
            "created_at": "2024-01-01T00:00:00.000Z",
            "last_status_at": "2024-05-01",
        },
        "media_attachments": [],
        "mentions": [],
        "reblog": None,
    }


def event(name: str, payload: object, multiline: bool = False) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload, indent=1 if multiline else None)
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {name}\n{lines}\n".encode()


RECORDED = (
    b":thump\n\n"
    + event("update", status_json(1, "first"))
    + event(
        "notification",
        {
            "id": "7",
            "type": "mention",
            "created_at": "2024-05-01T12:00:01.000Z",
            "account": status_json(2, "x")["account"],
            "status": status_json(2, "hello @alice"),
        },
    )
    + b":thump\n\n"
    + event("update", status_json(3, "spread over lines"), multiline=True)
    + event("delete", "110000000000000001")
    + event("status.update", {**status_json(3, "edited"), "edited_at": "2024-05-01T12:05:00.000Z"})
    + event("filters_changed", "undefined")
    + event("something.new", {"a": 1})
)


class FakeResponse:
    """What handle_stream reads: an object with requests' iter_content(chunk_size)."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        self.data, self.sizes = data, sizes

    def iter_content(self, chunk_size: int = 1, decode_unicode: bool = False):
        pos, i = 0, 0
        while pos < len(self.data):
            size = self.sizes[i % len(self.sizes)]
            yield self.data[pos : pos + size]
            pos += size
            i += 1


class Recorder(StreamListener):
    def __init__(self) -> None:
        self.seen: list[object] = []

    def on_update(self, status):
        self.seen.append(
            (
                "update",
                type(status).__name__,
                status.content,
                type(status.created_at).__name__,
                status.account.acct,
                status.edited_at,
            )
        )

    def on_notification(self, notification):
        self.seen.append(("notification", type(notification).__name__, notification.type, notification.status.content))

    def on_delete(self, status_id):
        self.seen.append(("delete", type(status_id).__name__, str(status_id)[-1]))

    def on_status_update(self, status):
        self.seen.append(("status.update", status.content, status.edited_at is not None))

    def on_filters_changed(self):
        self.seen.append(("filters_changed",))

    def on_unknown_event(self, name, unknown_event=None):
        self.seen.append(("unknown", name, unknown_event))

    def handle_heartbeat(self):
        self.seen.append(("heartbeat",))


results = {}
for sizes in ([len(RECORDED)], [1], [7], [64], [3, 50, 11], [1024]):
    listener = Recorder()
    listener.handle_stream(FakeResponse(RECORDED, sizes))
    results[str(sizes if sizes != [len(RECORDED)] else "whole")] = listener.seen
first = next(iter(results.values()))
for name, seen in results.items():
    show(f"chunking {name} same as whole", seen == first)
for item in first:
    show("event", item)

callbacks: list[object] = []
cb = CallbackStreamListener(
    update_handler=lambda s: callbacks.append(("update", s.content)),
    delete_handler=lambda i: callbacks.append(("delete", str(i)[-1])),
    status_update_handler=lambda s: callbacks.append(("edit", s.content)),
    unknown_event_handler=lambda name, ev: callbacks.append(("unknown", name)),
)
cb.handle_stream(FakeResponse(RECORDED, [13]))
show("callback listener", callbacks)

broken = event("update", status_json(9, "ok"))[:-2] + b"\ndata: {not json\n\n"
try:
    Recorder().handle_stream(FakeResponse(broken, [5]))
except MastodonMalformedEventError as e:
    show("malformed", {"class": type(e).__name__, "is ValueError": isinstance(e, ValueError)})
else:
    show("malformed", "no error")

# a live stream against the server
api = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
poster = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)
poster.account_follow(api.me())  # not needed; alice follows bob below
api.account_follow(poster.me())
got = threading.Event()
live: list[object] = []


class Live(StreamListener):
    def on_update(self, status):
        live.append((type(status).__name__, status.content, status.account.acct))
        got.set()


handle = api.stream_user(Live(), run_async=True)
try:
    # both clients connect in the background: wait until the stream is up before posting
    deadline = time.monotonic() + 20
    while not handle.is_receiving() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    poster.status_post("live one")
    got.wait(15)
finally:
    handle.close()
show("live stream", live[:1])
show("handle", {"alive after close": handle.is_alive(), "receiving": handle.is_receiving()})
show("stream healthy", api.stream_healthy())
