"""Follow suggestions."""

from __future__ import annotations

from .._core import Core

__all__ = ["SuggestionsMixin"]


class SuggestionsMixin(Core):
    """Follow suggestions."""
