"""Notifications, grouped notifications, the notification policy and filtered requests."""

from __future__ import annotations

from .._core import Core

__all__ = ["NotificationsMixin"]


class NotificationsMixin(Core):
    """Notifications, grouped notifications, the notification policy and filtered requests."""
