"""OAuth, apps and scopes against a LocalInstance."""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from typing import Any

import pytest
import requests

from mastodon.testing import LocalInstance

REDIRECT = "https://app.example/callback"


def register(http: requests.Session, base: str, scopes: str = "read write follow push profile") -> dict[str, Any]:
    r = http.post(
        base + "/api/v1/apps",
        data={"client_name": "tests", "redirect_uris": f"{REDIRECT}\nurn:ietf:wg:oauth:2.0:oob", "scopes": scopes},
    )
    assert r.status_code == 200, r.text
    app: dict[str, Any] = r.json()
    return app


def authorize(http: requests.Session, base: str, app: dict[str, Any], **extra: str) -> str:
    params = {"response_type": "code", "client_id": app["client_id"], "redirect_uri": REDIRECT, "state": "xyz"}
    params.update(extra)
    r = http.get(base + "/oauth/authorize", params=params, allow_redirects=False)
    assert r.status_code == 302, r.text
    location = urllib.parse.urlsplit(r.headers["Location"])
    assert location.geturl().startswith(REDIRECT)
    query = urllib.parse.parse_qs(location.query)
    assert query["state"] == ["xyz"]
    return query["code"][0]


def exchange(http: requests.Session, base: str, app: dict[str, Any], code: str, **extra: str) -> requests.Response:
    data = {
        "grant_type": "authorization_code",
        "client_id": app["client_id"],
        "client_secret": app["client_secret"],
        "redirect_uri": REDIRECT,
        "code": code,
    }
    data.update(extra)
    return http.post(base + "/oauth/token", data=data)


def test_app_registration_shapes(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    assert {"id", "name", "website", "scopes", "redirect_uri", "redirect_uris", "client_id", "client_secret"} <= set(
        app
    )
    assert app["redirect_uris"] == [REDIRECT, "urn:ietf:wg:oauth:2.0:oob"]
    # JSON bodies are accepted too
    r = http.post(base + "/api/v1/apps", json={"client_name": "j", "redirect_uris": [REDIRECT], "scopes": "read"})
    assert r.status_code == 200 and r.json()["scopes"] == ["read"]
    r = http.post(base + "/api/v1/apps", data={"client_name": "x", "redirect_uris": "not a uri"})
    assert r.status_code == 422


def test_authorization_code_grant_and_verify(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    code = authorize(http, base, app, scope="read write")
    r = exchange(http, base, app, code)
    assert r.status_code == 200, r.text
    token = r.json()
    assert token["token_type"] == "Bearer" and token["scope"] == "read write"
    assert {"access_token", "created_at", "refresh_token"} <= set(token)
    headers = {"Authorization": "Bearer " + token["access_token"]}
    me = http.get(base + "/api/v1/accounts/verify_credentials", headers=headers).json()
    assert me["username"] == "alice" and "source" in me
    verified = http.get(base + "/api/v1/apps/verify_credentials", headers=headers).json()
    assert verified["name"] == "tests" and "client_secret" not in verified
    # a code is single-use
    again = exchange(http, base, app, code)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    assert "error_description" in again.json()


def test_authorize_oob_page_and_authorize_as(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    local_instance.settings.authorize_as = "carol"
    r = http.get(
        base + "/oauth/authorize",
        params={"response_type": "code", "client_id": app["client_id"], "redirect_uri": "urn:ietf:wg:oauth:2.0:oob"},
    )
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    match = re.search(r'id="code" value="([^"]+)"', r.text)
    assert match
    token = exchange(http, base, app, match.group(1), redirect_uri="urn:ietf:wg:oauth:2.0:oob").json()
    me = http.get(
        base + "/api/v1/accounts/verify_credentials", headers={"Authorization": "Bearer " + token["access_token"]}
    )
    assert me.json()["username"] == "carol"


def test_authorize_rejects_unknown_redirect_and_scope(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base, scopes="read")
    r = http.get(base + "/oauth/authorize", params={"client_id": app["client_id"], "redirect_uri": "https://evil/"})
    assert r.status_code == 400
    r = http.get(base + "/oauth/authorize", params={"client_id": app["client_id"], "scope": "read write"})
    assert r.status_code == 400 and r.json()["error"] == "invalid_scope"
    r = http.get(base + "/oauth/authorize", params={"client_id": "nope"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def test_pkce_pass(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    verifier = "v" * 64
    code = authorize(http, base, app, code_challenge=_challenge(verifier), code_challenge_method="S256")
    r = exchange(http, base, app, code, code_verifier=verifier)
    assert r.status_code == 200, r.text
    # with PKCE the secret may be left out (public client)
    code = authorize(http, base, app, code_challenge=_challenge(verifier), code_challenge_method="S256")
    data = {"grant_type": "authorization_code", "client_id": app["client_id"], "code": code, "code_verifier": verifier}
    assert http.post(base + "/oauth/token", data=data).status_code == 200


@pytest.mark.parametrize("verifier", ["wrong" * 10, ""])
def test_pkce_fail(local_instance: LocalInstance, http: requests.Session, verifier: str) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    code = authorize(http, base, app, code_challenge=_challenge("right" * 10), code_challenge_method="S256")
    extra = {"code_verifier": verifier} if verifier else {}
    r = exchange(http, base, app, code, **extra)
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"


def test_bad_client_secret_is_invalid_client(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    code = authorize(http, base, app)
    r = exchange(http, base, app, code, client_secret="wrong")
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def test_password_grant_and_switch(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    data = {
        "grant_type": "password",
        "client_id": app["client_id"],
        "client_secret": app["client_secret"],
        "username": "bob@localhost",
        "password": local_instance.password("bob"),
        "scope": "read",
    }
    r = http.post(base + "/oauth/token", data=data)
    assert r.status_code == 200 and r.json()["scope"] == "read"
    bad = http.post(base + "/oauth/token", data={**data, "password": "nope"})
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_grant"
    local_instance.settings.password_grant = False
    off = http.post(base + "/oauth/token", data=data)
    assert off.status_code == 400 and off.json()["error"] == "unsupported_grant_type"


def test_refresh_and_client_credentials_and_revoke(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    app = register(http, base)
    first = exchange(http, base, app, authorize(http, base, app)).json()
    creds = {"client_id": app["client_id"], "client_secret": app["client_secret"]}
    r = http.post(
        base + "/oauth/token", data={**creds, "grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert r.status_code == 200
    second = r.json()
    assert second["access_token"] != first["access_token"]
    old = http.get(
        base + "/api/v1/accounts/verify_credentials", headers={"Authorization": "Bearer " + first["access_token"]}
    )
    assert old.status_code == 401
    reuse = http.post(
        base + "/oauth/token", data={**creds, "grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    )
    assert reuse.status_code == 400 and reuse.json()["error"] == "invalid_grant"

    cc = http.post(base + "/oauth/token", data={**creds, "grant_type": "client_credentials", "scope": "read"}).json()
    app_headers = {"Authorization": "Bearer " + cc["access_token"]}
    assert http.get(base + "/api/v1/apps/verify_credentials", headers=app_headers).status_code == 200
    user_only = http.get(base + "/api/v1/accounts/verify_credentials", headers=app_headers)
    assert user_only.status_code == 422

    headers = {"Authorization": "Bearer " + second["access_token"]}
    assert http.get(base + "/api/v1/accounts/verify_credentials", headers=headers).status_code == 200
    foreign = http.post(base + "/oauth/revoke", data={**creds, "token": local_instance.token("bob")})
    assert foreign.status_code == 403 and foreign.json()["error"] == "unauthorized_client"
    for _ in range(2):  # idempotent
        assert http.post(base + "/oauth/revoke", data={**creds, "token": second["access_token"]}).json() == {}
    r = http.get(base + "/api/v1/accounts/verify_credentials", headers=headers)
    assert r.status_code == 401 and r.json() == {"error": "The access token is invalid"}


def test_userinfo_needs_profile_scope(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    r = http.get(base + "/oauth/userinfo", headers={"Authorization": "Bearer " + local_instance.token("alice")})
    assert r.status_code == 200
    assert r.json()["preferred_username"] == "alice" and r.json()["sub"].endswith("/users/alice")
    read_only = local_instance.create_token("alice", "read")
    r = http.get(base + "/oauth/userinfo", headers={"Authorization": "Bearer " + read_only})
    assert r.status_code == 403 and r.json() == {"error": "This action is outside the authorized scopes"}


def test_oauth_metadata_and_knob(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    r = http.get(base + "/.well-known/oauth-authorization-server")
    assert r.status_code == 200
    doc = r.json()
    assert doc["token_endpoint"] == base + "/oauth/token"
    assert doc["code_challenge_methods_supported"] == ["S256"]
    assert {"issuer", "authorization_endpoint", "revocation_endpoint", "userinfo_endpoint", "scopes_supported"} <= set(
        doc
    )
    local_instance.settings.oauth_metadata = False
    r = http.get(base + "/.well-known/oauth-authorization-server")
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}


def test_scopes_enforced(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    read_only = {"Authorization": "Bearer " + local_instance.create_token("alice", "read")}
    assert http.get(base + "/api/v1/timelines/home", headers=read_only).status_code == 200
    r = http.post(base + "/api/v1/statuses", data={"status": "nope"}, headers=read_only)
    assert r.status_code == 403 and r.json() == {"error": "This action is outside the authorized scopes"}
    granular = {"Authorization": "Bearer " + local_instance.create_token("alice", "write:statuses")}
    assert http.post(base + "/api/v1/statuses", data={"status": "ok"}, headers=granular).status_code == 200
    bob = local_instance.account_id("bob")
    assert http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=granular).status_code == 403
    follow_scope = {"Authorization": "Bearer " + local_instance.create_token("alice", "follow")}
    assert http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=follow_scope).status_code == 200


def test_missing_and_invalid_token(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    r = http.get(base + "/api/v1/timelines/home")
    assert r.status_code == 401 and r.json() == {"error": "The access token is invalid"}
    r = http.get(base + "/api/v1/timelines/home", headers={"Authorization": "Bearer garbage"})
    assert r.status_code == 401
    # public endpoints work anonymously
    assert http.get(base + "/api/v1/timelines/public").status_code == 200


def test_gotosocial_personality(http: requests.Session) -> None:
    with LocalInstance(flavour="gotosocial") as inst:
        base = inst.api_base_url
        assert http.get(base + "/api/v1/instance").json()["version"].startswith("0.16.0 git-")
        r = http.get(base + "/api/v1/timelines/home", headers={"Authorization": "Bearer garbage"})
        assert r.status_code == 400
        app = register(http, base)
        data = {
            "grant_type": "password",
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
            "username": "alice",
            "password": inst.password("alice"),
        }
        assert http.post(base + "/oauth/token", data=data).json()["error"] == "unsupported_grant_type"
        v2 = http.get(base + "/api/v2/instance").json()
        assert v2["configuration"]["urls"]["streaming"].startswith("ws://")
        assert http.get(base + "/api/v1/streaming/health").status_code == 404
        assert http.get(base + "/.well-known/oauth-authorization-server").status_code == 404
