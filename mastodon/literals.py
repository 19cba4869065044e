"""The enumerated string values the API takes, as ``Literal`` types for type checkers and IDEs.

Each parameter that accepts one of a fixed set of strings is annotated with one of these, so a typo
(``visibility="pubic"``) is a type error before it is a runtime ``MastodonIllegalArgumentError``. The
run-time checks accept exactly these values (a unit test compares each type with its check).
Annotate your own variables with them::

    from mastodon.literals import Visibility

    def announce(api: Mastodon, text: str, visibility: Visibility = "unlisted") -> None:
        api.status_post(text, visibility=visibility)

Servers other than Mastodon (``feature_set="pleroma"``) accept more notification types and
visibilities than listed; pass those with ``typing.cast``.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "AdminAccountOrigin",
    "AdminAccountStatus",
    "DefaultPrivacy",
    "DirectoryOrder",
    "DomainBlockSeverity",
    "ExpandAccounts",
    "FeatureSet",
    "FilterAction",
    "FilterContext",
    "IPBlockSeverity",
    "ListRepliesPolicy",
    "MarkerTimeline",
    "ModerationAction",
    "NotificationPolicyValue",
    "NotificationType",
    "PaginationDirection",
    "PushPolicy",
    "QuotePolicy",
    "RatelimitMethod",
    "ReportCategory",
    "RetentionFrequency",
    "SearchType",
    "VersionCheckMode",
    "Visibility",
]

Visibility = Literal["public", "unlisted", "private", "direct"]
"""Who sees a status."""

QuotePolicy = Literal["public", "followers", "nobody"]
"""Who may quote a status (``quote_approval_policy``, ``default_quote_policy``)."""

NotificationType = Literal[
    "mention",
    "status",
    "reblog",
    "follow",
    "follow_request",
    "favourite",
    "poll",
    "update",
    "admin.sign_up",
    "admin.report",
    "severed_relationships",
    "moderation_warning",
    "quote",
    "quoted_update",
    "added_to_collection",
    "collection_update",
]
"""A notification's type, as ``types`` / ``exclude_types`` take it."""

NotificationPolicyValue = Literal["accept", "filter", "drop"]
"""What the notification policy does with a category of notifications."""

ExpandAccounts = Literal["full", "partial_avatars"]
"""How grouped notifications include accounts."""

FilterContext = Literal["home", "notifications", "public", "thread", "account"]
"""Where a filter applies."""

FilterAction = Literal["warn", "hide", "blur"]
"""What a v2 filter does with what it matches."""

SearchType = Literal["accounts", "hashtags", "statuses"]
"""The kind of result a search is limited to."""

ListRepliesPolicy = Literal["followed", "list", "none"]
"""Which replies a list shows."""

MarkerTimeline = Literal["home", "notifications"]
"""The timelines that have read markers."""

PushPolicy = Literal["all", "none", "follower", "followed"]
"""From whom push notifications are sent."""

ReportCategory = Literal["spam", "legal", "violation", "other"]
"""Why an account is reported."""

DirectoryOrder = Literal["active", "new"]
"""The order of the profile directory."""

PaginationDirection = Literal["next", "previous"]
"""Which way pagination helpers go."""

AdminAccountOrigin = Literal["local", "remote"]
AdminAccountStatus = Literal["active", "pending", "disabled", "silenced", "suspended"]
ModerationAction = Literal["none", "disable", "silence", "suspend", "sensitive"]
DomainBlockSeverity = Literal["silence", "suspend", "noop"]
IPBlockSeverity = Literal["sign_up_requires_approval", "sign_up_block", "no_access"]
RetentionFrequency = Literal["day", "month"]

DefaultPrivacy = Literal["public", "unlisted", "private"]
"""The default visibility of new statuses (an account preference: ``direct`` is not one)."""

RatelimitMethod = Literal["wait", "throw", "pace"]
"""What the client does when the rate limit is reached (``Mastodon(ratelimit_method=...)``)."""

FeatureSet = Literal["mainline", "fedibird", "pleroma"]
"""Which server family's extra parameters the client accepts (``Mastodon(feature_set=...)``)."""

VersionCheckMode = Literal["created", "changed", "none"]
"""How strictly the client checks the server's version before a call (``Mastodon(version_check_mode=...)``)."""
