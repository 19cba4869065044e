"""Filters, v1 and v2, with their keywords and statuses."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from .._core import NOTHING, Core, ListOf
from .._encode import id_of
from .._validate import check_choice
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..literals import FilterAction, FilterContext
from ..return_types import Filter, FilterKeyword, FilterStatus, FilterV2, Notification, Status
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["FiltersMixin"]

FILTER_CONTEXTS: tuple[str, ...] = get_args(FilterContext)
FILTER_ACTIONS: tuple[str, ...] = get_args(FilterAction)

_TAG = re.compile(r"<.*?>")
_SPACE = re.compile(r"\s+")


def _contexts(context: Any, name: str = "context") -> list[str]:
    """``context`` as a list of valid filter contexts (one context may be given as a string)."""
    values = [context] if isinstance(context, str) else context
    if not isinstance(values, (list, tuple)) or not values:
        raise MastodonIllegalArgumentError(f"{name} must be a non-empty list of {', '.join(FILTER_CONTEXTS)}")
    for value in values:
        if value not in FILTER_CONTEXTS:
            raise MastodonIllegalArgumentError(
                f"{value!r} is not a filter context; {name} takes any of {', '.join(FILTER_CONTEXTS)}"
            )
    return list(values)


def _check_action(filter_action: str | None) -> None:
    if filter_action is not None:
        check_choice("filter_action", filter_action, FILTER_ACTIONS)


def _keywords_for_json(keywords_attributes: Any) -> list[dict[str, Any]] | None:
    """``keywords_attributes`` checked to be a list of dicts, as the JSON body carries them."""
    if keywords_attributes is None:
        return None
    if not isinstance(keywords_attributes, (list, tuple)) or not all(
        isinstance(item, Mapping) for item in keywords_attributes
    ):
        raise MastodonIllegalArgumentError(
            "keywords_attributes must be a list of dicts with 'keyword' and 'whole_word' (and 'id', '_destroy')"
        )
    return [dict(item) for item in keywords_attributes]


def _patterns(keyword_filter: Mapping[str, Any]) -> Iterable[str]:
    """The regular expressions one filter (v1 phrase, or v2 keywords) contributes."""
    if "phrase" in keyword_filter:
        terms = [(keyword_filter["phrase"], keyword_filter.get("whole_word", True))]
    else:
        keywords = keyword_filter.get("keywords") or []
        terms = [(keyword["keyword"], keyword.get("whole_word", True)) for keyword in keywords]
    for term, whole_word in terms:
        if not term:
            continue
        pattern = re.escape(term)
        yield r"\b" + pattern + r"\b" if whole_word else pattern


def _plain_text(content: str) -> str:
    """Status HTML as the text filters match against: tags become spaces, whitespace collapses."""
    text = _TAG.sub(" ", content)
    return _SPACE.sub(" ", html.unescape(text)).strip()


class FiltersMixin(Core):
    """Endpoints under ``/api/v1/filters`` and ``/api/v2/filters``, and client-side v1 filtering."""

    # -----------------------------------------------------------------------------------------
    # v1 (client-side) filters

    @api_version("2.4.3", "2.4.3")
    def filters(self) -> NonPaginatableList[Filter]:
        """All of your v1 keyword filters."""
        return self._get("/api/v1/filters", ListOf(Filter))

    @api_version("2.4.3", "2.4.3")
    def filter(self, id: Filter | IdType | PrimitiveIdType) -> Filter:
        """One v1 keyword filter, by id."""
        return self._get("/api/v1/filters/{id}", Filter, id=id)

    @api_version("2.4.3", "2.4.3")
    def filters_apply(
        self,
        objects: PaginatableList[Status] | PaginatableList[Notification] | list[Any],
        filters: NonPaginatableList[Filter] | NonPaginatableList[FilterV2] | list[Any],
        context: FilterContext,
    ) -> PaginatableList[Any]:
        """The statuses (or notifications) that none of the filters for ``context`` match; sends no request.

        A filter matches when its phrase occurs, case-insensitively, in the status text (HTML tags
        removed); with ``whole_word`` only at word boundaries. v2 filters contribute their keywords.
        Notifications without a status are kept. The page keeps the input's pagination info.
        """
        if context not in FILTER_CONTEXTS:  # nothing is sent here, so a plain argument error
            raise MastodonIllegalArgumentError(f"context must be one of {', '.join(FILTER_CONTEXTS)}, not {context!r}")
        patterns: list[str] = []
        for keyword_filter in filters:
            if context in (keyword_filter.get("context") or ()):
                patterns.extend(_patterns(keyword_filter))
        result: PaginatableList[Any] = PaginatableList()
        if isinstance(objects, PaginatableList):
            result._pagination_next = objects._pagination_next
            result._pagination_prev = objects._pagination_prev
        matcher = re.compile("|".join(patterns), flags=re.IGNORECASE) if patterns else None
        for item in objects:
            status = item.get("status") if "status" in item else item
            content = status.get("content") if isinstance(status, Mapping) else None
            if matcher is None or not content or not matcher.search(_plain_text(content)):
                result.append(item)
        return result

    @api_version("2.4.3", "2.4.3")
    def filter_create(
        self,
        phrase: str,
        context: list[FilterContext] | FilterContext,
        irreversible: bool = False,
        whole_word: bool = True,
        expires_in: int | None = None,
    ) -> Filter:
        """Create a v1 keyword filter for the contexts ``home``, ``notifications``, ``public``, ``thread``, ``account``.

        ``irreversible`` drops matches server-side (home and notifications only); ``expires_in`` is seconds.
        """
        contexts = _contexts(context)
        return self._post(
            "/api/v1/filters",
            Filter,
            phrase=phrase,
            context=contexts,
            irreversible=irreversible,
            whole_word=whole_word,
            expires_in=expires_in,
        )

    @api_version("2.4.3", "2.4.3")
    def filter_update(
        self,
        id: Filter | IdType | PrimitiveIdType,
        phrase: str | None = None,
        context: list[FilterContext] | FilterContext | None = None,
        irreversible: bool | None = None,
        whole_word: bool | None = None,
        expires_in: int | None = None,
    ) -> Filter:
        """Change a v1 keyword filter; only what is given changes."""
        contexts = _contexts(context) if context is not None else None
        return self._put(
            "/api/v1/filters/{id}",
            Filter,
            id=id,
            phrase=phrase,
            context=contexts,
            irreversible=irreversible,
            whole_word=whole_word,
            expires_in=expires_in,
        )

    @api_version("2.4.3", "2.4.3")
    def filter_delete(self, id: Filter | FilterV2 | IdType | PrimitiveIdType) -> None:
        """Delete a v1 keyword filter."""
        return self._delete("/api/v1/filters/{id}", NOTHING, id=id)

    # -----------------------------------------------------------------------------------------
    # v2 (server-side) filters

    @api_version("4.0.0", "4.0.0")
    def filters_v2(self) -> NonPaginatableList[FilterV2]:
        """All of your v2 filters, with their keywords and statuses."""
        return self._get("/api/v2/filters", ListOf(FilterV2))

    @api_version("4.0.0", "4.0.0")
    def filter_v2(self, filter_id: FilterV2 | IdType | PrimitiveIdType) -> FilterV2:
        """One v2 filter, by id."""
        return self._get("/api/v2/filters/{filter_id}", FilterV2, filter_id=filter_id)

    @api_version("4.0.0", "4.0.0")
    def create_filter_v2(
        self,
        title: str,
        context: list[FilterContext],
        filter_action: FilterAction,
        expires_in: int | None = None,
        keywords_attributes: list[dict[str, str | bool]] | None = None,
    ) -> FilterV2:
        """Create a v2 filter (sent as JSON); ``filter_action`` is ``warn``, ``hide`` or ``blur`` (4.4).

        ``keywords_attributes`` is a list of ``{"keyword": ..., "whole_word": ...}`` dicts.
        """
        contexts = _contexts(context)
        _check_action(filter_action)
        keywords = _keywords_for_json(keywords_attributes)
        return self._post(
            "/api/v2/filters",
            FilterV2,
            _json=True,
            title=title,
            context=contexts,
            filter_action=filter_action,
            expires_in=expires_in,
            keywords_attributes=keywords,
        )

    @api_version("4.0.0", "4.0.0")
    def update_filter_v2(
        self,
        filter_id: FilterV2 | IdType | PrimitiveIdType,
        title: str | None = None,
        context: list[FilterContext] | None = None,
        filter_action: FilterAction | None = None,
        expires_in: int | None = None,
        keywords_attributes: list[dict[str, str | bool | int]] | None = None,
    ) -> FilterV2:
        """Change a v2 filter (sent as JSON); keyword dicts with an ``id`` edit, with ``_destroy`` remove."""
        contexts = _contexts(context) if context is not None else None
        _check_action(filter_action)
        keywords = _keywords_for_json(keywords_attributes)
        return self._put(
            "/api/v2/filters/{filter_id}",
            FilterV2,
            _json=True,
            filter_id=filter_id,
            title=title,
            context=contexts,
            filter_action=filter_action,
            expires_in=expires_in,
            keywords_attributes=keywords,
        )

    @api_version("4.0.0", "4.0.0")
    def delete_filter_v2(self, filter_id: FilterV2 | IdType | PrimitiveIdType) -> None:
        """Delete a v2 filter."""
        return self._delete("/api/v2/filters/{filter_id}", NOTHING, filter_id=filter_id)

    @api_version("4.0.0", "4.0.0")
    def filter_keywords_v2(self, filter_id: FilterV2 | IdType | PrimitiveIdType) -> NonPaginatableList[FilterKeyword]:
        """The keywords of a v2 filter."""
        return self._get("/api/v2/filters/{filter_id}/keywords", ListOf(FilterKeyword), filter_id=filter_id)

    @api_version("4.0.0", "4.0.0")
    def add_filter_keyword_v2(
        self, filter_id: FilterV2 | IdType | PrimitiveIdType, keyword: str, whole_word: bool = False
    ) -> FilterKeyword:
        """Add a keyword to a v2 filter."""
        return self._post(
            "/api/v2/filters/{filter_id}/keywords",
            FilterKeyword,
            filter_id=filter_id,
            keyword=keyword,
            whole_word=whole_word,
        )

    @api_version("4.0.0", "4.0.0")
    def delete_filter_keyword_v2(self, keyword_id: FilterKeyword | IdType | PrimitiveIdType) -> None:
        """Remove a keyword from whichever v2 filter has it."""
        return self._delete("/api/v2/filters/keywords/{keyword_id}", NOTHING, keyword_id=keyword_id)

    @api_version("4.0.0", "4.0.0")
    def filter_statuses_v2(self, filter_id: FilterV2 | IdType | PrimitiveIdType) -> NonPaginatableList[FilterStatus]:
        """The statuses a v2 filter matches besides its keywords."""
        return self._get("/api/v2/filters/{filter_id}/statuses", ListOf(FilterStatus), filter_id=filter_id)

    @api_version("4.0.0", "4.0.0")
    def add_filter_status_v2(
        self, filter_id: FilterV2 | IdType | PrimitiveIdType, status_id: Status | IdType | PrimitiveIdType
    ) -> FilterStatus:
        """Make a v2 filter match a status (and its reblogs) besides its keywords."""
        return self._post(
            "/api/v2/filters/{filter_id}/statuses",
            FilterStatus,
            filter_id=filter_id,
            status_id=id_of(status_id, "status_id"),
        )

    @api_version("4.0.0", "4.0.0")
    def filter_status_v2(self, filter_status_id: FilterStatus | IdType | PrimitiveIdType) -> FilterStatus:
        """One status filter, by id."""
        return self._get("/api/v2/filters/statuses/{filter_status_id}", FilterStatus, filter_status_id=filter_status_id)

    @api_version("4.0.0", "4.0.0")
    def delete_filter_status_v2(self, filter_status_id: FilterStatus | IdType | PrimitiveIdType) -> None:
        """Remove a status from whichever v2 filter has it."""
        return self._delete("/api/v2/filters/statuses/{filter_status_id}", NOTHING, filter_status_id=filter_status_id)
