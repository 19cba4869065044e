"""Listeners for the streaming API, and the handles an asynchronous stream returns.

Subclass :class:`StreamListener` and override the ``on_*`` methods for the events you want (or use
:class:`CallbackStreamListener` with plain functions), then pass it to ``stream_user``,
``stream_public``, ``stream_hashtag``, ``stream_list``, ``stream_direct`` or
``stream_user_notifications``. Payloads arrive as the entity classes of :mod:`mastodon.return_types`
(:class:`~mastodon.return_types.Status`, :class:`~mastodon.return_types.Notification`, ...).

A malformed event raises :class:`~mastodon.errors.MastodonMalformedEventError` naming the event, after
``on_abort`` has seen it; in an asynchronous stream the error goes to ``on_abort`` only.

Importing this module is cheap: the reader, the reconnect loop and WebSocket support load on first use.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._streaming import (
    _EVENT_TYPES,
    _KNOWN_EVENTS,
    SSEStreamHandle,
    StreamEvent,
    StreamHandle,
    WebSocketStreamHandle,
    WebSocketSubscription,
    convert_event,
    read_sse,
    stream_error,
)
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

_TAKES_FOR_STREAM: dict[Any, bool] = {}


def _takes_for_stream(handler: Callable[..., Any]) -> bool:
    """Whether a handler accepts ``for_stream`` (worked out once per function)."""
    key = getattr(handler, "__func__", handler)
    known = _TAKES_FOR_STREAM.get(key)
    if known is None:
        try:
            known = "for_stream" in inspect.signature(handler).parameters
        except (TypeError, ValueError):
            known = False
        _TAKES_FOR_STREAM[key] = known
    return known


class StreamListener:
    """Callbacks for the streaming API: subclass it and override the ``on_*`` methods you need.

    Every event first goes to :meth:`on_any_event`, then to its own handler; events this library does
    not know go to :meth:`on_unknown_event`, heartbeats to :meth:`handle_heartbeat`.
    """

    def on_update(self, status: Status) -> None:
        """A new status has appeared."""

    def on_delete(self, status_id: MaybeSnowflakeIdType) -> None:
        """A status has been deleted; ``status_id`` is its id."""

    def on_notification(self, notification: Notification) -> None:
        """A new notification."""

    def on_filters_changed(self) -> None:
        """Filters have changed (no payload: fetch them again yourself)."""

    def on_conversation(self, conversation: Conversation) -> None:
        """A direct conversation was updated (the direct stream)."""

    def on_announcement(self, annoucement: Announcement) -> None:
        """An announcement has been published."""

    def on_announcement_reaction(self, reaction: StreamReaction) -> None:
        """Someone has reacted to an announcement."""

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType) -> None:
        """An announcement has been deleted; ``annoucement_id`` is its id."""

    def on_status_update(self, status: Status) -> None:
        """A status has been edited."""

    def on_encrypted_message(self, unclear: Any) -> None:
        """An encrypted message has been received (unused by Mastodon today)."""

    def on_notifications_merged(self) -> None:
        """Accepted notification requests have finished merging into the notifications."""

    def on_websocket_error(self, error: Exception, for_stream: Any = None) -> None:
        """A WebSocket subscription was refused by the server."""

    def on_abort(self, err: Exception) -> None:
        """An error ended (or, with reconnection, interrupted) the streaming connection.

        In a blocking stream the same exception is raised when this returns.
        """

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """An event this library does not know: its name and its payload (wrapped JSON, or None)."""

    def handle_heartbeat(self) -> None:
        """The server sent a keep-alive comment."""

    def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
        """Every event, before its own handler: its name, its payload and (WebSocket) its stream."""

    # -----------------------------------------------------------------------------------------

    def handle_stream(self, response: Any) -> None:
        """Read an open event-stream ``response`` to its end, calling the handlers for each event.

        Errors (connection lost, read timeout, malformed event) go to :meth:`on_abort`, then are raised.
        """
        events = read_sse(response)
        while True:
            try:
                item = next(events)
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
            if item is None:
                self.handle_heartbeat()
            else:
                self._dispatch_event(item[0], item[1], item[2], item[3])

    def handle_websocket_message(self, message: Any) -> None:
        """Dispatch one decoded WebSocket message (``{"event": ..., "payload": ..., "stream": [...]}``)."""
        if not isinstance(message, dict) or "event" not in message:
            error = MastodonMalformedEventError("Missing field", "event", message)
            self.on_abort(error)
            raise error
        self._dispatch_event(str(message["event"]), message.get("payload"), message.get("stream"), "payload" in message)

    def _dispatch_event(self, name: str, raw_payload: Any, for_stream: Any, payload_present: bool) -> None:
        try:
            payload = convert_event(name, raw_payload, payload_present)
        except MastodonMalformedEventError as error:
            self.on_abort(error)
            raise
        self._deliver(name, payload, for_stream)

    def _deliver(self, name: str, payload: Any, for_stream: Any = None) -> None:
        """Call :meth:`on_any_event`, then the event's own handler, with an already converted payload."""
        if _takes_for_stream(self.on_any_event):
            self.on_any_event(name, payload, for_stream)
        else:
            self.on_any_event(name, payload)
        handler = getattr(self, "on_" + name.replace(".", "_"), None) if name in _KNOWN_EVENTS else None
        with_stream = for_stream is not None
        if handler is None:
            if with_stream and _takes_for_stream(self.on_unknown_event):
                self.on_unknown_event(name, payload, for_stream)  # type: ignore[call-arg]
            else:
                self.on_unknown_event(name, payload)
        elif _EVENT_TYPES[name] is None:
            if with_stream and _takes_for_stream(handler):
                handler(for_stream=for_stream)
            else:
                handler()
        elif with_stream and _takes_for_stream(handler):
            handler(payload, for_stream)
        else:
            handler(payload)


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
                raise MastodonMalformedEventError("received bad update", status) from error
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
