"""``mastodon.lists``, the module that holds Mastodon.py 2.3's lists methods.

Here ``Mastodon`` is the whole client (so ``isinstance(api, mastodon.lists.Mastodon)`` holds and every
lists method is on it); the other names Mastodon.py's module offered are looked up where they live.
"""

from ._legacy import names_for
from .client import Mastodon

__all__ = ["Mastodon"]

__getattr__ = names_for(__name__)
