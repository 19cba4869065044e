"""Requests sent and values returned by the lists endpoints (docs: methods/lists.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Account, UserList
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"


def test_lists_returns_all_lists(api: Mastodon, http, example, query) -> None:
    body = example("methods/lists.md", "get")
    http.get(f"{BASE}/api/v1/lists", json=body)
    found = api.lists()
    assert isinstance(found, NonPaginatableList) and all(isinstance(item, UserList) for item in found)
    assert found[1].exclusive is True and found[0].replies_policy == "followed"
    assert query(http.last_request) == []


def test_list_gets_one(api: Mastodon, http, example) -> None:
    body = example("methods/lists.md", "get-one")
    http.get(f"{BASE}/api/v1/lists/{body['id']}", json=body)
    found = api.list(body["id"])
    assert isinstance(found, UserList) and found.title == body["title"]
    assert api.list(found) == found


def test_list_accounts_is_a_page_of_accounts(api: Mastodon, http, example, query) -> None:
    http.get(
        f"{BASE}/api/v1/lists/12/accounts",
        json=[example("entities/Account.md")],
        headers={"Link": f'<{BASE}/api/v1/lists/12/accounts?max_id=4>; rel="next"'},
    )
    page = api.list_accounts({"id": "12"}, max_id="100", limit=10)
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    assert query(http.last_request) == [("max_id", "100"), ("limit", "10")]
    assert page._pagination_next is not None and page._pagination_next["max_id"] == 4


def test_list_accounts_limit_zero_means_all(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/lists/12/accounts", json=[])
    api.list_accounts("12", limit=0)
    assert query(http.last_request) == [("limit", "0")]
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        api.list_accounts("12", limit=-1)
    assert http.call_count == 1


def test_list_create_sends_all_settings(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/lists", json=example("methods/lists.md", "create"))
    created = api.list_create("test")
    assert isinstance(created, UserList) and created.id == "13585"
    assert form(http.last_request) == [("title", "test"), ("replies_policy", "list"), ("exclusive", "0")]
    api.list_create("close friends", replies_policy="followed", exclusive=True)
    assert form(http.last_request) == [("title", "close friends"), ("replies_policy", "followed"), ("exclusive", "1")]


def test_list_update_puts_all_settings(api: Mastodon, http, example, form) -> None:
    http.put(f"{BASE}/api/v1/lists/13585", json=example("methods/lists.md", "update"))
    updated = api.list_update("13585", "testing", replies_policy="none")
    assert isinstance(updated, UserList)
    assert http.last_request.method == "PUT"
    assert form(http.last_request) == [("title", "testing"), ("replies_policy", "none"), ("exclusive", "0")]


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"title": "x", "replies_policy": "everyone"}, "replies_policy"),
        ({"title": ""}, "title"),
        ({"title": "x", "exclusive": "yes"}, "exclusive"),
    ],
)
@pytest.mark.parametrize("method", ["list_create", "list_update"])
def test_list_settings_are_checked_before_sending(api: Mastodon, http, method: str, kwargs, problem) -> None:
    call = getattr(api, method)
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        if method == "list_update":
            call("1", **kwargs)
        else:
            call(**kwargs)
    assert http.call_count == 0


def test_list_delete(api: Mastodon, http, example) -> None:
    http.delete(f"{BASE}/api/v1/lists/13585", json=example("methods/lists.md", "delete"))
    assert api.list_delete({"id": "13585"}) is None
    assert not http.last_request.body


def test_list_accounts_add_posts_account_ids(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/lists/5/accounts", json=example("methods/lists.md", "accounts-add"))
    assert api.list_accounts_add("5", ["1", {"id": "2"}]) is None
    assert form(http.last_request) == [("account_ids[]", "1"), ("account_ids[]", "2")]


def test_list_accounts_add_takes_a_single_account(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/lists/5/accounts", json=example("methods/lists.md", "accounts-add"))
    api.list_accounts_add("5", "7")  # type: ignore[arg-type]
    assert form(http.last_request) == [("account_ids[]", "7")]


def test_list_accounts_delete_sends_a_form_with_delete(api: Mastodon, http, example, form) -> None:
    http.delete(f"{BASE}/api/v1/lists/5/accounts", json=example("methods/lists.md", "accounts-remove"))
    assert api.list_accounts_delete("5", ["1"]) is None
    assert http.last_request.method == "DELETE"
    assert form(http.last_request) == [("account_ids[]", "1")]


@pytest.mark.parametrize("method", ["list_accounts_add", "list_accounts_delete"])
def test_list_membership_needs_accounts(api: Mastodon, http, method: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="account_ids"):
        getattr(api, method)("5", [])
    assert http.call_count == 0
