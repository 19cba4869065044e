"""Searching accounts, statuses and hashtags."""

from __future__ import annotations

from datetime import datetime
from typing import get_args

from .._core import Core, PagedOne
from .._validate import check_choice, check_limit, check_non_negative
from .._versions import api_version
from ..errors import MastodonVersionError, refused
from ..literals import SearchType
from ..return_types import Account, Search, SearchV2, Status
from ..types_base import IdType, PrimitiveIdType

__all__ = ["SearchMixin"]

RESULT_TYPES: tuple[str, ...] = get_args(SearchType)
Bound = Status | Account | IdType | PrimitiveIdType | datetime | None


def _check_query(q: str) -> None:
    if not isinstance(q, str):
        raise refused(f"q must be a string, not {type(q).__name__}")


def _check_v2_arguments(q: str, result_type: str | None, offset: int | None, limit: int | None) -> None:
    _check_query(q)
    if result_type is not None:
        check_choice("result_type", result_type, RESULT_TYPES)
    check_non_negative(offset=offset)
    check_limit(limit)


def _refuse_advanced_before_2_8(client: Core, *advanced: object) -> None:
    """``account_id``, ``offset``, ``min_id`` and ``max_id`` need Mastodon 2.8.0."""
    if any(value is not None for value in advanced) and not client._server_at_least("2.8.0"):
        raise MastodonVersionError(
            "account_id, offset, min_id and max_id in a search need Mastodon 2.8.0 or newer; leave them out "
            "for this server"
        )


class SearchMixin(Core):
    """Searching accounts, statuses and hashtags."""

    @api_version("1.1.0", "2.8.0")
    def search(
        self,
        q: str,
        resolve: bool = True,
        result_type: SearchType | None = None,
        account_id: Account | IdType | PrimitiveIdType | None = None,
        offset: int | None = None,
        min_id: Bound = None,
        max_id: Bound = None,
        exclude_unreviewed: bool = True,
        limit: int | None = None,
    ) -> Search | SearchV2:
        """Search accounts, statuses and hashtags: v2 search on servers from 2.4.1, v1 search before.

        The server's version is the one given to the constructor, or asked for once. On a server older
        than 2.4.1 only ``q`` and ``resolve`` are used; the others raise MastodonVersionError there.
        """
        _check_v2_arguments(q, result_type, offset, limit)
        if self._server_at_least("2.4.1"):
            return self.search_v2(
                q,
                resolve=resolve,
                result_type=result_type,
                account_id=account_id,
                offset=offset,
                min_id=min_id,
                max_id=max_id,
                exclude_unreviewed=exclude_unreviewed,
                limit=limit,
            )
        _refuse_advanced_before_2_8(self, account_id, offset, min_id, max_id)
        return self.search_v1(q, resolve=resolve)

    @api_version("1.1.0", "2.1.0")
    def search_v1(self, q: str, resolve: bool = False) -> Search:
        """Search with the v1 endpoint (removed in 3.0.0): hashtags come back as plain strings."""
        _check_query(q)
        return self._get("/api/v1/search", Search, q=q, resolve=resolve or None)

    @api_version("2.4.1", "2.8.0")
    def search_v2(
        self,
        q: str,
        resolve: bool = True,
        result_type: SearchType | None = None,
        account_id: Account | IdType | PrimitiveIdType | None = None,
        offset: int | None = None,
        min_id: Bound = None,
        max_id: Bound = None,
        exclude_unreviewed: bool = True,
        limit: int | None = None,
    ) -> SearchV2:
        """Search accounts, statuses and hashtags (2.4.1); ``result_type`` is accounts, hashtags or statuses.

        ``account_id``, ``offset``, ``min_id``, ``max_id`` and ``limit`` need 2.8.0 (MastodonVersionError
        before). ``resolve`` is sent only when true; ``exclude_unreviewed`` only when true and the server
        is 3.0.0 or newer, so this asks for the server's version unless the constructor was given it.
        """
        _check_v2_arguments(q, result_type, offset, limit)
        _refuse_advanced_before_2_8(self, account_id, offset, min_id, max_id)
        send_exclude_unreviewed = bool(exclude_unreviewed) and self._server_at_least("3.0.0")
        return self._get(
            "/api/v2/search",
            PagedOne(SearchV2, result_type) if result_type else SearchV2,
            _offset=result_type is not None,
            q=q,
            resolve=resolve or None,
            account_id=account_id,
            offset=offset,
            min_id=min_id,
            max_id=max_id,
            exclude_unreviewed=True if send_exclude_unreviewed else None,
            limit=limit,
            type=result_type,
        )
