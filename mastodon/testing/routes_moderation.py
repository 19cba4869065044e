"""Routes: muting a conversation, private notes on accounts, and reports to the moderators.

* ``POST /api/v1/statuses/:id/mute`` mutes the whole thread (every reply up to its first status): the
  statuses of that thread show ``muted: true`` to the user, and notifications about them are not made.
* ``POST /api/v1/accounts/:id/note`` stores the user's note, shown as the relationship's ``note``.
* ``POST /api/v1/reports`` files a Report; every account being local, nothing is ever forwarded.
"""

from __future__ import annotations

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, Request, Response, json_response, route
from mastodon.testing.state import iso_now

CATEGORIES = ("spam", "legal", "violation", "other")
MAX_NOTE = 2000
MAX_COMMENT = 1000


def _set_conversation_mute(app: App, req: Request, on: bool) -> Response:
    me = req.account_id
    with app.state.lock:
        status = app.get_record("statuses", req.params["id"])
        if not app.visible(status, me):
            raise ApiError(404, "Record not found")
        root = app.render.thread_root(status["id"])
        mutes = app.state.table("conversation_mutes")
        mine = [k for k, m in mutes.items() if m["account_id"] == me and m["root_id"] == root]
        if on and not mine:
            mid = app.state.new_id()
            mutes[mid] = {"id": mid, "account_id": me, "root_id": root}
        if not on:
            for mid in mine:
                del mutes[mid]
        return json_response(app.render.status(status["id"], me))


@route("POST", "/api/v1/statuses/{id}/mute", scope="write:mutes")
def mute_conversation(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/mute (idempotent)."""
    return _set_conversation_mute(app, req, True)


@route("POST", "/api/v1/statuses/{id}/unmute", scope="write:mutes")
def unmute_conversation(app: App, req: Request) -> Response:
    """POST /api/v1/statuses/:id/unmute (fine when not muted)."""
    return _set_conversation_mute(app, req, False)


@route("POST", "/api/v1/accounts/{id}/note", scope="write:accounts")
def account_note(app: App, req: Request) -> Response:
    """POST /api/v1/accounts/:id/note (comment; empty or left out removes the note)."""
    me, target = req.account_id, req.params["id"]
    comment = req.get("comment") or ""
    if len(comment) > MAX_NOTE:
        raise ApiError(422, f"Validation failed: Comment is too long (maximum is {MAX_NOTE} characters)")
    with app.state.lock:
        app.get_record("accounts", target)
        notes = app.state.table("account_notes")
        for key in [k for k, n in notes.items() if n["account_id"] == me and n["target_id"] == target]:
            del notes[key]
        if comment:
            nid = app.state.new_id()
            notes[nid] = {"id": nid, "account_id": me, "target_id": target, "comment": comment}
        return json_response(app.render.relationship(me, target))


@route("POST", "/api/v1/reports", scope="write:reports")
def file_report(app: App, req: Request) -> Response:
    """POST /api/v1/reports (account_id, status_ids[], comment, forward, category, rule_ids[]).

    The account and each status (which must be the account's) must exist, else 404. ``category`` defaults to
    ``other`` and becomes ``violation`` whenever ``rule_ids`` are given; rule ids must name the instance's
    rules, and this instance has none.
    """
    me = req.account_id
    comment = req.get("comment") or ""
    category = req.get("category") or "other"
    rule_ids = req.get_list("rule_ids")
    if rule_ids:
        category = "violation"
    problems = []
    if category not in CATEGORIES:
        problems.append("Category is not included in the list")
    if len(comment) > MAX_COMMENT:
        problems.append(f"Comment is too long (maximum is {MAX_COMMENT} characters)")
    if rule_ids:
        problems.append("Rule ids does not reference valid rules")
    with app.state.lock:
        target = app.get_record("accounts", req.get("account_id") or "")["id"]
        status_ids = list(dict.fromkeys(req.get_list("status_ids")))
        for status_id in status_ids:
            status = app.state.table("statuses").get(status_id)
            if status is None or status["account_id"] != target or not app.visible(status, me):
                raise ApiError(404, "Record not found")
        if problems:
            raise ApiError(422, "Validation failed: " + ", ".join(problems))
        rid = app.state.new_id()
        app.state.table("reports")[rid] = {
            "id": rid,
            "account_id": me,
            "target_id": target,
            "status_ids": status_ids,
            "comment": comment,
            "category": category,
            "rule_ids": rule_ids,
            "forwarded": False,  # forwarding only concerns remote accounts
            "created_at": iso_now(),
        }
        return json_response(app.render.report(rid))
