"""Walking paginated results: next and previous pages, everything that remains, iterators."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .._core import Core
from ..errors import MastodonIllegalArgumentError
from ..types_base import PaginatableList, PaginationInfo

__all__ = ["PaginationMixin"]

_DIRECTIONS = ("next", "previous")


def _info_of(page_or_info: Any, direction: str) -> PaginationInfo | None:
    """The page info to follow from a page (its next/previous) or from a stored page info itself."""
    if direction not in _DIRECTIONS:
        raise MastodonIllegalArgumentError(f"pagination_direction must be 'next' or 'previous', not {direction!r}")
    if isinstance(page_or_info, Mapping) and "_pagination_endpoint" in page_or_info:
        return PaginationInfo(page_or_info)
    attribute = "_pagination_next" if direction == "next" else "_pagination_prev"
    info = getattr(page_or_info, attribute, None)
    if info is None and isinstance(page_or_info, list) and page_or_info:
        # Mastodon.py 1.x kept the page info on the last (next) or first (previous) item.
        edge = page_or_info[-1] if direction == "next" else page_or_info[0]
        info = getattr(edge, attribute, None) if not isinstance(edge, Mapping) else edge.get(attribute)
    return PaginationInfo(info) if info is not None else None


class PaginationMixin(Core):
    """Following the ``Link`` page infos that paginated answers carry."""

    def get_pagination_info(self, page: Any, pagination_direction: str) -> PaginationInfo | None:
        """The page info for the ``"next"`` or ``"previous"`` page of ``page``: a JSON-serialisable dict, or None."""
        return _info_of(page, pagination_direction)

    def fetch_next(self, previous_page: Any) -> PaginatableList[Any] | None:
        """The page after ``previous_page`` (a page, or a stored page info), or None at the end."""
        info = _info_of(previous_page, "next")
        return self._fetch_page(info) if info is not None else None

    def fetch_previous(self, next_page: Any) -> PaginatableList[Any] | None:
        """The page before ``next_page`` (a page, or a stored page info), or None at the start."""
        info = _info_of(next_page, "previous")
        return self._fetch_page(info) if info is not None else None

    def pagination_page_iterator(self, start_page: Any, direction: str = "next") -> Iterator[PaginatableList[Any]]:
        """Yield ``start_page`` (when it is a page) and each following page, holding one page at a time."""
        page: Any = start_page
        if isinstance(page, PaginatableList):
            yield page
        info = _info_of(page, direction)
        while info is not None:
            page = self._fetch_page(info)
            if not page:
                return
            yield page
            info = _info_of(page, direction)

    def pagination_iterator(self, start_page: Any, direction: str = "next") -> Iterator[Any]:
        """Yield every item of ``start_page`` and of the pages after it, one page in memory at a time."""
        for page in self.pagination_page_iterator(start_page, direction):
            yield from page

    def fetch_remaining(self, first_page: Any, limit: int | None = None) -> PaginatableList[Any]:
        """``first_page`` and every page after it as one list (at most ``limit`` items when given)."""
        if limit is not None and limit < 0:
            raise MastodonIllegalArgumentError(f"limit must not be negative, not {limit!r}")
        everything: PaginatableList[Any] = PaginatableList()
        for item in self.pagination_iterator(first_page):
            if limit is not None and len(everything) >= limit:
                break
            everything.append(item)
        return everything
