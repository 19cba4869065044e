"""Collections of accounts (Mastodon 4.6)."""

from __future__ import annotations

from .._core import Core

__all__ = ["CollectionsMixin"]


class CollectionsMixin(Core):
    """Collections of accounts (Mastodon 4.6)."""
