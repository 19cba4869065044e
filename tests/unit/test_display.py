"""Notebook representations: cards, feeds and tables as HTML, the sanitiser, and records for pandas."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from html.parser import HTMLParser
from typing import Any

import pytest

from mastodon import _display
from mastodon._display import safe_url, sanitize_html
from mastodon.return_types import Account, Instance, Notification, Status
from mastodon.types_base import AttribAccessDict, NonPaginatableList, PaginatableList

NOW = "2026-01-02T03:04:05.000Z"


def account_json(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "1",
        "username": "alice",
        "acct": "alice",
        "display_name": "Alice :blob:",
        "url": "https://example.social/@alice",
        "avatar": "https://example.social/avatars/alice.png",
        "avatar_static": "https://example.social/avatars/alice_static.png",
        "header": "https://example.social/headers/alice.png",
        "header_static": "https://example.social/headers/alice.png",
        "note": "<p>Writes <em>bots</em>.</p>",
        "locked": False,
        "bot": True,
        "group": False,
        "created_at": NOW,
        "statuses_count": 12,
        "followers_count": 34,
        "following_count": 5,
        "fields": [{"name": "Site", "value": '<a href="https://alice.example">alice.example</a>', "verified_at": None}],
        "emojis": [{"shortcode": "blob", "url": "https://example.social/e/blob.png", "static_url": ""}],
    }
    data.update(over)
    return data


def status_json(content: str = "<p>Hello <strong>world</strong></p>", **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "110000000000000001",
        "uri": "https://example.social/users/alice/statuses/1",
        "url": "https://example.social/@alice/1",
        "created_at": NOW,
        "account": account_json(),
        "content": content,
        "visibility": "public",
        "sensitive": False,
        "spoiler_text": "",
        "media_attachments": [
            {
                "id": "9",
                "type": "image",
                "url": "https://example.social/media/full.png",
                "preview_url": "https://example.social/media/small.png",
                "description": "A cat on a keyboard",
            }
        ],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "reblogs_count": 3,
        "favourites_count": 7,
        "replies_count": 2,
        "reblog": None,
        "poll": None,
    }
    data.update(over)
    return data


class Structure(HTMLParser):
    """Every tag and attribute of an HTML document, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value or "") for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


SAFE_TAGS = {
    *_display._ALLOWED,
    "div",
    "img",
    "details",
    "summary",
    "table",
    "tr",
    "th",
    "td",
    "thead",
    "tbody",
    "caption",
    "time",
}


def assert_safe(html: str) -> None:
    """No script, style or frame element, no event handler, no URL other than http(s)/mailto.

    The one style element allowed is the card's own constant style sheet (nothing from the server in it).
    """
    html = html.replace(_display._STYLE, "")
    parsed = structure(html)
    assert set(parsed.tags) <= SAFE_TAGS, set(parsed.tags) - SAFE_TAGS
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name, value)
        allowed = {"href", "src", "alt", "title", "class", "style", "target", "rel", "width", "height", "start"}
        assert name in allowed | {"datetime", "aria-label"}, (
            tag,
            name,
        )
        if name in ("href", "src"):
            assert safe_url(value) is not None, (tag, name, value)
        if name == "style":  # only our own fixed styles: nothing from the server gets in
            lowered = "".join(value.lower().split())
            for bad in ("url(", "expression", "javascript:", "vbscript:", "data:", "<", ">"):
                assert bad not in lowered, (tag, name, value)
        # alt, title and class values are inert text, whatever they contain, once quoted.
    lowered_html = html.lower()
    for bad in ("<script", "<style", "<iframe", "<svg", "<object", "<embed", "<form", "<input"):
        assert bad not in lowered_html


ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>alert(1)",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)" style="background:url(\'javascript:alert(1)\')">click</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript&#58;alert(1)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="java&#x0A;script:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<style>body{display:none}</style>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<!--<script>alert(1)</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "</p></div></div><script>alert(1)</script><div onclick=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<a href="https://ok.example/" style="position:fixed;top:0">overlay</a>',
    '<span class="x" onpointerenter=alert(1)>hi</span>',
    "<![CDATA[<script>alert(1)</script>]]>",
    "<a href='https://ok.example/\"onmouseover=\"alert(1)'>quoted</a>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    '<ol start="1 onclick=alert(1)"><li value="x">a</li></ol>',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitiser_removes_every_attack(attack: str) -> None:
    cleaned = sanitize_html(attack)
    assert_safe(cleaned)


@pytest.mark.parametrize("attack", ATTACKS)
def test_status_card_with_a_malicious_status_is_safe(attack: str) -> None:
    evil_account = account_json(
        display_name=attack + " :x:",
        acct=attack,
        note=attack,
        url="javascript:alert(1)",
        avatar="javascript:alert(1)",
        avatar_static=None,
        header=f'https://example.social/h.png" onerror="alert(1)" x="{attack}',
        header_static=None,
        fields=[{"name": attack, "value": attack}],
        emojis=[{"shortcode": "x", "url": "javascript:alert(1)", "static_url": attack}],
    )
    inner = status_json(
        content=attack,
        spoiler_text=attack,
        visibility=attack,
        url="javascript:alert(1)",
        account=evil_account,
        media_attachments=[
            {"id": "1", "type": attack, "url": "javascript:alert(1)", "preview_url": attack, "description": attack},
            {
                "id": "2",
                "type": "image",
                "url": attack,
                "preview_url": "https://x.example/p.png",
                "description": attack,
            },
        ],
        emojis=[{"shortcode": "x", "url": attack, "static_url": "data:image/svg+xml,<svg onload=alert(1)>"}],
        poll={"id": "1", "options": [{"title": attack, "votes_count": attack}]},
    )
    status = Status._from_json(status_json(content=attack, reblog=inner, account=evil_account))
    assert_safe(status._repr_html_())
    assert_safe(Account._from_json(evil_account)._repr_html_())
    assert_safe(PaginatableList([status])._repr_html_())
    notification = Notification._from_json(
        {"id": "1", "type": attack, "created_at": attack, "account": evil_account, "status": inner}
    )
    assert_safe(notification._repr_html_())
    assert_safe(NonPaginatableList([notification, status])._repr_html_())


def test_script_content_is_dropped_with_its_text() -> None:
    assert sanitize_html("<p>before<script>alert('gotcha')</script>after</p>") == "<p>beforeafter</p>"
    assert "gotcha" not in sanitize_html("<style>.gotcha{}</style><svg><text>gotcha</text></svg>")


def test_sanitiser_keeps_mastodon_markup() -> None:
    content = (
        '<p>Hi <span class="h-card"><a href="https://example.social/@bob" class="u-url mention">@<span>bob</span></a>'
        '</span> see <a href="https://example.com/a?b=1&amp;c=2" rel="me nofollow">'
        '<span class="invisible">https://</span>example.com</a><br />line two &lt;3</p><p><em>x</em></p>'
    )
    cleaned = sanitize_html(content)
    parsed = structure(cleaned)
    assert parsed.tags == ["p", "span", "a", "span", "a", "span", "br", "p", "em"]
    hrefs = [value for _tag, name, value in parsed.attrs if name == "href"]
    assert hrefs == ["https://example.social/@bob", "https://example.com/a?b=1&c=2"]
    assert ("a", "rel", "nofollow noopener noreferrer") in parsed.attrs
    assert ("a", "target", "_blank") in parsed.attrs
    assert ("span", "class", "invisible") in parsed.attrs
    assert "line two &lt;3" in cleaned


def test_sanitiser_balances_and_cannot_close_the_card() -> None:
    assert sanitize_html("<p><strong>open") == "<p><strong>open</strong></p>"
    assert sanitize_html("</div></div>text") == "text"
    assert sanitize_html("<p><em>a</p>b") == "<p><em>a</em></p>b"


def test_sanitiser_text_and_emojis() -> None:
    emojis = [{"shortcode": "blob", "url": "https://e.example/blob.png", "static_url": "https://e.example/s.png"}]
    cleaned = sanitize_html("<p>hi :blob: :other:</p>", emojis)
    assert '<img src="https://e.example/s.png" alt=":blob:"' in cleaned
    assert ":other:" in cleaned
    bad_emoji = [{"shortcode": "blob", "url": "javascript:alert(1)", "static_url": None}]
    assert "<img" not in sanitize_html(":blob:", bad_emoji)
    assert sanitize_html(None) == ""
    assert sanitize_html("a < b & c") == "a &lt; b &amp; c"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/x", True),
        ("http://example.com", True),
        ("mailto:a@example.com", True),
        ("  https://example.com/", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:image/png;base64,AAAA", False),
        ("//evil.example/x", False),
        ("/relative", False),
        ("https:evil", False),
        ("", False),
        (None, False),
        (42, False),
    ],
)
def test_safe_url(url: Any, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_status_card_shows_author_content_media_counts_and_link() -> None:
    status = Status._from_json(status_json())
    html = status._repr_html_()
    assert html.startswith('<div class="mastodon-status"')
    parsed = structure(html)
    text = "".join(parsed.text)
    assert "Alice" in text and "@alice" in text
    assert "<strong>world</strong>" in html
    assert ("img", "src", "https://example.social/avatars/alice_static.png") in parsed.attrs
    assert ("img", "src", "https://example.social/media/small.png") in parsed.attrs
    assert ("img", "alt", "A cat on a keyboard") in parsed.attrs
    assert ("a", "href", "https://example.social/media/full.png") in parsed.attrs
    assert ("a", "href", "https://example.social/@alice/1") in parsed.attrs
    assert "2026-01-02 03:04 UTC" in text
    assert "2 replies" in text and "3 boosts" in text and "7 favourites" in text
    assert repr(status).startswith("Status({")  # plain repr is unchanged


def test_status_card_spoiler_boost_and_poll() -> None:
    inner = status_json(
        spoiler_text="Food <b>talk</b>",
        sensitive=True,
        poll={
            "id": "5",
            "expires_at": None,
            "expired": False,
            "multiple": False,
            "votes_count": 3,
            "options": [{"title": "Tea", "votes_count": 2}, {"title": "Coffee", "votes_count": 1}],
            "emojis": [],
        },
    )
    boost = Status._from_json(
        status_json(content="", reblog=inner, account=account_json(display_name="Bob"), favourites_count=1)
    )
    html = boost._repr_html_()
    text = "".join(structure(html).text)
    assert "Bob boosted" in text
    assert "<details><summary>Food &lt;b&gt;talk&lt;/b&gt;</summary>" in html
    assert "sensitive" in text
    assert "Tea" in text and "Coffee" in text
    assert "7 favourites" in text  # the boosted status's counts, not the boost's


def test_account_card() -> None:
    account = Account._from_json(account_json(locked=True))
    html = account._repr_html_()
    assert html.startswith('<div class="mastodon-account"')
    parsed = structure(html)
    text = "".join(parsed.text)
    assert "Alice" in text and "@alice" in text and "bot" in text and "locked" in text
    assert "12" in text and "34" in text and "5" in text
    assert "<em>bots</em>" in html
    assert ("a", "href", "https://alice.example") in parsed.attrs
    assert ("img", "src", "https://example.social/headers/alice.png") in parsed.attrs
    assert ("img", "src", "https://example.social/e/blob.png") in parsed.attrs  # :blob: in the display name


def test_notification_card_includes_its_status() -> None:
    notification = Notification._from_json(
        {"id": "1", "type": "favourite", "created_at": NOW, "account": account_json(), "status": status_json()}
    )
    html = notification._repr_html_()
    assert html.startswith('<div class="mastodon-notification"')
    assert "favourited your post" in html
    assert 'class="mastodon-status"' in html


def test_feed_of_statuses_and_list_of_accounts() -> None:
    page = PaginatableList([Status._from_json(status_json()), Status._from_json(status_json(id="2"))])
    html = page._repr_html_()
    assert html.startswith('<div class="mastodon-feed"')
    assert html.count('class="mastodon-status"') == 2
    assert "2 statuses" in html
    accounts = NonPaginatableList([Account._from_json(account_json())])
    html = accounts._repr_html_()
    assert html.count('class="mastodon-account"') == 1
    assert "1 account<" in html
    assert "empty" in PaginatableList()._repr_html_()


def test_long_lists_are_cut() -> None:
    statuses = PaginatableList(Status._from_json(status_json(id=str(n))) for n in range(_display.MAX_CARDS + 5))
    html = statuses._repr_html_()
    assert html.count('class="mastodon-status"') == _display.MAX_CARDS
    assert f"{_display.MAX_CARDS + 5} statuses" in html and "and 5 more" in html
    rows = NonPaginatableList(AttribAccessDict({"n": n}) for n in range(_display.MAX_ROWS + 1))
    html = rows._repr_html_()
    assert html.count("<tr>") == _display.MAX_ROWS + 1  # header and MAX_ROWS rows
    assert "and 1 more" in html


def test_other_entities_and_lists_render_as_escaped_tables() -> None:
    instance = Instance._from_json({"uri": "x.example", "title": "<script>alert(1)</script>", "version": "4.3.0"})
    html = instance._repr_html_()
    assert html.startswith('<table class="mastodon-entity"><caption>Instance</caption>')
    assert "&lt;script&gt;" in html and "<script" not in html
    rows = PaginatableList([AttribAccessDict({"name": "<b>a</b>", "n": 1}), AttribAccessDict({"name": "b"})])
    html = rows._repr_html_()
    assert html.startswith('<table class="mastodon-table"><caption>2 items</caption>')
    assert "&lt;b&gt;a&lt;/b&gt;" in html
    assert html.count("<tr>") == 3
    assert_safe(html)


def test_to_records_flattens_with_dotted_keys_and_keeps_datetimes() -> None:
    page = PaginatableList([Status._from_json(status_json()), Status._from_json(status_json(id="2", reblog=None))])
    records = page.to_records()
    assert len(records) == 2
    first = records[0]
    assert first["account.acct"] == "alice"
    assert first["account.id"] == "1" and type(first["account.id"]) is str
    assert type(first["id"]) is str
    assert first["created_at"] == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert isinstance(first["account.created_at"], dt.datetime)
    assert first["reblog"] is None
    assert isinstance(first["media_attachments"], list)
    assert not any(isinstance(value, dict) and value for value in first.values())
    assert records[1]["id"] == "2"
    assert page.to_records(sep="__")[0]["account__acct"] == "alice"
    # a single entity and lists of non-entities
    assert Status._from_json(status_json()).to_records()[0]["account.username"] == "alice"
    assert NonPaginatableList([1, 2]).to_records() == [{"value": 1}, {"value": 2}]
    assert AttribAccessDict({"a": {}}).to_records() == [{"a": {}}]


def test_to_records_feeds_pandas() -> None:
    import pandas

    page = PaginatableList([Status._from_json(status_json()), Status._from_json(status_json(id="2"))])
    frame = pandas.DataFrame(page.to_records())
    assert list(frame["account.acct"]) == ["alice", "alice"]
    assert len(frame) == 2


def test_display_module_is_not_imported_with_mastodon() -> None:
    code = "import sys, mastodon; assert 'mastodon._display' not in sys.modules; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
