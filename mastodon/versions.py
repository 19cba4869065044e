"""``mastodon.versions``: version parsing and the endpoint version decorator, at Mastodon.py 2.3's import path."""

from ._legacy import names_for
from ._versions import api_version, max_version, parse_version_string

__all__ = ["api_version", "max_version", "parse_version_string"]

__getattr__ = names_for(__name__)
