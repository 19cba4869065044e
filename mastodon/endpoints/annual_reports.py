"""Annual reports (Wrapstodon)."""

from __future__ import annotations

from .._core import NOTHING, Core
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..return_types import AnnualReportState, EmptyResponse, WrappedAnnualReports

__all__ = ["AnnualReportsMixin"]


def _year(year: int | str) -> int:
    """A report year: an int, or a string of digits."""
    if isinstance(year, bool) or not isinstance(year, (int, str)) or not str(year).isdigit():
        raise MastodonIllegalArgumentError(f"year must be a year such as 2024, not {year!r}")
    return int(year)


class AnnualReportsMixin(Core):
    """Endpoints under ``/api/v1/annual_reports``."""

    @api_version("4.3.0", "4.3.0")
    def annual_reports(self) -> WrappedAnnualReports:
        """All of your generated annual reports, with the accounts and statuses they mention."""
        return self._get("/api/v1/annual_reports", WrappedAnnualReports)

    @api_version("4.4.0", "4.4.0")
    def annual_report(self, year: int) -> WrappedAnnualReports:
        """Your annual report for ``year``, if generated, with the accounts and statuses it mentions."""
        return self._get("/api/v1/annual_reports/{year}", WrappedAnnualReports, year=_year(year))

    @api_version("4.6.0", "4.6.0")
    def annual_report_state(self, year: int) -> AnnualReportState:
        """Whether the report for ``year`` is ``available``, ``generating``, ``eligible`` or ``ineligible`` (4.6)."""
        return self._get("/api/v1/annual_reports/{year}/state", AnnualReportState, year=_year(year))

    @api_version("4.3.0", "4.3.0")
    def annual_report_read(self, year: int) -> None:
        """Tell the server you have seen your ``year`` report, so it stops offering it."""
        return self._post("/api/v1/annual_reports/{year}/read", NOTHING, year=_year(year))

    @api_version("4.6.0", "4.6.0")
    def annual_report_generate(self, year: int) -> EmptyResponse:
        """Ask the server to generate your report for ``year`` (4.6); it may announce an async refresh to wait on."""
        return self._post("/api/v1/annual_reports/{year}/generate", EmptyResponse, year=_year(year))
