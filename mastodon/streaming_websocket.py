"""``mastodon.streaming_websocket``: the WebSocket stream handle classes, at Mastodon.py 2.3's import path."""

from ._legacy import names_for
from .streaming import WebSocketStreamHandle, WebSocketSubscription

__all__ = ["WebSocketStreamHandle", "WebSocketSubscription"]

__getattr__ = names_for(__name__)
