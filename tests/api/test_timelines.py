"""Requests sent and values returned by the timeline endpoints (docs: methods/timelines.md).

Feed access settings: entities/Instance.md, ``configuration[timelines_access]``.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError
from mastodon.return_types import Account, Status, Tag, UserList
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


# --- the timelines that were here first (#home, #public) ------------------------------------------


def test_timeline_home(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/timelines/home", json=example("methods/timelines.md", "home"))
    page = api.timeline_home(limit=2)
    assert isinstance(page, PaginatableList) and all(isinstance(item, Status) for item in page)
    assert query(http.last_request) == [("limit", "2")]


def test_timeline_local_is_public_with_local(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/timelines/public", json=example("methods/timelines.md", "public"))
    api.timeline_local(only_media=True)
    assert query(http.last_request) == [("only_media", "1"), ("local", "1")]


def test_timeline_public_sends_remote(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/timelines/public", json=example("methods/timelines.md", "public"))
    api.timeline_public(remote=True, max_id="5")
    assert query(http.last_request) == [("max_id", "5"), ("remote", "1")]


# --- GET /api/v1/timelines/tag/:hashtag (#tag) ----------------------------------------------------


def test_timeline_hashtag_gets_a_page(api: Mastodon, http, example, query) -> None:
    body = example("methods/timelines.md", "tag")
    http.get(f"{BASE}/api/v1/timelines/tag/cats", json=body)
    page = api.timeline_hashtag("cats", limit=2)
    assert isinstance(page, PaginatableList) and all(isinstance(item, Status) for item in page)
    assert page[0].id == body[0]["id"]
    assert query(http.last_request) == [("limit", "2")]


def test_timeline_hashtag_sends_flags_and_bounds(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/timelines/tag/cats", json=[])
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    api.timeline_hashtag("cats", local=True, max_id=moment, min_id={"id": "3"}, only_media=True, remote=True)
    assert query(http.last_request) == [
        ("max_id", str((int(moment.timestamp()) << 16) * 1000)),
        ("min_id", "3"),
        ("only_media", "1"),
        ("local", "1"),
        ("remote", "1"),
    ]


def test_timeline_hashtag_takes_a_tag_and_quotes_the_name(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/timelines/tag/%C3%A9t%C3%A9", json=[])
    api.timeline_hashtag(Tag({"name": "été", "url": "https://mastodon.example/tags/été"}))
    assert http.last_request.path == "/api/v1/timelines/tag/%c3%a9t%c3%a9"


@pytest.mark.parametrize("hashtag", ["#cats", "", None, 5])
def test_timeline_hashtag_refuses_a_bad_tag(api: Mastodon, http, hashtag) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="ashtag"):
        api.timeline_hashtag(hashtag)
    assert http.call_count == 0


# --- GET /api/v1/timelines/list/:list_id (#list) --------------------------------------------------


def test_timeline_list_gets_a_page(api: Mastodon, http, example, query) -> None:
    body = example("methods/timelines.md", "list")
    http.get(f"{BASE}/api/v1/timelines/list/13", json=body)
    page = api.timeline_list(UserList({"id": "13", "title": "friends"}), since_id="2", limit=1)
    assert isinstance(page, PaginatableList) and isinstance(page[0], Status)
    assert query(http.last_request) == [("since_id", "2"), ("limit", "1")]


@pytest.mark.parametrize("list_id", [None, "", {"title": "no id"}, 1.5])
def test_timeline_list_refuses_a_missing_id(api: Mastodon, http, list_id) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        api.timeline_list(list_id)
    assert http.call_count == 0


# --- GET /api/v1/timelines/link?url= (#link) ------------------------------------------------------


def test_timeline_link_sends_the_url_as_a_query_parameter(api: Mastodon, http, example, query) -> None:
    body = example("methods/timelines.md", "link")
    http.get(f"{BASE}/api/v1/timelines/link", json=body)
    url = "https://www.example.com/news/story?id=1&x=y"
    page = api.timeline_link(url, limit=2, local=True)
    assert isinstance(page, PaginatableList) and all(isinstance(item, Status) for item in page)
    assert query(http.last_request) == [("url", url), ("limit", "2"), ("local", "1")]


@pytest.mark.parametrize(
    ("kwargs", "problem"), [({"url": ""}, "url"), ({"url": "https://a.example", "limit": 0}, "limit")]
)
def test_timeline_link_refuses_bad_input(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.timeline_link(**kwargs)
    assert http.call_count == 0


# --- timeline_is_available: configuration[timelines_access] of GET /api/v2/instance --------------


def instance_with(example, **feeds: dict[str, str]) -> dict[str, Any]:
    document = copy.deepcopy(example("entities/Instance.md"))
    document["configuration"]["timelines_access"].update(feeds)
    return document


def test_timeline_is_available_when_public(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("entities/Instance.md"))
    assert api.timeline_is_available() is True
    assert api.timeline_is_available("hashtag", local=True, remote=True) is True
    assert api.timeline_is_available("trending_links") is True
    assert http.call_count == 1  # the instance document is read once


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, True),
        ({"local": True}, True),
        ({"remote": True}, False),
        ({"local": True, "remote": True}, False),
        ({"remote": True, "with_auth": True}, False),
    ],
)
def test_timeline_is_available_reads_local_and_remote(api: Mastodon, http, example, kwargs, expected) -> None:
    document = instance_with(example, live_feeds={"local": "public", "remote": "disabled"})
    http.get(f"{BASE}/api/v2/instance", json=document)
    assert api.timeline_is_available("public", **kwargs) is expected


def test_timeline_is_available_counts_authenticated_only_with_auth(api: Mastodon, http, example) -> None:
    document = instance_with(example, hashtag_feeds={"local": "authenticated", "remote": "authenticated"})
    http.get(f"{BASE}/api/v2/instance", json=document)
    assert api.timeline_is_available("hashtag") is False
    assert api.timeline_is_available("hashtag", with_auth=True) is True


def test_timeline_is_available_is_true_when_it_cannot_tell(api: Mastodon, http, example) -> None:
    document = copy.deepcopy(example("entities/Instance.md"))
    del document["configuration"]["timelines_access"]
    http.get(f"{BASE}/api/v2/instance", json=document)
    assert api.timeline_is_available("public") is True
    assert api.timeline_is_available("home") is True
    with pytest.raises(MastodonAPIError, match="public"):
        api.timeline_is_available("public", fail_hard=True)


def test_timeline_is_available_after_an_error(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v2/instance", status_code=404, json={"error": "Not found"})
    assert api.timeline_is_available("trending_links") is True
    with pytest.raises(MastodonAPIError):
        api.timeline_is_available("trending_links", fail_hard=True)


def test_timeline_is_available_refuses_an_unknown_timeline_with_fail_hard(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="home"):
        api.timeline_is_available("home", fail_hard=True)
    assert http.call_count == 0


def test_timeline_entities_nest(api: Mastodon, http, example) -> None:
    body = [example("methods/statuses.md", "get")]
    http.get(f"{BASE}/api/v1/timelines/home", json=body)
    assert isinstance(api.timeline_home()[0].account, Account)
