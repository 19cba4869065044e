"""How statuses and notifications read in a terminal (the command line's text views).

A status shows its id (the one ``post --reply-to`` takes), its time in the local zone, its author and,
for a boost, who boosted it; then its text, paragraph by paragraph, with markers for media and polls.
A content warning hides the text unless ``expand`` is given. HTML from the server becomes plain text:
script and style contents are dropped, and so is every control character (a status cannot move the
cursor or recolour the terminal).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

__all__ = ["html_to_text", "notification_text", "status_text", "to_json"]

# Elements whose contents are never text for a reader.
_SKIP = frozenset({"script", "style", "template", "head", "title", "noscript", "iframe", "object", "svg", "math"})
_BLOCKS = frozenset({"p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})
# C0 and C1 controls except tab and newline, and the DEL character.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.line: list[str] = []
        self.skipping = 0

    def _end_paragraph(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.paragraphs.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.line.append("\n")
        elif tag == "li":
            self.line.append("\n- ")
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.line.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(data)


def html_to_text(fragment: Any) -> list[str]:
    """Server HTML as paragraphs of plain text (lines inside a paragraph kept), controls removed."""
    parser = _Text()
    parser.feed(str(fragment or ""))
    parser.close()
    parser._end_paragraph()
    paragraphs = []
    for paragraph in parser.paragraphs:
        lines = (" ".join(_CONTROL.sub("", line).split()) for line in paragraph.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return paragraphs


def _clean(value: Any) -> str:
    return " ".join(_CONTROL.sub("", str(value or "")).split())


def _when(value: Any) -> str:
    if isinstance(value, _dt.datetime):
        shown = value.astimezone() if value.tzinfo is not None else value
        return shown.strftime("%Y-%m-%d %H:%M")
    return _clean(value)[:16]


def _acct(account: Any) -> str:
    acct = account.get("acct") if isinstance(account, Mapping) else None
    return "@" + (_clean(acct) or "?")


def _media_markers(status: Mapping[str, Any]) -> list[str]:
    markers = []
    sensitive = bool(status.get("sensitive"))
    for attachment in status.get("media_attachments") or []:
        kind = _clean(attachment.get("type") or "media")
        label = f"{kind}, sensitive" if sensitive else kind
        description = _clean(attachment.get("description"))
        markers.append(f"[{label}: {description}]" if description else f"[{label}, no description]")
    return markers


def _poll_marker(poll: Any) -> str | None:
    if not isinstance(poll, Mapping):
        return None
    options = poll.get("options") or []
    total = sum(int(option.get("votes_count") or 0) for option in options)
    parts = []
    for option in options:
        votes = option.get("votes_count")
        if votes is None or not total:
            parts.append(_clean(option.get("title")))
        else:
            parts.append(f"{_clean(option.get('title'))} {round(100 * int(votes) / total)}%")
    voters = poll.get("voters_count")
    count = voters if isinstance(voters, int) else poll.get("votes_count") or 0
    closing = (
        "closed"
        if poll.get("expired")
        else (f"closes {_when(poll['expires_at'])}" if poll.get("expires_at") else "open")
    )
    return f"[poll: {' / '.join(parts)}; {count} {'vote' if count == 1 else 'votes'}, {closing}]"


def _body(status: Mapping[str, Any], expand: bool, indent: str) -> list[str]:
    lines: list[str] = []
    warning = _clean(status.get("spoiler_text"))
    if warning:
        lines.append(f"{indent}CW: {warning}")
        if not expand:
            lines.append(f"{indent}(text hidden; --expand shows it)")
            return lines
    for number, paragraph in enumerate(html_to_text(status.get("content"))):
        if number:
            lines.append("")
        lines.extend(indent + line for line in paragraph.split("\n"))
    markers = _media_markers(status)
    poll = _poll_marker(status.get("poll"))
    if poll:
        markers.append(poll)
    lines.extend(indent + marker for marker in markers)
    return lines


def status_text(status: Mapping[str, Any], expand: bool = False) -> str:
    """A status as a header line (id, local time, author, who boosted it) and its indented text."""
    boosted = status.get("reblog")
    shown = boosted if isinstance(boosted, Mapping) else status
    header = f"{_clean(shown.get('id'))}  {_when(shown.get('created_at'))}  {_acct(shown.get('account'))}"
    if shown is not status:
        header += f"  (boosted by {_acct(status.get('account'))})"
    if shown.get("in_reply_to_id"):
        header += f"  (reply to {_clean(shown.get('in_reply_to_id'))})"
    return "\n".join([header, *_body(shown, expand, "    ")])


def notification_text(notification: Mapping[str, Any], expand: bool = False) -> str:
    """A notification as a line (id, local time, type, who) and the status it is about, if any."""
    header = (
        f"{_clean(notification.get('id'))}  {_when(notification.get('created_at'))}  "
        f"{_clean(notification.get('type'))} from {_acct(notification.get('account'))}"
    )
    status = notification.get("status")
    if not isinstance(status, Mapping):
        return header
    return "\n".join([f"{header} on status {_clean(status.get('id'))}", *_body(status, expand, "    ")])


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def to_json(value: Any) -> str:
    """JSON for ``--json``: dates in ISO 8601, everything else as the server sent it."""
    import json

    return json.dumps(value, default=_json_default, ensure_ascii=False, indent=2)
