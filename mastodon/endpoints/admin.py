"""Administration and moderation."""

from __future__ import annotations

from .._core import Core

__all__ = ["AdminMixin"]


class AdminMixin(Core):
    """Administration and moderation."""
