"""Listeners for the streaming API, and the handles an asynchronous stream returns.

Subclass :class:`StreamListener` and override the ``on_*`` methods for the events you want (or use
:class:`CallbackStreamListener` with plain functions), then pass it to ``stream_user``,
``stream_public``, ``stream_hashtag``, ``stream_list``, ``stream_direct`` or
``stream_user_notifications``. Payloads arrive as the entity classes of :mod:`mastodon.return_types`
(:class:`~mastodon.return_types.Status`, :class:`~mastodon.return_types.Notification`, ...).

A malformed event raises :class:`~mastodon.errors.MastodonMalformedEventError` naming the event, after
``on_abort`` has seen it; in an asynchronous stream the error goes to ``on_abort`` only. Server-sent
events and WebSocket subscriptions reach the same handlers through the same code.

Importing this module is cheap: the reader, the reconnect loop and WebSocket support load on first use.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ._stream_handles import SSEStreamHandle, StreamHandle, WebSocketStreamHandle, WebSocketSubscription
from ._streaming import _EVENT_TYPES, _KNOWN_EVENTS, StreamEvent, convert_event, read_sse, stream_error
from .errors import MastodonMalformedEventError
from .types_base import MaybeSnowflakeIdType

if TYPE_CHECKING:
    from .return_types import Announcement, Conversation, Notification, Status, StreamReaction

__all__ = [
    "CallbackStreamListener",
    "SSEStreamHandle",
    "StreamEvent",
    "StreamHandle",
    "StreamListener",
    "WebSocketStreamHandle",
    "WebSocketSubscription",
]


class _Plan(NamedTuple):
    """How one listener class takes events, worked out once per class (signatures are read once)."""

    any_event: bool  # on_any_event is overridden (else it is skipped)
    any_with_stream: bool  # on_any_event takes for_stream
    unknown_with_stream: bool  # on_unknown_event takes for_stream
    handlers: dict[str, tuple[str, bool, bool]]  # event -> (method name, takes for_stream, has a payload)


_PLANS: dict[type, _Plan] = {}


def _accepts_stream(function: Any) -> bool:
    try:
        return "for_stream" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def _plan_of(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        methods = {name: "on_" + name.replace(".", "_") for name in _KNOWN_EVENTS}
        handlers = {
            name: (method, _accepts_stream(getattr(cls, method, None)), _EVENT_TYPES[name] is not None)
            for name, method in methods.items()
            if callable(getattr(cls, method, None))
        }
        plan = _PLANS[cls] = _Plan(
            getattr(cls, "on_any_event", None) is not StreamListener.on_any_event,
            _accepts_stream(getattr(cls, "on_any_event", None)),
            _accepts_stream(getattr(cls, "on_unknown_event", None)),
            handlers,
        )
    return plan


class StreamListener:
    """Callbacks for the streaming API: subclass it and override the ``on_*`` methods you need.

    Every event first goes to :meth:`on_any_event`, then to its own handler; events this library does
    not know go to :meth:`on_unknown_event`, keep-alive comments to :meth:`handle_heartbeat`. A handler
    that declares a ``for_stream`` parameter is also told which stream the event came on (WebSocket
    subscriptions name it; server-sent events name it only when the server adds a ``stream:`` line).
    """

    def on_update(self, status: Status) -> None:
        """``update``: a status appeared in the stream's timeline."""

    def on_delete(self, status_id: MaybeSnowflakeIdType) -> None:
        """``delete``: the status with this id was deleted."""

    def on_notification(self, notification: Notification) -> None:
        """``notification``: the user received a notification."""

    def on_filters_changed(self) -> None:
        """``filters_changed``: the user's keyword filters changed (the event carries no payload)."""

    def on_conversation(self, conversation: Conversation) -> None:
        """``conversation``: a direct conversation the user takes part in was updated."""

    def on_announcement(self, annoucement: Announcement) -> None:
        """``announcement``: the server published an announcement."""

    def on_announcement_reaction(self, reaction: StreamReaction) -> None:
        """``announcement.reaction``: an announcement's emoji reactions changed (name, count, announcement_id)."""

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType) -> None:
        """``announcement.delete``: the announcement with this id was withdrawn."""

    def on_status_update(self, status: Status) -> None:
        """``status.update``: a status in the timeline was edited; this is its new version."""

    def on_encrypted_message(self, unclear: Any) -> None:
        """``encrypted_message``: a payload for end-to-end encryption (no Mastodon release sends it today)."""

    def on_notifications_merged(self) -> None:
        """``notifications_merged``: accepted notification requests were merged in; refresh the notifications."""

    def on_websocket_error(self, error: Exception, for_stream: Any = None) -> None:
        """The streaming server answered a WebSocket request with an error (an unknown stream, say)."""

    def on_abort(self, err: Exception) -> None:
        """The connection failed or delivered something unreadable; ``err`` says what.

        A blocking stream raises ``err`` after this returns; a reconnecting one opens the stream again.
        """

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """An event this library has no handler for: its name and payload (decoded JSON, or None)."""

    def handle_heartbeat(self) -> None:
        """A keep-alive comment arrived: the connection is alive."""

    def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
        """Every event, before its own handler: its name, its converted payload and its stream (if named)."""

    # -----------------------------------------------------------------------------------------

    def handle_stream(self, response: Any) -> None:
        """Read an event stream to its end, calling the handlers for each event.

        ``response`` is a ``requests`` response opened with ``stream=True``, or any object whose
        ``iter_content(chunk_size)`` yields the body in pieces (recorded chunks, say): events split
        across pieces, several in one piece, ``\\r\\n`` line ends and multi-line ``data:`` all read the
        same. A failure (lost connection, read timeout, malformed event) goes to :meth:`on_abort`, then
        is raised.
        """
        events = read_sse(response)
        while True:
            try:
                item = next(events)
                if item is None:
                    self.handle_heartbeat()
                    continue
                payload = convert_event(item[0], item[1], item[3])
            except StopIteration:
                return
            except Exception as error:
                mapped = stream_error(error)
                if mapped is None:
                    raise
                self.on_abort(mapped)
                if mapped is error:
                    raise
                raise mapped from error
            self._deliver(item[0], payload, item[2])

    def handle_websocket_message(self, message: Any) -> None:
        """Handle one WebSocket message, decoded from JSON: ``{"stream": [...], "event": ..., "payload": ...}``."""
        try:
            if not isinstance(message, dict) or not isinstance(message.get("event"), str):
                raise MastodonMalformedEventError("A WebSocket message has no event name", "event", message)
            payload = convert_event(message["event"], message.get("payload"), "payload" in message)
        except MastodonMalformedEventError as error:
            self.on_abort(error)
            raise
        self._deliver(message["event"], payload, message.get("stream"))

    def _deliver(self, name: str, payload: Any, for_stream: Any = None) -> None:
        """Give an event, its payload converted already, to on_any_event and then to its handler."""
        plan = _PLANS.get(type(self)) or _plan_of(type(self))
        if plan.any_event:
            if plan.any_with_stream:
                self.on_any_event(name, payload, for_stream)
            else:
                self.on_any_event(name, payload)
        found = plan.handlers.get(name)
        if found is None:
            if for_stream is not None and plan.unknown_with_stream:
                self.on_unknown_event(name, payload, for_stream)  # type: ignore[call-arg]
            else:
                self.on_unknown_event(name, payload)
            return
        method, with_stream, has_payload = found
        if with_stream and for_stream is not None:
            if has_payload:
                getattr(self, method)(payload, for_stream)
            else:
                getattr(self, method)(for_stream=for_stream)
        elif has_payload:
            getattr(self, method)(payload)
        else:
            getattr(self, method)()


class CallbackStreamListener(StreamListener):
    """A listener that calls plain functions; ``local_update_handler`` gets only statuses of local accounts.

    ``unknown_event_handler`` sees events this library does not know (for diagnostics: a future
    version may give them handlers of their own).
    """

    def __init__(
        self,
        update_handler: Callable[[Status], Any] | None = None,
        local_update_handler: Callable[[Status], Any] | None = None,
        delete_handler: Callable[[MaybeSnowflakeIdType], Any] | None = None,
        notification_handler: Callable[[Notification], Any] | None = None,
        conversation_handler: Callable[[Conversation], Any] | None = None,
        unknown_event_handler: Callable[[str, Any], Any] | None = None,
        status_update_handler: Callable[[Status], Any] | None = None,
        filters_changed_handler: Callable[[], Any] | None = None,
        announcement_handler: Callable[[Announcement], Any] | None = None,
        announcement_reaction_handler: Callable[[StreamReaction], Any] | None = None,
        announcement_delete_handler: Callable[[MaybeSnowflakeIdType], Any] | None = None,
        encryted_message_handler: Callable[[Any], Any] | None = None,
        notifications_merged_handler: Callable[[], Any] | None = None,
        stream_error_handler: Callable[[Exception, Any], Any] | None = None,
    ) -> None:
        super().__init__()
        self.update_handler = update_handler
        self.local_update_handler = local_update_handler
        self.delete_handler = delete_handler
        self.notification_handler = notification_handler
        self.conversation_handler = conversation_handler
        self.unknown_event_handler = unknown_event_handler
        self.status_update_handler = status_update_handler
        self.filters_changed_handler = filters_changed_handler
        self.announcement_handler = announcement_handler
        self.announcement_reaction_handler = announcement_reaction_handler
        self.announcement_delete_handler = announcement_delete_handler
        self.encryted_message_handler = encryted_message_handler
        self.notifications_merged_handler = notifications_merged_handler
        self.stream_error_handler = stream_error_handler

    def on_update(self, status: Status) -> None:
        """Pass the status to ``update_handler``, and to ``local_update_handler`` when its author is local."""
        if self.update_handler is not None:
            self.update_handler(status)
        if self.local_update_handler is not None:
            try:
                local = "@" not in status["account"]["acct"]
            except (KeyError, TypeError) as error:
                raise MastodonMalformedEventError(
                    "An 'update' event has no account.acct, so local_update_handler cannot tell if it is local",
                    status,
                ) from error
            if local:
                self.local_update_handler(status)

    def on_delete(self, status_id: MaybeSnowflakeIdType) -> None:
        """Pass the id to ``delete_handler``."""
        if self.delete_handler is not None:
            self.delete_handler(status_id)

    def on_notification(self, notification: Notification) -> None:
        """Pass the notification to ``notification_handler``."""
        if self.notification_handler is not None:
            self.notification_handler(notification)

    def on_filters_changed(self) -> None:
        """Call ``filters_changed_handler``."""
        if self.filters_changed_handler is not None:
            self.filters_changed_handler()

    def on_conversation(self, conversation: Conversation) -> None:
        """Pass the conversation to ``conversation_handler``."""
        if self.conversation_handler is not None:
            self.conversation_handler(conversation)

    def on_announcement(self, annoucement: Announcement) -> None:
        """Pass the announcement to ``announcement_handler``."""
        if self.announcement_handler is not None:
            self.announcement_handler(annoucement)

    def on_announcement_reaction(self, reaction: StreamReaction) -> None:
        """Pass the reaction to ``announcement_reaction_handler``."""
        if self.announcement_reaction_handler is not None:
            self.announcement_reaction_handler(reaction)

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType) -> None:
        """Pass the id to ``announcement_delete_handler``."""
        if self.announcement_delete_handler is not None:
            self.announcement_delete_handler(annoucement_id)

    def on_status_update(self, status: Status) -> None:
        """Pass the edited status to ``status_update_handler``."""
        if self.status_update_handler is not None:
            self.status_update_handler(status)

    def on_encrypted_message(self, unclear: Any) -> None:
        """Pass the message to ``encryted_message_handler`` (sic, as Mastodon.py spells it)."""
        if self.encryted_message_handler is not None:
            self.encryted_message_handler(unclear)

    def on_notifications_merged(self) -> None:
        """Call ``notifications_merged_handler``."""
        if self.notifications_merged_handler is not None:
            self.notifications_merged_handler()

    def on_websocket_error(self, error: Exception, for_stream: Any = None) -> None:
        """Pass a refused WebSocket subscription to ``stream_error_handler``."""
        if self.stream_error_handler is not None:
            self.stream_error_handler(error, for_stream)

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """Pass an unknown event to ``unknown_event_handler``."""
        if self.unknown_event_handler is not None:
            self.unknown_event_handler(name, unknown_event)
