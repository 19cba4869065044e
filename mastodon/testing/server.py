"""The HTTP layer: a request handler that parses, authenticates, applies faults and rate limits, routes, and
writes responses or server-sent-event streams; and :class:`LocalInstance`, which owns the server thread."""

from __future__ import annotations

import json
import logging
import queue
import re
import select
import socket
import socketserver
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

# Importing the route modules registers their routes.
import mastodon.testing.routes_accounts
import mastodon.testing.routes_domain_blocks
import mastodon.testing.routes_filters
import mastodon.testing.routes_media
import mastodon.testing.routes_misc
import mastodon.testing.routes_moderation
import mastodon.testing.routes_oauth
import mastodon.testing.routes_push
import mastodon.testing.routes_relations
import mastodon.testing.routes_statuses
import mastodon.testing.routes_tags  # noqa: F401
from mastodon.testing._app import App, RequestRecord, Subscriber
from mastodon.testing._core import (
    BEFORE_REQUEST,
    FLAVOURS,
    ROUTES,
    ApiError,
    Request,
    Response,
    Settings,
    StreamResponse,
    Token,
    UploadedFile,
    json_response,
    match_route,
    scope_allowed,
)
from mastodon.testing.faults import Fault, Faults
from mastodon.testing.state import State, iso_now, password_for
from mastodon.testing.websocket import WebSocketSession, handshake_answer

if TYPE_CHECKING:
    from mastodon import Mastodon

log = logging.getLogger("mastodon.testing")
MAX_BODY = 64 * 1024 * 1024
STREAM_TICK = 0.02
MIN_HEARTBEAT = 0.005
HTML_ERROR_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>"
    "<body><h1>{status} {reason}</h1><hr><center>nginx</center></body></html>\n"
)


def parse_multipart(body: bytes, content_type: str) -> tuple[dict[str, list[str]], dict[str, UploadedFile]]:
    """Split a multipart/form-data body into text fields and files."""
    m = re.search(r'boundary="?([^";]+)"?', content_type)
    if m is None:
        raise ApiError(400, "Error occurred while parsing request parameters.")
    delimiter = b"--" + m.group(1).encode("latin-1")
    fields: dict[str, list[str]] = {}
    files: dict[str, UploadedFile] = {}
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        head, _, data = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        data = data.removesuffix(b"\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        params = dict(re.findall(r'(\w+)="([^"]*)"', headers.get("content-disposition", "")))
        name = params.get("name")
        if not name:
            continue
        if "filename" in params:
            files[name] = UploadedFile(
                params["filename"], headers.get("content-type", "application/octet-stream"), data
            )
        else:
            fields.setdefault(name, []).append(data.decode("utf-8", "replace"))
    return fields, files


def supported_routes() -> list[str]:
    """Every route served, as ``"METHOD /path/{param}"``, in matching order."""
    return [f"{r.method} {r.template}" for r in ROUTES]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    app: App
    owner: LocalInstance

    def server_bind(self) -> None:
        """Bind without the reverse DNS lookup HTTPServer does (it can be slow and is never needed here)."""
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LocalInstance/1.0"
    timeout = 30.0

    @property
    def app(self) -> App:
        return cast(_Server, self.server).app

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr log (it would show tokens in query strings)."""

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        cast(_Server, self.server).owner._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            cast(_Server, self.server).owner._track(self.connection, False)

    def handle(self) -> None:
        try:
            super().handle()
        except (OSError, ValueError):
            self.close_connection = True

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        """HEAD answers as GET without the body (Mastodon.py's ``get_approx_server_time`` sends ``HEAD /``)."""
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    # ----------------------------------------------------------------- reading
    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ApiError(413, "Payload too large")
        if length:
            return self.rfile.read(length)
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            total = 0
            while total <= MAX_BODY:
                size = int(self.rfile.readline().strip().split(b";")[0] or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
                total += size
            return b"".join(chunks)
        return b""

    def _token(self, req: Request) -> str | None:
        auth = req.header("authorization") or ""
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return req.get("access_token")

    # ----------------------------------------------------------------- dispatch
    def _dispatch(self) -> None:
        app = self.app
        split = urllib.parse.urlsplit(self.path)
        path = split.path if split.path == "/" else split.path.rstrip("/") or "/"
        query = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            body = self._read_body()
        except ApiError as exc:
            self.close_connection = True
            self._send(self._error(exc), {})
            return
        app.log_request(RequestRecord(self.command, path, query, dict(self.headers.items()), body))
        req = Request(self.command, path, query, headers, body)
        token_value = self._token(req)
        allowed, remaining, reset = app.limiter.hit(
            token_value or self.client_address[0], app.settings.rate_limit, app.settings.rate_window
        )
        limits = {
            "X-RateLimit-Limit": str(app.settings.rate_limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": iso_now(reset),
        }
        upgrade = path == "/api/v1/streaming" and "websocket" in (headers.get("upgrade") or "").lower()
        is_stream = upgrade or (path.startswith("/api/v1/streaming/") and path != "/api/v1/streaming/health")
        fault = app.faults.take(self.command, path, stream=is_stream)
        if fault is not None and fault.kind == "delay":
            app.stop_event.wait(fault.delay)
            fault = app.faults.take(self.command, path, stream=is_stream, delays=False)
        if fault is not None and fault.kind == "drop":
            self.close_connection = True
            return
        if not allowed:
            self._send(json_response({"error": "Too many requests"}, 429), limits)
            return
        if fault is not None and fault.kind in ("status", "html_error", "empty_body"):
            self._send(self._fault_response(fault), limits)
            return
        if upgrade:
            self._websocket(req, limits, fault)
            return
        try:
            for hook in BEFORE_REQUEST:
                hook(app)
            result = self._route(req)
        except ApiError as exc:
            result = self._error(exc)
        except Exception:
            log.exception("LocalInstance: handler for %s %s failed", self.command, path)
            result = json_response({"error": "We're sorry, but something went wrong on our end."}, 500)
        if isinstance(result, StreamResponse) and self.command == "HEAD":
            result = Response(200, b"", "text/event-stream")
        if isinstance(result, StreamResponse):
            self._stream(result, limits, fault)
            return
        if fault is not None:
            self._send_faulty(result, limits, fault)
            return
        self._send(result, limits)

    def _route(self, req: Request) -> Response | StreamResponse:
        app = self.app
        content_type = (req.header("content-type") or "").lower()
        if req.body:
            if content_type.startswith("application/json"):
                try:
                    parsed = json.loads(req.body)
                except ValueError:
                    raise ApiError(400, "Error occurred while parsing request parameters.") from None
                req.json = parsed if isinstance(parsed, dict) else None
            elif content_type.startswith("multipart/form-data"):
                req.form, req.files = parse_multipart(req.body, content_type)
            else:
                req.form = urllib.parse.parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True)
        found = match_route("GET" if req.method == "HEAD" else req.method, req.path)
        if not isinstance(found, tuple):
            raise ApiError(404, "Record not found")
        route, req.params = found
        token_value = self._token(req)
        if token_value:
            with app.state.lock:
                record = app.state.table("tokens").get(token_value)
                if record is None or record.get("revoked"):
                    raise ApiError(app.flavour.bad_token_status, "The access token is invalid")
                req.token = Token(record["value"], record["account_id"], record["client_id"], list(record["scopes"]))
        if req.token is None and route.auth:
            raise ApiError(401, "The access token is invalid")
        if req.token is not None and route.scope is not None and not scope_allowed(req.token.scopes, route.scope):
            raise ApiError(403, "This action is outside the authorized scopes")
        if req.token is not None and route.auth and route.user and req.token.account_id is None:
            raise ApiError(422, "This method requires an authenticated user")
        return route.handler(app, req)

    @staticmethod
    def _error(exc: ApiError) -> Response:
        return json_response(exc.body(), exc.status, exc.headers)

    # ----------------------------------------------------------------- writing
    def _send(self, resp: Response, limits: dict[str, str], *, content_type: str | None = None) -> None:
        self._head(resp.status, content_type or resp.content_type, len(resp.body), {**limits, **resp.headers})
        if self.command != "HEAD":
            self.wfile.write(resp.body)
        self.wfile.flush()

    def _head(self, status: int, content_type: str, length: int | None, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def _fault_response(self, fault: Fault) -> Response:
        status = fault.status or {"status": 500, "html_error": 502, "empty_body": 200}[fault.kind]
        reason = self.responses.get(status, ("Error",))[0]
        if fault.kind == "html_error":
            page = HTML_ERROR_PAGE.format(status=status, reason=reason)
            return Response(status, page.encode(), "text/html; charset=utf-8")
        if fault.kind == "empty_body":
            return Response(status, b"", "application/json; charset=utf-8")
        headers = {"Retry-After": str(fault.retry_after)} if status == 503 else {}
        return json_response({"error": reason}, status, headers)

    def _send_faulty(self, resp: Response, limits: dict[str, str], fault: Fault) -> None:
        if fault.kind == "wrong_content_type":
            self._send(resp, limits, content_type="text/html; charset=utf-8")
        elif fault.kind == "truncated_json":
            cut = resp.body[: max(1, len(resp.body) // 2)]
            self._send(Response(resp.status, cut, resp.content_type, resp.headers), limits)
        elif fault.kind == "drop_mid_body":
            self.close_connection = True
            self._head(resp.status, resp.content_type, max(2, len(resp.body)), {**limits, **resp.headers})
            self.wfile.write(resp.body[: len(resp.body) // 2])
            self.wfile.flush()
        else:
            self._send(resp, limits)

    def _chunk(self, text: str) -> None:
        data = text.encode("utf-8")
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _client_gone(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _websocket(self, req: Request, limits: dict[str, str], fault: Fault | None) -> None:
        """Upgrade ``GET /api/v1/streaming`` to a WebSocket and serve the multiplexed streams on it."""
        app = self.app
        key = req.header("sec-websocket-key")
        if not key or req.header("sec-websocket-version") != "13":
            self._send(json_response({"error": "Expected a WebSocket handshake (version 13)"}, 400), limits)
            return
        token_value = self._token(req) or (req.header("sec-websocket-protocol") or "").strip() or None
        with app.state.lock:
            record = app.state.table("tokens").get(token_value) if token_value else None
        if record is None or record.get("revoked") or record.get("account_id") is None:
            # Mastodon 4.2+ wants a user token on the WebSocket; a bad one ends the connection at once.
            self.close_connection = True
            self._send(json_response({"error": "The access token is invalid"}, 401), limits)
            return
        if fault is not None and fault.kind not in ("stream_cut", "stream_stall"):
            fault = None
        self.close_connection = True
        self.connection.settimeout(None)  # a quiet subscriber is no idle HTTP client
        session = WebSocketSession(app, self.connection, self.rfile, self.wfile, str(record["account_id"]), fault)
        if req.get("stream"):
            session.accept(
                {"type": "subscribe", "stream": req.get("stream"), "tag": req.get("tag"), "list": req.get("list")}
            )
        try:
            self.send_response(101, "Switching Protocols")
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", handshake_answer(key))
            self.end_headers()
            self.wfile.flush()
        except OSError:
            session.drop_subscriptions()
            raise
        session.run()

    def _stream(self, spec: StreamResponse, limits: dict[str, str], fault: Fault | None) -> None:
        app = self.app
        content_type = "text/event-stream"
        if fault is not None and fault.kind == "wrong_content_type":
            content_type, fault = "text/html; charset=utf-8", None
        elif fault is not None and fault.kind in ("drop_mid_body", "truncated_json"):
            fault = Fault(fault.path, "stream_cut", after_events=0)
        elif fault is not None and fault.kind not in ("stream_cut", "stream_stall"):
            fault = None
        sub = Subscriber(spec.streams, spec.account_id, spec.tag, spec.list_id)
        app.subscribe(sub)
        self.close_connection = True
        try:
            self._head(
                200,
                content_type,
                None,
                {**limits, "Transfer-Encoding": "chunked", "Cache-Control": "no-store", "Connection": "close"},
            )
            self._chunk(":)\n")
            sent = 0
            next_beat = time.monotonic() + max(MIN_HEARTBEAT, app.settings.heartbeat_interval)
            while not app.stop_event.is_set():
                if fault is not None and sent >= fault.after_events:
                    if fault.kind == "stream_cut":
                        return  # abrupt: no terminating chunk
                    if self._client_gone():
                        return
                    app.stop_event.wait(STREAM_TICK)
                    continue
                now = time.monotonic()
                if now >= next_beat:
                    self._chunk(":thump\n")
                    next_beat = now + max(MIN_HEARTBEAT, app.settings.heartbeat_interval)
                try:
                    event, data = sub.events.get(timeout=max(0.0, min(STREAM_TICK, next_beat - now)))
                except queue.Empty:
                    continue
                self._chunk(f"event: {event}\ndata: {data}\n\n")
                sent += 1
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            return
        finally:
            app.unsubscribe(sub)


class LocalInstance:
    """A Mastodon-compatible server on 127.0.0.1 for tests; see :mod:`mastodon.testing` for the full API."""

    def __init__(
        self,
        *,
        flavour: str = "mastodon",
        seed: str | Path | None = None,
        port: int = 0,
        settings: Settings | None = None,
        **knobs: Any,
    ) -> None:
        if flavour not in FLAVOURS:
            raise ValueError(f"unknown flavour {flavour!r}; one of {sorted(FLAVOURS)}")
        self.settings = settings or Settings()
        for key, value in knobs.items():
            if not hasattr(self.settings, key):
                raise TypeError(f"unknown setting {key!r}")
            setattr(self.settings, key, value)
        self.flavour = FLAVOURS[flavour]
        self.state = State()
        if seed is not None:
            self.state.load(seed)
        self.state.populate_defaults()
        self._app = App(self.state, self.flavour, self.settings)
        self._port_wanted = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lifecycle = threading.Lock()
        self._conns_lock = threading.Lock()
        self._conns: set[socket.socket] = set()

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> LocalInstance:
        """Bind 127.0.0.1 and serve in a daemon thread (no-op when already running)."""
        with self._lifecycle:
            if self._server is not None:
                return self
            server = _Server(("127.0.0.1", self._port_wanted), _Handler)
            server.app = self._app
            server.owner = self
            self._server = server
            self._app.set_base_url(f"http://127.0.0.1:{server.server_address[1]}")
            self._app.stop_event.clear()
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="LocalInstance", daemon=True
            )
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving: end streams and delays, close every connection, join the thread. Idempotent."""
        with self._lifecycle:
            server, thread = self._server, self._thread
            self._server, self._thread = None, None
            if server is None:
                return
            self._app.stop_event.set()
            server.shutdown()
            grace = time.monotonic() + 0.25
            while time.monotonic() < grace and self._app.subscriber_count():
                time.sleep(0.01)
            with self._conns_lock:
                for conn in self._conns:
                    try:
                        conn.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self._open_connections():
                time.sleep(0.01)
            server.server_close()
            if thread is not None:
                thread.join(timeout)

    def _open_connections(self) -> int:
        with self._conns_lock:
            return len(self._conns)

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._conns_lock:
            if add:
                self._conns.add(conn)
                if self._app.stop_event.is_set():
                    try:
                        conn.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            else:
                self._conns.discard(conn)

    def __enter__(self) -> LocalInstance:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the server thread is serving."""
        return self._server is not None

    @property
    def port(self) -> int:
        """The bound port (only while running)."""
        if self._server is None:
            raise RuntimeError("LocalInstance is not running")
        return int(self._server.server_address[1])

    @property
    def api_base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (only while running)."""
        return f"http://127.0.0.1:{self.port}"

    # ----------------------------------------------------------------- users and clients
    def account_id(self, username: str) -> str:
        """The account id of a local user."""
        account = self.state.find_account(username)
        if account is None:
            raise KeyError(username)
        return str(account["id"])

    def token(self, username: str) -> str:
        """The ready-made full-scope access token of a user (``alice``, ``bob``, ``carol``, or added ones)."""
        with self.state.lock:
            entry = self.state.table("user_tokens").get(username)
            if entry is None:
                raise KeyError(username)
            return str(entry["token"])

    def password(self, username: str) -> str:
        """The password of a user, for the password grant."""
        with self.state.lock:
            account = self.state.find_account(username)
            return str(account["password"]) if account else password_for(username)

    def add_user(self, username: str, *, display_name: str = "") -> str:
        """Create a local user; returns its account id."""
        return str(self.state.create_account(username, display_name=display_name)["id"])

    def create_token(self, username: str | None, scopes: list[str] | str = "read write follow push") -> str:
        """Issue an extra access token (``username=None``: an app-only token) with the given scopes."""
        scope_list = scopes.split() if isinstance(scopes, str) else list(scopes)
        account_id = self.account_id(username) if username else None
        return str(self.state.issue_token(account_id, "local-instance-builtin", scope_list)["value"])

    def client(self, username: str = "alice", **kwargs: Any) -> Mastodon:
        """A ``mastodon.Mastodon`` client logged in as ``username``."""
        from mastodon import Mastodon

        return Mastodon(api_base_url=self.api_base_url, access_token=self.token(username), **kwargs)

    # ----------------------------------------------------------------- knobs and introspection
    @property
    def faults(self) -> Faults:
        """The fault registry (see :mod:`mastodon.testing.faults`)."""
        return self._app.faults

    def inject(self, path: str, kind: str, **options: Any) -> Fault:
        """Shortcut for ``inst.faults.add(path, kind, **options)``."""
        return self._app.faults.add(path, kind, **options)

    def set_rate_limit(self, limit: int, window: float = 300.0) -> None:
        """Allow ``limit`` requests per ``window`` seconds per token; counters restart."""
        self.settings.rate_limit = limit
        self.settings.rate_window = window
        self._app.limiter.reset()

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of every request received (method, path, query, headers, body)."""
        return self._app.logged_requests()

    def clear_requests(self) -> None:
        """Empty the request log."""
        self._app.clear_log()

    def save(self, path: str | Path) -> None:
        """Write the state as JSON (load it again with ``LocalInstance(seed=path)``)."""
        self.state.save(path)
