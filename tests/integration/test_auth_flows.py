"""Every authentication flow over real HTTP against a LocalInstance on 127.0.0.1.

Docs: methods/apps.md, methods/oauth.md, spec/oauth.md (PKCE, state), api/oauth-scopes.md.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonUnauthorizedError
from mastodon._credentials import read_credentials
from mastodon.cli import EXIT_AUTH, EXIT_OK, main
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration

OOB = "urn:ietf:wg:oauth:2.0:oob"
REDIRECT = "https://app.example/callback"
SCOPES = ["read", "write", "follow", "push", "profile"]


@pytest.fixture
def inst() -> Iterator[LocalInstance]:
    instance = LocalInstance().start()
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: Any, tmp_path: Path) -> None:
    for name in ("MASTODON_API_BASE_URL", "MASTODON_ACCESS_TOKEN", "MASTODON_CLIENT_ID", "MASTODON_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def registered(inst: LocalInstance, scopes: list[str] = SCOPES) -> Mastodon:
    client_id, client_secret = Mastodon.create_app(
        "integration", scopes=scopes, redirect_uris=[REDIRECT, OOB], api_base_url=inst.api_base_url
    )
    return Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=inst.api_base_url)


def follow_authorize(url: str) -> str:
    """What a browser would do: open the authorize URL; the instance approves and redirects."""
    answer = requests.get(url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return str(answer.headers["Location"])


def oob_code(url: str) -> str:
    page = requests.get(url, timeout=10).text
    found = re.search(r'id="code" value="([^"]+)"', page)
    assert found is not None, page
    return found.group(1)


def threaded_browser(opened: list[str]) -> Any:
    def open_browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=lambda: requests.get(url, timeout=10), daemon=True).start()
        return True

    return open_browser


def paths(inst: LocalInstance) -> list[tuple[str, str]]:
    return [(record.method, record.path) for record in inst.requests]


# ---------------------------------------------------------------------------------------------
# App registration and the authorize URL


def test_create_app_registers_and_writes_the_file(inst: LocalInstance, tmp_path: Path) -> None:
    target = tmp_path / "clientcred.secret"
    client_id, client_secret = Mastodon.create_app("bot", api_base_url=inst.api_base_url, to_file=target)
    assert target.read_text().splitlines() == [client_id, client_secret, inst.api_base_url, "bot"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert Mastodon(client_id=target).client_secret == client_secret


def test_auth_request_url_with_discovery(inst: LocalInstance) -> None:
    api = registered(inst)
    url = api.auth_request_url(redirect_uris=REDIRECT, scopes=["read"], allow_http=True)
    assert url.startswith(inst.api_base_url + "/oauth/authorize?")
    assert ("GET", "/.well-known/oauth-authorization-server") in paths(inst)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(follow_authorize(url)).query)["code"]


def test_auth_request_url_without_discovery(inst: LocalInstance) -> None:
    inst.settings.oauth_metadata = False
    api = registered(inst)
    assert api.oauth_authorization_server_info() == {}
    url = api.auth_request_url(redirect_uris=REDIRECT, allow_http=True)
    assert url.startswith(inst.api_base_url + "/oauth/authorize?")
    location = follow_authorize(url)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
    assert api.log_in(code=code, redirect_uri=REDIRECT, scopes=["read", "write", "follow", "push"], allow_http=True)


# ---------------------------------------------------------------------------------------------
# Code flow with PKCE and state


def test_code_flow_with_pkce(inst: LocalInstance, tmp_path: Path) -> None:
    api = registered(inst)
    request = api.begin_login(redirect_uri=REDIRECT, scopes=SCOPES)
    assert "code_challenge=" in request.url
    location = follow_authorize(request.url)
    target = tmp_path / "alice.json"
    token = api.complete_login(request, location, to_file=target)
    assert api.account_verify_credentials().username == "alice"
    assert read_credentials(target).access_token == token
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    token_request = [record for record in inst.requests if record.path == "/oauth/token"][-1]
    assert b"code_verifier=" in token_request.body


def test_code_flow_pkce_needs_the_verifier(inst: LocalInstance) -> None:
    api = registered(inst)
    request = api.begin_login(redirect_uri=REDIRECT, scopes=SCOPES)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(follow_authorize(request.url)).query)["code"][0]
    other = registered(inst)
    other.client_id, other.client_secret = api.client_id, api.client_secret
    with pytest.raises(MastodonIllegalArgumentError, match=r"invalid_grant.*PKCE verifier"):
        other.log_in(code=code, redirect_uri=REDIRECT, scopes=SCOPES, allow_http=True)


def test_log_in_with_a_code_sends_the_pending_verifier(inst: LocalInstance) -> None:
    api = registered(inst)
    request = api.begin_login(redirect_uri=OOB, scopes=SCOPES)
    assert api.log_in(code=oob_code(request.url), scopes=SCOPES, allow_http=True)
    assert api.oauth_userinfo().preferred_username == "alice"


def test_forged_state_is_refused_before_the_token_request(inst: LocalInstance) -> None:
    api = registered(inst)
    request = api.begin_login(redirect_uri=REDIRECT, scopes=SCOPES)
    location = follow_authorize(request.url).replace(f"state={request.state}", "state=forged")
    inst.clear_requests()
    with pytest.raises(MastodonIllegalArgumentError, match="state does not match"):
        api.complete_login(request, location)
    assert ("POST", "/oauth/token") not in paths(inst)


def test_wrong_redirect_uri_names_the_cause(inst: LocalInstance) -> None:
    api = registered(inst)
    url = api.auth_request_url(redirect_uris=REDIRECT, scopes=SCOPES, allow_http=True)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(follow_authorize(url)).query)["code"][0]
    with pytest.raises(MastodonIllegalArgumentError, match="redirect_uri is not the one"):
        api.log_in(code=code, redirect_uri=OOB, scopes=SCOPES, allow_http=True)


# ---------------------------------------------------------------------------------------------
# Password grant, offered and refused


def test_password_grant_offered(inst: LocalInstance) -> None:
    api = registered(inst)
    with pytest.warns(DeprecationWarning):
        api.log_in("alice", inst.password("alice"), scopes=["read"], allow_http=True)
    assert api.account_verify_credentials().username == "alice"


def test_password_grant_refused_before_sending_the_password(inst: LocalInstance) -> None:
    inst.settings.password_grant = False
    api = registered(inst)
    inst.clear_requests()
    with pytest.raises(MastodonIllegalArgumentError, match="does not offer the password grant"):
        api.log_in("alice", inst.password("alice"), allow_http=True)
    assert paths(inst) == [("GET", "/.well-known/oauth-authorization-server")]


def test_password_grant_refused_by_a_server_without_discovery(inst: LocalInstance) -> None:
    inst.settings.password_grant = False
    inst.settings.oauth_metadata = False
    api = registered(inst)
    with pytest.warns(DeprecationWarning), pytest.raises(MastodonIllegalArgumentError, match="unsupported_grant_type"):
        api.log_in("alice", inst.password("alice"), scopes=["read"], allow_http=True)


def test_wrong_password_names_the_cause(inst: LocalInstance) -> None:
    api = registered(inst)
    with (
        pytest.warns(DeprecationWarning),
        pytest.raises(MastodonIllegalArgumentError, match="password is wrong") as raised,
    ):
        api.log_in("alice", "not-the-password", scopes=["read"], allow_http=True)
    assert "not-the-password" not in str(raised.value)


def test_narrower_scopes_name_the_missing_ones(inst: LocalInstance) -> None:
    api = registered(inst)
    url = api.auth_request_url(redirect_uris=REDIRECT, scopes=["read"], allow_http=True)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(follow_authorize(url)).query)["code"][0]
    with pytest.raises(MastodonAPIError, match="missing write, profile"):
        api.log_in(code=code, redirect_uri=REDIRECT, scopes=["read", "write", "profile"], allow_http=True)


def test_scopes_the_app_lacks_are_refused(inst: LocalInstance) -> None:
    api = registered(inst, scopes=["read"])
    with pytest.raises(MastodonIllegalArgumentError, match="invalid_scope"), pytest.warns(DeprecationWarning):
        api.log_in("alice", inst.password("alice"), scopes=["read", "write"], allow_http=True)


# ---------------------------------------------------------------------------------------------
# Refresh, revoke, userinfo, client credentials


def test_refresh_revoke_and_userinfo(inst: LocalInstance) -> None:
    api = registered(inst)
    request = api.begin_login(redirect_uri=REDIRECT, scopes=SCOPES)
    first = api.complete_login(request, follow_authorize(request.url))
    refresh = api._refresh_token
    assert refresh
    second = api.log_in(refresh_token=refresh, scopes=SCOPES, allow_http=True)
    assert second != first
    stale = Mastodon(access_token=first, api_base_url=inst.api_base_url)
    with pytest.raises(MastodonUnauthorizedError):
        stale.account_verify_credentials()
    assert api.oauth_userinfo().preferred_username == "alice"
    api.revoke_access_token()
    assert api.access_token is None
    revoked = Mastodon(access_token=second, api_base_url=inst.api_base_url)
    with pytest.raises(MastodonUnauthorizedError):
        revoked.account_verify_credentials()


def test_revoke_with_a_wrong_secret_is_refused(inst: LocalInstance) -> None:
    api = registered(inst)
    api.client_credentials_login(scopes=["read"])
    api.client_secret = "wrong-secret"
    with pytest.raises(MastodonAPIError, match="unauthorized_client"):
        api.revoke_access_token()


def test_client_credentials_grant(inst: LocalInstance) -> None:
    api = registered(inst)
    api.client_credentials_login(scopes=["read"])
    assert api.app_verify_credentials().name == "integration"


# ---------------------------------------------------------------------------------------------
# The one-call interactive login


def test_interactive_login_through_the_loopback_listener(inst: LocalInstance, tmp_path: Path) -> None:
    api = Mastodon(api_base_url=inst.api_base_url)
    opened: list[str] = []
    target = tmp_path / "me.json"
    token = api.interactive_login(
        scopes=["read", "profile"], to_file=target, open_browser=threaded_browser(opened), output=io.StringIO()
    )
    redirect = urllib.parse.parse_qs(urllib.parse.urlsplit(opened[0]).query)["redirect_uri"][0]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", redirect)
    assert api.account_verify_credentials().username == "alice"
    assert read_credentials(target).access_token == token


def test_interactive_login_falls_back_to_pasting(inst: LocalInstance) -> None:
    api = registered(inst)
    output = io.StringIO()

    def paste(prompt: str) -> str:
        url = re.search(r"^\s+(http\S+)$", output.getvalue(), re.M)
        assert url is not None
        return oob_code(url.group(1))

    api.interactive_login(scopes=SCOPES, open_browser=False, input_func=paste, output=output)
    assert "paste the code" in output.getvalue()
    assert api.account_verify_credentials().username == "alice"


# ---------------------------------------------------------------------------------------------
# Server detection


@pytest.mark.parametrize(
    ("flavour", "software"),
    [("mastodon", "mastodon"), ("pleroma", "pleroma"), ("akkoma", "akkoma"), ("gotosocial", "gotosocial")],
)
def test_detect_server(flavour: str, software: str) -> None:
    with LocalInstance(flavour=flavour) as local:
        detected = Mastodon(api_base_url=local.api_base_url).detect_server()
    assert detected.software == software and detected.software_version


# ---------------------------------------------------------------------------------------------
# Secrets stay out of the debug log


def test_debug_log_of_a_real_flow_hides_secrets(inst: LocalInstance, caplog: Any) -> None:
    api = registered(inst)
    api.debug_requests = True
    with caplog.at_level(logging.INFO, logger="mastodon"):
        request = api.begin_login(redirect_uri=REDIRECT, scopes=SCOPES)
        location = follow_authorize(request.url)
        token = api.complete_login(request, location)
        refresh = api._refresh_token
        api.revoke_access_token()
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
    assert "/oauth/token" in caplog.text
    for secret in (token, refresh, code, request.code_verifier, api.client_secret):
        assert secret and secret not in caplog.text


# ---------------------------------------------------------------------------------------------
# The command line against the instance


def test_cli_login_whoami_revoke(inst: LocalInstance, tmp_path: Path) -> None:
    target = tmp_path / "cli.json"
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["login", inst.api_base_url, "-o", str(target), "--scopes", "read write profile"],
        stdout=out,
        stderr=err,
        open_browser=threaded_browser([]),
    )
    assert code == EXIT_OK, err.getvalue()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    saved = read_credentials(target)
    assert saved.scopes == ["read", "write", "profile"] and saved.api_base_url == inst.api_base_url
    assert main(["whoami", "-c", str(target)], stdout=out) == EXIT_OK
    assert "@alice" in out.getvalue()
    assert main(["revoke", "-c", str(target)], stdout=out) == EXIT_OK
    err = io.StringIO()
    assert main(["whoami", "-c", str(target)], stdout=out, stderr=err) == EXIT_AUTH
    assert "log in again" in err.getvalue()
    assert saved.access_token not in out.getvalue() + err.getvalue()


def test_cli_login_with_a_pasted_code(inst: LocalInstance, tmp_path: Path) -> None:
    target = tmp_path / "pasted.json"
    err = io.StringIO()

    def paste(prompt: str) -> str:
        url = re.search(r"^\s+(http\S+)$", err.getvalue(), re.M)
        assert url is not None
        return oob_code(url.group(1))

    code = main(
        ["login", inst.api_base_url, "-o", str(target), "--no-browser"],
        stdout=io.StringIO(),
        stderr=err,
        input_func=paste,
    )
    assert code == EXIT_OK, err.getvalue()
    assert read_credentials(target).access_token
