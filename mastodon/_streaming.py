"""The streaming machinery: event-stream reader, stream handles, the reconnect loop and its watchdog.

``read_sse`` reads a ``text/event-stream`` response in chunks as they arrive (``read1``), splitting lines
in bulk. :class:`EventSource` owns one stream: it connects, reads, notices a stream gone quiet past
its heartbeat interval (the watchdog), reconnects with exponential backoff and jitter, and after a
reconnect fetches what was missed from the REST API (``min_id`` of the last item seen), delivering
each item once, in order. :class:`SSEStreamHandle` runs an :class:`EventSource` in a thread for a
listener; ``Mastodon.stream`` iterates one directly. Time comes from the client's rate-limit clock, so
tests never really wait.

This module is imported by ``import mastodon``: it compiles nothing, starts nothing and imports the
``websocket`` package only when a WebSocket stream is opened.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import (
    MastodonAPIError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonMalformedEventError,
    MastodonNetworkError,
    MastodonReadTimeout,
)
from .types_base import AttribAccessDict, MaybeSnowflakeIdType

if TYPE_CHECKING:
    import requests

    from ._core import Core

__all__ = [
    "CatchUp",
    "EventSource",
    "SSEStreamHandle",
    "StreamEvent",
    "StreamHandle",
    "WebSocketStreamHandle",
    "WebSocketSubscription",
    "convert_event",
    "read_sse",
    "stream_error",
]

logger = logging.getLogger("mastodon")

READ_SIZE = 65536
DEFAULT_HEARTBEAT = 15.0  # Mastodon's streaming server sends ":thump" every 15 s
QUIET_FACTOR = 3.0  # a stream silent for three heartbeat intervals is taken for dead
MIN_QUIET = 0.5
MAX_BACKOFF = 300.0
CATCH_UP_LIMIT = 40
CATCH_UP_MAX_PAGES = 25
SEEN_MEMORY = 4096

# Event name -> entity class name of its payload; "" for an id, None for an event without payload.
_EVENT_TYPES: dict[str, str | None] = {
    "update": "Status",
    "status.update": "Status",
    "delete": "",
    "notification": "Notification",
    "conversation": "Conversation",
    "announcement": "Announcement",
    "announcement.reaction": "StreamReaction",
    "announcement.delete": "",
    "encrypted_message": "AttribAccessDict",
    "filters_changed": None,
    "notifications_merged": None,
}
# Events with a known payload are given to on_<name> with their payload; the rest to on_unknown_event.
_KNOWN_EVENTS = frozenset(_EVENT_TYPES)
# Events whose items have ids in time order: remembered for deduplication and catch-up.
_TRACKED = frozenset({"update", "notification"})


class StreamEvent(NamedTuple):
    """One event of a stream, as ``Mastodon.stream`` yields it: its name, its converted payload, its stream."""

    event: str
    payload: Any
    stream: Any = None


def convert_event(name: str, raw_payload: Any, payload_present: bool) -> Any:
    """The payload of event ``name`` (JSON text, or already decoded from a WebSocket) as an entity.

    Raises :class:`MastodonMalformedEventError` naming the event when the payload is missing or bad.
    """
    kind = _EVENT_TYPES.get(name, "AttribAccessDict")
    if kind is None:
        return None
    if not payload_present or raw_payload is None:
        if name not in _KNOWN_EVENTS:
            return None
        raise MastodonMalformedEventError(f"Missing payload in {name!r} event", "payload", name)
    if isinstance(raw_payload, (str, bytes)):
        try:
            payload = json.loads(raw_payload)
        except ValueError as error:
            text = raw_payload.decode("utf-8", "replace") if isinstance(raw_payload, bytes) else raw_payload
            if kind == "" and text.strip() and text.strip().isprintable():
                return MaybeSnowflakeIdType(text.strip())  # a bare, unquoted non-numeric id
            raise MastodonMalformedEventError(f"Bad JSON in {name!r} event", name, text[:500]) from error
    else:
        payload = raw_payload
    if kind == "":
        if isinstance(payload, (str, int)) and not isinstance(payload, bool):
            return MaybeSnowflakeIdType(payload)
        raise MastodonMalformedEventError(f"Expected an id in {name!r} event", name, raw_payload)
    if kind == "AttribAccessDict":
        return AttribAccessDict(payload) if isinstance(payload, dict) else payload
    if not isinstance(payload, dict):
        raise MastodonMalformedEventError(f"Expected a JSON object in {name!r} event", name, raw_payload)
    from .types_base import _entity_class_named

    try:
        return _entity_class_named(kind)._from_json(payload)
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise MastodonMalformedEventError(f"Bad payload in {name!r} event", name, raw_payload) from error


# ---------------------------------------------------------------------------------------------
# Reading an event stream

RawEvent = tuple[str, "bytes | None", Any, bool]


def _chunks(response: Any) -> Iterator[bytes]:
    """The body as it arrives: each HTTP chunk of a chunked body, else whatever ``read1`` has at hand."""
    raw = getattr(response, "raw", None)
    read1 = getattr(raw, "read1", None)
    if read1 is None or getattr(raw, "chunked", False):
        # urllib3 yields a chunked body chunk by chunk as it arrives (faster than read1 there).
        yield from response.iter_content(chunk_size=None)
        return
    while True:
        data = read1(READ_SIZE)
        if not data:
            return
        yield data


def read_sse(response: Any, activity: Callable[[], None] | None = None) -> Iterator[RawEvent | None]:
    """Events of an open ``text/event-stream`` response: ``(name, data, stream, has_data)``, None for a heartbeat.

    ``data`` is the raw bytes of the event's data (``json.loads`` takes them as they are). ``activity`` is
    called for every chunk received (the watchdog's sign of life). A line that is not ``field: value``
    or a comment, or an event without ``event:``, raises :class:`MastodonMalformedEventError`; network
    errors come out as ``requests`` / ``urllib3`` raised them (see :func:`stream_error`).
    """
    buffer = b""
    name: bytes | None = None
    data: bytes | None = None
    stream: bytes | None = None
    other = False  # a field other than event / data / stream (id, retry, ...) was seen
    for chunk in _chunks(response):
        if activity is not None:
            activity()
        buffer = buffer + chunk if buffer else chunk
        if b"\n" not in chunk:
            continue
        lines = buffer.split(b"\n")
        buffer = lines.pop()
        for line in lines:
            if line and line[-1] == 13:  # "\r\n" line ends
                line = line[:-1]
            if not line:
                if name is not None:
                    yield _event_of(name, data, stream)
                elif data is not None or stream is not None or other:
                    raise MastodonMalformedEventError("Missing field", "event", (data or b"")[:200])
                name = data = stream = None
                other = False
                continue
            first = line[0]
            if first == 58:  # ":" starts a comment: Mastodon's heartbeat
                yield None
            elif first == 100 and line.startswith(b"data:"):
                value = line[6:] if line[5:6] == b" " else line[5:]
                data = value if data is None else data + b"\n" + value
            elif first == 101 and line.startswith(b"event:"):
                name = line[7:] if line[6:7] == b" " else line[6:]
            else:
                key, colon, value = line.partition(b":")
                if not colon:
                    raise MastodonMalformedEventError("Malformed event line", line[:200].decode("utf-8", "replace"))
                if key == b"stream":
                    stream = value[1:] if value[:1] == b" " else value
                else:
                    other = True


def _event_of(name: bytes, data: bytes | None, stream: bytes | None) -> RawEvent:
    try:
        text = name.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MastodonMalformedEventError("Malformed UTF-8 in event name", name[:200]) from error
    for_stream: Any = None
    if stream is not None:
        try:
            for_stream = json.loads(stream)
        except ValueError:
            for_stream = None
    return (text, data, for_stream, data is not None)


def stream_error(error: BaseException) -> MastodonError | None:
    """The library error a failure while reading a stream stands for, or None when it is no stream failure."""
    if isinstance(error, MastodonError):
        return error
    import http.client

    import requests
    import urllib3.exceptions

    timeouts = (requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError)
    if isinstance(error, timeouts):
        return MastodonReadTimeout("Timed out while reading from server.")
    if isinstance(error, (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError)):
        return MastodonNetworkError("Server ceased communication.")
    failures = (
        requests.exceptions.RequestException,
        urllib3.exceptions.HTTPError,
        http.client.HTTPException,
        OSError,
        ValueError,  # reading from a response closed under us
        AttributeError,  # urllib3 after its connection was released
    )
    if isinstance(error, failures):
        return MastodonNetworkError("Requests reports connection error.", f"{type(error).__name__}: {error}")
    return None


def _shut(response: Any) -> None:
    """Close a streaming response from another thread, so a read blocked on it returns at once."""
    raw = getattr(response, "raw", None)
    sock = None
    connection = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is None:
        fp = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if sock is not None:
        import socket

        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    try:
        response.close()
    except Exception:  # closing a half-dead response must never raise
        logger.debug("closing a stream response failed", exc_info=True)


# ---------------------------------------------------------------------------------------------
# One stream, reconnecting


class CatchUp(NamedTuple):
    """Where the items of one tracked event are fetched after a reconnect."""

    event: str  # "update" or "notification"
    path: str  # e.g. "/api/v1/timelines/home"
    entity: str  # entity class name of the items
    params: Mapping[str, Any] = {}


class _Seen:
    """The ids delivered lately, per event, and the newest of them (for ``min_id``)."""

    def __init__(self) -> None:
        self.order: deque[tuple[str, str]] = deque()
        self.keys: set[tuple[str, str]] = set()
        self.newest: dict[str, MaybeSnowflakeIdType] = {}

    def first_time(self, name: str, payload: Any) -> bool:
        if name not in _TRACKED or not isinstance(payload, Mapping):
            return True
        raw_id = payload.get("id")
        if raw_id is None:
            return True
        key = (name, str(raw_id))
        if key in self.keys:
            return False
        self.keys.add(key)
        self.order.append(key)
        if len(self.order) > SEEN_MEMORY:
            self.keys.discard(self.order.popleft())
        ident = MaybeSnowflakeIdType(raw_id)
        newest = self.newest.get(name)
        if newest is None or ident > newest:
            self.newest[name] = ident
        return True


def backoff_delay(base: float, attempt: int) -> float:
    """No wait for the first retry, then ``base`` seconds doubling per attempt (up to 5 minutes), with jitter."""
    if attempt <= 0:
        return 0.0
    import random

    base = max(float(base), 0.0)
    delay = min(max(base, MAX_BACKOFF), base * 2.0 ** min(attempt - 1, 16))
    return float(delay * (0.5 + random.random() / 2))


def _real_sleep(clock: Any) -> bool:
    return getattr(clock, "sleep", None) is time.sleep


class EventSource:
    """One server-sent event stream that reconnects, watches its heartbeat and catches up on what it missed."""

    def __init__(
        self,
        client: Core,
        url: str,
        *,
        timeout: float = 300,
        reconnect: bool = False,
        reconnect_wait_sec: float = 5,
        catch_up: tuple[CatchUp, ...] = (),
        on_abort: Callable[[Exception], Any] | None = None,
        watchdog: bool = True,
    ) -> None:
        self.client = client
        self.url = url
        self.timeout = timeout
        self.reconnect = reconnect
        self.reconnect_wait_sec = reconnect_wait_sec
        self.catch_up = catch_up
        self.on_abort = on_abort
        self.watchdog = watchdog
        self.clock = client._ratelimiter.clock
        self.connected = False
        self.reconnecting = False
        self.reconnects = 0
        self.heartbeat_interval: float | None = None
        self.response: Any = None
        self._closed = threading.Event()
        self._stalled = False
        self._last_activity = 0.0
        self._last_beat: float | None = None
        self._beat_gaps: deque[float] = deque(maxlen=3)
        self._seen = _Seen()
        self._watchdog_thread: threading.Thread | None = None

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed.is_set()

    def close(self) -> None:
        """Stop for good: the open connection is shut and the loop ends."""
        self._closed.set()
        response = self.response
        if response is not None:
            _shut(response)

    # -----------------------------------------------------------------------------------------

    def open(self) -> requests.Response:
        """Connect; a non-200 answer or something that is no event stream raises :class:`MastodonNetworkError`."""
        import requests

        from ._core import _no_auth

        client = self.client
        headers: dict[str, str] = {}
        if client.access_token:
            headers["Authorization"] = "Bearer " + client.access_token
        if client.user_agent:
            headers["User-Agent"] = client.user_agent
        settings = client._send_settings(self.url)
        timeouts = client._timeouts()
        connect_timeout = timeouts[0] if isinstance(timeouts, tuple) else timeouts
        try:
            response = client.session.get(
                self.url,
                headers=headers,
                stream=True,
                timeout=(connect_timeout, self.timeout),
                auth=_no_auth,
                **{key: value for key, value in settings.items() if key in ("proxies", "verify", "cert")},
            )
        except requests.exceptions.RequestException as error:
            raise MastodonNetworkError(
                f"Could not connect to streaming server: {type(error).__name__}: {client._redact(str(error))}"
            ) from error
        if response.status_code != 200:
            response.close()
            raise MastodonNetworkError(
                f"Could not connect to streaming server: {response.status_code} {response.reason}"
            )
        kind = response.headers.get("Content-Type", "")
        if kind and not kind.startswith("text/event-stream"):
            response.close()
            raise MastodonNetworkError(f"The streaming server answered {kind!r}, not an event stream")
        return response

    def _touch(self) -> None:
        self._last_activity = self.clock.now()

    def quiet_limit(self) -> float:
        """How long the stream may stay silent before the watchdog takes it for dead.

        Three heartbeat intervals once the interval is known (the longest of the last three gaps
        between heartbeats, after at least two), else Mastodon's 15 s; never more than ``timeout``.
        """
        beat = self.heartbeat_interval or DEFAULT_HEARTBEAT
        limit = max(MIN_QUIET, QUIET_FACTOR * beat)
        return min(limit, float(self.timeout)) if self.timeout else limit

    def _heartbeat(self) -> None:
        now = self.clock.now()
        if self._last_beat is not None and now > self._last_beat:
            self._beat_gaps.append(now - self._last_beat)
            if len(self._beat_gaps) >= 2:
                self.heartbeat_interval = max(self._beat_gaps)
        self._last_beat = now

    def _watch(self) -> None:
        while True:
            limit = self.quiet_limit()
            if self._closed.wait(min(1.0, max(0.02, limit / 5))):
                return
            response = self.response
            if response is None or not self.connected or self.heartbeat_interval is None:
                continue  # without a known heartbeat the read timeout is the watchdog
            if self.clock.now() - self._last_activity > limit:
                logger.info("Stream %s quiet for more than %.1f s: reconnecting", self.url, limit)
                self._stalled = True
                self.connected = False
                _shut(response)

    def _start_watchdog(self) -> None:
        if self.watchdog and self._watchdog_thread is None:
            self._watchdog_thread = threading.Thread(target=self._watch, name="mastodon-stream-watchdog", daemon=True)
            self._watchdog_thread.start()

    def _backoff(self, attempt: int) -> float:
        """No wait for the first retry, then ``reconnect_async_wait_sec`` doubling, with jitter, up to 5 minutes."""
        return backoff_delay(self.reconnect_wait_sec, attempt)

    def _sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        if _real_sleep(self.clock):
            self._closed.wait(seconds)
            return
        remaining = seconds
        while remaining > 0 and not self._closed.is_set():
            step = min(0.5, remaining)
            self.clock.sleep(step)
            remaining -= step

    def _abort(self, error: Exception) -> None:
        if self.on_abort is not None:
            self.on_abort(error)
        else:
            logger.warning("Stream %s interrupted: %s", self.url, error)

    def _fetch_missed(self) -> Iterator[StreamEvent]:
        """What arrived while we were away, oldest first, from the REST API (``min_id`` of the newest seen)."""
        from ._core import PageOf
        from .types_base import _entity_class_named

        for spec in self.catch_up:
            since = self._seen.newest.get(spec.event)
            if since is None:
                continue
            shape = PageOf(_entity_class_named(spec.entity))
            for _ in range(CATCH_UP_MAX_PAGES):
                try:
                    page = self.client._get(spec.path, shape, **spec.params, min_id=since, limit=CATCH_UP_LIMIT)
                except MastodonNetworkError:
                    raise  # the connection is gone again: reconnect and catch up then
                except MastodonError as error:
                    # The server refuses the timeline (a scope, a disabled feed): stream on without it.
                    logger.warning("Stream %s: could not fetch missed items from %s: %s", self.url, spec.path, error)
                    break
                if not page:
                    break
                items = sorted(page, key=lambda item: MaybeSnowflakeIdType(item["id"]))
                for item in items:
                    if self._seen.first_time(spec.event, item):
                        yield StreamEvent(spec.event, item, None)
                since = MaybeSnowflakeIdType(items[-1]["id"])
                if len(page) < CATCH_UP_LIMIT or self._closed.is_set():
                    break

    def _take_baseline(self) -> None:
        """On the first connection, note the newest item of each caught-up timeline (one small request each).

        Without it a cut before the first event would leave nothing to catch up from: whatever was
        posted while the first connection was down would be lost. An empty timeline's baseline is 0.
        """
        from ._core import PageOf
        from .types_base import _entity_class_named

        for spec in self.catch_up:
            if spec.event in self._seen.newest:
                continue
            try:
                page = self.client._get(spec.path, PageOf(_entity_class_named(spec.entity)), **spec.params, limit=1)
            except MastodonError as error:
                logger.warning("Stream %s: no catch-up baseline from %s: %s", self.url, spec.path, error)
                continue
            self._seen.newest[spec.event] = MaybeSnowflakeIdType(page[0]["id"] if page else "0")

    def events(self) -> Generator[StreamEvent | None, None, None]:
        """Events as they come (None for a heartbeat), reconnecting as configured, until closed.

        Without ``reconnect``, the first error (after ``on_abort``) is raised and a clean end of the
        stream ends the iteration.
        """
        attempt = 0
        connected_before = False
        try:
            while not self._closed.is_set():
                error: Exception | None = None
                delivered = False
                started = self.clock.now()
                try:
                    self.reconnecting = connected_before
                    response = self.open()
                    self.response = response
                    if self._closed.is_set():
                        _shut(response)
                        return
                    self._stalled = False
                    self._last_beat = None
                    self._touch()
                    self.connected = True
                    self.reconnecting = False
                    self._start_watchdog()
                    if connected_before and self.catch_up:
                        for missed in self._fetch_missed():
                            delivered = True
                            yield missed
                    elif self.catch_up and self.reconnect:
                        self._take_baseline()
                    connected_before = True
                    for item in read_sse(response, self._touch):
                        if item is None:
                            self._heartbeat()
                            yield None
                            continue
                        payload = convert_event(item[0], item[1], item[3])
                        if self._seen.first_time(item[0], payload):
                            delivered = True
                            yield StreamEvent(item[0], payload, item[2])
                except Exception as caught:  # mapped below; anything else is re-raised
                    mapped = stream_error(caught)
                    if mapped is None:
                        raise
                    error = mapped
                finally:
                    self.connected = False
                    response, self.response = self.response, None
                    if response is not None:
                        _shut(response)
                if self._closed.is_set():
                    return
                if self._stalled:
                    error = MastodonReadTimeout(f"The stream went quiet for more than {self.quiet_limit():.1f} s")
                if error is None and not self.reconnect:
                    return  # the server ended the stream cleanly
                if error is not None:
                    self._abort(error)
                    if not self.reconnect:
                        raise error
                if delivered or self.clock.now() - started >= max(float(self.reconnect_wait_sec), 1.0):
                    attempt = 0
                self.reconnecting = True
                self.reconnects += 1
                self._sleep(self._backoff(attempt))
                attempt += 1
        finally:
            self.connected = False
            self.reconnecting = False
            self._closed.set()


# ---------------------------------------------------------------------------------------------
# Handles


class StreamHandle:
    """Handle of an asynchronous streaming connection."""

    _thread: threading.Thread | None = None
    closed: bool = False
    running: bool = False
    reconnecting: bool = False

    def close(self) -> None:
        """Close the connection for good."""
        raise NotImplementedError

    def is_alive(self) -> bool:
        """True while the worker thread runs (connected, or reconnecting)."""
        return self._thread is not None and self._thread.is_alive()

    def is_receiving(self) -> bool:
        """True while the worker runs with the connection established."""
        return self.running and not self.closed and not self.reconnecting and self.is_alive()

    def join(self, timeout: float | None = None) -> None:
        """Wait (at most ``timeout`` seconds) for the worker thread to end; normally after :meth:`close`."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)


class SSEStreamHandle(StreamHandle):
    """An asynchronous server-sent events stream, returned by the ``stream_*`` methods with ``run_async=True``."""

    def __init__(self, source: EventSource, listener: Any) -> None:
        self.listener = listener
        self.source = source
        self.closed = False
        self.running = True
        self._thread: threading.Thread | None = None

    @property
    def connection(self) -> Any:
        """The open HTTP response, or None between connections."""
        return self.source.response

    @property
    def reconnect_async(self) -> bool:
        """Whether the stream reconnects after errors."""
        return self.source.reconnect

    @property
    def reconnect_async_wait_sec(self) -> float:
        """The base of the reconnection backoff, in seconds."""
        return self.source.reconnect_wait_sec

    @property
    def reconnecting(self) -> bool:  # type: ignore[override]
        """True while the stream is between connections."""
        return self.source.reconnecting or (self.running and not self.source.connected)

    def is_receiving(self) -> bool:
        """True while connected and reading events."""
        return self.running and not self.closed and self.source.connected and self.is_alive()

    def close(self) -> None:
        """Stop streaming for good and close the HTTP connection."""
        self.closed = True
        self.source.close()

    def _threadproc(self) -> None:
        listener = self.listener
        events = self.source.events()
        try:
            for item in events:
                try:
                    if item is None:
                        listener.handle_heartbeat()
                    else:
                        listener._deliver(item.event, item.payload, item.stream)
                except Exception as error:
                    # A handler failed: say so, and keep streaming only when asked to reconnect.
                    logger.exception("Stream listener failed on %s", "a heartbeat" if item is None else item.event)
                    listener.on_abort(error)
                    if not self.source.reconnect:
                        return
        except MastodonError:
            pass  # the stream's own errors went to on_abort already
        finally:
            events.close()
            self.running = False

    def _start(self) -> SSEStreamHandle:
        self._thread = threading.Thread(target=self._threadproc, name="mastodon-stream", daemon=True)
        self._thread.start()
        return self


# ---------------------------------------------------------------------------------------------
# WebSocket streaming (servers that stream only over WebSocket, such as GoToSocial)


def _websocket_module() -> Any:
    try:
        import websocket  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:
        raise NotImplementedError(
            "WebSocket streaming needs the websocket-client package: pip install websocket-client"
        ) from error
    return websocket


def _websocket_error(error: BaseException) -> Exception:
    if isinstance(error, (NotImplementedError, MastodonError)):
        return error
    module = _websocket_module()
    if isinstance(error, getattr(module, "WebSocketTimeoutException", ())):
        return MastodonReadTimeout("Timed out while reading from the WebSocket streaming server.")
    return MastodonNetworkError("WebSocket streaming connection failed.", str(error))


class WebSocketSubscription:
    """One stream carried by a shared WebSocket connection."""

    def __init__(self, websocket: WebSocketStreamHandle, stream: str, params: Mapping[str, Any], listener: Any) -> None:
        self.websocket = websocket
        self.stream = stream
        self.params = dict(params)
        self.listener = listener
        self.active = True

    def close(self) -> None:
        """Unsubscribe from this stream (the connection stays open)."""
        if self.active:
            self.websocket._unsubscribe(self)

    def is_alive(self) -> bool:
        """True while subscribed and the connection's thread runs."""
        return self.active and self.websocket.is_alive()

    def is_receiving(self) -> bool:
        """True while subscribed and the connection is established."""
        return self.active and self.websocket.is_receiving()


class WebSocketStreamHandle(StreamHandle):
    """A WebSocket connection to the streaming API that can carry several subscriptions."""

    def __init__(
        self,
        url: str,
        access_token: str | None,
        user_agent: str | None,
        listener: Any = None,
        timeout: float = 300,
        reconnect: bool = False,
        reconnect_wait_sec: float = 5,
        clock: Any = None,
    ) -> None:
        self.url = url
        self.access_token = access_token
        self.user_agent = user_agent
        self.listener = listener
        self.timeout = timeout
        self.reconnect = reconnect
        self.reconnect_wait_sec = reconnect_wait_sec
        self.clock = clock
        self.closed = False
        self.running = False
        self.reconnecting = False
        self.connection: Any = None
        self._thread: threading.Thread | None = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._subscriptions: dict[tuple[str, ...], WebSocketSubscription] = {}
        self._connect()

    def subscriptions(self) -> list[WebSocketSubscription]:
        """The active subscriptions."""
        with self._lock:
            return list(self._subscriptions.values())

    def _connect(self) -> None:
        module = _websocket_module()
        headers = []
        if self.access_token:
            headers.append(f"Authorization: Bearer {self.access_token}")
        if self.user_agent:
            headers.append(f"User-Agent: {self.user_agent}")
        try:
            connection = module.create_connection(
                self.url, header=headers, timeout=self.timeout, enable_multithread=True
            )
        except Exception as error:
            translated = _websocket_error(error)
            if translated is error:
                raise
            raise translated from error
        with self._lock:
            if self.closed:
                connection.close()
                return
            self.connection = connection

    @staticmethod
    def _key(stream: str, params: Mapping[str, Any]) -> tuple[str, ...]:
        if stream == "list":
            return (stream, str(params.get("list")))
        if stream in ("hashtag", "hashtag:local"):
            return (stream, str(params.get("tag")).lower())
        return (stream,)

    def _send(self, message: Mapping[str, Any]) -> None:
        encoded = json.dumps(message, separators=(",", ":"))
        with self._lock:
            connection = self.connection
        if connection is None:
            return
        try:
            connection.send(encoded)
        except Exception as error:
            translated = _websocket_error(error)
            if translated is error:
                raise
            raise translated from error

    def subscribe(self, stream: str, listener: Any = None, **params: Any) -> WebSocketSubscription:
        """Subscribe to ``stream``: ``user``, ``public:local``, ``hashtag`` (``tag=``), ``list`` (``list=``), ..."""
        listener = listener if listener is not None else self.listener
        if listener is None:
            raise MastodonIllegalArgumentError("A listener is required when subscribing to a WebSocket stream.")
        subscription = WebSocketSubscription(self, stream, params, listener)
        key = self._key(stream, params)
        with self._lock:
            if self.closed:
                raise MastodonIllegalArgumentError("Cannot subscribe using a closed WebSocket stream.")
            if key in self._subscriptions:
                raise MastodonIllegalArgumentError(f"Already subscribed to WebSocket stream {key!r}.")
            self._subscriptions[key] = subscription
        try:
            self._send({"type": "subscribe", "stream": stream, **params})
        except Exception:
            with self._lock:
                self._subscriptions.pop(key, None)
            subscription.active = False
            raise
        return subscription

    def unsubscribe(self, stream: str, **params: Any) -> WebSocketStreamHandle:
        """Unsubscribe, naming the stream as for :meth:`subscribe`."""
        key = self._key(stream, params)
        with self._lock:
            subscription = self._subscriptions.get(key)
        if subscription is None:
            raise MastodonIllegalArgumentError(f"Not subscribed to WebSocket stream {key!r}.")
        self._unsubscribe(subscription)
        return self

    def _unsubscribe(self, subscription: WebSocketSubscription) -> None:
        key = self._key(subscription.stream, subscription.params)
        with self._lock:
            active = subscription.active and self._subscriptions.get(key) is subscription
            subscription.active = False
            if not active:
                return
            self._subscriptions.pop(key)
        self._send({"type": "unsubscribe", "stream": subscription.stream, **subscription.params})

    def _listeners(self) -> list[Any]:
        with self._lock:
            found = [self.listener, *(s.listener for s in self._subscriptions.values())]
        return list({id(listener): listener for listener in found if listener is not None}.values())

    def _listener_for(self, message: Mapping[str, Any]) -> Any:
        stream = message.get("stream")
        if isinstance(stream, str):
            stream = [stream]
        key: tuple[str, ...] | None = None
        if isinstance(stream, list) and stream:
            parts = [str(part) for part in stream]
            if len(parts) > 1 and parts[0] in ("hashtag", "hashtag:local"):
                parts[1] = parts[1].lower()
            key = tuple(parts)
        with self._lock:
            subscription = self._subscriptions.get(key) if key is not None else None
        return subscription.listener if subscription is not None else self.listener

    def _handle_message(self, raw_message: Any) -> None:
        try:
            message = json.loads(raw_message)
        except (TypeError, ValueError) as error:
            raise MastodonMalformedEventError("Bad WebSocket JSON", raw_message) from error
        if not isinstance(message, dict):
            raise MastodonMalformedEventError("Malformed WebSocket event", message)
        if "error" in message:
            refused = MastodonAPIError(
                "WebSocket streaming subscription failed", message.get("status"), message["error"]
            )
            for listener in self._listeners():
                listener.on_websocket_error(refused, message.get("stream"))
            return
        listener = self._listener_for(message)
        if listener is not None:
            listener.handle_websocket_message(message)

    def _sleep(self, seconds: float) -> None:
        if self.clock is None or _real_sleep(self.clock):
            self._stop.wait(seconds)
        else:
            self.clock.sleep(seconds)

    def _reconnect(self) -> None:
        self.reconnecting = True
        attempt = 0
        try:
            while not self.closed:
                if attempt:
                    self._sleep(backoff_delay(self.reconnect_wait_sec, attempt))
                attempt += 1
                if self._stop.is_set():
                    return
                try:
                    self._connect()
                    for subscription in self.subscriptions():
                        self._send({"type": "subscribe", "stream": subscription.stream, **subscription.params})
                    return
                except MastodonNetworkError as error:
                    for listener in self._listeners():
                        listener.on_abort(error)
        finally:
            self.reconnecting = False

    def _threadproc(self) -> None:
        self.running = True
        try:
            while not self.closed:
                try:
                    with self._lock:
                        connection = self.connection
                    if connection is None:
                        raise MastodonNetworkError("WebSocket streaming connection is not open.")
                    raw_message = connection.recv()
                    if raw_message in (None, "", b""):
                        raise MastodonNetworkError("WebSocket streaming server closed the connection.")
                    if isinstance(raw_message, bytes):
                        raw_message = raw_message.decode("utf-8")
                    self._handle_message(raw_message)
                except Exception as error:  # translated, told to the listeners
                    if self._stop.is_set():
                        break
                    translated = _websocket_error(error)
                    for listener in self._listeners():
                        listener.on_abort(translated)
                    if not self.reconnect:
                        break
                    with self._lock:
                        connection, self.connection = self.connection, None
                    if connection is not None:
                        connection.close()
                    self._reconnect()
        finally:
            self.running = False
            self.reconnecting = False

    def _start(self) -> WebSocketStreamHandle:
        self._thread = threading.Thread(target=self._threadproc, name="mastodon-websocket", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Close the connection and every subscription for good."""
        self.closed = True
        self._stop.set()
        with self._lock:
            connection, self.connection = self.connection, None
            for subscription in self._subscriptions.values():
                subscription.active = False
            self._subscriptions.clear()
        if connection is not None:
            connection.close()

    def __enter__(self) -> WebSocketStreamHandle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
        self.join()
