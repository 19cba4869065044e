"""Routes: accounts and follows, notifications (v1 and grouped v2), lists, search, markers, streaming."""

from __future__ import annotations

from typing import Any

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, JSONDict, Request, Response, StreamResponse, json_response, route
from mastodon.testing.state import iso_now


# ----------------------------------------------------------------- accounts
@route("GET", "/api/v1/accounts/verify_credentials", scope="read:accounts")
def verify_credentials(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/verify_credentials (CredentialAccount)."""
    with app.state.lock:
        return json_response(app.render.credential_account(req.account_id))


@route("PATCH", "/api/v1/accounts/update_credentials", scope="write:accounts")
def update_credentials(app: App, req: Request) -> Response:
    """PATCH /api/v1/accounts/update_credentials (display_name, note, locked, bot, source[privacy])."""
    with app.state.lock:
        rec = app.get_record("accounts", req.account_id)
        for key in ("display_name", "note"):
            if req.get(key) is not None:
                rec[key] = req.get(key)
        for key in ("locked", "bot"):
            if req.get(key) is not None:
                rec[key] = req.get_bool(key)
        if req.get("source[privacy]"):
            rec["privacy"] = req.get("source[privacy]")
        return json_response(app.render.credential_account(req.account_id))


@route("GET", "/api/v1/accounts/lookup", user=False)
def lookup(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/lookup?acct=."""
    with app.state.lock:
        account = app.state.find_account(req.get("acct") or "")
        if account is None:
            raise ApiError(404, "Record not found")
        return json_response(app.render.account(account["id"]))


@route("GET", "/api/v1/accounts/relationships", scope="read:follows")
def relationships(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/relationships?id[]=."""
    with app.state.lock:
        ids = [i for i in req.get_list("id") if i in app.state.table("accounts")]
        return json_response([app.render.relationship(req.account_id, i) for i in ids])


@route("GET", "/api/v1/accounts/search", scope="read:accounts")
def account_search(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/search?q=."""
    with app.state.lock:
        found = _find_accounts(app, req.get("q") or "")
        limit = app.limit_of(req, 40, 80)
        return json_response([app.render.account(a) for a in found[:limit]])


@route("GET", "/api/v1/accounts/{id}", scope="read:accounts", auth=False)
def get_account(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/:id."""
    with app.state.lock:
        app.get_record("accounts", req.params["id"])
        return json_response(app.render.account(req.params["id"]))


@route("POST", "/api/v1/accounts/{id}/follow", scope="write:follows")
def follow(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/follow."""
    me, target = req.account_id, req.params["id"]
    created: str | None = None
    with app.state.lock:
        account = app.get_record("accounts", target)
        if target == me or any(
            b["account_id"] == target and b["target_id"] == me for b in app.state.table("blocks").values()
        ):
            raise ApiError(403, "This action is not allowed")
        follows = app.state.table("follows")
        requests = app.state.table("follow_requests")
        already = any(f["account_id"] == me and f["target_id"] == target for f in follows.values())
        pending = any(r["account_id"] == me and r["target_id"] == target for r in requests.values())
        if not already and not pending:
            rid = app.state.new_id()
            table = requests if account.get("locked") else follows
            table[rid] = {"id": rid, "account_id": me, "target_id": target}
            created = "follow_request" if account.get("locked") else "follow"
        body = app.render.relationship(me, target)
    if created:
        app.notify(target, me, created)
    return json_response(body)


@route("POST", "/api/v1/accounts/{id}/unfollow", scope="write:follows")
def unfollow(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/unfollow."""
    me, target = req.account_id, req.params["id"]
    with app.state.lock:
        app.get_record("accounts", target)
        for name in ("follows", "follow_requests"):
            table = app.state.table(name)
            for fid in [k for k, f in table.items() if f["account_id"] == me and f["target_id"] == target]:
                del table[fid]
        return json_response(app.render.relationship(me, target))


def _follow_page(app: App, req: Request, *, followers: bool) -> Response:
    account_id = req.params["id"]
    with app.state.lock:
        app.get_record("accounts", account_id)
        mine, other = ("target_id", "account_id") if followers else ("account_id", "target_id")
        items = [f for f in app.state.table("follows").values() if f[mine] == account_id]
        return app.page_response(req, items, lambda f: app.render.account(f[other]), default=40, maximum=80)


@route("GET", "/api/v1/accounts/{id}/followers", scope="read:accounts", auth=False)
def followers(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/:id/followers."""
    return _follow_page(app, req, followers=True)


@route("GET", "/api/v1/accounts/{id}/following", scope="read:accounts", auth=False)
def following(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/:id/following."""
    return _follow_page(app, req, followers=False)


@route("GET", "/api/v1/accounts/{id}/lists", scope="read:lists")
def account_lists(app: App, req: Request) -> Response:
    """GET /api/v1/accounts/:id/lists."""
    with app.state.lock:
        lists = [
            lid
            for lid, lst in app.state.table("lists").items()
            if lst["account_id"] == req.account_id and req.params["id"] in lst.get("account_ids", [])
        ]
        return json_response([app.render.list_entity(lid) for lid in lists])


# ----------------------------------------------------------------- notifications
def _notifications(app: App, req: Request) -> list[JSONDict]:
    types = set(req.get_list("types"))
    excluded = set(req.get_list("exclude_types"))
    sender = req.get("account_id")
    return [
        n
        for n in app.state.table("notifications").values()
        if n["account_id"] == req.account_id
        and (not types or n["type"] in types)
        and n["type"] not in excluded
        and (not sender or n["from_account_id"] == sender)
    ]


@route("GET", "/api/v1/notifications", scope="read:notifications")
def notifications(app: App, req: Request) -> Response:
    """GET /api/v1/notifications with types[], exclude_types[], account_id."""
    with app.state.lock:
        items = _notifications(app, req)
        return app.page_response(req, items, lambda n: app.render.notification(n["id"]), default=40, maximum=80)


@route("GET", "/api/v1/notifications/unread_count", scope="read:notifications")
def unread_count(app: App, req: Request) -> Response:
    """GET /api/v1/notifications/unread_count."""
    with app.state.lock:
        marker = app.state.table("markers").get(req.account_id, {}).get("notifications")
        last = int(marker["last_read_id"]) if marker else 0
        count = sum(1 for n in _notifications(app, req) if int(n["id"]) > last)
    return json_response({"count": count})


@route("GET", "/api/v1/notifications/{id}", scope="read:notifications")
def notification(app: App, req: Request) -> Response:
    """GET /api/v1/notifications/:id."""
    with app.state.lock:
        rec = app.get_record("notifications", req.params["id"])
        if rec["account_id"] != req.account_id:
            raise ApiError(404, "Record not found")
        return json_response(app.render.notification(rec["id"]))


@route("POST", "/api/v1/notifications/{id}/dismiss", scope="write:notifications")
def dismiss(app: App, req: Request) -> Response:
    """POST /api/v1/notifications/:id/dismiss."""
    with app.state.lock:
        rec = app.get_record("notifications", req.params["id"])
        if rec["account_id"] != req.account_id:
            raise ApiError(404, "Record not found")
        del app.state.table("notifications")[rec["id"]]
    return json_response({})


@route("POST", "/api/v1/notifications/clear", scope="write:notifications")
def clear(app: App, req: Request) -> Response:
    """POST /api/v1/notifications/clear."""
    with app.state.lock:
        table = app.state.table("notifications")
        for nid in [k for k, n in table.items() if n["account_id"] == req.account_id]:
            del table[nid]
    return json_response({})


def _group_key(n: JSONDict, grouped_types: set[str]) -> str:
    if n["type"] in grouped_types:
        return str(n.get("group_key", f"ungrouped-{n['id']}"))
    return f"ungrouped-{n['id']}"


def _grouped_body(app: App, req: Request, notes: list[JSONDict], grouped_types: set[str]) -> JSONDict:
    """A GroupedNotificationsResults for notifications given newest first."""
    groups: dict[str, list[JSONDict]] = {}
    for n in notes:
        groups.setdefault(_group_key(n, grouped_types), []).append(n)
    account_ids: list[str] = []
    status_ids: list[str] = []
    out_groups = []
    for key, members in groups.items():
        senders = list(dict.fromkeys(m["from_account_id"] for m in members))
        account_ids.extend(a for a in senders if a not in account_ids)
        newest = members[0]
        group: JSONDict = {
            "group_key": key,
            "notifications_count": len(members),
            "type": newest["type"],
            "most_recent_notification_id": int(newest["id"]),
            "page_min_id": members[-1]["id"],
            "page_max_id": newest["id"],
            "latest_page_notification_at": newest["created_at"],
            "sample_account_ids": senders[:8],
        }
        if newest.get("status_id"):
            group["status_id"] = newest["status_id"]
            if newest["status_id"] not in status_ids and newest["status_id"] in app.state.table("statuses"):
                status_ids.append(newest["status_id"])
        out_groups.append(group)
    return {
        "accounts": [app.render.account(a) for a in account_ids],
        "statuses": [app.render.status(s, req.account_id) for s in status_ids],
        "notification_groups": out_groups,
    }


_DEFAULT_GROUPED = ["favourite", "follow", "reblog", "admin.sign_up"]


@route("GET", "/api/v2/notifications", scope="read:notifications")
def grouped_notifications(app: App, req: Request) -> Response:
    """GET /api/v2/notifications: GroupedNotificationsResults, one group per group_key on the page."""
    grouped_types = set(req.get_list("grouped_types") or _DEFAULT_GROUPED)
    with app.state.lock:
        page = app.paginate(req, _notifications(app, req), default=40, maximum=80)
        resp = json_response(_grouped_body(app, req, page, grouped_types))
    link = app.link_header(req, page)
    if link:
        resp.headers["Link"] = link
    return resp


@route("GET", "/api/v2/notifications/unread_count", scope="read:notifications")
def grouped_unread_count(app: App, req: Request) -> Response:
    """GET /api/v2/notifications/unread_count (groups after the notifications marker)."""
    with app.state.lock:
        marker = app.state.table("markers").get(req.account_id, {}).get("notifications")
        last = int(marker["last_read_id"]) if marker else 0
        keys = {_group_key(n, set(_DEFAULT_GROUPED)) for n in _notifications(app, req) if int(n["id"]) > last}
    return json_response({"count": len(keys)})


def _group_members(app: App, req: Request) -> list[JSONDict]:
    key = req.params["group_key"]
    members = [n for n in _notifications(app, req) if _group_key(n, set(_DEFAULT_GROUPED)) == key]
    if not members:
        raise ApiError(404, "Record not found")
    return sorted(members, key=lambda n: int(n["id"]), reverse=True)


@route("GET", "/api/v2/notifications/{group_key}", scope="read:notifications")
def notification_group(app: App, req: Request) -> Response:
    """GET /api/v2/notifications/:group_key."""
    with app.state.lock:
        return json_response(_grouped_body(app, req, _group_members(app, req), set(_DEFAULT_GROUPED)))


@route("POST", "/api/v2/notifications/{group_key}/dismiss", scope="write:notifications")
def dismiss_group(app: App, req: Request) -> Response:
    """POST /api/v2/notifications/:group_key/dismiss."""
    with app.state.lock:
        for n in _group_members(app, req):
            del app.state.table("notifications")[n["id"]]
    return json_response({})


@route("GET", "/api/v2/notifications/{group_key}/accounts", scope="read:notifications")
def group_accounts(app: App, req: Request) -> Response:
    """GET /api/v2/notifications/:group_key/accounts."""
    with app.state.lock:
        senders = dict.fromkeys(n["from_account_id"] for n in _group_members(app, req))
        return json_response([app.render.account(a) for a in senders])


# ----------------------------------------------------------------- lists
def _own_list(app: App, req: Request) -> JSONDict:
    lst = app.get_record("lists", req.params["id"])
    if lst["account_id"] != req.account_id:
        raise ApiError(404, "Record not found")
    return lst


@route("GET", "/api/v1/lists", scope="read:lists")
def lists(app: App, req: Request) -> Response:
    """GET /api/v1/lists."""
    with app.state.lock:
        mine = sorted((k for k, v in app.state.table("lists").items() if v["account_id"] == req.account_id), key=int)
        return json_response([app.render.list_entity(k) for k in mine])


def _list_fields(req: Request, lst: JSONDict) -> None:
    if req.get("title") is not None:
        lst["title"] = req.get("title")
    policy = req.get("replies_policy")
    if policy is not None:
        if policy not in ("followed", "list", "none"):
            raise ApiError(422, "Validation failed: Replies policy is not included in the list")
        lst["replies_policy"] = policy
    if req.get("exclusive") is not None:
        lst["exclusive"] = req.get_bool("exclusive")


@route("POST", "/api/v1/lists", scope="write:lists")
def create_list(app: App, req: Request) -> Response:
    """POST /api/v1/lists."""
    if not req.get("title"):
        raise ApiError(422, "Validation failed: Title can't be blank")
    with app.state.lock:
        lid = app.state.new_id()
        lst: JSONDict = {"id": lid, "account_id": req.account_id, "title": "", "account_ids": []}
        _list_fields(req, lst)
        app.state.table("lists")[lid] = lst
        return json_response(app.render.list_entity(lid))


@route("GET", "/api/v1/lists/{id}", scope="read:lists")
def get_list(app: App, req: Request) -> Response:
    """GET /api/v1/lists/:id."""
    with app.state.lock:
        return json_response(app.render.list_entity(_own_list(app, req)["id"]))


@route("PUT", "/api/v1/lists/{id}", scope="write:lists")
def update_list(app: App, req: Request) -> Response:
    """PUT /api/v1/lists/:id."""
    with app.state.lock:
        lst = _own_list(app, req)
        _list_fields(req, lst)
        return json_response(app.render.list_entity(lst["id"]))


@route("DELETE", "/api/v1/lists/{id}", scope="write:lists")
def delete_list(app: App, req: Request) -> Response:
    """DELETE /api/v1/lists/:id."""
    with app.state.lock:
        del app.state.table("lists")[_own_list(app, req)["id"]]
    return json_response({})


@route("GET", "/api/v1/lists/{id}/accounts", scope="read:lists")
def list_accounts(app: App, req: Request) -> Response:
    """GET /api/v1/lists/:id/accounts."""
    with app.state.lock:
        lst = _own_list(app, req)
        items = [{"id": a} for a in lst.get("account_ids", []) if a in app.state.table("accounts")]
        return app.page_response(req, items, lambda r: app.render.account(r["id"]), default=40, maximum=80)


@route("POST", "/api/v1/lists/{id}/accounts", scope="write:lists")
def add_list_accounts(app: App, req: Request) -> Response:
    """POST /api/v1/lists/:id/accounts (the accounts must be followed)."""
    with app.state.lock:
        lst = _own_list(app, req)
        followed = app.following_ids(req.account_id)
        for aid in req.get_list("account_ids"):
            app.get_record("accounts", aid)
            if aid not in followed:
                raise ApiError(422, "Validation failed: Account has not been followed")
            if aid not in lst["account_ids"]:
                lst["account_ids"].append(aid)
    return json_response({})


@route("DELETE", "/api/v1/lists/{id}/accounts", scope="write:lists")
def remove_list_accounts(app: App, req: Request) -> Response:
    """DELETE /api/v1/lists/:id/accounts."""
    with app.state.lock:
        lst = _own_list(app, req)
        drop = set(req.get_list("account_ids"))
        lst["account_ids"] = [a for a in lst["account_ids"] if a not in drop]
    return json_response({})


# ----------------------------------------------------------------- search
def _find_accounts(app: App, q: str) -> list[str]:
    needle = q.lstrip("@").split("@", 1)[0].lower()
    if not needle:
        return []
    return sorted(
        (
            aid
            for aid, a in app.state.table("accounts").items()
            if needle in a["username"].lower() or needle in a.get("display_name", "").lower()
        ),
        key=int,
    )


@route("GET", "/api/v2/search", scope="read:search", auth=False)
def search(app: App, req: Request) -> Response:
    """GET /api/v2/search: accounts by username, hashtags, statuses by text (statuses need a token)."""
    q = (req.get("q") or "").strip()
    kind = req.get("type")
    limit = app.limit_of(req, 20, 40)
    offset = req.get_int("offset", 0) or 0
    viewer = req.viewer
    out: dict[str, list[Any]] = {"accounts": [], "statuses": [], "hashtags": []}
    with app.state.lock:
        if kind in (None, "accounts"):
            out["accounts"] = [app.render.account(a) for a in _find_accounts(app, q)[offset : offset + limit]]
        if kind in (None, "hashtags"):
            needle = q.lstrip("#").lower()
            names: dict[str, str] = {}
            for s in app.state.table("statuses").values():
                for tag in s.get("tags", []):
                    if needle and needle in tag.lower():
                        names.setdefault(tag.lower(), tag.lower())
            out["hashtags"] = [app.render.tag(n, full=True) for n in sorted(names)[offset : offset + limit]]
        if kind in (None, "statuses") and viewer is not None and q:
            found = [
                s
                for s in app.state.table("statuses").values()
                if not s.get("reblog_of_id")
                and q.lower() in s.get("source", {}).get("text", "").lower()
                and app.visible(s, viewer)
            ]
            found.sort(key=lambda s: int(s["id"]), reverse=True)
            out["statuses"] = [app.render.status(s["id"], viewer) for s in found[offset : offset + limit]]
    return json_response(out)


# ----------------------------------------------------------------- markers
@route("GET", "/api/v1/markers", scope="read:statuses")
def get_markers(app: App, req: Request) -> Response:
    """GET /api/v1/markers?timeline[]=home&timeline[]=notifications."""
    with app.state.lock:
        mine = app.state.table("markers").get(req.account_id, {})
        wanted = req.get_list("timeline") or ["home", "notifications"]
        return json_response({t: app.render.marker(mine[t]) for t in wanted if t in mine})


@route("POST", "/api/v1/markers", scope="write:statuses")
def set_markers(app: App, req: Request) -> Response:
    """POST /api/v1/markers with home[last_read_id] / notifications[last_read_id] (form or JSON)."""
    with app.state.lock:
        mine = app.state.table("markers").setdefault(req.account_id, {})
        out = {}
        for timeline in ("home", "notifications"):
            last = req.get(f"{timeline}[last_read_id]")
            if last is None:
                continue
            previous = mine.get(timeline)
            mine[timeline] = {
                "last_read_id": last,
                "version": (previous["version"] + 1) if previous else 0,
                "updated_at": iso_now(),
            }
            out[timeline] = app.render.marker(mine[timeline])
        return json_response(out)


# ----------------------------------------------------------------- streaming
@route("GET", "/api/v1/streaming/health", user=False)
def streaming_health(app: App, req: Request) -> Response:
    """GET /api/v1/streaming/health."""
    if not app.flavour.sse_streaming:
        raise ApiError(404, "Record not found")
    return Response(200, b"OK", "text/plain; charset=utf-8")


def _stream(app: App, req: Request, streams: list[str]) -> StreamResponse:
    if not app.flavour.sse_streaming:
        raise ApiError(404, "Record not found")
    return StreamResponse(streams=streams, account_id=req.viewer)


@route("GET", "/api/v1/streaming/user", scope="read:statuses")
def stream_user(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/user: home timeline and notifications."""
    return _stream(app, req, ["user"])


@route("GET", "/api/v1/streaming/user/notification", scope="read:notifications")
def stream_user_notification(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/user/notification."""
    return _stream(app, req, ["user:notification"])


@route("GET", "/api/v1/streaming/public", scope="read:statuses", auth=False)
def stream_public(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/public (only_media=true for the media variant)."""
    return _stream(app, req, ["public:media" if req.get_bool("only_media") else "public"])


@route("GET", "/api/v1/streaming/public/local", scope="read:statuses", auth=False)
def stream_public_local(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/public/local."""
    return _stream(app, req, ["public:local:media" if req.get_bool("only_media") else "public:local"])


@route("GET", "/api/v1/streaming/public/remote", scope="read:statuses", auth=False)
def stream_public_remote(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/public/remote (nothing is remote here, so it stays quiet)."""
    return _stream(app, req, ["public:remote"])


@route("GET", "/api/v1/streaming/hashtag", scope="read:statuses", auth=False)
def stream_hashtag(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/hashtag?tag=."""
    resp = _stream(app, req, ["hashtag"])
    resp.tag = (req.get("tag") or "").lstrip("#")
    return resp


@route("GET", "/api/v1/streaming/hashtag/local", scope="read:statuses", auth=False)
def stream_hashtag_local(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/hashtag/local?tag=."""
    resp = _stream(app, req, ["hashtag:local"])
    resp.tag = (req.get("tag") or "").lstrip("#")
    return resp


@route("GET", "/api/v1/streaming/list", scope="read:lists")
def stream_list(app: App, req: Request) -> StreamResponse:
    """GET /api/v1/streaming/list?list=."""
    with app.state.lock:
        lst = app.get_record("lists", req.get("list") or "")
        if lst["account_id"] != req.account_id:
            raise ApiError(404, "Record not found")
    resp = _stream(app, req, ["list"])
    resp.list_id = lst["id"]
    return resp
