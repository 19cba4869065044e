"""Asynchronous refreshes the server announces (Mastodon 4.4)."""

from __future__ import annotations

from .._core import Core

__all__ = ["AsyncRefreshMixin"]


class AsyncRefreshMixin(Core):
    """Asynchronous refreshes the server announces (Mastodon 4.4)."""
