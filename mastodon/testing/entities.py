"""Render stored records as Mastodon API entities (the shapes of the docs' example JSON).

Every function expects the caller to hold ``state.lock``.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
from datetime import datetime
from typing import Any

from mastodon.testing._core import JSONDict
from mastodon.testing.state import State


def _parse_iso(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def tag_id(name: str) -> str:
    """The id a hashtag has here: derived from its lower-cased name, so it is the same in every run."""
    return str(int(hashlib.sha256(name.lower().encode("utf-8")).hexdigest()[:12], 16) % 1_000_000_000)


def keyword_pattern(keyword: str, whole_word: bool) -> re.Pattern[str]:
    """How a filter keyword is looked for: case-insensitively, at word boundaries for ``whole_word``.

    A boundary is only asked for on a side where the keyword itself begins or ends with a word character
    (so ``#tag`` or ``@twitter.com`` still match as whole words).
    """
    body = re.escape(keyword)
    if whole_word:
        start = r"\b" if re.match(r"\w", keyword) else ""
        end = r"\b" if re.search(r"\w$", keyword) else ""
        body = start + body + end
    return re.compile(body, re.IGNORECASE)


class Renderer:
    """Entity rendering bound to one state and base URL."""

    def __init__(self, state: State, base_url: str) -> None:
        self.state = state
        self.base_url = base_url

    # ----------------------------------------------------------------- accounts
    def account(self, account_id: str) -> JSONDict:
        """An Account entity."""
        st = self.state
        rec = st.table("accounts")[account_id]
        name = rec["username"]
        statuses = [s for s in st.table("statuses").values() if s["account_id"] == account_id]
        last = max((s["created_at"] for s in statuses), default=None)
        follows = st.table("follows").values()
        return {
            "id": account_id,
            "username": name,
            "acct": name,
            "display_name": rec.get("display_name", ""),
            "locked": bool(rec.get("locked", False)),
            "bot": bool(rec.get("bot", False)),
            "discoverable": True,
            "indexable": False,
            "group": False,
            "created_at": rec["created_at"][:10] + "T00:00:00.000Z",
            "note": rec.get("note", ""),
            "url": f"{self.base_url}/@{name}",
            "uri": f"{self.base_url}/users/{name}",
            "avatar": f"{self.base_url}/avatars/original/missing.png",
            "avatar_static": f"{self.base_url}/avatars/original/missing.png",
            "avatar_description": "",
            "header": f"{self.base_url}/headers/original/missing.png",
            "header_static": f"{self.base_url}/headers/original/missing.png",
            "header_description": "",
            "followers_count": sum(1 for f in follows if f["target_id"] == account_id),
            "following_count": sum(1 for f in follows if f["account_id"] == account_id),
            "statuses_count": len(statuses),
            "last_status_at": last[:10] if last else None,
            "hide_collections": False,
            "noindex": False,
            "emojis": [],
            "roles": [],
            "fields": list(rec.get("fields", [])),
            "feature_approval": {"automatic": ["public"], "manual": [], "current_user": "automatic"},
            "show_featured": True,
            "show_media": True,
            "show_media_replies": True,
        }

    def credential_account(self, account_id: str) -> JSONDict:
        """An Account with ``source`` and ``role``, as verify_credentials answers."""
        out = self.account(account_id)
        rec = self.state.table("accounts")[account_id]
        out["source"] = {
            "privacy": rec.get("privacy", "public"),
            "sensitive": False,
            "language": "",
            "note": rec.get("note", ""),
            "fields": list(rec.get("fields", [])),
            "follow_requests_count": 0,
            "hide_collections": False,
            "discoverable": True,
            "indexable": False,
            "attribution_domains": [],
        }
        out["role"] = {"id": "-99", "name": "", "permissions": "0", "color": "", "highlighted": False}
        return out

    def relationship(self, viewer: str, target: str) -> JSONDict:
        """A Relationship entity between the viewer and another account."""
        follows = self.state.table("follows").values()
        following = any(f["account_id"] == viewer and f["target_id"] == target for f in follows)
        followed_by = any(f["account_id"] == target and f["target_id"] == viewer for f in follows)
        blocks = self.state.table("blocks").values()
        mute = next(
            (m for m in self.state.table("mutes").values() if m["account_id"] == viewer and m["target_id"] == target),
            None,
        )
        return {
            "id": target,
            "following": following,
            "showing_reblogs": following,
            "notifying": False,
            "languages": None,
            "followed_by": followed_by,
            "blocking": any(b["account_id"] == viewer and b["target_id"] == target for b in blocks),
            "blocked_by": any(b["account_id"] == target and b["target_id"] == viewer for b in blocks),
            "muting": mute is not None,
            "muting_notifications": bool(mute and mute.get("notifications", True)),
            "muting_expires_at": None,
            "requested": any(
                r["account_id"] == viewer and r["target_id"] == target
                for r in self.state.table("follow_requests").values()
            ),
            "requested_by": any(
                r["account_id"] == target and r["target_id"] == viewer
                for r in self.state.table("follow_requests").values()
            ),
            "domain_blocking": False,
            "endorsed": False,
            "note": next(
                (
                    n["comment"]
                    for n in self.state.table("account_notes").values()
                    if n["account_id"] == viewer and n["target_id"] == target
                ),
                "",
            ),
        }

    # ----------------------------------------------------------------- statuses
    def media(self, media_id: str) -> JSONDict:
        """A MediaAttachment entity (``url`` is null while processing)."""
        rec = self.state.table("media")[media_id]
        ready = rec.get("ready", True)
        url = f"{self.base_url}/system/media_attachments/files/{media_id}/original/{rec['filename']}"
        small = f"{self.base_url}/system/media_attachments/files/{media_id}/small/{rec['filename']}"
        meta: JSONDict = {}
        if rec.get("focus"):
            meta["focus"] = rec["focus"]
        return {
            "id": media_id,
            "type": rec.get("type", "unknown"),
            "url": url if ready else None,
            "preview_url": small if ready else None,
            "remote_url": None,
            "preview_remote_url": None,
            "text_url": None,
            "meta": meta,
            "description": rec.get("description"),
            "blurhash": None,
        }

    def poll(self, poll_id: str, viewer: str | None) -> JSONDict:
        """A Poll entity."""
        rec = self.state.table("polls")[poll_id]
        votes: dict[str, list[int]] = rec.get("votes", {})
        counts = [0] * len(rec["options"])
        for choices in votes.values():
            for choice in choices:
                counts[choice] += 1
        expires_at = rec.get("expires_at")
        expired = expires_at is not None and _parse_iso(expires_at) <= time.time()
        out: JSONDict = {
            "id": poll_id,
            "expires_at": expires_at,
            "expired": expired,
            "multiple": bool(rec.get("multiple", False)),
            "votes_count": sum(counts),
            "voters_count": len(votes) if rec.get("multiple") else None,
            "options": [{"title": t, "votes_count": c} for t, c in zip(rec["options"], counts, strict=True)],
            "emojis": [],
        }
        if viewer is not None:
            out["voted"] = viewer in votes or rec.get("account_id") == viewer
            out["own_votes"] = list(votes.get(viewer, []))
        return out

    def mention(self, account_id: str) -> JSONDict:
        """A Status::Mention."""
        name = self.state.table("accounts")[account_id]["username"]
        return {"id": account_id, "username": name, "url": f"{self.base_url}/@{name}", "acct": name}

    def tag(self, name: str, *, full: bool = False, viewer: str | None = None) -> JSONDict:
        """A Status::Tag, or (``full``) a Tag entity: id, history of the last 7 days, following, featuring."""
        if full:
            return self.tag_entity(name, viewer, always_personal=True)
        return {"name": name, "url": f"{self.base_url}/tags/{name}"}

    def tag_entity(self, name: str, viewer: str | None, *, always_personal: bool = False) -> JSONDict:
        """A Tag entity; ``following`` and ``featuring`` are given to a user (or always, ``always_personal``).

        ``history`` counts, for each of the last 7 days (newest first), the statuses using the tag and their
        distinct authors, as strings.
        """
        key = name.lower()
        today = int(time.time()) // 86400 * 86400
        per_day: dict[int, list[str]] = {}
        for status in self.state.table("statuses").values():
            if status.get("reblog_of_id") or key not in (t.lower() for t in status.get("tags", [])):
                continue
            day = int(_parse_iso(status["created_at"])) // 86400 * 86400
            per_day.setdefault(day, []).append(status["account_id"])
        history = []
        for back in range(7):
            day = today - back * 86400
            authors = per_day.get(day, [])
            history.append({"day": str(day), "uses": str(len(authors)), "accounts": str(len(set(authors)))})
        out: JSONDict = {"id": tag_id(key), "name": name, "url": f"{self.base_url}/tags/{key}", "history": history}
        if viewer is not None or always_personal:
            out["following"] = viewer is not None and any(
                f["account_id"] == viewer and f["name"] == key for f in self.state.table("followed_tags").values()
            )
            out["featuring"] = False
        return out

    # ----------------------------------------------------------------- filters
    def filter_keyword(self, keyword_id: str) -> JSONDict:
        """A FilterKeyword entity."""
        rec = self.state.table("filter_keywords")[keyword_id]
        return {"id": keyword_id, "keyword": rec["keyword"], "whole_word": bool(rec["whole_word"])}

    def filter_status(self, filter_status_id: str) -> JSONDict:
        """A FilterStatus entity."""
        return {"id": filter_status_id, "status_id": self.state.table("filter_statuses")[filter_status_id]["status_id"]}

    def filter(self, filter_id: str, *, with_rules: bool = True) -> JSONDict:
        """A Filter entity; without ``with_rules`` (inside a FilterResult) it has no keywords or statuses."""
        rec = self.state.table("filters")[filter_id]
        out: JSONDict = {
            "id": filter_id,
            "title": rec["title"],
            "context": list(rec["context"]),
            "expires_at": rec.get("expires_at"),
            "filter_action": rec.get("filter_action", "warn"),
        }
        if with_rules:
            keywords = [k for k in self.state.table("filter_keywords").values() if k["filter_id"] == filter_id]
            statuses = [s for s in self.state.table("filter_statuses").values() if s["filter_id"] == filter_id]
            out["keywords"] = [self.filter_keyword(k["id"]) for k in sorted(keywords, key=lambda r: int(r["id"]))]
            out["statuses"] = [self.filter_status(s["id"]) for s in sorted(statuses, key=lambda r: int(r["id"]))]
        return out

    def _searchable_text(self, rec: JSONDict) -> str:
        """What filter keywords are matched against: text, content warning, poll options, media descriptions."""
        source = rec.get("source") or {}
        text = source.get("text")
        if text is None:
            text = html.unescape(re.sub(r"<[^>]+>", " ", rec.get("content", "")))
        parts = [text, rec.get("spoiler_text", "")]
        poll = self.state.table("polls").get(rec.get("poll_id") or "")
        if poll:
            parts += list(poll.get("options", []))
        media = self.state.table("media")
        parts += [media[m].get("description") or "" for m in rec.get("media_ids", []) if m in media]
        return "\n".join(p for p in parts if p)

    def filter_results(self, status_id: str, viewer: str) -> list[JSONDict]:
        """The FilterResults of the viewer's unexpired filters on a status (a reblog is judged by its original).

        One's own statuses are never filtered. Every context is considered: the client compares the filter's
        ``context`` with where it shows the status.
        """
        statuses = self.state.table("statuses")
        rec = statuses[status_id]
        proper_id = rec.get("reblog_of_id") or status_id
        proper = statuses.get(proper_id, rec)
        if proper["account_id"] == viewer:
            return []
        now = time.time()
        mine = [
            f
            for f in self.state.table("filters").values()
            if f["account_id"] == viewer and (not f.get("expires_at") or _parse_iso(f["expires_at"]) > now)
        ]
        if not mine:
            return []
        text = self._searchable_text(proper)
        results = []
        for flt in sorted(mine, key=lambda f: int(f["id"])):
            keywords = [
                k["keyword"]
                for k in self.state.table("filter_keywords").values()
                if k["filter_id"] == flt["id"] and keyword_pattern(k["keyword"], k["whole_word"]).search(text)
            ]
            matched = [
                s["status_id"]
                for s in self.state.table("filter_statuses").values()
                if s["filter_id"] == flt["id"] and s["status_id"] == proper_id
            ]
            if keywords or matched:
                results.append(
                    {
                        "filter": self.filter(flt["id"], with_rules=False),
                        "keyword_matches": keywords or None,
                        "status_matches": matched or None,
                    }
                )
        return results

    # ----------------------------------------------------------------- conversations
    def thread_root(self, status_id: str) -> str:
        """The first status of the thread a status belongs to (its conversation, for muting)."""
        statuses = self.state.table("statuses")
        current, seen = status_id, {status_id}
        while True:
            parent = statuses.get(current, {}).get("in_reply_to_id")
            if not parent or parent not in statuses or parent in seen:
                return current
            seen.add(parent)
            current = parent

    def conversation_muted(self, status_id: str, account_id: str) -> bool:
        """Whether ``account_id`` muted the thread of a status."""
        if not self.state.table("conversation_mutes"):  # the common case: no thread walk per rendered status
            return False
        root = self.thread_root(status_id)
        return any(
            m["account_id"] == account_id and m["root_id"] == root
            for m in self.state.table("conversation_mutes").values()
        )

    # ----------------------------------------------------------------- reports
    def report(self, report_id: str) -> JSONDict:
        """A Report entity (as its author sees it)."""
        rec = self.state.table("reports")[report_id]
        return {
            "id": report_id,
            "action_taken": False,
            "action_taken_at": None,
            "category": rec["category"],
            "comment": rec["comment"],
            "forwarded": bool(rec.get("forwarded", False)),
            "created_at": rec["created_at"],
            "status_ids": list(rec["status_ids"]),
            "rule_ids": list(rec["rule_ids"]) if rec.get("rule_ids") else None,
            "collection_ids": [],
            "target_account": self.account(rec["target_id"]),
        }

    def status(self, status_id: str, viewer: str | None) -> JSONDict:
        """A Status entity as seen by ``viewer``."""
        st = self.state
        rec = st.table("statuses")[status_id]
        author = st.table("accounts")[rec["account_id"]]
        statuses = st.table("statuses").values()
        favs = [f for f in st.table("favourites").values() if f["status_id"] == status_id]
        reblog_of = rec.get("reblog_of_id")
        base = f"{self.base_url}/users/{author['username']}/statuses/{status_id}"
        out: JSONDict = {
            "id": status_id,
            "created_at": rec["created_at"],
            "in_reply_to_id": rec.get("in_reply_to_id"),
            "in_reply_to_account_id": rec.get("in_reply_to_account_id"),
            "sensitive": bool(rec.get("sensitive", False)),
            "spoiler_text": rec.get("spoiler_text", ""),
            "visibility": rec.get("visibility", "public"),
            "language": rec.get("language"),
            "uri": base + ("/activity" if reblog_of else ""),
            "url": None if reblog_of else f"{self.base_url}/@{author['username']}/{status_id}",
            "replies_count": sum(1 for s in statuses if s.get("in_reply_to_id") == status_id),
            "reblogs_count": sum(1 for s in statuses if s.get("reblog_of_id") == status_id),
            "favourites_count": len(favs),
            "quotes_count": 0,
            "edited_at": rec.get("edited_at"),
            "content": rec.get("content", ""),
            "reblog": self.status(reblog_of, viewer) if reblog_of and reblog_of in st.table("statuses") else None,
            "application": {"name": rec.get("application", "Web"), "website": None},
            "account": self.account(rec["account_id"]),
            "media_attachments": [self.media(m) for m in rec.get("media_ids", []) if m in st.table("media")],
            "mentions": [self.mention(a) for a in rec.get("mention_ids", []) if a in st.table("accounts")],
            "tags": [self.tag(t) for t in rec.get("tags", [])],
            "emojis": [],
            "quote": None,
            "card": None,
            "poll": self.poll(rec["poll_id"], viewer) if rec.get("poll_id") else None,
            "quote_approval": {"automatic": ["public"], "manual": [], "current_user": "automatic"},
        }
        if viewer is not None:
            out["favourited"] = any(f["account_id"] == viewer for f in favs)
            out["reblogged"] = any(s.get("reblog_of_id") == status_id and s["account_id"] == viewer for s in statuses)
            out["muted"] = self.conversation_muted(status_id, viewer)
            out["bookmarked"] = any(
                b["account_id"] == viewer and b["status_id"] == status_id for b in st.table("bookmarks").values()
            )
            out["pinned"] = bool(rec.get("pinned")) and viewer == rec["account_id"]
            out["filtered"] = self.filter_results(status_id, viewer)
        else:
            out.update({"favourited": False, "reblogged": False, "muted": False, "bookmarked": False})
        return out

    def status_source(self, status_id: str) -> JSONDict:
        """A Status with its plain ``text`` (as DELETE answers)."""
        return {"id": status_id, **self.state.table("statuses")[status_id].get("source", {})}

    # ----------------------------------------------------------------- the rest
    def notification(self, notification_id: str) -> JSONDict:
        """A Notification entity."""
        rec = self.state.table("notifications")[notification_id]
        out: JSONDict = {
            "id": notification_id,
            "type": rec["type"],
            "created_at": rec["created_at"],
            "group_key": rec.get("group_key", f"ungrouped-{notification_id}"),
            "account": self.account(rec["from_account_id"]),
        }
        status_id = rec.get("status_id")
        if status_id and status_id in self.state.table("statuses"):
            out["status"] = self.status(status_id, rec["account_id"])
        return out

    def list_entity(self, list_id: str) -> JSONDict:
        """A List entity."""
        rec = self.state.table("lists")[list_id]
        return {
            "id": list_id,
            "title": rec["title"],
            "replies_policy": rec.get("replies_policy", "list"),
            "exclusive": bool(rec.get("exclusive", False)),
        }

    def application(self, app: JSONDict, *, secrets: bool) -> JSONDict:
        """An Application entity; with ``secrets`` it is a CredentialApplication."""
        out: JSONDict = {
            "id": app["id"],
            "name": app["name"],
            "website": app.get("website"),
            "scopes": list(app["scopes"]),
            "redirect_uri": "\n".join(app["redirect_uris"]),
            "redirect_uris": list(app["redirect_uris"]),
            "vapid_key": "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",
        }
        if secrets:
            out["client_id"] = app["client_id"]
            out["client_secret"] = app["client_secret"]
            out["client_secret_expires_at"] = 0
        return out

    def marker(self, rec: dict[str, Any]) -> JSONDict:
        """A Marker entity."""
        return {"last_read_id": rec["last_read_id"], "version": rec["version"], "updated_at": rec["updated_at"]}

    def scheduled(self, scheduled_id: str) -> JSONDict:
        """A ScheduledStatus entity."""
        rec = self.state.table("scheduled")[scheduled_id]
        form: dict[str, list[str]] = rec["request"].get("form") or {}
        body: JSONDict = rec["request"].get("json") or {}

        def param(name: str) -> Any:
            if name in body:
                return body[name]
            values = form.get(name)
            return values[0] if values else None

        media_ids = body.get("media_ids") or form.get("media_ids[]") or form.get("media_ids") or []
        return {
            "id": scheduled_id,
            "scheduled_at": rec["scheduled_at"],
            "params": {
                "text": param("status"),
                "poll": body.get("poll"),
                "media_ids": list(media_ids) or None,
                "sensitive": param("sensitive"),
                "spoiler_text": param("spoiler_text"),
                "visibility": param("visibility") or "public",
                "in_reply_to_id": param("in_reply_to_id"),
                "language": param("language"),
                "application_id": 1,
                "scheduled_at": None,
                "idempotency": None,
                "with_rate_limit": False,
            },
            "media_attachments": [self.media(m) for m in media_ids if m in self.state.table("media")],
        }
