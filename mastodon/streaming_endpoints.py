"""``mastodon.streaming_endpoints``, the module that holds Mastodon.py 2.3's streaming endpoints methods.

Here ``Mastodon`` is the whole client (so ``isinstance(api, mastodon.streaming_endpoints.Mastodon)`` holds and every
streaming endpoints method is on it); the other names Mastodon.py's module offered are looked up where they live.
"""

from ._legacy import names_for
from .client import Mastodon

__all__ = ["Mastodon"]

__getattr__ = names_for(__name__)
