"""Favourited and bookmarked statuses."""

from __future__ import annotations

from datetime import datetime

from .._core import Core, PageOf
from .._validate import check_limit
from .._versions import api_version
from ..return_types import Status
from ..types_base import IdType, PaginatableList, PrimitiveIdType

__all__ = ["FavouritesMixin"]

Bound = Status | IdType | PrimitiveIdType | datetime | None


class FavouritesMixin(Core):
    """Favourited and bookmarked statuses."""

    @api_version("1.0.0", "2.6.0")
    def favourites(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Status]:
        """A page of the statuses you favourited, most recently favourited first (page with the Link header)."""
        check_limit(limit)
        return self._get(
            "/api/v1/favourites", PageOf(Status), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit
        )

    @api_version("3.1.0", "3.1.0")
    def bookmarks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Status]:
        """A page of the statuses you bookmarked, most recently bookmarked first (3.1.0)."""
        check_limit(limit)
        return self._get(
            "/api/v1/bookmarks", PageOf(Status), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit
        )
