"""User preferences and timeline read markers."""

from __future__ import annotations

from .._core import Core

__all__ = ["PreferencesMixin"]


class PreferencesMixin(Core):
    """User preferences and timeline read markers."""
