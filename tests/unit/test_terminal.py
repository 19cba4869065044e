"""Text views of the command line: statuses and notifications as a terminal shows them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mastodon._terminal import html_to_text, notification_text, status_text, to_json

WHEN = dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.timezone.utc)
LOCAL = WHEN.astimezone().strftime("%Y-%m-%d %H:%M")


def status(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "101",
        "created_at": WHEN,
        "account": {"acct": "alice"},
        "content": "<p>hello</p>",
        "spoiler_text": "",
        "sensitive": False,
        "media_attachments": [],
        "poll": None,
        "reblog": None,
        "in_reply_to_id": None,
    }
    base.update(fields)
    return base


def test_paragraphs_and_line_breaks_stay_apart() -> None:
    assert html_to_text("<p>one<br>two</p><p>three</p>") == ["one\ntwo", "three"]
    assert status_text(status(content="<p>one<br />two</p><p>three</p>")).splitlines()[1:] == [
        "    one",
        "    two",
        "",
        "    three",
    ]


def test_script_style_and_control_characters_never_reach_the_terminal() -> None:
    html = "<p>safe<script>alert('x')</script><style>p{}</style> text\x1b[31m red\x07</p>"
    assert html_to_text(html) == ["safe text[31m red"]


def test_entities_are_decoded_and_links_keep_their_whole_address() -> None:
    html = (
        '<p>a &amp; b <a href="https://example.com/x"><span class="invisible">https://</span>'
        '<span class="ellipsis">example.com/</span><span class="invisible">x</span></a></p>'
    )
    assert html_to_text(html) == ["a & b https://example.com/x"]


def test_header_has_id_local_time_author_and_reply() -> None:
    assert status_text(status(in_reply_to_id="99")).splitlines()[0] == f"101  {LOCAL}  @alice  (reply to 99)"


def test_a_boost_shows_the_original_and_who_boosted_it() -> None:
    boost = status(id="202", account={"acct": "bob"}, content="", reblog=status())
    assert status_text(boost).splitlines() == [f"101  {LOCAL}  @alice  (boosted by @bob)", "    hello"]


def test_content_warning_hides_the_text_until_expanded() -> None:
    warned = status(spoiler_text="spoilers", content="<p>the butler</p>")
    assert "butler" not in status_text(warned)
    assert status_text(warned).splitlines()[1] == "    CW: spoilers"
    assert status_text(warned, expand=True).splitlines()[1:] == ["    CW: spoilers", "    the butler"]


def test_media_and_poll_markers() -> None:
    shown = status(
        sensitive=True,
        media_attachments=[{"type": "image", "description": "a cat"}, {"type": "video", "description": None}],
        poll={
            "options": [{"title": "yes", "votes_count": 3}, {"title": "no", "votes_count": 1}],
            "votes_count": 4,
            "voters_count": 4,
            "expired": True,
        },
    )
    assert status_text(shown).splitlines()[2:] == [
        "    [image, sensitive: a cat]",
        "    [video, sensitive, no description]",
        "    [poll: yes 75% / no 25%; 4 votes, closed]",
    ]


def test_a_poll_with_hidden_counts_and_one_vote() -> None:
    shown = status(poll={"options": [{"title": "a", "votes_count": None}], "votes_count": 1, "expired": False})
    assert status_text(shown).splitlines()[-1] == "    [poll: a; 1 vote, open]"


def test_notification_without_and_with_a_status() -> None:
    follow = {"id": "7", "created_at": WHEN, "type": "follow", "account": {"acct": "carol"}}
    assert notification_text(follow) == f"7  {LOCAL}  follow from @carol"
    mention = dict(follow, type="mention", status=status(spoiler_text="cw"))
    assert notification_text(mention).splitlines() == [
        f"7  {LOCAL}  mention from @carol on status 101",
        "    CW: cw",
        "    (text hidden; --expand shows it)",
    ]


def test_json_dates_are_iso_8601() -> None:
    assert json.loads(to_json([status()]))[0]["created_at"] == "2024-05-01T12:30:00+00:00"
