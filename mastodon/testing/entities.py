"""Render stored records as Mastodon API entities (the shapes of the docs' example JSON).

Every function expects the caller to hold ``state.lock``.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from mastodon.testing._core import JSONDict
from mastodon.testing.state import State


def _parse_iso(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


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
            "note": "",
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

    def tag(self, name: str, *, full: bool = False) -> JSONDict:
        """A Status::Tag, or a full Tag entity with history."""
        out: JSONDict = {"name": name, "url": f"{self.base_url}/tags/{name}"}
        if full:
            day = str(int(time.time()) // 86400 * 86400)
            out["id"] = str(abs(hash(name)) % 100000)
            out["history"] = [{"day": day, "uses": "0", "accounts": "0"}]
            out["following"] = False
            out["featuring"] = False
        return out

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
            out["muted"] = False
            out["bookmarked"] = any(
                b["account_id"] == viewer and b["status_id"] == status_id for b in st.table("bookmarks").values()
            )
            out["pinned"] = bool(rec.get("pinned")) and viewer == rec["account_id"]
            out["filtered"] = []
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
