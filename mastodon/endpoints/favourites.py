"""Favourited and bookmarked statuses."""

from __future__ import annotations

from .._core import Core

__all__ = ["FavouritesMixin"]


class FavouritesMixin(Core):
    """Favourited and bookmarked statuses."""
