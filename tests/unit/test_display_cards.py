"""Notebook cards (issue 14, item 12): sensitive media, link previews, polls, replies, verified fields,
local times, theme colours and plurals."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from mastodon import _display
from mastodon.return_types import Account, Status

WHEN = dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.timezone.utc)


def account(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "1",
        "username": "alice",
        "acct": "alice",
        "display_name": "Alice",
        "url": "https://example.social/@alice",
        "avatar": "https://example.social/a.png",
        "note": "",
        "statuses_count": 1,
        "followers_count": 1,
        "following_count": 1,
        "fields": [],
        "emojis": [],
    }
    data.update(over)
    return data


def status(**over: Any) -> Status:
    data: dict[str, Any] = {
        "id": "10",
        "url": "https://example.social/@alice/10",
        "created_at": WHEN.isoformat(),
        "account": account(),
        "content": "<p>hi</p>",
        "visibility": "public",
        "sensitive": False,
        "spoiler_text": "",
        "media_attachments": [],
        "mentions": [],
        "emojis": [],
        "replies_count": 1,
        "reblogs_count": 0,
        "favourites_count": 2,
    }
    data.update(over)
    return Status._from_json(data)


IMAGE = {"id": "9", "type": "image", "url": "https://e.example/full.png", "preview_url": "https://e.example/small.png"}


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The kernel's local zone set to UTC+2 (no daylight saving), restored afterwards."""
    monkeypatch.setenv("TZ", "XST-2")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_sensitive_media_is_blurred_until_clicked() -> None:
    html = status(sensitive=True, media_attachments=[dict(IMAGE, description="a cat")])._repr_html_()
    details = re.search(r'<details class="mastodon-sensitive".*?</details>', html, re.S)
    assert details is not None
    summary = re.search(r"<summary>(.*?)</summary>", details.group(0), re.S)
    assert summary is not None
    assert "click to show" in summary.group(1) and "filter:blur(18px)" in summary.group(1)
    assert 'alt="a cat"' not in summary.group(1)  # the description is not shown before the click
    after = details.group(0)[summary.end() :]
    assert 'alt="a cat"' in after and "blur" not in after
    assert ".mastodon-sensitive[open]>summary .mastodon-blurred{display:none}" in html


def test_media_that_is_not_sensitive_is_shown_plainly() -> None:
    html = status(media_attachments=[IMAGE])._repr_html_()
    assert 'mastodon-sensitive"' not in html and "blur(" not in html and "small.png" in html


def test_link_preview_card() -> None:
    card = {
        "url": "https://news.example/story",
        "title": "A story",
        "description": "What happened",
        "image": "https://news.example/i.png",
        "provider_name": "News",
    }
    html = status(card=card)._repr_html_()
    found = re.search(r'<a class="mastodon-card" href="https://news.example/story".*?</a>', html, re.S)
    assert found is not None
    assert all(text in found.group(0) for text in ("A story", "What happened", "News", "https://news.example/i.png"))
    assert "mastodon-card" not in status(card={"url": "javascript:alert(1)", "title": "x"})._repr_html_()


def test_poll_shows_percentages_totals_and_end_time(zone: None) -> None:
    poll = {
        "id": "1",
        "options": [{"title": "yes", "votes_count": 3}, {"title": "no", "votes_count": 1}],
        "votes_count": 4,
        "voters_count": 4,
        "multiple": False,
        "expired": False,
        "expires_at": "2024-05-02T10:00:00Z",
    }
    html = status(poll=poll)._repr_html_()
    assert "<strong>75%</strong> yes" in html and "<strong>25%</strong> no" in html
    assert "width:75%" in html
    assert "4 votes &middot; closes <time" in html and ">2024-05-02 12:00 XST</time>" in html
    multiple = dict(poll, multiple=True, votes_count=5, voters_count=1, expired=True)
    multiple["options"] = [{"title": "a", "votes_count": 1}, {"title": "b", "votes_count": 1}]
    html = status(poll=multiple)._repr_html_()
    assert "<strong>100%</strong> a" in html and "1 person &middot; closed" in html
    hidden = dict(poll, options=[{"title": "a", "votes_count": None}], votes_count=1)
    assert "1 vote &middot;" in status(poll=hidden)._repr_html_()


def test_in_reply_to() -> None:
    bob = {"id": "2", "acct": "bob@other.example", "url": "https://other.example/@bob", "username": "bob"}
    html = status(in_reply_to_id="5", in_reply_to_account_id="2", mentions=[bob])._repr_html_()
    assert re.search(r"in reply to <a href=\"https://other.example/@bob\"[^>]*>@bob@other.example</a>", html)
    assert "in reply to themselves" in status(in_reply_to_id="5", in_reply_to_account_id="1")._repr_html_()
    assert "in reply to a post" in status(in_reply_to_id="5", in_reply_to_account_id="99")._repr_html_()
    assert "in reply to" not in status()._repr_html_()


def test_verified_profile_fields_are_marked() -> None:
    fields = [
        {"name": "Site", "value": "<a href='https://alice.example'>alice.example</a>", "verified_at": WHEN.isoformat()},
        {"name": "Pronouns", "value": "she/her", "verified_at": None},
    ]
    html = Account._from_json(account(fields=fields))._repr_html_()
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    assert 'class="mastodon-verified"' in rows[0] and "verified 2024-05-01T12:30:00+00:00" in rows[0]
    assert "mastodon-verified" not in rows[1]


def test_times_are_in_the_local_zone_with_the_exact_time_on_hover(zone: None) -> None:
    html = status()._repr_html_()
    assert (
        '<time datetime="2024-05-01T12:30:00+00:00" title="2024-05-01T12:30:00+00:00">2024-05-01 14:30 XST</time>'
        in html
    )


def test_colours_follow_the_theme() -> None:
    html = status(sensitive=True, media_attachments=[IMAGE])._repr_html_()
    html += Account._from_json(account(bot=True))._repr_html_()
    assert "background:#fff" not in html and "color:#222" not in html and "#667" not in html
    assert "background:transparent" in html and "color:inherit" in html


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            {"statuses_count": 1, "followers_count": 1, "following_count": 1},
            ["1</strong> post ", "1</strong> follower<"],
        ),
        (
            {"statuses_count": 2, "followers_count": 0, "following_count": 3},
            ["2</strong> posts", "0</strong> followers"],
        ),
    ],
)
def test_plurals(counts: dict[str, int], expected: list[str]) -> None:
    html = Account._from_json(account(**counts))._repr_html_()
    for text in expected:
        assert text in html
    assert "1</strong> reply" in status()._repr_html_() and "2</strong> favourites" in status()._repr_html_()


def test_cards_stay_safe_with_the_new_parts() -> None:
    attack = '"><script>alert(1)</script>'
    html = status(
        card={"url": "https://x.example/" + attack, "title": attack, "description": attack, "image": attack},
        poll={"id": "1", "options": [{"title": attack, "votes_count": 1}], "votes_count": 1, "expires_at": attack},
        in_reply_to_id="1",
        in_reply_to_account_id="2",
        mentions=[{"id": "2", "acct": attack, "url": "javascript:alert(1)"}],
        sensitive=True,
        media_attachments=[dict(IMAGE, description=attack)],
    )._repr_html_()
    assert "<script" not in html.replace(_display._STYLE, "") and "javascript:" not in html


def test_a_feed_carries_the_style_sheet_once() -> None:
    from mastodon.types_base import PaginatableList

    html = PaginatableList([status(), status(id="11")])._repr_html_()
    assert html.count("<style>") == 1 and html.count('class="mastodon-status"') == 2
