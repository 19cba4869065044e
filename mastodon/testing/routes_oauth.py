"""Routes: app registration, OAuth, instance metadata, nodeinfo."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import urllib.parse

from mastodon.testing._app import App
from mastodon.testing._core import (
    ALL_SCOPES,
    ApiError,
    JSONDict,
    Request,
    Response,
    json_response,
    route,
    scope_known,
)
from mastodon.testing.state import iso_now

OOB = "urn:ietf:wg:oauth:2.0:oob"
INVALID_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the "
    "authorization request, or was issued to another client."
)
INVALID_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, or unsupported "
    "authentication method."
)
UNSUPPORTED_GRANT = "The authorization grant type is not supported by the authorization server."
INVALID_SCOPE = "The requested scope is invalid, unknown, or malformed."


def _oauth_error(status: int, error: str, description: str) -> ApiError:
    return ApiError(status, error, error_description=description)


def _scopes(text: str | None, default: list[str]) -> list[str]:
    if not text:
        return list(default)
    return [s for s in text.replace("+", " ").split() if s]


# ----------------------------------------------------------------- apps
@route("POST", "/api/v1/apps", user=False)
def create_app(app: App, req: Request) -> Response:
    """POST /api/v1/apps."""
    name = req.get("client_name")
    if not name:
        raise ApiError(422, "Validation failed: Application name can't be blank")
    uris = req.get_list("redirect_uris")
    if len(uris) == 1:
        uris = [u for u in uris[0].split() if u]
    if not uris:
        raise ApiError(422, "Validation failed: Redirect URI can't be blank")
    for uri in uris:
        if uri != OOB and not urllib.parse.urlsplit(uri).scheme:
            raise ApiError(422, "Validation failed: Redirect URI must be an absolute URI.")
    scopes = _scopes(req.get("scopes"), ["read"])
    if not all(scope_known(s) for s in scopes):
        raise ApiError(422, "Validation failed: Scopes must be valid")
    with app.state.lock:
        client_id = app.state.new_secret()
        record: JSONDict = {
            "id": app.state.new_id(),
            "name": name,
            "website": req.get("website"),
            "client_id": client_id,
            "client_secret": app.state.new_secret(),
            "redirect_uris": uris,
            "scopes": scopes,
            "created_at": iso_now(),
        }
        app.state.table("apps")[client_id] = record
        return json_response(app.render.application(record, secrets=True))


@route("GET", "/api/v1/apps/verify_credentials", scope=None, auth=True, user=False)
def verify_app(app: App, req: Request) -> Response:
    """GET /api/v1/apps/verify_credentials."""
    assert req.token is not None
    with app.state.lock:
        record = app.state.table("apps").get(req.token.client_id or "")
        if record is None:
            raise ApiError(401, "The access token is invalid")
        out = app.render.application(record, secrets=False)
        out["scopes"] = list(req.token.scopes)
        return json_response(out)


# ----------------------------------------------------------------- oauth
def _client(app: App, req: Request, *, need_secret: bool) -> JSONDict:
    client_id, secret = req.get("client_id"), req.get("client_secret")
    auth = req.header("authorization") or ""
    if auth.lower().startswith("basic "):
        try:
            client_id, _, secret = base64.b64decode(auth[6:]).decode("utf-8").partition(":")
        except ValueError:
            raise _oauth_error(401, "invalid_client", INVALID_CLIENT) from None
    record = app.state.table("apps").get(client_id or "")
    if record is None:
        raise _oauth_error(401, "invalid_client", INVALID_CLIENT)
    if secret is not None or need_secret:
        if not hmac.compare_digest(str(secret or ""), record["client_secret"]):
            raise _oauth_error(401, "invalid_client", INVALID_CLIENT)
    return record


@route("GET", "/oauth/authorize", user=False)
def authorize(app: App, req: Request) -> Response:
    """GET /oauth/authorize: approves at once for ``settings.authorize_as``."""
    with app.state.lock:
        client = app.state.table("apps").get(req.get("client_id") or "")
        if client is None:
            raise _oauth_error(401, "invalid_client", INVALID_CLIENT)
        redirect_uri = req.get("redirect_uri") or client["redirect_uris"][0]
        if redirect_uri not in client["redirect_uris"]:
            raise _oauth_error(
                400,
                "invalid_redirect_uri",
                "The requested redirect uri is malformed or doesn't match client redirect URI.",
            )
        if req.get("response_type", "code") != "code":
            raise _oauth_error(
                400, "unsupported_response_type", "The authorization server does not support this response type."
            )
        scopes = _scopes(req.get("scope"), client["scopes"])
        if not set(scopes) <= set(client["scopes"]):
            raise _oauth_error(400, "invalid_scope", INVALID_SCOPE)
        challenge = req.get("code_challenge")
        method = req.get("code_challenge_method") or ("S256" if challenge else None)
        if challenge and method != "S256":
            raise _oauth_error(400, "invalid_request", "Code challenge method must be S256.")
        user = app.state.find_account(app.settings.authorize_as)
        if user is None:
            raise ApiError(422, f"no such user {app.settings.authorize_as!r}")
        code = app.state.new_secret()
        app.state.table("codes")[code] = {
            "client_id": client["client_id"],
            "account_id": user["id"],
            "redirect_uri": redirect_uri,
            "scopes": scopes,
            "code_challenge": challenge,
        }
    state = req.get("state")
    if redirect_uri == OOB:
        page = (
            "<!DOCTYPE html><html><head><title>Authorization code</title></head><body>"
            f'<p>Copy this code into the application:</p><input id="code" value="{html.escape(code)}" readonly>'
            f'<code id="code-text">{html.escape(code)}</code></body></html>'
        )
        return Response(200, page.encode(), "text/html; charset=utf-8")
    params = {"code": code}
    if state is not None:
        params["state"] = state
    sep = "&" if urllib.parse.urlsplit(redirect_uri).query else "?"
    return Response(
        302, b"", "text/html; charset=utf-8", {"Location": redirect_uri + sep + urllib.parse.urlencode(params)}
    )


def _token_body(record: JSONDict) -> JSONDict:
    out: JSONDict = {
        "access_token": record["value"],
        "token_type": "Bearer",
        "scope": " ".join(record["scopes"]),
        "created_at": record["created_at"],
    }
    if record.get("refresh_token"):
        out["refresh_token"] = record["refresh_token"]
    return out


@route("POST", "/oauth/token", user=False)
def token(app: App, req: Request) -> Response:
    """POST /oauth/token for the authorization_code, password, refresh_token and client_credentials grants."""
    grant = req.get("grant_type")
    with app.state.lock:
        if grant == "authorization_code":
            code = app.state.table("codes").get(req.get("code") or "")
            client = _client(app, req, need_secret=not (code and code.get("code_challenge")))
            if code is None or code["client_id"] != client["client_id"]:
                raise _oauth_error(400, "invalid_grant", INVALID_GRANT)
            if (req.get("redirect_uri") or code["redirect_uri"]) != code["redirect_uri"]:
                raise _oauth_error(400, "invalid_grant", INVALID_GRANT)
            if code.get("code_challenge"):
                verifier = req.get("code_verifier") or ""
                digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if not verifier or not hmac.compare_digest(digest, code["code_challenge"]):
                    del app.state.table("codes")[req.get("code") or ""]
                    raise _oauth_error(400, "invalid_grant", INVALID_GRANT)
            del app.state.table("codes")[req.get("code") or ""]
            record = app.state.issue_token(code["account_id"], client["client_id"], code["scopes"], refresh=True)
        elif grant == "password":
            if not (app.settings.password_grant and app.flavour.password_grant):
                raise _oauth_error(400, "unsupported_grant_type", UNSUPPORTED_GRANT)
            client = _client(app, req, need_secret=True)
            scopes = _scopes(req.get("scope"), ["read"])
            if not set(scopes) <= set(client["scopes"]):
                raise _oauth_error(400, "invalid_scope", INVALID_SCOPE)
            user = app.state.find_account(req.get("username") or "")
            if user is None or not hmac.compare_digest(str(req.get("password") or ""), user["password"]):
                raise _oauth_error(400, "invalid_grant", INVALID_GRANT)
            record = app.state.issue_token(user["id"], client["client_id"], scopes, refresh=True)
        elif grant == "refresh_token":
            client = _client(app, req, need_secret=False)
            wanted = req.get("refresh_token") or ""
            old = next(
                (
                    t
                    for t in app.state.table("tokens").values()
                    if wanted and t.get("refresh_token") == wanted and not t["revoked"]
                ),
                None,
            )
            if old is None or old["client_id"] != client["client_id"]:
                raise _oauth_error(400, "invalid_grant", INVALID_GRANT)
            old["revoked"] = True
            record = app.state.issue_token(old["account_id"], client["client_id"], old["scopes"], refresh=True)
        elif grant == "client_credentials":
            client = _client(app, req, need_secret=True)
            scopes = _scopes(req.get("scope"), ["read"])
            if not set(scopes) <= set(client["scopes"]):
                raise _oauth_error(400, "invalid_scope", INVALID_SCOPE)
            record = app.state.issue_token(None, client["client_id"], scopes)
        else:
            raise _oauth_error(400, "unsupported_grant_type", UNSUPPORTED_GRANT)
        return json_response(_token_body(record))


@route("POST", "/oauth/revoke", user=False)
def revoke(app: App, req: Request) -> Response:
    """POST /oauth/revoke (idempotent)."""
    with app.state.lock:
        try:
            client = _client(app, req, need_secret=True)
        except ApiError:
            raise _oauth_error(403, "unauthorized_client", "You are not authorized to revoke this token") from None
        record = app.state.table("tokens").get(req.get("token") or "")
        if record is not None:
            if record["client_id"] != client["client_id"]:
                raise _oauth_error(403, "unauthorized_client", "You are not authorized to revoke this token")
            record["revoked"] = True
    return json_response({})


@route("GET", "/oauth/userinfo", scope="profile")
def userinfo(app: App, req: Request) -> Response:
    """GET /oauth/userinfo."""
    with app.state.lock:
        account = app.render.account(req.account_id)
    return json_response(
        {
            "iss": app.base_url + "/",
            "sub": account["uri"],
            "name": account["display_name"],
            "preferred_username": account["username"],
            "profile": account["url"],
            "picture": account["avatar"],
        }
    )


@route("GET", "/.well-known/oauth-authorization-server", user=False)
def oauth_metadata(app: App, req: Request) -> Response:
    """GET /.well-known/oauth-authorization-server (404 when switched off or for forks)."""
    if not (app.settings.oauth_metadata and app.flavour.oauth_metadata):
        raise ApiError(404, "Record not found")
    base = app.base_url
    grants = ["authorization_code", "client_credentials"]
    if app.settings.password_grant and app.flavour.password_grant:
        grants.append("password")
    grants.append("refresh_token")
    return json_response(
        {
            "issuer": base + "/",
            "service_documentation": "https://docs.joinmastodon.org/",
            "authorization_endpoint": base + "/oauth/authorize",
            "token_endpoint": base + "/oauth/token",
            "app_registration_endpoint": base + "/api/v1/apps",
            "revocation_endpoint": base + "/oauth/revoke",
            "userinfo_endpoint": base + "/oauth/userinfo",
            "scopes_supported": [*ALL_SCOPES, "admin:read", "admin:write"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": grants,
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }
    )


# ----------------------------------------------------------------- instance
def _contact(app: App) -> JSONDict | None:
    first = min(app.state.table("accounts"), key=int, default=None)
    return app.render.account(first) if first else None


def _counts(app: App) -> tuple[int, int]:
    return len(app.state.table("accounts")), sum(
        1 for s in app.state.table("statuses").values() if not s.get("reblog_of_id")
    )


_MIME = ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/webm", "audio/mpeg", "audio/ogg"]
_POLLS = {"max_options": 4, "max_characters_per_option": 50, "min_expiration": 300, "max_expiration": 2629746}
_STATUS_CONF = {"max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23}


def _streaming_url(app: App) -> str:
    return "ws" + app.base_url[4:] if not app.flavour.sse_streaming else app.base_url


@route("GET", "/api/v1/instance", user=False)
def instance_v1(app: App, req: Request) -> Response:
    """GET /api/v1/instance (V1_Instance)."""
    with app.state.lock:
        users, posts = _counts(app)
        contact = _contact(app)
    host = urllib.parse.urlsplit(app.base_url).netloc
    return json_response(
        {
            "uri": host,
            "title": "Local test instance",
            "short_description": "A Mastodon-compatible server for tests",
            "description": "",
            "email": "admin@localhost",
            "version": app.flavour.version,
            "urls": {"streaming_api": _streaming_url(app)},
            "stats": {"user_count": users, "status_count": posts, "domain_count": 0},
            "thumbnail": None,
            "languages": ["en"],
            "registrations": False,
            "approval_required": False,
            "invites_enabled": False,
            "configuration": {
                "accounts": {"max_featured_tags": 10},
                "statuses": _STATUS_CONF,
                "media_attachments": {
                    "supported_mime_types": _MIME,
                    "image_size_limit": 16777216,
                    "image_matrix_limit": 33177600,
                    "video_size_limit": 103809024,
                    "video_frame_rate_limit": 120,
                    "video_matrix_limit": 8294400,
                },
                "polls": _POLLS,
            },
            "contact_account": contact,
            "rules": [],
        }
    )


@route("GET", "/api/v2/instance", user=False)
def instance_v2(app: App, req: Request) -> Response:
    """GET /api/v2/instance (Instance)."""
    with app.state.lock:
        users, _posts = _counts(app)
        contact = _contact(app)
    host = urllib.parse.urlsplit(app.base_url).netloc
    body: JSONDict = {
        "domain": host,
        "title": "Local test instance",
        "version": app.flavour.version,
        "source_url": "https://github.com/mastodon/mastodon",
        "description": "A Mastodon-compatible server for tests",
        "usage": {"users": {"active_month": users}},
        "thumbnail": {
            "url": app.base_url + "/packs/media/images/preview.png",
            "description": None,
            "blurhash": None,
            "versions": {},
        },
        "icon": [],
        "languages": ["en"],
        "configuration": {
            "urls": {
                "streaming": _streaming_url(app),
                "status": None,
                "about": app.base_url + "/about",
                "privacy_policy": app.base_url + "/privacy-policy",
                "terms_of_service": None,
            },
            "vapid": {
                "public_key": "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M="
            },
            "accounts": {
                "max_display_name_lenth": 30,
                "max_display_name_length": 30,
                "max_note_length": 500,
                "max_featured_tags": 10,
                "max_pinned_statuses": 5,
                "max_profile_fields": 4,
                "profile_field_name_limit": 255,
                "profile_field_value_limit": 255,
            },
            "statuses": _STATUS_CONF,
            "media_attachments": {
                "supported_mime_types": _MIME,
                "description_limit": 1500,
                "image_size_limit": 16777216,
                "image_matrix_limit": 33177600,
                "video_size_limit": 103809024,
                "video_frame_rate_limit": 120,
                "video_matrix_limit": 8294400,
            },
            "polls": _POLLS,
            "translation": {"enabled": False},
            "timelines_access": {
                "live_feeds": {"local": "public", "remote": "public"},
                "hashtag_feeds": {"local": "public", "remote": "public"},
                "trending_link_feeds": {"local": "public", "remote": "public"},
            },
            "limited_federation": False,
        },
        "registrations": {
            "enabled": False,
            "approval_required": False,
            "reason_required": False,
            "message": None,
            "min_age": None,
            "url": None,
        },
        "contact": {"email": "admin@localhost", "account": contact},
        "rules": [],
    }
    if app.flavour.api_versions is not None:
        body["api_versions"] = dict(app.flavour.api_versions)
    return json_response(body)


@route("GET", "/api/v1/instance/rules", user=False)
def instance_rules(app: App, req: Request) -> Response:
    """GET /api/v1/instance/rules."""
    return json_response([])


@route("GET", "/api/v1/instance/peers", user=False)
def instance_peers(app: App, req: Request) -> Response:
    """GET /api/v1/instance/peers."""
    return json_response([])


@route("GET", "/.well-known/nodeinfo", user=False)
def nodeinfo_links(app: App, req: Request) -> Response:
    """GET /.well-known/nodeinfo."""
    return json_response(
        {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": app.base_url + "/nodeinfo/2.0"}]}
    )


@route("GET", "/nodeinfo/2.0", user=False)
def nodeinfo(app: App, req: Request) -> Response:
    """GET /nodeinfo/2.0."""
    with app.state.lock:
        users, posts = _counts(app)
    return json_response(
        {
            "version": "2.0",
            "software": {"name": app.flavour.software, "version": app.flavour.software_version},
            "protocols": ["activitypub"],
            "services": {"outbound": [], "inbound": []},
            "usage": {"users": {"total": users, "activeMonth": users, "activeHalfyear": users}, "localPosts": posts},
            "openRegistrations": False,
            "metadata": {"nodeName": "Local test instance"},
        }
    )
