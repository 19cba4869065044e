"""App registration, OAuth logins, tokens and their revocation."""

from __future__ import annotations

from .._core import Core

__all__ = ["AuthenticationMixin"]


class AuthenticationMixin(Core):
    """App registration, OAuth logins, tokens and their revocation."""
