"""Pagination: ``Link`` headers to page info, and the one page fetcher behind every pagination helper.

A page of results (a :class:`~mastodon.types_base.PaginatableList`) carries ``_pagination_next`` and
``_pagination_prev``: plain, JSON-serialisable dicts (:class:`~mastodon.types_base.PaginationInfo`)
holding the request that fetches that page: its parameters plus ``_pagination_method``,
``_pagination_endpoint`` and ``_mastopy_type`` (``"PaginatableList[Status]"``, spelled as Mastodon.py
spells it). A cron job can store one with ``json.dump`` and resume from it in its next run.

Page infos stored by Mastodon.py (the offset keys ``_pagination_offset_field`` /
``_pagination_offset_previous`` / ``_pagination_lang``, possibly None) and by older versions of this
library (``_mastopy_type`` as a bare class name) are
read too, so a job can move from Mastodon.py to this library without losing its place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from .types_base import PaginationInfo

if TYPE_CHECKING:
    from ._core import Core

__all__ = ["fetch_page", "normalise_info", "page_infos", "parse_link_header"]

_LIST_WRAPPERS = ("PaginatableList[", "NonPaginatableList[", "EntityList[", "List[", "list[")


def parse_link_header(value: str) -> dict[str, str]:
    """``<url1>; rel="next", <url2>; rel="prev"`` -> ``{"next": url1, "prev": url2}``."""
    links: dict[str, str] = {}
    for part in value.split(","):
        url_part, _, rest = part.partition(";")
        url = url_part.strip().strip("<>").strip()
        if not url:
            continue
        for attribute in rest.split(";"):
            key, _, attribute_value = attribute.partition("=")
            if key.strip().lower() == "rel":
                for rel in attribute_value.strip().strip("\"'").split():
                    links.setdefault(rel, url)
    return links


def _query_value(values: list[str]) -> Any:
    text = values[0]
    return int(text) if text.isdigit() else text


def page_infos(
    link_header: str | None,
    method: str,
    endpoint: str,
    params: Mapping[str, Any],
    item_type: str,
    *,
    offset_pagination: bool = False,
    item_count: int = 0,
) -> tuple[PaginationInfo | None, PaginationInfo | None]:
    """The next and previous page infos of an answer, from its ``Link`` header (or its offset).

    As Mastodon.py does: the next page replaces ``since_id`` / ``min_id`` by the link's ``max_id``; the
    previous page replaces ``max_id`` by the link's ``min_id`` (or, before Mastodon 2.6, ``since_id``).
    Offset-paginated endpoints without a ``Link`` header advance by the number of items returned.
    """
    base = {key: value for key, value in params.items() if value is not None}
    base.update(_pagination_method=method, _pagination_endpoint=endpoint, _mastopy_type=item_type)
    next_info: PaginationInfo | None = None
    prev_info: PaginationInfo | None = None
    links = parse_link_header(link_header) if link_header else {}
    for rel, url in links.items():
        if rel not in ("next", "prev", "previous"):
            continue
        query = parse_qs(urlsplit(url).query)
        info = PaginationInfo(base)
        if "offset" in query:
            info["offset"] = _query_value(query["offset"])
            if "limit" in query:
                info["limit"] = _query_value(query["limit"])
        elif rel == "next" and "max_id" in query:
            info.pop("since_id", None)
            info.pop("min_id", None)
            info["max_id"] = _query_value(query["max_id"])
        elif rel != "next" and ("min_id" in query or "since_id" in query):
            info.pop("max_id", None)
            bound = "min_id" if "min_id" in query else "since_id"
            info[bound] = _query_value(query[bound])
        else:
            continue
        if rel == "next":
            next_info = info
        else:
            prev_info = info
    if offset_pagination and not links:
        offset = int(base.get("offset") or 0)
        if item_count:
            next_info = PaginationInfo(base, offset=offset + item_count, _pagination_offset_previous=offset)
        if offset > 0 and item_count:
            previous = max(0, offset - item_count)
            prev_info = PaginationInfo(base, offset=previous, limit=offset - previous)
    return next_info, prev_info


def _item_type(value: Any) -> str:
    """``"PaginatableList[Status]"`` (Mastodon.py's spelling) -> ``"Status"``; names pass unchanged."""
    text = str(value or "")
    for wrapper in _LIST_WRAPPERS:
        if text.startswith(wrapper) and text.endswith("]"):
            return text[len(wrapper) : -1].rsplit(".", 1)[-1]
    return text.rsplit(".", 1)[-1]


def normalise_info(value: Mapping[str, Any]) -> PaginationInfo:
    """A stored page info (ours or Mastodon.py's) as a :class:`PaginationInfo` the core can fetch."""
    info = PaginationInfo(value)
    info["_mastopy_type"] = _item_type(info.get("_mastopy_type"))
    for key in ("_pagination_offset_field", "_pagination_lang"):
        if info.get(key) is None:
            info.pop(key, None)
    return info


def fetch_page(core: Core, value: Mapping[str, Any]) -> Any:
    """Fetch the page a stored page info describes, with the entity class of the first page."""
    info = normalise_info(value)
    page = core._fetch_page(info)
    previous = info.get("_pagination_offset_previous")
    if info.get("_pagination_offset") and isinstance(previous, int) and "offset" in info:
        # The page before an offset page is the one we came from, whatever its length was.
        offset = int(info["offset"])
        if offset > 0 and hasattr(page, "_pagination_prev"):
            prev_info = PaginationInfo(info, offset=previous, limit=offset - previous)
            prev_info.pop("_pagination_offset_previous", None)
            page._pagination_prev = prev_info
    return page
