"""Requests sent and values returned by search (docs: methods/search.md, entities/Search.md).

``search`` picks v2 on servers from 2.4.1 and v1 before, as Mastodon.py does; ``search_v2`` sends
``exclude_unreviewed`` only to servers from 3.0.0, so both need the server's version.
"""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.errors import MastodonVersionError
from mastodon.return_types import Account, Search, SearchV2, Status, Tag

BASE = "https://mastodon.example"


def client_for(version: str, clock) -> Mastodon:
    client = Mastodon(api_base_url=BASE, access_token="token-for-search", mastodon_version=version)
    client._set_clock(clock)
    return client


@pytest.fixture
def v2_results(example) -> object:
    return example("methods/search.md", "v2")


@pytest.fixture
def v1_results(example) -> dict[str, object]:
    # methods/search.md {#v1} elides the lists with "[...]"; filled here from the entity examples.
    return {
        "accounts": [example("entities/Account.md")],
        "statuses": [example("entities/Status.md")],
        "hashtags": ["cats", "catsofmastodon"],
    }


def test_search_v2_defaults(http, clock, v2_results, query) -> None:
    api = client_for("4.2.0", clock)
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    found = api.search_v2("cats")
    assert isinstance(found, SearchV2)
    assert isinstance(found.accounts[0], Account) and isinstance(found.hashtags[0], Tag)
    assert isinstance(found.statuses[0], Status)
    assert http.call_count == 1
    assert query(http.last_request) == [("q", "cats"), ("resolve", "1"), ("exclude_unreviewed", "1")]


def test_search_v2_all_parameters_in_mastodonpy_order(http, clock, v2_results, query) -> None:
    api = client_for("4.2.0", clock)
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    api.search_v2(
        "cats",
        resolve=False,
        result_type="statuses",
        account_id={"id": "14715"},
        offset=20,
        min_id="1",
        max_id="900",
        exclude_unreviewed=False,
        limit=5,
    )
    assert query(http.last_request) == [
        ("q", "cats"),
        ("account_id", "14715"),
        ("offset", "20"),
        ("min_id", "1"),
        ("max_id", "900"),
        ("limit", "5"),
        ("type", "statuses"),
    ]


def test_search_v2_leaves_out_exclude_unreviewed_before_3_0(http, clock, v2_results, query) -> None:
    api = client_for("2.9.0", clock)
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    api.search_v2("cats", resolve=False)
    assert query(http.last_request) == [("q", "cats")]


def test_search_v2_asks_for_the_version_once(api: Mastodon, http, example, v2_results, query) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("methods/instance.md", "v2"))
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    api.search_v2("cats")
    api.search_v2("dogs")
    paths = [request.path for request in http.request_history]
    assert paths == ["/api/v2/instance", "/api/v2/search", "/api/v2/search"]
    assert ("exclude_unreviewed", "1") in query(http.last_request)


def test_search_v2_advanced_parameters_need_2_8(http, clock) -> None:
    api = client_for("2.5.0", clock)
    with pytest.raises(MastodonVersionError, match=r"offset, min_id and max_id in a search need Mastodon 2\.8\.0"):
        api.search_v2("cats", offset=5)
    assert http.call_count == 0


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"result_type": "toots"}, "result_type"),
        ({"offset": -1}, "offset"),
        ({"limit": 0}, "limit"),
        ({"q": None}, "q"),
    ],
)
def test_search_v2_refuses_bad_input_before_sending(http, clock, kwargs, problem) -> None:
    api = client_for("4.2.0", clock)
    arguments = {"q": "cats", **kwargs}
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.search_v2(**arguments)
    assert http.call_count == 0


def test_search_v1_sends_resolve_only_when_true(api: Mastodon, http, v1_results, query) -> None:
    http.get(f"{BASE}/api/v1/search", json=v1_results)
    found = api.search_v1("cats")
    assert isinstance(found, Search) and found.hashtags == ["cats", "catsofmastodon"]
    assert isinstance(found.accounts[0], Account)
    assert query(http.last_request) == [("q", "cats")]
    api.search_v1("cats", resolve=True)
    assert query(http.last_request) == [("q", "cats"), ("resolve", "1")]


def test_search_uses_v2_from_2_4_1(http, clock, v2_results, query) -> None:
    api = client_for("3.5.0", clock)
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    assert isinstance(api.search("cats", result_type="accounts"), SearchV2)
    assert query(http.last_request) == [
        ("q", "cats"),
        ("resolve", "1"),
        ("exclude_unreviewed", "1"),
        ("type", "accounts"),
    ]


def test_search_uses_v1_before_2_4_1(http, clock, v1_results, query) -> None:
    api = client_for("2.4.0", clock)
    http.get(f"{BASE}/api/v1/search", json=v1_results)
    assert isinstance(api.search("cats"), Search)
    assert query(http.last_request) == [("q", "cats"), ("resolve", "1")]


def test_search_on_an_old_server_refuses_advanced_parameters(http, clock) -> None:
    api = client_for("2.0.0", clock)
    with pytest.raises(MastodonVersionError):
        api.search("cats", account_id="1")
    assert http.call_count == 0


def test_search_detects_the_version_when_not_given(api: Mastodon, http, example, v2_results) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("methods/instance.md", "v2"))
    http.get(f"{BASE}/api/v2/search", json=v2_results)
    assert isinstance(api.search("cats"), SearchV2)
    assert [request.path for request in http.request_history] == ["/api/v2/instance", "/api/v2/search"]


def test_search_refuses_a_bad_result_type_before_sending(http, clock) -> None:
    api = client_for("4.2.0", clock)
    with pytest.raises(MastodonIllegalArgumentError, match="result_type"):
        api.search("cats", result_type="people")
    assert http.call_count == 0


def test_search_checks_arguments_before_asking_the_version(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="result_type"):
        api.search("cats", result_type="people")
    assert http.call_count == 0
