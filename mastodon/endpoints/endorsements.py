"""Accounts featured on your profile."""

from __future__ import annotations

from .._core import Core, ListOf
from .._versions import api_version
from ..return_types import Account
from ..types_base import NonPaginatableList

__all__ = ["EndorsementsMixin"]


class EndorsementsMixin(Core):
    """Accounts featured on your profile."""

    @api_version("2.5.0", "2.5.0")
    def endorsements(self) -> NonPaginatableList[Account]:
        """The accounts you feature on your profile."""
        return self._get("/api/v1/endorsements", ListOf(Account))
