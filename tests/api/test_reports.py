"""Requests sent and values returned by the report endpoints (docs: methods/reports.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonVersionError
from mastodon.return_types import Account, Report, Status
from mastodon.types_base import NonPaginatableList

BASE = "https://mastodon.example"


def test_report_sends_a_form_with_lists(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/reports", json=example("methods/reports.md", "post"))
    report = api.report(
        Account._from_json({"id": "7"}),
        [Status._from_json({"id": "100"}), "101"],
        comment="spam bot",
        forward=True,
        category="violation",
        rule_ids=[{"id": "3"}, "4"],
        forward_to_domains=["remote.example"],
        collection_ids=["55"],
    )
    assert isinstance(report, Report) and report.id == "48914"
    assert form(http.last_request) == [
        ("account_id", "7"),
        ("comment", "spam bot"),
        ("forward", "1"),
        ("category", "violation"),
        ("status_ids[]", "100"),  # lists last, as Mastodon.py 2.3.3 sends them
        ("status_ids[]", "101"),
        ("rule_ids[]", "3"),
        ("rule_ids[]", "4"),
        ("forward_to_domains[]", "remote.example"),
        ("collection_ids[]", "55"),
    ]


def test_report_minimal_drops_forward_false_and_wraps_one_status(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/reports", json=example("methods/reports.md", "post"))
    api.report("7", "100", category="legal")
    assert form(http.last_request) == [("account_id", "7"), ("category", "legal"), ("status_ids[]", "100")]


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [({"category": "abuse"}, "category"), ({"rule_ids": "3"}, "rule_ids"), ({"forward_to_domains": "a.b"}, "forward")],
)
def test_report_refuses_bad_input(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.report("7", **kwargs)
    assert http.call_count == 0


def test_reports_on_an_old_server(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", status_code=404)
    http.get(f"{BASE}/api/v1/instance", json={"version": "2.4.0"})
    http.get(f"{BASE}/api/v1/reports", json=[example("methods/reports.md", "post")])
    result = api.reports()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Report)


def test_reports_is_refused_from_2_5(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.0.0"})
    with pytest.raises(MastodonVersionError, match=r"2\.5\.0"):
        api.reports()
    assert [request.path for request in http.request_history] == ["/api/v2/instance"]
