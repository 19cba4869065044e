"""Your own profile: reading and updating it."""

from __future__ import annotations

from .._core import Core

__all__ = ["ProfileMixin"]


class ProfileMixin(Core):
    """Your own profile: reading and updating it."""
