"""Pins for the hardening review (issue 17): secrets, bad input and time bounds, against requests-mock.

Each test names the review item it pins; the hostile-server side lives in tests/reliability/test_hostile.py.
"""

from __future__ import annotations

import os
import stat

import pytest

from mastodon import Mastodon

BASE = "https://mastodon.example"


@pytest.fixture
def app_api(http, clock) -> Mastodon:
    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    client._set_clock(clock)
    return client


def _register_answers(http, token: str = "user-token-0001") -> None:
    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token-0001", "scope": "read write follow push"})
    http.post(f"{BASE}/api/v1/accounts", json={"access_token": token, "scope": "read write follow push"})


# ---------------------------------------------------------------------------------------------
# 1. create_account(to_file=) writes privately and atomically, never through a symlink


def test_create_account_token_file_is_private(app_api: Mastodon, http, tmp_path) -> None:
    _register_answers(http)
    target = tmp_path / "user.secret"
    app_api.create_account("alice", "pass-0001", "a@example.org", to_file=target)
    assert target.read_text() == f"user-token-0001\n{BASE}\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_create_account_token_file_replaces_a_symlink_instead_of_following_it(
    app_api: Mastodon, http, tmp_path
) -> None:
    _register_answers(http)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours\n")
    target = tmp_path / "user.secret"
    target.symlink_to(elsewhere)
    app_api.create_account("alice", "pass-0001", "a@example.org", to_file=target)
    assert elsewhere.read_text() == "not yours\n"
    assert not target.is_symlink() and target.read_text().startswith("user-token-0001\n")
