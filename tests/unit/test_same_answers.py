"""Answers that match Mastodon.py 2.3.3's for the same input (or the server's, where 2.3.3 is wrong).

Expected values marked "2.3.3" were produced by running Mastodon.py 2.3.3 on the same input.
"""

from __future__ import annotations

import warnings
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests_mock

from mastodon import Mastodon, MastodonWarning

BASE = "https://mastodon.example"

CALLS = [
    lambda api: api.timeline_public(),
    lambda api: api.timeline_public(local=True),
    lambda api: api.timeline_public(remote=True),
    lambda api: api.timeline_local(),
    lambda api: api.timeline_hashtag("cats"),
    lambda api: api.timeline_hashtag("cats", local=True),
    lambda api: api.timeline_link("https://news.example/story"),
    lambda api: api.timeline_home(),
]

# (logged in, local access, remote access, which CALLS warn ("W"), two timeline_is_available answers):
# Mastodon.py 2.3.3's results for every combination, the same feed settings for all three feeds.
TABLE = [
    (False, "public", "public", "........", True, True),
    (False, "public", "authenticated", "..W.....", True, True),
    (False, "public", "disabled", "..W.....", False, True),
    (False, "authenticated", "public", ".W.W.W..", True, True),
    (False, "authenticated", "authenticated", "WWWWWWW.", True, False),
    (False, "authenticated", "disabled", "WWWWWWW.", False, False),
    (False, "disabled", "public", ".W.W.W..", False, True),
    (False, "disabled", "authenticated", "WWWWWWW.", False, False),
    (False, "disabled", "disabled", "WWWWWWW.", False, False),
    (True, "public", "public", "........", True, True),
    (True, "public", "authenticated", "........", True, True),
    (True, "public", "disabled", "..W.....", False, True),
    (True, "authenticated", "public", "........", True, True),
    (True, "authenticated", "authenticated", "........", True, False),
    (True, "authenticated", "disabled", "..W.....", False, False),
    (True, "disabled", "public", ".W.W.W..", False, True),
    (True, "disabled", "authenticated", ".W.W.W..", False, False),
    (True, "disabled", "disabled", "WWWWWWW.", False, False),
]


def _client(http: requests_mock.Mocker, logged_in: bool, local: str, remote: str) -> Mastodon:
    feeds = {"local": local, "remote": remote}
    access = {"live_feeds": feeds, "hashtag_feeds": feeds, "trending_link_feeds": feeds}
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.5.0", "configuration": {"timelines_access": access}})
    http.get(requests_mock.ANY, json=[])
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.5.0", "configuration": {"timelines_access": access}})
    return Mastodon(api_base_url=BASE, access_token="token" if logged_in else None, version_check_mode="none")


@pytest.mark.parametrize(("logged_in", "local", "remote", "warns", "both_halves", "hashtags"), TABLE)
def test_timelines_warn_exactly_where_mastodon_py_warns(
    http: requests_mock.Mocker, logged_in: bool, local: str, remote: str, warns: str, both_halves: bool, hashtags: bool
) -> None:
    api = _client(http, logged_in, local, remote)
    seen = ""
    for call in CALLS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert call(api) == []
        assert all(issubclass(w.category, MastodonWarning) for w in caught)
        seen += "W" if caught else "."
    assert seen == warns
    assert api.timeline_is_available("public", local=True, remote=True, with_auth=True) is both_halves
    assert api.timeline_is_available("hashtag") is hashtags


def test_the_warning_names_the_setting_and_what_to_do(http: requests_mock.Mocker) -> None:
    api = _client(http, False, "authenticated", "disabled")
    with pytest.warns(MastodonWarning) as caught:
        api.timeline_public()
    text = str(caught[0].message)
    assert "timelines_access.live_feeds" in text and "'authenticated'" in text and "log in" in text


def test_no_instance_setting_means_available_and_fail_hard_says_why(http: requests_mock.Mocker) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.2.0"})
    http.get(f"{BASE}/api/v1/timelines/public", json=[])
    api = Mastodon(api_base_url=BASE, version_check_mode="none")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert api.timeline_public() == []  # 2.3.3: no warning
    assert api.timeline_is_available("public") is True  # 2.3.3: True
    assert api.timeline_is_available("bogus") is True  # 2.3.3: True
    from mastodon import MastodonAPIError, MastodonIllegalArgumentError

    with pytest.raises(MastodonAPIError, match="timelines_access"):  # 2.3.3: MastodonAPIError
        api.timeline_is_available("public", fail_hard=True)
    with pytest.raises(MastodonIllegalArgumentError, match="'bogus'"):  # 2.3.3: MastodonIllegalArgumentError
        api.timeline_is_available("bogus", fail_hard=True)


@pytest.mark.parametrize(
    ("call", "warns"),
    [
        (lambda api: api.stream_public(None), False),
        (lambda api: api.stream_public(None, remote=True), False),
        (lambda api: api.stream_public(None, local=True), True),
        (lambda api: api.stream_local(None), True),
        (lambda api: api.stream_hashtag("cats", None), False),
        (lambda api: api.stream_hashtag("cats", None, local=True), True),
    ],
)
def test_streams_warn_as_mastodon_py(
    http: requests_mock.Mocker, monkeypatch: pytest.MonkeyPatch, call: Any, warns: bool
) -> None:
    # Local posts need a login, remote ones are open; the expected warnings are Mastodon.py 2.3.3's.
    api = _client(http, False, "authenticated", "public")
    monkeypatch.setattr(api, "_stream_or_subscribe", lambda *args, **kwargs: "opened")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert call(api) == "opened"
    assert [w.category for w in caught] == ([MastodonWarning] if warns else [])


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("https://sub.sub2.Путин.рф/path", 30),  # the server's count (2.3.3 says 23: it shortens this host)
        ("check https://sub.sub2.Путин.рф/path?x=1 now", 44),  # the server's count (2.3.3: 33)
        ("https://例え.テスト/path", 19),  # 2.3.3: 19
        ("https://xn--h1aax.xn--p1ai/x", 23),  # 2.3.3: 23 (punycode is shortened)
        ("https://example.com/abc", 23),  # 2.3.3: 23
        ("https://example.com/Путин", 23),  # 2.3.3: 23 (only the host matters)
        ("see https://ex.com/a.", 28),  # 2.3.3: 28
        ("https://ex.com/(a)", 23),  # 2.3.3: 23
        ("www.example.com", 15),  # 2.3.3: 15
        ("https://localhost/x", 19),  # 2.3.3: 19
        ("https://a_b.example.com/x", 23),  # 2.3.3: 23
        ("https://ex.com:8080/p", 23),  # 2.3.3: 23
    ],
)
def test_status_length_shortens_links_as_the_server(text: str, length: int) -> None:
    assert Mastodon.get_status_length(text) == length


def _query(request: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(request.url).query)


def test_boolean_query_parameters_as_the_server_reads_them(api: Mastodon, http: requests_mock.Mocker) -> None:
    # Mastodon reads these with truthy_param? ("1" true, "0" false); 2.3.3 sends the same strings.
    http.get(requests_mock.ANY, json=[])
    api.timeline_public(only_media=True, local=True)
    assert _query(http.last_request) == {"only_media": ["1"], "local": ["1"]}  # 2.3.3: only_media=1&local=1
    api.account_statuses("1", only_media=True, pinned=True, exclude_replies=True, exclude_reblogs=True)
    assert _query(http.last_request) == {
        "only_media": ["1"],
        "pinned": ["1"],
        "exclude_replies": ["1"],
        "exclude_reblogs": ["1"],
    }
    api.account_statuses("1", only_media=False, pinned=False, exclude_replies=False)
    assert _query(http.last_request) == {}  # 2.3.3: nothing sent for False
    api.account_search("x", following=True, resolve=False)
    assert _query(http.last_request) == {"q": ["x"], "following": ["1"], "resolve": ["0"]}  # 2.3.3: the same


def test_familiar_followers_ids_go_in_the_query_string(api: Mastodon, http: requests_mock.Mocker) -> None:
    # API docs: GET /api/v1/accounts/familiar_followers?id[]=1&id[]=2 (2.3.3 puts a JSON body on the GET,
    # which only a server that parses bodies of GET requests reads).
    http.get(f"{BASE}/api/v1/accounts/familiar_followers", json=[])
    api.account_familiar_followers(["1", "2"])
    assert _query(http.last_request) == {"id[]": ["1", "2"]}
    assert http.last_request.body is None
    api.account_familiar_followers("1")
    assert _query(http.last_request) == {"id[]": ["1"]}


def test_admin_account_filters_are_sent_only_when_set(api: Mastodon, http: requests_mock.Mocker) -> None:
    # v1 admin accounts: the server takes a filter that is present at all (params[:remote].present?), so
    # a False filter must not be sent; 2.3.3 sends True filters as "True" and leaves False ones out.
    http.get(f"{BASE}/api/v1/admin/accounts", json=[])
    api.admin_accounts(remote=True, status="active", staff_only=True, by_domain="x.example")
    assert _query(http.last_request) == {"by_domain": ["x.example"], "remote": ["1"], "staff": ["1"], "active": ["1"]}
    api.admin_accounts(remote=False, staff_only=False, status="pending")
    assert _query(http.last_request) == {"pending": ["1"]}  # 2.3.3: pending=True, nothing else
    # Reports: the server filters on resolved when the key is present at all (2.3.3 sends the same).
    http.get(f"{BASE}/api/v1/admin/reports", json=[])
    api.admin_reports(resolved=False)
    assert _query(http.last_request) == {}
    api.admin_reports(resolved=True)
    assert _query(http.last_request) == {"resolved": ["1"]}


def test_account_follow_options_also_go_in_the_query_string(api: Mastodon, http: requests_mock.Mocker) -> None:
    http.post(f"{BASE}/api/v1/accounts/1/follow", json={"id": "1"})
    api.account_follow("1", reblogs=False, notify=True)
    assert _query(http.last_request) == {"reblogs": ["0"], "notify": ["1"]}
    assert parse_qs(http.last_request.text) == {"reblogs": ["0"], "notify": ["1"]}  # the body, as 2.3.3 sends


def test_nodeinfo_link_with_another_scheme_is_fetched_from_the_base_url(http: requests_mock.Mocker) -> None:
    base = "http://mastodon.example"
    http.get(
        f"{base}/.well-known/nodeinfo",
        json={
            "links": [
                {
                    "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                    "href": "https://mastodon.example/nodeinfo/2.0",
                }
            ]
        },
    )
    http.get(f"{base}/nodeinfo/2.0", json={"version": "2.0", "software": {"name": "mastodon", "version": "4.5.0"}})
    api = Mastodon(api_base_url=base, version_check_mode="none", allow_http=True)
    info = api.instance_nodeinfo()
    assert info.software.name == "mastodon"
    assert http.last_request.url == f"{base}/nodeinfo/2.0"


def test_a_server_without_the_v2_instance_document_is_asked_once(http: requests_mock.Mocker) -> None:
    instance = http.get(f"{BASE}/api/v2/instance", status_code=404, json={"error": "Record not found"})
    http.get(f"{BASE}/api/v1/timelines/public", json=[])
    api = Mastodon(api_base_url=BASE, version_check_mode="none")
    for _ in range(3):
        assert api.timeline_public() == []  # no warning: availability unknown counts as available (2.3.3 too)
    assert instance.call_count == 1
    api.clear_caches()
    api.timeline_public()
    assert instance.call_count == 2
