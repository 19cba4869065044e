"""Media attachments: uploading, updating and reading them."""

from __future__ import annotations

from .._core import Core

__all__ = ["MediaMixin"]


class MediaMixin(Core):
    """Media attachments: uploading, updating and reading them."""
