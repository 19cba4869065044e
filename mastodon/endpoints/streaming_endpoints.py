"""The streaming API: user, public, hashtag, list and direct streams, over server-sent events or WebSocket.

Every ``stream_*`` method blocks, calling the listener's handlers, until the stream ends or fails;
with ``run_async=True`` it returns a :class:`~mastodon.streaming.SSEStreamHandle` at once and streams in
a thread. With ``reconnect_async=True`` that thread reconnects after errors (backoff with jitter, a
watchdog for streams gone quiet) and delivers the statuses and notifications missed while away,
fetched from the REST API, each once. With ``websocket_handle`` (from ``stream_open_websocket``) the
stream becomes a subscription on that WebSocket connection instead.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping
from contextlib import closing
from typing import Any
from urllib.parse import quote, urlsplit

from .._core import TEXT, Core
from .._encode import id_of
from .._feeds import warn_if_feed_closed
from .._streaming import (
    CatchUp,
    EventSource,
    SSEStreamHandle,
    StreamEvent,
    WebSocketStreamHandle,
    WebSocketSubscription,
)
from .._versions import api_version
from ..errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError
from ..return_types import UserList
from ..types_base import IdType, PrimitiveIdType

__all__ = ["StreamingMixin"]

DEFAULT_STREAM_TIMEOUT = 300
DEFAULT_STREAM_RECONNECT_WAIT_SEC = 5

_HOME = CatchUp("update", "/api/v1/timelines/home", "Status")
_NOTIFICATIONS = CatchUp("notification", "/api/v1/notifications", "Notification")

StreamResult = SSEStreamHandle | WebSocketSubscription | None


class StreamingMixin(Core):
    """The streaming API: user, public, hashtag, list and direct streams."""

    # -----------------------------------------------------------------------------------------
    # Where the streaming server is

    def _streaming_base(self) -> str:
        """The streaming server's base URL, from the instance configuration (cached), else the API's."""
        with self._lock:
            cached = self._cache.get("streaming_base")
        if isinstance(cached, str):
            return cached
        announced: Any = None
        try:
            announced = self._cached_get("instance_v2", "/api/v2/instance")["configuration"]["urls"]["streaming"]
        except (MastodonAPIError, MastodonNetworkError, KeyError, TypeError):
            try:
                announced = self._cached_get("instance_v1", "/api/v1/instance")["urls"]["streaming_api"]
            except (MastodonAPIError, MastodonNetworkError, KeyError, TypeError):
                announced = None
        base = str(self.api_base_url)
        if isinstance(announced, str) and announced and announced.rstrip("/") != base:
            parts = urlsplit(announced)
            scheme = {"wss": "https", "ws": "http"}.get(parts.scheme, parts.scheme)
            if scheme not in ("http", "https") or not parts.netloc:
                raise MastodonAPIError(
                    f"The instance announces its streaming server as {announced!r}, which is not an "
                    "http(s) or ws(s) URL with a host; streaming needs the server to fix urls.streaming_api"
                )
            base = f"{scheme}://{parts.netloc}"
        with self._lock:
            self._cache["streaming_base"] = base
        return base

    def _streaming_websocket_url(self) -> str:
        parts = urlsplit(self._streaming_base())
        scheme = {"https": "wss", "http": "ws"}.get(parts.scheme)
        if scheme is None:
            raise MastodonAPIError(
                f"The streaming base {self._streaming_base()!r} is neither http nor https, so it has no WebSocket URL"
            )
        return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/api/v1/streaming"

    # -----------------------------------------------------------------------------------------
    # The one way every stream starts

    def _stream_source(
        self,
        endpoint: str,
        catch_up: tuple[CatchUp, ...],
        *,
        timeout: float,
        reconnect: bool,
        reconnect_wait_sec: float,
        on_abort: Any = None,
    ) -> EventSource:
        return EventSource(
            self,
            self._streaming_base().rstrip("/") + endpoint,
            timeout=timeout,
            reconnect=reconnect,
            reconnect_wait_sec=reconnect_wait_sec,
            catch_up=catch_up,
            on_abort=on_abort,
        )

    def _stream_or_subscribe(
        self,
        endpoint: str,
        stream: str,
        listener: Any,
        catch_up: tuple[CatchUp, ...],
        stream_params: Mapping[str, Any] | None,
        websocket_handle: WebSocketStreamHandle | None,
        run_async: bool,
        timeout: float,
        reconnect_async: bool,
        reconnect_async_wait_sec: float,
    ) -> StreamResult:
        if websocket_handle is not None:
            if not isinstance(websocket_handle, WebSocketStreamHandle):
                raise MastodonIllegalArgumentError(
                    "websocket_handle must be what stream_open_websocket() returned, "
                    f"not {type(websocket_handle).__name__}"
                )
            return websocket_handle.subscribe(stream, listener=listener, **(stream_params or {}))
        if listener is None:
            raise MastodonIllegalArgumentError("listener is required")
        source = self._stream_source(
            endpoint,
            catch_up,
            timeout=timeout,
            reconnect=reconnect_async,
            reconnect_wait_sec=reconnect_async_wait_sec,
            on_abort=listener.on_abort,
        )
        if run_async:
            return SSEStreamHandle(source, listener)._start()
        with closing(source.open()) as response:
            listener.handle_stream(response)
        return None

    @staticmethod
    def _public_stream(local: bool, remote: bool, only_media: bool) -> tuple[str, str, dict[str, Any]]:
        if local and remote:
            raise MastodonIllegalArgumentError(
                "local and remote exclude each other: pass one of them (or neither, for the whole public stream)"
            )
        endpoint = "/api/v1/streaming/public" + ("/local" if local else "/remote" if remote else "")
        stream = "public" + (":local" if local else ":remote" if remote else "")
        if only_media:
            stream += ":media"
            endpoint += "?only_media=true"
        flags = {"local": local or None, "remote": remote or None, "only_media": only_media or None}
        return endpoint, stream, flags

    @staticmethod
    def _tag_name(tag: Any) -> str:
        name = tag.get("name") if isinstance(tag, Mapping) else tag
        if not isinstance(name, str) or not name:
            raise MastodonIllegalArgumentError(f"tag must be a hashtag name, not {tag!r}")
        if name.startswith("#"):
            raise MastodonIllegalArgumentError(f"Give the hashtag without its '#': {name[1:]!r}, not {name!r}")
        return name

    # -----------------------------------------------------------------------------------------
    # Streams

    @api_version("1.1.0", "1.4.2")
    def stream_user(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream the logged-in user's home timeline and notifications."""
        return self._stream_or_subscribe(
            "/api/v1/streaming/user",
            "user",
            listener,
            (_HOME, _NOTIFICATIONS),
            None,
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    @api_version("1.4.2", "1.4.2")
    def stream_user_notifications(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream the logged-in user's notifications only."""
        return self._stream_or_subscribe(
            "/api/v1/streaming/user/notification",
            "user:notification",
            listener,
            (_NOTIFICATIONS,),
            None,
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    @api_version("1.1.0", "1.4.2")
    def stream_public(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        local: bool = False,
        remote: bool = False,
        only_media: bool = False,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream public statuses: all, ``local`` or ``remote`` only, optionally ``only_media``."""
        endpoint, stream, flags = self._public_stream(local, remote, only_media)
        warn_if_feed_closed(self, "The public stream", "public", local, remote)
        catch_up = (CatchUp("update", "/api/v1/timelines/public", "Status", flags),)
        return self._stream_or_subscribe(
            endpoint,
            stream,
            listener,
            catch_up,
            None,
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    @api_version("1.1.0", "1.4.2")
    def stream_local(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        only_media: bool = False,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream local public statuses (deprecated: ``stream_public(local=True)`` is the same)."""
        return self.stream_public(
            listener,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
            local=True,
            only_media=only_media,
            websocket_handle=websocket_handle,
        )

    @api_version("1.1.0", "1.4.2")
    def stream_hashtag(
        self,
        tag: str,
        listener: Any,
        local: bool = False,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream public statuses with the hashtag ``tag`` (without its ``#``); ``local`` for local ones only."""
        name = self._tag_name(tag)
        warn_if_feed_closed(self, f"The stream of #{name}", "hashtag", local)
        endpoint = "/api/v1/streaming/hashtag" + ("/local" if local else "") + "?tag=" + quote(name, safe="")
        path = "/api/v1/timelines/tag/" + quote(name, safe="")
        catch_up = (CatchUp("update", path, "Status", {"local": local or None}),)
        return self._stream_or_subscribe(
            endpoint,
            "hashtag:local" if local else "hashtag",
            listener,
            catch_up,
            {"tag": name},
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    @api_version("2.1.0", "2.1.0")
    def stream_list(
        self,
        id: UserList | IdType | PrimitiveIdType,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream the logged-in user's home events from the accounts on list ``id``."""
        list_id = id_of(id, "id")
        if list_id is None or list_id == "":
            raise MastodonIllegalArgumentError("id: a list (or its id) is required")
        quoted = quote(str(list_id), safe="")
        catch_up = (CatchUp("update", "/api/v1/timelines/list/" + quoted, "Status"),)
        return self._stream_or_subscribe(
            "/api/v1/streaming/list?list=" + quoted,
            "list",
            listener,
            catch_up,
            {"list": str(list_id)},
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    @api_version("2.6.0", "2.6.0")
    def stream_direct(
        self,
        listener: Any,
        run_async: bool = False,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        websocket_handle: WebSocketStreamHandle | None = None,
    ) -> StreamResult:
        """Stream the logged-in user's direct conversations, as ``conversation`` events."""
        return self._stream_or_subscribe(
            "/api/v1/streaming/direct",
            "direct",
            listener,
            (),
            None,
            websocket_handle,
            run_async,
            timeout,
            reconnect_async,
            reconnect_async_wait_sec,
        )

    def stream_open_websocket(
        self,
        listener: Any = None,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
    ) -> WebSocketStreamHandle:
        """Open one authenticated WebSocket streaming connection, with no subscription yet (``websocket-client``).

        Pass the handle as ``websocket_handle`` to the ``stream_*`` methods, or call its ``subscribe``.
        Without the ``websocket-client`` package installed this raises ``NotImplementedError``.
        """
        from .._streaming import _websocket_module

        _websocket_module()  # a clear error before any request when websocket-client is missing
        handle = WebSocketStreamHandle(
            self._streaming_websocket_url(),
            self.access_token,
            self.user_agent,
            listener=listener,
            timeout=timeout,
            reconnect=reconnect_async,
            reconnect_wait_sec=reconnect_async_wait_sec,
            clock=self._ratelimiter.clock,
        )
        return handle._start()

    @api_version("2.5.0", "2.5.0")
    def stream_healthy(self) -> bool:
        """True when the streaming server answers its health check with ``OK``."""
        text = self._request("GET", "/api/v1/streaming/health", TEXT, {}, base_url=self._streaming_base())
        return text in ("OK", "success")

    # -----------------------------------------------------------------------------------------
    # A generator for scripts

    def stream(
        self,
        timeline: str = "user",
        tag: str | None = None,
        list_id: UserList | IdType | PrimitiveIdType | None = None,
        only_media: bool = False,
        reconnect: bool = True,
        reconnect_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        heartbeats: bool = False,
    ) -> Iterator[StreamEvent]:
        """Yield the events of a stream as ``StreamEvent(event, payload, stream)``: ``for event in api.stream("user")``.

        ``timeline`` is a stream name: ``user``, ``user:notification``, ``public``, ``public:local``,
        ``public:remote``, ``hashtag`` / ``hashtag:local`` (with ``tag``), ``list`` (with ``list_id``) or
        ``direct``. With ``reconnect`` (the default) the stream survives errors and catches up on what it
        missed; otherwise the first error is raised. ``heartbeats`` yields ``StreamEvent("heartbeat", None)``
        for each keep-alive. Leaving the loop closes the connection.
        """
        endpoint, catch_up = self._stream_target(timeline, tag, list_id, only_media)
        source = self._stream_source(
            endpoint, catch_up, timeout=timeout, reconnect=reconnect, reconnect_wait_sec=reconnect_wait_sec
        )
        return _iterate(source, heartbeats)

    def _stream_target(
        self, timeline: str, tag: str | None, list_id: Any, only_media: bool
    ) -> tuple[str, tuple[CatchUp, ...]]:
        if timeline == "user":
            return "/api/v1/streaming/user", (_HOME, _NOTIFICATIONS)
        if timeline == "user:notification":
            return "/api/v1/streaming/user/notification", (_NOTIFICATIONS,)
        if timeline == "direct":
            return "/api/v1/streaming/direct", ()
        if timeline.startswith("public"):
            parts = timeline.split(":")[1:]
            if any(part not in ("local", "remote", "media") for part in parts):
                raise MastodonIllegalArgumentError(f"timeline: unknown stream {timeline!r}")
            endpoint, _, flags = self._public_stream(
                "local" in parts, "remote" in parts, only_media or "media" in parts
            )
            return endpoint, (CatchUp("update", "/api/v1/timelines/public", "Status", flags),)
        if timeline in ("hashtag", "hashtag:local"):
            name = self._tag_name(tag)
            local = timeline == "hashtag:local"
            endpoint = "/api/v1/streaming/hashtag" + ("/local" if local else "") + "?tag=" + quote(name, safe="")
            path = "/api/v1/timelines/tag/" + quote(name, safe="")
            return endpoint, (CatchUp("update", path, "Status", {"local": local or None}),)
        if timeline == "list":
            ident = id_of(list_id, "list_id")
            if ident is None or ident == "":
                raise MastodonIllegalArgumentError("list_id is required for the list stream")
            quoted = quote(str(ident), safe="")
            return "/api/v1/streaming/list?list=" + quoted, (
                CatchUp("update", "/api/v1/timelines/list/" + quoted, "Status"),
            )
        raise MastodonIllegalArgumentError(
            f"timeline must be user, user:notification, public[:local|:remote][:media], hashtag[:local], list or "
            f"direct, not {timeline!r}"
        )


def _iterate(source: EventSource, heartbeats: bool) -> Iterator[StreamEvent]:
    events: Generator[StreamEvent | None, None, None] = source.events()
    try:
        for item in events:
            if item is not None:
                yield item
            elif heartbeats:
                yield StreamEvent("heartbeat", None)
    finally:
        source.close()
        events.close()
