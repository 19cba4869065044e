"""Requests sent and values returned by mutes, blocks, follow requests and domain blocks.

Docs: methods/mutes.md, methods/blocks.md, methods/follow_requests.md, methods/domain_blocks.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Account, Relationship
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


@pytest.mark.parametrize(
    ("method", "path"), [("mutes", "mutes"), ("blocks", "blocks"), ("follow_requests", "follow_requests")]
)
def test_account_pages(api: Mastodon, http, example, method: str, path: str, query) -> None:
    http.get(
        f"{BASE}/api/v1/{path}",
        json=[example("entities/Account.md")],
        headers={
            "Link": f'<{BASE}/api/v1/{path}?max_id=99>; rel="next", <{BASE}/api/v1/{path}?min_id=200>; rel="prev"'
        },
    )
    page = getattr(api, method)(limit=40, since_id=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    assert query(http.last_request) == [("since_id", str((1704067200 << 16) * 1000)), ("limit", "40")]
    assert page._pagination_next["max_id"] == 99
    assert page._pagination_prev["min_id"] == 200


@pytest.mark.parametrize("method", ["mutes", "blocks", "follow_requests", "domain_blocks"])
def test_pages_refuse_a_bad_limit(api: Mastodon, http, method: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        getattr(api, method)(limit="ten")
    assert http.call_count == 0


def test_domain_blocks_are_plain_strings_and_paginate(api: Mastodon, http, example, query) -> None:
    body = example("methods/domain_blocks.md", "get")
    http.get(
        f"{BASE}/api/v1/domain_blocks",
        json=body,
        headers={"Link": f'<{BASE}/api/v1/domain_blocks?max_id=10>; rel="next"'},
    )
    page = api.domain_blocks(max_id="50")
    assert page == body and isinstance(page, PaginatableList) and all(type(item) is str for item in page)
    assert query(http.last_request) == [("max_id", "50")]
    assert page._pagination_next is not None
    following = api._fetch_page(page._pagination_next)
    assert following == body
    assert query(http.last_request) == [("max_id", "10")]


@pytest.mark.parametrize(
    ("method", "action", "anchor"), [("authorize", "authorize", "accept"), ("reject", "reject", "reject")]
)
def test_follow_request_answers(api: Mastodon, http, example, method: str, action: str, anchor: str) -> None:
    http.post(f"{BASE}/api/v1/follow_requests/42/{action}", json=example("methods/follow_requests.md", anchor))
    result = getattr(api, f"follow_request_{method}")({"id": "42"})
    assert isinstance(result, Relationship)
    assert http.last_request.method == "POST" and not http.last_request.body


def test_domain_block_posts_the_domain(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/domain_blocks", json=example("methods/domain_blocks.md", "block"))
    assert api.domain_block("nsfw.social") is None
    assert form(http.last_request) == [("domain", "nsfw.social")]


def test_domain_unblock_deletes_with_a_form(api: Mastodon, http, example, form) -> None:
    http.delete(f"{BASE}/api/v1/domain_blocks", json=example("methods/domain_blocks.md", "unblock"))
    assert api.domain_unblock("nsfw.social") is None
    assert http.last_request.method == "DELETE"
    assert form(http.last_request) == [("domain", "nsfw.social")]


@pytest.mark.parametrize("method", ["domain_block", "domain_unblock"])
@pytest.mark.parametrize("domain", ["", "  ", None, 5])
def test_domain_block_needs_a_domain(api: Mastodon, http, method: str, domain) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="domain"):
        getattr(api, method)(domain)
    assert http.call_count == 0
