"""Lists of accounts and their members."""

from __future__ import annotations

from .._core import Core

__all__ = ["ListsMixin"]


class ListsMixin(Core):
    """Lists of accounts and their members."""
