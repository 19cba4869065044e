"""A synchronous, full-featured client for the Mastodon API, compatible with Mastodon.py 2.3.

``from mastodon import Mastodon`` is all a bot needs; the exceptions are importable from here and from
``mastodon.errors``, the entity classes from ``mastodon.return_types``.
"""

from typing import TYPE_CHECKING, Any

from ._retry import RetryEvent, RetryPolicy
from .errors import (
    MastodonAPIError,
    MastodonBadGatewayError,
    MastodonDeprecationWarning,
    MastodonError,
    MastodonFileNotFoundError,
    MastodonGatewayTimeoutError,
    MastodonIllegalArgumentError,
    MastodonInternalServerError,
    MastodonIOError,
    MastodonMalformedEventError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonReadTimeout,
    MastodonServerError,
    MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
    MastodonVersionError,
    MastodonWarning,
)

# Mastodon.py's layout: the submodule mastodon/Mastodon.py, then the package's name bound to the class in it.
from .Mastodon import Mastodon
from .types_base import AttribAccessDict

if TYPE_CHECKING:
    from .streaming import (
        CallbackStreamListener,
        SSEStreamHandle,
        StreamHandle,
        StreamListener,
        WebSocketStreamHandle,
        WebSocketSubscription,
    )

_STREAMING_NAMES = frozenset(
    {
        "CallbackStreamListener",
        "SSEStreamHandle",
        "StreamHandle",
        "StreamListener",
        "WebSocketStreamHandle",
        "WebSocketSubscription",
    }
)


def __getattr__(name: str) -> Any:
    """The streaming classes, imported on first use (a bot that never streams does not pay for them)."""
    if name in _STREAMING_NAMES:
        from . import streaming

        return getattr(streaming, name)
    raise AttributeError(f"module 'mastodon' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "AttribAccessDict",
    "CallbackStreamListener",
    "Mastodon",
    "MastodonAPIError",
    "MastodonBadGatewayError",
    "MastodonDeprecationWarning",
    "MastodonError",
    "MastodonFileNotFoundError",
    "MastodonGatewayTimeoutError",
    "MastodonIOError",
    "MastodonIllegalArgumentError",
    "MastodonInternalServerError",
    "MastodonMalformedEventError",
    "MastodonNetworkError",
    "MastodonNotFoundError",
    "MastodonRatelimitError",
    "MastodonReadTimeout",
    "MastodonServerError",
    "MastodonServiceUnavailableError",
    "MastodonUnauthorizedError",
    "MastodonVersionError",
    "MastodonWarning",
    "RetryEvent",
    "RetryPolicy",
    "SSEStreamHandle",
    "StreamHandle",
    "StreamListener",
    "WebSocketStreamHandle",
    "WebSocketSubscription",
]
