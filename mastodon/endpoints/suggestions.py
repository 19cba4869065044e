"""Follow suggestions."""

from __future__ import annotations

from .._core import NOTHING, Core, ListOf
from .._versions import api_version
from ..return_types import Account, Suggestion
from ..types_base import IdType, NonPaginatableList, PrimitiveIdType

__all__ = ["SuggestionsMixin"]


class SuggestionsMixin(Core):
    """Endpoints under ``/api/v1/suggestions`` and ``/api/v2/suggestions``."""

    @api_version("2.4.3", "2.4.3")
    def suggestions_v1(self) -> NonPaginatableList[Account]:
        """Accounts suggested for you to follow (the v1 endpoint, deprecated in 3.4)."""
        return self._get("/api/v1/suggestions", ListOf(Account))

    @api_version("3.4.0", "3.4.0")
    def suggestions_v2(self) -> NonPaginatableList[Suggestion]:
        """Accounts suggested for you to follow, each with the reasons it is suggested (3.4)."""
        return self._get("/api/v2/suggestions", ListOf(Suggestion))

    @api_version("2.4.3", "3.4.0")
    def suggestions(self) -> NonPaginatableList[Account]:
        """Accounts suggested for you to follow: from the v2 endpoint from 3.4.0 on (unwrapped), v1 before."""
        if self._server_at_least("3.4.0"):
            return NonPaginatableList(suggestion.account for suggestion in self.suggestions_v2())
        return self.suggestions_v1()

    @api_version("2.4.3", "2.4.3")
    def suggestion_delete(self, account_id: Account | IdType | PrimitiveIdType) -> None:
        """Stop suggesting this account to you."""
        return self._delete("/api/v1/suggestions/{account_id}", NOTHING, account_id=account_id)
