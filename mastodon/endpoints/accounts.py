"""Accounts: your own, other people's, and what you do to them."""

from __future__ import annotations

from .._core import Core
from .._versions import api_version
from ..return_types import Account

__all__ = ["AccountsMixin"]


class AccountsMixin(Core):
    """Endpoints under ``/api/v1/accounts``."""

    @api_version("1.0.0", "2.1.0")
    def account_verify_credentials(self) -> Account:
        """The account this token belongs to, with its ``source`` (privacy, sensitive, language, note)."""
        return self._get("/api/v1/accounts/verify_credentials", Account)

    @api_version("1.0.0", "2.1.0")
    def me(self) -> Account:
        """The account this token belongs to (the same as ``account_verify_credentials``)."""
        return self.account_verify_credentials()
