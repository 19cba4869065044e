"""Requests sent and values returned by the accounts endpoints.

Docs: methods/accounts.md, methods/emails.md, methods/profile.md; entities/Account.md, Token.md.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.errors import MastodonFileNotFoundError, MastodonNotFoundError
from mastodon.return_types import (
    Account,
    AccountCreationError,
    FamiliarFollowers,
    FeaturedTag,
    Relationship,
    Status,
    UserList,
)
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


# -----------------------------------------------------------------------------------------------
# Reading accounts


def test_account_gets_one_account(api: Mastodon, http, example, query) -> None:
    body = example("methods/accounts.md", "get")
    http.get(f"{BASE}/api/v1/accounts/{body['id']}", json=body)
    account = api.account(body["id"])
    assert isinstance(account, Account) and account.acct == body["acct"]
    assert isinstance(account.created_at, dt.datetime)
    assert http.last_request.method == "GET" and query(http.last_request) == []


def test_account_accepts_an_entity(api: Mastodon, http, example) -> None:
    body = example("methods/accounts.md", "get")
    http.get(f"{BASE}/api/v1/accounts/{body['id']}", json=body)
    assert api.account(Account._from_json(body)).id == body["id"]


def test_accounts_sends_repeated_ids(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/accounts", json=example("methods/accounts.md", "index"))
    found = api.accounts(["1", {"id": "2"}, 3])
    assert isinstance(found, NonPaginatableList) and isinstance(found[0], Account)
    assert query(http.last_request) == [("id[]", "1"), ("id[]", "2"), ("id[]", "3")]


def test_accounts_refuses_a_single_id(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="ids"):
        api.accounts("1")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_verify_credentials_and_me(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/accounts/verify_credentials", json=example("methods/accounts.md", "verify_credentials"))
    assert isinstance(api.account_verify_credentials(), Account)
    assert isinstance(api.me(), Account)
    assert http.call_count == 2


def test_account_statuses_sends_only_true_flags_and_converts_bounds(api: Mastodon, http, example, query) -> None:
    http.get(
        f"{BASE}/api/v1/accounts/1/statuses",
        json=[example("entities/Status.md")],
        headers={"Link": f'<{BASE}/api/v1/accounts/1/statuses?max_id=5>; rel="next"'},
    )
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    page = api.account_statuses("1", only_media=True, exclude_reblogs=True, tagged="cats", max_id=when, limit=20)
    assert isinstance(page, PaginatableList) and isinstance(page[0], Status)
    assert query(http.last_request) == [
        ("only_media", "1"),
        ("exclude_reblogs", "1"),
        ("tagged", "cats"),
        ("max_id", str((int(when.timestamp()) << 16) * 1000)),
        ("limit", "20"),
    ]
    assert page._pagination_next is not None and page._pagination_next["max_id"] == 5


def test_account_statuses_defaults_send_nothing(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/1/statuses", json=[])
    api.account_statuses({"id": "1"})
    assert query(http.last_request) == []


def test_account_statuses_pinned_and_exclude_direct(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/1/statuses", json=[])
    api.account_statuses("1", pinned=True, exclude_replies=True, exclude_direct=True, since_id="3", min_id="2")
    assert query(http.last_request) == [
        ("pinned", "1"),
        ("exclude_replies", "1"),
        ("min_id", "2"),
        ("since_id", "3"),
        ("exclude_direct", "1"),
    ]


def test_account_statuses_refuses_a_bad_limit(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        api.account_statuses("1", limit=0)
    assert http.call_count == 0


@pytest.mark.parametrize("which", ["following", "followers"])
def test_account_following_and_followers(api: Mastodon, http, example, which: str, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/7/{which}", json=[example("entities/Account.md")])
    page = getattr(api, f"account_{which}")("7", max_id="10", limit=2)
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    assert query(http.last_request) == [("max_id", "10"), ("limit", "2")]


def test_account_relationships_one_id_and_several(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/relationships", json=example("methods/accounts.md", "relationships"))
    found = api.account_relationships("1")
    assert isinstance(found, NonPaginatableList) and isinstance(found[0], Relationship)
    assert query(http.last_request) == [("id", "1")]
    api.account_relationships(["1", {"id": "2"}], with_suspended=True)
    assert query(http.last_request) == [("with_suspended", "1"), ("id[]", "1"), ("id[]", "2")]  # lists last, as 2.3.3


def test_account_search_sends_resolve_and_is_offset_paginated(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/search", json=[example("entities/Account.md")])
    page = api.account_search("trwnh", limit=1)
    assert isinstance(page[0], Account)
    # Mastodon.py 2.3 means to leave following out when False but sends it as "0"; so do we.
    assert query(http.last_request) == [("q", "trwnh"), ("limit", "1"), ("following", "0"), ("resolve", "0")]
    assert page._pagination_next is not None and page._pagination_next["offset"] == 1
    api.account_search("x", following=True, resolve=True, offset=40)
    assert query(http.last_request) == [("q", "x"), ("following", "1"), ("resolve", "1"), ("offset", "40")]


def test_account_search_needs_a_string(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="q"):
        api.account_search(None)  # type: ignore[arg-type]
    assert http.call_count == 0


def test_account_lists(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/accounts/1/lists", json=example("methods/accounts.md", "lists"))
    found = api.account_lists("1")
    assert isinstance(found, NonPaginatableList) and isinstance(found[0], UserList)


def test_account_lookup(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/accounts/lookup", json=example("entities/Account.md"))
    assert isinstance(api.account_lookup("Gargron@mastodon.social"), Account)
    assert query(http.last_request) == [("acct", "Gargron@mastodon.social")]
    with pytest.raises(MastodonIllegalArgumentError, match="acct"):
        api.account_lookup("")
    assert http.call_count == 1


def test_account_familiar_followers_always_sends_an_array(api: Mastodon, http, example, query) -> None:
    body = example("methods/accounts.md", "familiar_followers")
    http.get(f"{BASE}/api/v1/accounts/familiar_followers", json=body)
    found = api.account_familiar_followers("1")
    assert isinstance(found[0], FamiliarFollowers) and isinstance(found[0].accounts[0], Account)
    assert query(http.last_request) == [("id[]", "1")]
    api.account_familiar_followers(["1", {"id": "2"}])
    assert query(http.last_request) == [("id[]", "1"), ("id[]", "2")]


def test_account_featured_tags(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/accounts/1/featured_tags", json=example("methods/accounts.md", "featured_tags"))
    found = api.account_featured_tags("1")
    assert isinstance(found[0], FeaturedTag) and isinstance(found[0].last_status_at, dt.datetime)


# -----------------------------------------------------------------------------------------------
# Acting on accounts


def test_account_follow_sends_both_flags(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/accounts/3/follow", json=example("methods/accounts.md", "follow"))
    assert isinstance(api.account_follow("3"), Relationship)
    assert form(http.last_request) == [("reblogs", "1"), ("notify", "0")]
    api.account_follow({"id": "3"}, reblogs=False, notify=True)
    assert form(http.last_request) == [("reblogs", "0"), ("notify", "1")]


def test_follows_searches_then_follows_the_first_hit(api: Mastodon, http, example, form, query) -> None:
    account = example("entities/Account.md")
    http.get(f"{BASE}/api/v1/accounts/search", json=[account])
    http.post(f"{BASE}/api/v1/accounts/{account['id']}/follow", json=example("methods/accounts.md", "follow"))
    assert isinstance(api.follows("Gargron@mastodon.social"), Relationship)
    assert query(http.request_history[0]) == [("q", "Gargron@mastodon.social"), ("following", "0"), ("resolve", "0")]


def test_follows_raises_not_found_without_a_hit(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/accounts/search", json=[])
    with pytest.raises(MastodonNotFoundError):
        api.follows("nobody@nowhere.example")
    assert http.call_count == 1


@pytest.mark.parametrize(
    ("method", "action"),
    [
        ("account_unfollow", "unfollow"),
        ("account_remove_from_followers", "remove_from_followers"),
        ("account_block", "block"),
        ("account_unblock", "unblock"),
        ("account_unmute", "unmute"),
        ("account_pin", "pin"),
        ("account_unpin", "unpin"),
        ("account_endorse", "endorse"),
        ("account_unendorse", "unendorse"),
    ],
)
def test_account_actions_post_without_a_body(api: Mastodon, http, example, method: str, action: str) -> None:
    http.post(f"{BASE}/api/v1/accounts/3/{action}", json=example("methods/accounts.md", action))
    result = getattr(api, method)({"id": "3"})
    assert isinstance(result, Relationship)
    assert http.last_request.method == "POST" and not http.last_request.body


def test_account_mute_sends_notifications_and_duration(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/accounts/3/mute", json=example("methods/accounts.md", "mute"))
    assert isinstance(api.account_mute("3"), Relationship)
    assert form(http.last_request) == [("notifications", "1")]
    api.account_mute("3", notifications=False, duration=dt.timedelta(hours=1))
    assert form(http.last_request) == [("notifications", "0"), ("duration", "3600")]


def test_account_mute_refuses_a_bad_duration(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="duration"):
        api.account_mute("3", duration="1h")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_account_note_set(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/accounts/3/note", json=example("methods/accounts.md", "note"))
    assert isinstance(api.account_note_set("3", "met at the conference"), Relationship)
    assert form(http.last_request) == [("comment", "met at the conference")]
    with pytest.raises(MastodonIllegalArgumentError, match="comment"):
        api.account_note_set("3", None)  # type: ignore[arg-type]
    assert http.call_count == 1


# -----------------------------------------------------------------------------------------------
# Your own profile


def test_update_credentials_form_with_fields_and_source(api: Mastodon, http, example, form) -> None:
    http.patch(f"{BASE}/api/v1/accounts/update_credentials", json=example("entities/Account.md"))
    account = api.account_update_credentials(
        display_name="Me",
        note="bio",
        locked=False,
        bot=True,
        fields=[("Website", "https://example.org"), ("Pronouns", "they/them")],
        attribution_domains=["example.org", "example.net"],
        default_privacy="unlisted",
        default_sensitive=True,
        default_language="en",
        default_quote_policy="followers",
        indexable=True,
    )
    assert isinstance(account, Account)
    request = http.last_request
    assert request.method == "PATCH"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form(request) == [
        ("display_name", "Me"),
        ("note", "bio"),
        ("locked", "0"),
        ("bot", "1"),
        ("indexable", "1"),
        ("fields_attributes[0][name]", "Website"),
        ("fields_attributes[0][value]", "https://example.org"),
        ("fields_attributes[1][name]", "Pronouns"),
        ("fields_attributes[1][value]", "they/them"),
        ("source[privacy]", "unlisted"),
        ("source[sensitive]", "1"),
        ("source[language]", "en"),
        ("source[quote_policy]", "followers"),
        ("attribution_domains[]", "example.org"),
        ("attribution_domains[]", "example.net"),
    ]


def test_update_credentials_uploads_bytes_with_a_detected_type(api: Mastodon, http, example) -> None:
    http.patch(f"{BASE}/api/v1/accounts/update_credentials", json=example("entities/Account.md"))
    api.account_update_credentials(display_name="Me", avatar=PNG, header=io.BytesIO(JPEG))
    request = http.last_request
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    body = request.body
    assert re.search(rb'name="avatar"; filename="mastodonpyupload_[^"]+\.png"\r\nContent-Type: image/png', body)
    assert re.search(rb'name="header"; filename="mastodonpyupload_[^"]+\.jpg"\r\nContent-Type: image/jpeg', body)
    assert b'name="display_name"\r\n\r\nMe' in body
    assert PNG in body and JPEG in body


def test_update_credentials_opens_and_closes_a_path(api: Mastodon, http, example, tmp_path, monkeypatch) -> None:
    picture = tmp_path / "me.png"
    picture.write_bytes(PNG)
    opened: list[io.BufferedReader] = []
    real_open = open

    def tracking_open(*args, **kwargs):
        handle = real_open(*args, **kwargs)
        opened.append(handle)
        return handle

    monkeypatch.setattr("builtins.open", tracking_open)
    http.patch(f"{BASE}/api/v1/accounts/update_credentials", json=example("entities/Account.md"))
    api.account_update_credentials(avatar=picture)
    monkeypatch.undo()
    assert b"Content-Type: image/png" in http.last_request.body
    assert opened and all(handle.closed for handle in opened)


def test_update_credentials_explicit_mime_type_wins(api: Mastodon, http, example) -> None:
    http.patch(f"{BASE}/api/v1/accounts/update_credentials", json=example("entities/Account.md"))
    api.account_update_credentials(avatar=b"unknown bytes", avatar_mime_type="image/webp")
    assert b"Content-Type: image/webp" in http.last_request.body


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"avatar": b"no idea what this is"}, "MIME type"),
        ({"header": 12}, "header"),
        ({"default_privacy": "direct"}, "default_privacy"),
        ({"default_quote_policy": "everyone"}, "default_quote_policy"),
        ({"fields": [("only a name",)]}, "fields"),
        ({"fields": {"name": "value"}}, "fields"),
        ({"attribution_domains": "example.org"}, "attribution_domains"),
    ],
)
def test_update_credentials_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.account_update_credentials(**kwargs)
    assert http.call_count == 0


def test_update_credentials_missing_file(api: Mastodon, http, tmp_path) -> None:
    with pytest.raises(MastodonFileNotFoundError):
        api.account_update_credentials(avatar=str(tmp_path / "missing.png"))
    assert http.call_count == 0


@pytest.mark.parametrize(("method", "what"), [("account_delete_avatar", "avatar"), ("account_delete_header", "header")])
def test_delete_avatar_and_header(api: Mastodon, http, example, method: str, what: str) -> None:
    http.delete(f"{BASE}/api/v1/profile/{what}", json=example("entities/Account.md"))
    assert isinstance(getattr(api, method)(), Account)
    assert http.last_request.method == "DELETE" and not http.last_request.body


# -----------------------------------------------------------------------------------------------
# Registration


@pytest.fixture
def app_api(http, clock) -> Mastodon:
    client = Mastodon(client_id="cid", client_secret="csecret", api_base_url=BASE)
    client._set_clock(clock)
    return client


def test_create_account_gets_an_app_token_then_registers(app_api: Mastodon, http, example, form, tmp_path) -> None:
    token = example("entities/Token.md")
    token["scope"] = "read write follow push"
    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token", "scope": "read write follow push"})
    http.post(f"{BASE}/api/v1/accounts", json=token)
    target = tmp_path / "user.secret"
    result = app_api.create_account(
        "alice",
        "s3cret-pass",
        "alice@example.org",
        agreement=True,
        date_of_birth=dt.date(2000, 2, 29),
        to_file=target,
    )
    assert result == token["access_token"] == app_api.access_token
    oauth, register = http.request_history
    assert form(oauth) == [
        ("scope", "read write follow push"),
        ("client_id", "cid"),
        ("client_secret", "csecret"),
        ("grant_type", "client_credentials"),
    ]
    assert "Authorization" not in oauth.headers
    assert register.headers["Authorization"] == "Bearer app-token"
    assert form(register) == [
        ("username", "alice"),
        ("password", "s3cret-pass"),
        ("email", "alice@example.org"),
        ("agreement", "1"),
        ("locale", "en"),
        ("date_of_birth", "2000-02-29"),
        ("client_id", "cid"),
        ("client_secret", "csecret"),
    ]
    assert target.read_text() == f"{token['access_token']}\n{BASE}\n"


def test_create_account_refused_returns_the_details(app_api: Mastodon, http, example) -> None:
    refusal = example("methods/accounts.md", "create", status=422)
    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token"})
    http.post(f"{BASE}/api/v1/accounts", status_code=422, json=refusal)
    token, error = app_api.create_account("alice", "pw", "a@example.org", return_detailed_error=True)
    assert token is None and isinstance(error, AccountCreationError)
    assert error.details.username[0].error == "ERR_INVALID"
    with pytest.raises(MastodonIllegalArgumentError, match="Validation failed"):
        app_api.create_account("alice", "pw", "a@example.org")
    assert app_api.access_token is None


def test_create_account_without_app_credentials_is_refused(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="client_id"):
        api.create_account("alice", "pw", "a@example.org")
    assert http.call_count == 0


def test_create_account_refuses_a_bad_date_of_birth(app_api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="date_of_birth"):
        app_api.create_account("alice", "pw", "a@example.org", date_of_birth="2000-01-01")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_email_resend_confirmation(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/emails/confirmations", json=example("methods/emails.md", "confirmation"))
    assert api.email_resend_confirmation() is None
    assert http.last_request.method == "POST" and not http.last_request.body
