"""Hashtags: following, featuring and reading them."""

from __future__ import annotations

from .._core import Core

__all__ = ["HashtagsMixin"]


class HashtagsMixin(Core):
    """Hashtags: following, featuring and reading them."""
