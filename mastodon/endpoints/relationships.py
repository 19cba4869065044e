"""Follows, blocks, mutes, domain blocks and follow requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .._core import NOTHING, Core, PageOf, Returns
from .._validate import check_limit
from .._versions import api_version
from ..errors import refused
from ..return_types import Account, Relationship
from ..types_base import IdType, PaginatableList, PrimitiveIdType

__all__ = ["RelationshipsMixin"]

Bound = Account | IdType | PrimitiveIdType | datetime | None


def _domain_page(body: Any) -> PaginatableList[str]:
    if not isinstance(body, list):
        raise TypeError(f"expected a JSON array of domains, got {type(body).__name__}")
    return PaginatableList(str(domain) for domain in body)


DOMAINS: Returns[PaginatableList[str]] = Returns(_domain_page, "str", paginated=True)
"""A page of plain domain names (``GET /api/v1/domain_blocks`` answers strings, not entities)."""


def _check_domain(domain: str) -> None:
    if not isinstance(domain, str) or not domain.strip():
        raise refused(f"domain must be a non-empty string, not {domain!r}")


class RelationshipsMixin(Core):
    """Follows, blocks, mutes, domain blocks and follow requests."""

    @api_version("1.1.0", "2.6.0")
    def mutes(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Account]:
        """A page of the accounts you mute."""
        check_limit(limit)
        return self._get("/api/v1/mutes", PageOf(Account), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit)

    @api_version("1.0.0", "2.6.0")
    def blocks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Account]:
        """A page of the accounts you block."""
        check_limit(limit)
        return self._get(
            "/api/v1/blocks", PageOf(Account), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit
        )

    @api_version("1.0.0", "2.6.0")
    def follow_requests(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Account]:
        """A page of the accounts asking to follow you."""
        check_limit(limit)
        return self._get(
            "/api/v1/follow_requests", PageOf(Account), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit
        )

    @api_version("1.4.0", "2.6.0")
    def domain_blocks(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[str]:
        """A page of the domains you block, as plain strings."""
        check_limit(limit)
        return self._get("/api/v1/domain_blocks", DOMAINS, max_id=max_id, min_id=min_id, since_id=since_id, limit=limit)

    @api_version("1.0.0", "3.0.0")
    def follow_request_authorize(self, id: Account | IdType | PrimitiveIdType) -> Relationship:
        """Accept an account's request to follow you."""
        return self._post("/api/v1/follow_requests/{id}/authorize", Relationship, id=id)

    @api_version("1.0.0", "3.0.0")
    def follow_request_reject(self, id: Account | IdType | PrimitiveIdType) -> Relationship:
        """Reject an account's request to follow you."""
        return self._post("/api/v1/follow_requests/{id}/reject", Relationship, id=id)

    @api_version("1.4.0", "1.4.0")
    def domain_block(self, domain: str) -> None:
        """Block a whole domain: hide its posts and notifications and remove your followers there."""
        _check_domain(domain)
        return self._post("/api/v1/domain_blocks", NOTHING, domain=domain)

    @api_version("1.4.0", "1.4.0")
    def domain_unblock(self, domain: str) -> None:
        """Unblock a domain."""
        _check_domain(domain)
        return self._delete("/api/v1/domain_blocks", NOTHING, domain=domain)
