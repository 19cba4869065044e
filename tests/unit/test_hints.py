"""Kinder errors: what went wrong and what to do next (issue 14, item 15)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import requests_mock as requests_mock_module

from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonRatelimitError,
    MastodonUnauthorizedError,
)
from mastodon._hints import needed_scope

BASE = "https://mastodon.example"


# ---------------------------------------------------------------------------------------------
# The constructor


@pytest.mark.parametrize(
    ("keyword", "suggestion"),
    [
        ("base_url", "api_base_url"),
        ("api_base", "api_base_url"),
        ("token", "access_token"),
        ("acces_token", "access_token"),
        ("timeout", "request_timeout"),
        ("client_secrt", "client_secret"),
    ],
)
def test_a_misspelt_keyword_names_mastodon_and_the_right_one(keyword: str, suggestion: str) -> None:
    with pytest.raises(TypeError) as caught:
        Mastodon(**{keyword: "x"})
    assert str(caught.value) == (
        f"Mastodon() got an unexpected keyword argument {keyword!r}; did you mean {suggestion!r}?"
    )
    assert "Core" not in str(caught.value)


def test_an_unknown_keyword_without_a_close_match() -> None:
    with pytest.raises(TypeError, match=r"^Mastodon\(\) got an unexpected keyword argument 'colour'$"):
        Mastodon(api_base_url=BASE, colour="red")


def test_subclasses_keep_their_own_keywords() -> None:
    class Bot(Mastodon):
        def __init__(self, name: str, **options: Any) -> None:
            self.name = name
            super().__init__(**options)

    class StrictBot(Mastodon):
        def __init__(self, name: str, api_base_url: str) -> None:
            super().__init__(api_base_url=api_base_url)

    assert Bot(name="b", api_base_url=BASE).name == "b"
    assert StrictBot(name="s", api_base_url=BASE).api_base_url == BASE
    with pytest.raises(TypeError, match=r"^StrictBot\(\) .* 'base_url'; did you mean 'api_base_url'\?$"):
        StrictBot(name="s", base_url=BASE)  # type: ignore[call-arg]


@pytest.mark.parametrize("value", ["usercred.secret", "secrets/token.txt", "~/bot/token.json", "./alice"])
def test_a_token_that_names_a_missing_file_says_so(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, http: requests_mock_module.Mocker
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MastodonFileNotFoundError, match="looks like a file name, but there is no such file"):
        Mastodon(api_base_url=BASE, access_token=value)
    assert http.call_count == 0


def test_a_client_id_that_names_a_missing_file_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MastodonFileNotFoundError, match=r"client_id 'clientcred\.secret' looks like a file name"):
        Mastodon(client_id="clientcred.secret")


def test_real_tokens_and_existing_files_are_accepted(tmp_path: Path) -> None:
    assert Mastodon(api_base_url=BASE, access_token="ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0").access_token
    token_file = tmp_path / "usercred.secret"
    token_file.write_text(f"tok-abc\n{BASE}\n")
    os.chmod(token_file, 0o600)
    assert Mastodon(access_token=str(token_file)).access_token == "tok-abc"


@pytest.mark.parametrize("url", [f"{BASE}/@alice", f"{BASE}/@alice/1234", f"{BASE}/users/alice", f"{BASE}/web/home"])
def test_a_profile_or_page_address_is_not_an_api_base_url(url: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=rf"not of the server's API: use {BASE}$"):
        Mastodon(api_base_url=url)


# ---------------------------------------------------------------------------------------------
# Answers


def test_401_says_to_log_in_again(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    http.get(
        f"{BASE}/api/v1/accounts/verify_credentials", status_code=401, json={"error": "The access token is invalid"}
    )
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.account_verify_credentials()
    # Mastodon.py's args (requests-mock sends no reason phrase); the hint is only in str()
    assert caught.value.args == ("The server answered with an error", 401, None, "The access token is invalid")
    assert "revoked or has expired" in str(caught.value) and "Log in again" in str(caught.value)
    assert api.access_token not in str(caught.value)


def test_takahe_400_invalid_bearer_token_is_unauthorized(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    http.get(f"{BASE}/api/v1/timelines/home", status_code=400, json={"error": "Invalid Bearer token"})
    with pytest.raises(MastodonUnauthorizedError) as caught:
        api.timeline_home()
    assert caught.value.status_code == 400 and caught.value.error == "Invalid Bearer token"
    assert "Log in again" in str(caught.value)


def test_other_400s_stay_plain_api_errors(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    http.get(f"{BASE}/api/v1/timelines/home", status_code=400, json={"error": "limit is too large"})
    with pytest.raises(MastodonAPIError) as caught:
        api.timeline_home()
    assert type(caught.value) is MastodonAPIError and caught.value.hint is None


def test_403_outside_the_scopes_names_the_scope(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    http.post(
        f"{BASE}/api/v1/statuses", status_code=403, json={"error": "This action is outside the authorized scopes"}
    )
    with pytest.raises(MastodonAPIError) as caught:
        api.status_post("hello")
    assert caught.value.hint == (
        "POST /api/v1/statuses needs the scope 'write:statuses' (or 'write'), which this token was not granted: "
        "log in again asking for it"
    )
    http.post(f"{BASE}/api/v1/statuses/7/favourite", status_code=403, json={"error": "outside the authorized scopes"})
    with pytest.raises(MastodonAPIError, match="'write:favourites' \\(or 'write'\\)"):
        api.status_favourite(7)


def test_other_403s_get_no_scope_hint(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    http.post(f"{BASE}/api/v1/statuses/7/favourite", status_code=403, json={"error": "This action is not allowed"})
    with pytest.raises(MastodonAPIError) as caught:
        api.status_favourite(7)
    assert caught.value.hint is None


@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("GET", "/api/v1/timelines/home", "read:statuses"),
        ("GET", "/api/v1/notifications/123", "read:notifications"),
        ("POST", "/api/v1/accounts/9/follow", "write:follows"),
        ("GET", "/api/v1/admin/accounts/5", "admin:read:accounts"),
        ("GET", "/sub/api/v1/timelines/home", "read:statuses"),
        ("GET", "/api/v1/instance", None),
    ],
)
def test_scope_table(method: str, path: str, scope: str | None) -> None:
    assert needed_scope(method, path) == scope


def test_a_web_page_instead_of_the_api_says_so(api: Mastodon, http: requests_mock_module.Mocker) -> None:
    page = "<!DOCTYPE html><html><body>Welcome to my blog</body></html>"
    http.get(f"{BASE}/api/v1/instance", status_code=404, text=page, headers={"Content-Type": "text/html"})
    with pytest.raises(MastodonAPIError, match="the answer is a web page, not the Mastodon API"):
        api.instance_v1()
    http.get(
        f"{BASE}/api/v2/instance", status_code=200, text=page, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    with pytest.raises(MastodonAPIError, match="check that api_base_url is the server's address"):
        api.instance_v2()


def test_hit_rate_limit_says_when_it_resets(api: Mastodon, http: requests_mock_module.Mocker, clock: Any) -> None:
    api.ratelimit_method = "throw"
    http.get(
        f"{BASE}/api/v1/timelines/home",
        status_code=429,
        json={"error": "Too many requests"},
        headers={"Retry-After": "42"},
    )
    with pytest.raises(MastodonRatelimitError) as caught:
        api.timeline_home()
    assert str(caught.value).startswith("The server answered 429 Too Many Requests and ratelimit_method is 'throw'")
    assert " UTC (in 42 s). " in str(caught.value)
    assert isinstance(caught.value, MastodonError)
