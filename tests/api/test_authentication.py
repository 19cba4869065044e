"""Requests sent and values returned by app registration and the OAuth flows.

Docs: methods/apps.md, methods/oauth.md, api/oauth-scopes.md, spec/oauth.md.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import stat
import urllib.parse
from typing import Any

import pytest

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError
from mastodon._oauth import AuthorizationRequest
from mastodon.return_types import Application, OAuthServerInfo, OAuthUserInfo
from mastodon.types_base import AttribAccessDict

BASE = "https://mastodon.example"
DISCOVERY = f"{BASE}/.well-known/oauth-authorization-server"
OOB = "urn:ietf:wg:oauth:2.0:oob"
CLIENT_ID = "client-id-abcdefgh"
CLIENT_SECRET = "client-secret-ijklmnop"
PASSWORD = "correct-horse-battery"
CODE = "auth-code-qrstuvwx"
REFRESH = "refresh-token-yz012345"
NEW_TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"


def metadata(example: Any, **changes: Any) -> dict[str, Any]:
    """The docs' discovery document, moved to mastodon.example, with changes."""
    body = example("methods/oauth.md", "authorization-server-metadata")
    moved = {
        key: value.replace("https://social.example", BASE) if isinstance(value, str) else value
        for key, value in body.items()
    }
    moved.update(changes)
    return dict(moved)


def token_answer(example: Any, **changes: Any) -> dict[str, Any]:
    body = dict(example("methods/oauth.md", "token"))
    body.update(changes)
    return body


@pytest.fixture
def app(http: Any) -> Mastodon:
    """A client with app credentials and no token."""
    return Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, api_base_url=BASE)


def no_discovery(http: Any) -> None:
    http.get(DISCOVERY, status_code=404, json={"error": "Record not found"})


# ---------------------------------------------------------------------------------------------
# create_app (methods/apps.md#create)


def test_create_app_sends_mastodonpys_form_and_returns_the_pair(http: Any, example: Any, form: Any) -> None:
    """methods/apps.md#create: client_name, scopes (space separated), redirect_uris, website."""
    http.post(f"{BASE}/api/v1/apps", json=example("methods/apps.md", "create"))
    result = Mastodon.create_app(
        "Test Application",
        redirect_uris=["https://app.example/callback", "https://app.example/register"],
        website="https://app.example",
        api_base_url="mastodon.example/",
    )
    assert result == ("TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM", "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw")
    request = http.last_request
    assert request.method == "POST" and request.url == f"{BASE}/api/v1/apps"
    assert form(request) == [
        ("client_name", "Test Application"),
        ("scopes", "read write follow push"),
        ("redirect_uris", "https://app.example/callback\nhttps://app.example/register"),
        ("website", "https://app.example"),
    ]
    assert request.headers["User-Agent"] == "mastodonpy"
    assert "Authorization" not in request.headers


def test_create_app_defaults_to_the_out_of_band_redirect(http: Any, example: Any, form: Any) -> None:
    http.post(f"{BASE}/api/v1/apps", json=example("methods/apps.md", "create"))
    Mastodon.create_app("bot", scopes=["read:statuses"], api_base_url=BASE, user_agent="mybot/1.0")
    assert form(http.last_request) == [("client_name", "bot"), ("scopes", "read:statuses"), ("redirect_uris", OOB)]
    assert http.last_request.headers["User-Agent"] == "mybot/1.0"


def test_create_app_ignores_a_token_in_the_environment(http: Any, example: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-should-not-leak")
    http.post(f"{BASE}/api/v1/apps", json=example("methods/apps.md", "create"))
    Mastodon.create_app("bot", api_base_url=BASE)
    assert "Authorization" not in http.last_request.headers


def test_create_app_writes_mastodonpys_client_file_privately(http: Any, example: Any, tmp_path: Any) -> None:
    http.post(f"{BASE}/api/v1/apps", json=example("methods/apps.md", "create"))
    target = tmp_path / "clientcred.secret"
    Mastodon.create_app("Test Application", api_base_url=BASE, to_file=str(target))
    assert target.read_text() == (
        "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM\nZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw\n"
        f"{BASE}\nTest Application\n"
    )
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    loaded = Mastodon(client_id=str(target))
    assert loaded.client_id == "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM" and loaded.api_base_url == BASE


def test_create_app_writes_json_for_a_json_path(http: Any, example: Any, tmp_path: Any) -> None:
    http.post(f"{BASE}/api/v1/apps", json=example("methods/apps.md", "create"))
    target = tmp_path / "app.json"
    Mastodon.create_app("Test Application", api_base_url=BASE, to_file=target)
    loaded = Mastodon(client_id=target)
    assert loaded.client_secret == "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"api_base_url": None}, "create_app needs the instance"),
        ({"api_base_url": "http://mastodon.example"}, "plain http"),
        ({"api_base_url": BASE, "redirect_uris": 5}, "redirect_uris"),
        ({"api_base_url": BASE, "scopes": [1]}, "scopes"),
    ],
)
def test_create_app_refuses_bad_input_before_sending(http: Any, kwargs: dict[str, Any], problem: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        Mastodon.create_app("bot", **kwargs)
    assert http.call_count == 0


def test_create_app_names_a_server_error(http: Any) -> None:
    """methods/apps.md#create 422."""
    http.post(
        f"{BASE}/api/v1/apps",
        status_code=422,
        json={"error": "Validation failed: Redirect URI must be an absolute URI."},
    )
    with pytest.raises(MastodonAPIError, match="Redirect URI must be an absolute URI"):
        Mastodon.create_app("bot", api_base_url=BASE, redirect_uris="nope")


# ---------------------------------------------------------------------------------------------
# Discovery (methods/oauth.md#authorization-server-metadata)


def test_oauth_authorization_server_info_returns_the_metadata(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example))
    info = app.oauth_authorization_server_info()
    assert isinstance(info, OAuthServerInfo)
    assert info.token_endpoint == f"{BASE}/oauth/token"
    assert "S256" in info.code_challenge_methods_supported


@pytest.mark.parametrize(
    "answer",
    [
        {"status_code": 404, "json": {"error": "Record not found"}},
        {"status_code": 200, "text": "<!DOCTYPE html><html>web app</html>", "headers": {"Content-Type": "text/html"}},
    ],
)
def test_oauth_authorization_server_info_is_empty_on_older_servers(app: Mastodon, http: Any, answer: Any) -> None:
    """methods/oauth.md: Mastodon < 4.3 answers 404; some forks serve their web UI."""
    http.get(DISCOVERY, **answer)
    info = app.oauth_authorization_server_info()
    assert info == {} and isinstance(info, AttribAccessDict)


# ---------------------------------------------------------------------------------------------
# auth_request_url (methods/oauth.md#authorize)


def test_auth_request_url_uses_the_discovered_endpoint(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example, authorization_endpoint="https://auth.example/oauth/authorize"))
    url = app.auth_request_url(state="s1", lang="de", force_login=True)
    assert url == (
        "https://auth.example/oauth/authorize?client_id=client-id-abcdefgh&response_type=code"
        "&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=read+write+follow+push&force_login=True"
        "&state=s1&lang=de"
    )


def test_auth_request_url_falls_back_to_oauth_authorize(app: Mastodon, http: Any) -> None:
    no_discovery(http)
    url = app.auth_request_url(redirect_uris="https://app.example/cb", scopes=["read", "profile"])
    parts = urllib.parse.urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{BASE}/oauth/authorize"
    assert urllib.parse.parse_qsl(parts.query) == [
        ("client_id", CLIENT_ID),
        ("response_type", "code"),
        ("redirect_uri", "https://app.example/cb"),
        ("scope", "read profile"),
        ("force_login", "False"),
    ]


def test_auth_request_url_skip_server_info_sends_nothing(app: Mastodon, http: Any) -> None:
    url = app.auth_request_url(skip_server_info=True)
    assert url.startswith(f"{BASE}/oauth/authorize?client_id={CLIENT_ID}&")
    assert http.call_count == 0


def test_auth_request_url_reads_the_client_id_from_a_file(http: Any, tmp_path: Any) -> None:
    secret = tmp_path / "client.secret"
    secret.write_text(f"file-client-id\nfile-secret\n{BASE}\napp\n")
    secret.chmod(0o600)
    api = Mastodon(api_base_url=BASE)
    url = api.auth_request_url(client_id=str(secret), skip_server_info=True)
    assert "client_id=file-client-id&" in url


@pytest.mark.parametrize(
    ("endpoint", "problem"),
    [
        ("http://mastodon.example/oauth/authorize", "not https"),
        ("https://mastodon.example/oauth/authorize?x=1", "query"),
        ("https://mastodon.example/oauth/authorize#frag", "fragment"),
        ("https://user:pw@mastodon.example/oauth/authorize", "user name or password"),
        ("ftp://mastodon.example/oauth/authorize", "https"),
    ],
)
def test_auth_request_url_refuses_unsafe_authorize_endpoints(
    app: Mastodon, http: Any, example: Any, endpoint: str, problem: str
) -> None:
    http.get(DISCOVERY, json=metadata(example, authorization_endpoint=endpoint))
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        app.auth_request_url()


def test_auth_request_url_allow_http_accepts_http(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example, authorization_endpoint="http://mastodon.example/oauth/authorize"))
    assert app.auth_request_url(allow_http=True).startswith("http://mastodon.example/oauth/authorize?")


def test_auth_request_url_needs_a_client_id(http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="client id"):
        Mastodon(api_base_url=BASE).auth_request_url()
    assert http.call_count == 0


# ---------------------------------------------------------------------------------------------
# log_in (methods/oauth.md#token)


def test_log_in_with_a_code_sends_mastodonpys_form(app: Mastodon, http: Any, example: Any, form: Any) -> None:
    http.get(DISCOVERY, json=metadata(example))
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    token = app.log_in(code=CODE, redirect_uri="https://app.example/cb")
    assert token == NEW_TOKEN and app.access_token == NEW_TOKEN
    request = http.last_request
    assert form(request) == [
        ("code", CODE),
        ("redirect_uri", "https://app.example/cb"),
        ("grant_type", "authorization_code"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scope", "read write follow push"),
    ]
    assert "Authorization" not in request.headers


def test_log_in_with_a_password_sends_the_password_grant_and_warns(
    app: Mastodon, http: Any, example: Any, form: Any
) -> None:
    http.get(DISCOVERY, json=metadata(example, grant_types_supported=["authorization_code", "password"]))
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    with pytest.warns(DeprecationWarning, match="password grant"):
        app.log_in("user@example.com", PASSWORD)
    assert form(http.last_request) == [
        ("username", "user@example.com"),
        ("password", PASSWORD),
        ("redirect_uri", OOB),
        ("grant_type", "password"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scope", "read write follow push"),
    ]


def test_log_in_refuses_the_password_grant_before_sending_the_password(app: Mastodon, http: Any, example: Any) -> None:
    """methods/oauth.md#authorization-server-metadata: grant_types_supported without password (4.4+)."""
    http.get(DISCOVERY, json=metadata(example))
    with pytest.raises(MastodonIllegalArgumentError, match="does not offer the password grant") as raised:
        app.log_in("user@example.com", PASSWORD)
    assert "authorization code flow" in str(raised.value)
    assert [request.url for request in http.request_history] == [DISCOVERY]


def test_log_in_password_grant_without_discovery_is_tried(app: Mastodon, http: Any, example: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    with pytest.warns(DeprecationWarning):
        assert app.log_in("user@example.com", PASSWORD) == NEW_TOKEN


def test_log_in_with_a_refresh_token(app: Mastodon, http: Any, example: Any, form: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example, refresh_token="next-refresh", expires_in=3600))
    app.log_in(refresh_token=REFRESH)
    assert form(http.last_request)[:3] == [
        ("redirect_uri", OOB),
        ("refresh_token", REFRESH),
        ("grant_type", "refresh_token"),
    ]
    assert app._refresh_token == "next-refresh"


def test_log_in_uses_the_discovered_token_endpoint(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example, token_endpoint="https://auth.example/token"))
    http.post("https://auth.example/token", json=token_answer(example))
    app.log_in(code=CODE)
    assert http.last_request.url == "https://auth.example/token"


@pytest.mark.parametrize(
    ("kwargs", "hint"),
    [
        ({"username": "u@example.com", "password": PASSWORD}, "username .* or the password is wrong"),
        ({"code": CODE, "redirect_uri": "https://app.example/cb"}, "code is wrong.*https://app.example/cb"),
        ({"refresh_token": REFRESH}, "refresh token is wrong"),
    ],
)
def test_log_in_invalid_grant_names_the_likely_cause(
    app: Mastodon, http: Any, example: Any, kwargs: dict[str, str], hint: str
) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", status_code=400, json=example("methods/oauth.md", "authorize", status=400))
    expected_warning = pytest.warns(DeprecationWarning) if "password" in kwargs else contextlib.nullcontext()
    with expected_warning, pytest.raises(MastodonIllegalArgumentError, match=hint) as raised:
        app.log_in(**kwargs)
    assert PASSWORD not in str(raised.value) and CODE not in str(raised.value) and REFRESH not in str(raised.value)
    assert app.access_token is None


def test_log_in_invalid_client_and_scope(app: Mastodon, http: Any, example: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", status_code=401, json=example("methods/oauth.md", "token", status=401))
    with pytest.raises(MastodonIllegalArgumentError, match="client id or secret is wrong"):
        app.log_in(code=CODE)
    http.post(f"{BASE}/oauth/token", status_code=400, json=example("methods/oauth.md", "token", status=400))
    with pytest.raises(MastodonIllegalArgumentError, match="not registered with all of them"):
        app.log_in(code=CODE)


def test_log_in_narrower_scopes_raise_naming_the_missing_ones(app: Mastodon, http: Any, example: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example, scope="read write"))
    with pytest.raises(MastodonAPIError, match="missing push") as raised:
        app.log_in(code=CODE, scopes=["read", "write", "push", "read:statuses", "write:blocks"])
    assert "read:statuses" not in str(raised.value).split("missing")[1]


def test_log_in_scope_sets_cover_granular_scopes(app: Mastodon, http: Any, example: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example, scope="read write follow"))
    app.log_in(code=CODE, scopes=["read:collections", "write:conversations", "read:follows"])


@pytest.mark.parametrize("kwargs", [{}, {"username": "only-user"}, {"password": "only-password"}])
def test_log_in_refuses_incomplete_arguments_before_sending(app: Mastodon, http: Any, kwargs: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="log_in needs a way to log in"):
        app.log_in(**kwargs)
    assert http.call_count == 0


def test_log_in_needs_the_client_id(http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="client id and secret"):
        Mastodon(api_base_url=BASE).log_in(code=CODE)
    assert http.call_count == 0


def test_log_in_to_file_writes_the_token_file(app: Mastodon, http: Any, example: Any, tmp_path: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    target = tmp_path / "usercred.secret"
    app.log_in(code=CODE, to_file=target)
    assert target.read_text() == f"{NEW_TOKEN}\n{BASE}\n{CLIENT_ID}\n{CLIENT_SECRET}\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    again = Mastodon(access_token=str(target))
    assert (again.access_token, again.client_id, again.client_secret) == (NEW_TOKEN, CLIENT_ID, CLIENT_SECRET)


def test_log_in_network_failure_is_a_network_error(app: Mastodon, http: Any) -> None:
    import requests

    no_discovery(http)
    http.post(f"{BASE}/oauth/token", exc=requests.exceptions.ConnectionError("refused"))
    with pytest.raises(MastodonNetworkError):
        app.log_in(code=CODE)


# ---------------------------------------------------------------------------------------------
# PKCE and state (spec/oauth.md#pkce, #state-parameter)


def test_begin_login_adds_a_pkce_challenge_and_a_state(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example))
    request = app.begin_login(scopes=["read"])
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(request.url).query))
    assert query["code_challenge_method"] == "S256"
    assert request.code_verifier is not None and 43 <= len(request.code_verifier) <= 128
    expected = base64.urlsafe_b64encode(hashlib.sha256(request.code_verifier.encode()).digest()).rstrip(b"=")
    assert query["code_challenge"] == expected.decode()
    assert query["state"] == request.state and len(request.state or "") >= 20
    assert request.code_verifier not in request.url


def test_complete_login_sends_the_verifier_and_checks_the_state(
    app: Mastodon, http: Any, example: Any, form: Any
) -> None:
    http.get(DISCOVERY, json=metadata(example))
    http.post(f"{BASE}/oauth/token", json=token_answer(example, scope="read"))
    request = app.begin_login(redirect_uri="https://app.example/cb", scopes=["read"])
    callback = f"https://app.example/cb?code={CODE}&state={request.state}"
    assert app.complete_login(request, callback) == NEW_TOKEN
    sent = dict(form(http.last_request))
    assert sent["code"] == CODE and sent["code_verifier"] == request.code_verifier
    assert sent["redirect_uri"] == "https://app.example/cb" and sent["scope"] == "read"


@pytest.mark.parametrize(
    ("callback", "problem"),
    [
        (f"https://app.example/cb?code={CODE}&state=forged", "state does not match"),
        (f"https://app.example/cb?code={CODE}", "state does not match"),
        ("https://app.example/cb?error=access_denied&error_description=The+user+said+no", "access_denied"),
        ("https://app.example/cb?state=x", "no authorization code"),
        ("   ", "authorization code or the redirect URL"),
    ],
)
def test_complete_login_refuses_bad_redirects_before_sending(
    app: Mastodon, http: Any, callback: str, problem: str
) -> None:
    request = app.begin_login(redirect_uri="https://app.example/cb", skip_server_info=True)
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        app.complete_login(request, callback)
    assert http.call_count == 0


def test_log_in_with_a_code_sends_the_pending_verifier(app: Mastodon, http: Any, example: Any, form: Any) -> None:
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    request = app.begin_login(skip_server_info=True)
    app.log_in(code=CODE)
    assert dict(form(http.last_request))["code_verifier"] == request.code_verifier
    app.log_in(code=CODE)
    assert "code_verifier" not in dict(form(http.last_request))


def test_auth_request_url_has_no_pkce(app: Mastodon, http: Any) -> None:
    assert "code_challenge" not in app.auth_request_url(skip_server_info=True)


# ---------------------------------------------------------------------------------------------
# client_credentials (methods/oauth.md#token)


def test_client_credentials_login_gets_an_app_token(app: Mastodon, http: Any, example: Any, form: Any) -> None:
    http.get(DISCOVERY, json=metadata(example))
    http.post(f"{BASE}/oauth/token", json=token_answer(example, scope="read"))
    assert app.client_credentials_login(scopes=["read"]) == NEW_TOKEN
    assert form(http.last_request) == [
        ("grant_type", "client_credentials"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("scope", "read"),
    ]
    # The docs' verify_credentials example is not valid JSON (a trailing comma); the create one serves.
    http.get(f"{BASE}/api/v1/apps/verify_credentials", json=example("methods/apps.md", "create"))
    app.app_verify_credentials()
    assert http.last_request.headers["Authorization"] == f"Bearer {NEW_TOKEN}"


# ---------------------------------------------------------------------------------------------
# persistable_login_credentials, revoke_access_token (methods/oauth.md#revoke)


def test_persistable_login_credentials_is_the_token_file_text() -> None:
    api = Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, access_token="tok-123456", api_base_url=BASE)
    assert api.persistable_login_credentials() == f"tok-123456\n{BASE}\n{CLIENT_ID}\n{CLIENT_SECRET}\n"


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}, "no access token"),
        ({"access_token": "t"}, "client_id and client_secret"),
    ],
)
def test_persistable_login_credentials_needs_everything(kwargs: dict[str, str], problem: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        Mastodon(api_base_url=BASE, **kwargs).persistable_login_credentials()


def test_revoke_access_token_posts_to_the_discovered_endpoint(http: Any, example: Any, form: Any) -> None:
    api = Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, access_token="tok-123456", api_base_url=BASE)
    http.get(DISCOVERY, json=metadata(example, revocation_endpoint="https://auth.example/revoke"))
    http.post("https://auth.example/revoke", json=example("methods/oauth.md", "revoke"))
    assert api.revoke_access_token() is None
    assert form(http.last_request) == [
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("token", "tok-123456"),
    ]
    assert api.access_token is None


def test_revoke_access_token_falls_back_to_oauth_revoke(http: Any, example: Any) -> None:
    api = Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, access_token="tok-123456", api_base_url=BASE)
    no_discovery(http)
    http.post(f"{BASE}/oauth/revoke", json={})
    api.revoke_access_token()
    assert http.last_request.url == f"{BASE}/oauth/revoke"


def test_revoke_access_token_forbidden_is_an_api_error(http: Any, example: Any) -> None:
    api = Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, access_token="tok-123456", api_base_url=BASE)
    no_discovery(http)
    http.post(f"{BASE}/oauth/revoke", status_code=403, json=example("methods/oauth.md", "revoke", status=403))
    with pytest.raises(MastodonAPIError, match="unauthorized_client"):
        api.revoke_access_token()
    assert api.access_token == "tok-123456"


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}, "no access token"),
        ({"access_token": "t"}, "client_id and client_secret"),
    ],
)
def test_revoke_access_token_refuses_before_sending(http: Any, kwargs: dict[str, str], problem: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        Mastodon(api_base_url=BASE, **kwargs).revoke_access_token()
    assert http.call_count == 0


# ---------------------------------------------------------------------------------------------
# oauth_userinfo (methods/oauth.md#userinfo), app_verify_credentials (methods/apps.md#verify_credentials)


def test_oauth_userinfo_uses_the_discovered_endpoint(api: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example))
    http.get(f"{BASE}/oauth/userinfo", json=example("methods/oauth.md", "userinfo"))
    info = api.oauth_userinfo()
    assert isinstance(info, OAuthUserInfo) and info.preferred_username == "john_mastodon"
    assert http.last_request.headers["Authorization"] == "Bearer test-access-token-0123456789"


def test_oauth_userinfo_without_discovery(api: Mastodon, http: Any, example: Any) -> None:
    no_discovery(http)
    http.get(f"{BASE}/oauth/userinfo", json=example("methods/oauth.md", "userinfo"))
    assert api.oauth_userinfo().sub == "http://social.example/users/john_mastodon"


def test_app_verify_credentials_returns_the_application(api: Mastodon, http: Any, example: Any) -> None:
    body = example("methods/apps.md", "create")
    body.pop("client_secret")
    http.get(f"{BASE}/api/v1/apps/verify_credentials", json=body)
    application = api.app_verify_credentials()
    assert isinstance(application, Application) and application.name == "Test Application"
    assert http.last_request.method == "GET" and http.last_request.query == ""


# ---------------------------------------------------------------------------------------------
# Server detection


def test_detect_server_reads_nodeinfo(api: Mastodon, http: Any) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "2.7.2 (compatible; Akkoma 3.10.4)"})
    http.get(
        f"{BASE}/.well-known/nodeinfo",
        json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": f"{BASE}/nodeinfo/2.0"}]},
    )
    http.get(f"{BASE}/nodeinfo/2.0", json={"software": {"name": "akkoma", "version": "3.10.4"}})
    server = api.detect_server()
    assert (server.software, server.software_version, server.compatible) == ("akkoma", "3.10.4", (2, 7, 2))
    calls = http.call_count
    assert api.detect_server() is server and http.call_count == calls


def test_detect_server_names_software_the_version_hides(api: Mastodon, http: Any) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "3.5.3"})
    http.get(
        f"{BASE}/.well-known/nodeinfo",
        json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": f"{BASE}/ni"}]},
    )
    http.get(f"{BASE}/ni", json={"software": {"name": "Pixelfed", "version": "0.12.4"}})
    server = api.detect_server()
    assert (server.software, server.software_version, server.compatible) == ("pixelfed", "0.12.4", (3, 5, 3))


def test_detect_server_without_nodeinfo(api: Mastodon, http: Any) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.4.0"})
    http.get(f"{BASE}/.well-known/nodeinfo", status_code=404)
    assert api.detect_server().software == "mastodon"


# ---------------------------------------------------------------------------------------------
# Secrets never shown


def test_reprs_hide_secrets() -> None:
    api = Mastodon(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, access_token="tok-123456", api_base_url=BASE)
    request = AuthorizationRequest("https://x/authorize", CLIENT_ID, OOB, ("read",), "st", "verifier-secret-1234", "ch")
    for shown in (repr(api), str(api), repr(request)):
        assert CLIENT_SECRET not in shown and "tok-123456" not in shown and "verifier-secret-1234" not in shown


def test_debug_log_of_a_login_hides_every_secret(app: Mastodon, http: Any, example: Any, caplog: Any) -> None:
    app.debug_requests = True
    http.get(DISCOVERY, json=metadata(example, grant_types_supported=["password", "authorization_code"]))
    http.post(f"{BASE}/oauth/token", json=token_answer(example, refresh_token=REFRESH))
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        with pytest.warns(DeprecationWarning):
            app.log_in("user@example.com", PASSWORD)
        request = app.begin_login(skip_server_info=True)
        app.log_in(code=CODE)
        http.post(f"{BASE}/oauth/revoke", json={})
        app.revoke_access_token()
    assert app.debug_requests is True
    text = caplog.text
    assert "/oauth/token" in text
    for secret in (PASSWORD, CODE, NEW_TOKEN, REFRESH, CLIENT_SECRET, request.code_verifier or "?"):
        assert secret not in text


def test_error_texts_hide_secrets(app: Mastodon, http: Any) -> None:
    no_discovery(http)
    http.post(
        f"{BASE}/oauth/token",
        status_code=400,
        json={"error": "invalid_request", "error_description": f"bad client_secret {CLIENT_SECRET}"},
    )
    with pytest.raises(MastodonIllegalArgumentError) as raised:
        app.log_in(code=CODE)
    assert CLIENT_SECRET not in str(raised.value) and CODE not in str(raised.value)
    assert CLIENT_SECRET not in repr(raised.value)


def test_auth_request_url_drops_a_pending_verifier(app: Mastodon, http: Any, example: Any, form: Any) -> None:
    """A code from auth_request_url has no challenge, so log_in must not send an older verifier."""
    no_discovery(http)
    http.post(f"{BASE}/oauth/token", json=token_answer(example))
    app.begin_login(skip_server_info=True)
    app.auth_request_url(skip_server_info=True)
    app.log_in(code=CODE)
    assert "code_verifier" not in dict(form(http.last_request))


def test_secrets_echoed_by_the_server_are_masked_in_errors(app: Mastodon, http: Any, example: Any) -> None:
    http.get(DISCOVERY, json=metadata(example, grant_types_supported=["password", "authorization_code"]))
    request = app.begin_login(skip_server_info=True)
    verifier = request.code_verifier or "?"
    http.post(
        f"{BASE}/oauth/token",
        status_code=400,
        json={"error": "invalid_request", "error_description": f"got {PASSWORD} {CODE} {verifier} {CLIENT_SECRET}"},
    )
    with pytest.raises(MastodonIllegalArgumentError) as by_code:
        app.log_in(code=CODE)
    with pytest.warns(DeprecationWarning), pytest.raises(MastodonIllegalArgumentError) as by_password:
        app.log_in("user@example.com", PASSWORD)
    for raised, sent in ((by_code, (CODE, verifier, CLIENT_SECRET)), (by_password, (PASSWORD, CLIENT_SECRET))):
        texts = [str(raised.value), repr(raised.value), str(raised.value.__cause__), repr(raised.value.__cause__)]
        for secret in sent:
            assert all(secret not in text for text in texts), secret


def test_interactive_login_refuses_a_plain_http_instance(http: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="plain http"):
        Mastodon(api_base_url="http://mastodon.example")
    api = Mastodon(api_base_url="http://mastodon.example", allow_http=True)
    with pytest.raises(MastodonIllegalArgumentError, match="http"):
        api.interactive_login(open_browser=False, input_func=lambda prompt: "never")
    assert http.call_count == 0
