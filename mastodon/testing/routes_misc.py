"""Routes: collections this server keeps empty, preferences, directory, and the generic streaming entry point."""

from __future__ import annotations

import time
from datetime import datetime, timezone

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, Handler, JSONDict, Request, Response, StreamResponse, json_response, route
from mastodon.testing.routes_accounts import (
    stream_hashtag,
    stream_hashtag_local,
    stream_list,
    stream_public,
    stream_public_local,
    stream_public_remote,
    stream_user,
    stream_user_notification,
)
from mastodon.testing.state import iso_now

# (path, scope, needs a token): collections that exist on Mastodon but have no data here.
EMPTY_COLLECTIONS = [
    ("/api/v1/filters", "read:filters", True),
    ("/api/v1/conversations", "read:statuses", True),
    ("/api/v1/announcements", "read", True),
    ("/api/v1/endorsements", "read:accounts", True),
    ("/api/v1/featured_tags", "read:accounts", True),
    ("/api/v2/suggestions", "read", True),
    ("/api/v1/custom_emojis", None, False),
    ("/api/v1/trends/tags", None, False),
    ("/api/v1/trends/statuses", None, False),
    ("/api/v1/trends/links", None, False),
]


def _empty(_app: App, _req: Request) -> Response:
    return json_response([])


for _path, _scope, _auth in EMPTY_COLLECTIONS:
    route("GET", _path, scope=_scope, auth=_auth)(_empty)


@route("GET", "/", user=False)
def landing_page(app: App, req: Request) -> Response:
    """The instance's front page (HTML, as Mastodon's); ``HEAD /`` is what clients send to read the server's clock."""
    page = f"<!DOCTYPE html><html><head><title>{app.flavour.name}</title></head><body></body></html>"
    return Response(200, page.encode("utf-8"), "text/html; charset=utf-8")


@route("GET", "/api/v1/preferences", scope="read:accounts")
def preferences(app: App, req: Request) -> Response:
    """GET /api/v1/preferences."""
    with app.state.lock:
        privacy = app.get_record("accounts", req.account_id).get("privacy", "public")
    return json_response(
        {
            "posting:default:visibility": privacy,
            "posting:default:sensitive": False,
            "posting:default:language": None,
            "reading:expand:media": "default",
            "reading:expand:spoilers": False,
        }
    )


@route("GET", "/api/v1/directory", user=False)
def directory(app: App, req: Request) -> Response:
    """GET /api/v1/directory: every local account, newest first (order=new) or by id."""
    limit = app.limit_of(req, 40, 80)
    offset = req.get_int("offset", 0) or 0
    with app.state.lock:
        ids = sorted(app.state.table("accounts"), key=int, reverse=req.get("order") == "new")
        return json_response([app.render.account(a) for a in ids[offset : offset + limit]])


_STREAMS: dict[str, Handler] = {
    "user": stream_user,
    "user:notification": stream_user_notification,
    "public": stream_public,
    "public:local": stream_public_local,
    "public:remote": stream_public_remote,
    "hashtag": stream_hashtag,
    "hashtag:local": stream_hashtag_local,
    "list": stream_list,
}


@route("GET", "/api/v1/streaming", scope="read:statuses", auth=False)
def stream_by_name(app: App, req: Request) -> Response | StreamResponse:
    """GET /api/v1/streaming?stream=NAME (the query form of the stream endpoints)."""
    handler = _STREAMS.get(req.get("stream") or "")
    if handler is None:
        return json_response({"error": "Unknown stream type"}, 400)
    if req.token is None and handler in (stream_user, stream_user_notification, stream_list):
        return json_response({"error": "The access token is invalid"}, 401)
    return handler(app, req)


def _own_scheduled(app: App, req: Request) -> JSONDict:
    rec = app.get_record("scheduled", req.params["id"])
    if rec["account_id"] != req.account_id:
        raise ApiError(404, "Record not found")
    return rec


@route("GET", "/api/v1/scheduled_statuses", scope="read:statuses")
def scheduled_statuses(app: App, req: Request) -> Response:
    """GET /api/v1/scheduled_statuses."""
    with app.state.lock:
        items = [r for r in app.state.table("scheduled").values() if r["account_id"] == req.account_id]
        return app.page_response(req, items, lambda r: app.render.scheduled(r["id"]))


@route("GET", "/api/v1/scheduled_statuses/{id}", scope="read:statuses")
def scheduled_status(app: App, req: Request) -> Response:
    """GET /api/v1/scheduled_statuses/:id."""
    with app.state.lock:
        return json_response(app.render.scheduled(_own_scheduled(app, req)["id"]))


@route("PUT", "/api/v1/scheduled_statuses/{id}", scope="write:statuses")
def reschedule(app: App, req: Request) -> Response:
    """PUT /api/v1/scheduled_statuses/:id (scheduled_at)."""
    with app.state.lock:
        rec = _own_scheduled(app, req)
        text = req.get("scheduled_at")
        if text:
            try:
                when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise ApiError(422, "Validation failed: Scheduled at is invalid") from None
            if when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            if when.timestamp() < time.time() + app.settings.scheduled_min_delay:
                raise ApiError(422, "Validation failed: Scheduled at The scheduled date must be in the future")
            rec["scheduled_at"] = iso_now(when.timestamp())
        return json_response(app.render.scheduled(rec["id"]))


@route("DELETE", "/api/v1/scheduled_statuses/{id}", scope="write:statuses")
def cancel_scheduled(app: App, req: Request) -> Response:
    """DELETE /api/v1/scheduled_statuses/:id."""
    with app.state.lock:
        del app.state.table("scheduled")[_own_scheduled(app, req)["id"]]
    return json_response({})
