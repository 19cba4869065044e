"""A hostile HTTP server on 127.0.0.1 for the reliability suite: it answers with what a broken or malicious
server sends (a body dripped byte by byte, redirects to another origin, JSON nested 100,000 deep, invalid
UTF-8, fields of the wrong type, no answer at all, even the headers dripped) and records every request it receives.

``HostileServer.answer(kind)`` sets how every following request is answered; the tests start one server
as the instance and another as the "elsewhere" origin a redirect points to, and stop both.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DRIP_BYTES = 60  # a complete answer would take DRIP_BYTES * DRIP_GAP = 3 s
DRIP_GAP = 0.05  # each byte comes well within any read timeout, so only a deadline can stop it
DEEP = 100_000

STATUS = {"id": "1", "content": "<p>hello</p>", "created_at": "2024-05-01T12:00:00.000Z", "account": {"id": "2"}}
TOKEN_ANSWER = {"access_token": "new-token-0001", "token_type": "Bearer", "scope": "read write follow push"}

KINDS = (
    "ok",
    "drip_body",
    "drip_headers",
    "stall",
    "deep_json",
    "invalid_utf8",
    "wrong_types",
    "redirect_307_elsewhere",
    "redirect_308_elsewhere",
    "redirect_302_elsewhere",
)


@dataclass
class Seen:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        return f"{self.method} {self.path}\n{self.headers}\n{self.body.decode('latin-1')}"


def _good_body(method: str, path: str) -> Any:
    if path.startswith("/oauth/token"):
        return TOKEN_ANSWER
    if path.startswith("/oauth/revoke"):
        return {}
    if path.startswith("/api/v1/timelines"):
        return [STATUS, {**STATUS, "id": "3"}]
    if path.startswith("/api/v1/accounts") and method == "POST":
        return TOKEN_ANSWER
    return STATUS


def _wrong_body(method: str, path: str) -> Any:
    if path.startswith("/api/v1/timelines"):
        return [STATUS, {**STATUS, "account": "bob"}]
    if path.startswith(("/oauth/", "/api/v1/accounts")):
        return ["not", "an", "object"]
    return {**STATUS, "id": {"nested": True}}


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path
        self.server.record(Seen(self.command, path, dict(self.headers.items()), body))
        kind = self.server.kind
        if kind == "stall":
            self.server.stopping.wait(5.0)
            self.close_connection = True
            return
        if kind.startswith("redirect_"):
            status = int(kind.split("_")[1])
            self.send_response(status)
            self.send_header("Location", f"{self.server.elsewhere}{path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        content_type = "application/json; charset=utf-8"
        if kind == "deep_json":
            payload = b"[" * DEEP + b"]" * DEEP
        elif kind == "invalid_utf8":
            good = _good_body(self.command, path)
            if isinstance(good, dict):
                good = {**good, "note": "MARK"}
            payload = json.dumps(good).encode().replace(b"MARK", b"h\xffllo").replace(b"hello", b"h\xffllo")
        elif kind == "wrong_types":
            payload = json.dumps(_wrong_body(self.command, path)).encode()
        else:
            payload = json.dumps(_good_body(self.command, path)).encode()
        if kind == "drip_body":
            payload = payload + b" " * max(0, DRIP_BYTES - len(payload))
        if kind == "drip_headers":  # the status line and headers themselves, one byte at a time
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nX-Padding: {'x' * DRIP_BYTES}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n"
            ).encode()
            self.close_connection = True
            self._drip(head + payload)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if kind != "drip_body":
            self.wfile.write(payload)
            return
        self.close_connection = True
        self._drip(payload)

    def _drip(self, data: bytes) -> None:
        for byte in data:
            if self.server.stopping.wait(DRIP_GAP):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up: what a deadline is for
                return

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815 - http.server's names

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class HostileServer(ThreadingHTTPServer):
    """A real HTTP server on 127.0.0.1 whose answers ``kind`` chooses (see :data:`KINDS`)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.kind = "ok"
        self.elsewhere = ""
        self.stopping = threading.Event()
        self.seen: list[Seen] = []
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, seen: Seen) -> None:
        with self._guard:
            self.seen.append(seen)

    def answer(self, kind: str) -> None:
        """Answer every following request as ``kind`` says."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.kind = kind
        with self._guard:
            self.seen.clear()

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(2.0)


def wall(function: Any) -> tuple[Any, BaseException | None, float]:
    """``function()``'s result or exception, and the wall seconds it took."""
    started = time.monotonic()
    try:
        return function(), None, time.monotonic() - started
    except BaseException as error:  # reported by the caller
        return None, error, time.monotonic() - started
