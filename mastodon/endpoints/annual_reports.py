"""Annual reports (Wrapstodon)."""

from __future__ import annotations

from .._core import Core

__all__ = ["AnnualReportsMixin"]


class AnnualReportsMixin(Core):
    """Annual reports (Wrapstodon)."""
