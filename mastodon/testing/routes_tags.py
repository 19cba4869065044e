"""Routes: hashtags (``/api/v1/tags/:name``), following them, and the list of followed hashtags.

A hashtag needs no record of its own here: its id is derived from its lower-cased name and its history is
counted from the statuses using it. Following is kept per user in ``followed_tags``; the home timeline
shows the public statuses of followed hashtags (see ``routes_statuses.home``).
"""

from __future__ import annotations

import re

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, Request, Response, json_response, route

# A hashtag name: word characters (and the middle dot), not digits only.
_NAME = re.compile(r"^[\w·]*[^\W\d][\w·]*$")


def _name(req: Request) -> str:
    """The hashtag of the path, without a leading ``#``; 404 when it is not a possible hashtag."""
    name = req.params["name"].removeprefix("#")
    if not _NAME.match(name):
        raise ApiError(404, "Record not found")
    return name


def _display_name(app: App, name: str) -> str:
    """The spelling a hashtag was first followed or used with (Mastodon keeps the first one)."""
    key = name.lower()
    for record in sorted(app.state.table("followed_tags").values(), key=lambda r: int(r["id"])):
        if record["name"] == key:
            return str(record["display_name"])
    for status in sorted(app.state.table("statuses").values(), key=lambda s: int(s["id"])):
        for tag in status.get("tags", []):
            if tag.lower() == key:
                return str(tag)
    return name


@route("GET", "/api/v1/tags/{name}", user=False)
def show_tag(app: App, req: Request) -> Response:
    """GET /api/v1/tags/:name (public; ``following`` and ``featuring`` only for a user)."""
    name = _name(req)
    with app.state.lock:
        return json_response(app.render.tag_entity(_display_name(app, name), req.viewer))


def _set_following(app: App, req: Request, on: bool) -> Response:
    name = _name(req)
    me, key = req.account_id, name.lower()
    with app.state.lock:
        shown = _display_name(app, name)
        records = app.state.table("followed_tags")
        mine = [k for k, r in records.items() if r["account_id"] == me and r["name"] == key]
        if on and not mine:
            rid = app.state.new_id()
            records[rid] = {"id": rid, "account_id": me, "name": key, "display_name": shown}
        if not on:
            for rid in mine:
                del records[rid]
        return json_response(app.render.tag_entity(shown, me))


@route("POST", "/api/v1/tags/{name}/follow", scope="write:follows")
def follow_tag(app: App, req: Request) -> Response:
    """POST /api/v1/tags/:name/follow (idempotent, as since Mastodon 4.1)."""
    return _set_following(app, req, True)


@route("POST", "/api/v1/tags/{name}/unfollow", scope="write:follows")
def unfollow_tag(app: App, req: Request) -> Response:
    """POST /api/v1/tags/:name/unfollow (fine when not followed)."""
    return _set_following(app, req, False)


@route("GET", "/api/v1/followed_tags", scope="read:follows")
def followed_tags(app: App, req: Request) -> Response:
    """GET /api/v1/followed_tags: newest follow first, 100 a page by default (at most 200), Link header."""
    me = req.account_id
    with app.state.lock:
        items = [r for r in app.state.table("followed_tags").values() if r["account_id"] == me]
        return app.page_response(
            req, items, lambda r: app.render.tag_entity(r["display_name"], me), default=100, maximum=200
        )
