"""``mastodon.Mastodon``, the module Mastodon.py 2.3 users import from: the client, every exception,
every entity class and the version helpers, e.g. ``from mastodon.Mastodon import Mastodon, Account``.

``mastodon/__init__.py`` loads this module and then binds the package's ``Mastodon`` to the class, so
``import mastodon.Mastodon`` followed by ``mastodon.Mastodon(...)`` still makes a client, as with
Mastodon.py. Names other than the client and the exceptions are imported on first use.
"""

from typing import TYPE_CHECKING

from ._legacy import names_for
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

if TYPE_CHECKING:
    from ._versions import api_version, max_version, parse_version_string  # noqa: F401
    from .compat import IMPL_HAS_BLURHASH, IMPL_HAS_CRYPTO, IMPL_HAS_ECE  # noqa: F401
    from .return_types import *  # noqa: F403
    from .types_base import *  # noqa: F403

__all__ = [
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
]

__getattr__ = names_for(__name__)
