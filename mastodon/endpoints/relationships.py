"""Follows, blocks, mutes, domain blocks and follow requests."""

from __future__ import annotations

from .._core import Core

__all__ = ["RelationshipsMixin"]


class RelationshipsMixin(Core):
    """Follows, blocks, mutes, domain blocks and follow requests."""
