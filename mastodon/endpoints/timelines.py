"""Timelines: home, local, public, hashtag, list and link timelines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._core import Core, PageOf
from .._encode import id_of, path_segment
from .._feeds import feed_is_available, warn_if_feed_closed
from .._validate import check_limit
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, refused
from ..return_types import Status, Tag, UserList
from ..types_base import IdType, PaginatableList, PrimitiveIdType

__all__ = ["TimelinesMixin"]

Bound = Status | IdType | PrimitiveIdType | datetime | None

# timeline_is_available's names -> the key of configuration[timelines_access] in the v2 instance document.


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
        feed = timeline
        if timeline == "local":
            timeline, local = "public", True
        head, slash, rest = timeline.partition("/")
        path = "/api/v1/timelines/" + path_segment("timeline", head)
        if slash:
            path += "/" + path_segment("timeline", rest)
        check_limit(limit)
        # the availability check may ask the server: only once the arguments are known to be good
        if feed == "local":
            warn_if_feed_closed(self, "The local timeline", "public", local=True)
        elif feed == "public":
            warn_if_feed_closed(self, "The public timeline", "public", local, remote)
        elif feed.startswith("tag/"):
            warn_if_feed_closed(self, f"The timeline of #{feed[4:]}", "hashtag", local, remote)
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

    @api_version("1.0.0", "3.1.4")
    def timeline_hashtag(
        self,
        hashtag: str | Tag,
        local: bool = False,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of public statuses with a hashtag, given without its leading ``#`` (or as a Tag)."""
        name: Any = hashtag.get("name") if isinstance(hashtag, Mapping) else hashtag
        if not isinstance(name, str) or not name:
            raise refused(f"hashtag must be a tag name (or a Tag), not {hashtag!r}", 404)
        if name.startswith("#"):
            raise MastodonIllegalArgumentError(f"Give the hashtag without its '#': {name[1:]!r}, not {name!r}")
        return self.timeline("tag/" + name, max_id, min_id, since_id, limit, only_media, local, remote)

    @api_version("2.1.0", "3.1.4")
    def timeline_list(
        self,
        id: UserList | IdType | PrimitiveIdType,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        local: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of the statuses of the accounts in one of your lists (a list or its id)."""
        list_id = id_of(id, "id")
        if isinstance(list_id, bool) or not isinstance(list_id, (str, int)) or list_id == "":
            raise refused(f"id must be a list or a list id, not {id!r}", 404)
        return self.timeline(f"list/{list_id}", max_id, min_id, since_id, limit, only_media, local, remote)

    @api_version("4.3.0", "4.3.0")
    def timeline_link(
        self,
        url: str,
        local: bool = False,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        only_media: bool = False,
        remote: bool = False,
    ) -> PaginatableList[Status]:
        """A page of statuses linking to a trending URL (exactly as ``trending_links`` gives it; 404 otherwise)."""
        if not isinstance(url, str) or not url:
            raise MastodonIllegalArgumentError(f"url must be a non-empty string, not {url!r}")
        check_limit(limit)
        warn_if_feed_closed(self, "The timeline of a trending link", "trending_links", local, remote)
        return self._get(
            "/api/v1/timelines/link",
            PageOf(Status),
            url=url,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            only_media=only_media or None,
            local=local or None,
            remote=remote or None,
        )

    def timeline_is_available(
        self,
        timeline: str = "public",
        local: bool = False,
        remote: bool = False,
        with_auth: bool = False,
        fail_hard: bool = False,
    ) -> bool:
        """Whether this instance lets a visitor (or, ``with_auth``, a logged-in user) read a public feed.

        ``timeline`` is ``public``, ``hashtag`` or ``trending_links``; ``local`` / ``remote`` ask about
        that half of the feed (both: both halves; neither: either half). Answered from
        ``configuration.timelines_access`` (Mastodon 4.5) of the cached v2 instance document; where that
        does not tell, the answer is True, or with ``fail_hard`` the error says why.
        """
        return feed_is_available(self, timeline, local, remote, with_auth, fail_hard)
