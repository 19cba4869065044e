"""Routes: statuses (with edits and scheduling), timelines, favourites and bookmarks."""

from __future__ import annotations

import html
import re
import time
from datetime import datetime, timezone
from typing import Any

from mastodon.testing._app import App
from mastodon.testing._core import BEFORE_REQUEST, ApiError, JSONDict, Request, Response, Token, json_response, route
from mastodon.testing.state import iso_now

MENTION_RE = re.compile(r"(?<![\w/@])@(\w+)(?:@([\w.:-]+))?")
TAG_RE = re.compile(r"(?<![\w/&#])#(\w+)")
MAX_CHARS = 500
VISIBILITIES = ("public", "unlisted", "private", "direct")
NOT_ALLOWED = "This action is not allowed"


def _format(app: App, text: str) -> tuple[str, list[str], list[str]]:
    """Text -> (HTML content, mentioned local account ids, hashtag names)."""
    mention_ids: list[str] = []
    tags: list[str] = []
    for m in MENTION_RE.finditer(text):
        account = app.state.find_account(m.group(1) + ("@" + m.group(2) if m.group(2) else ""))
        if account is not None and account["id"] not in mention_ids:
            mention_ids.append(account["id"])
    for m in TAG_RE.finditer(text):
        if m.group(1).lower() not in (t.lower() for t in tags):
            tags.append(m.group(1))

    def mention_html(m: re.Match[str]) -> str:
        account = app.state.find_account(m.group(1) + ("@" + m.group(2) if m.group(2) else ""))
        if account is None:
            return m.group(0)
        name = account["username"]
        return (
            f'<span class="h-card" translate="no"><a href="{app.base_url}/@{name}" class="u-url mention">'
            f"@<span>{name}</span></a></span>"
        )

    def tag_html(m: re.Match[str]) -> str:
        return (
            f'<a href="{app.base_url}/tags/{m.group(1).lower()}" class="mention hashtag" rel="tag">'
            f"#<span>{m.group(1)}</span></a>"
        )

    paragraphs = []
    for para in re.split(r"\n{2,}", text.strip()):
        escaped = html.escape(para, quote=False)
        escaped = MENTION_RE.sub(mention_html, escaped)
        escaped = TAG_RE.sub(tag_html, escaped)
        paragraphs.append("<p>" + escaped.replace("\n", "<br />") + "</p>")
    return "".join(paragraphs), mention_ids, tags


def _poll_params(req: Request) -> tuple[list[str], int | None, bool] | None:
    raw = req.get_raw("poll")
    if isinstance(raw, dict):
        options = [str(o) for o in raw.get("options") or []]
        expires = raw.get("expires_in")
        multiple = raw.get("multiple") in (True, "1", "true", 1)
        return options, int(expires) if expires is not None else None, multiple
    options = req.get_list("poll[options]")
    if not options:
        return None
    return options, req.get_int("poll[expires_in]"), req.get_bool("poll[multiple]")


def _attach_media(app: App, req: Request, owner: str) -> list[str]:
    media_ids = req.get_list("media_ids")
    if len(media_ids) > 4:
        raise ApiError(422, "Validation failed: Media attachments can't exceed 4")
    for mid in media_ids:
        media = app.state.table("media").get(mid)
        if media is None or media["account_id"] != owner:
            raise ApiError(422, "Validation failed: Media attachments is invalid")
        if not media.get("ready", True):
            raise ApiError(422, "Cannot attach files that have not finished processing. Try again in a moment!")
    return media_ids


PollParams = tuple[list[str], int | None, bool]


def _check_poll(params: PollParams | None) -> None:
    if params is None:
        return
    options, expires_in, _multiple = params
    if len(options) < 2 or len(options) > 4:
        raise ApiError(422, "Validation failed: Poll options must have between 2 and 4 items")
    if expires_in is None or not 300 <= expires_in <= 2629746:
        raise ApiError(422, "Validation failed: Poll expiration must be between 5 minutes and 1 month")


def _make_poll(app: App, params: PollParams, owner: str, status_id: str) -> str:
    options, expires_in, multiple = params
    poll_id = app.state.new_id()
    app.state.table("polls")[poll_id] = {
        "id": poll_id,
        "account_id": owner,
        "status_id": status_id,
        "options": options,
        "multiple": multiple,
        "expires_at": iso_now(time.time() + (expires_in or 0)),
        "votes": {},
    }
    return poll_id


def _status_fields(app: App, req: Request, owner: str, status_id: str, *, editing: bool) -> JSONDict:
    text = req.get("status") or ""
    media_ids = _attach_media(app, req, owner)
    poll = _poll_params(req)
    _check_poll(poll)
    if not text.strip() and not media_ids and poll is None:
        raise ApiError(422, "Validation failed: Text can't be blank")
    if len(text) > MAX_CHARS:
        raise ApiError(422, f"Validation failed: Text character limit of {MAX_CHARS} exceeded")
    if media_ids and poll:
        raise ApiError(422, "Validation failed: Cannot attach both a poll and media")
    visibility = req.get("visibility") or "public"
    if not editing and visibility not in VISIBILITIES:
        raise ApiError(422, "Validation failed: Visibility is not included in the list")
    poll_id = _make_poll(app, poll, owner, status_id) if poll else None
    content, mention_ids, tags = _format(app, text)
    fields: JSONDict = {
        "content": content,
        "mention_ids": mention_ids,
        "tags": tags,
        "media_ids": media_ids,
        "poll_id": poll_id,
        "sensitive": req.get_bool("sensitive") or bool(req.get("spoiler_text")),
        "spoiler_text": req.get("spoiler_text") or "",
        "language": req.get("language") or "en",
        "source": {"text": text, "spoiler_text": req.get("spoiler_text") or ""},
    }
    if not editing:
        fields["visibility"] = visibility
    return fields


@route("POST", "/api/v1/statuses", scope="write:statuses")
def create_status(app: App, req: Request) -> Response:
    """POST /api/v1/statuses, honouring Idempotency-Key."""
    owner = req.account_id
    key = req.header("idempotency-key")
    with app.state.lock:
        idem = app.state.table("idempotency")
        existing = idem.get(f"{owner}\n{key}") if key else None
        if existing is not None and existing["status_id"] in app.state.table("statuses"):
            return json_response(app.render.status(existing["status_id"], owner))
        reply_to = req.get("in_reply_to_id")
        parent = app.state.table("statuses").get(reply_to) if reply_to else None
        if reply_to and (parent is None or not app.visible(parent, owner)):
            raise ApiError(404, "Record not found")
        if req.get("scheduled_at"):
            return schedule_status(app, req, owner)
        status_id = app.state.new_id()
        record: JSONDict = {"id": status_id, "account_id": owner, "created_at": iso_now(), "edited_at": None}
        record.update(_status_fields(app, req, owner, status_id, editing=False))
        if parent is not None:
            record["in_reply_to_id"] = parent["id"]
            record["in_reply_to_account_id"] = parent["account_id"]
        app.state.table("statuses")[status_id] = record
        if key:
            idem[f"{owner}\n{key}"] = {"status_id": status_id}
        body = app.render.status(status_id, owner)
    for mentioned in record["mention_ids"]:
        app.notify(mentioned, owner, "mention", status_id)
    app.publish_status(status_id)
    return json_response(body)


def _parse_time(text: str) -> float:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(422, "Validation failed: Scheduled at is invalid") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def schedule_status(app: App, req: Request, owner: str) -> Response:
    """Store a status with ``scheduled_at`` as a ScheduledStatus (published by :func:`publish_due`)."""
    when = _parse_time(req.get("scheduled_at") or "")
    if when < time.time() + app.settings.scheduled_min_delay:
        raise ApiError(422, "Validation failed: Scheduled at The scheduled date must be in the future")
    probe_id = app.state.new_id()
    with app.state.lock:
        _status_fields(app, req, owner, probe_id, editing=False)  # validate now, as Mastodon does
        polls = app.state.table("polls")
        for pid in [k for k, p in polls.items() if p["status_id"] == probe_id]:
            del polls[pid]
        params: JSONDict = {"form": req.form, "json": req.json}
        app.state.table("scheduled")[probe_id] = {
            "id": probe_id,
            "account_id": owner,
            "scheduled_at": iso_now(when),
            "request": params,
        }
        return json_response(app.render.scheduled(probe_id))


def publish_due(app: App) -> None:
    """Turn every scheduled status whose time has come into a real status (runs before each request)."""
    now = time.time()
    with app.state.lock:
        table = app.state.table("scheduled")
        due = [r for r in table.values() if _parse_time(r["scheduled_at"]) <= now]
        for record in due:
            del table[record["id"]]
    for record in sorted(due, key=lambda r: int(r["id"])):
        form = {k: v for k, v in (record["request"]["form"] or {}).items() if k != "scheduled_at"}
        body = record["request"]["json"]
        if body is not None:
            body = {k: v for k, v in body.items() if k != "scheduled_at"}
        token = Token("", record["account_id"], None, ["write:statuses"])
        req = Request("POST", "/api/v1/statuses", {}, {}, b"", form=form, json=body, token=token)
        try:
            create_status(app, req)
        except ApiError:
            continue  # e.g. its media was deleted meanwhile: Mastodon drops it too


def readable(app: App, req: Request, status_id: str) -> JSONDict:
    """A status the requester may see, or 404."""
    status = app.get_record("statuses", status_id)
    if not app.visible(status, req.viewer):
        raise ApiError(404, "Record not found")
    return status


@route("GET", "/api/v1/statuses/{id}", scope="read:statuses", auth=False)
def get_status(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id."""
    with app.state.lock:
        readable(app, req, req.params["id"])
        return json_response(app.render.status(req.params["id"], req.viewer))


def _own(app: App, req: Request) -> JSONDict:
    status = app.get_record("statuses", req.params["id"])
    if status["account_id"] != req.account_id:
        raise ApiError(403, NOT_ALLOWED)
    return status


@route("DELETE", "/api/v1/statuses/{id}", scope="write:statuses")
def delete_status(app: App, req: Request) -> Response:
    """DELETE /api/v1/statuses/:id: answers the status with its source ``text``."""
    with app.state.lock:
        status = _own(app, req)
        body = app.render.status(status["id"], req.account_id)
        body["text"] = status.get("source", {}).get("text", "")
        removed = _remove_status(app, status["id"])
    for sid in removed:
        app.publish_delete(sid)
    return json_response(body)


def _remove_status(app: App, status_id: str) -> list[str]:
    statuses = app.state.table("statuses")
    removed = [status_id] + [sid for sid, s in statuses.items() if s.get("reblog_of_id") == status_id]
    for sid in removed:
        statuses.pop(sid, None)
    for table in ("favourites", "bookmarks", "notifications"):
        records = app.state.table(table)
        for rid in [rid for rid, r in records.items() if r.get("status_id") in removed]:
            del records[rid]
    return removed


@route("PUT", "/api/v1/statuses/{id}", scope="write:statuses")
def edit_status(app: App, req: Request) -> Response:
    """PUT /api/v1/statuses/:id."""
    with app.state.lock:
        status = _own(app, req)
        if status.get("reblog_of_id"):
            raise ApiError(403, NOT_ALLOWED)
        history = status.setdefault("history", [])
        if not history:
            history.append(_edit_snapshot(status, status["created_at"]))
        fields = _status_fields(app, req, req.account_id, status["id"], editing=True)
        if fields["poll_id"] is None:
            fields["poll_id"] = status.get("poll_id") if req.get_raw("poll") is None else None
        status.update(fields)
        status["edited_at"] = iso_now()
        history.append(_edit_snapshot(status, status["edited_at"]))
        body = app.render.status(status["id"], req.account_id)
        boosters = {
            s["account_id"] for s in app.state.table("statuses").values() if s.get("reblog_of_id") == status["id"]
        }
    for booster in sorted(boosters):
        app.notify(booster, req.account_id, "update", status["id"])
    app.publish_status(status["id"], "status.update")
    return json_response(body)


def _edit_snapshot(status: JSONDict, at: str) -> JSONDict:
    return {
        "content": status.get("content", ""),
        "spoiler_text": status.get("spoiler_text", ""),
        "sensitive": bool(status.get("sensitive")),
        "created_at": at,
        "media_ids": list(status.get("media_ids", [])),
    }


@route("GET", "/api/v1/statuses/{id}/history", scope="read:statuses", auth=False)
def status_history(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id/history (StatusEdit list, oldest first)."""
    with app.state.lock:
        status = readable(app, req, req.params["id"])
        snaps = status.get("history") or [_edit_snapshot(status, status["created_at"])]
        account = app.render.account(status["account_id"])
        return json_response(
            [
                {
                    "content": s["content"],
                    "spoiler_text": s["spoiler_text"],
                    "sensitive": s["sensitive"],
                    "created_at": s["created_at"],
                    "account": account,
                    "poll": None,
                    "media_attachments": [app.render.media(m) for m in s["media_ids"] if m in app.state.table("media")],
                    "emojis": [],
                }
                for s in snaps
            ]
        )


@route("GET", "/api/v1/statuses/{id}/source", scope="read:statuses")
def status_source(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id/source."""
    with app.state.lock:
        status = readable(app, req, req.params["id"])
        source = status.get("source", {})
        return json_response(
            {"id": status["id"], "text": source.get("text", ""), "spoiler_text": source.get("spoiler_text", "")}
        )


@route("GET", "/api/v1/statuses/{id}/context", scope="read:statuses", auth=False)
def status_context(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id/context."""
    viewer = req.viewer
    with app.state.lock:
        status = readable(app, req, req.params["id"])
        statuses = app.state.table("statuses")
        ancestors: list[str] = []
        parent = status.get("in_reply_to_id")
        for _ in range(len(statuses)):
            if not parent or parent not in statuses:
                break
            ancestors.insert(0, parent)
            parent = statuses[parent].get("in_reply_to_id")
        descendants: list[str] = []
        frontier = [status["id"]]
        while frontier and len(descendants) < len(statuses):
            current = frontier.pop(0)
            children = sorted((sid for sid, s in statuses.items() if s.get("in_reply_to_id") == current), key=int)
            descendants.extend(children)
            frontier.extend(children)
        descendants.sort(key=int)
        return json_response(
            {
                "ancestors": [app.render.status(s, viewer) for s in ancestors if app.visible(statuses[s], viewer)],
                "descendants": [app.render.status(s, viewer) for s in descendants if app.visible(statuses[s], viewer)],
            }
        )


def _interaction(app: App, req: Request, table: str, add: bool) -> Response:
    viewer = req.account_id
    notify_to: str | None = None
    with app.state.lock:
        status = readable(app, req, req.params["id"])
        records = app.state.table(table)
        mine = [rid for rid, r in records.items() if r["account_id"] == viewer and r["status_id"] == status["id"]]
        if add and not mine:
            rid = app.state.new_id()
            records[rid] = {"id": rid, "account_id": viewer, "status_id": status["id"]}
            notify_to = status["account_id"] if table == "favourites" else None
        if not add:
            for rid in mine:
                del records[rid]
        body = app.render.status(status["id"], viewer)
    if notify_to:
        app.notify(notify_to, viewer, "favourite", status["id"])
    return json_response(body)


@route("POST", "/api/v1/statuses/{id}/favourite", scope="write:favourites")
def favourite(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/favourite."""
    return _interaction(app, req, "favourites", True)


@route("POST", "/api/v1/statuses/{id}/unfavourite", scope="write:favourites")
def unfavourite(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/unfavourite."""
    return _interaction(app, req, "favourites", False)


@route("POST", "/api/v1/statuses/{id}/bookmark", scope="write:bookmarks")
def bookmark(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/bookmark."""
    return _interaction(app, req, "bookmarks", True)


@route("POST", "/api/v1/statuses/{id}/unbookmark", scope="write:bookmarks")
def unbookmark(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/unbookmark."""
    return _interaction(app, req, "bookmarks", False)


@route("POST", "/api/v1/statuses/{id}/reblog", scope="write:statuses")
def reblog(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/reblog: answers the wrapping status."""
    viewer = req.account_id
    with app.state.lock:
        original = readable(app, req, req.params["id"])
        if original.get("reblog_of_id"):
            original = app.get_record("statuses", original["reblog_of_id"])
        if original.get("visibility") in ("private", "direct"):
            raise ApiError(403, NOT_ALLOWED)
        statuses = app.state.table("statuses")
        existing = next(
            (s for s in statuses.values() if s.get("reblog_of_id") == original["id"] and s["account_id"] == viewer),
            None,
        )
        if existing is not None:
            return json_response(app.render.status(existing["id"], viewer))
        sid = app.state.new_id()
        statuses[sid] = {
            "id": sid,
            "account_id": viewer,
            "created_at": iso_now(),
            "reblog_of_id": original["id"],
            "visibility": req.get("visibility") or "public",
            "content": "",
            "tags": [],
            "mention_ids": [],
            "media_ids": [],
        }
        body = app.render.status(sid, viewer)
    app.notify(original["account_id"], viewer, "reblog", original["id"])
    app.publish_status(sid)
    return json_response(body)


@route("POST", "/api/v1/statuses/{id}/unreblog", scope="write:statuses")
def unreblog(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/unreblog: answers the original status."""
    viewer = req.account_id
    with app.state.lock:
        original = readable(app, req, req.params["id"])
        statuses = app.state.table("statuses")
        mine = [
            sid for sid, s in statuses.items() if s.get("reblog_of_id") == original["id"] and s["account_id"] == viewer
        ]
        for sid in mine:
            del statuses[sid]
        body = app.render.status(original["id"], viewer)
    for sid in mine:
        app.publish_delete(sid)
    return json_response(body)


def _interactors(app: App, req: Request, table: str) -> Response:
    with app.state.lock:
        status = readable(app, req, req.params["id"])
        if table == "reblogs":
            items = [
                {"id": s["id"], "account_id": s["account_id"]}
                for s in app.state.table("statuses").values()
                if s.get("reblog_of_id") == status["id"]
            ]
        else:
            items = [r for r in app.state.table(table).values() if r["status_id"] == status["id"]]
        return app.page_response(req, items, lambda r: app.render.account(r["account_id"]), default=40, maximum=80)


@route("GET", "/api/v1/statuses/{id}/favourited_by", scope="read:statuses", auth=False)
def favourited_by(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id/favourited_by."""
    return _interactors(app, req, "favourites")


@route("GET", "/api/v1/statuses/{id}/reblogged_by", scope="read:statuses", auth=False)
def reblogged_by(app: App, req: Request) -> Response:
    """GET /api/v1/statuses/:id/reblogged_by."""
    return _interactors(app, req, "reblogs")


def _marked(app: App, req: Request, table: str) -> Response:
    viewer = req.account_id
    with app.state.lock:
        items = [r for r in app.state.table(table).values() if r["account_id"] == viewer]
        return app.page_response(req, items, lambda r: app.render.status(r["status_id"], viewer))


@route("GET", "/api/v1/favourites", scope="read:favourites")
def favourites(app: App, req: Request) -> Response:
    """GET /api/v1/favourites."""
    return _marked(app, req, "favourites")


@route("GET", "/api/v1/bookmarks", scope="read:bookmarks")
def bookmarks(app: App, req: Request) -> Response:
    """GET /api/v1/bookmarks."""
    return _marked(app, req, "bookmarks")


# ----------------------------------------------------------------- timelines
def _timeline(app: App, req: Request, keep: Any, *, hide: bool = True) -> Response:
    viewer = req.viewer
    with app.state.lock:
        hidden = app.hidden_authors(viewer) if hide else set()
        items = [
            s
            for s in app.state.table("statuses").values()
            if keep(s) and app.visible(s, viewer) and s["account_id"] not in hidden
        ]
        return app.page_response(req, items, lambda s: app.render.status(s["id"], viewer))


@route("GET", "/api/v1/timelines/home", scope="read:statuses")
def home(app: App, req: Request) -> Response:
    """GET /api/v1/timelines/home: the user's and followed accounts' statuses, and public ones of followed tags."""
    me = req.account_id
    with app.state.lock:
        authors = app.following_ids(me) | {me}
        tags = {f["name"] for f in app.state.table("followed_tags").values() if f["account_id"] == me}

    def keep(s: JSONDict) -> bool:
        if s["account_id"] in authors:
            return s.get("visibility") != "direct" or me in s.get("mention_ids", []) or s["account_id"] == me
        return (
            s.get("visibility") == "public"
            and not s.get("reblog_of_id")
            and any(t.lower() in tags for t in s.get("tags", []))
        )

    return _timeline(app, req, keep)


def _public_filter(req: Request) -> Any:
    only_media = req.get_bool("only_media")
    remote = req.get_bool("remote")

    def keep(s: JSONDict) -> bool:
        if s.get("visibility") != "public" or s.get("reblog_of_id") or remote:
            return False
        return not only_media or bool(s.get("media_ids"))

    return keep


@route("GET", "/api/v1/timelines/public", scope="read:statuses", auth=False)
def public(app: App, req: Request) -> Response:
    """GET /api/v1/timelines/public (every account is local; ``remote=true`` is empty)."""
    return _timeline(app, req, _public_filter(req))


@route("GET", "/api/v1/timelines/tag/{hashtag}", scope="read:statuses", auth=False)
def tag_timeline(app: App, req: Request) -> Response:
    """GET /api/v1/timelines/tag/:hashtag (with any[], all[], none[])."""
    base = _public_filter(req)
    wanted = {req.params["hashtag"].lower(), *(t.lower() for t in req.get_list("any"))}
    required = {t.lower() for t in req.get_list("all")}
    excluded = {t.lower() for t in req.get_list("none")}

    def keep(s: JSONDict) -> bool:
        tags = {t.lower() for t in s.get("tags", [])}
        return bool(base(s) and tags & wanted and required <= tags and not tags & excluded)

    return _timeline(app, req, keep)


@route("GET", "/api/v1/timelines/list/{id}", scope="read:lists")
def list_timeline(app: App, req: Request) -> Response:
    """GET /api/v1/timelines/list/:id."""
    with app.state.lock:
        lst = app.get_record("lists", req.params["id"])
        if lst["account_id"] != req.account_id:
            raise ApiError(404, "Record not found")
        members = set(lst.get("account_ids", []))
    return _timeline(app, req, lambda s: s["account_id"] in members)


@route("GET", "/api/v1/accounts/{id}/statuses", scope="read:statuses", auth=False)
def account_statuses(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/:id/statuses."""
    account_id = req.params["id"]
    with app.state.lock:
        app.get_record("accounts", account_id)
    only_media, no_replies, no_reblogs = (
        req.get_bool("only_media"),
        req.get_bool("exclude_replies"),
        req.get_bool("exclude_reblogs"),
    )
    tagged = (req.get("tagged") or "").lower()
    pinned = req.get_bool("pinned")

    def keep(s: JSONDict) -> bool:
        if s["account_id"] != account_id or (pinned and not s.get("pinned")):
            return False
        if (only_media and not s.get("media_ids")) or (no_replies and s.get("in_reply_to_id")):
            return False
        if no_reblogs and s.get("reblog_of_id"):
            return False
        return not tagged or tagged in (t.lower() for t in s.get("tags", []))

    return _timeline(app, req, keep, hide=False)


def notify_ended_polls(app: App) -> None:
    """Send ``poll`` notifications to the voters and the author of every poll that has ended (once)."""
    now = time.time()
    ended: list[tuple[str, str, list[str]]] = []
    with app.state.lock:
        notified = app.state.table("poll_notified")
        for poll in app.state.table("polls").values():
            if poll["id"] in notified or _parse_time(poll["expires_at"]) > now:
                continue
            if poll["status_id"] not in app.state.table("statuses"):
                continue
            notified[poll["id"]] = {"at": iso_now()}
            ended.append((poll["status_id"], poll["account_id"], [poll["account_id"], *poll.get("votes", {})]))
    for status_id, author, recipients in ended:
        for recipient in dict.fromkeys(recipients):
            app.notify(recipient, "", "poll", status_id, sender=author)


BEFORE_REQUEST.append(publish_due)
BEFORE_REQUEST.append(notify_ended_polls)
