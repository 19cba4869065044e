"""Routes: the domains a user blocks (``/api/v1/domain_blocks``).

Blocks are stored and listed as Mastodon lists them (plain domain names, newest first, paginated by the
block's id in the Link header). Every account here is local, so a blocked domain hides nothing and the
relationship's ``domain_blocking`` stays false.
"""

from __future__ import annotations

import re

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, Request, Response, json_response, route

# Labels of letters, digits, hyphens and underscores (or any non-ASCII letter), dot-separated.
_DOMAIN = re.compile(r"^(?:[\w-]+\.)*[\w-]+$")


def _domain(req: Request) -> str:
    """The ``domain`` parameter, lower-cased; 422 when absent or not a domain name."""
    domain = (req.get("domain") or "").strip().lower().rstrip(".")
    if not domain:
        raise ApiError(422, "Validation failed: Domain can't be blank")
    if not _DOMAIN.match(domain):
        raise ApiError(422, "Validation failed: Domain is not a valid domain name")
    return domain


@route("GET", "/api/v1/domain_blocks", scope="read:blocks")
def domain_blocks(app: App, req: Request) -> Response:
    """GET /api/v1/domain_blocks: domain names, 100 a page by default (at most 200)."""
    with app.state.lock:
        items = [r for r in app.state.table("domain_blocks").values() if r["account_id"] == req.account_id]
        return app.page_response(req, items, lambda r: r["domain"], default=100, maximum=200)


@route("POST", "/api/v1/domain_blocks", scope="write:blocks")
def block_domain(app: App, req: Request) -> Response:
    """POST /api/v1/domain_blocks (domain): ``{}``, also when the domain was blocked already."""
    domain = _domain(req)
    me = req.account_id
    with app.state.lock:
        records = app.state.table("domain_blocks")
        if not any(r["account_id"] == me and r["domain"] == domain for r in records.values()):
            rid = app.state.new_id()
            records[rid] = {"id": rid, "account_id": me, "domain": domain}
    return json_response({})


@route("DELETE", "/api/v1/domain_blocks", scope="write:blocks")
def unblock_domain(app: App, req: Request) -> Response:
    """DELETE /api/v1/domain_blocks (domain): ``{}``, also when it was not blocked."""
    domain = _domain(req)
    me = req.account_id
    with app.state.lock:
        records = app.state.table("domain_blocks")
        for key in [k for k, r in records.items() if r["account_id"] == me and r["domain"] == domain]:
            del records[key]
    return json_response({})
