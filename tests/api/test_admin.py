"""Requests sent and values returned by the administration endpoints (docs: methods/admin/*.md)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from doc_fixtures import listed_keys

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import (
    Account,
    AdminAccount,
    AdminCanonicalEmailBlock,
    AdminDimension,
    AdminDomainAllow,
    AdminDomainBlock,
    AdminEmailDomainBlock,
    AdminIpBlock,
    AdminMeasure,
    AdminReport,
    AdminRetention,
    AdminTag,
    Status,
    TrendsLink,
)
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"
ADMIN = "methods/admin/"
START = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
END = dt.datetime(2024, 5, 31, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


# ---------------------------------------------------------------------------------------------
# Endpoints that send nothing but an id in the path

ONE_ID = [
    # method, HTTP method, path under /api/v1/admin, docs page, anchor, return type
    ("admin_account", "GET", "accounts/{}", "accounts", "get-one", AdminAccount),
    ("admin_account_enable", "POST", "accounts/{}/enable", "accounts", "enable", AdminAccount),
    ("admin_account_approve", "POST", "accounts/{}/approve", "accounts", "approve", AdminAccount),
    ("admin_account_reject", "POST", "accounts/{}/reject", "accounts", "reject", AdminAccount),
    ("admin_account_unsilence", "POST", "accounts/{}/unsilence", "accounts", "unsilence", AdminAccount),
    ("admin_account_unsuspend", "POST", "accounts/{}/unsuspend", "accounts", "unsuspend", AdminAccount),
    ("admin_account_delete", "DELETE", "accounts/{}", "accounts", "delete", AdminAccount),
    ("admin_account_unsensitive", "POST", "accounts/{}/unsensitive", "accounts", "unsensitive", AdminAccount),
    ("admin_report", "GET", "reports/{}", "reports", "get-one", AdminReport),
    ("admin_report_assign", "POST", "reports/{}/assign_to_self", "reports", "assign_to_self", AdminReport),
    ("admin_report_unassign", "POST", "reports/{}/unassign", "reports", "unassign", AdminReport),
    ("admin_report_reopen", "POST", "reports/{}/reopen", "reports", "reopen", AdminReport),
    ("admin_report_resolve", "POST", "reports/{}/resolve", "reports", "resolve", AdminReport),
    # approve / reject are not in the docs; the answer is the entity the trends list holds
    ("admin_approve_trending_link", "POST", "trends/links/{}/approve", "trends", "links", TrendsLink),
    ("admin_reject_trending_link", "POST", "trends/links/{}/reject", "trends", "links", TrendsLink),
    ("admin_approve_trending_status", "POST", "trends/statuses/{}/approve", "trends", "statuses", Status),
    ("admin_reject_trending_status", "POST", "trends/statuses/{}/reject", "trends", "statuses", Status),
    ("admin_approve_trending_tag", "POST", "trends/tags/{}/approve", "trends", "tags", AdminTag),
    ("admin_reject_trending_tag", "POST", "trends/tags/{}/reject", "trends", "tags", AdminTag),
    ("admin_domain_blocks", "GET", "domain_blocks/{}", "domain_blocks", "get-one", AdminDomainBlock),
    ("admin_domain_allow", "GET", "domain_allows/{}", "domain_allows", "get-one", AdminDomainAllow),
    ("admin_canonical_email_block", "GET", "canonical_email_blocks/{}", "canonical_email_blocks", "get-one",
     AdminCanonicalEmailBlock),
    ("admin_delete_canonical_email_block", "DELETE", "canonical_email_blocks/{}", "canonical_email_blocks", "delete",
     AdminCanonicalEmailBlock),
    ("admin_email_domain_block", "GET", "email_domain_blocks/{}", "email_domain_blocks", "get-one",
     AdminEmailDomainBlock),
    ("admin_ip_block", "GET", "ip_blocks/{}", "ip_blocks", "get-one", AdminIpBlock),
]  # fmt: skip


@pytest.mark.parametrize(("name", "verb", "path", "page", "anchor", "returns"), ONE_ID, ids=[r[0] for r in ONE_ID])
def test_one_id_endpoints_send_the_id_in_the_path_and_convert_the_answer(
    api: Mastodon, http, example, name, verb, path, page, anchor, returns
) -> None:
    """Paths and answers as methods/admin/<page>.md documents them; an entity works as its id."""
    body = example(ADMIN + page + ".md", anchor)
    body = body[0] if isinstance(body, list) else body
    http.register_uri(verb, f"{BASE}/api/v1/admin/{path.format('10%2F9')}", json=body)
    http.register_uri(verb, f"{BASE}/api/v1/admin/{path.format(11)}", json=body)
    result = getattr(api, name)("10/9")
    # Declared fields the answer leaves out are there as None, as in Mastodon.py.
    assert isinstance(result, returns) and set(result) == set(body) | set(returns._fields)
    assert result.get("id") == body.get("id")
    request = http.last_request
    assert request.method == verb and request.query == "" and not request.body
    getattr(api, name)({"id": 11})
    assert http.call_count == 2


def test_admin_account_converts_nested_entities(api: Mastodon, http, example) -> None:
    """methods/admin/accounts.md#get-one: an Admin::Account holds the user-level Account."""
    body = example(ADMIN + "accounts.md", "get-one")
    http.get(f"{BASE}/api/v1/admin/accounts/{body['id']}", json=body)
    account = api.admin_account(body["id"])
    assert isinstance(account.account, Account)
    assert account.created_at == dt.datetime.fromisoformat(body["created_at"].replace("Z", "+00:00"))


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("admin_delete_domain_block", "domain_blocks"),
        ("admin_delete_domain_allow", "domain_allows"),
        ("admin_delete_email_domain_block", "email_domain_blocks"),
        ("admin_delete_ip_block", "ip_blocks"),
    ],
)
def test_deletes_return_nothing(api: Mastodon, http, example, name, path) -> None:
    """methods/admin/<path>.md#delete: DELETE by id; Mastodon.py returns None whatever the answer."""
    http.delete(f"{BASE}/api/v1/admin/{path}/5", json=example(ADMIN + path + ".md", "delete"))
    assert getattr(api, name)({"id": "5"}) is None
    assert http.last_request.method == "DELETE" and not http.last_request.body


# ---------------------------------------------------------------------------------------------
# Accounts


def test_admin_accounts_v1_sends_the_status_as_a_flag(api: Mastodon, http, example, query) -> None:
    """methods/admin/accounts.md#v1: boolean filters local/remote/active/.../staff, by_domain, limit."""
    http.get(f"{BASE}/api/v1/admin/accounts", json=example(ADMIN + "accounts.md", "v1"))
    accounts = api.admin_accounts_v1(
        remote=True, by_domain="https://example.org", status="pending", username="al", staff_only=True, limit=5
    )
    assert isinstance(accounts, PaginatableList) and all(isinstance(a, AdminAccount) for a in accounts)
    assert query(http.last_request) == [
        ("by_domain", "example.org"),
        ("username", "al"),
        ("limit", "5"),
        ("remote", "1"),
        ("staff", "1"),
        ("pending", "1"),
    ]


def test_admin_accounts_is_the_v1_request(api: Mastodon, http, example, query) -> None:
    """Mastodon.py's admin_accounts always calls v1 (methods/admin/accounts.md#v1); default: active, local."""
    http.get(f"{BASE}/api/v1/admin/accounts", json=example(ADMIN + "accounts.md", "v1"))
    accounts = api.admin_accounts()
    assert isinstance(accounts[0], AdminAccount)
    assert query(http.last_request) == [("active", "1")]
    api.admin_accounts(False, None, "silenced", max_id="77", limit=2)
    assert query(http.last_request) == [("max_id", "77"), ("limit", "2"), ("silenced", "1")]


def test_admin_accounts_v2_sends_filters_and_paginates(api: Mastodon, http, example, query) -> None:
    """methods/admin/accounts.md#v2: origin, status, permissions, invited_by, role_ids[]; Link pagination."""
    next_link = f'<{BASE}/api/v2/admin/accounts?max_id=108965218747268792>; rel="next"'
    http.get(f"{BASE}/api/v2/admin/accounts", json=example(ADMIN + "accounts.md", "v2"), headers={"Link": next_link})
    accounts = api.admin_accounts_v2(
        origin="remote",
        by_domain="http://example.org",
        status="active",
        permissions="staff",
        invited_by={"id": "7"},
        role_ids=["1", {"id": "2"}],
        since_id=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
    )
    assert isinstance(accounts, PaginatableList) and isinstance(accounts[0], AdminAccount)
    assert query(http.last_request) == [
        ("origin", "remote"),
        ("by_domain", "example.org"),
        ("status", "active"),
        ("permissions", "staff"),
        ("invited_by", "7"),
        ("since_id", str((int(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc).timestamp()) << 16) * 1000)),
        ("role_ids[]", "1"),  # lists last, as Mastodon.py 2.3.3 sends them
        ("role_ids[]", "2"),
    ]
    assert accounts._pagination_next is not None and accounts._pagination_next["max_id"] == 108965218747268792


def test_admin_accounts_v2_takes_a_single_role_id(api: Mastodon, http, example, query) -> None:
    """methods/admin/accounts.md#v2: role_ids[] is an array; one id is sent as a list of one."""
    http.get(f"{BASE}/api/v2/admin/accounts", json=example(ADMIN + "accounts.md", "v2"))
    api.admin_accounts_v2(role_ids="3")
    assert query(http.last_request) == [("role_ids[]", "3")]


def test_admin_account_moderate_defaults_to_a_warning(api: Mastodon, http, example, form) -> None:
    """methods/admin/accounts.md#action: type is required; none is a warning; returns nothing."""
    http.post(f"{BASE}/api/v1/admin/accounts/42/action", json=example(ADMIN + "accounts.md", "action"))
    assert api.admin_account_moderate("42") is None
    assert form(http.last_request) == [("send_email_notification", "1"), ("type", "none")]


def test_admin_account_moderate_sends_its_parameters(api: Mastodon, http, form) -> None:
    """methods/admin/accounts.md#action: report_id, warning_preset_id, text; no email flag when False."""
    http.post(f"{BASE}/api/v1/admin/accounts/42/action", json={})
    api.admin_account_moderate({"id": "42"}, "suspend", {"id": "9"}, 3, "spam", send_email_notification=False)
    assert form(http.last_request) == [
        ("report_id", "9"),
        ("warning_preset_id", "3"),
        ("text", "spam"),
        ("type", "suspend"),
    ]


# ---------------------------------------------------------------------------------------------
# Reports


def test_admin_reports_default_asks_for_nothing(api: Mastodon, http, example, query) -> None:
    """methods/admin/reports.md#get: unresolved reports by default; resolved=False is not sent."""
    http.get(f"{BASE}/api/v1/admin/reports", json=example(ADMIN + "reports.md", "get"))
    reports = api.admin_reports()
    assert isinstance(reports, PaginatableList) and isinstance(reports[0], AdminReport)
    assert isinstance(reports[0].account, AdminAccount)
    assert query(http.last_request) == []


def test_admin_reports_sends_filters(api: Mastodon, http, example, query) -> None:
    """methods/admin/reports.md#get: resolved, account_id, target_account_id, limit (+ unresolved, 4.6)."""
    http.get(f"{BASE}/api/v1/admin/reports", json=example(ADMIN + "reports.md", "get"))
    api.admin_reports(True, {"id": "1"}, "2", limit=3, unresolved=True)
    assert query(http.last_request) == [
        ("resolved", "1"),
        ("account_id", "1"),
        ("target_account_id", "2"),
        ("limit", "3"),
        ("unresolved", "1"),
    ]


# ---------------------------------------------------------------------------------------------
# Trends


def test_admin_trending_tags(api: Mastodon, http, example, query) -> None:
    """methods/admin/trends.md#tags: Admin::Tag array, with the limit."""
    http.get(f"{BASE}/api/v1/admin/trends/tags", json=example(ADMIN + "trends.md", "tags"))
    tags = api.admin_trending_tags(limit=4)
    assert isinstance(tags, NonPaginatableList) and isinstance(tags[0], AdminTag)
    assert tags[0].requires_review is False
    assert query(http.last_request) == [("limit", "4")]


def test_admin_trending_statuses(api: Mastodon, http, example) -> None:
    """methods/admin/trends.md#statuses: a Status array, no parameters."""
    http.get(f"{BASE}/api/v1/admin/trends/statuses", json=example(ADMIN + "trends.md", "statuses"))
    statuses = api.admin_trending_statuses()
    assert isinstance(statuses, NonPaginatableList) and isinstance(statuses[0], Status)
    assert http.last_request.query == ""


def test_admin_trending_links(api: Mastodon, http, example) -> None:
    """methods/admin/trends.md#links: a Trends::Link array, no parameters."""
    http.get(f"{BASE}/api/v1/admin/trends/links", json=example(ADMIN + "trends.md", "links"))
    links = api.admin_trending_links()
    assert isinstance(links, NonPaginatableList) and isinstance(links[0], TrendsLink)
    assert http.last_request.query == ""


# ---------------------------------------------------------------------------------------------
# Domain blocks and allows


def test_admin_domain_blocks_lists_without_a_trailing_slash(api: Mastodon, http, example, query) -> None:
    """methods/admin/domain_blocks.md#get: GET /api/v1/admin/domain_blocks with pagination parameters."""
    http.get(f"{BASE}/api/v1/admin/domain_blocks", json=example(ADMIN + "domain_blocks.md", "get"))
    blocks = api.admin_domain_blocks(max_id="20", limit=10)
    assert isinstance(blocks, PaginatableList) and isinstance(blocks[0], AdminDomainBlock)
    assert query(http.last_request) == [("max_id", "20"), ("limit", "10")]
    assert urlsplit(http.last_request.url).path == "/api/v1/admin/domain_blocks"


def test_admin_create_domain_block_sends_a_form(api: Mastodon, http, example, form) -> None:
    """methods/admin/domain_blocks.md#create: domain, severity, reject_*, comments, obfuscate."""
    http.post(f"{BASE}/api/v1/admin/domain_blocks", json=example(ADMIN + "domain_blocks.md", "create"))
    block = api.admin_create_domain_block("example.org", "suspend", True, False, "private", "public", obfuscate=True)
    assert isinstance(block, AdminDomainBlock)
    assert form(http.last_request) == [
        ("domain", "example.org"),
        ("severity", "suspend"),
        ("reject_media", "1"),
        ("reject_reports", "0"),
        ("private_comment", "private"),
        ("public_comment", "public"),
        ("obfuscate", "1"),
    ]


def test_admin_update_domain_block_puts_only_what_is_given(api: Mastodon, http, example, form) -> None:
    """methods/admin/domain_blocks.md#update: PUT /api/v1/admin/domain_blocks/:id."""
    http.put(f"{BASE}/api/v1/admin/domain_blocks/3", json=example(ADMIN + "domain_blocks.md", "update"))
    block = api.admin_update_domain_block({"id": "3"}, severity="noop", public_comment="ok")
    assert isinstance(block, AdminDomainBlock)
    assert form(http.last_request) == [("severity", "noop"), ("public_comment", "ok")]


def test_admin_domain_allows(api: Mastodon, http, example, query) -> None:
    """methods/admin/domain_allows.md#get: an Admin::DomainAllow array, paginated."""
    http.get(f"{BASE}/api/v1/admin/domain_allows", json=example(ADMIN + "domain_allows.md", "get"))
    allows = api.admin_domain_allows(min_id="1", since_id="2")
    assert isinstance(allows, PaginatableList) and isinstance(allows[0], AdminDomainAllow)
    assert query(http.last_request) == [("min_id", "1"), ("since_id", "2")]


def test_admin_create_domain_allow(api: Mastodon, http, example, form) -> None:
    """methods/admin/domain_allows.md#create: the domain in a form."""
    http.post(f"{BASE}/api/v1/admin/domain_allows", json=example(ADMIN + "domain_allows.md", "create"))
    assert isinstance(api.admin_create_domain_allow("example.org"), AdminDomainAllow)
    assert form(http.last_request) == [("domain", "example.org")]


# ---------------------------------------------------------------------------------------------
# Canonical email blocks, email domain blocks, IP blocks


def test_admin_canonical_email_blocks(api: Mastodon, http, example, query) -> None:
    """methods/admin/canonical_email_blocks.md#get: an array, paginated."""
    http.get(f"{BASE}/api/v1/admin/canonical_email_blocks", json=example(ADMIN + "canonical_email_blocks.md", "get"))
    blocks = api.admin_canonical_email_blocks(limit=1)
    assert isinstance(blocks, PaginatableList) and isinstance(blocks[0], AdminCanonicalEmailBlock)
    assert query(http.last_request) == [("limit", "1")]


def test_admin_test_canonical_email_block(api: Mastodon, http, example, form) -> None:
    """methods/admin/canonical_email_blocks.md#test: POST the email; the matching blocks come back."""
    http.post(
        f"{BASE}/api/v1/admin/canonical_email_blocks/test", json=example(ADMIN + "canonical_email_blocks.md", "test")
    )
    matches = api.admin_test_canonical_email_block("Some.One+x@example.org")
    assert isinstance(matches, NonPaginatableList) and isinstance(matches[0], AdminCanonicalEmailBlock)
    assert form(http.last_request) == [("email", "Some.One+x@example.org")]


@pytest.mark.parametrize(
    ("kwargs", "sent"),
    [
        ({"email": "a@example.org"}, [("email", "a@example.org")]),
        ({"canonical_email_hash": "b0c1"}, [("canonical_email_hash", "b0c1")]),
    ],
)
def test_admin_create_canonical_email_block(api: Mastodon, http, example, form, kwargs, sent) -> None:
    """methods/admin/canonical_email_blocks.md#create: email or canonical_email_hash."""
    http.post(
        f"{BASE}/api/v1/admin/canonical_email_blocks", json=example(ADMIN + "canonical_email_blocks.md", "create")
    )
    assert isinstance(api.admin_create_canonical_email_block(**kwargs), AdminCanonicalEmailBlock)
    assert form(http.last_request) == sent


def test_admin_email_domain_blocks(api: Mastodon, http, example) -> None:
    """methods/admin/email_domain_blocks.md#get: an array with usage history."""
    http.get(f"{BASE}/api/v1/admin/email_domain_blocks", json=example(ADMIN + "email_domain_blocks.md", "get"))
    blocks = api.admin_email_domain_blocks()
    assert isinstance(blocks, PaginatableList) and isinstance(blocks[0], AdminEmailDomainBlock)
    assert http.last_request.query == ""


def test_admin_create_email_domain_block(api: Mastodon, http, example, form) -> None:
    """methods/admin/email_domain_blocks.md#create: the domain in a form."""
    http.post(f"{BASE}/api/v1/admin/email_domain_blocks", json=example(ADMIN + "email_domain_blocks.md", "create"))
    assert isinstance(api.admin_create_email_domain_block("spam.example"), AdminEmailDomainBlock)
    assert form(http.last_request) == [("domain", "spam.example")]


def test_admin_ip_blocks(api: Mastodon, http, example, query) -> None:
    """methods/admin/ip_blocks.md#get: an array, paginated with the Link header."""
    link = f'<{BASE}/api/v1/admin/ip_blocks?min_id=4>; rel="prev"'
    http.get(f"{BASE}/api/v1/admin/ip_blocks", json=example(ADMIN + "ip_blocks.md", "get"), headers={"Link": link})
    blocks = api.admin_ip_blocks(limit=2)
    assert isinstance(blocks, PaginatableList) and isinstance(blocks[0], AdminIpBlock)
    assert blocks._pagination_prev is not None and blocks._pagination_prev["min_id"] == 4
    assert query(http.last_request) == [("limit", "2")]


def test_admin_create_ip_block(api: Mastodon, http, example, form) -> None:
    """methods/admin/ip_blocks.md#create: ip, severity, comment, expires_in."""
    http.post(f"{BASE}/api/v1/admin/ip_blocks", json=example(ADMIN + "ip_blocks.md", "create"))
    block = api.admin_create_ip_block("8.8.8.8/32", "no_access", "bad", 3600)
    assert isinstance(block, AdminIpBlock)
    assert form(http.last_request) == [
        ("ip", "8.8.8.8/32"),
        ("severity", "no_access"),
        ("comment", "bad"),
        ("expires_in", "3600"),
    ]


def test_admin_update_ip_block(api: Mastodon, http, example, form) -> None:
    """methods/admin/ip_blocks.md#update: PUT with the fields given."""
    http.put(f"{BASE}/api/v1/admin/ip_blocks/1", json=example(ADMIN + "ip_blocks.md", "update"))
    block = api.admin_update_ip_block("1", severity="sign_up_block", expires_in=60)
    assert isinstance(block, AdminIpBlock)
    assert form(http.last_request) == [("severity", "sign_up_block"), ("expires_in", "60")]


# ---------------------------------------------------------------------------------------------
# Measures, dimensions, retention


def _docs_keys(page: str) -> list[str]:
    """The ``- `key` = ...`` list under ``keys[]`` in methods/admin/<page>.md."""
    return listed_keys(f"methods/admin/{page}.md")


def test_admin_measures_sends_json_with_keys_and_per_key_parameters(api: Mastodon, http, example) -> None:
    """methods/admin/measures.md#get: keys[], start_at, end_at, tag_*[id], instance_*[domain]."""
    http.post(f"{BASE}/api/v1/admin/measures", json=example(ADMIN + "measures.md", "get"))
    measures = api.admin_measures(
        START, END, active_users=True, tag_uses={"id": "12"}, instance_statuses="https://example.org/about"
    )
    assert isinstance(measures, NonPaginatableList) and isinstance(measures[0], AdminMeasure)
    assert http.last_request.headers["Content-Type"] == "application/json"
    assert http.last_request.json() == {
        "tag_uses": {"id": "12"},
        "instance_statuses": {"domain": "example.org"},
        "keys": ["active_users", "tag_uses", "instance_statuses"],
        "start_at": "2024-05-01T00:00:00+00:00",
        "end_at": "2024-05-31T10:30:00+00:00",
    }


def test_admin_measures_can_ask_for_every_documented_key(api: Mastodon, http) -> None:
    """methods/admin/measures.md#get: each parameter asks for exactly one documented key, in docs order."""
    http.post(f"{BASE}/api/v1/admin/measures", json=[])
    flags = dict.fromkeys(["active_users", "new_users", "interactions", "opened_reports", "resolved_reports"], True)
    tags = dict.fromkeys(["tag_accounts", "tag_uses", "tag_servers"], "5")
    instances = dict.fromkeys(
        [
            "instance_accounts",
            "instance_media_attachments",
            "instance_reports",
            "instance_statuses",
            "instance_follows",
            "instance_followers",
        ],
        "example.org",
    )
    api.admin_measures(START, END, **flags, **tags, **instances)
    assert http.last_request.json()["keys"] == _docs_keys("measures")


def test_admin_dimensions_sends_json_with_keys_and_limit(api: Mastodon, http, example) -> None:
    """methods/admin/dimensions.md#get: keys[], limit, start_at, end_at, tag_*[id], instance_*[domain]."""
    http.post(f"{BASE}/api/v1/admin/dimensions", json=example(ADMIN + "dimensions.md", "get"))
    dimensions = api.admin_dimensions(START, END, limit=2, languages=True, tag_servers="8", instance_accounts="x.org")
    assert isinstance(dimensions, NonPaginatableList) and isinstance(dimensions[0], AdminDimension)
    assert http.last_request.json() == {
        "tag_servers": {"id": "8"},
        "instance_accounts": {"domain": "x.org"},
        "keys": ["languages", "tag_servers", "instance_accounts"],
        "limit": 2,
        "start_at": "2024-05-01T00:00:00+00:00",
        "end_at": "2024-05-31T10:30:00+00:00",
    }


def test_admin_dimensions_can_ask_for_every_documented_key(api: Mastodon, http) -> None:
    """methods/admin/dimensions.md#get: each parameter asks for exactly one documented key, in docs order."""
    http.post(f"{BASE}/api/v1/admin/dimensions", json=[])
    flags = dict.fromkeys(["languages", "sources", "servers", "space_usage", "software_versions"], True)
    api.admin_dimensions(
        START, END, None, **flags, tag_servers="1", tag_languages="2", instance_accounts="a", instance_languages="b"
    )
    assert http.last_request.json()["keys"] == _docs_keys("dimensions")


def test_admin_retention_sends_a_form(api: Mastodon, http, example, form) -> None:
    """methods/admin/retention.md#create: start_at, end_at, frequency; an Admin::Cohort array."""
    http.post(f"{BASE}/api/v1/admin/retention", json=example(ADMIN + "retention.md", "create"))
    cohorts = api.admin_retention(START, END, "month")
    assert isinstance(cohorts, NonPaginatableList) and isinstance(cohorts[0], AdminRetention)
    assert cohorts[0].period == dt.datetime(2022, 9, 1, tzinfo=dt.timezone.utc)
    assert form(http.last_request) == [
        ("start_at", "2024-05-01T00:00:00+00:00"),
        ("end_at", "2024-05-31T10:30:00+00:00"),
        ("frequency", "month"),
    ]


# ---------------------------------------------------------------------------------------------
# Refused before sending


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "problem"),
    [
        ("admin_accounts_v1", (), {"status": "sensitized"}, "status"),
        ("admin_accounts", (), {"status": "banned"}, "status"),
        ("admin_accounts_v2", (), {"origin": "everywhere"}, "origin"),
        ("admin_accounts_v2", (), {"status": "gone"}, "status"),
        ("admin_accounts_v2", (), {"permissions": "admin"}, "permissions"),
        ("admin_account", (None,), {}, "id"),
        ("admin_report", ("",), {}, "id"),
        ("admin_account_moderate", ("1",), {"action": "ban"}, "action"),
        (
            "admin_create_domain_block",
            ("https://example.org",),
            {},
            "starts with a scheme; give the bare name, .example.org.",
        ),
        ("admin_create_domain_block", (None,), {}, "domain"),
        ("admin_create_domain_block", ("example.org",), {"severity": "limit"}, "severity"),
        ("admin_update_domain_block", ("1",), {"severity": "ban"}, "severity"),
        ("admin_update_domain_block", (None,), {"severity": "noop"}, "id"),
        ("admin_delete_domain_block", (None,), {}, "id"),
        ("admin_create_ip_block", ("1.2.3.4/32", "block"), {}, "severity"),
        ("admin_update_ip_block", ("1",), {"severity": "everything"}, "severity"),
        ("admin_create_canonical_email_block", (), {}, "email"),
        ("admin_measures", (START, END), {}, "at least one"),
        ("admin_measures", ("2024-05-01", END), {"active_users": True}, "start_at"),
        ("admin_measures", (START, END), {"active_users": "yes"}, "active_users"),
        ("admin_measures", (START, END), {"instance_accounts": ""}, "instance_accounts"),
        ("admin_measures", (START, END), {"tag_uses": {"name": "cats"}}, "tag_uses"),
        ("admin_dimensions", (START, END), {"limit": 3}, "at least one"),
        ("admin_dimensions", (START, None), {"languages": True}, "end_at"),
        ("admin_retention", (START, END), {"frequency": "week"}, "frequency"),
        ("admin_retention", (START, dt.date(2024, 6, 1)), {}, "end_at"),
    ],
)
def test_bad_input_is_refused_before_sending(api: Mastodon, http, name, args, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        getattr(api, name)(*args, **kwargs)
    assert http.call_count == 0
