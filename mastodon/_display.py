"""How entities show themselves in notebooks, and how a page of them becomes rows for a table.

``_repr_html_`` (what Jupyter calls) renders a :class:`~mastodon.return_types.Status` as a card
(author, avatar, sanitised content, media thumbnails, counts, link), an
:class:`~mastodon.return_types.Account` as a profile card, a
:class:`~mastodon.return_types.Notification` as a line with the status it is about, a list of them as
a feed, and any other entity as a table of its fields. Everything the server sent is escaped or, for
the HTML fields (``content``, ``note``, profile field values), passed through :func:`sanitize_html`,
an allow-list sanitiser: no script, style, event handler or ``javascript:`` URL survives.

:func:`to_records` turns a page of entities into flat dicts (``account.acct``, ``account.id``, ...)
so that ``pandas.DataFrame(page.to_records())`` is a table; pandas is never imported here.

This module is imported only when one of those methods is first called.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

__all__ = ["entity_html", "flatten", "list_html", "safe_url", "sanitize_html", "to_records"]

# ---------------------------------------------------------------------------------------------
# The sanitiser

# Tags Mastodon itself lets through in status content, and the attributes each may keep.
_ALLOWED: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "class", "title", "translate"}),
    "span": frozenset({"class", "title", "translate"}),
    "p": frozenset(),
    "br": frozenset(),
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "s": frozenset(),
    "del": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
    "code": frozenset(),
    "pre": frozenset(),
    "blockquote": frozenset(),
    "ul": frozenset(),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "h1": frozenset(),
    "h2": frozenset(),
    "h3": frozenset(),
    "h4": frozenset(),
    "h5": frozenset(),
    "h6": frozenset(),
}
_VOID = frozenset({"br"})
# Elements dropped together with everything inside them.
_DROP_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "object",
        "embed",
        "noscript",
        "noembed",
        "noframes",
        "textarea",
        "title",
        "svg",
        "math",
        "xmp",
        "plaintext",
        "select",
        "head",
        "frameset",
    }
)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_IMAGE_SCHEMES = frozenset({"http", "https"})
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
_CLASS_VALUE = re.compile(r"^[A-Za-z0-9_\- ]*$")
_NUMBER = re.compile(r"^-?\d{1,9}$")
_SHORTCODE = re.compile(r":([A-Za-z0-9_]+):")


def safe_url(value: Any, schemes: frozenset[str] = _SAFE_SCHEMES) -> str | None:
    """``value`` if it is an absolute URL with one of ``schemes`` (http, https, mailto), else None.

    Whitespace and control characters are ignored when reading the scheme, as browsers do, so
    ``" java\\tscript:"`` is refused like ``javascript:``. Relative and scheme-less URLs are refused.
    """
    if not isinstance(value, str) or not value:
        return None
    compact = _CONTROL_AND_SPACE.sub("", value)
    try:
        scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return None
    if scheme not in schemes:
        return None
    if scheme != "mailto" and not compact.lower().startswith(scheme + "://"):
        return None
    return value.strip()


class _Sanitiser(HTMLParser):
    """Re-emits the allowed subset of an HTML fragment, balanced, with every text and value escaped."""

    def __init__(self, emojis: Mapping[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip: list[str] = []  # the dropped element we are inside, and nested ones of its name
        self.emojis = emojis

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip:
            if tag == self.skip[0]:
                self.skip.append(tag)
            return
        if tag in _DROP_CONTENT:
            self.skip.append(tag)
            return
        allowed = _ALLOWED.get(tag)
        if allowed is None:
            return  # an unknown tag goes, its text stays
        parts = [tag]
        for name, value in attrs:
            name = name.lower()
            if name not in allowed or value is None:
                continue
            cleaned = self._attribute(tag, name, value)
            if cleaned is not None:
                parts.append(f'{name}="{escape(cleaned, quote=True)}"')
        if tag == "a":
            parts.append('target="_blank" rel="nofollow noopener noreferrer"')
        self.out.append("<" + " ".join(parts) + ">")
        if tag not in _VOID:
            self.open.append(tag)

    @staticmethod
    def _attribute(tag: str, name: str, value: str) -> str | None:
        if name == "href":
            return safe_url(value)
        if name == "class":
            return value if _CLASS_VALUE.match(value) else None
        if name in ("start", "value"):
            return value if _NUMBER.match(value.strip()) else None
        if name == "reversed":
            return ""
        if name == "rel":
            return None  # set by us on every link
        return value

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        elif not self.skip and tag not in _DROP_CONTENT and tag in _ALLOWED:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip:
            if tag == self.skip[0]:
                self.skip.pop()
            return
        if tag not in self.open:
            return  # closing something never opened (or not allowed): it cannot close our own markup
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = escape(data, quote=False)
        if self.emojis and ":" in text:
            text = _SHORTCODE.sub(self._emoji, text)
        self.out.append(text)

    def _emoji(self, match: re.Match[str]) -> str:
        url = self.emojis.get(match.group(1))
        if url is None:
            return match.group(0)
        return _emoji_img(match.group(1), url)

    # Comments, doctypes, processing instructions and CDATA are dropped.
    def handle_comment(self, data: str) -> None:
        return None

    def handle_decl(self, decl: str) -> None:
        return None

    def handle_pi(self, data: str) -> None:
        return None

    def unknown_decl(self, data: str) -> None:
        return None

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def _emoji_img(shortcode: str, url: str) -> str:
    return (
        f'<img src="{escape(url, quote=True)}" alt=":{escape(shortcode)}:" title=":{escape(shortcode)}:" '
        'style="height:1.2em;width:auto;vertical-align:middle">'
    )


def _emoji_map(emojis: Any) -> dict[str, str]:
    """``{shortcode: url}`` for the custom emojis whose URL is a safe http(s) URL."""
    found: dict[str, str] = {}
    if not isinstance(emojis, list):
        return found
    for emoji in emojis:
        if isinstance(emoji, Mapping):
            code = emoji.get("shortcode")
            url = safe_url(emoji.get("static_url") or emoji.get("url"), _IMAGE_SCHEMES)
            if isinstance(code, str) and url is not None:
                found[code] = url
    return found


def sanitize_html(fragment: Any, emojis: Any = None) -> str:
    """An HTML fragment from a server reduced to the markup Mastodon allows, balanced and escaped.

    Kept: paragraphs, line breaks, links (http, https and mailto only; they open in a new tab with
    ``rel="nofollow noopener noreferrer"``), inline emphasis, code, quotes, lists and headings.
    Dropped with their content: ``script``, ``style``, ``iframe``, ``svg`` and the like. Dropped,
    keeping their text: every other tag. Dropped always: event handlers, ``style`` attributes,
    comments. ``emojis`` (a list of custom emoji entities) turns ``:shortcode:`` in the text into images.
    """
    if fragment is None:
        return ""
    sanitiser = _Sanitiser(_emoji_map(emojis))
    sanitiser.feed(str(fragment))
    return sanitiser.result()


def _text(value: Any, emojis: Mapping[str, str] | None = None) -> str:
    """Plain text from a server, escaped, with custom emoji shortcodes as images."""
    if value is None:
        return ""
    text = escape(str(value), quote=False)
    if emojis and ":" in text:

        def replace(match: re.Match[str]) -> str:
            url = emojis.get(match.group(1))
            return match.group(0) if url is None else _emoji_img(match.group(1), url)

        text = _SHORTCODE.sub(replace, text)
    return text


# ---------------------------------------------------------------------------------------------
# Cards

# Colours follow the notebook's theme: text inherits the theme's colour, backgrounds stay transparent
# (a dark theme gets no white block), and greys are translucent so they read on light and dark alike.
_CARD = (
    "border:1px solid rgba(128,128,128,.35);border-radius:8px;padding:10px 12px;margin:6px 0;max-width:600px;"
    "font-family:system-ui,-apple-system,sans-serif;font-size:14px;line-height:1.4;background:transparent;"
    "color:inherit"
)
_MUTED = "opacity:.72;font-size:13px"
_ACCENT = "rgba(99,100,255,.28)"
# One small style sheet per output: what inline styles cannot say (a sensitive preview hidden once opened).
_STYLE = (
    "<style>.mastodon-sensitive[open]>summary .mastodon-blurred{display:none}"
    ".mastodon-sensitive>summary{cursor:pointer;list-style:none}"
    ".mastodon-sensitive>summary::-webkit-details-marker{display:none}</style>"
)


def _get(entity: Any, key: str) -> Any:
    return entity.get(key) if isinstance(entity, Mapping) else None


def _count(value: Any) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "0"


def _counted(value: Any, singular: str, plural: str) -> str:
    number = _count(value)
    return f"<strong>{number}</strong> {singular if number == '1' else plural}"


def _when(value: Any) -> str:
    """A time in the local zone of the machine running the kernel, the exact UTC time on hover."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        local = value.astimezone()
        exact = value.astimezone(_dt.timezone.utc).isoformat()
        shown = local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or local.strftime("%z"))
        return (
            f'<time datetime="{escape(exact, quote=True)}" title="{escape(exact, quote=True)}">{escape(shown)}</time>'
        )
    return escape(str(value)) if value is not None else ""


def _plural(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _link(url: Any, label: str, style: str = "") -> str:
    href = safe_url(url)
    style_attr = f' style="{style}"' if style else ""
    if href is None:
        return f"<span{style_attr}>{label}</span>"
    return (
        f'<a href="{escape(href, quote=True)}" target="_blank" rel="nofollow noopener noreferrer"{style_attr}>'
        f"{label}</a>"
    )


def _avatar(account: Any, size: int) -> str:
    url = safe_url(_get(account, "avatar_static") or _get(account, "avatar"), _IMAGE_SCHEMES)
    if url is None:
        return ""
    return (
        f'<img src="{escape(url, quote=True)}" alt="" width="{size}" height="{size}" '
        f'style="border-radius:6px;width:{size}px;height:{size}px;object-fit:cover;flex:none">'
    )


def _author(account: Any) -> str:
    emojis = _emoji_map(_get(account, "emojis"))
    name = _text(_get(account, "display_name") or _get(account, "username"), emojis)
    acct = _text(_get(account, "acct"))
    return (
        f'<div style="display:flex;gap:8px;align-items:center">{_avatar(account, 40)}'
        f"<div><div><strong>{name}</strong></div>"
        f'<div style="{_MUTED}">{_link(_get(account, "url"), "@" + acct, "color:inherit;text-decoration:none")}</div>'
        "</div></div>"
    )


def _thumbnails(attachments: list[Any], blurred: bool) -> str:
    thumbs: list[str] = []
    for media in attachments:
        if not isinstance(media, Mapping):
            continue
        alt = escape(str(media.get("description") or ""), quote=True)
        kind = escape(str(media.get("type") or "media"))
        preview = safe_url(media.get("preview_url") or media.get("url"), _IMAGE_SCHEMES)
        if preview is not None:
            blur = "filter:blur(18px);" if blurred else ""
            inner = (
                f'<img src="{escape(preview, quote=True)}" alt="{"" if blurred else alt}" '
                f'title="{"" if blurred else alt}" '
                f'style="{blur}max-height:120px;max-width:180px;border-radius:4px;object-fit:cover">'
            )
        else:
            inner = f'<span style="{_MUTED}">[{kind}]</span>'
        if blurred:
            thumbs.append(f'<span style="display:inline-block;overflow:hidden;border-radius:4px">{inner}</span>')
        else:
            thumbs.append(_link(media.get("url") or media.get("remote_url"), inner))
    return f'<div style="display:flex;gap:6px;flex-wrap:wrap;margin-top:6px">{"".join(thumbs)}</div>'


def _media(attachments: Any, sensitive: bool = False) -> str:
    """Thumbnails; sensitive ones blurred behind a click (``<details>``: no script needed)."""
    if not isinstance(attachments, list) or not attachments:
        return ""
    if not sensitive:
        return _thumbnails(attachments, blurred=False)
    count = len(attachments)
    return (
        f'<details class="mastodon-sensitive" style="margin-top:6px"><summary>'
        f'<div style="{_MUTED}">Sensitive {_plural(count, "image", "media")}: click to show</div>'
        f'<div class="mastodon-blurred">{_thumbnails(attachments, blurred=True)}</div></summary>'
        f"{_thumbnails(attachments, blurred=False)}</details>"
    )


def _preview_card(card: Any) -> str:
    """A link preview (a status's ``card``): image, title, description and the site it comes from."""
    if not isinstance(card, Mapping):
        return ""
    url = safe_url(card.get("url"))
    if url is None:
        return ""
    image = safe_url(card.get("image"), _IMAGE_SCHEMES)
    picture = (
        f'<img src="{escape(image, quote=True)}" alt="" '
        'style="width:100px;height:100px;object-fit:cover;flex:none;border-radius:6px 0 0 6px">'
        if image
        else ""
    )
    site = card.get("provider_name") or urlsplit(url).hostname or ""
    title = _text(card.get("title") or url)
    description = _text(card.get("description"))
    if len(description) > 300:
        description = description[:299] + "&hellip;"
    body = (
        f'<div style="padding:6px 10px;min-width:0"><div style="{_MUTED}">{_text(site)}</div>'
        f"<div><strong>{title}</strong></div>"
        f'<div style="{_MUTED};overflow:hidden;text-overflow:ellipsis">{description}</div></div>'
    )
    return (
        f'<a class="mastodon-card" href="{escape(url, quote=True)}" target="_blank" '
        'rel="nofollow noopener noreferrer" style="display:flex;margin-top:6px;border:1px solid '
        f'rgba(128,128,128,.35);border-radius:6px;color:inherit;text-decoration:none;overflow:hidden">'
        f"{picture}{body}</a>"
    )


def _poll(poll: Any, emojis: Mapping[str, str]) -> str:
    """Each option with its share of the votes (as a bar), the number of votes or voters, and when it ends."""
    options = _get(poll, "options")
    if not isinstance(options, list):
        return ""
    votes_total = _get(poll, "votes_count")
    voters = _get(poll, "voters_count")
    multiple = bool(_get(poll, "multiple"))
    # Mastodon shares a multiple-choice poll's votes among its voters, a single-choice poll's among its votes.
    denominator = voters if multiple and isinstance(voters, int) else votes_total
    rows = []
    for option in options:
        votes = _get(option, "votes_count")
        title = _text(_get(option, "title"), emojis)
        if isinstance(votes, int) and isinstance(denominator, int):
            share = round(100 * votes / denominator) if denominator > 0 else 0
            rows.append(
                f'<div style="position:relative;margin:3px 0;padding:2px 6px;border-radius:4px">'
                f'<div style="position:absolute;inset:0;width:{share}%;background:{_ACCENT};border-radius:4px"></div>'
                f'<span style="position:relative"><strong>{share}%</strong> {title}</span></div>'
            )
        else:
            rows.append(f'<div style="margin:3px 0;padding:2px 6px">{title}</div>')
    if multiple and isinstance(voters, int):
        tally = f"{voters} {_plural(voters, 'person', 'people')}"
    else:
        count = votes_total if isinstance(votes_total, int) else 0
        tally = f"{count} {_plural(count, 'vote', 'votes')}"
    expires = _get(poll, "expires_at")
    if _get(poll, "expired"):
        ending = "closed"
    elif expires:
        ending = f"closes {_when(expires)}"
    else:
        ending = "open"
    return (
        f'<div class="mastodon-poll" style="margin:6px 0">{"".join(rows)}'
        f'<div style="{_MUTED}">{tally} &middot; {ending}</div></div>'
    )


def _in_reply_to(status: Any) -> str:
    """Who a reply answers: the mentioned account it replies to, if the status names it."""
    if not _get(status, "in_reply_to_id"):
        return ""
    target = _get(status, "in_reply_to_account_id")
    if target is not None and str(target) == str(_get(_get(status, "account"), "id")):
        who = "themselves"
    else:
        who = "a post"
        for mention in _get(status, "mentions") or []:
            if str(_get(mention, "id")) == str(target):
                who = _link(_get(mention, "url"), "@" + _text(_get(mention, "acct")), "color:inherit")
                break
    return f'<div style="{_MUTED};margin-bottom:4px">&#8617; in reply to {who}</div>'


def status_html(status: Any) -> str:
    """A status as a card: author, content (sanitised), media thumbnails, poll, counts and a link."""
    header = ""
    reblog = _get(status, "reblog")
    if isinstance(reblog, Mapping):
        booster = _get(status, "account")
        who = _text(_get(booster, "display_name") or _get(booster, "acct"), _emoji_map(_get(booster, "emojis")))
        header = f'<div style="{_MUTED};margin-bottom:4px">&#8635; {who} boosted</div>'
        status = reblog
    emojis = _emoji_map(_get(status, "emojis"))
    content = sanitize_html(_get(status, "content"), _get(status, "emojis"))
    spoiler = _get(status, "spoiler_text")
    if spoiler:
        content = f"<details><summary>{_text(spoiler, emojis)}</summary>{content}</details>"
    sensitive = ' <span style="color:#d9534f">sensitive</span>' if _get(status, "sensitive") else ""
    poll = _get(status, "poll")
    counts = " &nbsp; ".join(
        _counted(_get(status, key), singular, plural)
        for key, singular, plural in (
            ("replies_count", "reply", "replies"),
            ("reblogs_count", "boost", "boosts"),
            ("favourites_count", "favourite", "favourites"),
        )
    )
    when = _link(_get(status, "url") or _get(status, "uri"), _when(_get(status, "created_at")), "color:inherit")
    visibility = _text(_get(status, "visibility"))
    return (
        f'<div class="mastodon-status" style="{_CARD}">{_STYLE}{header}{_in_reply_to(status)}'
        f"{_author(_get(status, 'account'))}"
        f'<div class="mastodon-content" style="margin-top:6px">{content}</div>'
        f"{_media(_get(status, 'media_attachments'), bool(_get(status, 'sensitive')))}"
        f"{_poll(poll, emojis) if poll else ''}{_preview_card(_get(status, 'card'))}"
        f'<div style="{_MUTED};margin-top:6px;display:flex;justify-content:space-between">'
        f"<span>{counts}</span><span>{visibility}{sensitive} &middot; {when}</span></div></div>"
    )


def account_html(account: Any) -> str:
    """An account as a profile card: header, avatar, names, badges, bio (sanitised), fields and counts."""
    emojis = _emoji_map(_get(account, "emojis"))
    banner = ""
    header_url = safe_url(_get(account, "header_static") or _get(account, "header"), _IMAGE_SCHEMES)
    if header_url is not None and "missing" not in header_url:
        banner = (
            f'<img src="{escape(header_url, quote=True)}" alt="" style="display:block;width:calc(100% + 24px);'
            'height:80px;object-fit:cover;margin:-10px -12px 8px;border-radius:8px 8px 0 0;max-width:none">'
        )
    badges = "".join(
        f' <span style="{_MUTED};border:1px solid rgba(128,128,128,.5);border-radius:4px;padding:0 4px">{label}</span>'
        for key, label in (("bot", "bot"), ("locked", "locked"), ("group", "group"))
        if _get(account, key)
    )
    fields = _get(account, "fields")
    rows = ""
    if isinstance(fields, list) and fields:
        rows = "".join(
            f'<tr><th style="text-align:left;padding-right:8px;{_MUTED}">{_text(_get(field, "name"), emojis)}</th>'
            f"<td>{sanitize_html(_get(field, 'value'), _get(account, 'emojis'))}{_verified(field)}</td></tr>"
            for field in fields
        )
        rows = f'<table style="margin-top:6px;border-collapse:collapse">{rows}</table>'
    note = sanitize_html(_get(account, "note"), _get(account, "emojis"))
    counts = " &nbsp; ".join(
        (
            _counted(_get(account, "statuses_count"), "post", "posts"),
            _counted(_get(account, "following_count"), "following", "following"),
            _counted(_get(account, "followers_count"), "follower", "followers"),
        )
    )
    return (
        f'<div class="mastodon-account" style="{_CARD}">{banner}'
        f'<div style="display:flex;gap:10px;align-items:center">{_avatar(account, 56)}<div>'
        f'<div style="font-size:16px"><strong>'
        f"{_text(_get(account, 'display_name') or _get(account, 'username'), emojis)}</strong>{badges}</div>"
        f'<div style="{_MUTED}">{_link(_get(account, "url"), "@" + _text(_get(account, "acct")), "color:inherit")}'
        "</div></div></div>"
        f'<div class="mastodon-content" style="margin-top:6px">{note}</div>'
        f'{rows}<div style="{_MUTED};margin-top:6px">{counts}</div></div>'
    )


def _verified(field: Any) -> str:
    """A check mark for a profile field whose link the server verified (``verified_at``), with the date."""
    verified = _get(field, "verified_at")
    if not verified:
        return ""
    when = escape(verified.isoformat() if isinstance(verified, _dt.datetime) else str(verified), quote=True)
    return (
        f' <span class="mastodon-verified" title="verified {when}" '
        'style="color:#2e9d57;font-weight:bold" aria-label="verified">&#10003;</span>'
    )


_NOTIFICATION_VERBS = {
    "mention": "mentioned you",
    "status": "posted",
    "reblog": "boosted your post",
    "follow": "followed you",
    "follow_request": "asked to follow you",
    "favourite": "favourited your post",
    "poll": "'s poll has ended",
    "update": "edited a post",
    "quote": "quoted your post",
}


def notification_html(notification: Any) -> str:
    """A notification: who did what, when, and the status it is about as a card."""
    account = _get(notification, "account")
    kind = str(_get(notification, "type") or "")
    verb = _NOTIFICATION_VERBS.get(kind, escape(kind.replace("_", " ")))
    who = _text(_get(account, "display_name") or _get(account, "acct"), _emoji_map(_get(account, "emojis")))
    status = _get(notification, "status")
    inner = status_html(status) if isinstance(status, Mapping) else ""
    return (
        f'<div class="mastodon-notification" style="{_CARD}">'
        f'<div style="display:flex;gap:8px;align-items:center">{_avatar(account, 24)}'
        f"<span><strong>{who}</strong> {verb}</span>"
        f'<span style="{_MUTED};margin-left:auto">{_when(_get(notification, "created_at"))}</span></div>'
        f"{inner}</div>"
    )


def _cell(value: Any) -> str:
    if isinstance(value, _dt.datetime):
        return _when(value)
    text = repr(value) if isinstance(value, (list, dict)) else str(value) if value is not None else ""
    if len(text) > 200:
        text = text[:199] + "\u2026"
    return escape(text, quote=False)


def table_html(rows: list[dict[str, Any]], caption: str = "") -> str:
    """Rows (flat dicts) as an HTML table, every cell escaped; at most 30 columns are shown."""
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key, None)
    names = list(columns)[:30]
    head = "".join(f"<th>{escape(name)}</th>" for name in names)
    body = "".join("<tr>" + "".join(f"<td>{_cell(row.get(name))}</td>" for name in names) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="mastodon-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _fields_html(entity: Mapping[str, Any]) -> str:
    rows = "".join(
        f'<tr><th style="text-align:left">{escape(str(key))}</th><td style="text-align:left">{_cell(value)}</td></tr>'
        for key, value in flatten(entity).items()
    )
    return f'<table class="mastodon-entity"><caption>{escape(type(entity).__name__)}</caption>{rows}</table>'


def _kind(entity: Any) -> str:
    """Which card an entity gets: by its class, or for plain dicts by the fields it has."""
    for klass in type(entity).__mro__:
        if klass.__name__ in ("Status", "Account", "Notification"):
            return klass.__name__
    if isinstance(entity, Mapping):
        if "content" in entity and isinstance(entity.get("account"), Mapping):
            return "Status"
        if "acct" in entity and "username" in entity:
            return "Account"
    return ""


def entity_html(entity: Any) -> str:
    """The notebook view of one entity: a card for statuses, accounts and notifications, else a field table."""
    kind = _kind(entity)
    if kind == "Status":
        return status_html(entity)
    if kind == "Account":
        return account_html(entity)
    if kind == "Notification":
        return notification_html(entity)
    if isinstance(entity, Mapping):
        return _fields_html(entity)
    return f"<pre>{escape(repr(entity))}</pre>"


MAX_CARDS = 40
"""A feed shows at most this many cards; the rest are counted (``to_records()`` has them all)."""
MAX_ROWS = 200
"""A table shows at most this many rows."""


def list_html(items: Iterable[Any]) -> str:
    """The notebook view of a list: a feed of cards for statuses, accounts and notifications, else a table.

    Long lists are cut: at most :data:`MAX_CARDS` cards or :data:`MAX_ROWS` rows, with a line saying
    how many more there are, so that a notebook stays responsive after ``fetch_remaining``.
    """
    entries = list(items)
    if not entries:
        return f'<div style="{_MUTED}">(empty list)</div>'
    kinds = {_kind(item) for item in entries}
    if kinds <= {"Status", "Account", "Notification"} and "" not in kinds:
        label = {"Status": "status", "Account": "account", "Notification": "notification"}
        noun = label[next(iter(kinds))] if len(kinds) == 1 else "item"
        plural = "es" if noun == "status" else "s"
        caption = f'<div style="{_MUTED}">{len(entries)} {noun}{plural if len(entries) != 1 else ""}</div>'
        cards = "".join(entity_html(item) for item in entries[:MAX_CARDS]).replace(_STYLE, "")
        return (
            f'<div class="mastodon-feed" style="font-family:system-ui,-apple-system,sans-serif">{_STYLE}'
            f"{caption}{cards}{_more(len(entries), MAX_CARDS)}</div>"
        )
    return table_html(to_records(entries[:MAX_ROWS]), f"{len(entries)} items") + _more(len(entries), MAX_ROWS)


def _more(count: int, shown: int) -> str:
    if count <= shown:
        return ""
    return (
        f'<div style="{_MUTED}">&hellip; and {count - shown} more (all of them are in <code>to_records()</code>)</div>'
    )


# ---------------------------------------------------------------------------------------------
# Records


def flatten(entity: Mapping[str, Any], prefix: str = "", sep: str = ".") -> dict[str, Any]:
    """A nested mapping as one flat dict: ``{"account": {"acct": "a"}}`` becomes ``{"account.acct": "a"}``.

    Lists, datetimes and other values are kept as they are; ids become plain strings; an empty
    nested mapping is kept under its own key.
    """
    flat: dict[str, Any] = {}
    for key, value in entity.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            if value:
                flat.update(flatten(value, name + sep, sep))
            else:
                flat[name] = {}
        elif isinstance(value, str) and type(value) is not str:
            flat[name] = str(value)
        else:
            flat[name] = value
    return flat


def to_records(items: Iterable[Any], sep: str = ".") -> list[dict[str, Any]]:
    """Each item as a flat dict (see :func:`flatten`); an item that is not a mapping becomes ``{"value": item}``."""
    return [flatten(item, sep=sep) if isinstance(item, Mapping) else {"value": item} for item in items]
