"""Pagination helpers: Link headers to page infos, fetch_next / fetch_previous, the iterators, fetch_remaining.

Behaviour follows Mastodon.py 2.3's utility.py and internals.py (the facts, not the code); the Link header
format is the one in https://docs.joinmastodon.org/api/guidelines/#pagination.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon._core import PageOf
from mastodon._pagination import normalise_info, page_infos, parse_link_header
from mastodon.return_types import Account, Status
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"
HOME = f"{BASE}/api/v1/timelines/home"


def statuses(*ids: int) -> list[dict[str, Any]]:
    return [{"id": str(i), "content": f"<p>{i}</p>", "account": {"id": "1", "acct": "alice"}} for i in ids]


def link(next_max: int | None = None, prev_min: int | None = None, path: str = "/api/v1/timelines/home") -> str:
    parts = []
    if next_max is not None:
        parts.append(f'<{BASE}{path}?max_id={next_max}>; rel="next"')
    if prev_min is not None:
        parts.append(f'<{BASE}{path}?min_id={prev_min}>; rel="prev"')
    return ", ".join(parts)


def query(request: Any) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(request.url).query, keep_blank_values=True)


def pages(http: Any, *bodies: tuple[list[int], int | None]) -> None:
    """Register the home timeline answering each (ids, next max_id) in turn."""
    http.get(
        HOME,
        [
            {"json": statuses(*ids), "headers": {"Link": link(next_max, ids[0] if ids else None)} if ids else {}}
            for ids, next_max in bodies
        ],
    )


# ---------------------------------------------------------------------------------------------
# Link headers and page infos


def test_link_header_parsing_takes_every_rel() -> None:
    header = '<https://a.example/x?max_id=1>; rel="next", <https://a.example/x?min_id=9>; rel="prev"'
    assert parse_link_header(header) == {"next": "https://a.example/x?max_id=1", "prev": "https://a.example/x?min_id=9"}


def test_next_replaces_since_and_min_id_and_prev_replaces_max_id() -> None:
    """As Mastodon.py: the next page drops since_id / min_id; the previous page drops max_id."""
    header = f'<{HOME}?max_id=5>; rel="next", <{HOME}?since_id=7&min_id=8>; rel="prev"'
    following, previous = page_infos(
        header, "GET", "/api/v1/timelines/home", {"since_id": 1, "max_id": 9, "limit": 2}, "Status"
    )
    assert following == {
        "limit": 2, "max_id": 5,
        "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home", "_mastopy_type": "Status",
    }  # fmt: skip
    # min_id wins over since_id in the link; the request's own since_id stays, as Mastodon.py sends it.
    assert previous is not None
    assert previous["min_id"] == 8 and previous["since_id"] == 1 and "max_id" not in previous


def test_offset_pages_without_link_advance_by_the_items_returned() -> None:
    following, previous = page_infos(
        None, "GET", "/api/v1/directory", {"offset": 40, "limit": 40}, "Account", offset_pagination=True, item_count=3
    )
    assert following is not None and following["offset"] == 43 and following["_pagination_offset_previous"] == 40
    assert previous is not None and previous["offset"] == 37 and previous["limit"] == 3


def test_mastodon_py_page_info_is_understood() -> None:
    """Mastodon.py stores ``_mastopy_type`` as ``PaginatableList[Status]`` and offset keys that may be None."""
    info = normalise_info(
        {
            "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home",
            "_mastopy_type": "PaginatableList[Status]", "_pagination_lang": None, "max_id": 3,
        }
    )  # fmt: skip
    assert info["_mastopy_type"] == "Status" and "_pagination_lang" not in info


# ---------------------------------------------------------------------------------------------
# fetch_next / fetch_previous / get_pagination_info


def test_fetch_next_from_a_page_and_from_a_stored_info(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8), ([7, 6], 6), ([7, 6], 6))
    first = api.timeline_home(limit=2)
    second = api.fetch_next(first)
    assert [s.id for s in second] == ["7", "6"] and all(type(s) is Status for s in second)
    assert query(http.last_request) == [("limit", "2"), ("max_id", "8")]
    stored = json.loads(json.dumps(api.get_pagination_info(first, "next")))  # a cron job's saved state
    again = api.fetch_next(stored)
    assert isinstance(again, PaginatableList) and all(type(s) is Status for s in again)
    assert query(http.last_request) == [("limit", "2"), ("max_id", "8")]
    assert again._pagination_next is not None and again._pagination_next["max_id"] == 6


def test_fetch_previous_uses_min_id(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8), ([11, 10], 10))
    first = api.timeline_home()
    newer = api.fetch_previous(first)
    assert [s.id for s in newer] == ["11", "10"]
    assert query(http.last_request) == [("min_id", "9")]
    stored = json.loads(json.dumps(api.get_pagination_info(first, "previous")))
    http.get(HOME, json=[])
    assert api.fetch_previous(stored) == []


def test_end_of_pages_is_none_without_request(api: Mastodon, http: Any) -> None:
    http.get(HOME, json=statuses(1))
    page = api.timeline_home()
    assert api.fetch_next(page) is None and api.fetch_previous(page) is None
    assert api.get_pagination_info(page, "next") is None
    assert http.call_count == 1


def test_get_pagination_info_of_unknown_direction_or_stored_info_is_none(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8))
    page = api.timeline_home()
    assert api.get_pagination_info(page, "sideways") is None
    info = api.get_pagination_info(page, "next")
    assert info is not None and api.get_pagination_info(info, "next") is None


@pytest.mark.parametrize("value", [{"a": 1}, [{"id": "1"}], "text", 3])
def test_not_paginatable_raises_before_any_request(api: Mastodon, http: Any, value: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        api.fetch_next(value)
    assert http.call_count == 0


def test_offset_previous_page_is_the_page_we_came_from(api: Mastodon, http: Any) -> None:
    """Mastodon.py: the page before an offset page is at the offset we came from, with the limit between."""
    url = f"{BASE}/api/v1/directory"
    accounts = [{"id": str(i), "acct": f"u{i}"} for i in range(3)]
    http.get(url, json=accounts)
    first = api._get("/api/v1/directory", PageOf(Account), _offset=True, offset=0, limit=3)
    assert first._pagination_prev is None
    second = api.fetch_next(json.loads(json.dumps(first._pagination_next)))
    assert all(type(a) is Account for a in second)
    assert dict(query(http.last_request)) == {"offset": "3", "limit": "3"}
    api.fetch_previous(second)
    assert dict(query(http.last_request)) == {"offset": "0", "limit": "3"}


# ---------------------------------------------------------------------------------------------
# Iterators and fetch_remaining


def test_pagination_iterator_walks_all_items_and_stops_at_an_empty_page(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8), ([7, 6], 6), ([], None))
    first = api.timeline_home(limit=2)
    seen = [s.id for s in api.pagination_iterator(first)]
    assert seen == ["9", "8", "7", "6"] and http.call_count == 3


def test_pagination_iterator_from_a_stored_info_and_with_page_infos(api: Mastodon, http: Any) -> None:
    pages(http, ([7, 6], 6), ([], None))
    stored = {
        "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home",
        "_mastopy_type": "PaginatableList[Status]", "max_id": 8,
    }  # fmt: skip
    items = list(api.pagination_iterator(stored, return_pagination_info=True))
    assert [(s.id, type(s)) for s, _ in items] == [("7", Status), ("6", Status)]
    assert all(info is not None and info["max_id"] == 6 for _, info in items)
    assert query(http.request_history[0]) == [("max_id", "8")]


def test_pagination_page_iterator_yields_every_page_including_the_empty_last(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8), ([7], 7), ([], None))
    first = api.timeline_home()
    walked = list(api.pagination_page_iterator(first, return_pagination_info=True))
    assert [[s.id for s in page] for page, _ in walked] == [["9", "8"], ["7"], []]
    assert walked[-1][1] is None


def test_previous_direction_walks_newer_pages(api: Mastodon, http: Any) -> None:
    pages(http, ([5, 4], 4), ([7, 6], 6), ([], None))
    first = api.timeline_home()
    walked = [s.id for s in api.pagination_iterator(first, direction="previous")]
    assert walked == ["5", "4", "7", "6"]
    assert query(http.request_history[1]) == [("min_id", "5")]


def test_invalid_direction_is_refused_before_any_request(api: Mastodon, http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        next(api.pagination_iterator(PaginatableList(), direction="up"))
    with pytest.raises(MastodonIllegalArgumentError):
        next(api.pagination_page_iterator(PaginatableList(), direction="up"))
    assert http.call_count == 0


def test_a_server_repeating_its_next_link_does_not_loop_forever(api: Mastodon, http: Any) -> None:
    http.get(HOME, json=statuses(9), headers={"Link": link(next_max=9)})
    first = api.timeline_home()
    assert len(list(api.pagination_iterator(first))) == 2
    assert http.call_count == 2


def test_fetch_remaining_with_limit_and_progress(api: Mastodon, http: Any) -> None:
    pages(http, ([9, 8], 8), ([7, 6], 6), ([5, 4], 4), ([], None))
    reports: list[tuple[int, int]] = []
    first = api.timeline_home(limit=2)
    got = api.fetch_remaining(first, limit=3, progress=lambda pages, items: reports.append((pages, items)))
    assert [s.id for s in got] == ["9", "8", "7"] and all(type(s) is Status for s in got)
    assert http.call_count == 2  # the third page was never asked for
    assert reports == [(1, 2), (2, 4)]
    pages(http, ([7, 6], 6), ([5, 4], 4), ([], None))
    everything = api.fetch_remaining(first)
    assert [s.id for s in everything] == ["9", "8", "7", "6", "5", "4"]


def test_fetch_remaining_from_stored_info(api: Mastodon, http: Any) -> None:
    pages(http, ([7, 6], 6), ([], None))
    stored = {"_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home", "max_id": 8}
    assert [s.id for s in api.fetch_remaining(stored)] == ["7", "6"]


@pytest.mark.parametrize("limit", [-1, 1.5, True, "3"])
def test_fetch_remaining_refuses_a_bad_limit(api: Mastodon, http: Any, limit: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        api.fetch_remaining(PaginatableList(), limit=limit)
    assert http.call_count == 0


def test_progress_must_be_callable_or_true(api: Mastodon, http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="progress"):
        api.fetch_remaining(PaginatableList(statuses(1)), progress="yes")
    # progress=True without tqdm installed (or with it) never fails the walk
    assert len(api.fetch_remaining(PaginatableList(statuses(1)), progress=True)) == 1
    assert http.call_count == 0


def test_iterator_holds_one_page_at_a_time(api: Mastodon, http: Any) -> None:
    """Pages already walked are no longer referenced by the iterator (the memory of one page, not of all)."""
    import gc

    def first_page_alive() -> bool:
        return any(isinstance(o, PaginatableList) and o and o[0].get("id") == "9" for o in gc.get_objects())

    pages(http, ([9, 8], 8), ([7, 6], 6), ([], None))
    iterator = api.pagination_iterator(api.timeline_home())
    items = [next(iterator).id, next(iterator).id]
    assert first_page_alive()
    items.append(next(iterator).id)  # into the second page
    gc.collect()
    assert items == ["9", "8", "7"] and not first_page_alive()


def test_progress_true_uses_tqdm_auto_when_installed(api: Mastodon, http: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    bars: list[Any] = []

    class FakeBar:
        def __init__(self, **options: Any) -> None:
            self.options = options
            self.count = 0
            self.closed = False
            bars.append(self)

        def update(self, count: int) -> None:
            self.count += count

        def set_description_str(self, text: str, refresh: bool = True) -> None:
            self.text = text

        def clear(self) -> None: ...

        def refresh(self) -> None: ...

        def close(self) -> None:
            self.closed = True

    monkeypatch.setitem(sys.modules, "tqdm.auto", types.SimpleNamespace(tqdm=FakeBar))
    pages(http, ([9, 8], 8), ([7], 7), ([], None))
    assert len(api.fetch_remaining(api.timeline_home(), progress=True)) == 3
    assert len(bars) == 1 and bars[0].count == 3 and bars[0].closed
    assert bars[0].text == "pages 2, 3 statuses" and bars[0].options["total"] is None
    pages(http, ([9, 8], 8), ([7], 7), ([], None))
    assert len(api.fetch_remaining(api.timeline_home(), limit=2, progress=True)) == 2
    assert bars[1].options["total"] == 2 and bars[1].text == "pages 1, 2 of 2 statuses"


def test_fetching_past_the_end_of_a_chain_gives_none_as_mastodon_py(api: Mastodon, http: Any) -> None:
    """``api.fetch_next(api.fetch_next(page))`` past the last page: Mastodon.py 2.3.3 returns None for None."""
    assert api.fetch_next(None) is None
    assert api.fetch_previous(None) is None
    assert http.call_count == 0
