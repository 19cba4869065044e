"""Requests sent and values returned by favourites and bookmarks.

Docs: methods/favourites.md, methods/bookmarks.md. Both page with the ``Link`` header only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Status
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


@pytest.mark.parametrize("method", ["favourites", "bookmarks"])
def test_pages_of_statuses(api: Mastodon, http, example, method: str, query) -> None:
    http.get(
        f"{BASE}/api/v1/{method}",
        json=[example("entities/Status.md")],
        headers={
            "Link": f'<{BASE}/api/v1/{method}?max_id=7>; rel="next", <{BASE}/api/v1/{method}?min_id=9>; rel="prev"'
        },
    )
    page = getattr(api, method)(limit=20)
    assert isinstance(page, PaginatableList) and isinstance(page[0], Status)
    assert isinstance(page[0].created_at, dt.datetime)
    assert query(http.last_request) == [("limit", "20")]
    assert page._pagination_next["max_id"] == 7 and page._pagination_prev["min_id"] == 9


@pytest.mark.parametrize("method", ["favourites", "bookmarks"])
def test_bounds_take_entities_ids_and_datetimes(api: Mastodon, http, method: str, query) -> None:
    http.get(f"{BASE}/api/v1/{method}", json=[])
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    getattr(api, method)(max_id={"id": "50"}, min_id=when, since_id=3)
    assert query(http.last_request) == [
        ("max_id", "50"),
        ("min_id", str((int(when.timestamp()) << 16) * 1000)),
        ("since_id", "3"),
    ]


@pytest.mark.parametrize("method", ["favourites", "bookmarks"])
def test_bad_limit_is_refused(api: Mastodon, http, method: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        getattr(api, method)(limit=True)
    assert http.call_count == 0
