"""Filters, v1 and v2, with their keywords and statuses."""

from __future__ import annotations

from .._core import Core

__all__ = ["FiltersMixin"]


class FiltersMixin(Core):
    """Filters, v1 and v2, with their keywords and statuses."""
