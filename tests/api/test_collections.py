"""Requests sent and values returned by the collection endpoints (docs: methods/collections.md, Mastodon 4.6)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import (
    Account,
    Collections,
    CollectionWithAccounts,
    EmptyResponse,
    WrappedCollection,
    WrappedCollectionItem,
)

BASE = "https://mastodon.example"
COLLECTION = "116131056935959117"
ITEM = "116151066915353115"


def test_collection_create_sends_a_form(api: Mastodon, http, form, example) -> None:
    http.post(f"{BASE}/api/v1/collections", json=example("methods/collections.md", "create"))
    result = api.collection_create(
        "Nice accounts",
        description="These accounts are very nice",
        language="en",
        tag_name="accounts",
        discoverable=True,
        account_ids=[Account._from_json({"id": "112658193342215767"}), "117628196343117789"],
    )
    assert isinstance(result, WrappedCollection)
    assert form(http.last_request) == [
        ("name", "Nice accounts"),
        ("description", "These accounts are very nice"),
        ("language", "en"),
        ("tag_name", "accounts"),
        ("sensitive", "0"),
        ("discoverable", "1"),
        ("account_ids[]", "112658193342215767"),
        ("account_ids[]", "117628196343117789"),
    ]


def test_collection_create_needs_a_name(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="name"):
        api.collection_create("")
    assert http.call_count == 0


def test_collection(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/collections/{COLLECTION}", json=example("methods/collections.md", "get_collection"))
    result = api.collection(COLLECTION)
    assert isinstance(result, CollectionWithAccounts)
    assert all(isinstance(account, Account) for account in result.accounts)


def test_account_collections(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/accounts/7/collections", json=example("methods/collections.md", "get_collections"))
    result = api.account_collections("7", limit=10, offset=20)
    assert isinstance(result, Collections)
    assert http.last_request.qs == {"limit": ["10"], "offset": ["20"]}


def test_account_in_collections_defaults_to_me(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/accounts/verify_credentials", json={"id": "99", "acct": "me"})
    http.get(f"{BASE}/api/v1/accounts/99/in_collections", json=example("methods/collections.md", "in_collections"))
    result = api.account_in_collections(None)
    assert isinstance(result, Collections)
    api.account_in_collections(Account._from_json({"id": "99"}), limit=5)
    assert http.last_request.qs == {"limit": ["5"]}


@pytest.mark.parametrize("method", ["account_collections", "account_in_collections"])
def test_collection_lists_refuse_bad_paging(api: Mastodon, http, method) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="offset"):
        getattr(api, method)("7", offset=-1)
    assert http.call_count == 0


def test_collection_update_sends_what_changes(api: Mastodon, http, form, example) -> None:
    http.patch(f"{BASE}/api/v1/collections/{COLLECTION}", json=example("methods/collections.md", "update_collection"))
    result = api.collection_update(COLLECTION, name="Renamed", sensitive=False)
    assert isinstance(result, WrappedCollection)
    assert form(http.last_request) == [("name", "Renamed"), ("sensitive", "0")]


def test_collection_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/collections/{COLLECTION}", text="")
    result = api.collection_delete({"id": COLLECTION})
    assert isinstance(result, EmptyResponse) and result == {}


def test_collection_item_add(api: Mastodon, http, form, example) -> None:
    http.post(f"{BASE}/api/v1/collections/{COLLECTION}/items", json=example("methods/collections.md", "add_account"))
    result = api.collection_item_add(COLLECTION, Account._from_json({"id": "42"}))
    assert isinstance(result, WrappedCollectionItem)
    assert form(http.last_request) == [("account_id", "42")]


def test_collection_item_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/collections/{COLLECTION}/items/{ITEM}", json={})
    assert isinstance(api.collection_item_delete(COLLECTION, ITEM), EmptyResponse)


def test_collection_item_revoke(api: Mastodon, http) -> None:
    http.post(f"{BASE}/api/v1/collections/{COLLECTION}/items/{ITEM}/revoke", json={})
    assert isinstance(api.collection_item_revoke(COLLECTION, {"id": ITEM}), EmptyResponse)
    assert http.last_request.body is None
