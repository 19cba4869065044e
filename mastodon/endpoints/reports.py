"""Reports of accounts and statuses to the moderators."""

from __future__ import annotations

from .._core import Core

__all__ = ["ReportsMixin"]


class ReportsMixin(Core):
    """Reports of accounts and statuses to the moderators."""
