"""Routes: blocks, mutes, follow requests and pinned statuses."""

from __future__ import annotations

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, Request, Response, json_response, route

NOT_ALLOWED = "This action is not allowed"


def _set_relation(app: App, req: Request, table: str, on: bool) -> Response:
    me, target = req.account_id, req.params["id"]
    with app.state.lock:
        app.get_record("accounts", target)
        if target == me:
            raise ApiError(403, NOT_ALLOWED)
        records = app.state.table(table)
        mine = [k for k, r in records.items() if r["account_id"] == me and r["target_id"] == target]
        for key in mine:
            del records[key]
        if on:
            rid = app.state.new_id()
            records[rid] = {"id": rid, "account_id": me, "target_id": target}
            if table == "mutes":
                records[rid]["notifications"] = req.get_bool("notifications", True)
            if table == "blocks":
                follows = app.state.table("follows")
                for fid in [k for k, f in follows.items() if {f["account_id"], f["target_id"]} == {me, target}]:
                    del follows[fid]
        return json_response(app.render.relationship(me, target))


@route("POST", "/api/v1/accounts/{id}/block", scope="write:blocks")
def block(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/block (also removes follows both ways)."""
    return _set_relation(app, req, "blocks", True)


@route("POST", "/api/v1/accounts/{id}/unblock", scope="write:blocks")
def unblock(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/unblock."""
    return _set_relation(app, req, "blocks", False)


@route("POST", "/api/v1/accounts/{id}/mute", scope="write:mutes")
def mute(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/mute (``notifications`` defaults to true)."""
    return _set_relation(app, req, "mutes", True)


@route("POST", "/api/v1/accounts/{id}/unmute", scope="write:mutes")
def unmute(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/unmute."""
    return _set_relation(app, req, "mutes", False)


def _listing(app: App, req: Request, table: str) -> Response:
    with app.state.lock:
        items = [r for r in app.state.table(table).values() if r["account_id"] == req.account_id]
        return app.page_response(req, items, lambda r: app.render.account(r["target_id"]), default=40, maximum=80)


@route("GET", "/api/v1/blocks", scope="read:blocks")
def blocks(app: App, req: Request) -> Response:
    """GET /api/v1/blocks."""
    return _listing(app, req, "blocks")


@route("GET", "/api/v1/mutes", scope="read:mutes")
def mutes(app: App, req: Request) -> Response:
    """GET /api/v1/mutes."""
    return _listing(app, req, "mutes")


def _pin(app: App, req: Request, on: bool) -> Response:
    with app.state.lock:
        status = app.get_record("statuses", req.params["id"])
        if status["account_id"] != req.account_id:
            raise ApiError(422, "Validation failed: Status is not from this account")
        if on and (status.get("reblog_of_id") or status.get("visibility") not in ("public", "unlisted", "private")):
            raise ApiError(422, "Validation failed: Only own public or unlisted statuses can be pinned")
        status["pinned"] = on
        return json_response(app.render.status(status["id"], req.account_id))


@route("POST", "/api/v1/statuses/{id}/pin", scope="write:accounts")
def pin(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/pin."""
    return _pin(app, req, True)


@route("POST", "/api/v1/statuses/{id}/unpin", scope="write:accounts")
def unpin(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/unpin."""
    return _pin(app, req, False)


@route("GET", "/api/v1/follow_requests", scope="read:follows")
def follow_requests(app: App, req: Request) -> Response:
    """GET /api/v1/follow_requests: accounts asking to follow the (locked) user."""
    with app.state.lock:
        items = [r for r in app.state.table("follow_requests").values() if r["target_id"] == req.account_id]
        return app.page_response(req, items, lambda r: app.render.account(r["account_id"]), default=40, maximum=80)


def _answer_request(app: App, req: Request, accept: bool) -> Response:
    me, requester = req.account_id, req.params["id"]
    with app.state.lock:
        table = app.state.table("follow_requests")
        pending = [k for k, r in table.items() if r["account_id"] == requester and r["target_id"] == me]
        if not pending:
            raise ApiError(404, "Record not found")
        for key in pending:
            del table[key]
        if accept:
            fid = app.state.new_id()
            app.state.table("follows")[fid] = {"id": fid, "account_id": requester, "target_id": me}
        return json_response(app.render.relationship(me, requester))


@route("POST", "/api/v1/follow_requests/{id}/authorize", scope="write:follows")
def authorize_follow(app: App, req: Request) -> Response:
    """POST /api/v1/follow_requests/:account_id/authorize."""
    return _answer_request(app, req, True)


@route("POST", "/api/v1/follow_requests/{id}/reject", scope="write:follows")
def reject_follow(app: App, req: Request) -> Response:
    """POST /api/v1/follow_requests/:account_id/reject."""
    return _answer_request(app, req, False)
