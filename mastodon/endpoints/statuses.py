"""Statuses: reading, posting, replying, editing and deleting them, acting on them, and scheduled ones."""

from __future__ import annotations

import base64
import functools
import importlib
import os
import re
import unicodedata
from datetime import datetime
from typing import Any, cast, get_args, overload

from .._core import NOTHING, Core, ListOf, PageOf
from .._encode import id_of, ids_of
from .._files import PathOrFile, open_media
from .._validate import check_choice, check_datetime, focus_string
from .._versions import api_version, server_older_than
from ..errors import MastodonIllegalArgumentError, MastodonVersionError, refused
from ..literals import QuotePolicy, Visibility
from ..return_types import (
    Account,
    Context,
    MediaAttachment,
    Poll,
    PreviewCard,
    ScheduledStatus,
    Status,
    StatusEdit,
    StatusSource,
    Translation,
)
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["StatusesMixin", "status_length"]

VISIBILITIES: tuple[str, ...] = get_args(Visibility)
QUOTE_APPROVAL_POLICIES: tuple[str, ...] = get_args(QuotePolicy)
PLEROMA_CONTENT_TYPES = ("text/plain", "text/html", "text/markdown", "text/bbcode")

StatusId = Status | IdType | PrimitiveIdType
Bound = Status | IdType | PrimitiveIdType | datetime | None

# ---------------------------------------------------------------------------------------------
# Counting a status's length as Mastodon's StatusLengthValidator does: every link (with a scheme the
# server links) counts as 23 characters, a remote mention ``@user@domain`` counts as ``@user``, and
# the content warning and the text together are counted in grapheme clusters. Only a host spelled in
# ASCII (its top-level label letters, or punycode ``xn--...``) makes a link the server shortens: a host
# such as ``sub.Путин.рф`` is counted character by character, as the server counts it.

URL_LENGTH = 23
_URL = (
    r"(?<![a-z0-9@$#\uFF20\uFF03])"
    r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://"
    r"(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]*[a-z0-9])"
    r"(?![\w-])"  # the host ends here: not in the middle of a longer (or non-ASCII) label
    r"(?::\d+)?"
    r"(?:[/?#]\S*)?"
)
_URL_END_OK = r"[\w=#/+\-&)]"
_REMOTE_MENTION = r"(?<![=/\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@\w+(?:[.-]+\w+)*"
_NOT_A_MENTION_AFTER = r"@|\uFF20|://|[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]"


@functools.cache
def _length_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The length count's patterns (link, link end, remote mention, not a mention after), compiled on first
    use: compiling them takes about 1.2 ms, which every cold start paid though few programs count a length."""
    return (
        re.compile(_URL, re.IGNORECASE),
        re.compile(_URL_END_OK),
        re.compile(_REMOTE_MENTION, re.IGNORECASE),
        re.compile(_NOT_A_MENTION_AFTER),
    )


def _trim_url(url: str) -> tuple[str, str]:
    """A matched link without trailing punctuation (and unbalanced closing parentheses), and what was cut."""
    end = len(url)
    while end > 0:
        last = url[end - 1]
        unbalanced = last == ")" and url.count("(", 0, end) < url.count(")", 0, end)
        if not unbalanced and _length_patterns()[1].match(last):
            break
        end -= 1
    return url[:end], url[end:]


def _countable_text(text: str) -> str:
    links, _, remote_mentions, not_a_mention_after = _length_patterns()

    def link(found: re.Match[str]) -> str:
        _, rest = _trim_url(found.group(0))
        return "x" * URL_LENGTH + rest

    def mention(found: re.Match[str]) -> str:
        if not_a_mention_after.match(found.string, found.end()):
            return found.group(0)
        return "@" + found.group(1)

    return remote_mentions.sub(mention, links.sub(link, text))


# Viramas that join two consonants into one conjunct cluster (Unicode 15.1, GB9c).
_INDIC_LINKERS = frozenset("\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d")


def _joins_previous(char: str, previous: str) -> bool:
    """Whether ``char`` continues the grapheme cluster ``previous`` ended (an approximation of UAX #29)."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or previous == "\u200d"
        or code == 0x200D
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or (previous == "\r" and char == "\n")
        or (previous in _INDIC_LINKERS and 0x0900 <= code <= 0x0DFF and unicodedata.category(char) == "Lo")
    )


def approximate_grapheme_count(text: str) -> int:
    """Grapheme clusters counted without the ``regex`` module: marks, joiners, modifiers and flag pairs join."""
    count = 0
    previous = ""
    open_flag_pair = False
    for char in text:
        is_flag = 0x1F1E6 <= ord(char) <= 0x1F1FF
        if previous and (_joins_previous(char, previous) or (is_flag and open_flag_pair)):
            open_flag_pair = False
        else:
            count += 1
            open_flag_pair = is_flag
        previous = char
    return count


@functools.lru_cache(maxsize=1)
def _regex_module() -> Any:
    """The third-party ``regex`` module (it knows grapheme clusters, ``\\X``), or None where not installed."""
    try:
        return importlib.import_module("regex")
    except ImportError:
        return None


def grapheme_count(text: str) -> int:
    """How many user-perceived characters ``text`` has: the ``regex`` module's ``\\X`` where installed."""
    module = _regex_module()
    if module is None:
        return approximate_grapheme_count(text)
    return len(module.findall(r"\X", text))


def status_length(text: str, spoiler_text: str = "") -> int:
    """How many characters a status counts as against the server's limit (see ``get_status_length``)."""
    return grapheme_count((spoiler_text or "") + _countable_text(text))


def _check_visibility(visibility: str | None) -> Visibility | None:
    if visibility is None:
        return None
    if not isinstance(visibility, str) or visibility.lower() not in VISIBILITIES:
        raise MastodonIllegalArgumentError(f"visibility must be one of {', '.join(VISIBILITIES)}, not {visibility!r}")
    return cast(Visibility, visibility.lower())


def _check_quote_policy(policy: str | None) -> None:
    if policy is not None:
        check_choice("quote_approval_policy", policy, QUOTE_APPROVAL_POLICIES)


def _media_id_list(media_ids: Any, media_attributes: list[dict[str, Any]] | None) -> list[Any] | None:
    """The ids to attach: ``media_ids`` (one or a list, entities or ids) plus every id in ``media_attributes``."""
    ids: list[Any] | None = None
    if media_ids:
        ids = ids_of(media_ids if isinstance(media_ids, (list, tuple)) else [media_ids], "media_ids")
    if media_attributes is not None:
        if not isinstance(media_attributes, (list, tuple)) or not all(
            isinstance(item, dict) and "id" in item for item in media_attributes
        ):
            raise MastodonIllegalArgumentError(
                "media_attributes must be a list of dicts with an 'id' (see generate_media_edit_attributes)"
            )
        ids = list(dict.fromkeys([*(ids or []), *ids_of(media_attributes, "media_attributes")]))
    return ids


class StatusesMixin(Core):
    """Endpoints under ``/api/v1/statuses`` and ``/api/v1/scheduled_statuses``."""

    # -----------------------------------------------------------------------------------------
    # Reading statuses

    @api_version("1.0.0", "2.0.0")
    def status(self, id: StatusId) -> Status:
        """One status, by id (a status or an id); public statuses need no token."""
        return self._get("/api/v1/statuses/{id}", Status, id=id)

    @api_version("4.3.0", "4.3.0")
    def statuses(self, ids: list[StatusId]) -> NonPaginatableList[Status]:
        """Several statuses at once (4.3.0); those that do not exist or you may not see are left out."""
        if not isinstance(ids, (list, tuple)):
            raise MastodonIllegalArgumentError(f"ids must be a list of statuses or ids, not {type(ids).__name__}")
        return self._get("/api/v1/statuses", ListOf(Status), id=ids_of(ids, "ids"))

    @api_version("1.0.0", "3.0.0")
    def status_card(self, id: StatusId) -> PreviewCard | None:
        """The preview card of a status's link, or None: the status's ``card`` (its own endpoint before 3.0.0)."""
        if server_older_than(self.server_version, "3.0.0"):
            return self._get("/api/v1/statuses/{id}/card", PreviewCard, id=id)
        card: PreviewCard | None = self._get("/api/v1/statuses/{id}", Status, id=id).get("card")
        return card

    @api_version("1.0.0", "1.0.0")
    def status_context(self, id: StatusId) -> Context:
        """The thread around a status: its ancestors and its descendants."""
        return self._get("/api/v1/statuses/{id}/context", Context, id=id)

    @api_version("1.0.0", "2.1.0")
    def status_reblogged_by(self, id: StatusId) -> PaginatableList[Account]:
        """A page of the accounts that boosted a status (the server paginates it by ``Link``)."""
        return self._get("/api/v1/statuses/{id}/reblogged_by", PageOf(Account), id=id)

    @api_version("1.0.0", "2.1.0")
    def status_favourited_by(self, id: StatusId) -> PaginatableList[Account]:
        """A page of the accounts that favourited a status (the server paginates it by ``Link``)."""
        return self._get("/api/v1/statuses/{id}/favourited_by", PageOf(Account), id=id)

    @api_version("3.5.0", "3.5.0")
    def status_history(self, id: StatusId) -> NonPaginatableList[StatusEdit]:
        """Every revision of a status, oldest (the original) first: an edited-once status has two."""
        return self._get("/api/v1/statuses/{id}/history", ListOf(StatusEdit), id=id)

    @api_version("3.5.0", "3.5.0")
    def status_source(self, id: StatusId) -> StatusSource:
        """The plain-text source of one of your statuses (``text``, ``spoiler_text``), for editing it."""
        return self._get("/api/v1/statuses/{id}/source", StatusSource, id=id)

    @api_version("4.0.0", "4.0.0")
    def status_translate(self, id: StatusId, lang: str | None = None) -> Translation:
        """A machine translation of a public or unlisted status into ``lang`` (default: the client's or your locale)."""
        return self._post("/api/v1/statuses/{id}/translate", Translation, id=id, lang=lang or self.lang)

    @api_version("4.5.0", "4.5.0")
    def status_quotes(
        self,
        id: StatusId,
        max_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[Status]:
        """A page of the statuses quoting one of yours (4.5.0)."""
        return self._get(
            "/api/v1/statuses/{id}/quotes", PageOf(Status), id=id, max_id=max_id, since_id=since_id, limit=limit
        )

    # -----------------------------------------------------------------------------------------
    # Posting and editing

    def _send_status(
        self,
        edit: StatusId | None,
        status: str,
        in_reply_to_id: StatusId | None = None,
        media_ids: Any = None,
        sensitive: bool | None = None,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        strict_content_type: bool = False,
        media_attributes: list[dict[str, Any]] | None = None,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
    ) -> Status | ScheduledStatus:
        """Post a new status (``edit`` None) or edit one: validation, then one POST or PUT."""
        if not isinstance(status, str):
            raise refused(f"status must be a string, not {type(status).__name__}")
        visibility = _check_visibility(visibility)
        _check_quote_policy(quote_approval_policy)
        if quote_id is not None and self.feature_set != "fedibird":
            raise MastodonIllegalArgumentError(
                f"quote_id={quote_id!r} is Fedibird's quoting (feature_set='fedibird'); on Mastodon 4.5+ "
                "quote with quoted_status_id"
            )
        if content_type is not None and strict_content_type:
            self._only_on("pleroma", content_type=content_type)
            check_choice("content_type", content_type, PLEROMA_CONTENT_TYPES)
        if scheduled_at is not None:
            check_datetime("scheduled_at", scheduled_at)
        if poll is not None and not isinstance(poll, dict):
            raise MastodonIllegalArgumentError(f"poll must be a dict as make_poll builds it, not {type(poll).__name__}")
        ids = _media_id_list(media_ids, media_attributes)
        if edit is None and not status.strip() and not ids and poll is None:
            raise refused("status is empty: give text, media_ids or a poll")
        params: dict[str, Any] = {
            "status": status,
            "in_reply_to_id": id_of(in_reply_to_id, "in_reply_to_id"),
            "media_ids": ids,
            "sensitive": sensitive,
            "visibility": visibility,
            "spoiler_text": spoiler_text,
            "language": language,
            "content_type": content_type,
            "scheduled_at": scheduled_at,
            "poll": poll,
            "quote_id": id_of(quote_id, "quote_id"),
            "media_attributes": media_attributes,
            "quoted_status_id": id_of(quoted_status_id, "quoted_status_id"),
            "quote_approval_policy": quote_approval_policy,
        }
        use_json = poll is not None or media_attributes is not None
        if edit is not None:
            return self._put("/api/v1/statuses/{id}", Status, _json=use_json, id=edit, **params)
        returns: type[Status | ScheduledStatus] = ScheduledStatus if scheduled_at is not None else Status
        return self._post(
            "/api/v1/statuses",
            returns,
            _json=use_json,
            # 128 random bits, as a uuid4 has (without importing uuid, which costs a cron job its import time)
            _headers={"Idempotency-Key": idempotency_key or os.urandom(16).hex()},
            **params,
        )

    @overload
    def status_post(
        self,
        status: str,
        in_reply_to_id: StatusId | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
        check_length: bool = False,
    ) -> Status: ...

    @overload
    def status_post(
        self,
        status: str,
        in_reply_to_id: StatusId | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        *,
        scheduled_at: datetime,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
        check_length: bool = False,
    ) -> ScheduledStatus: ...

    @overload
    def status_post(
        self,
        status: str,
        in_reply_to_id: StatusId | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
        check_length: bool = False,
    ) -> Status | ScheduledStatus: ...

    @api_version("1.0.0", "4.6.0")
    def status_post(
        self,
        status: str,
        in_reply_to_id: StatusId | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
        check_length: bool = False,
    ) -> Status | ScheduledStatus:
        """Post a status; with ``scheduled_at`` the server schedules it and returns a ScheduledStatus.

        With ``check_length=True`` (ours, not Mastodon.py's), the text and content warning are counted
        as the server counts them (``get_status_length``) and refused before sending when they exceed
        the instance's ``configuration.statuses.max_characters`` (read once per client, cached).

        An ``Idempotency-Key`` is always sent (``idempotency_key``, or a fresh one for this call), so a
        retried post is published once. ``poll`` is a dict as ``make_poll`` builds it (a status with a
        poll goes as JSON). ``visibility`` is ``public``, ``unlisted``, ``private`` or ``direct``;
        ``quoted_status_id`` quotes a status (4.5.0) and ``quote_approval_policy`` (``public``,
        ``followers``, ``nobody``) says who may quote this one. ``quote_id`` needs
        ``feature_set="fedibird"``; ``content_type`` is Pleroma's (checked when ``strict_content_type``).
        """
        if check_length and isinstance(status, str):
            self._check_status_length(status, spoiler_text or "")
        return self._send_status(
            None,
            status,
            in_reply_to_id=in_reply_to_id,
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
            quoted_status_id=quoted_status_id,
            quote_approval_policy=quote_approval_policy,
        )

    @api_version("1.0.0", "2.8.0")
    def toot(self, status: str) -> Status:
        """Post a public status with just this text (``status_post`` with the defaults)."""
        return self.status_post(status)

    @overload
    def status_reply(
        self,
        to_status: Status,
        status: str,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        untag: bool = False,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
    ) -> Status: ...

    @overload
    def status_reply(
        self,
        to_status: Status,
        status: str,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        *,
        scheduled_at: datetime,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        untag: bool = False,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
    ) -> ScheduledStatus: ...

    @overload
    def status_reply(
        self,
        to_status: Status,
        status: str,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        untag: bool = False,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
    ) -> Status | ScheduledStatus: ...

    @api_version("1.0.0", "4.5.0")
    def status_reply(
        self,
        to_status: Status,
        status: str,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        sensitive: bool = False,
        visibility: Visibility | None = None,
        spoiler_text: str | None = None,
        language: str | None = None,
        idempotency_key: str | None = None,
        content_type: str | None = None,
        scheduled_at: datetime | None = None,
        poll: Poll | dict[str, Any] | None = None,
        quote_id: StatusId | None = None,
        untag: bool = False,
        strict_content_type: bool = False,
        quoted_status_id: StatusId | None = None,
        quote_approval_policy: QuotePolicy | None = None,
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
            quoted_status_id=quoted_status_id,
            quote_approval_policy=quote_approval_policy,
        )

    def generate_media_edit_attributes(
        self,
        id: MediaAttachment | IdType | PrimitiveIdType,
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        thumbnail: PathOrFile | None = None,
        thumb_mimetype: str | None = None,
    ) -> dict[str, Any]:
        """One entry of ``status_update``'s ``media_attributes``: the attachment's id and what to change.

        Sends nothing. ``focus`` is ``(x, y)`` from -1.0 to 1.0; ``thumbnail`` (a path, bytes or a file
        object) goes inline as a ``data:`` URI.
        """
        media_id = id_of(id, "id")
        if media_id is None or media_id == "":
            raise MastodonIllegalArgumentError("id is required")
        attributes: dict[str, Any] = {"id": media_id}
        if description is not None:
            attributes["description"] = description
        focus_value = focus_string(focus)
        if focus_value is not None:
            attributes["focus"] = focus_value
        if thumbnail is not None:
            if server_older_than(self.server_version, "3.2.0"):
                raise MastodonVersionError("thumbnail needs Mastodon 3.2.0 or newer")
            now = self._ratelimiter.clock.now()
            upload = open_media(thumbnail, thumb_mimetype, None, "thumbnail", now, "thumb_mimetype")
            try:
                data = upload.handle.read()
            finally:
                upload.close()
            encoded = base64.b64encode(data).decode("ascii")
            attributes["thumbnail"] = f"data:{upload.mime_type};base64,{encoded}"
        return attributes

    @api_version("3.5.0", "4.1.0")
    def status_update(
        self,
        id: StatusId,
        status: str,
        spoiler_text: str | None = None,
        sensitive: bool | None = None,
        media_ids: list[MediaAttachment | IdType | PrimitiveIdType] | None = None,
        poll: Poll | dict[str, Any] | None = None,
        media_attributes: list[dict[str, Any]] | None = None,
        quote_approval_policy: QuotePolicy | None = None,
    ) -> Status:
        """Edit one of your statuses: its text, content warning, sensitivity, media or poll (editing a poll resets it).

        ``media_attributes`` (from ``generate_media_edit_attributes``) change attached media's
        description, focus or thumbnail; their ids are attached too. With a poll or media attributes
        the edit goes as JSON.
        """
        if id is None:  # _send_status takes a missing id to mean a new post
            raise MastodonIllegalArgumentError("status_update needs the id of the status to edit, not None")
        edited = self._send_status(
            id,
            status,
            media_ids=media_ids,
            sensitive=sensitive,
            spoiler_text=spoiler_text,
            poll=poll,
            media_attributes=media_attributes,
            quote_approval_policy=quote_approval_policy,
        )
        return cast(Status, edited)

    @api_version("1.0.0", "1.0.0")
    def status_delete(self, id: StatusId, delete_media: bool | None = None) -> Status:
        """Delete a status; returns it with its source ``text`` for delete-and-redraft (``delete_media`` 4.4)."""
        return self._delete("/api/v1/statuses/{id}", Status, id=id, delete_media=delete_media)

    # -----------------------------------------------------------------------------------------
    # Acting on statuses

    @api_version("1.0.0", "2.0.0")
    def status_reblog(self, id: StatusId, visibility: Visibility | None = None) -> Status:
        """Boost a status; returns the new status wrapping it (``visibility`` may narrow who sees the boost)."""
        visibility = _check_visibility(visibility)
        return self._post("/api/v1/statuses/{id}/reblog", Status, id=id, visibility=visibility)

    @api_version("1.0.0", "2.0.0")
    def status_unreblog(self, id: StatusId) -> Status:
        """Undo your boost of a status; returns the status that was boosted."""
        return self._post("/api/v1/statuses/{id}/unreblog", Status, id=id)

    @api_version("1.0.0", "2.0.0")
    def status_favourite(self, id: StatusId) -> Status:
        """Favourite a status; the answer is the status, now counting your favourite."""
        return self._post("/api/v1/statuses/{id}/favourite", Status, id=id)

    @api_version("1.0.0", "2.0.0")
    def status_unfavourite(self, id: StatusId) -> Status:
        """Undo your favourite of a status; returns it."""
        return self._post("/api/v1/statuses/{id}/unfavourite", Status, id=id)

    @api_version("1.4.0", "2.0.0")
    def status_mute(self, id: StatusId) -> Status:
        """Stop notifications about a status's conversation; returns the status."""
        return self._post("/api/v1/statuses/{id}/mute", Status, id=id)

    @api_version("1.4.0", "2.0.0")
    def status_unmute(self, id: StatusId) -> Status:
        """Get notifications about a status's conversation again; returns the status."""
        return self._post("/api/v1/statuses/{id}/unmute", Status, id=id)

    @api_version("2.1.0", "2.1.0")
    def status_pin(self, id: StatusId) -> Status:
        """Pin one of your statuses to your profile; returns it."""
        return self._post("/api/v1/statuses/{id}/pin", Status, id=id)

    @api_version("2.1.0", "2.1.0")
    def status_unpin(self, id: StatusId) -> Status:
        """Unpin one of your statuses from your profile; returns it."""
        return self._post("/api/v1/statuses/{id}/unpin", Status, id=id)

    @api_version("3.1.0", "3.1.0")
    def status_bookmark(self, id: StatusId) -> Status:
        """Bookmark a status; returns it."""
        return self._post("/api/v1/statuses/{id}/bookmark", Status, id=id)

    @api_version("3.1.0", "3.1.0")
    def status_unbookmark(self, id: StatusId) -> Status:
        """Remove a status from your bookmarks; returns it."""
        return self._post("/api/v1/statuses/{id}/unbookmark", Status, id=id)

    @api_version("4.5.0", "4.5.0")
    def status_quote_revoke(self, id: StatusId, quoting_status_id: StatusId) -> Status:
        """Withdraw the permission for ``quoting_status_id`` to quote your status ``id``; returns the quoting status."""
        return self._post(
            "/api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke",
            Status,
            id=id,
            quoting_status_id=quoting_status_id,
        )

    @api_version("4.5.0", "4.5.0")
    def status_update_quote_approval_policy(self, id: StatusId, quote_approval_policy: QuotePolicy) -> Status:
        """Change who may quote one of your statuses (``public``, ``followers``, ``nobody``) without editing it."""
        if quote_approval_policy is None:
            raise refused("quote_approval_policy is required")
        _check_quote_policy(quote_approval_policy)
        return self._put(
            "/api/v1/statuses/{id}/interaction_policy", Status, id=id, quote_approval_policy=quote_approval_policy
        )

    def _check_status_length(self, text: str, spoiler_text: str) -> None:
        """Refuse a status longer than the instance allows, before sending it."""
        document = self._cached_get("instance_v2", "/api/v2/instance")
        limit = None
        if isinstance(document, dict):
            statuses = (document.get("configuration") or {}).get("statuses") or {}
            limit = statuses.get("max_characters")
        if not isinstance(limit, int):
            limit = 500  # Mastodon's default, for servers that do not say
        length = self.get_status_length(text, spoiler_text)
        if length > limit:
            raise MastodonIllegalArgumentError(
                f"status is {length} characters long (as the server counts them); this instance allows {limit}"
            )

    @staticmethod
    def get_status_length(text: str, spoiler_text: str = "") -> int:
        """How many characters a status counts as against the server's limit, counted as Mastodon counts.

        Each link counts as 23 characters whatever its length, a remote mention ``@user@domain`` as
        ``@user``, and the content warning and the text together in user-perceived characters
        (grapheme clusters). Compare with ``configuration.statuses.max_characters`` of the instance.
        """
        return status_length(text, spoiler_text)

    # -----------------------------------------------------------------------------------------
    # Scheduled statuses

    @api_version("2.7.0", "2.7.0")
    def scheduled_statuses(
        self,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[ScheduledStatus]:
        """A page of your scheduled statuses."""
        return self._get(
            "/api/v1/scheduled_statuses",
            PageOf(ScheduledStatus),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("2.7.0", "2.7.0")
    def scheduled_status(self, id: ScheduledStatus | IdType | PrimitiveIdType) -> ScheduledStatus:
        """One of your scheduled statuses, by id."""
        return self._get("/api/v1/scheduled_statuses/{id}", ScheduledStatus, id=id)

    @api_version("2.7.0", "2.7.0")
    def scheduled_status_update(
        self, id: ScheduledStatus | IdType | PrimitiveIdType, scheduled_at: datetime
    ) -> ScheduledStatus:
        """Move a scheduled status to another time (at least five minutes ahead); returns it."""
        check_datetime("scheduled_at", scheduled_at)
        return self._put("/api/v1/scheduled_statuses/{id}", ScheduledStatus, id=id, scheduled_at=scheduled_at)

    @api_version("2.7.0", "2.7.0")
    def scheduled_status_delete(self, id: ScheduledStatus | IdType | PrimitiveIdType) -> None:
        """Cancel a scheduled status."""
        return self._delete("/api/v1/scheduled_statuses/{id}", NOTHING, id=id)
