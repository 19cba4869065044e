"""Accounts featured on your profile."""

from __future__ import annotations

from .._core import Core

__all__ = ["EndorsementsMixin"]


class EndorsementsMixin(Core):
    """Accounts featured on your profile."""
