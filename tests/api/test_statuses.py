"""Requests sent and values returned by the statuses endpoints (docs: methods/statuses.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Account, ScheduledStatus, Status
from mastodon.types_base import IdType

BASE = "https://mastodon.example"


def test_status_gets_one_status_and_converts_it(api: Mastodon, http, example) -> None:
    body = example("methods/statuses.md", "get")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    status = api.status(body["id"])
    assert isinstance(status, Status)
    assert isinstance(status.account, Account)
    assert isinstance(status.id, IdType) and status.id == body["id"]
    assert status.created_at == dt.datetime.fromisoformat(body["created_at"].replace("Z", "+00:00"))
    assert status.created_at.tzinfo == dt.timezone.utc
    assert http.last_request.headers["Authorization"] == "Bearer test-access-token-0123456789"
    assert http.last_request.method == "GET" and http.last_request.query == ""


def test_status_accepts_an_entity_as_id(api: Mastodon, http, example) -> None:
    body = example("methods/statuses.md", "get")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    first = api.status(body["id"])
    again = api.status(first)
    assert again == first


def test_status_post_sends_a_form_with_an_idempotency_key(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("hello", visibility="Unlisted", media_ids=[{"id": "7"}, "8"], language="en")
    request = http.last_request
    assert form(request) == [
        ("status", "hello"),
        ("media_ids[]", "7"),
        ("media_ids[]", "8"),
        ("sensitive", "0"),
        ("visibility", "unlisted"),
        ("language", "en"),
    ]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert len(request.headers["Idempotency-Key"]) >= 16


def test_status_post_uses_the_callers_idempotency_key(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("hello", idempotency_key="abc-123")
    assert http.last_request.headers["Idempotency-Key"] == "abc-123"


def test_status_post_with_a_poll_sends_json(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("vote", poll={"options": ["a", "b"], "expires_in": 300, "multiple": False})
    sent = json.loads(http.last_request.text)
    assert sent == {
        "status": "vote",
        "sensitive": "0",
        "poll": {"options": ["a", "b"], "expires_in": 300, "multiple": False},
    }


def test_status_post_scheduled_returns_a_scheduled_status(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "create", index=1))
    when = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    result = api.status_post("later", scheduled_at=when)
    assert isinstance(result, ScheduledStatus)
    assert ("scheduled_at", "2030-01-02T03:04:05+00:00") in form(http.last_request)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"visibility": "friends"}, "visibility"),
        ({"quote_id": "1"}, "quote_id"),
        ({"quote_approval_policy": "everyone"}, "quote_approval_policy"),
        ({"content_type": "text/rtf", "strict_content_type": True}, "content_type"),
    ],
)
def test_status_post_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.status_post("hi", **kwargs)
    assert http.call_count == 0


def test_empty_status_without_media_is_refused(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="empty"):
        api.status_post("   ")
    assert http.call_count == 0


def test_toot_posts_text(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    assert isinstance(api.toot("hi"), Status)
    assert form(http.last_request) == [("status", "hi"), ("sensitive", "0")]


def test_status_reply_mentions_author_and_others_but_not_me(api: Mastodon, http, example, form) -> None:
    original = example("methods/statuses.md", "get")
    original["mentions"] = [
        {"id": "99", "acct": "me", "username": "me", "url": "u"},
        {"id": "5", "acct": "friend@else.where", "username": "friend", "url": "u"},
    ]
    original["visibility"] = "unlisted"
    original["spoiler_text"] = "cw"
    http.get(f"{BASE}/api/v1/accounts/verify_credentials", json={"id": "99", "acct": "me"})
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_reply(Status._from_json(original), "thanks")
    sent = dict(form(http.last_request))
    assert sent["status"] == f"@{original['account']['acct']} @friend@else.where thanks"
    assert sent["in_reply_to_id"] == original["id"]
    assert sent["visibility"] == "unlisted" and sent["spoiler_text"] == "cw"


def test_status_reply_needs_a_status_not_an_id(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="to_status"):
        api.status_reply("123", "hi")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_status_delete_sends_delete_media(api: Mastodon, http, example, form) -> None:
    http.delete(f"{BASE}/api/v1/statuses/103270115826048975", json=example("methods/statuses.md", "get"))
    deleted = api.status_delete("103270115826048975", delete_media=True)
    assert isinstance(deleted, Status)
    assert form(http.last_request) == [("delete_media", "1")]
