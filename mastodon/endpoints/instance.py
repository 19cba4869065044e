"""The instance: its description, rules, peers, activity and the other server-wide documents."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, get_args
from urllib.parse import urlsplit, urlunsplit

from .._core import NOTHING, RAW, TEXT, Core, ListOf, One, PageOf, Returns
from .._validate import check_choice, check_non_negative
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, MastodonNotFoundError
from ..literals import DirectoryOrder
from ..return_types import (
    Account,
    Activity,
    Announcement,
    CustomEmoji,
    DomainBlock,
    ExtendedDescription,
    Instance,
    InstanceV2,
    Nodeinfo,
    Rule,
    SupportedLocale,
    TermsOfService,
)
from ..types_base import AttribAccessDict, IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["InstanceMixin"]

NODEINFO_2_0 = "http://nodeinfo.diaspora.software/ns/schema/2.0"
DIRECTORY_ORDERS: tuple[str, ...] = get_args(DirectoryOrder)
# What GET /health answers when all is well: Mastodon's plain-text "OK" (what Mastodon.py checks, with
# "success"), or the JSON {"status": "UP"} the docs show (methods/health.md).
_HEALTHY_TEXT = ("OK", "success")


def _strings(body: Any) -> NonPaginatableList[str]:
    if not isinstance(body, list):
        raise TypeError(f"expected a JSON array of strings, got {type(body).__name__}")
    return NonPaginatableList(body)


def _language_pairs(body: Any) -> AttribAccessDict:
    if not isinstance(body, dict):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    return AttribAccessDict({source: NonPaginatableList(targets) for source, targets in body.items()})


_PEERS: Returns[NonPaginatableList[str]] = Returns(_strings, "str")
_LANGUAGE_PAIRS: Returns[AttribAccessDict] = Returns(_language_pairs, "dict")


class InstanceMixin(Core):
    """Endpoints under ``/api/v1/instance`` and ``/api/v2/instance``, and the other server-wide ones."""

    @api_version("1.1.0", "4.0.0")
    def instance(self) -> InstanceV2 | Instance:
        """The newest instance document the server has: v2 from Mastodon 4.0, v1 before (or where v2 is missing).

        Which one comes back depends on the server, so type checkers see ``InstanceV2 | Instance``:
        narrow it with ``isinstance(info, InstanceV2)``, or call ``instance_v2()`` (always an
        ``InstanceV2``) or ``instance_v1()`` (always an ``Instance``) when you know the server.
        """
        if self._server_version is not None and self._server_version.compatible < (4, 0, 0):
            return self.instance_v1()
        try:
            return self.instance_v2()
        except MastodonNotFoundError:
            return self.instance_v1()

    @api_version("1.1.0", "3.4.0")
    def instance_v1(self) -> Instance:
        """The server's v1 instance document: name, version, contact, limits (deprecated since 4.0)."""
        return self._get("/api/v1/instance", Instance)

    @api_version("4.0.0", "4.4.0")
    def instance_v2(self) -> InstanceV2:
        """The server's v2 instance document: domain, version, configuration, registrations, contact."""
        return self._get("/api/v2/instance", InstanceV2)

    @api_version("2.1.2", "2.1.2")
    def instance_activity(self) -> NonPaginatableList[Activity]:
        """Statuses, logins and registrations per week for the last 12 weeks (404 where the admin turned it off)."""
        return self._get("/api/v1/instance/activity", ListOf(Activity))

    @api_version("2.1.2", "2.1.2")
    def instance_peers(self) -> NonPaginatableList[str]:
        """The domains this server knows of (404 where the admin turned it off)."""
        return self._get("/api/v1/instance/peers", _PEERS)

    @api_version("3.0.0", "3.0.0")
    def instance_health(self) -> bool:
        """Whether ``/health`` says the web process, its database and its cache are working."""
        text = self._get("/health", TEXT).strip()
        if text in _HEALTHY_TEXT:
            return True
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return False
        return isinstance(document, dict) and document.get("status") == "UP"

    @api_version("3.0.0", "3.0.0")
    def instance_nodeinfo(self, schema: str = NODEINFO_2_0) -> Nodeinfo:
        """The server's NodeInfo document in ``schema`` (2.0 by default), found through ``/.well-known/nodeinfo``.

        The document is fetched where the well-known links point; the access token only goes along when
        that is this server (same host, either scheme: then the base URL is used). Where another host
        answers 404, this server is asked for the same path.
        """
        index = self._get("/.well-known/nodeinfo", RAW)
        links = index.get("links") if isinstance(index, dict) else None
        href = next(
            (
                link.get("href")
                for link in (links if isinstance(links, list) else [])
                if isinstance(link, dict) and link.get("rel") == schema
            ),
            None,
        )
        if not isinstance(href, str) or not href:
            raise MastodonIllegalArgumentError(
                f"The server's /.well-known/nodeinfo links no document of schema {schema!r}; "
                "omit schema for 2.0, or pick one of the rel values it lists"
            )
        parts = urlsplit(href)
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        # This server's own host, whatever the scheme in the link (an https link advertised by a host
        # served over plain http behind a proxy): fetch it from the base URL, as the index came from there.
        if not parts.netloc or parts.netloc.lower() == urlsplit(self.api_base_url or "").netloc.lower():
            return self._request("GET", path, One(Nodeinfo), {})
        try:
            return self._request("GET", path, One(Nodeinfo), {}, base_url=origin, auth=False)
        except MastodonNotFoundError:
            return self._request("GET", path, One(Nodeinfo), {})

    @api_version("3.4.0", "3.4.0")
    def instance_rules(self) -> NonPaginatableList[Rule]:
        """The rules the server's users agree to follow."""
        return self._get("/api/v1/instance/rules", ListOf(Rule))

    @api_version("4.4.0", "4.4.0")
    def instance_terms_of_service(self, date: _dt.date | None = None) -> TermsOfService:
        """The server's current terms of service, or with ``date`` the version that took effect on that exact day."""
        if date is not None and not isinstance(date, _dt.date):
            raise MastodonIllegalArgumentError(f"date must be a datetime.date, not {type(date).__name__}")
        return self._get(
            "/api/v1/instance/terms_of_service",
            TermsOfService,
            date=date.strftime("%Y-%m-%d") if date is not None else None,
        )

    @api_version("3.0.0", "3.0.0")
    def directory(
        self,
        offset: int | None = None,
        limit: int | None = None,
        order: DirectoryOrder | None = None,
        local: bool | None = None,
    ) -> PaginatableList[Account]:
        """A page of the profile directory (offset pagination); ``order`` is ``active`` or ``new``."""
        if order is not None:
            check_choice("order", order, DIRECTORY_ORDERS)
        check_non_negative(offset=offset, limit=limit)
        return self._get(
            "/api/v1/directory",
            PageOf(Account),
            _offset=True,
            offset=offset,
            limit=limit,
            order=order,
            local=local,
        )

    @api_version("2.1.0", "2.1.0")
    def custom_emojis(self) -> NonPaginatableList[CustomEmoji]:
        """The custom emoji of this server."""
        return self._get("/api/v1/custom_emojis", ListOf(CustomEmoji))

    @api_version("3.1.0", "3.1.0")
    def announcements(self) -> NonPaginatableList[Announcement]:
        """The server's currently active announcements."""
        return self._get("/api/v1/announcements", ListOf(Announcement))

    @api_version("3.1.0", "3.1.0")
    def announcement_dismiss(self, id: Announcement | IdType | PrimitiveIdType) -> None:
        """Mark an announcement as read."""
        return self._post("/api/v1/announcements/{id}/dismiss", NOTHING, id=id)

    @api_version("3.1.0", "3.1.0")
    def announcement_reaction_create(self, id: Announcement | IdType | PrimitiveIdType, reaction: str) -> None:
        """React to an announcement with a unicode emoji or the shortcode of one of the server's custom emoji."""
        return self._put("/api/v1/announcements/{id}/reactions/{reaction}", NOTHING, id=id, reaction=reaction)

    @api_version("3.1.0", "3.1.0")
    def announcement_reaction_delete(self, id: Announcement | IdType | PrimitiveIdType, reaction: str) -> None:
        """Take back your reaction to an announcement."""
        return self._delete("/api/v1/announcements/{id}/reactions/{reaction}", NOTHING, id=id, reaction=reaction)

    @api_version("4.0.0", "4.0.0")
    def instance_extended_description(self) -> ExtendedDescription:
        """The server's extended description (HTML) and when it was last changed."""
        return self._get("/api/v1/instance/extended_description", ExtendedDescription)

    @api_version("4.2.0", "4.2.0")
    def instance_translation_languages(self) -> dict[str, NonPaginatableList[str]]:
        """The language pairs the server can translate: source language code -> target language codes."""
        return self._get("/api/v1/instance/translation_languages", _LANGUAGE_PAIRS)

    @api_version("4.0.0", "4.0.0")
    def instance_domain_blocks(self) -> NonPaginatableList[DomainBlock]:
        """The domains this server blocks, where the admin made that list visible (to you)."""
        return self._get("/api/v1/instance/domain_blocks", ListOf(DomainBlock))

    @api_version("4.2.0", "4.2.0")
    def instance_languages(self) -> NonPaginatableList[SupportedLocale]:
        """The languages the server supports (code and name)."""
        return self._get("/api/v1/instance/languages", ListOf(SupportedLocale))
