"""Trending tags, statuses and links."""

from __future__ import annotations

from typing import Any

from .._core import Core, PageOf
from .._validate import check_non_negative
from .._versions import api_version
from ..return_types import PreviewCard, Status, Tag
from ..types_base import PaginatableList

__all__ = ["TrendsMixin"]


def _paging(limit: int | None, offset: int | None, lang: str | None) -> dict[str, Any]:
    """The query of a trends request; ``lang`` only when given, so the client's own language applies otherwise."""
    check_non_negative(limit=limit, offset=offset)
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if lang is not None:
        params["lang"] = lang
    return params


class TrendsMixin(Core):
    """Endpoints under ``/api/v1/trends``; pages are by ``offset``, and ``fetch_next`` follows them."""

    @api_version("2.4.3", "3.5.0")
    def trends(self, limit: int | None = None) -> PaginatableList[Tag]:
        """Trending hashtags; the old name of ``trending_tags``."""
        return self.trending_tags(limit=limit)

    @api_version("3.5.0", "3.5.0")
    def trending_tags(
        self, limit: int | None = None, offset: int | None = None, lang: str | None = None
    ) -> PaginatableList[Tag]:
        """Hashtags in use more than usual, most trending first (``/api/v1/trends`` before 3.5.0).

        ``lang`` overrides the client's language for this call, which can change the ranking.
        """
        params = _paging(limit, offset, lang)
        path = "/api/v1/trends/tags" if self._server_at_least("3.5.0") else "/api/v1/trends"
        return self._get(path, PageOf(Tag), _offset=True, **params)

    @api_version("3.5.0", "3.5.0")
    def trending_statuses(
        self, limit: int | None = None, offset: int | None = None, lang: str | None = None
    ) -> PaginatableList[Status]:
        """Statuses getting more interaction than usual, most trending first."""
        return self._get("/api/v1/trends/statuses", PageOf(Status), _offset=True, **_paging(limit, offset, lang))

    @api_version("3.5.0", "3.5.0")
    def trending_links(
        self, limit: int | None = None, offset: int | None = None, lang: str | None = None
    ) -> PaginatableList[PreviewCard]:
        """Links shared more than usual, most trending first, as preview cards with their usage history."""
        return self._get("/api/v1/trends/links", PageOf(PreviewCard), _offset=True, **_paging(limit, offset, lang))
