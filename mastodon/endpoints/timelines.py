"""Timelines: home, local, public, hashtag, list and link timelines."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from .._core import Core, PageOf
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..return_types import Status
from ..types_base import IdType, PaginatableList, PrimitiveIdType

__all__ = ["TimelinesMixin"]

Bound = Status | IdType | PrimitiveIdType | datetime | None


class TimelinesMixin(Core):
    """Endpoints under ``/api/v1/timelines``."""

    @api_version("1.0.0", "3.1.4")
    def timeline(
        self,
        timeline: str = "home",
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of a timeline, newest first: ``home``, ``local``, ``public``, ``tag/<tag>``, ``list/<id>``, ``link``.

        Bounds may be statuses, ids or datetimes; ``local`` / ``remote`` / ``only_media`` filter public ones.
        """
        if not isinstance(timeline, str) or not timeline:
            raise MastodonIllegalArgumentError(f"timeline must be a non-empty string, not {timeline!r}")
        if timeline == "local":
            timeline, local = "public", True
        head, slash, rest = timeline.partition("/")
        path = "/api/v1/timelines/" + quote(head, safe="") + (slash + quote(rest, safe="") if slash else "")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
            raise MastodonIllegalArgumentError(f"limit must be a positive int, not {limit!r}")
        return self._get(
            path,
            PageOf(Status),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            only_media=only_media or None,
            local=local or None,
            remote=remote or None,
        )

    @api_version("1.0.0", "3.1.4")
    def timeline_home(
        self,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of the home timeline: statuses of the accounts and tags you follow."""
        return self.timeline("home", max_id, min_id, since_id, limit, only_media, local, remote)

    @api_version("1.0.0", "3.1.4")
    def timeline_local(
        self,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
    ) -> PaginatableList[Status]:
        """A page of the local timeline: public statuses of this server's accounts."""
        return self.timeline("local", max_id, min_id, since_id, limit, only_media)

    @api_version("1.0.0", "3.1.4")
    def timeline_public(
        self,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of the federated timeline: public statuses this server knows of."""
        return self.timeline("public", max_id, min_id, since_id, limit, only_media, local, remote)
