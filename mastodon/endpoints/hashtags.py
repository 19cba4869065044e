"""Hashtags: following, featuring and reading them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._core import NOTHING, Core, ListOf, PageOf
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..return_types import FeaturedTag, Tag
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["HashtagsMixin"]


def _tag_name(value: Any, name: str) -> str:
    """A hashtag given as its name or as a Tag entity, as its name (without the leading ``#``)."""
    if isinstance(value, Mapping):
        if "name" not in value:
            raise MastodonIllegalArgumentError(f"{name}: a dict was given but it has no 'name' key")
        value = value["name"]
    if not isinstance(value, str) or not value:
        raise MastodonIllegalArgumentError(f"{name} must be a hashtag name or a Tag, not {value!r}")
    if value.startswith("#"):
        raise MastodonIllegalArgumentError(f"{name}: give the hashtag without the leading '#' ({value[1:]!r})")
    return value


class HashtagsMixin(Core):
    """Endpoints under ``/api/v1/tags``, ``/api/v1/followed_tags`` and ``/api/v1/featured_tags``."""

    @api_version("3.0.0", "3.0.0")
    def featured_tags(self) -> NonPaginatableList[FeaturedTag]:
        """The hashtags you feature on your profile."""
        return self._get("/api/v1/featured_tags", ListOf(FeaturedTag))

    @api_version("3.0.0", "3.0.0")
    def featured_tag_suggestions(self) -> NonPaginatableList[FeaturedTag]:
        """Your most used hashtags, as suggestions to feature (up to 10)."""
        return self._get("/api/v1/featured_tags/suggestions", ListOf(FeaturedTag))

    @api_version("3.0.0", "3.0.0")
    def featured_tag_create(self, name: str) -> FeaturedTag:
        """Feature a hashtag on your profile (superseded by ``tag_feature`` in 4.4)."""
        return self._post("/api/v1/featured_tags", FeaturedTag, name=name)

    @api_version("3.0.0", "3.0.0")
    def featured_tag_delete(self, id: FeaturedTag | IdType | PrimitiveIdType) -> None:
        """Stop featuring a hashtag, by featured tag id (superseded by ``tag_unfeature`` in 4.4)."""
        return self._delete("/api/v1/featured_tags/{id}", NOTHING, id=id)

    @api_version("4.4.0", "4.4.0")
    def tag_feature(self, name: Tag | str) -> Tag:
        """Feature a hashtag on your profile (4.4)."""
        return self._post("/api/v1/tags/{name}/feature", Tag, name=_tag_name(name, "name"))

    @api_version("4.4.0", "4.4.0")
    def tag_unfeature(self, name: Tag | str) -> Tag:
        """Stop featuring a hashtag on your profile (4.4)."""
        return self._post("/api/v1/tags/{name}/unfeature", Tag, name=_tag_name(name, "name"))

    @api_version("4.0.0", "4.0.0")
    def followed_tags(
        self,
        max_id: Tag | IdType | PrimitiveIdType | datetime | None = None,
        min_id: Tag | IdType | PrimitiveIdType | datetime | None = None,
        since_id: Tag | IdType | PrimitiveIdType | datetime | None = None,
        limit: int | None = None,
    ) -> PaginatableList[Tag]:
        """A page of the hashtags you follow."""
        return self._get(
            "/api/v1/followed_tags", PageOf(Tag), max_id=max_id, min_id=min_id, since_id=since_id, limit=limit
        )

    @api_version("4.0.0", "4.0.0")
    def tag(self, hashtag: Tag | str) -> Tag:
        """One hashtag, by name, with its usage history and whether you follow it."""
        return self._get("/api/v1/tags/{hashtag}", Tag, hashtag=_tag_name(hashtag, "hashtag"))

    @api_version("4.0.0", "4.0.0")
    def tag_follow(self, hashtag: Tag | str) -> Tag:
        """Follow a hashtag: its public statuses appear in your home timeline."""
        return self._post("/api/v1/tags/{hashtag}/follow", Tag, hashtag=_tag_name(hashtag, "hashtag"))

    @api_version("4.0.0", "4.0.0")
    def tag_unfollow(self, hashtag: Tag | str) -> Tag:
        """Stop following a hashtag."""
        return self._post("/api/v1/tags/{hashtag}/unfollow", Tag, hashtag=_tag_name(hashtag, "hashtag"))
