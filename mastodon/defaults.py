"""``mastodon.defaults``: the default settings Mastodon.py 2.3 kept in this module, read from where ours live.

The names keep Mastodon.py's leading underscore. The scope tables are ours, which follow the current
API documentation and so grant a few more granular scopes (``read:collections`` ...) than 2.3's.
"""

from ._core import DEFAULT_TIMEOUT, DEFAULT_USER_AGENT
from ._oauth import DEFAULT_SCOPES, SCOPE_SETS, VALID_SCOPES
from .endpoints.streaming_endpoints import DEFAULT_STREAM_RECONNECT_WAIT_SEC, DEFAULT_STREAM_TIMEOUT

__all__: list[str] = []

# Whole seconds, as ints: Mastodon.py's values were 300 / 300 / 5, and scripts print or format them.
_DEFAULT_TIMEOUT = int(DEFAULT_TIMEOUT)
_DEFAULT_STREAM_TIMEOUT = int(DEFAULT_STREAM_TIMEOUT)
_DEFAULT_STREAM_RECONNECT_WAIT_SEC = int(DEFAULT_STREAM_RECONNECT_WAIT_SEC)
_DEFAULT_USER_AGENT = DEFAULT_USER_AGENT
_DEFAULT_SCOPES = DEFAULT_SCOPES
_SCOPE_SETS = SCOPE_SETS
_VALID_SCOPES = sorted(VALID_SCOPES)
