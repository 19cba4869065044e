"""Routes: server-side filters (``/api/v2/filters``), their keywords and their statuses.

A filter belongs to one user; another user's filter, keyword or status filter is answered 404 like an
unknown one. Statuses rendered for a user carry a ``filtered`` array with a FilterResult for each of the
user's unexpired filters that matches them (see :meth:`Renderer.filter_results`); nothing is hidden or
dropped from timelines here, whatever the ``filter_action``.
"""

from __future__ import annotations

import re
import time
import urllib.parse
from typing import Any

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, JSONDict, Request, Response, json_response, route, truthy
from mastodon.testing.state import iso_now

CONTEXTS = ("home", "notifications", "public", "thread", "account")
ACTIONS = ("warn", "hide", "blur")
NOT_FOUND = "Record not found"

# keywords_attributes[][keyword], keywords_attributes[0][whole_word] ...
_ATTRIBUTE_KEY = re.compile(r"^keywords_attributes\[(\d*)\]\[(\w+)\]$")


def _grouped_in_order(pairs: list[tuple[str, str]]) -> list[JSONDict]:
    """Rails' reading of ``keywords_attributes[][field]`` pairs: a field seen again starts the next keyword."""
    groups: list[JSONDict] = []
    by_index: dict[str, JSONDict] = {}
    open_group: JSONDict | None = None
    for key, value in pairs:
        m = _ATTRIBUTE_KEY.match(key)
        if m is None:
            continue
        index, name = m.groups()
        if index:
            group = by_index.get(index)
            if group is None:
                group = by_index[index] = {}
                groups.append(group)
        else:
            if open_group is None or name in open_group:
                open_group = {}
                groups.append(open_group)
            group = open_group
        group[name] = value
    return groups


def _grouped_by_position(source: dict[str, list[str]]) -> list[JSONDict]:
    """The same from a parsed form or query, where only each field's own order is known: zipped by position."""
    pairs: list[tuple[str, str]] = []
    unindexed: dict[str, list[str]] = {}
    for key, values in source.items():
        m = _ATTRIBUTE_KEY.match(key)
        if m is None:
            continue
        if m.group(1):
            pairs += [(key, v) for v in values]
        else:
            unindexed[m.group(2)] = list(values)
    groups = _grouped_in_order(pairs)
    for position in range(max((len(v) for v in unindexed.values()), default=0)):
        groups.append({name: values[position] for name, values in unindexed.items() if position < len(values)})
    return groups


def _keyword_attributes(req: Request) -> list[JSONDict]:
    """``keywords_attributes`` as a list of dicts, from a JSON body (list, or object keyed by index) or a form."""
    if req.json is not None and "keywords_attributes" in req.json:
        raw = req.json["keywords_attributes"]
        if isinstance(raw, dict):
            raw = [raw[k] for k in sorted(raw, key=lambda k: int(k) if str(k).isdigit() else 0)]
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            raise ApiError(422, "Validation failed: Keywords attributes must be a list of objects")
        return [dict(item) for item in raw]
    content_type = req.header("content-type") or ""
    if content_type.startswith("application/x-www-form-urlencoded"):
        groups = _grouped_in_order(urllib.parse.parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True))
    else:
        groups = _grouped_by_position(req.form)
    return groups + _grouped_by_position(req.query)


def _expires_at(req: Request) -> str | None:
    """``expires_in`` seconds from now as a timestamp; None (never) when empty."""
    seconds = req.get_int("expires_in")
    return None if seconds is None else iso_now(time.time() + seconds)


def _own_filter(app: App, req: Request, filter_id: str) -> JSONDict:
    record = app.state.table("filters").get(filter_id)
    if record is None or record["account_id"] != req.account_id:
        raise ApiError(404, NOT_FOUND)
    return record


def _own_child(app: App, req: Request, table: str) -> JSONDict:
    """A keyword or status filter by id, if its filter is the user's."""
    record = app.state.table(table).get(req.params["id"])
    if record is None:
        raise ApiError(404, NOT_FOUND)
    _own_filter(app, req, record["filter_id"])
    return record


def _check_filter_fields(title: str | None, contexts: list[str] | None, action: str | None) -> None:
    problems = []
    if title is not None and not title.strip():
        problems.append("Title can't be blank")
    if contexts is not None:
        if not contexts:
            problems.append("Context can't be blank")
        if not contexts or any(c not in CONTEXTS for c in contexts):
            problems.append("Context None or invalid context supplied")
    if action is not None and action not in ACTIONS:
        problems.append("Filter action is not included in the list")
    if problems:
        raise ApiError(422, "Validation failed: " + ", ".join(problems))


def _add_keyword(app: App, filter_id: str, keyword: str, whole_word: bool) -> str:
    kid = app.state.new_id()
    app.state.table("filter_keywords")[kid] = {
        "id": kid,
        "filter_id": filter_id,
        "keyword": keyword,
        "whole_word": whole_word,
    }
    return kid


def _check_keyword(keyword: Any) -> str:
    text = "" if keyword is None else str(keyword)
    if not text.strip():
        raise ApiError(422, "Validation failed: Keywords keyword can't be blank")
    return text


@route("GET", "/api/v2/filters", scope="read:filters")
def list_filters(app: App, req: Request) -> Response:
    """GET /api/v2/filters: every filter of the user, oldest first, with keywords and statuses."""
    with app.state.lock:
        mine = [f for f in app.state.table("filters").values() if f["account_id"] == req.account_id]
        return json_response([app.render.filter(f["id"]) for f in sorted(mine, key=lambda f: int(f["id"]))])


@route("POST", "/api/v2/filters", scope="write:filters")
def create_filter(app: App, req: Request) -> Response:
    """POST /api/v2/filters (title, context[], filter_action, expires_in, keywords_attributes[])."""
    title = req.get("title") or ""
    contexts = req.get_list("context")
    action = req.get("filter_action") or "warn"
    _check_filter_fields(title, contexts, action)
    expires_at = _expires_at(req)
    attributes = _keyword_attributes(req)
    if any(item.get("id") not in (None, "") for item in attributes):
        raise ApiError(404, NOT_FOUND)  # as Mastodon: a new filter has no keywords to refer to
    kept = [item for item in attributes if not truthy(item.get("_destroy", False))]
    keywords = [(_check_keyword(item.get("keyword")), truthy(item.get("whole_word", True))) for item in kept]
    with app.state.lock:
        fid = app.state.new_id()
        app.state.table("filters")[fid] = {
            "id": fid,
            "account_id": req.account_id,
            "title": title,
            "context": contexts,
            "filter_action": action,
            "expires_at": expires_at,
        }
        for keyword, whole_word in keywords:
            _add_keyword(app, fid, keyword, whole_word)
        return json_response(app.render.filter(fid))


@route("GET", "/api/v2/filters/{id}", scope="read:filters")
def show_filter(app: App, req: Request) -> Response:
    """GET /api/v2/filters/:id."""
    with app.state.lock:
        return json_response(app.render.filter(_own_filter(app, req, req.params["id"])["id"]))


@route("PUT", "/api/v2/filters/{id}", scope="write:filters")
def update_filter(app: App, req: Request) -> Response:
    """PUT /api/v2/filters/:id: fields given are changed; keywords_attributes add, edit (id) or remove (_destroy).

    Everything is checked before anything changes, so a refused update leaves the filter as it was.
    """
    title = req.get("title") if req.given("title") else None
    contexts = req.get_list("context") if req.given("context") or req.given("context[]") else None
    action = req.get("filter_action") or None
    _check_filter_fields(title, contexts, action)
    attributes = _keyword_attributes(req)
    with app.state.lock:
        record = _own_filter(app, req, req.params["id"])
        keywords = app.state.table("filter_keywords")
        changes: list[tuple[str | None, JSONDict]] = []
        for item in attributes:
            kid = item.get("id")
            kid = None if kid in (None, "") else str(kid)
            if kid is not None and (kid not in keywords or keywords[kid]["filter_id"] != record["id"]):
                raise ApiError(404, NOT_FOUND)
            if kid is None or not truthy(item.get("_destroy", False)):
                if kid is None or "keyword" in item:
                    _check_keyword(item.get("keyword"))
            changes.append((kid, item))
        if title is not None:
            record["title"] = title
        if contexts is not None:
            record["context"] = contexts
        if action is not None:
            record["filter_action"] = action
        if req.given("expires_in"):
            record["expires_at"] = _expires_at(req)
        for kid, item in changes:
            destroy = truthy(item.get("_destroy", False))
            if kid is None:
                if not destroy:
                    _add_keyword(app, record["id"], str(item["keyword"]), truthy(item.get("whole_word", True)))
            elif destroy:
                del keywords[kid]
            else:
                if "keyword" in item:
                    keywords[kid]["keyword"] = str(item["keyword"])
                if "whole_word" in item:
                    keywords[kid]["whole_word"] = truthy(item["whole_word"])
        return json_response(app.render.filter(record["id"]))


@route("DELETE", "/api/v2/filters/{id}", scope="write:filters")
def delete_filter(app: App, req: Request) -> Response:
    """DELETE /api/v2/filters/:id (its keywords and status filters go with it)."""
    with app.state.lock:
        fid = _own_filter(app, req, req.params["id"])["id"]
        for table in ("filter_keywords", "filter_statuses"):
            records = app.state.table(table)
            for key in [k for k, r in records.items() if r["filter_id"] == fid]:
                del records[key]
        del app.state.table("filters")[fid]
    return json_response({})


# ----------------------------------------------------------------- keywords
@route("GET", "/api/v2/filters/{id}/keywords", scope="read:filters")
def list_keywords(app: App, req: Request) -> Response:
    """GET /api/v2/filters/:filter_id/keywords."""
    with app.state.lock:
        fid = _own_filter(app, req, req.params["id"])["id"]
        return json_response(app.render.filter(fid)["keywords"])


@route("POST", "/api/v2/filters/{id}/keywords", scope="write:filters")
def add_keyword(app: App, req: Request) -> Response:
    """POST /api/v2/filters/:filter_id/keywords (keyword, whole_word: true unless given)."""
    with app.state.lock:
        fid = _own_filter(app, req, req.params["id"])["id"]
        keyword = req.get("keyword")
        if not (keyword or "").strip():
            raise ApiError(422, "Validation failed: Keyword can't be blank")
        kid = _add_keyword(app, fid, str(keyword), req.get_bool("whole_word", True))
        return json_response(app.render.filter_keyword(kid))


@route("GET", "/api/v2/filters/keywords/{id}", scope="read:filters")
def show_keyword(app: App, req: Request) -> Response:
    """GET /api/v2/filters/keywords/:id."""
    with app.state.lock:
        return json_response(app.render.filter_keyword(_own_child(app, req, "filter_keywords")["id"]))


@route("PUT", "/api/v2/filters/keywords/{id}", scope="write:filters")
def update_keyword(app: App, req: Request) -> Response:
    """PUT /api/v2/filters/keywords/:id (keyword, whole_word; each kept when not given)."""
    with app.state.lock:
        record = _own_child(app, req, "filter_keywords")
        if req.given("keyword"):
            keyword = req.get("keyword") or ""
            if not keyword.strip():
                raise ApiError(422, "Validation failed: Keyword can't be blank")
            record["keyword"] = keyword
        if req.given("whole_word"):
            record["whole_word"] = req.get_bool("whole_word")
        return json_response(app.render.filter_keyword(record["id"]))


@route("DELETE", "/api/v2/filters/keywords/{id}", scope="write:filters")
def delete_keyword(app: App, req: Request) -> Response:
    """DELETE /api/v2/filters/keywords/:id."""
    with app.state.lock:
        del app.state.table("filter_keywords")[_own_child(app, req, "filter_keywords")["id"]]
    return json_response({})


# ----------------------------------------------------------------- statuses
@route("GET", "/api/v2/filters/{id}/statuses", scope="read:filters")
def list_filter_statuses(app: App, req: Request) -> Response:
    """GET /api/v2/filters/:filter_id/statuses."""
    with app.state.lock:
        fid = _own_filter(app, req, req.params["id"])["id"]
        return json_response(app.render.filter(fid)["statuses"])


@route("POST", "/api/v2/filters/{id}/statuses", scope="write:filters")
def add_filter_status(app: App, req: Request) -> Response:
    """POST /api/v2/filters/:filter_id/statuses (status_id: a status the user can see, once per filter)."""
    with app.state.lock:
        fid = _own_filter(app, req, req.params["id"])["id"]
        status_id = req.get("status_id") or ""
        status = app.state.table("statuses").get(status_id)
        if status is None:
            raise ApiError(422, "Validation failed: Status must exist")
        if not app.visible(status, req.account_id):
            raise ApiError(422, "Validation failed: Status is invalid")
        records = app.state.table("filter_statuses")
        if any(r["filter_id"] == fid and r["status_id"] == status_id for r in records.values()):
            raise ApiError(422, "Validation failed: Status has already been taken")
        sid = app.state.new_id()
        records[sid] = {"id": sid, "filter_id": fid, "status_id": status_id}
        return json_response(app.render.filter_status(sid))


@route("GET", "/api/v2/filters/statuses/{id}", scope="read:filters")
def show_filter_status(app: App, req: Request) -> Response:
    """GET /api/v2/filters/statuses/:id."""
    with app.state.lock:
        return json_response(app.render.filter_status(_own_child(app, req, "filter_statuses")["id"]))


@route("DELETE", "/api/v2/filters/statuses/{id}", scope="write:filters")
def delete_filter_status(app: App, req: Request) -> Response:
    """DELETE /api/v2/filters/statuses/:id: answers ``{}``."""
    with app.state.lock:
        del app.state.table("filter_statuses")[_own_child(app, req, "filter_statuses")["id"]]
    return json_response({})
