"""The benchmark server: a keep-alive HTTP/1.1 server on 127.0.0.1 serving pre-encoded fixture bytes.

It serves ``/api/v1/statuses/<id>``, ``/api/v1/timelines/home`` (10,000 statuses in ``Link``-paginated
pages of up to 40, honouring ``max_id`` and ``limit``), ``/api/v2/instance`` and ``/api/v1/instance``, and
``/api/v1/streaming/user`` (an event stream of N update events, then the connection closes). Every
body is encoded before the server starts, so its own cost per request is a dictionary look-up and a
socket write; that cost is measured and reported next to the client figures.
"""

from __future__ import annotations

import bisect
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .fixture import Fixture


class _QuietServer(ThreadingHTTPServer):
    """A client that stops reading a stream early resets the connection; that is not an error here."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class BenchmarkServer:
    """Start with ``with BenchmarkServer(statuses=10_000, events=10_000) as server:``."""

    def __init__(self, statuses: int = 10_000, events: int = 10_000, page_size: int = 40) -> None:
        fixture = Fixture()
        all_statuses = fixture.statuses(statuses)
        self.one_status_id = all_statuses[0]["id"]
        self.one_status = json.dumps(all_statuses[0]).encode()
        self.page_size = page_size
        self.encoded = [json.dumps(status).encode() for status in all_statuses]
        self.ids_descending = [int(status["id"]) for status in all_statuses]
        self.ids_ascending = self.ids_descending[::-1]
        # The instance documents are made once the port is known (start): they name the streaming URL.
        self.instance_v2 = self.instance_v1 = b"{}"
        events_out = []
        for number in range(events):
            payload = json.dumps(all_statuses[number % len(all_statuses)])
            events_out.append(b"event: update\ndata: " + payload.encode() + b"\n\n")
            if number % 100 == 0:
                events_out.append(b":thump\n")
        self.stream_body = b"".join(events_out)
        # Mastodon's streaming server sends Transfer-Encoding: chunked, one write (one chunk) per event.
        self.stream_chunked = b"".join(b"%x\r\n%s\r\n" % (len(event), event) for event in events_out) + b"0\r\n\r\n"
        self.stream_framing = "chunked"
        self.server_seconds = 0.0
        self.requests_served = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def page(self, max_id: int | None, limit: int) -> tuple[bytes, int | None]:
        """The body of the page below ``max_id`` and the max_id of the page after it (None at the end)."""
        start = 0
        if max_id is not None:
            # ids_descending is descending; find the first id strictly below max_id
            position = bisect.bisect_left(self.ids_ascending, max_id)
            start = len(self.ids_ascending) - position
        chunk = self.encoded[start : start + limit]
        body = b"[" + b",".join(chunk) + b"]"
        last = start + len(chunk) - 1
        next_max = self.ids_descending[last] if chunk and last + 1 < len(self.encoded) else None
        return body, next_max

    def __enter__(self) -> BenchmarkServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_HEAD(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self) -> None:
                began = time.perf_counter()
                parts = urlsplit(self.path)
                path = parts.path.rstrip("/") or "/"  # Rails routes a trailing slash as without (Mastodon.py sends one)
                extra_headers: dict[str, str] = {}
                if path == "/api/v1/streaming/user":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    chunked = outer.stream_framing == "chunked"
                    if chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                    else:
                        self.send_header("Content-Length", str(len(outer.stream_body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    outer._count(time.perf_counter() - began)
                    self.wfile.write(outer.stream_chunked if chunked else outer.stream_body)
                    self.close_connection = True
                    return
                if path.startswith("/api/v1/statuses/"):
                    body = outer.one_status
                elif path == "/api/v1/timelines/home":
                    query = parse_qs(parts.query)
                    limit = min(int(query.get("limit", ["20"])[0]), 40)
                    max_id = int(query["max_id"][0]) if "max_id" in query else None
                    body, next_max = outer.page(max_id, limit)
                    if next_max is not None:
                        base = f"http://127.0.0.1:{outer._server.server_address[1]}{path}"  # type: ignore[union-attr]
                        extra_headers["Link"] = f'<{base}?limit={limit}&max_id={next_max}>; rel="next"'
                elif path == "/api/v2/instance":
                    body = outer.instance_v2
                elif path == "/api/v1/instance":
                    body = outer.instance_v1
                else:
                    body = b'{"error": "Record not found"}'
                    self.send_response(404)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("X-RateLimit-Limit", "300")
                self.send_header("X-RateLimit-Remaining", "299")
                for key, value in extra_headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
                outer._count(time.perf_counter() - began)

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        # What a Mastodon 4.4 server says of itself, as far as clients read it before streaming: its
        # version, and where its streaming server is (configuration.urls.streaming in v2, urls.streaming_api
        # in v1); here the same host and port as the API.
        streaming = f"ws://127.0.0.1:{self._server.server_address[1]}"
        common = {"version": "4.4.0", "api_versions": {"mastodon": 6}}
        v2 = {"domain": "127.0.0.1", **common, "configuration": {"urls": {"streaming": streaming}}}
        v1 = {"uri": "127.0.0.1", **common, "urls": {"streaming_api": streaming}}
        self.instance_v2, self.instance_v1 = json.dumps(v2).encode(), json.dumps(v1).encode()
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="benchmark-server", daemon=True)
        self._thread.start()

    def _count(self, seconds: float) -> None:
        with self._lock:
            self.server_seconds += seconds
            self.requests_served += 1

    def reset_counters(self) -> None:
        with self._lock:
            self.server_seconds = 0.0
            self.requests_served = 0

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
