"""Accounts featured on your profile."""

from __future__ import annotations

from .._core import Core, PageOf
from .._versions import api_version
from ..return_types import Account
from ..types_base import PaginatableList

__all__ = ["EndorsementsMixin"]


class EndorsementsMixin(Core):
    """Accounts featured on your profile."""

    @api_version("2.5.0", "2.5.0")
    def endorsements(self) -> PaginatableList[Account]:
        """A page of the accounts you feature on your profile (the server pages them with a Link header)."""
        return self._get("/api/v1/endorsements", PageOf(Account))
