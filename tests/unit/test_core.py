"""The constructor and the request pipeline: URLs, headers, credentials, logging, pagination info."""

from __future__ import annotations

import inspect
import json
import logging
import os
import stat

import pytest
import requests

from mastodon import Mastodon, MastodonFileNotFoundError, MastodonIllegalArgumentError
from mastodon._core import RAW
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


def test_constructor_signature_matches_mastodon_py() -> None:
    ours = inspect.signature(Mastodon.__init__).parameters
    expected = [
        ("client_id", None), ("client_secret", None), ("access_token", None), ("api_base_url", None),
        ("debug_requests", False), ("ratelimit_method", "wait"), ("ratelimit_pacefactor", 1.1),
        ("request_timeout", 300), ("mastodon_version", None), ("version_check_mode", "none"), ("session", None),
        ("feature_set", "mainline"), ("user_agent", "mastodonpy"), ("lang", None),
        # ours, keyword-only, after Mastodon.py's:
        ("retry_policy", None), ("allow_http", False),
    ]  # fmt: skip
    assert [(name, p.default) for name, p in list(ours.items())[1:]] == expected


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("mastodon.example", "https://mastodon.example"),
        ("https://mastodon.example/", "https://mastodon.example"),
        ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
        ("  mastodon.example//  ", "https://mastodon.example"),
    ],
)
def test_base_url_is_normalised(given: str, normalised: str) -> None:
    assert Mastodon(api_base_url=given).api_base_url == normalised


def test_base_url_is_required(monkeypatch) -> None:
    monkeypatch.delenv("MASTODON_API_BASE_URL", raising=False)
    with pytest.raises(MastodonIllegalArgumentError, match="No instance to talk to: pass api_base_url"):
        Mastodon()


def test_client_id_without_secret_is_refused() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="secret"):
        Mastodon(client_id="abc", api_base_url=BASE)


def test_environment_configures_what_arguments_leave_out(monkeypatch) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", "env.example")
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-value")
    api = Mastodon()
    assert api.api_base_url == "https://env.example" and api.access_token == "env-token-value"
    assert Mastodon(api_base_url=BASE, access_token="arg").access_token == "arg"


def test_legacy_credential_files_load(tmp_path) -> None:
    client_file = tmp_path / "clientcred.secret"
    client_file.write_text("cid\ncsecret\nhttps://mastodon.example\nmy bot\n")
    token_file = tmp_path / "usercred.secret"
    token_file.write_text("tok-123456\nhttps://mastodon.example\ncid2\ncsecret2\n")
    os.chmod(client_file, 0o600)
    os.chmod(token_file, 0o600)
    api = Mastodon(client_id=str(client_file), access_token=str(token_file))
    assert (api.client_id, api.client_secret, api.access_token) == ("cid", "csecret", "tok-123456")
    assert api.api_base_url == BASE
    only_token = Mastodon(access_token=token_file)
    assert (only_token.client_id, only_token.client_secret) == ("cid2", "csecret2")


def test_old_token_file_with_only_the_token(tmp_path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text("tok-only\n")
    os.chmod(token_file, 0o600)
    api = Mastodon(access_token=str(token_file), api_base_url=BASE)
    assert api.access_token == "tok-only"


def test_mismatched_base_urls_are_refused(tmp_path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text("tok\nhttps://other.example\n")
    os.chmod(token_file, 0o600)
    expected = "holds credentials for https://other.example, but api_base_url is https://mastodon.example"
    with pytest.raises(MastodonIllegalArgumentError, match=expected):
        Mastodon(access_token=str(token_file), api_base_url=BASE)


def test_world_readable_credential_file_warns(tmp_path) -> None:
    from mastodon import MastodonWarning

    token_file = tmp_path / "usercred.secret"
    token_file.write_text("tok\nhttps://mastodon.example\n")
    os.chmod(token_file, 0o644)
    with pytest.warns(MastodonWarning, match="chmod 600"):
        Mastodon(access_token=str(token_file))


def test_empty_credential_file_is_a_clear_error(tmp_path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text("\n")
    os.chmod(token_file, 0o600)
    with pytest.raises(MastodonIllegalArgumentError, match=r"usercred\.secret"):
        Mastodon(access_token=str(token_file), api_base_url=BASE)


def test_missing_credential_path_is_a_file_not_found(tmp_path) -> None:
    with pytest.raises(MastodonFileNotFoundError, match=r"nope\.secret"):
        Mastodon(access_token=tmp_path / "nope.secret", api_base_url=BASE)


def test_private_file_writes_are_atomic_and_owner_only(tmp_path) -> None:
    from mastodon._credentials import write_private_file

    target = tmp_path / "out.secret"
    write_private_file(target, "secret\n")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text() == "secret\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.secret"]


def test_headers_user_agent_language_and_no_netrc(http, example, tmp_path, monkeypatch) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine mastodon.example login user password pw\n")
    os.chmod(netrc, 0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    http.get(f"{BASE}/api/v1/statuses/1", json=example("methods/statuses.md", "get"))
    api = Mastodon(api_base_url=BASE, access_token="tok-abcdef", user_agent="mybot/1.0", lang="de")
    api.status(1)
    request = http.last_request
    assert request.headers["User-Agent"] == "mybot/1.0"
    assert request.headers["Authorization"] == "Bearer tok-abcdef"
    assert request.headers["Accept-Language"] == "de"
    assert request.qs == {"lang": ["de"]}


def test_no_token_means_no_authorization_header(http, example) -> None:
    http.get(f"{BASE}/api/v1/statuses/1", json=example("methods/statuses.md", "get"))
    Mastodon(api_base_url=BASE).status(1)
    assert "Authorization" not in http.last_request.headers


def test_timeouts_are_split_into_connect_and_read(http, example) -> None:
    http.get(f"{BASE}/api/v1/statuses/1", json=example("methods/statuses.md", "get"))
    Mastodon(api_base_url=BASE, request_timeout=120).status(1)
    assert http.last_request.timeout == (30.0, 120.0)
    Mastodon(api_base_url=BASE, request_timeout=(3, 7)).status(1)
    assert http.last_request.timeout == (3.0, 7.0)


def test_one_session_is_kept_and_a_given_session_is_used(http, example) -> None:
    session = requests.Session()
    api = Mastodon(api_base_url=BASE, session=session)
    assert api.session is session
    http.get(f"{BASE}/api/v1/statuses/1", json=example("methods/statuses.md", "get"))
    api.status(1)
    api.status(1)
    assert http.call_count == 2


def test_debug_requests_logs_without_secrets(http, example, caplog) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api = Mastodon(
        api_base_url=BASE, access_token="super-secret-token", client_id="cid", client_secret="client-secret-x",
        debug_requests=True,
    )  # fmt: skip
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        api.status_post("hello")
        http.post(f"{BASE}/oauth/token", json={})
        api._post("/oauth/token", RAW, password="hunter2-pass", client_secret="client-secret-x")
    text = caplog.text
    assert "mastodon sends POST https://mastodon.example/api/v1/statuses" in text
    for secret in ("super-secret-token", "client-secret-x", "hunter2-pass"):
        assert secret not in text
    assert "super-secret-token" not in repr(api)


def test_pagination_info_comes_from_link_headers(http, example) -> None:
    statuses = example("methods/statuses.md", "index")
    link = (
        f'<{BASE}/api/v1/timelines/home?max_id=109>; rel="next", <{BASE}/api/v1/timelines/home?min_id=200>; rel="prev"'
    )
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses, headers={"Link": link})
    api = Mastodon(api_base_url=BASE)
    page = api.timeline_home(limit=2, only_media=True)
    assert isinstance(page, PaginatableList)
    assert page._pagination_next == {
        "limit": 2, "only_media": True, "max_id": 109,
        "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/timelines/home",
        "_mastopy_type": "PaginatableList[Status]",
    }  # fmt: skip
    assert page._pagination_prev is not None and page._pagination_prev["min_id"] == 200
    json.dumps(page._pagination_next)  # a cron job can store it
    http.get(f"{BASE}/api/v1/timelines/home?max_id=109", json=[], headers={})
    following = api.fetch_next(json.loads(json.dumps(page._pagination_next)))
    assert following == []
    assert http.last_request.qs == {"limit": ["2"], "only_media": ["1"], "max_id": ["109"]}
    assert api.get_pagination_info(page, "next") == page._pagination_next


def test_fetch_remaining_walks_until_no_next(http, example) -> None:
    one = example("methods/statuses.md", "index")
    http.get(
        f"{BASE}/api/v1/timelines/public",
        [
            {"json": one, "headers": {"Link": f'<{BASE}/api/v1/timelines/public?max_id=5>; rel="next"'}},
            {"json": one, "headers": {"Link": f'<{BASE}/api/v1/timelines/public?max_id=3>; rel="next"'}},
            {"json": []},
        ],
    )
    api = Mastodon(api_base_url=BASE)
    everything = api.fetch_remaining(api.timeline_public())
    assert len(everything) == 2 * len(one)
    assert all(type(item).__name__ == "Status" for item in everything)


def test_a_single_object_can_be_a_page(http) -> None:
    from mastodon.return_types import GroupedNotificationsResults

    body = {"accounts": [], "statuses": [], "notification_groups": [{"group_key": "x", "type": "follow"}]}
    http.get(
        f"{BASE}/api/v2/notifications",
        json=body,
        headers={"Link": f'<{BASE}/api/v2/notifications?max_id=77>; rel="next"'},
    )
    api = Mastodon(api_base_url=BASE)
    first = api.grouped_notifications(limit=5)
    assert isinstance(first, GroupedNotificationsResults)
    assert first._pagination_next is not None and first._pagination_next["max_id"] == 77
    following = api.fetch_next(json.loads(json.dumps(first._pagination_next)))
    assert isinstance(following, GroupedNotificationsResults)
    assert http.last_request.qs["max_id"] == ["77"] and http.last_request.qs["limit"] == ["5"]


def test_offset_pagination_inside_an_object(http) -> None:
    from mastodon.return_types import SearchV2

    accounts = [{"id": str(n), "acct": f"a{n}"} for n in range(3)]
    http.get(f"{BASE}/api/v2/search", json={"accounts": accounts, "statuses": [], "hashtags": []})
    api = Mastodon(api_base_url=BASE, mastodon_version="4.3.0")
    first = api.search_v2("a", result_type="accounts", limit=3)
    assert first._pagination_next is not None and first._pagination_next["offset"] == 3
    following = api.fetch_next(first)
    assert isinstance(following, SearchV2)
    assert http.last_request.qs["offset"] == ["3"] and http.last_request.qs["type"] == ["accounts"]
