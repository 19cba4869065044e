"""Lists of accounts and their members."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import get_args

from .._core import NOTHING, Core, ListOf, PageOf
from .._encode import ids_of
from .._validate import check_choice, check_limit
from .._versions import api_version
from ..errors import refused
from ..literals import ListRepliesPolicy
from ..return_types import Account, UserList
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["ListsMixin"]

ListId = UserList | IdType | PrimitiveIdType
AccountId = Account | IdType | PrimitiveIdType
Bound = Account | IdType | PrimitiveIdType | datetime | None
REPLIES_POLICIES: tuple[str, ...] = get_args(ListRepliesPolicy)


def _check_list_settings(title: str, replies_policy: str, exclusive: bool) -> None:
    if not isinstance(title, str) or not title.strip():
        raise refused(f"title must be a non-empty string, not {title!r}")
    check_choice("replies_policy", replies_policy, REPLIES_POLICIES)
    if not isinstance(exclusive, bool):
        raise refused(f"exclusive must be a bool, not {exclusive!r}")


def _account_ids(account_ids: AccountId | builtins.list[AccountId]) -> builtins.list[object]:
    """One account or several as a list of ids, refusing an empty list."""
    given: object = account_ids
    ids = ids_of(given if isinstance(given, (builtins.list, tuple)) else [given], "account_ids")
    if not ids:
        raise refused("account_ids is empty")
    return ids


class ListsMixin(Core):
    """Lists of accounts and their members."""

    @api_version("2.1.0", "2.1.0")
    def lists(self) -> NonPaginatableList[UserList]:
        """All your lists."""
        return self._get("/api/v1/lists", ListOf(UserList))

    @api_version("2.1.0", "2.1.0")
    def list(self, id: ListId) -> UserList:
        """One of your lists, by id."""
        return self._get("/api/v1/lists/{id}", UserList, id=id)

    @api_version("2.1.0", "2.6.0")
    def list_accounts(
        self,
        id: ListId,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """A page of the accounts in a list (``limit=0`` asks for all of them)."""
        if limit is not None and limit != 0:
            check_limit(limit)
        return self._get(
            "/api/v1/lists/{id}/accounts",
            PageOf(Account),
            id=id,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("2.1.0", "4.2.0")
    def list_create(self, title: str, replies_policy: ListRepliesPolicy = "list", exclusive: bool = False) -> UserList:
        """Create a list.

        ``replies_policy`` (3.3.0) is ``followed``, ``list`` or ``none``; ``exclusive`` (4.2.0) keeps the
        members' posts out of the home timeline. All three are always sent.
        """
        _check_list_settings(title, replies_policy, exclusive)
        return self._post("/api/v1/lists", UserList, title=title, replies_policy=replies_policy, exclusive=exclusive)

    @api_version("2.1.0", "4.2.0")
    def list_update(
        self, id: ListId, title: str, replies_policy: ListRepliesPolicy = "list", exclusive: bool = False
    ) -> UserList:
        """Change a list's title, replies policy and exclusivity (all three are sent)."""
        _check_list_settings(title, replies_policy, exclusive)
        return self._put(
            "/api/v1/lists/{id}", UserList, id=id, title=title, replies_policy=replies_policy, exclusive=exclusive
        )

    @api_version("2.1.0", "2.1.0")
    def list_delete(self, id: ListId) -> None:
        """Delete one of your lists (the accounts in it are not unfollowed)."""
        return self._delete("/api/v1/lists/{id}", NOTHING, id=id)

    @api_version("2.1.0", "2.1.0")
    def list_accounts_add(self, id: ListId, account_ids: builtins.list[AccountId]) -> None:
        """Add accounts (which you must follow) to a list."""
        return self._post("/api/v1/lists/{id}/accounts", NOTHING, id=id, account_ids=_account_ids(account_ids))

    @api_version("2.1.0", "2.1.0")
    def list_accounts_delete(self, id: ListId, account_ids: builtins.list[AccountId]) -> None:
        """Remove accounts from a list."""
        return self._delete("/api/v1/lists/{id}/accounts", NOTHING, id=id, account_ids=_account_ids(account_ids))
