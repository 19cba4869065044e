"""The WebSocket side of :class:`~mastodon.testing.LocalInstance`: ``GET /api/v1/streaming`` upgraded per RFC 6455.

Written on the standard library, independently of the client in ``mastodon._websocket`` (so a shared
mistake cannot hide): the server half of the handshake, unmasking client frames, unmasked server
frames, ping / pong / close, and the multiplexed streaming protocol of the Mastodon docs
(``methods/streaming.md``, "Establishing a WebSocket connection"): the client sends
``{"type": "subscribe", "stream": "hashtag", "tag": "foo"}`` (or ``unsubscribe``), the server sends
``{"stream": ["hashtag", "foo"], "event": "update", "payload": "<JSON text>"}`` for each event of each
subscription, and ``{"error": "...", "status": 400}`` for a request it cannot serve. The server pings
every ``heartbeat_interval`` seconds. The ``stream_cut`` fault closes the socket without a close frame
after ``after_events`` events; ``stream_stall`` stops sending anything, pings included.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import queue
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from mastodon.testing._app import App, Subscriber
from mastodon.testing.faults import Fault

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TICK = 0.02
MAX_CLIENT_FRAME = 1 << 20

# Stream names a client may subscribe to, and the parameter each needs.
STREAM_NAMES = {
    "user": None,
    "user:notification": None,
    "public": None,
    "public:media": None,
    "public:local": None,
    "public:local:media": None,
    "public:remote": None,
    "public:remote:media": None,
    "hashtag": "tag",
    "hashtag:local": "tag",
    "list": "list",
    "direct": None,
}
NEEDS_USER = frozenset({"user", "user:notification", "list", "direct"})


def handshake_answer(key: str) -> str:
    """The ``Sec-WebSocket-Accept`` value for the client's ``Sec-WebSocket-Key``."""
    digest = hashlib.sha1((key.strip() + GUID).encode("ascii")).digest()
    return base64.b64encode(digest).decode("ascii")


def server_frame(opcode: int, payload: bytes) -> bytes:
    """An unmasked, final frame, as a server sends them."""
    length = len(payload)
    if length <= 125:
        header = bytes([0x80 | opcode, length])
    elif length <= 0xFFFF:
        header = bytes([0x80 | opcode, 126]) + length.to_bytes(2, "big")
    else:
        header = bytes([0x80 | opcode, 127]) + length.to_bytes(8, "big")
    return header + payload


def read_client_frame(stream: io.BufferedIOBase) -> tuple[int, bool, bytes]:
    """One frame from a client: (opcode, fin, unmasked payload). Raises EOFError at the end, ValueError if unmasked."""

    def exactly(count: int) -> bytes:
        data = stream.read(count)
        if data is None or len(data) < count:
            raise EOFError("the client went away")
        return data

    byte0, byte1 = exactly(2)
    if not byte1 & 0x80:
        raise ValueError("client frames must be masked")
    length = byte1 & 0x7F
    if length == 126:
        length = int.from_bytes(exactly(2), "big")
    elif length == 127:
        length = int.from_bytes(exactly(8), "big")
    if length > MAX_CLIENT_FRAME:
        raise ValueError("client frame too large")
    key = exactly(4)
    body = exactly(length)
    unmasked = bytes(value ^ key[index % 4] for index, value in enumerate(body))
    return byte0 & 0x0F, bool(byte0 & 0x80), unmasked


@dataclass
class _Subscription(Subscriber):
    """One subscription on a socket; its events go to the socket's shared outbox, labelled."""

    label: list[str] = field(default_factory=list)
    outbox: queue.Queue[tuple[list[str], str, str]] | None = None

    def push(self, event: str, data: str) -> None:
        """Queue the event on the socket, labelled with this subscription's stream."""
        if self.outbox is not None:
            self.outbox.put((self.label, event, data))


class WebSocketSession:
    """One upgraded connection: a reader thread for client frames, the calling thread for events and pings."""

    def __init__(
        self,
        app: App,
        sock: socket.socket,
        rfile: io.BufferedIOBase,
        wfile: io.BufferedIOBase,
        account_id: str | None,
        fault: Fault | None,
    ) -> None:
        self.app = app
        self.sock = sock
        self.rfile = rfile
        self.wfile = wfile
        self.account_id = account_id
        self.fault = fault
        self.outbox: queue.Queue[tuple[list[str], str, str]] = queue.Queue()
        self.subscriptions: dict[tuple[str, ...], _Subscription] = {}
        self.write_lock = threading.Lock()
        self.subs_lock = threading.Lock()
        self.done = threading.Event()
        self.sent = 0
        # Replies to a message handled before the 101 went out (the stream named in the query), sent once upgraded.
        self.held: list[dict[str, Any]] | None = []

    # ------------------------------------------------------------------ writing
    def write(self, opcode: int, payload: bytes) -> None:
        with self.write_lock:
            self.wfile.write(server_frame(opcode, payload))
            self.wfile.flush()

    def send_json(self, message: dict[str, Any]) -> None:
        if self.held is not None:
            self.held.append(message)
            return
        self.write(0x1, json.dumps(message).encode("utf-8"))

    # ------------------------------------------------------------------ subscriptions
    def _target(self, message: dict[str, Any]) -> tuple[str, str | None, tuple[str, ...]]:
        name = message.get("stream")
        if not isinstance(name, str) or name not in STREAM_NAMES:
            raise LookupError("Unknown stream type")
        if name in NEEDS_USER and self.account_id is None:
            raise PermissionError("Access token does not have access to the requested stream")
        wanted = STREAM_NAMES[name]
        value: str | None = None
        if wanted is not None:
            raw = message.get(wanted)
            value = None if raw is None else str(raw)
            if not value:
                raise LookupError(f"No {wanted} for stream provided")
            if wanted == "tag":
                value = value.lstrip("#").lower()
            elif self.app.state.table("lists").get(value) is None:
                raise LookupError("Record not found")
        key = (name, value) if value is not None else (name,)
        return name, value, key

    def subscribe(self, message: dict[str, Any]) -> None:
        name, value, key = self._target(message)
        with self.subs_lock:
            if key in self.subscriptions or self.done.is_set():
                return
            sub = _Subscription(
                streams=[name],
                account_id=self.account_id,
                tag=value if name.startswith("hashtag") else None,
                list_id=value if name == "list" else None,
                label=list(key),
                outbox=self.outbox,
            )
            self.subscriptions[key] = sub
            self.app.subscribe(sub)

    def unsubscribe(self, message: dict[str, Any]) -> None:
        _, _, key = self._target(message)
        with self.subs_lock:
            sub = self.subscriptions.pop(key, None)
        if sub is not None:
            self.app.unsubscribe(sub)

    def handle_text(self, text: bytes) -> None:
        try:
            message = json.loads(text)
            if not isinstance(message, dict):
                raise LookupError("Expected a JSON object")
            kind = message.get("type")
            if kind == "subscribe":
                self.subscribe(message)
            elif kind == "unsubscribe":
                self.unsubscribe(message)
            else:
                raise LookupError("Unknown message type")
        except PermissionError as error:
            self.send_json({"error": str(error), "status": 401})
        except (LookupError, ValueError) as error:
            self.send_json({"error": str(error) if isinstance(error, LookupError) else "Bad JSON", "status": 400})

    # ------------------------------------------------------------------ the two loops
    def read_loop(self) -> None:
        """Read client frames until close or error; answer pings, apply (un)subscriptions."""
        parts: list[bytes] = []
        try:
            while not self.done.is_set():
                opcode, fin, payload = read_client_frame(self.rfile)
                if opcode == 0x8:
                    try:
                        self.write(0x8, payload[:2])
                    except OSError:
                        pass
                    break
                if opcode == 0x9:
                    if not self.stalled():
                        self.write(0xA, payload)
                    continue
                if opcode == 0xA:
                    continue
                parts.append(payload)
                if fin:
                    message, parts = b"".join(parts), []
                    self.handle_text(message)
        except (EOFError, OSError, ValueError):
            pass
        finally:
            self.done.set()

    def stalled(self) -> bool:
        fault = self.fault
        return fault is not None and fault.kind == "stream_stall" and self.sent >= fault.after_events

    def drop_subscriptions(self) -> None:
        """End the session's subscriptions (the connection is over, or its upgrade failed)."""
        self.done.set()
        with self.subs_lock:
            subs, self.subscriptions = list(self.subscriptions.values()), {}
        for sub in subs:
            self.app.unsubscribe(sub)

    def accept(self, initial: dict[str, Any]) -> None:
        """Subscribe the stream named in the query before the 101 is sent, so no event after the handshake is missed."""
        self.handle_text(json.dumps(initial).encode())

    def run(self) -> None:
        """Serve until the client leaves, the instance stops or a fault ends the connection."""
        reader = threading.Thread(target=self.read_loop, name="LocalInstance-websocket-reader", daemon=True)
        try:
            held, self.held = self.held or [], None
            for reply in held:
                self.send_json(reply)
            reader.start()
            interval = max(0.005, self.app.settings.heartbeat_interval)
            next_ping = time.monotonic() + interval
            while not self.done.is_set() and not self.app.stop_event.is_set():
                fault = self.fault
                if fault is not None and fault.kind == "stream_cut" and self.sent >= fault.after_events:
                    return  # abrupt: no close frame
                if self.stalled():
                    self.done.wait(TICK)
                    continue
                now = time.monotonic()
                if now >= next_ping:
                    self.write(0x9, b"thump")
                    next_ping = now + interval
                try:
                    label, event, data = self.outbox.get(timeout=max(0.0, min(TICK, next_ping - now)))
                except queue.Empty:
                    continue
                message: dict[str, Any] = {"stream": label, "event": event}
                if event != "filters_changed":
                    message["payload"] = data
                self.send_json(message)
                self.sent += 1
            if self.app.stop_event.is_set():
                self.write(0x8, (1001).to_bytes(2, "big") + b"server going away")
        except OSError:
            return
        finally:
            self.drop_subscriptions()
            try:  # end the reader's blocking read, so the handler can close its files
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            if reader.is_alive():
                reader.join(1)
