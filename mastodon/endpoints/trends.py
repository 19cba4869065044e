"""Trending tags, statuses and links."""

from __future__ import annotations

from .._core import Core

__all__ = ["TrendsMixin"]


class TrendsMixin(Core):
    """Trending tags, statuses and links."""
