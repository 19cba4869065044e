"""Requests sent and values returned by the follow suggestion endpoints (docs: methods/suggestions.md)."""

from __future__ import annotations

from mastodon import Mastodon
from mastodon.return_types import Account, Suggestion
from mastodon.types_base import NonPaginatableList

BASE = "https://mastodon.example"


def test_suggestions_v1(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/suggestions", json=example("methods/suggestions.md", "v1"))
    result = api.suggestions_v1()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Account)


def test_suggestions_v2(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/suggestions", json=example("methods/suggestions.md", "v2"))
    result = api.suggestions_v2()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Suggestion)
    assert isinstance(result[0].account, Account)


def test_suggestions_uses_v2_and_unwraps_accounts_from_3_4(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.2.0"})
    body = example("methods/suggestions.md", "v2")
    http.get(f"{BASE}/api/v2/suggestions", json=body)
    result = api.suggestions()
    assert isinstance(result, NonPaginatableList) and all(isinstance(account, Account) for account in result)
    assert [account.id for account in result] == [item["account"]["id"] for item in body]


def test_suggestions_uses_v1_before_3_4(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", status_code=404)
    http.get(f"{BASE}/api/v1/instance", json={"version": "3.3.0"})
    http.get(f"{BASE}/api/v1/suggestions", json=example("methods/suggestions.md", "v1"))
    assert isinstance(api.suggestions()[0], Account)
    assert http.last_request.path == "/api/v1/suggestions"


def test_suggestion_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/suggestions/12345", json={})
    assert api.suggestion_delete(Account._from_json({"id": "12345"})) is None
    assert http.last_request.method == "DELETE"
