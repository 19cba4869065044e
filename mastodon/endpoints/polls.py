"""Polls: reading them and voting."""

from __future__ import annotations

from .._core import Core

__all__ = ["PollsMixin"]


class PollsMixin(Core):
    """Polls: reading them and voting."""
