"""Requests sent and values returned by the endorsements endpoint (docs: methods/endorsements.md)."""

from __future__ import annotations

from mastodon import Mastodon
from mastodon.return_types import Account
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


def test_endorsements_lists_featured_accounts(api: Mastodon, http, example) -> None:
    body = example("methods/endorsements.md", "get")
    http.get(f"{BASE}/api/v1/endorsements", json=body)
    found = api.endorsements()
    assert isinstance(found, PaginatableList) and len(found) == len(body)
    assert all(isinstance(account, Account) for account in found)
    assert found[0].id == body[0]["id"]
    assert http.last_request.method == "GET" and http.last_request.query == ""


def test_endorsements_are_a_page_that_fetch_next_follows(api: Mastodon, http, example) -> None:
    """The server pages endorsements with a Link header (methods/endorsements.md); 2.3.3 returns a
    PaginatableList then, so fetch_next reaches the next page."""
    body = example("methods/endorsements.md", "get")
    link = f'<{BASE}/api/v1/endorsements?limit=2&max_id=832844>; rel="next"'
    http.get(f"{BASE}/api/v1/endorsements", json=body, headers={"Link": link})
    first = api.endorsements()
    assert isinstance(first, PaginatableList)
    http.get(f"{BASE}/api/v1/endorsements?max_id=832844", json=body[:1])
    following = api.fetch_next(first)
    assert following is not None and [a.id for a in following] == [body[0]["id"]]
    assert http.last_request.qs == {"max_id": ["832844"]}  # 2.3.3 too: the first call's parameters and the bound
