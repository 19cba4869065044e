"""Searching accounts, statuses and hashtags."""

from __future__ import annotations

from .._core import Core

__all__ = ["SearchMixin"]


class SearchMixin(Core):
    """Searching accounts, statuses and hashtags."""
