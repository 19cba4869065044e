"""Notifications, grouped notifications, the notification policy and filtered requests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, get_args, overload

from .._core import NOTHING, Core, ListOf, PagedOne, PageOf, Returns
from .._encode import id_of, ids_of
from .._validate import check_choice
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, refused
from ..literals import ExpandAccounts, NotificationPolicyValue, NotificationType
from ..return_types import (
    Account,
    GroupedNotificationsResults,
    Notification,
    NotificationPolicy,
    NotificationRequest,
    UnreadNotificationsCount,
)
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["NotificationsMixin"]

# The notification types the docs list (entities/Notification.md, "type"), oldest first.
NOTIFICATION_TYPES: tuple[str, ...] = get_args(NotificationType)
# What ``mentions_only`` excludes on servers older than 3.5.0, which have no ``types``.
_NOT_MENTIONS = ["follow", "favourite", "reblog", "poll", "follow_request"]
POLICY_VALUES: tuple[str, ...] = get_args(NotificationPolicyValue)
EXPAND_ACCOUNTS: tuple[str, ...] = get_args(ExpandAccounts)

Bound = Notification | IdType | PrimitiveIdType | datetime | None
RequestBound = NotificationRequest | IdType | PrimitiveIdType | None
AccountId = Account | IdType | PrimitiveIdType | None


def _field(name: str) -> Returns[Any]:
    """The value of one field of the JSON object the server answers (``{"count": 3}`` -> ``3``)."""

    def convert(body: Any) -> Any:
        if not isinstance(body, dict) or name not in body:
            raise TypeError(f"expected a JSON object with {name!r}")
        return body[name]

    return Returns(convert, name)


_MERGED = _field("merged")
_COUNT = _field("count")


def _types(name: str, values: Iterable[str] | str | None, feature_set: str) -> list[str] | None:
    """A list of notification type names; on mainline servers each must be one the docs list."""
    if values is None:
        return None
    checked = [values] if isinstance(values, str) else list(values)
    for value in checked:
        if not isinstance(value, str):
            raise refused(f"{name} must hold notification type names, not {value!r}")
        if feature_set == "mainline" and value not in NOTIFICATION_TYPES:
            raise refused(f"{name}: {value!r} is not a notification type (one of {', '.join(NOTIFICATION_TYPES)})")
    return checked


def _request_ids(ids: Any) -> list[Any]:
    """The ids of several notification requests (a non-empty list of them or their ids), as sent."""
    if not isinstance(ids, (list, tuple)) or not ids:
        raise MastodonIllegalArgumentError("ids must be a non-empty list of notification requests or ids")
    return ids_of(ids, "ids")


class NotificationsMixin(Core):
    """Notifications, grouped notifications, the notification policy and filtered requests."""

    @overload
    def notifications(
        self,
        id: None = None,
        account_id: AccountId = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        exclude_types: list[NotificationType] | None = None,
        types: list[NotificationType] | None = None,
        mentions_only: bool | None = None,
        supported_types: list[NotificationType] | None = None,
    ) -> PaginatableList[Notification]: ...

    @overload
    def notifications(
        self,
        id: Notification | IdType | PrimitiveIdType,
        account_id: AccountId = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        exclude_types: list[NotificationType] | None = None,
        types: list[NotificationType] | None = None,
        mentions_only: bool | None = None,
        supported_types: list[NotificationType] | None = None,
    ) -> Notification: ...

    @overload
    def notifications(
        self,
        id: Notification | IdType | PrimitiveIdType | None = None,
        account_id: AccountId = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        exclude_types: list[NotificationType] | None = None,
        types: list[NotificationType] | None = None,
        mentions_only: bool | None = None,
        supported_types: list[NotificationType] | None = None,
    ) -> PaginatableList[Notification] | Notification: ...

    @api_version("1.0.0", "4.6.0")
    def notifications(
        self,
        id: Notification | IdType | PrimitiveIdType | None = None,
        account_id: AccountId = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        exclude_types: list[NotificationType] | None = None,
        types: list[NotificationType] | None = None,
        mentions_only: bool | None = None,
        supported_types: list[NotificationType] | None = None,
    ) -> PaginatableList[Notification] | Notification:
        """A page of your notifications, newest first; with ``id``, that one notification.

        ``types`` / ``exclude_types`` filter by type (``mention``, ``favourite``, ``follow``, ...);
        ``mentions_only`` is the old shorthand for mentions only and cannot be combined with them.
        ``supported_types`` (4.6.0) names the types the client renders, so others come with a fallback.
        """
        exclude = _types("exclude_types", exclude_types, self.feature_set)
        include = _types("types", types, self.feature_set)
        supported = _types("supported_types", supported_types, self.feature_set)
        if mentions_only is not None:
            if exclude is not None or include is not None:
                raise MastodonIllegalArgumentError(
                    "mentions_only already decides the types; leave types and exclude_types out when giving it"
                )
            if mentions_only:
                if self._server_at_least("3.5.0"):
                    include = ["mention"]
                else:
                    exclude = list(_NOT_MENTIONS)
        if id is not None:
            return self._get("/api/v1/notifications/{id}", Notification, id=id, supported_types=supported)
        return self._get(
            "/api/v1/notifications",
            PageOf(Notification),
            account_id=id_of(account_id, "account_id"),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            exclude_types=exclude,
            types=include,
            supported_types=supported,
        )

    @api_version("4.3.0", "4.3.0")
    def notifications_unread_count(self) -> UnreadNotificationsCount:
        """How many notifications are newer than the notifications read marker (capped by the server)."""
        return self._get("/api/v1/notifications/unread_count", UnreadNotificationsCount)

    @api_version("1.0.0", "1.0.0")
    def notifications_clear(self) -> None:
        """Dismiss all of your notifications."""
        return self._post("/api/v1/notifications/clear", NOTHING)

    @api_version("1.3.0", "2.9.2")
    def notifications_dismiss(self, id: Notification | IdType | PrimitiveIdType) -> None:
        """Dismiss one notification (servers before 2.9.2 get the old form-based endpoint)."""
        if not self._server_at_least("2.9.2"):
            return self._post("/api/v1/notifications/dismiss", NOTHING, id=id_of(id, "id"))
        return self._post("/api/v1/notifications/{id}/dismiss", NOTHING, id=id)

    @api_version("4.3.0", "4.3.0")
    def notifications_policy(self) -> NotificationPolicy:
        """Your notification filtering policy and a summary of what it filtered."""
        return self._get("/api/v2/notifications/policy", NotificationPolicy)

    @api_version("4.3.0", "4.3.0")
    def update_notifications_policy(
        self,
        for_not_following: NotificationPolicyValue | None = None,
        for_not_followers: NotificationPolicyValue | None = None,
        for_new_accounts: NotificationPolicyValue | None = None,
        for_private_mentions: NotificationPolicyValue | None = None,
        for_limited_accounts: NotificationPolicyValue | None = None,
    ) -> NotificationPolicy:
        """Change your notification filtering policy; each value is ``accept``, ``filter`` or ``drop``."""
        for name, value in (
            ("for_not_following", for_not_following),
            ("for_not_followers", for_not_followers),
            ("for_new_accounts", for_new_accounts),
            ("for_private_mentions", for_private_mentions),
            ("for_limited_accounts", for_limited_accounts),
        ):
            if value is not None:
                check_choice(name, value, POLICY_VALUES)
        return self._patch(
            "/api/v2/notifications/policy",
            NotificationPolicy,
            for_not_following=for_not_following,
            for_not_followers=for_not_followers,
            for_new_accounts=for_new_accounts,
            for_private_mentions=for_private_mentions,
            for_limited_accounts=for_limited_accounts,
        )

    @api_version("4.3.0", "4.3.0")
    def notification_requests(
        self,
        max_id: RequestBound = None,
        since_id: RequestBound = None,
        min_id: RequestBound = None,
        limit: int | None = None,
    ) -> PaginatableList[NotificationRequest]:
        """A page of notification requests: notifications your policy filtered, grouped by account."""
        return self._get(
            "/api/v1/notifications/requests",
            PageOf(NotificationRequest),
            max_id=max_id,
            since_id=since_id,
            min_id=min_id,
            limit=limit,
        )

    @api_version("4.3.0", "4.3.0")
    def notification_request(self, id: NotificationRequest | IdType | PrimitiveIdType) -> NotificationRequest:
        """One notification request, by id."""
        return self._get("/api/v1/notifications/requests/{id}", NotificationRequest, id=id)

    @api_version("4.3.0", "4.3.0")
    def accept_notification_request(self, id: NotificationRequest | IdType | PrimitiveIdType) -> None:
        """Accept a notification request: its notifications join your feed, later ones are let through."""
        return self._post("/api/v1/notifications/requests/{id}/accept", NOTHING, id=id)

    @api_version("4.3.0", "4.3.0")
    def dismiss_notification_request(self, id: NotificationRequest | IdType | PrimitiveIdType) -> None:
        """Dismiss a notification request, so it no longer counts as pending."""
        return self._post("/api/v1/notifications/requests/{id}/dismiss", NOTHING, id=id)

    @api_version("4.3.0", "4.3.0")
    def accept_multiple_notification_requests(self, ids: list[NotificationRequest | IdType | PrimitiveIdType]) -> None:
        """Accept several notification requests at once."""
        return self._post("/api/v1/notifications/requests/accept", NOTHING, id=_request_ids(ids))

    @api_version("4.3.0", "4.3.0")
    def dismiss_multiple_notification_requests(self, ids: list[NotificationRequest | IdType | PrimitiveIdType]) -> None:
        """Dismiss several notification requests at once."""
        return self._post("/api/v1/notifications/requests/dismiss", NOTHING, id=_request_ids(ids))

    @api_version("4.3.0", "4.3.0")
    def notifications_merged(self) -> bool:
        """Whether the notifications of accepted requests have been merged into your feed yet."""
        return bool(self._get("/api/v1/notifications/requests/merged", _MERGED))

    @api_version("4.3.0", "4.6.0")
    def grouped_notifications(
        self,
        max_id: Bound = None,
        since_id: Bound = None,
        min_id: Bound = None,
        limit: int | None = None,
        types: list[NotificationType] | None = None,
        exclude_types: list[NotificationType] | None = None,
        account_id: AccountId = None,
        expand_accounts: ExpandAccounts | None = "partial_avatars",
        grouped_types: list[NotificationType] | None = None,
        include_filtered: bool | None = None,
        supported_types: list[NotificationType] | None = None,
    ) -> GroupedNotificationsResults:
        """A page of your notifications grouped by ``group_key``, with the accounts and statuses they refer to.

        ``expand_accounts`` is ``partial_avatars`` (some accounts only as avatars) or ``full``;
        ``grouped_types`` limits which types may be grouped; the rest is as in ``notifications``.
        """
        if expand_accounts is not None:
            check_choice("expand_accounts", expand_accounts, EXPAND_ACCOUNTS)
        include = _types("types", types, self.feature_set)
        exclude = _types("exclude_types", exclude_types, self.feature_set)
        grouped = _types("grouped_types", grouped_types, self.feature_set)
        supported = _types("supported_types", supported_types, self.feature_set)
        return self._get(
            "/api/v2/notifications",
            PagedOne(GroupedNotificationsResults),
            max_id=max_id,
            since_id=since_id,
            min_id=min_id,
            limit=limit,
            types=include,
            exclude_types=exclude,
            account_id=id_of(account_id, "account_id"),
            expand_accounts=expand_accounts,
            grouped_types=grouped,
            include_filtered=include_filtered,
            supported_types=supported,
        )

    @api_version("4.3.0", "4.6.0")
    def grouped_notification(
        self, group_key: str, supported_types: list[NotificationType] | None = None
    ) -> GroupedNotificationsResults:
        """One notification group, by its group key, with its accounts and statuses."""
        supported = _types("supported_types", supported_types, self.feature_set)
        return self._get(
            "/api/v2/notifications/{group_key}",
            GroupedNotificationsResults,
            group_key=group_key,
            supported_types=supported,
        )

    @api_version("4.3.0", "4.3.0")
    def dismiss_grouped_notification(self, group_key: str) -> None:
        """Dismiss every notification of a group."""
        return self._post("/api/v2/notifications/{group_key}/dismiss", NOTHING, group_key=group_key)

    @api_version("4.3.0", "4.3.0")
    def grouped_notification_accounts(self, group_key: str) -> NonPaginatableList[Account]:
        """The accounts of all notifications in a group."""
        return self._get("/api/v2/notifications/{group_key}/accounts", ListOf(Account), group_key=group_key)

    @api_version("4.3.0", "4.3.0")
    def unread_grouped_notifications_count(
        self,
        limit: int | None = None,
        types: list[NotificationType] | None = None,
        exclude_types: list[NotificationType] | None = None,
        account_id: AccountId = None,
        grouped_types: list[NotificationType] | None = None,
    ) -> int:
        """How many notification groups are newer than the notifications read marker (capped by the server)."""
        include = _types("types", types, self.feature_set)
        exclude = _types("exclude_types", exclude_types, self.feature_set)
        grouped = _types("grouped_types", grouped_types, self.feature_set)
        return int(
            self._get(
                "/api/v2/notifications/unread_count",
                _COUNT,
                limit=limit,
                types=include,
                exclude_types=exclude,
                account_id=id_of(account_id, "account_id"),
                grouped_types=grouped,
            )
        )
