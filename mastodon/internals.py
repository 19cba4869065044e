"""``mastodon.internals``, Mastodon.py 2.3's base of the client: here ``Mastodon`` is our request core.

Every area of the client, and ``mastodon.Mastodon`` itself, inherits from it.
"""

from ._core import Core as Mastodon
from ._legacy import names_for

__all__ = ["Mastodon"]

__getattr__ = names_for(__name__)
