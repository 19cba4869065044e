"""Walking paginated results: next and previous pages, everything that remains, iterators.

Every helper takes a page (a :class:`~mastodon.types_base.PaginatableList`, or an entity that carries
page infos) or a stored page info (the plain dict ``get_pagination_info`` returns, possibly after a
``json.dump`` / ``json.load`` round trip), and keeps the entity class of the first page. The iterators
hold one page in memory at a time. Rate limits are handled by the core, in the client's
``ratelimit_method``.

``progress`` (an extra parameter of ``fetch_remaining`` and both iterators) is either a callable, called
as ``progress(pages, items)`` after each page, or ``True``: a ``tqdm.auto`` bar when tqdm is installed,
else a plain line on stderr (see :mod:`mastodon._progress`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal, TypeVar, overload

from .._core import Core
from .._pagination import fetch_page
from .._progress import Progress, ProgressReport
from ..errors import MastodonIllegalArgumentError
from ..literals import PaginationDirection
from ..types_base import AttribAccessDict, PaginatableList, PaginationInfo

__all__ = ["PaginationMixin"]

_DIRECTIONS = ("next", "previous")


T = TypeVar("T")
E = TypeVar("E", bound=AttribAccessDict)


def _no_pages(value: Any) -> str:
    return (
        f"A {type(value).__name__} carries no next/previous page: pass a page returned by this client "
        "(or its pagination info dict)"
    )


def _check_direction(direction: str) -> None:
    if direction not in _DIRECTIONS:
        raise MastodonIllegalArgumentError(f"direction must be 'next' or 'previous', not {direction!r}")


def _is_page_info(value: Any) -> bool:
    """A stored page info (a plain dict naming an endpoint), as opposed to a page or an entity."""
    return isinstance(value, Mapping) and not isinstance(value, AttribAccessDict) and "_pagination_endpoint" in value


def _attached_info(page: Any, direction: str) -> Any:
    """The page info a page (or entity) carries for ``direction``, or None."""
    attribute = "_pagination_next" if direction == "next" else "_pagination_prev"
    info = getattr(page, attribute, None)
    if info is None and isinstance(page, Mapping):
        # An entity stored by Mastodon.py 1.x, with the page info as a key.
        info = page.get(attribute)
    if info is None and isinstance(page, list) and not isinstance(page, PaginatableList) and page:
        # Mastodon.py 1.x kept the page info on the last (next) or first (previous) item.
        edge = page[-1] if direction == "next" else page[0]
        info = getattr(edge, attribute, None)
        if info is None and isinstance(edge, Mapping):
            info = edge.get(attribute)
    return info


def _target_info(page_or_info: Any, direction: str) -> PaginationInfo | None:
    """What to fetch for the ``direction`` page of a page, or the stored page info itself."""
    if page_or_info is None:
        return None  # the end of a chain of fetch_next calls, as in Mastodon.py
    if _is_page_info(page_or_info):
        return PaginationInfo(page_or_info)
    if isinstance(page_or_info, (list, AttribAccessDict)):
        info = _attached_info(page_or_info, direction)
        if info is None:
            if isinstance(page_or_info, (PaginatableList, AttribAccessDict)) or not page_or_info:
                return None
            raise MastodonIllegalArgumentError(_no_pages(page_or_info))
        return PaginationInfo(info)
    if isinstance(page_or_info, Mapping):
        info = _attached_info(page_or_info, direction)
        if info is not None:
            return PaginationInfo(info)
    raise MastodonIllegalArgumentError(_no_pages(page_or_info))


class PaginationMixin(Core):
    """Following the ``Link`` page infos that paginated answers carry."""

    def get_pagination_info(self, page: Any, pagination_direction: PaginationDirection) -> PaginationInfo | None:
        """The page info of the ``"next"`` or ``"previous"`` page of ``page``: a JSON-serialisable dict, or None.

        Store it (``json.dump``) and pass it to ``fetch_next`` / ``fetch_previous`` / the iterators later.
        """
        if pagination_direction not in _DIRECTIONS or _is_page_info(page):
            return None
        info = _attached_info(page, pagination_direction)
        return PaginationInfo(info) if info is not None else None

    @overload
    def fetch_next(self, previous_page: PaginatableList[T]) -> PaginatableList[T] | None: ...

    @overload
    def fetch_next(self, previous_page: E) -> E | None: ...

    @overload
    def fetch_next(self, previous_page: Mapping[str, Any] | list[Any]) -> Any: ...

    def fetch_next(self, previous_page: Any) -> Any:
        """The page after ``previous_page`` (a page, or a stored page info), or None when there is none."""
        info = _target_info(previous_page, "next")
        return self._fetch_info(info)

    @overload
    def fetch_previous(self, next_page: PaginatableList[T]) -> PaginatableList[T] | None: ...

    @overload
    def fetch_previous(self, next_page: E) -> E | None: ...

    @overload
    def fetch_previous(self, next_page: Mapping[str, Any] | list[Any]) -> Any: ...

    def fetch_previous(self, next_page: Any) -> Any:
        """The page before ``next_page`` (a page, or a stored page info), or None when there is none."""
        info = _target_info(next_page, "previous")
        return self._fetch_info(info)

    def _fetch_info(self, info: PaginationInfo | None) -> Any:
        if info is None:
            return None
        if "_pagination_method" not in info and "_pagination_endpoint" not in info:
            raise MastodonIllegalArgumentError(_no_pages(info))
        return fetch_page(self, info)

    def _walk_pages(self, start_page: Any, direction: PaginationDirection) -> Iterator[Any]:
        """Every page from ``start_page`` on (the stored info's page first), the last one possibly empty."""
        step = self.fetch_next if direction == "next" else self.fetch_previous
        page = step(start_page) if _is_page_info(start_page) else start_page
        del start_page  # the caller's first page is not kept alive by the walk
        followed: PaginationInfo | None = None
        while page is not None:
            yield page
            info = self.get_pagination_info(page, direction)
            if info is None or info == followed:
                return  # the end, or a server repeating the same link
            followed = info
            page = None  # hold one page at a time
            page = self._fetch_info(info)

    @overload
    def pagination_page_iterator(
        self,
        start_page: PaginatableList[T],
        direction: PaginationDirection = "next",
        return_pagination_info: Literal[False] = False,
        progress: Progress = None,
    ) -> Iterator[PaginatableList[T]]: ...

    @overload
    def pagination_page_iterator(
        self,
        start_page: PaginatableList[T],
        direction: PaginationDirection = "next",
        *,
        return_pagination_info: Literal[True],
        progress: Progress = None,
    ) -> Iterator[tuple[PaginatableList[T], PaginationInfo | None]]: ...

    @overload
    def pagination_page_iterator(
        self,
        start_page: E,
        direction: PaginationDirection = "next",
        return_pagination_info: Literal[False] = False,
        progress: Progress = None,
    ) -> Iterator[E]: ...

    @overload
    def pagination_page_iterator(
        self,
        start_page: Any,
        direction: PaginationDirection = "next",
        return_pagination_info: bool = False,
        progress: Progress = None,
    ) -> Iterator[Any]: ...

    def pagination_page_iterator(
        self,
        start_page: Any,
        direction: PaginationDirection = "next",
        return_pagination_info: bool = False,
        progress: Progress = None,
    ) -> Iterator[Any]:
        """Yield whole pages from ``start_page`` (or the page a stored page info names) on, one in memory at a time.

        Works for list pages and for wrapped answers (grouped notifications, search results). With
        ``return_pagination_info`` it yields ``(page, page_info)``, the info of the page after (None at the end).
        """
        _check_direction(direction)
        report = ProgressReport(progress)
        try:
            walk = self._walk_pages(start_page, direction)
            del start_page
            for page in walk:
                report.page(page)
                if return_pagination_info:
                    yield (page, self.get_pagination_info(page, direction))
                else:
                    yield page
                page = None  # let it go before the next one is fetched
        finally:
            report.close()

    @overload
    def pagination_iterator(
        self,
        start_page: PaginatableList[T],
        direction: PaginationDirection = "next",
        return_pagination_info: Literal[False] = False,
        progress: Progress = None,
    ) -> Iterator[T]: ...

    @overload
    def pagination_iterator(
        self,
        start_page: PaginatableList[T],
        direction: PaginationDirection = "next",
        *,
        return_pagination_info: Literal[True],
        progress: Progress = None,
    ) -> Iterator[tuple[T, PaginationInfo | None]]: ...

    @overload
    def pagination_iterator(
        self,
        start_page: Any,
        direction: PaginationDirection = "next",
        return_pagination_info: bool = False,
        progress: Progress = None,
    ) -> Iterator[Any]: ...

    def pagination_iterator(
        self,
        start_page: Any,
        direction: PaginationDirection = "next",
        return_pagination_info: bool = False,
        progress: Progress = None,
    ) -> Iterator[Any]:
        """Yield every item from ``start_page`` (or the page a stored page info names) on, one page in memory at a time.

        Stops at the first empty page. With ``return_pagination_info`` it yields ``(item, page_info)``; store
        the page info to resume after that item's page in a later run.
        """
        _check_direction(direction)
        report = ProgressReport(progress)
        try:
            walk = self._walk_pages(start_page, direction)
            del start_page
            for page in walk:
                if not page:
                    return
                report.page(page)
                if return_pagination_info:
                    info = self.get_pagination_info(page, direction)
                    for item in page:
                        yield (item, info)
                else:
                    yield from page
                page = None  # let it go before the next one is fetched
        finally:
            report.close()

    @overload
    def fetch_remaining(
        self, first_page: PaginatableList[T], limit: int | None = None, progress: Progress = None
    ) -> PaginatableList[T]: ...

    @overload
    def fetch_remaining(
        self, first_page: Any, limit: int | None = None, progress: Progress = None
    ) -> PaginatableList[Any]: ...

    def fetch_remaining(self, first_page: Any, limit: int | None = None, progress: Progress = None) -> Any:
        """``first_page`` and every page after it as one list; at most ``limit`` items when given.

        Can send many requests: prefer ``pagination_iterator`` for long histories.
        """
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
            raise MastodonIllegalArgumentError(f"limit must be a non-negative int, not {limit!r}")
        everything: PaginatableList[Any] = PaginatableList()
        if limit == 0:
            return everything
        report = ProgressReport(progress, total=limit)
        try:
            for page in self._walk_pages(first_page, "next"):
                if not page:
                    break
                if limit is not None and len(everything) + len(page) >= limit:
                    everything.extend(page[: limit - len(everything)])
                    report.page(page)
                    break
                everything.extend(page)
                report.page(page)
        finally:
            report.close()
        return everything
