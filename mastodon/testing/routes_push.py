"""Routes: the Web Push subscription of an access token (``/api/v1/push/subscription``).

As on Mastodon: one subscription per access token, a new one replacing the old; the policy and the
alerts are read from ``data`` only (``data[policy]``, ``data[alerts][<type>]``), on creation and on
update alike, and an update replaces the whole of ``data`` (alerts it does not name are off afterwards,
a policy it does not give is ``all`` again). Nothing is ever pushed: the endpoint is stored, not called.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import urllib.parse
from typing import Any

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, JSONDict, Request, Response, json_response, route

# The notification types a subscription can switch on, as Mastodon names them in data[alerts][...].
ALERT_TYPES = (
    "mention",
    "status",
    "reblog",
    "follow",
    "follow_request",
    "favourite",
    "poll",
    "update",
    "admin.sign_up",
    "admin.report",
    "quote",
    "quoted_update",
)

# The instance's VAPID public key as subscriptions show it: an uncompressed P-256 point's shape (65
# bytes, leading 0x04), fixed, since this instance signs nothing.
SERVER_KEY = base64.urlsafe_b64encode(b"\x04" + hashlib.sha512(b"LocalInstance VAPID key").digest()).decode()


def _decoded_key(text: str | None) -> bytes | None:
    """A base64 (URL-safe or standard, padding optional) key as bytes; None when it does not decode."""
    if not text:
        return None
    cleaned = text.strip().replace("+", "-").replace("/", "_")
    try:
        return base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        return None


def _data_params(req: Request) -> JSONDict:
    """What Mastodon keeps of ``data``: the policy if given, and the alerts that were given."""
    data: JSONDict = {}
    policy = req.get("data[policy]")
    if policy:
        data["policy"] = policy
    given = [kind for kind in ALERT_TYPES if req.get(f"data[alerts][{kind}]") is not None]
    alerts = {kind: req.get_bool(f"data[alerts][{kind}]") for kind in given}
    if alerts:
        data["alerts"] = alerts
    return data


def _subscription_fields(req: Request) -> JSONDict:
    """``subscription[...]`` checked as Mastodon 4.3+ checks it: 400 when absent, 422 when not usable."""
    endpoint = req.get("subscription[endpoint]")
    p256dh, auth = req.get("subscription[keys][p256dh]"), req.get("subscription[keys][auth]")
    if endpoint is None and p256dh is None and auth is None:
        raise ApiError(400, "param is missing or the value is empty: subscription")
    problems = []
    parts = urllib.parse.urlsplit(endpoint or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append("Endpoint is not a valid URL")
    public_key = _decoded_key(p256dh)
    if public_key is None or len(public_key) != 65 or public_key[0] != 4:
        problems.append("Key p256dh is not an uncompressed P-256 public key")
    secret = _decoded_key(auth)
    if secret is None or len(secret) != 16:
        problems.append("Key auth is not 16 bytes")
    if problems:
        raise ApiError(422, "Validation failed: " + ", ".join(problems))
    return {
        "endpoint": endpoint,
        "key_p256dh": p256dh,
        "key_auth": auth,
        "standard": req.get_bool("subscription[standard]"),
    }


def _render(record: JSONDict) -> JSONDict:
    """The WebPushSubscription entity of a stored subscription."""
    alerts: dict[str, Any] = record["data"].get("alerts", {})
    return {
        "id": record["id"],
        "endpoint": record["endpoint"],
        "standard": record["standard"],
        "alerts": {kind: bool(alerts.get(kind, False)) for kind in ALERT_TYPES},
        "policy": record["data"].get("policy", "all"),
        "server_key": SERVER_KEY,
    }


def _token_value(req: Request) -> str:
    """The access token a subscription belongs to (each token has at most one)."""
    if req.token is None:  # not reached: the routes below require a token
        raise ApiError(401, "The access token is invalid")
    return req.token.value


def _own(app: App, req: Request) -> JSONDict:
    record = app.state.table("push_subscriptions").get(_token_value(req))
    if record is None:
        raise ApiError(404, "Record not found")
    return record


@route("POST", "/api/v1/push/subscription", scope="push")
def create_push_subscription(app: App, req: Request) -> Response:
    """POST /api/v1/push/subscription: replaces this token's subscription."""
    fields = _subscription_fields(req)
    with app.state.lock:
        record = {"id": app.state.new_id(), **fields, "data": _data_params(req)}
        app.state.table("push_subscriptions")[_token_value(req)] = record
        return json_response(_render(record))


@route("GET", "/api/v1/push/subscription", scope="push")
def show_push_subscription(app: App, req: Request) -> Response:
    """GET /api/v1/push/subscription."""
    with app.state.lock:
        return json_response(_render(_own(app, req)))


@route("PUT", "/api/v1/push/subscription", scope="push")
def update_push_subscription(app: App, req: Request) -> Response:
    """PUT /api/v1/push/subscription: ``data`` replaced as a whole (a top-level ``policy`` is not read)."""
    with app.state.lock:
        record = _own(app, req)
        record["data"] = _data_params(req)
        return json_response(_render(record))


@route("DELETE", "/api/v1/push/subscription", scope="push")
def delete_push_subscription(app: App, req: Request) -> Response:
    """DELETE /api/v1/push/subscription: answers ``{}`` whether there was one or not."""
    with app.state.lock:
        app.state.table("push_subscriptions").pop(_token_value(req), None)
    return json_response({})
