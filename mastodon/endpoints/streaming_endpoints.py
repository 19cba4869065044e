"""The streaming API: user, public, hashtag, list and direct streams."""

from __future__ import annotations

from .._core import Core

__all__ = ["StreamingMixin"]


class StreamingMixin(Core):
    """The streaming API: user, public, hashtag, list and direct streams."""
