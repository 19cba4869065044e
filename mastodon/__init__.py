"""A synchronous, full-featured client for the Mastodon API, compatible with Mastodon.py 2.3.

``from mastodon import Mastodon`` is all a bot needs; the exceptions are importable from here and from
``mastodon.errors``, the entity classes from ``mastodon.return_types``.
"""

from .client import Mastodon
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
from .streaming import (
    CallbackStreamListener,
    SSEStreamHandle,
    StreamHandle,
    StreamListener,
    WebSocketStreamHandle,
    WebSocketSubscription,
)
from .types_base import AttribAccessDict

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
    "SSEStreamHandle",
    "StreamHandle",
    "StreamListener",
    "WebSocketStreamHandle",
    "WebSocketSubscription",
]
