"""Pagination: ``Link`` headers to page info, and the one page fetcher behind every pagination helper.

A page of results (a :class:`~mastodon.types_base.PaginatableList`) carries ``_pagination_next`` and
``_pagination_prev``: plain, JSON-serialisable dicts (:class:`~mastodon.types_base.PaginationInfo`)
holding the request that fetches that page: its parameters plus ``_pagination_method``,
``_pagination_endpoint`` and ``_mastopy_type`` (the entity class name of the items). A cron job can
store one with ``json.dump`` and resume from it in its next run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .types_base import PaginationInfo

__all__ = ["page_infos", "parse_link_header"]


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
    """The next and previous page infos of an answer, from its ``Link`` header (or its offset)."""
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
            info.pop("since_id" if bound == "min_id" else "min_id", None)
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
            next_info = PaginationInfo(base, offset=offset + item_count)
        if offset > 0:
            prev_info = PaginationInfo(base, offset=max(0, offset - (item_count or int(base.get("limit") or 20))))
    return next_info, prev_info
