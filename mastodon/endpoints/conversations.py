"""Direct conversations."""

from __future__ import annotations

from .._core import Core

__all__ = ["ConversationsMixin"]


class ConversationsMixin(Core):
    """Direct conversations."""
