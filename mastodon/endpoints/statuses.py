"""Statuses: reading, posting, replying, editing and deleting them, and acting on them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from .._core import Core
from .._encode import id_of, ids_of
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError
from ..return_types import MediaAttachment, Poll, ScheduledStatus, Status
from ..types_base import IdType, PrimitiveIdType

__all__ = ["StatusesMixin"]

VISIBILITIES = ("public", "unlisted", "private", "direct")
QUOTE_APPROVAL_POLICIES = ("public", "followers", "nobody")
PLEROMA_CONTENT_TYPES = ("text/plain", "text/html", "text/markdown", "text/bbcode")


class StatusesMixin(Core):
    """Endpoints under ``/api/v1/statuses``."""

    @api_version("1.0.0", "2.0.0")
    def status(self, id: Status | IdType | PrimitiveIdType) -> Status:
        """One status, by id (a status or an id); public statuses need no token."""
        return self._get("/api/v1/statuses/{id}", Status, id=id)

    @api_version("1.0.0", "4.0.0")
    def status_post(
        self,
        status: str,
        in_reply_to_id: Status | IdType | PrimitiveIdType | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: str | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: Status | IdType | PrimitiveIdType | None = None,
        strict_content_type: bool = False,
        media_attributes: list[dict[str, Any]] | None = None,
        quoted_status_id: Status | IdType | PrimitiveIdType | None = None,
        quote_approval_policy: str | None = None,
    ) -> Status | ScheduledStatus:
        """Post a status; with ``scheduled_at`` the server schedules it and returns a ScheduledStatus.

        An ``Idempotency-Key`` is always sent (``idempotency_key``, or a fresh one for this call), so a
        retried post is published once. ``poll`` is a dict as ``make_poll`` builds it;
        ``media_attributes`` as ``generate_media_edit_attributes`` builds them. ``quote_id`` needs
        ``feature_set="fedibird"``; ``content_type`` is Pleroma's (checked when ``strict_content_type``).
        """
        if not isinstance(status, str):
            raise MastodonIllegalArgumentError(f"status must be a string, not {type(status).__name__}")
        if visibility is not None:
            visibility = visibility.lower()
            if visibility not in VISIBILITIES:
                raise MastodonIllegalArgumentError(
                    f"visibility must be one of {', '.join(VISIBILITIES)}, not {visibility!r}"
                )
        if quote_approval_policy is not None and quote_approval_policy not in QUOTE_APPROVAL_POLICIES:
            raise MastodonIllegalArgumentError(
                f"quote_approval_policy must be one of {', '.join(QUOTE_APPROVAL_POLICIES)}, "
                f"not {quote_approval_policy!r}"
            )
        if quote_id is not None and self.feature_set != "fedibird":
            raise MastodonIllegalArgumentError(
                "quote_id is only available with feature_set='fedibird'; on Mastodon use quoted_status_id"
            )
        if content_type is not None and strict_content_type:
            self._only_on("pleroma", content_type=content_type)
            if content_type not in PLEROMA_CONTENT_TYPES:
                raise MastodonIllegalArgumentError(
                    f"content_type must be one of {', '.join(PLEROMA_CONTENT_TYPES)}, not {content_type!r}"
                )
        if not status.strip() and not media_ids and not media_attributes and poll is None:
            raise MastodonIllegalArgumentError("status is empty: give text, media_ids or a poll")
        ids = (
            ids_of(media_ids if isinstance(media_ids, (list, tuple)) else [media_ids], "media_ids")
            if media_ids
            else None
        )
        if media_attributes is not None:
            attached = ids_of(media_attributes, "media_attributes")
            ids = list(dict.fromkeys([*(ids or []), *attached]))
        returns: type[Status | ScheduledStatus] = ScheduledStatus if scheduled_at is not None else Status
        return self._post(
            "/api/v1/statuses",
            returns,
            _json=poll is not None or media_attributes is not None,
            _headers={"Idempotency-Key": idempotency_key or uuid.uuid4().hex},
            status=status,
            in_reply_to_id=id_of(in_reply_to_id, "in_reply_to_id"),
            media_ids=ids,
            sensitive=sensitive,
            visibility=visibility,
            spoiler_text=spoiler_text,
            language=language,
            content_type=content_type,
            scheduled_at=scheduled_at,
            poll=poll,
            quote_id=id_of(quote_id, "quote_id"),
            media_attributes=media_attributes,
            quoted_status_id=id_of(quoted_status_id, "quoted_status_id"),
            quote_approval_policy=quote_approval_policy,
        )

    @api_version("1.0.0", "2.8.0")
    def toot(self, status: str) -> Status:
        """Post a public status with just this text (``status_post`` with the defaults)."""
        return cast(Status, self.status_post(status))

    @api_version("1.0.0", "2.8.0")
    def status_reply(
        self,
        to_status: Status,
        status: str,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: str | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: Status | IdType | PrimitiveIdType | None = None,
        untag: bool = False,
        strict_content_type: bool = False,
        media_attributes: list[dict[str, Any]] | None = None,
        quoted_status_id: Status | IdType | PrimitiveIdType | None = None,
        quote_approval_policy: str | None = None,
    ) -> Status | ScheduledStatus:
        """Reply to ``to_status``, mentioning its author (and, unless ``untag``, everyone it mentions but you).

        The reply keeps the status's visibility and content warning unless others are given.
        """
        if not isinstance(to_status, dict) or not isinstance(to_status.get("account"), dict):
            raise MastodonIllegalArgumentError("to_status must be a status (a dict with an account), not an id")
        mentioned = {str(to_status["account"]["id"]): to_status["account"]["acct"]}
        if not untag:
            own_id = str(self._logged_in_id())
            for account in to_status.get("mentions") or []:
                if str(account["id"]) != own_id:
                    mentioned.setdefault(str(account["id"]), account["acct"])
        text = " ".join(f"@{acct}" for acct in mentioned.values()) + " " + status
        if visibility is None:
            visibility = to_status.get("visibility")
        if spoiler_text is None:
            spoiler_text = to_status.get("spoiler_text")
        return self.status_post(
            text,
            in_reply_to_id=to_status,
            media_ids=media_ids,
            sensitive=sensitive,
            visibility=visibility,
            spoiler_text=spoiler_text,
            language=language,
            idempotency_key=idempotency_key,
            content_type=content_type,
            scheduled_at=scheduled_at,
            poll=poll,
            quote_id=quote_id,
            strict_content_type=strict_content_type,
            media_attributes=media_attributes,
            quoted_status_id=quoted_status_id,
            quote_approval_policy=quote_approval_policy,
        )

    @api_version("1.0.0", "3.1.4")
    def status_delete(self, id: Status | IdType | PrimitiveIdType, delete_media: bool | None = None) -> Status:
        """Delete a status; returns it with its source ``text`` for delete-and-redraft (``delete_media`` 4.4)."""
        return self._delete("/api/v1/statuses/{id}", Status, id=id, delete_media=delete_media)
