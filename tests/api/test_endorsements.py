"""Requests sent and values returned by the endorsements endpoint (docs: methods/endorsements.md)."""

from __future__ import annotations

from mastodon import Mastodon
from mastodon.return_types import Account
from mastodon.types_base import NonPaginatableList

BASE = "https://mastodon.example"


def test_endorsements_lists_featured_accounts(api: Mastodon, http, example) -> None:
    body = example("methods/endorsements.md", "get")
    http.get(f"{BASE}/api/v1/endorsements", json=body)
    found = api.endorsements()
    assert isinstance(found, NonPaginatableList) and len(found) == len(body)
    assert all(isinstance(account, Account) for account in found)
    assert found[0].id == body[0]["id"]
    assert http.last_request.method == "GET" and http.last_request.query == ""
