"""Your own profile: reading and updating it (Mastodon 4.6)."""

from __future__ import annotations

from typing import Any

from .._core import Core
from .._files import PathOrFile, open_uploads
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, refused
from ..return_types import Profile

__all__ = ["ProfileMixin"]


def _fields(fields: Any) -> dict[str, dict[str, str]] | None:
    """Profile fields ``[(name, value), ...]`` as ``fields_attributes[i][name]`` / ``[value]``."""
    if fields is None:
        return None
    if not isinstance(fields, (list, tuple)):
        raise MastodonIllegalArgumentError("fields must be a list of (name, value) pairs")
    attributes: dict[str, dict[str, str]] = {}
    for index, field in enumerate(fields):
        if not isinstance(field, (list, tuple)) or len(field) != 2:
            raise MastodonIllegalArgumentError(f"fields[{index}] must be a (name, value) pair, not {field!r}")
        attributes[str(index)] = {"name": field[0], "value": field[1]}
    return attributes


class ProfileMixin(Core):
    """Endpoints under ``/api/v1/profile``."""

    @api_version("4.6.0", "4.6.0")
    def profile(self) -> Profile:
        """Your own profile as you edit it: plain-text note, fields, image descriptions and visibility settings."""
        return self._get("/api/v1/profile", Profile)

    @api_version("4.6.0", "4.6.0")
    def profile_update(
        self,
        display_name: str | None = None,
        note: str | None = None,
        avatar: PathOrFile | None = None,
        avatar_mime_type: str | None = None,
        header: PathOrFile | None = None,
        header_mime_type: str | None = None,
        locked: bool | None = None,
        bot: bool | None = None,
        discoverable: bool | None = None,
        hide_collections: bool | None = None,
        indexable: bool | None = None,
        show_media: bool | None = None,
        show_media_replies: bool | None = None,
        show_featured: bool | None = None,
        attribution_domains: list[str] | None = None,
        fields: list[tuple[str, str]] | None = None,
        avatar_description: str | None = None,
        header_description: str | None = None,
    ) -> Profile:
        """Change your profile; only what is given changes. Returns the updated profile.

        ``avatar`` and ``header`` are a path, bytes or a binary file (MIME type detected unless given);
        ``fields`` is a list of ``(name, value)`` pairs replacing all profile fields.
        """
        if attribution_domains is not None and not isinstance(attribution_domains, (list, tuple)):
            raise refused("attribution_domains must be a list of domains")
        fields_attributes = _fields(fields)
        now = self._ratelimiter.clock.now()
        with open_uploads(now, avatar=(avatar, avatar_mime_type), header=(header, header_mime_type)) as files:
            return self._patch(
                "/api/v1/profile",
                Profile,
                _files=files,
                display_name=display_name,
                note=note,
                locked=locked,
                bot=bot,
                discoverable=discoverable,
                hide_collections=hide_collections,
                indexable=indexable,
                show_media=show_media,
                show_media_replies=show_media_replies,
                show_featured=show_featured,
                attribution_domains=attribution_domains,
                avatar_description=avatar_description,
                header_description=header_description,
                fields_attributes=fields_attributes,
            )
