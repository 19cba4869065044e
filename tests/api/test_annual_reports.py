"""Requests sent and values returned by the annual report endpoints (docs: methods/annual_reports.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import AnnualReport, AnnualReportState, EmptyResponse, WrappedAnnualReports

BASE = "https://mastodon.example"


def test_annual_reports(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/annual_reports", json=example("methods/annual_reports.md", "index"))
    result = api.annual_reports()
    assert isinstance(result, WrappedAnnualReports) and isinstance(result.annual_reports[0], AnnualReport)


def test_annual_report(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/annual_reports/2024", json=example("methods/annual_reports.md", "get"))
    result = api.annual_report(2024)
    assert isinstance(result, WrappedAnnualReports)
    api.annual_report("2024")
    assert http.call_count == 2


def test_annual_report_state(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/annual_reports/2025/state", json=example("methods/annual_reports.md", "get-state"))
    result = api.annual_report_state(2025)
    assert isinstance(result, AnnualReportState) and result.state == "available"


def test_annual_report_read(api: Mastodon, http) -> None:
    http.post(f"{BASE}/api/v1/annual_reports/2024/read", text="")
    assert api.annual_report_read(2024) is None
    assert http.last_request.body is None


def test_annual_report_generate(api: Mastodon, http) -> None:
    http.post(f"{BASE}/api/v1/annual_reports/2025/generate", json={})
    result = api.annual_report_generate(2025)
    assert isinstance(result, EmptyResponse) and result == {}


@pytest.mark.parametrize(
    "method", ["annual_report", "annual_report_state", "annual_report_read", "annual_report_generate"]
)
@pytest.mark.parametrize("year", ["last", None, True, -1, "20/24"])
def test_annual_report_methods_refuse_bad_years(api: Mastodon, http, method, year) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="year"):
        getattr(api, method)(year)
    assert http.call_count == 0
