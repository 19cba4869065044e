"""The streaming API: user, public, hashtag, list and direct streams, over server-sent events or WebSocket.

Every ``stream_*`` method blocks, calling the listener's handlers, until the stream ends or fails;
with ``run_async=True`` it returns a :class:`~mastodon.streaming.SSEStreamHandle` at once and streams in
a thread. With ``reconnect_async=True`` that thread reconnects after errors (backoff with jitter, a
watchdog for streams gone quiet) and delivers the statuses and notifications missed while away,
fetched from the REST API, each once. With ``websocket_handle`` (from ``stream_open_websocket``) the
stream becomes a subscription on that WebSocket instead; both transports feed the same pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from .._core import TEXT, Core
from .._encode import id_of, path_segment
from .._feeds import warn_if_feed_closed
from .._stream_handles import SSEStreamHandle, WebSocketStreamHandle, WebSocketSubscription
from .._streaming import CatchUp, EventSource, StreamEvent
from .._versions import api_version
from ..errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError
from ..return_types import UserList
from ..types_base import IdType, PrimitiveIdType

__all__ = ["StreamingMixin", "stream_plan"]

DEFAULT_STREAM_TIMEOUT = 300
DEFAULT_STREAM_RECONNECT_WAIT_SEC = 5

_HOME = CatchUp("update", "/api/v1/timelines/home", "Status")
_NOTIFICATIONS = CatchUp("notification", "/api/v1/notifications", "Notification")

StreamResult = SSEStreamHandle | WebSocketSubscription | None


def stream_plan(stream: str, params: Mapping[str, Any]) -> tuple[str, tuple[CatchUp, ...]]:
    """For a stream named as the WebSocket protocol names it: its server-sent events path, and the
    timelines that catch it up after a gap (``params`` holds ``tag`` or ``list`` where the stream needs one)."""
    if stream == "user":
        return "/api/v1/streaming/user", (_HOME, _NOTIFICATIONS)
    if stream == "user:notification":
        return "/api/v1/streaming/user/notification", (_NOTIFICATIONS,)
    if stream == "direct":
        return "/api/v1/streaming/direct", ()
    if stream == "public" or stream.startswith("public:"):
        words = stream.split(":")[1:]
        local, remote, media = "local" in words, "remote" in words, "media" in words
        if any(word not in ("local", "remote", "media") for word in words) or len(set(words)) != len(words):
            raise MastodonIllegalArgumentError(f"Unknown public stream {stream!r}: try public[:local|:remote][:media]")
        if local and remote:
            raise MastodonIllegalArgumentError("A public stream is local or remote, not both: pass only one of them")
        path = "/api/v1/streaming/public" + ("/local" if local else "/remote" if remote else "")
        flags = {"local": local or None, "remote": remote or None, "only_media": media or None}
        return path + ("?only_media=true" if media else ""), (
            CatchUp("update", "/api/v1/timelines/public", "Status", flags),
        )
    if stream in ("hashtag", "hashtag:local"):
        tag = _tag_name(params.get("tag"))
        local = stream == "hashtag:local"
        segment = path_segment("tag", tag)  # refuses "." and ".." before the catch-up path is made of it
        path = "/api/v1/streaming/hashtag" + ("/local" if local else "") + "?tag=" + quote(tag, safe="")
        return path, (CatchUp("update", "/api/v1/timelines/tag/" + segment, "Status", {"local": local or None}),)
    if stream == "list":
        ident = params.get("list")
        if ident is None or ident == "":
            raise MastodonIllegalArgumentError("The list stream needs the list: pass its id")
        segment = path_segment("list", ident)
        return "/api/v1/streaming/list?list=" + quote(str(ident), safe=""), (
            CatchUp("update", "/api/v1/timelines/list/" + segment, "Status"),
        )
    raise MastodonIllegalArgumentError(
        f"Unknown stream {stream!r}: one of user, user:notification, public[:local|:remote][:media], "
        "hashtag[:local] (with a tag), list (with a list id) or direct"
    )


def _catch_up_of(stream: str, params: Mapping[str, Any]) -> tuple[CatchUp, ...]:
    """The catch-up timelines of a WebSocket subscription; none for a stream this library does not know
    (a fork's own stream, say), which the server may still serve."""
    try:
        return stream_plan(stream, params)[1]
    except MastodonIllegalArgumentError:
        return ()


def _tag_name(tag: Any) -> str:
    name = tag.get("name") if isinstance(tag, Mapping) else tag
    if not isinstance(name, str) or not name:
        raise MastodonIllegalArgumentError(f"tag must be a hashtag name such as 'python', not {tag!r}")
    if name.startswith("#"):
        raise MastodonIllegalArgumentError(f"tag: leave out the leading '#' (pass {name[1:]!r}, not {name!r})")
    return name


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class StreamingMixin(Core):
    """The streaming API: user, public, hashtag, list and direct streams."""

    # -----------------------------------------------------------------------------------------
    # Where the streaming server is

    def _streaming_base(self) -> str:
        """The streaming server's base URL, from the instance configuration (cached), else the API's.

        An announced location that would carry the token in clear where the API does not (plain
        ``ws://`` / ``http://`` from an https instance, or plain to another host) is refused.
        """
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
        base = str(self.api_base_url).rstrip("/")
        if isinstance(announced, str) and announced and announced.rstrip("/") != base:
            parts = urlsplit(announced)
            scheme = {"wss": "https", "ws": "http"}.get(parts.scheme, parts.scheme)
            if scheme not in ("http", "https") or not parts.netloc:
                raise MastodonAPIError(
                    f"The instance announces its streaming server as {announced!r}, which is no ws(s):// or "
                    "http(s):// URL; the stream cannot be opened"
                )
            api = urlsplit(base)
            if scheme == "http" and (
                api.scheme == "https" or (parts.hostname != api.hostname and not _loopback(parts.hostname))
            ):
                why = "the API is reached over https" if api.scheme == "https" else "it is another host"
                raise MastodonNetworkError(
                    f"Refusing to stream from {parts.scheme}://{parts.netloc}, which the instance announces: "
                    f"the access token would travel unencrypted while {why}. Ask the instance's admin to "
                    "announce a wss:// or https:// streaming URL."
                )
            base = f"{scheme}://{parts.netloc}"
        with self._lock:
            self._cache["streaming_base"] = base
        return base

    def _streaming_websocket_url(self) -> str:
        parts = urlsplit(self._streaming_base())
        scheme = {"https": "wss", "http": "ws"}.get(parts.scheme)
        if scheme is None:
            raise MastodonAPIError(f"No WebSocket URL can be made from the streaming base {self._streaming_base()!r}")
        return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/api/v1/streaming"

    # -----------------------------------------------------------------------------------------
    # The one way every stream starts

    def _stream_or_subscribe(
        self,
        stream: str,
        params: Mapping[str, Any],
        listener: Any,
        websocket_handle: WebSocketStreamHandle | None,
        run_async: bool,
        timeout: float,
        reconnect_async: bool,
        reconnect_async_wait_sec: float,
    ) -> StreamResult:
        path, catch_up = stream_plan(stream, params)
        if websocket_handle is not None:
            if not isinstance(websocket_handle, WebSocketStreamHandle):
                raise MastodonIllegalArgumentError(
                    "websocket_handle must be the handle stream_open_websocket() returned, "
                    f"not {type(websocket_handle).__name__}"
                )
            return websocket_handle.subscribe(stream, listener=listener, **params)
        if listener is None:
            raise MastodonIllegalArgumentError("A listener is needed: pass a StreamListener to receive the events")
        source = EventSource.sse(
            self,
            self._streaming_base() + path,
            catch_up,
            timeout=timeout,
            reconnect=reconnect_async,
            reconnect_wait_sec=reconnect_async_wait_sec,
            on_abort=listener.on_abort,
            watchdog=run_async,  # a blocking stream, as Mastodon.py's, ends on the read timeout alone
        )
        if run_async:
            return SSEStreamHandle(source, listener).start()
        source.connect()  # errors of the first connection are raised here, before any handler runs
        events = source.events()
        on_event = listener._deliver
        try:
            for _, item in events:  # deliver(listener, item), written out: one call less per event
                if item is None:
                    listener.handle_heartbeat()
                else:
                    on_event(*item)
        finally:
            events.close()
            source.close()
        return None

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
            "user", {}, listener, websocket_handle, run_async, timeout, reconnect_async, reconnect_async_wait_sec
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
            "user:notification",
            {},
            listener,
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
        if local and remote:
            raise MastodonIllegalArgumentError("A public stream is local or remote, not both: pass only one of them")
        stream = "public" + (":local" if local else ":remote" if remote else "") + (":media" if only_media else "")
        warn_if_feed_closed(self, "The public stream", "public", local, remote)
        return self._stream_or_subscribe(
            stream, {}, listener, websocket_handle, run_async, timeout, reconnect_async, reconnect_async_wait_sec
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
        name = _tag_name(tag)
        warn_if_feed_closed(self, f"The stream of #{name}", "hashtag", local)
        return self._stream_or_subscribe(
            "hashtag:local" if local else "hashtag",
            {"tag": name},
            listener,
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
            raise MastodonIllegalArgumentError("id: pass the list (or its id) to stream")
        return self._stream_or_subscribe(
            "list",
            {"list": str(list_id)},
            listener,
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
        """Private mentions (direct visibility) to or from you as they happen, each a ``conversation`` event."""
        return self._stream_or_subscribe(
            "direct", {}, listener, websocket_handle, run_async, timeout, reconnect_async, reconnect_async_wait_sec
        )

    def stream_open_websocket(
        self,
        listener: Any = None,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        reconnect_async: bool = False,
        reconnect_async_wait_sec: float = DEFAULT_STREAM_RECONNECT_WAIT_SEC,
    ) -> WebSocketStreamHandle:
        """Open one WebSocket to the streaming server, with no subscription yet; subscriptions share it.

        Pass the handle as ``websocket_handle`` to the ``stream_*`` methods, or call its ``subscribe``.
        The connection is made (and its errors raised) before this returns.
        """
        return WebSocketStreamHandle(
            self,
            self._streaming_websocket_url(),
            listener=listener,
            timeout=timeout,
            reconnect=reconnect_async,
            reconnect_wait_sec=reconnect_async_wait_sec,
            catch_up_for=_catch_up_of,
        ).start()

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
        params: dict[str, Any] = {}
        if timeline in ("hashtag", "hashtag:local"):
            params["tag"] = _tag_name(tag)
        elif timeline == "list":
            ident = id_of(list_id, "list_id")
            if ident is None or ident == "":
                raise MastodonIllegalArgumentError("list_id: the list stream needs the list (or its id)")
            params["list"] = str(ident)
        if only_media and timeline.startswith("public") and not timeline.endswith(":media"):
            timeline += ":media"
        path, catch_up = stream_plan(timeline, params)
        source = EventSource.sse(
            self,
            self._streaming_base() + path,
            catch_up,
            timeout=timeout,
            reconnect=reconnect,
            reconnect_wait_sec=reconnect_wait_sec,
        )
        return _iterate(source, heartbeats)


def _iterate(source: EventSource, heartbeats: bool) -> Iterator[StreamEvent]:
    events = source.events()
    try:
        for _, item in events:
            if item is not None:
                yield item
            elif heartbeats:
                yield StreamEvent("heartbeat", None)
    finally:
        source.close()
        events.close()
