"""Web push subscriptions and decrypting push messages."""

from __future__ import annotations

from .._core import Core

__all__ = ["PushMixin"]


class PushMixin(Core):
    """Web push subscriptions and decrypting push messages."""
