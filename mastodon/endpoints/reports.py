"""Reports of accounts and statuses to the moderators."""

from __future__ import annotations

from typing import get_args

from .._core import Core, ListOf
from .._encode import id_of, ids_of
from .._validate import check_choice
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, MastodonVersionError
from ..literals import ReportCategory
from ..return_types import Account, Collection, Report, Rule, Status
from ..types_base import IdType, NonPaginatableList, PrimitiveIdType

__all__ = ["ReportsMixin"]

REPORT_CATEGORIES: tuple[str, ...] = get_args(ReportCategory)


class ReportsMixin(Core):
    """Endpoints under ``/api/v1/reports``."""

    @api_version("1.1.0", "1.1.0")
    def reports(self) -> NonPaginatableList[Report]:
        """The reports you filed; the server removed this in 2.5.0, so newer servers are refused before asking."""
        if self._server_at_least("2.5.0"):
            raise MastodonVersionError(
                "GET /api/v1/reports was removed in Mastodon 2.5.0 and this server is newer; "
                "moderators can list reports with admin_reports()"
            )
        return self._get("/api/v1/reports", ListOf(Report))

    @api_version("1.1.0", "4.6.0")
    def report(
        self,
        account_id: Account | IdType | PrimitiveIdType,
        status_ids: list[Status | IdType | PrimitiveIdType] | Status | IdType | PrimitiveIdType | None = None,
        comment: str | None = None,
        forward: bool = False,
        category: ReportCategory | None = None,
        rule_ids: list[Rule | IdType | PrimitiveIdType] | None = None,
        forward_to_domains: list[str] | None = None,
        collection_ids: list[Collection | IdType | PrimitiveIdType] | None = None,
    ) -> Report:
        """Report an account (and some of its statuses or collections) to your server's moderators.

        ``category`` is ``spam``, ``legal`` (4.2), ``violation`` (with ``rule_ids``, from the instance's
        rules) or ``other``; ``forward`` sends a copy to the account's server, ``forward_to_domains``
        to the servers of accounts the statuses mention.
        """
        if category is not None:
            check_choice("category", category, REPORT_CATEGORIES)
        if status_ids is not None and not isinstance(status_ids, (list, tuple)):
            status_ids = [status_ids]
        for name, values in (("rule_ids", rule_ids), ("forward_to_domains", forward_to_domains)):
            if values is not None and not isinstance(values, (list, tuple)):
                raise MastodonIllegalArgumentError(f"{name} must be a list, not {type(values).__name__}")
        return self._post(
            "/api/v1/reports",
            Report,
            account_id=id_of(account_id, "account_id"),
            status_ids=ids_of(status_ids, "status_ids") if status_ids is not None else None,
            comment=comment,
            forward=forward or None,
            category=category,
            rule_ids=ids_of(rule_ids, "rule_ids") if rule_ids is not None else None,
            forward_to_domains=forward_to_domains,
            collection_ids=ids_of(collection_ids, "collection_ids") if collection_ids is not None else None,
        )
