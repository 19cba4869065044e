"""Requests sent and values returned by the instance-wide endpoints.

Docs: methods/instance.md, methods/health.md, methods/directory.md, methods/custom_emojis.md,
methods/announcements.md; NodeInfo: https://github.com/jhass/nodeinfo (schema 2.0).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.return_types import (
    Account,
    Activity,
    Announcement,
    CustomEmoji,
    DomainBlock,
    ExtendedDescription,
    Instance,
    InstanceV2,
    Nodeinfo,
    Rule,
    SupportedLocale,
    TermsOfService,
)
from mastodon.types_base import AttribAccessDict, NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"
NODEINFO_20 = "http://nodeinfo.diaspora.software/ns/schema/2.0"
NODEINFO_DOCUMENT = {
    "version": "2.0",
    "software": {"name": "mastodon", "version": "4.3.0"},
    "protocols": ["activitypub"],
    "services": {"outbound": [], "inbound": []},
    "usage": {"users": {"total": 10, "activeMonth": 3, "activeHalfyear": 5}, "localPosts": 99},
    "openRegistrations": False,
    "metadata": {},
}


# --- the instance documents that were here first (#v2, #v1) --------------------------------------


def test_instance_v2_and_v1(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("methods/instance.md", "v2"))
    http.get(f"{BASE}/api/v1/instance", json=example("methods/instance.md", "v1"))
    assert isinstance(api.instance_v2(), InstanceV2)
    assert isinstance(api.instance_v1(), Instance)
    assert isinstance(api.instance(), InstanceV2)


# --- GET /api/v1/instance/... (#activity, #peers, #rules, #domain_blocks, ...) ---------------------


def test_instance_activity(api: Mastodon, http, example, query) -> None:
    body = example("methods/instance.md", "activity")
    http.get(f"{BASE}/api/v1/instance/activity", json=body)
    weeks = api.instance_activity()
    assert isinstance(weeks, NonPaginatableList) and all(isinstance(week, Activity) for week in weeks)
    assert len(weeks) == len(body)
    assert weeks[0].week == dt.datetime.fromtimestamp(int(body[0]["week"]), dt.timezone.utc)
    assert http.last_request.method == "GET" and query(http.last_request) == []


def test_instance_peers_is_a_list_of_strings(api: Mastodon, http, example) -> None:
    body = example("methods/instance.md", "peers")
    http.get(f"{BASE}/api/v1/instance/peers", json=body)
    peers = api.instance_peers()
    assert isinstance(peers, NonPaginatableList) and peers == ["tilde.zone", "mspsocial.net", "conf.tube"]


def test_instance_peers_refuses_a_non_list_answer(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/instance/peers", json={"error": "no"})
    with pytest.raises(MastodonAPIError, match="str"):
        api.instance_peers()


def test_instance_peers_not_found_when_disabled(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/instance/peers", status_code=404, json={"error": "Record not found"})
    with pytest.raises(MastodonNotFoundError):
        api.instance_peers()


def test_instance_rules(api: Mastodon, http, example) -> None:
    body = example("methods/instance.md", "rules")
    http.get(f"{BASE}/api/v1/instance/rules", json=body)
    rules = api.instance_rules()
    assert isinstance(rules, NonPaginatableList) and all(isinstance(rule, Rule) for rule in rules)
    assert rules[0].id == body[0]["id"] and rules[0].text == body[0]["text"]


def test_instance_domain_blocks(api: Mastodon, http, example) -> None:
    body = example("methods/instance.md", "domain_blocks")
    http.get(f"{BASE}/api/v1/instance/domain_blocks", json=body)
    blocks = api.instance_domain_blocks()
    assert isinstance(blocks, NonPaginatableList) and all(isinstance(block, DomainBlock) for block in blocks)
    assert blocks[0].domain == body[0]["domain"]


def test_instance_extended_description(api: Mastodon, http, example) -> None:
    body = example("methods/instance.md", "extended_description")
    http.get(f"{BASE}/api/v1/instance/extended_description", json=body)
    description = api.instance_extended_description()
    assert isinstance(description, ExtendedDescription)
    assert description.updated_at == dt.datetime(2022, 11, 3, 4, 9, 7, tzinfo=dt.timezone.utc)


def test_instance_translation_languages(api: Mastodon, http, example) -> None:
    body = example("methods/instance.md", "translation_languages")
    http.get(f"{BASE}/api/v1/instance/translation_languages", json=body)
    pairs = api.instance_translation_languages()
    assert isinstance(pairs, AttribAccessDict) and pairs == {"en": ["de", "es"], "und": ["en-GB", "de", "es"]}
    assert isinstance(pairs["en"], NonPaginatableList) and pairs["und"][0] == "en-GB"


def test_instance_languages(api: Mastodon, http) -> None:
    """Not in the docs; Mastodon.py reads GET /api/v1/instance/languages as a list of {code, name}."""
    http.get(f"{BASE}/api/v1/instance/languages", json=[{"code": "en", "name": "English"}])
    languages = api.instance_languages()
    assert isinstance(languages, NonPaginatableList) and isinstance(languages[0], SupportedLocale)
    assert languages[0].name == "English"


# --- terms of service (#terms_of_service, #terms_of_service_date) ---------------------------------


def test_instance_terms_of_service(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/instance/terms_of_service", json=example("methods/instance.md", "terms_of_service"))
    terms = api.instance_terms_of_service()
    assert isinstance(terms, TermsOfService) and terms.effective is True
    assert query(http.last_request) == []


@pytest.mark.parametrize("day", [dt.date(2025, 4, 15), dt.datetime(2025, 4, 15, 13, 0, tzinfo=dt.timezone.utc)])
def test_instance_terms_of_service_of_a_day_sends_the_date(api: Mastodon, http, day, example, query) -> None:
    """Mastodon.py sends the day as ``?date=``; the server reads ``params[:date]`` from the query too."""
    body = example("methods/instance.md", "terms_of_service_date")
    http.get(f"{BASE}/api/v1/instance/terms_of_service", json=body)
    assert isinstance(api.instance_terms_of_service(day), TermsOfService)
    assert query(http.last_request) == [("date", "2025-04-15")]


def test_instance_terms_of_service_refuses_a_string(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="date"):
        api.instance_terms_of_service("2025-04-15")  # type: ignore[arg-type]
    assert http.call_count == 0


# --- GET /health (methods/health.md) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "healthy"),
    [("OK", True), ("success", True), ('{"status": "UP"}', True), ("degraded", False), ('{"status": "DOWN"}', False)],
)
def test_instance_health(api: Mastodon, http, answer, healthy) -> None:
    http.get(f"{BASE}/health", text=answer)
    assert api.instance_health() is healthy


def test_instance_health_docs_example_is_healthy(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/health", json=example("methods/health.md", "get"))
    assert api.instance_health() is True


def test_instance_health_raises_on_an_error_status(api: Mastodon, http) -> None:
    http.get(f"{BASE}/health", status_code=503, text="Service Unavailable")
    with pytest.raises(MastodonAPIError):
        api.instance_health()


# --- nodeinfo: /.well-known/nodeinfo, then the linked document -----------------------------------


def well_known(href: str, rel: str = NODEINFO_20) -> dict[str, Any]:
    return {
        "links": [
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": href + "x"},
            {"rel": rel, "href": href},
        ]
    }


def test_instance_nodeinfo_follows_the_well_known_link(api: Mastodon, http) -> None:
    http.get(f"{BASE}/.well-known/nodeinfo", json=well_known(f"{BASE}/nodeinfo/2.0"))
    http.get(f"{BASE}/nodeinfo/2.0", json=NODEINFO_DOCUMENT)
    info = api.instance_nodeinfo()
    assert isinstance(info, Nodeinfo) and info.software.name == "mastodon"
    assert [request.path for request in http.request_history] == ["/.well-known/nodeinfo", "/nodeinfo/2.0"]
    assert http.last_request.headers["Authorization"].startswith("Bearer ")


def test_instance_nodeinfo_on_another_host_goes_without_the_token(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/.well-known/nodeinfo", json=well_known("https://other.example/nodeinfo/2.0?x=1"))
    http.get("https://other.example/nodeinfo/2.0?x=1", json=NODEINFO_DOCUMENT)
    assert isinstance(api.instance_nodeinfo(), Nodeinfo)
    assert http.last_request.hostname == "other.example" and query(http.last_request) == [("x", "1")]
    assert "Authorization" not in http.last_request.headers


def test_instance_nodeinfo_falls_back_to_this_server(api: Mastodon, http) -> None:
    http.get(f"{BASE}/.well-known/nodeinfo", json=well_known("https://other.example/nodeinfo/2.0"))
    http.get("https://other.example/nodeinfo/2.0", status_code=404, json={"error": "Not found"})
    http.get(f"{BASE}/nodeinfo/2.0", json=NODEINFO_DOCUMENT)
    assert isinstance(api.instance_nodeinfo(), Nodeinfo)
    assert http.last_request.hostname == "mastodon.example"


def test_instance_nodeinfo_other_schema(api: Mastodon, http) -> None:
    rel = "http://nodeinfo.diaspora.software/ns/schema/2.1"
    http.get(f"{BASE}/.well-known/nodeinfo", json=well_known(f"{BASE}/nodeinfo/2.0"))
    http.get(f"{BASE}/nodeinfo/2.0x", json=dict(NODEINFO_DOCUMENT, version="2.1"))
    assert api.instance_nodeinfo(rel).version == "2.1"


def test_instance_nodeinfo_unknown_schema(api: Mastodon, http) -> None:
    http.get(f"{BASE}/.well-known/nodeinfo", json=well_known(f"{BASE}/nodeinfo/2.0"))
    with pytest.raises(MastodonIllegalArgumentError, match="schema"):
        api.instance_nodeinfo("http://nodeinfo.diaspora.software/ns/schema/9.9")
    assert http.call_count == 1


# --- GET /api/v1/directory (methods/directory.md#get) --------------------------------------------


def test_directory_uses_offset_pagination(api: Mastodon, http, example, query) -> None:
    body = example("methods/directory.md", "get")
    http.get(f"{BASE}/api/v1/directory", json=body)
    page = api.directory(offset=10, limit=2, order="new", local=True)
    assert isinstance(page, PaginatableList) and all(isinstance(account, Account) for account in page)
    assert query(http.last_request) == [("offset", "10"), ("limit", "2"), ("order", "new"), ("local", "1")]
    assert page._pagination_next is not None and page._pagination_next["offset"] == 12


def test_directory_sends_nothing_by_default(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/directory", json=[])
    api.directory()
    assert query(http.last_request) == []


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [({"order": "popular"}, "order"), ({"offset": -1}, "offset"), ({"limit": "two"}, "limit")],
)
def test_directory_refuses_bad_input(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.directory(**kwargs)
    assert http.call_count == 0


# --- GET /api/v1/custom_emojis (methods/custom_emojis.md#get) ------------------------------------


def test_custom_emojis(api: Mastodon, http, example) -> None:
    body = example("methods/custom_emojis.md", "get")
    http.get(f"{BASE}/api/v1/custom_emojis", json=body)
    emojis = api.custom_emojis()
    assert isinstance(emojis, NonPaginatableList) and all(isinstance(emoji, CustomEmoji) for emoji in emojis)
    assert emojis[0].shortcode == "aaaa"


# --- announcements (methods/announcements.md) ----------------------------------------------------


def test_announcements(api: Mastodon, http, example) -> None:
    body = example("methods/announcements.md", "get")
    http.get(f"{BASE}/api/v1/announcements", json=body)
    items = api.announcements()
    assert isinstance(items, NonPaginatableList) and isinstance(items[0], Announcement)
    assert items[0].id == body[0]["id"]


def test_announcement_dismiss(api: Mastodon, http) -> None:
    http.post(f"{BASE}/api/v1/announcements/8/dismiss", json={})
    assert api.announcement_dismiss(Announcement({"id": "8"})) is None
    assert http.last_request.method == "POST" and not http.last_request.body


def test_announcement_reaction_create_quotes_the_emoji(api: Mastodon, http) -> None:
    http.put(f"{BASE}/api/v1/announcements/8/reactions/%F0%9F%91%8D", json={})
    assert api.announcement_reaction_create("8", "👍") is None
    assert http.last_request.method == "PUT" and not http.last_request.body


def test_announcement_reaction_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/announcements/8/reactions/bongoCat", json={})
    assert api.announcement_reaction_delete(8, "bongoCat") is None
    assert http.last_request.method == "DELETE" and not http.last_request.body


@pytest.mark.parametrize("method", ["announcement_reaction_create", "announcement_reaction_delete"])
def test_announcement_reaction_needs_a_reaction(api: Mastodon, http, method) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="reaction"):
        getattr(api, method)("8", "")
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        getattr(api, method)(None, "x")
    assert http.call_count == 0
