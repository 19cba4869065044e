"""Administration and moderation: accounts, reports, trends, federation and sign-up blocks, statistics.

Every endpoint here needs a token with ``admin:*`` scopes of a user whose role allows the action.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, get_args

from .._core import NOTHING, Core, ListOf, PageOf
from .._encode import id_of
from .._validate import check_choice, check_datetime
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..literals import (
    AdminAccountOrigin,
    AdminAccountStatus,
    DomainBlockSeverity,
    IPBlockSeverity,
    ModerationAction,
    RetentionFrequency,
)
from ..return_types import (
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
    PreviewCard,
    Status,
    Tag,
    TrendsLink,
)
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["AdminMixin"]

AccountId = Account | AdminAccount | IdType | PrimitiveIdType
ReportId = AdminReport | IdType | PrimitiveIdType
TagId = Tag | IdType | PrimitiveIdType
Bound = IdType | PrimitiveIdType | datetime | None

ACCOUNT_STATUSES: tuple[str, ...] = get_args(AdminAccountStatus)
ACCOUNT_ORIGINS: tuple[str, ...] = get_args(AdminAccountOrigin)
ACCOUNT_PERMISSIONS = ("staff",)
MODERATION_ACTIONS: tuple[str, ...] = get_args(ModerationAction)
DOMAIN_BLOCK_SEVERITIES: tuple[str, ...] = get_args(DomainBlockSeverity)
IP_BLOCK_SEVERITIES: tuple[str, ...] = get_args(IPBlockSeverity)
RETENTION_FREQUENCIES: tuple[str, ...] = get_args(RetentionFrequency)


def _without_protocol(value: str) -> str:
    """``https://example.com`` -> ``example.com``, as Mastodon.py strips domains."""
    for prefix in ("http://", "https://", "onion://"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value


def _statistics_request(
    what: str, flags: Mapping[str, bool], tags: Mapping[str, Any], instances: Mapping[str, str | None]
) -> tuple[list[str], dict[str, Any]]:
    """The ``keys`` of a measures / dimensions request and the per-key parameters, checked.

    Flags (``True``) name a key; a tag id sends ``key: {"id": ...}``; a domain sends ``key: {"domain": ...}``
    (protocol and path removed). At least one key must be asked for.
    """
    keys: list[str] = []
    per_key: dict[str, Any] = {}
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            raise MastodonIllegalArgumentError(f"{key} must be a bool, not {type(flag).__name__}")
        if flag:
            keys.append(key)
    for key, tag in tags.items():
        if tag is not None:
            keys.append(key)
            per_key[key] = {"id": id_of(tag, key)}
    for key, domain in instances.items():
        if domain is not None:
            if not isinstance(domain, str) or not domain.strip():
                raise MastodonIllegalArgumentError(f"{key} must be a domain name, not {domain!r}")
            keys.append(key)
            per_key[key] = {"domain": _without_protocol(domain.strip()).split("/")[0]}
    if not keys:
        raise MastodonIllegalArgumentError(f"No {what} was asked for: set at least one of the {what} flags to True")
    return keys, per_key


class AdminMixin(Core):
    """Endpoints under ``/api/v1/admin`` and ``/api/v2/admin``."""

    # -----------------------------------------------------------------------------------------
    # Accounts

    @api_version("2.9.1", "4.0.0")
    def admin_accounts_v2(
        self,
        origin: AdminAccountOrigin | None = None,
        by_domain: str | None = None,
        status: AdminAccountStatus | None = None,
        username: str | None = None,
        display_name: str | None = None,
        email: str | None = None,
        ip: str | None = None,
        permissions: str | None = None,
        invited_by: AccountId | None = None,
        role_ids: list[IdType | PrimitiveIdType] | IdType | PrimitiveIdType | None = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminAccount]:
        """Accounts matching the given filters (v2, Mastodon 3.5+): ``origin`` local/remote, ``status``, ...

        ``status`` is one of active, pending, disabled, silenced, suspended; ``permissions`` can be ``"staff"``.
        """
        if origin is not None:
            check_choice("origin", origin, ACCOUNT_ORIGINS)
        if status is not None:
            check_choice("status", status, ACCOUNT_STATUSES)
        if permissions is not None:
            check_choice("permissions", permissions, ACCOUNT_PERMISSIONS)
        return self._get(
            "/api/v2/admin/accounts",
            PageOf(AdminAccount),
            origin=origin,
            by_domain=_without_protocol(by_domain) if by_domain is not None else None,
            status=status,
            username=username,
            display_name=display_name,
            email=email,
            ip=ip,
            permissions=permissions,
            invited_by=invited_by,
            role_ids=role_ids if role_ids is None or isinstance(role_ids, (list, tuple)) else [role_ids],
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("2.9.1", "2.9.1")
    def admin_accounts(
        self,
        remote: bool = False,
        by_domain: str | None = None,
        status: str = "active",
        username: str | None = None,
        display_name: str | None = None,
        email: str | None = None,
        ip: str | None = None,
        staff_only: bool = False,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminAccount]:
        """Accounts matching the given filters; the same request as :meth:`admin_accounts_v1` (deprecated)."""
        return self.admin_accounts_v1(
            remote, by_domain, status, username, display_name, email, ip, staff_only, max_id, min_id, since_id, limit
        )

    @api_version("2.9.1", "2.9.1")
    def admin_accounts_v1(
        self,
        remote: bool = False,
        by_domain: str | None = None,
        status: str = "active",
        username: str | None = None,
        display_name: str | None = None,
        email: str | None = None,
        ip: str | None = None,
        staff_only: bool = False,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[AdminAccount]:
        """Accounts matching the given filters (v1, deprecated since 3.5): local ones unless ``remote``.

        ``status`` (active, pending, disabled, silenced, suspended) is sent as a flag of that name.
        """
        check_choice("status", status, ACCOUNT_STATUSES)
        return self._get(
            "/api/v1/admin/accounts",
            PageOf(AdminAccount),
            by_domain=_without_protocol(by_domain) if by_domain is not None else None,
            username=username,
            display_name=display_name,
            email=email,
            ip=ip,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            remote=remote or None,
            staff=staff_only or None,
            **{status: True},
        )

    @api_version("2.9.1", "2.9.1")
    def admin_account(self, id: AccountId) -> AdminAccount:
        """One account as moderators see it."""
        return self._get("/api/v1/admin/accounts/{id}", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_enable(self, id: AccountId) -> AdminAccount:
        """Re-enable login for a local account whose login was disabled."""
        return self._post("/api/v1/admin/accounts/{id}/enable", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_approve(self, id: AccountId) -> AdminAccount:
        """Approve a pending account."""
        return self._post("/api/v1/admin/accounts/{id}/approve", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_reject(self, id: AccountId) -> AdminAccount:
        """Reject and delete a pending account; returns the deleted account."""
        return self._post("/api/v1/admin/accounts/{id}/reject", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsilence(self, id: AccountId) -> AdminAccount:
        """Lift the silence on an account."""
        return self._post("/api/v1/admin/accounts/{id}/unsilence", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsuspend(self, id: AccountId) -> AdminAccount:
        """Lift the suspension of an account."""
        return self._post("/api/v1/admin/accounts/{id}/unsuspend", AdminAccount, id=id)

    @api_version("3.3.0", "3.3.0")
    def admin_account_delete(self, id: AccountId) -> AdminAccount:
        """Delete the data of a suspended local account (Mastodon 3.3+)."""
        return self._delete("/api/v1/admin/accounts/{id}", AdminAccount, id=id)

    @api_version("3.3.0", "3.3.0")
    def admin_account_unsensitive(self, id: AccountId) -> AdminAccount:
        """Stop forcing an account's media to be marked sensitive (Mastodon 3.3+)."""
        return self._post("/api/v1/admin/accounts/{id}/unsensitive", AdminAccount, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_account_moderate(
        self,
        id: AccountId,
        action: ModerationAction | None = None,
        report_id: ReportId | None = None,
        warning_preset_id: PrimitiveIdType | None = None,
        text: str | None = None,
        send_email_notification: bool | None = True,
    ) -> None:
        """Take a moderation action against an account and log it; resolves its open reports.

        ``action`` is none (a warning, the default), disable, silence, suspend or sensitive. ``report_id``
        closes that report with this action; ``warning_preset_id`` and ``text`` make up the message.
        """
        action = "none" if action is None else action
        check_choice("action", action, MODERATION_ACTIONS)
        self._post(
            "/api/v1/admin/accounts/{id}/action",
            NOTHING,
            id=id,
            report_id=report_id,
            warning_preset_id=warning_preset_id,
            text=text,
            send_email_notification=True if send_email_notification else None,
            type=action,
        )

    # -----------------------------------------------------------------------------------------
    # Reports

    @api_version("2.9.1", "4.6.0")
    def admin_reports(
        self,
        resolved: bool | None = False,
        account_id: AccountId | None = None,
        target_account_id: AccountId | None = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        unresolved: bool | None = None,
    ) -> PaginatableList[AdminReport]:
        """Reports, unresolved ones unless ``resolved``; both ``resolved`` and ``unresolved`` give all.

        ``account_id`` / ``target_account_id`` keep the reports filed by / about that account.
        """
        return self._get(
            "/api/v1/admin/reports",
            PageOf(AdminReport),
            resolved=resolved or None,
            account_id=account_id,
            target_account_id=target_account_id,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            unresolved=unresolved,
        )

    @api_version("2.9.1", "2.9.1")
    def admin_report(self, id: ReportId) -> AdminReport:
        """One report."""
        return self._get("/api/v1/admin/reports/{id}", AdminReport, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_report_assign(self, id: ReportId) -> AdminReport:
        """Assign a report to yourself."""
        return self._post("/api/v1/admin/reports/{id}/assign_to_self", AdminReport, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_report_unassign(self, id: ReportId) -> AdminReport:
        """Unassign a report from whoever handles it."""
        return self._post("/api/v1/admin/reports/{id}/unassign", AdminReport, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_report_reopen(self, id: ReportId) -> AdminReport:
        """Reopen a resolved report."""
        return self._post("/api/v1/admin/reports/{id}/reopen", AdminReport, id=id)

    @api_version("2.9.1", "2.9.1")
    def admin_report_resolve(self, id: ReportId) -> AdminReport:
        """Mark a report resolved without taking any action."""
        return self._post("/api/v1/admin/reports/{id}/resolve", AdminReport, id=id)

    # -----------------------------------------------------------------------------------------
    # Trends, including the ones not yet reviewed

    @api_version("3.5.0", "3.5.0")
    def admin_trending_tags(self, limit: int | None = None) -> NonPaginatableList[AdminTag]:
        """Trending tags with their review state, most trending first (Mastodon 4.0.x omits the admin fields)."""
        return self._get("/api/v1/admin/trends/tags", ListOf(AdminTag), limit=limit)

    @api_version("3.5.0", "3.5.0")
    def admin_trending_statuses(self) -> NonPaginatableList[Status]:
        """Trending statuses, including unapproved ones, most trending first."""
        return self._get("/api/v1/admin/trends/statuses", ListOf(Status))

    @api_version("3.5.0", "3.5.0")
    def admin_trending_links(self) -> NonPaginatableList[TrendsLink]:
        """Trending links, including unapproved ones, most trending first."""
        return self._get("/api/v1/admin/trends/links", ListOf(TrendsLink))

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_link(self, id: PreviewCard | IdType | PrimitiveIdType) -> TrendsLink:
        """Allow a link to trend (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/links/{id}/approve", TrendsLink, id=id)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_link(self, id: PreviewCard | IdType | PrimitiveIdType) -> TrendsLink:
        """Keep a link from trending (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/links/{id}/reject", TrendsLink, id=id)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_status(self, id: Status | IdType | PrimitiveIdType) -> Status:
        """Allow a status to trend (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/statuses/{id}/approve", Status, id=id)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_status(self, id: Status | IdType | PrimitiveIdType) -> Status:
        """Keep a status from trending (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/statuses/{id}/reject", Status, id=id)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_tag(self, id: TagId) -> AdminTag:
        """Allow a tag to trend (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/tags/{id}/approve", AdminTag, id=id)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_tag(self, id: TagId) -> AdminTag:
        """Keep a tag from trending (Mastodon 4.2+)."""
        return self._post("/api/v1/admin/trends/tags/{id}/reject", AdminTag, id=id)

    # -----------------------------------------------------------------------------------------
    # Federation: domain blocks and allows

    @api_version("4.0.0", "4.0.0")
    def admin_domain_blocks(
        self,
        id: AdminDomainBlock | IdType | PrimitiveIdType | None = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> AdminDomainBlock | PaginatableList[AdminDomainBlock]:
        """Domains blocked from federating, or with ``id`` the one block with that id."""
        if id is not None:
            return self._get("/api/v1/admin/domain_blocks/{id}", AdminDomainBlock, id=id)
        return self._get(
            "/api/v1/admin/domain_blocks",
            PageOf(AdminDomainBlock),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_block(
        self,
        domain: str,
        severity: DomainBlockSeverity | None = None,
        reject_media: bool | None = None,
        reject_reports: bool | None = None,
        private_comment: str | None = None,
        public_comment: str | None = None,
        obfuscate: bool | None = None,
    ) -> AdminDomainBlock:
        """Block a domain from federating; ``severity`` is silence (the server's default), suspend or noop.

        ``domain`` is a bare domain (no ``https://``); blocking a domain also blocks its subdomains.
        """
        if not isinstance(domain, str) or not domain:
            raise MastodonIllegalArgumentError(f"domain must be a domain name, not {domain!r}")
        if domain.startswith(("http://", "https://")):
            bare = domain.split("://", 1)[1].split("/", 1)[0]
            raise MastodonIllegalArgumentError(f"domain {domain!r} starts with a scheme; give the bare name, {bare!r}")
        if severity is not None:
            check_choice("severity", severity, DOMAIN_BLOCK_SEVERITIES)
        return self._post(
            "/api/v1/admin/domain_blocks",
            AdminDomainBlock,
            domain=domain,
            severity=severity,
            reject_media=reject_media,
            reject_reports=reject_reports,
            private_comment=private_comment,
            public_comment=public_comment,
            obfuscate=obfuscate,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_update_domain_block(
        self,
        id: AdminDomainBlock | IdType | PrimitiveIdType,
        severity: DomainBlockSeverity | None = None,
        reject_media: bool | None = None,
        reject_reports: bool | None = None,
        private_comment: str | None = None,
        public_comment: str | None = None,
        obfuscate: bool | None = None,
    ) -> AdminDomainBlock:
        """Change a domain block; parameters left None stay as they are."""
        if severity is not None:
            check_choice("severity", severity, DOMAIN_BLOCK_SEVERITIES)
        return self._put(
            "/api/v1/admin/domain_blocks/{id}",
            AdminDomainBlock,
            id=id,
            severity=severity,
            reject_media=reject_media,
            reject_reports=reject_reports,
            private_comment=private_comment,
            public_comment=public_comment,
            obfuscate=obfuscate,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_block(self, id: AdminDomainBlock | IdType | PrimitiveIdType) -> None:
        """Lift a domain block."""
        self._delete("/api/v1/admin/domain_blocks/{id}", NOTHING, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allows(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[AdminDomainAllow]:
        """Domains allowed to federate (servers in allowlist mode)."""
        return self._get(
            "/api/v1/admin/domain_allows",
            PageOf(AdminDomainAllow),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allow(self, id: AdminDomainAllow | IdType | PrimitiveIdType) -> AdminDomainAllow:
        """One allowed domain."""
        return self._get("/api/v1/admin/domain_allows/{id}", AdminDomainAllow, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_allow(self, domain: str) -> AdminDomainAllow:
        """Allow a domain to federate; an already allowed domain returns its existing record."""
        return self._post("/api/v1/admin/domain_allows", AdminDomainAllow, domain=domain)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_allow(self, id: AdminDomainAllow | IdType | PrimitiveIdType) -> None:
        """Remove a domain from the allowlist."""
        self._delete("/api/v1/admin/domain_allows/{id}", NOTHING, id=id)

    # -----------------------------------------------------------------------------------------
    # Sign-up blocks: canonical emails, email domains, IP ranges

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_blocks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[AdminCanonicalEmailBlock]:
        """Blocked canonical email hashes."""
        return self._get(
            "/api/v1/admin/canonical_email_blocks",
            PageOf(AdminCanonicalEmailBlock),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_block(
        self, id: AdminCanonicalEmailBlock | IdType | PrimitiveIdType
    ) -> AdminCanonicalEmailBlock:
        """One canonical email block."""
        return self._get("/api/v1/admin/canonical_email_blocks/{id}", AdminCanonicalEmailBlock, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_test_canonical_email_block(self, email: str) -> NonPaginatableList[AdminCanonicalEmailBlock]:
        """The canonical email blocks an address matches (the server canonicalizes and hashes it)."""
        return self._post("/api/v1/admin/canonical_email_blocks/test", ListOf(AdminCanonicalEmailBlock), email=email)

    @api_version("4.0.0", "4.0.0")
    def admin_create_canonical_email_block(
        self, email: str | None = None, canonical_email_hash: str | None = None
    ) -> AdminCanonicalEmailBlock:
        """Block an email address (canonicalized and hashed by the server) or a ``canonical_email_hash``."""
        if email is None and canonical_email_hash is None:
            raise MastodonIllegalArgumentError("Nothing to block: give the email address or its canonical_email_hash")
        return self._post(
            "/api/v1/admin/canonical_email_blocks",
            AdminCanonicalEmailBlock,
            email=email,
            canonical_email_hash=canonical_email_hash,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_delete_canonical_email_block(
        self, id: AdminCanonicalEmailBlock | IdType | PrimitiveIdType
    ) -> AdminCanonicalEmailBlock:
        """Remove a canonical email block (the server answers with an empty object)."""
        return self._delete("/api/v1/admin/canonical_email_blocks/{id}", AdminCanonicalEmailBlock, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_email_domain_blocks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[AdminEmailDomainBlock]:
        """Email domains blocked from signing up."""
        return self._get(
            "/api/v1/admin/email_domain_blocks",
            PageOf(AdminEmailDomainBlock),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("4.1.0", "4.1.0")
    def admin_email_domain_block(self, id: AdminEmailDomainBlock | IdType | PrimitiveIdType) -> AdminEmailDomainBlock:
        """One blocked email domain (Mastodon 4.1+)."""
        return self._get("/api/v1/admin/email_domain_blocks/{id}", AdminEmailDomainBlock, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_create_email_domain_block(self, domain: str) -> AdminEmailDomainBlock:
        """Block sign-ups with addresses at ``domain``."""
        return self._post("/api/v1/admin/email_domain_blocks", AdminEmailDomainBlock, domain=domain)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_email_domain_block(self, id: AdminEmailDomainBlock | IdType | PrimitiveIdType) -> None:
        """Lift an email domain block."""
        self._delete("/api/v1/admin/email_domain_blocks/{id}", NOTHING, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_ip_blocks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[AdminIpBlock]:
        """Blocked IP addresses and ranges."""
        return self._get(
            "/api/v1/admin/ip_blocks",
            PageOf(AdminIpBlock),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_ip_block(self, id: AdminIpBlock | IdType | PrimitiveIdType) -> AdminIpBlock:
        """One IP block."""
        return self._get("/api/v1/admin/ip_blocks/{id}", AdminIpBlock, id=id)

    @api_version("4.0.0", "4.0.0")
    def admin_create_ip_block(
        self, ip: str, severity: IPBlockSeverity, comment: str | None = None, expires_in: int | None = None
    ) -> AdminIpBlock:
        """Block an IP range given as CIDR (``"8.8.8.0/24"``) for ``expires_in`` seconds, or for good.

        ``severity`` is sign_up_requires_approval, sign_up_block or no_access.
        """
        check_choice("severity", severity, IP_BLOCK_SEVERITIES)
        return self._post(
            "/api/v1/admin/ip_blocks", AdminIpBlock, ip=ip, severity=severity, comment=comment, expires_in=expires_in
        )

    @api_version("4.0.0", "4.0.0")
    def admin_update_ip_block(
        self,
        id: AdminIpBlock | IdType | PrimitiveIdType,
        ip: str | None = None,
        severity: IPBlockSeverity | None = None,
        comment: str | None = None,
        expires_in: int | None = None,
    ) -> AdminIpBlock:
        """Change an IP block; parameters left None stay as they are."""
        if severity is not None:
            check_choice("severity", severity, IP_BLOCK_SEVERITIES)
        return self._put(
            "/api/v1/admin/ip_blocks/{id}",
            AdminIpBlock,
            id=id,
            ip=ip,
            severity=severity,
            comment=comment,
            expires_in=expires_in,
        )

    @api_version("4.0.0", "4.0.0")
    def admin_delete_ip_block(self, id: AdminIpBlock | IdType | PrimitiveIdType) -> None:
        """Lift an IP block."""
        self._delete("/api/v1/admin/ip_blocks/{id}", NOTHING, id=id)

    # -----------------------------------------------------------------------------------------
    # Statistics: measures, dimensions, retention

    @api_version("3.5.0", "3.5.0")
    def admin_measures(
        self,
        start_at: datetime,
        end_at: datetime,
        active_users: bool = False,
        new_users: bool = False,
        interactions: bool = False,
        opened_reports: bool = False,
        resolved_reports: bool = False,
        tag_accounts: TagId | None = None,
        tag_uses: TagId | None = None,
        tag_servers: TagId | None = None,
        instance_accounts: str | None = None,
        instance_media_attachments: str | None = None,
        instance_reports: str | None = None,
        instance_statuses: str | None = None,
        instance_follows: str | None = None,
        instance_followers: str | None = None,
    ) -> NonPaginatableList[AdminMeasure]:
        """Totals and daily values of the asked-for measures between ``start_at`` and ``end_at``.

        Flags ask for server-wide measures; ``tag_*`` take a tag id, ``instance_*`` a remote domain.
        Sent as a JSON body. Expensive for the server, ``instance_statuses`` especially.
        """
        keys, per_key = _statistics_request(
            "metric",
            {
                "active_users": active_users,
                "new_users": new_users,
                "interactions": interactions,
                "opened_reports": opened_reports,
                "resolved_reports": resolved_reports,
            },
            {"tag_accounts": tag_accounts, "tag_uses": tag_uses, "tag_servers": tag_servers},
            {
                "instance_accounts": instance_accounts,
                "instance_media_attachments": instance_media_attachments,
                "instance_reports": instance_reports,
                "instance_statuses": instance_statuses,
                "instance_follows": instance_follows,
                "instance_followers": instance_followers,
            },
        )
        return self._post(
            "/api/v1/admin/measures",
            ListOf(AdminMeasure),
            _json=True,
            **per_key,
            keys=keys,
            start_at=check_datetime("start_at", start_at),
            end_at=check_datetime("end_at", end_at),
        )

    @api_version("3.5.0", "3.5.0")
    def admin_dimensions(
        self,
        start_at: datetime,
        end_at: datetime,
        limit: int | None = None,
        languages: bool = False,
        sources: bool = False,
        servers: bool = False,
        space_usage: bool = False,
        software_versions: bool = False,
        tag_servers: TagId | None = None,
        tag_languages: TagId | None = None,
        instance_accounts: str | None = None,
        instance_languages: str | None = None,
    ) -> NonPaginatableList[AdminDimension]:
        """The top entries of the asked-for dimensions between ``start_at`` and ``end_at``, ``limit`` of each.

        Flags ask for server-wide dimensions; ``tag_*`` take a tag id, ``instance_*`` a remote domain.
        Sent as a JSON body.
        """
        keys, per_key = _statistics_request(
            "dimension",
            {
                "languages": languages,
                "sources": sources,
                "servers": servers,
                "space_usage": space_usage,
                "software_versions": software_versions,
            },
            {"tag_servers": tag_servers, "tag_languages": tag_languages},
            {"instance_accounts": instance_accounts, "instance_languages": instance_languages},
        )
        return self._post(
            "/api/v1/admin/dimensions",
            ListOf(AdminDimension),
            _json=True,
            **per_key,
            keys=keys,
            limit=limit,
            start_at=check_datetime("start_at", start_at),
            end_at=check_datetime("end_at", end_at),
        )

    @api_version("3.5.0", "3.5.0")
    def admin_retention(
        self, start_at: datetime, end_at: datetime, frequency: RetentionFrequency = "day"
    ) -> NonPaginatableList[AdminRetention]:
        """User retention by cohort between ``start_at`` and ``end_at``, in ``day`` or ``month`` buckets."""
        check_choice("frequency", frequency, RETENTION_FREQUENCIES)
        return self._post(
            "/api/v1/admin/retention",
            ListOf(AdminRetention),
            start_at=check_datetime("start_at", start_at),
            end_at=check_datetime("end_at", end_at),
            frequency=frequency,
        )
