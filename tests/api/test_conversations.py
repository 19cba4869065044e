"""Requests sent and values returned by the conversations endpoints (docs: methods/conversations.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Account, Conversation, Status
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


def test_conversations_is_a_page_without_a_trailing_slash(api: Mastodon, http, example, query) -> None:
    body = example("methods/conversations.md", "get")
    http.get(
        f"{BASE}/api/v1/conversations",
        json=body,
        headers={"Link": f'<{BASE}/api/v1/conversations?max_id=80>; rel="next"'},
    )
    page = api.conversations(limit=2, since_id={"id": "5"})
    assert isinstance(page, PaginatableList) and isinstance(page[0], Conversation)
    assert isinstance(page[0].accounts[0], Account) and isinstance(page[0].last_status, Status)
    assert http.last_request.path == "/api/v1/conversations"
    assert query(http.last_request) == [("since_id", "5"), ("limit", "2")]
    assert page._pagination_next is not None and page._pagination_next["max_id"] == 80


def test_conversations_refuses_a_bad_limit(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        api.conversations(limit=-5)
    assert http.call_count == 0


def test_conversations_read_marks_one_read(api: Mastodon, http, example) -> None:
    body = example("methods/conversations.md", "read")
    http.post(f"{BASE}/api/v1/conversations/{body['id']}/read", json=body)
    read = api.conversations_read({"id": body["id"]})
    assert isinstance(read, Conversation) and read.unread is False
    assert http.last_request.method == "POST" and not http.last_request.body


def test_conversations_read_needs_an_id(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        api.conversations_read(None)  # type: ignore[arg-type]
    assert http.call_count == 0
