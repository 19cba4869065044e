"""Stream handles: the objects a ``stream_*(..., run_async=True)`` call and ``stream_open_websocket`` return.

A handle runs one :class:`~mastodon._streaming.EventSource` (the pipeline: transport, conversion,
deduplication, reconnects and catch-up, in ``mastodon._streaming``) in a thread of its own and hands
each event to the listener of the route it belongs to. :class:`SSEStreamHandle` wraps one server-sent
events stream; :class:`WebSocketStreamHandle` one WebSocket carrying any number of
:class:`WebSocketSubscription`. Their public methods and attributes are the ones Mastodon.py's handles
offer. ``mastodon.streaming`` exports them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._streaming import CatchUp, EventSource, Route, SSETransport, WebSocketTransport, deliver, route_key
from .errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError

if TYPE_CHECKING:
    from ._core import Core

__all__ = ["SSEStreamHandle", "StreamHandle", "WebSocketStreamHandle", "WebSocketSubscription"]

logger = logging.getLogger("mastodon")

# How long closing an event stream waits for its reader thread (busy in a listener callback) to end.
CLOSE_WAIT = 5.0


class StreamHandle:
    """What a ``stream_*(..., run_async=True)`` call returns: control over the thread that reads the stream."""

    _thread: threading.Thread | None = None
    closed: bool = False
    running: bool = False
    reconnecting: bool = False

    def close(self) -> None:
        """Stop the reader thread and drop its connection; the handle cannot be started again."""
        raise NotImplementedError

    def is_alive(self) -> bool:
        """True while the worker thread runs (connected, or reconnecting)."""
        return self._thread is not None and self._thread.is_alive()

    def is_receiving(self) -> bool:
        """True when events can arrive right now: the thread runs, connected and not between connections."""
        return self.running and not self.closed and not self.reconnecting and self.is_alive()

    def join(self, timeout: float | None = None) -> None:
        """Wait (at most ``timeout`` seconds) for the worker thread to end; normally after :meth:`close`."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _listeners(self) -> list[Any]:
        return []

    def _run(self, source: EventSource) -> None:
        """The worker: deliver every event to its route's listener, until the source ends."""
        events = source.events()
        try:
            for route, item in events:
                if self.closed:  # closed (by a listener, or another thread) while this event was read
                    break
                if item is None:  # a heartbeat comment (SSE) goes to the listener; WebSocket pings go nowhere
                    targets = self._listeners() if isinstance(source.transport, SSETransport) else []
                elif route is not None and route.listener is not None:
                    targets = [route.listener]
                else:
                    targets = self._listeners() if isinstance(source.transport, SSETransport) else []
                for listener in targets:
                    try:
                        deliver(listener, item)
                    except Exception as error:
                        # A handler failed: say so, and keep streaming only when asked to reconnect.
                        logger.exception("Stream listener failed on %s", "a heartbeat" if item is None else item.event)
                        listener.on_abort(error)
                        if not source.reconnect:
                            return
        except MastodonError:
            pass  # the stream's own errors went to on_abort already
        finally:
            events.close()
            self.running = False

    def _start(self, source: EventSource, name: str) -> None:
        self.running = True
        self._thread = threading.Thread(target=self._run, args=(source,), name=name, daemon=True)
        self._thread.start()


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
        transport = self.source.transport
        return transport.response if isinstance(transport, SSETransport) else None

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
        """End the event stream: the reader thread stops and the HTTP response is released.

        Returns once the reader thread has ended, so that ``is_alive()`` is False after it; a listener
        callback still running can hold it up to ``CLOSE_WAIT`` seconds. Called from a listener (on the
        reader thread itself), it returns at once and the thread ends after the callback.
        """
        self.closed = True
        self.source.close()
        self.join(CLOSE_WAIT)

    def _listeners(self) -> list[Any]:
        return [self.listener]

    def start(self) -> SSEStreamHandle:
        """Start the worker thread (the ``stream_*`` methods do this); it tries until the first connection is made."""
        self.source.retry_until_connected = True
        self._start(self.source, "mastodon-stream")
        return self


class WebSocketSubscription:
    """A stream added to a WebSocket handle by ``subscribe()``; ``close()`` leaves the socket open for the rest."""

    def __init__(self, websocket: WebSocketStreamHandle, stream: str, params: Mapping[str, Any], listener: Any) -> None:
        self.websocket = websocket
        self.stream = stream
        self.params = dict(params)
        self.listener = listener
        self.active = True

    def close(self) -> None:
        """Unsubscribe from this stream (the connection stays open)."""
        if self.active:
            self.websocket.unsubscribe(self.stream, **self.params)

    def is_alive(self) -> bool:
        """True while subscribed and the connection's thread runs."""
        return self.active and self.websocket.is_alive()

    def is_receiving(self) -> bool:
        """True while subscribed and the connection is established."""
        return self.active and self.websocket.is_receiving()

    def __repr__(self) -> str:
        state = "active" if self.active else "ended"
        return f"<WebSocketSubscription {self.stream} {self.params or ''} {state}>"


class WebSocketStreamHandle(StreamHandle):
    """One WebSocket to the streaming server, carrying any number of subscriptions.

    Made by ``Mastodon.stream_open_websocket``. Each subscription (:meth:`subscribe`, or a
    ``stream_*`` method given ``websocket_handle=``) has its own listener, its own record of what it
    has had and its own catch-up timelines; events of streams nobody subscribed to by name go to the
    handle's ``listener``. With ``reconnect``, a lost connection is opened again with backoff, every
    subscription is sent again, and each catches up on what it missed, as server-sent event streams do.
    """

    def __init__(
        self,
        client: Core,
        url: str,
        listener: Any = None,
        timeout: float = 300,
        reconnect: bool = False,
        reconnect_wait_sec: float = 5,
        catch_up_for: Callable[[str, Mapping[str, Any]], tuple[CatchUp, ...]] | None = None,
    ) -> None:
        self.client = client
        self.url = url
        self.listener = listener
        self.timeout = timeout
        self.reconnect = reconnect
        self.reconnect_wait_sec = reconnect_wait_sec
        self.closed = False
        self.running = False
        self._catch_up_for = catch_up_for
        self._thread: threading.Thread | None = None
        self._by_key: dict[tuple[str, ...], WebSocketSubscription] = {}
        self._default = Route(("*",), (), listener)
        self._transport = WebSocketTransport(client, url, self._default, timeout, self._refused)
        self.source = EventSource(
            client,
            self._transport,
            timeout=timeout,
            reconnect=reconnect,
            reconnect_wait_sec=reconnect_wait_sec,
            on_abort=self._tell_everyone,
        )
        self.source.connect()

    # Mastodon.py's handle offers these as attributes.
    @property
    def access_token(self) -> str | None:
        """The access token the connection authenticates with."""
        return self.client.access_token

    @property
    def user_agent(self) -> str | None:
        """The User-Agent the connection announces."""
        return self.client.user_agent

    @property
    def connection(self) -> Any:
        """The open :class:`mastodon._websocket.WebSocketConnection`, or None between connections."""
        return self._transport.connection

    @property
    def reconnecting(self) -> bool:  # type: ignore[override]
        """True while the connection is being opened again."""
        return self.source.reconnecting

    def is_receiving(self) -> bool:
        """True when events can arrive right now: the thread runs and the socket is open."""
        return self.running and not self.closed and self.source.connected and self.is_alive()

    def __repr__(self) -> str:
        return f"<WebSocketStreamHandle {self.url} subscriptions={len(self._by_key)} closed={self.closed}>"

    # ----------------------------------------------------------------------------- subscriptions

    def subscriptions(self) -> list[WebSocketSubscription]:
        """The active subscriptions."""
        with self._transport.lock:
            return list(self._by_key.values())

    def subscribe(self, stream: str, listener: Any = None, **params: Any) -> WebSocketSubscription:
        """Subscribe to ``stream``: ``user``, ``public:local``, ``hashtag`` with ``tag=``, ``list`` with ``list=``..."""
        if not isinstance(stream, str) or not stream:
            raise MastodonIllegalArgumentError(f"stream must be a stream name such as 'user', not {stream!r}")
        listener = listener if listener is not None else self.listener
        if listener is None:
            raise MastodonIllegalArgumentError(
                f"No listener for the {stream!r} subscription: pass listener=, or give the handle one"
            )
        if self.closed:
            raise MastodonIllegalArgumentError(
                f"{stream!r} cannot be added to a closed WebSocket handle; open a new one with stream_open_websocket()"
            )
        key = route_key(stream, params.get("tag", params.get("list")))
        with self._transport.lock:
            if key in self._by_key:
                raise MastodonIllegalArgumentError(
                    f"This WebSocket already carries {'/'.join(key)}; close that subscription before adding it again"
                )
            subscription = WebSocketSubscription(self, stream, params, listener)
            self._by_key[key] = subscription
        catch_up = self._catch_up_for(stream, params) if self._catch_up_for is not None else ()
        route = Route(key, catch_up, listener)
        try:
            if self.reconnect and catch_up:
                route.take_baseline(self.client, f"{self.url} ({stream})")
            message = {"stream": stream, **{name: value for name, value in params.items() if value is not None}}
            self._transport.add(key, route, message)
        except Exception:
            with self._transport.lock:
                self._by_key.pop(key, None)
            subscription.active = False
            raise
        return subscription

    def unsubscribe(self, stream: str, **params: Any) -> WebSocketStreamHandle:
        """End the subscription to ``stream`` (named as for :meth:`subscribe`); the connection stays."""
        key = route_key(stream, params.get("tag", params.get("list")))
        with self._transport.lock:
            subscription = self._by_key.pop(key, None)
        if subscription is None:
            raise MastodonIllegalArgumentError(f"This WebSocket has no subscription to {'/'.join(key)}")
        subscription.active = False
        self._transport.remove(key)
        return self

    # ----------------------------------------------------------------------------- the worker

    def _listeners(self) -> list[Any]:
        found: list[Any] = []
        for listener in [self.listener, *(s.listener for s in self.subscriptions())]:
            if listener is not None and all(listener is not other for other in found):
                found.append(listener)
        return found

    def _tell_everyone(self, error: Exception) -> None:
        for listener in self._listeners():
            listener.on_abort(error)

    def _refused(self, error: MastodonAPIError, stream: Any) -> None:
        route = self._transport.route_for(stream) if stream else None
        owner = route.listener if route is not None and route is not self._default else None
        for listener in [owner] if owner is not None else self._listeners():
            listener.on_websocket_error(error, stream)

    def start(self) -> WebSocketStreamHandle:
        """Start the worker thread (``stream_open_websocket`` does this)."""
        self._start(self.source, "mastodon-websocket")
        return self

    def close(self) -> None:
        """Close the connection (politely) and end every subscription, for good."""
        self.closed = True
        with self._transport.lock:
            subscriptions, self._by_key = list(self._by_key.values()), {}
        for subscription in subscriptions:
            subscription.active = False
        self.source._closed.set()
        self._transport.say_goodbye()

    def __enter__(self) -> WebSocketStreamHandle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
        self.join()
