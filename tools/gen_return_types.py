"""Generate ``mastodon/return_types.py`` from the Mastodon API documentation's entity pages.

Usage (from the repository root, with the docs checked out beside it)::

    python tools/gen_return_types.py [--docs ../shared/mastodon-api-docs] [--output mastodon/return_types.py]

Each page in ``<docs>/entities/*.md`` has an ``## Attributes`` section made of ``### `name` `` headings,
each followed by ``**Description:**``, ``**Type:**`` and ``**Version history:**`` lines; nested hashes
appear as ``#### `parent[child]` `` headings, and some pages define further entities in sections of their
own (``## CredentialAccount entity attributes {#CredentialAccount}``). Every such entity becomes a class.

The tables below hold what the documentation does not say: the class names Mastodon.py gives entities
and nested hashes (so user code importing them keeps working), a few type corrections, and the classes
Mastodon.py has that no entity page describes (nodeinfo, push notifications, ...).
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import subprocess
import sys
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent / "shared" / "mastodon-api-docs"
DEFAULT_OUTPUT = REPO / "mastodon" / "return_types.py"
DOCS_URL = "https://docs.joinmastodon.org/entities/{page}/"

# ---------------------------------------------------------------------------------------------
# Names: docs page -> class, docs section -> class, nested hash -> class

# Pages whose class name is not simply the page name (with ``Admin_`` turned into ``Admin``).
PAGE_CLASSES = {
    "V1_Instance": "Instance",
    "Instance": "InstanceV2",
    "V1_Filter": "Filter",
    "Filter": "FilterV2",
    "List": "UserList",
    "Search": "SearchV2",
    "V1_NotificationPolicy": "NotificationPolicyV1",
    "Admin_Cohort": "AdminRetention",
}

# Sections after the main one: (page, anchor) -> (class name, class it extends or None).
# A section that extends a class adds its fields to that class (the server sends them on the same
# endpoints) and gets an empty subclass of its own under the documented name.
SECTION_CLASSES: dict[tuple[str, str], tuple[str, str | None]] = {
    ("Account", "CredentialAccount"): ("CredentialAccount", "Account"),
    ("Account", "MutedAccount"): ("MutedAccount", "Account"),
    ("Account", "PartialAccountWithAvatar"): ("PartialAccountWithAvatar", None),
    ("Account", "AccountRole"): ("AccountRole", None),
    ("Account", "Field"): ("AccountField", None),
    ("Admin_Cohort", "CohortData"): ("AdminCohort", None),
    ("Admin_Dimension", "Data"): ("AdminDimensionData", None),
    ("Announcement", "Account"): ("StatusMention", None),
    ("Announcement", "Status"): ("AnnouncementStatus", None),
    ("AnnualReport", "WrappedAnnualReports"): ("WrappedAnnualReports", None),
    ("Application", "CredentialApplication"): ("CredentialApplication", "Application"),
    ("Collection", "WrappedCollection"): ("WrappedCollection", None),
    ("Collection", "Collections"): ("Collections", None),
    ("CollectionItem", "WrappedCollectionItem"): ("WrappedCollectionItem", None),
    ("Instance", "InstanceIcon"): ("InstanceIcon", None),
    ("Poll", "Option"): ("PollOption", None),
    ("PreviewCard", "trends-link"): ("TrendsLink", "PreviewCard"),
    ("Profile", "Field"): ("ProfileField", None),
    ("Status", "Mention"): ("StatusMention", None),
    ("Status", "Tag"): ("Tag", None),
    ("Tag", "admin"): ("AdminTag", "Tag"),
    ("Translation", "Poll"): ("TranslationPoll", None),
    ("Translation", "Option"): ("TranslationPollOption", None),
    ("Translation", "Attachment"): ("TranslationAttachment", None),
}

# Docstrings of the section classes, for the section each class is documented in (its home). Sections
# not listed here only add fields to a class documented elsewhere.
SECTION_DOCS: dict[tuple[str, str], str] = {
    ("Account", "CredentialAccount"): "The user's own account, with the source values of the profile and the role",
    ("Account", "MutedAccount"): "A muted account, with when the mute ends",
    ("Account", "PartialAccountWithAvatar"): "An account reduced to what is needed to show its avatar",
    ("Account", "AccountRole"): "A role of an account, as shown on its profile",
    ("Account", "Field"): "A name and value pair shown on an account's profile",
    ("Admin_Cohort", "CohortData"): "The retention of one cohort of users",
    ("Admin_Dimension", "Data"): "One value of a dimension",
    ("Announcement", "Status"): "A status linked from an announcement",
    ("AnnualReport", "WrappedAnnualReports"): "Annual reports with the accounts and statuses they refer to",
    ("Application", "CredentialApplication"): "An application as shown to its creator, with its client credentials",
    ("Collection", "WrappedCollection"): "A collection, wrapped in an object",
    ("Collection", "Collections"): "Several collections, wrapped in an object",
    ("CollectionItem", "WrappedCollectionItem"): "A collection item, wrapped in an object",
    ("Instance", "InstanceIcon"): "An icon of the server, in one size",
    ("Poll", "Option"): "One option of a poll",
    ("PreviewCard", "trends-link"): "A trending link: a preview card with its usage history",
    ("Profile", "Field"): "A name and value pair of the profile, as the user entered them",
    ("Status", "Mention"): "An account mentioned in a status",
    ("Tag", "admin"): "A hashtag as moderators see it: a tag with its review state",
    ("Translation", "Poll"): "A translated poll",
    ("Translation", "Option"): "A translated poll option",
    ("Translation", "Attachment"): "A translated media description",
}

# Entity names in ``[Name](link)`` type references that are not class names as they stand.
REFERENCES = {
    "Admin::Account": "AdminAccount",
    "Admin::Ip": "AdminIp",
    "Status::Mention": "StatusMention",
    "Status::Tag": "Tag",
    "Poll::Option": "PollOption",
    "Announcement::Account": "StatusMention",
    "Announcement::Status": "AnnouncementStatus",
    "Translation::Poll": "TranslationPoll",
    "Translation::Poll::Option": "TranslationPollOption",
    "Translation::Attachment": "TranslationAttachment",
    "CohortData": "AdminCohort",
    "List": "UserList",
    "Filter": "FilterV2",
    "Instance": "InstanceV2",
    "Search": "SearchV2",
}
# ``[Field](#Field)`` means the Field section of the page it appears on.
PAGE_REFERENCES = {("Account", "Field"): "AccountField", ("Profile", "Field"): "ProfileField"}

# Nested hashes: "Class.field" -> class name (as Mastodon.py names them); others get Class + Field.
NESTED_CLASSES = {
    "Account.source": "CredentialAccountSource",
    "Status.application": "Application",
    "Account.feature_approval": "FeatureApproval",
    "Instance.urls": "InstanceURLs",
    "Instance.stats": "InstanceStatistics",
    "Instance.configuration": "InstanceConfiguration",
    "InstanceConfiguration.accounts": "InstanceAccountConfiguration",
    "InstanceConfiguration.statuses": "InstanceStatusConfiguration",
    "InstanceConfiguration.media_attachments": "InstanceMediaConfiguration",
    "InstanceConfiguration.polls": "InstancePollConfiguration",
    "InstanceV2.usage": "InstanceUsage",
    "InstanceUsage.users": "InstanceUsageUsers",
    "InstanceV2.thumbnail": "InstanceThumbnail",
    "InstanceThumbnail.versions": "InstanceThumbnailVersions",
    "InstanceV2.configuration": "InstanceConfigurationV2",
    "InstanceV2.registrations": "InstanceRegistrations",
    "InstanceV2.contact": "InstanceContact",
    "InstanceConfigurationV2.urls": "InstanceURLsV2",
    "InstanceConfigurationV2.vapid": "InstanceVapidKey",
    "InstanceConfigurationV2.accounts": "InstanceAccountConfiguration",
    "InstanceConfigurationV2.statuses": "InstanceStatusConfiguration",
    "InstanceConfigurationV2.media_attachments": "InstanceMediaConfiguration",
    "InstanceConfigurationV2.polls": "InstancePollConfiguration",
    "InstanceConfigurationV2.translation": "InstanceTranslationConfiguration",
    "InstanceConfigurationV2.timelines_access": "InstanceTimelinesAccessConfiguration",
    "InstanceTimelinesAccessConfiguration.live_feeds": "InstanceTimelinesAccessFeedConfiguration",
    "InstanceTimelinesAccessConfiguration.hashtag_feeds": "InstanceTimelinesAccessFeedConfiguration",
    "InstanceTimelinesAccessConfiguration.trending_link_feeds": "InstanceTimelinesAccessFeedConfiguration",
    "MediaAttachment.meta": "MediaAttachmentMetadataContainer",
    "MediaAttachmentMetadataContainer.focus": "MediaAttachmentFocusPoint",
    "PreviewCard.history": "TrendingLinkHistory",
    "Tag.history": "TagHistory",
    "AdminMeasure.data": "AdminMeasureData",
    "AdminEmailDomainBlock.history": "AdminEmailDomainBlockHistory",
    "WebPushSubscription.alerts": "WebPushSubscriptionAlerts",
    "NotificationPolicy.summary": "NotificationPolicySummary",
    "NotificationPolicyV1.summary": "NotificationPolicySummary",
    "ScheduledStatus.params": "ScheduledStatusParams",
    "AnnualReport.data": "AnnualReportDataV1",
    "AnnualReportDataV1.type_distribution": "AnnualReportTypeDistribution",
    "AnnualReportDataV1.top_statuses": "AnnualReportTopStatusesV1",
    "AnnualReportDataV1.percentiles": "AnnualReportPercentiles",
    "Rule.translations": "RuleTranslation",
}

# Field types the documentation gets wrong or leaves open: "Class.field" -> annotation.
TYPE_OVERRIDES = {
    # Documented as "Array of Hash", described in the page's "Data attributes" section.
    "AdminDimension.data": "NonPaginatableList[AdminDimensionData]",
    # Two report formats exist; the schema_version field says which one a report uses.
    "AnnualReport.data": "AnnualReportDataV2 | AnnualReportDataV1",
    "AnnualReportDataV1.most_used_apps": "NonPaginatableList[AnnualReportNameAndCount]",
    "AnnualReportDataV1.commonly_interacted_with_accounts": "NonPaginatableList[AnnualReportAccountAndCount]",
    "AnnualReportDataV1.most_reblogged_accounts": "NonPaginatableList[AnnualReportAccountAndCount]",
    "AnnualReportDataV1.time_series": "NonPaginatableList[AnnualReportTimeSeriesEntryV1]",
    "AnnualReportDataV1.top_hashtags": "NonPaginatableList[AnnualReportNameAndCount]",
    # A map of language code -> translation, not a fixed set of fields.
    "Rule.translations": "AttribAccessDict",
    # Documented as always null, but a datetime when set; ids sent as numbers.
    "ScheduledStatusParams.scheduled_at": "datetime | None",
    "ScheduledStatusParams.in_reply_to_id": "IdType | None",
    "ScheduledStatusParams.application_id": "IdType",
    # Counts sent as strings are counts, not ids.
    "TagHistory.uses": "str",
    "TagHistory.accounts": "str",
}

# Classes no entity page describes, with the fields Mastodon.py gives them:
# name -> (one-line docstring, documentation URL, [(field, annotation, description), ...]).
Spec = tuple[str, str, list[tuple[str, str, str]]]
EXTRA_CLASSES: dict[str, Spec] = {
    "Search": (
        "Search results in the format of the v1 search endpoint (hashtags as plain strings).",
        "https://docs.joinmastodon.org/methods/search/",
        [
            ("accounts", "NonPaginatableList[Account]", "Accounts that match the query."),
            ("hashtags", "NonPaginatableList[str]", "Hashtag names that match the query."),
            ("statuses", "NonPaginatableList[Status]", "Statuses that match the query."),
        ],
    ),
    "MediaAttachmentImageMetadata": (
        "Size information for an image (or a video's preview).",
        "https://docs.joinmastodon.org/entities/MediaAttachment/",
        [
            ("width", "int", "Width in pixels."),
            ("height", "int", "Height in pixels."),
            ("aspect", "float", "Width divided by height."),
            ("size", "str", "Width and height as a string like 640x480."),
        ],
    ),
    "MediaAttachmentVideoMetadata": (
        "Size and timing information for a video or animated image.",
        "https://docs.joinmastodon.org/entities/MediaAttachment/",
        [
            ("width", "int", "Width in pixels."),
            ("height", "int", "Height in pixels."),
            ("frame_rate", "str", "Frames per second, as a fraction string like 30/1."),
            ("duration", "float", "Length in seconds."),
            ("bitrate", "int", "Bits per second."),
        ],
    ),
    "MediaAttachmentAudioMetadata": (
        "Timing information for an audio file.",
        "https://docs.joinmastodon.org/entities/MediaAttachment/",
        [("duration", "float", "Length in seconds."), ("bitrate", "int", "Bits per second.")],
    ),
    "MediaAttachmentColors": (
        "The main colours of an audio attachment's artwork, as #rrggbb strings.",
        "https://docs.joinmastodon.org/entities/MediaAttachment/",
        [
            ("foreground", "str", "Foreground colour."),
            ("background", "str", "Background colour."),
            ("accent", "str", "Accent colour."),
        ],
    ),
    "Nodeinfo": (
        "Server metadata in the NodeInfo format.",
        "https://github.com/jhass/nodeinfo",
        [
            ("version", "str", "The NodeInfo schema version."),
            ("software", "NodeinfoSoftware", "The server software."),
            ("protocols", "NonPaginatableList[str]", "Federation protocols the server speaks."),
            ("services", "NodeinfoServices", "Third-party services the server can talk to."),
            ("usage", "NodeinfoUsage", "Usage statistics."),
            ("openRegistrations", "bool", "Whether anyone can sign up."),
            ("metadata", "NodeinfoMetadata", "Software-specific extra data."),
        ],
    ),
    "NodeinfoSoftware": (
        "The software a server runs, in NodeInfo.",
        "https://github.com/jhass/nodeinfo",
        [("name", "str", "Software name, like mastodon."), ("version", "str", "Software version.")],
    ),
    "NodeinfoServices": (
        "Third-party services a server can exchange messages with, in NodeInfo.",
        "https://github.com/jhass/nodeinfo",
        [
            ("outbound", "NonPaginatableList[str]", "Services the server can post to."),
            ("inbound", "NonPaginatableList[str]", "Services the server can read from."),
        ],
    ),
    "NodeinfoUsage": (
        "Usage statistics in NodeInfo.",
        "https://github.com/jhass/nodeinfo",
        [("users", "NodeinfoUsageUsers", "User counts."), ("localPosts", "int", "Posts made on this server.")],
    ),
    "NodeinfoUsageUsers": (
        "User counts in NodeInfo.",
        "https://github.com/jhass/nodeinfo",
        [
            ("total", "int", "All users."),
            ("activeMonth", "int", "Users active in the last month."),
            ("activeHalfyear", "int", "Users active in the last six months."),
        ],
    ),
    "NodeinfoMetadata": (
        "Software-specific metadata in NodeInfo.",
        "https://github.com/jhass/nodeinfo",
        [
            ("nodeName", "str", "The server's name."),
            ("nodeDescription", "str | None", "The server's description."),
            ("optInServerDirectory", "bool | None", "Whether the server wants to be listed in directories."),
            ("optInServerRecommendation", "bool | None", "Whether the server wants to be recommended."),
        ],
    ),
    "Activity": (
        "Activity on a server during one week.",
        "https://docs.joinmastodon.org/methods/instance/#activity",
        [
            ("week", "datetime", "Start of the week."),
            ("logins", "int", "Users who logged in during the week."),
            ("registrations", "int", "Users who signed up during the week."),
            ("statuses", "int", "Statuses posted during the week."),
        ],
    ),
    "PushNotification": (
        "A decrypted web push notification.",
        "https://docs.joinmastodon.org/entities/WebPushSubscription/",
        [
            ("access_token", "str", "Token of the subscription the push was sent for."),
            ("body", "str", "Text of the notification."),
            ("icon", "str", "URL of an icon to show."),
            ("notification_id", "IdType", "Id of the notification; fetch it for details."),
            ("notification_type", "str", "Type of the notification."),
            ("preferred_locale", "str", "The user's locale."),
            ("title", "str", "Title of the notification."),
        ],
    ),
    "StreamReaction": (
        "An emoji reaction to an announcement, as sent by the streaming API.",
        "https://docs.joinmastodon.org/methods/streaming/",
        [
            ("name", "str", "The emoji (a unicode emoji or a custom emoji shortcode)."),
            ("count", "int", "How many users reacted with it."),
            ("announcement_id", "IdType", "The announcement reacted to."),
        ],
    ),
    "AccountCreationError": (
        "Why creating an account failed.",
        "https://docs.joinmastodon.org/methods/accounts/#create",
        [
            ("error", "str", "Summary of the problem."),
            ("details", "AccountCreationErrorDetails", "The problems by form field."),
        ],
    ),
    "AccountCreationErrorDetails": (
        "The problems with each form field of a failed account creation.",
        "https://docs.joinmastodon.org/methods/accounts/#create",
        [
            (name, "NonPaginatableList[AccountCreationErrorDetailsField] | None", f"Problems with {name}.")
            for name in ("username", "password", "email", "agreement", "locale", "reason", "date_of_birth")
        ],
    ),
    "AccountCreationErrorDetailsField": (
        "One problem with one form field of a failed account creation.",
        "https://docs.joinmastodon.org/methods/accounts/#create",
        [("error", "str", "Error code, like ERR_TAKEN."), ("description", "str", "Readable explanation.")],
    ),
    "UnreadNotificationsCount": (
        "How many notifications are unread.",
        "https://docs.joinmastodon.org/methods/notifications/#unread-count",
        [("count", "int", "The number of unread notifications.")],
    ),
    "SupportedLocale": (
        "A locale the server's interface is available in.",
        "https://docs.joinmastodon.org/methods/instance/",
        [("code", "str", "Locale code, like en."), ("name", "str", "Name of the language.")],
    ),
    "OAuthServerInfo": (
        "The server's OAuth 2.0 authorization server metadata (RFC 8414).",
        "https://docs.joinmastodon.org/methods/oauth/#authorization-server-metadata",
        [
            ("issuer", "str", "The authorization server's issuer identifier."),
            ("authorization_endpoint", "str", "URL of the authorization endpoint."),
            ("token_endpoint", "str", "URL of the token endpoint."),
            ("revocation_endpoint", "str", "URL of the token revocation endpoint."),
            ("userinfo_endpoint", "str", "URL of the user info endpoint."),
            ("scopes_supported", "NonPaginatableList[str]", "Scopes the server knows."),
            ("response_types_supported", "NonPaginatableList[str]", "Response types the server supports."),
            ("response_modes_supported", "NonPaginatableList[str]", "Response modes the server supports."),
            ("grant_types_supported", "NonPaginatableList[str]", "Grant types the server supports."),
            (
                "token_endpoint_auth_methods_supported",
                "NonPaginatableList[str]",
                "Client authentication methods of the token endpoint.",
            ),
            ("code_challenge_methods_supported", "NonPaginatableList[str]", "PKCE code challenge methods."),
            ("service_documentation", "str | None", "URL of documentation for developers."),
            ("app_registration_endpoint", "str | None", "URL to register applications at."),
        ],
    ),
    "OAuthUserInfo": (
        "OpenID Connect user info about the user a token belongs to.",
        "https://docs.joinmastodon.org/methods/oauth/#userinfo",
        [
            ("iss", "str", "The issuer (the server's URL)."),
            ("sub", "str", "The account's URI."),
            ("name", "str", "The display name."),
            ("preferred_username", "str", "The username."),
            ("profile", "str", "URL of the profile page."),
            ("picture", "str", "URL of the avatar."),
        ],
    ),
    "GroupedNotificationsResults": (
        "A page of grouped notifications, with the accounts and statuses they refer to.",
        "https://docs.joinmastodon.org/methods/grouped_notifications/",
        [
            ("accounts", "NonPaginatableList[Account]", "Accounts referenced by the groups."),
            (
                "partial_accounts",
                "NonPaginatableList[PartialAccountWithAvatar] | None",
                "Accounts in a reduced form, when asked for.",
            ),
            ("statuses", "NonPaginatableList[Status]", "Statuses referenced by the groups."),
            ("notification_groups", "NonPaginatableList[NotificationGroup]", "The notification groups."),
        ],
    ),
    "NotificationGroup": (
        "Notifications of the same kind about the same thing, grouped.",
        "https://docs.joinmastodon.org/methods/grouped_notifications/",
        [
            ("group_key", "str", "Identifies the group."),
            ("notifications_count", "int", "How many notifications the group holds."),
            ("type", "str", "The kind of notifications."),
            ("most_recent_notification_id", "IdType", "Id of the newest notification in the group."),
            ("page_min_id", "IdType | None", "Id of the oldest notification of the group on this page."),
            ("page_max_id", "IdType | None", "Id of the newest notification of the group on this page."),
            ("latest_page_notification_at", "datetime | None", "When the newest notification on the page was made."),
            ("sample_account_ids", "NonPaginatableList[IdType]", "Ids of some accounts that caused notifications."),
            ("status_id", "IdType | None", "Id of the status the notifications are about."),
            ("report", "Report | None", "The report, for admin.report notifications."),
            ("event", "RelationshipSeveranceEvent | None", "The event, for severed_relationships."),
            ("moderation_warning", "AccountWarning | None", "The warning, for moderation_warning."),
            ("fallback", "NotificationFallback | None", "How to show a notification type the client does not know."),
            ("collection", "Collection | None", "The collection the notifications are about."),
            ("annual_report", "AnnualReportEvent | None", "The annual report that became available."),
        ],
    ),
    "AnnualReportEvent": (
        "An annual report that became available, in a notification.",
        "",
        [("year", "str", "The year the report is about.")],
    ),
    "AnnualReportState": (
        "Whether the annual report of a year can be generated, is being generated or is ready.",
        "https://docs.joinmastodon.org/methods/annual_reports/",
        [("state", "str", "One of available, generating, eligible, ineligible.")],
    ),
    "AnnualReportDataV2": (
        "The contents of an annual report, second format.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("archetype", "str", "The kind of user the report sees in the account."),
            ("top_statuses", "AnnualReportTopStatusesV2", "The statuses with the most interactions."),
            ("time_series", "NonPaginatableList[AnnualReportTimeSeriesEntryV2]", "Activity by month."),
            ("top_hashtags", "NonPaginatableList[AnnualReportNameAndCount]", "The most used hashtags."),
        ],
    ),
    "AnnualReportTopStatusesV2": (
        "The statuses of the year with the most interactions, second format.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("by_reblogs", "IdType | None", "The most boosted status."),
            ("by_favourites", "IdType | None", "The most favourited status."),
            ("by_replies", "IdType | None", "The status with the most replies."),
        ],
    ),
    "AnnualReportTopStatusesV1": (
        "The statuses of the year with the most interactions, first format.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("by_reblogs", "IdType | None", "The most boosted status."),
            ("by_favourites", "IdType | None", "The most favourited status."),
            ("by_replies", "IdType | None", "The status with the most replies."),
        ],
    ),
    "AnnualReportTimeSeriesEntryV2": (
        "Activity during one month, second format.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("month", "int", "The month, 1 to 12."),
            ("statuses", "int", "Statuses posted."),
            ("followers", "int", "Followers gained."),
        ],
    ),
    "AnnualReportTimeSeriesEntryV1": (
        "Activity during one month, first format.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("month", "int", "The month, 1 to 12."),
            ("statuses", "int", "Statuses posted."),
            ("following", "int", "Accounts followed."),
            ("followers", "int", "Followers gained."),
        ],
    ),
    "AnnualReportTypeDistribution": (
        "How the year's statuses divide into kinds.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [
            ("total", "int", "All statuses."),
            ("reblogs", "int", "Boosts."),
            ("replies", "int", "Replies."),
            ("standalone", "int", "Statuses that are neither."),
        ],
    ),
    "AnnualReportNameAndCount": (
        "A name (of an application or hashtag) and how often it was used.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [("name", "str", "The name."), ("count", "int", "How often.")],
    ),
    "AnnualReportAccountAndCount": (
        "An account and how often it was interacted with.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [("account_id", "IdType", "The account."), ("count", "int", "How often.")],
    ),
    "AnnualReportPercentiles": (
        "Where the account stands compared with the others on the server.",
        "https://docs.joinmastodon.org/entities/AnnualReport/",
        [("statuses", "float", "Percentile by number of statuses posted.")],
    ),
    "CredentialAccountState": (
        "Whether the logged-in account can be used, and the reason if it cannot.",
        "https://docs.joinmastodon.org/entities/Account/",
        [
            ("functional", "bool", "Whether the account can be used now."),
            ("confirmed", "bool", "Whether the account's email address is confirmed."),
            ("approved", "bool", "Whether the account has been approved."),
            ("error_code", "str | None", "Code of the reason the account cannot be used, or None."),
            ("error", "str | None", "Readable reason the account cannot be used, or None."),
        ],
    ),
    "RuleTranslation": (
        "A server rule in another language.",
        "https://docs.joinmastodon.org/entities/Rule/",
        [("text", "str", "The rule."), ("hint", "str", "Longer explanation of the rule.")],
    ),
}

# Fields Mastodon.py knows that the entity pages leave out: class -> [(field, annotation, description)].
EXTRA_FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "Account": [
        (
            "state",
            "CredentialAccountState | None",
            "Own account only: whether it can be used, and why not if it cannot.",
        ),
        ("invalid_handle", "bool | None", "Whether the account's handle cannot be resolved."),
    ],
    "MediaAttachment": [
        ("preview_remote_url", "str | None", "URL of the preview image on the server the media came from."),
    ],
    "PreviewCard": [
        ("language", "str | None", "Language of the linked page."),
        ("image_description", "str | None", "Alternative text of the preview image."),
    ],
    "InstanceRegistrations": [("sign_up_url", "str | None", "Where to sign up, when that is not this server.")],
    "WebPushSubscription": [
        ("policy", "str | None", "Whose notifications are pushed: all, followed, follower or none.")
    ],
    "WebPushSubscriptionAlerts": [
        ("quote", "bool | None", "Push when someone quotes one of your statuses."),
        ("quoted_update", "bool | None", "Push when a status you quoted is edited."),
    ],
    "NotificationPolicy": [("for_bots", "str | None", "What to do with notifications from automated accounts.")],
    "Profile": [
        ("featured_tags", "NonPaginatableList[FeaturedTag] | None", "Hashtags featured on the profile."),
        ("formatted_note", "str | None", "The bio as HTML."),
        ("formatted_fields", "NonPaginatableList[AccountField] | None", "The profile fields as HTML."),
    ],
    "ScheduledStatusParams": [
        ("allowed_mentions", "NonPaginatableList[str] | None", "Accounts the status may mention."),
        ("quoted_status_id", "IdType | None", "The status the scheduled status quotes."),
        ("quote_approval_policy", "str | None", "Who may quote the status."),
    ],
    "Preferences": [
        ("reading:autoplay:gifs", "bool", "Whether animated images and avatars play without hovering."),
        ("posting:default:quote_policy", "str", "Default setting for who may quote new statuses."),
    ],
    "MediaAttachmentMetadataContainer": [
        (
            "original",
            "MediaAttachmentImageMetadata | MediaAttachmentVideoMetadata | MediaAttachmentAudioMetadata",
            "Metadata of the original file.",
        ),
        ("small", "MediaAttachmentImageMetadata", "Metadata of the preview image."),
        ("colors", "MediaAttachmentColors | None", "Main colours of audio artwork."),
    ],
}

# Names (other than classes) the module exports, for code importing them from here.
# Attribute names for fields whose JSON key is no Python identifier or is a dict method (as Mastodon.py
# names them): class -> {attribute: JSON key}. Keys like "posting:default:language" or "@1x" get one
# made up (posting_default_language, at1x) without being listed.
ALIASES: dict[str, dict[str, str]] = {
    "Collection": {"collection_items": "items"},
}


def alias_for(key: str) -> str | None:
    alias = re.sub(r"[^0-9A-Za-z_]", "_", key.replace("@", "at"))
    return alias if alias.isidentifier() and not keyword.iskeyword(alias) else None


# Each Mastodon.py entity class's declared fields (in its order), renamed fields and the fields it
# converts to datetimes or to its id type, recorded from Mastodon.py 2.3.3 by
# tools/record_mastodonpy_entities.py: class -> {"fields": [...], "renamed": {...}, "converted": {...}}.
MASTODONPY_FIELDS: dict[str, dict[str, Any]] = json.loads(
    (REPO / "tools" / "mastodonpy_entity_fields.json").read_text(encoding="utf-8")
)["classes"]


def mastodonpy_annotation(class_name: str, field_name: str, annotation: str) -> str:
    """The annotation with ids and datetimes left as strings where Mastodon.py leaves them so.

    Mastodon.py converts only the fields it types as ``MaybeSnowflakeIdType`` to its id type (those it
    types ``IdType`` stay plain strings) and only those it types ``datetime`` to datetimes; the value
    a field holds follows it, so code comparing ``repr`` or types sees the same thing.
    """
    recorded = MASTODONPY_FIELDS.get(class_name)
    if recorded is None or field_name not in recorded["fields"]:
        return annotation
    kind = recorded["converted"].get(field_name)
    if kind != "id":
        annotation = re.sub(r"\b(IdType|MaybeSnowflakeIdType)\b", "str", annotation)
    if kind != "datetime":
        annotation = re.sub(r"\bdatetime\b", "str", annotation)
    return annotation


# Field names that are dict methods: attribute access gives the method, so only item access reads them.
DICT_NAMES = frozenset(dir(dict))

REEXPORTS = ["AttribAccessDict", "IdType", "MaybeSnowflakeIdType", "NonPaginatableList", "PaginatableList"]
REEXPORTS += ["EmptyResponse", "PaginationInfo", "EntityList", "PrimitiveIdType", "datetime", "IO"]


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass
class Attribute:
    path: list[str]
    description: str = ""
    type_text: str = ""
    versions: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    removed_in: str | None = None
    anchor: str | None = None

    @property
    def name(self) -> str:
        return [part for part in self.path if part != "[]"][-1]


@dataclass
class Section:
    page: str
    anchor: str | None
    title: str
    attributes: list[Attribute] = field(default_factory=list)


HEADING = re.compile(r"^(#{2,5})\s+(.*?)\s*$")
ATTR_NAME = re.compile(r"`([^`{]+?)(?:`|\s*\{|$)")
ANCHOR = re.compile(r"\{#([^}]+)\}")
VERSION = re.compile(r"^(\d+\.\d+\.\d+)")


def split_path(name: str) -> list[str]:
    """``a[b][]`` -> ``["a", "b", "[]"]``; ``poll.options[].title`` -> ``["poll", "options", "[]", "title"]``."""
    name = name.strip()
    if "[" not in name.split(".")[0] and "." in name:
        head, *tail = name.split(".")
        name = head + "".join(f"[{part}]" for part in tail)
    parts: list[str] = []
    match = re.match(r"^([^\[]+)", name)
    if not match:
        return [name]
    parts.append(match.group(1))
    rest = name[match.end() :]
    depth, current = 0, ""
    for char in rest:
        if char == "[":
            if depth:
                current += char
            depth += 1
        elif char == "]":
            depth -= 1
            if depth:
                current += char
            else:
                parts.append(current or "[]")
                current = ""
        elif depth:
            current += char
        else:  # text after a closing bracket, as in options[].title
            pass
    out: list[str] = []
    for part in parts:  # ``options[]`` inside brackets: an array named options
        if part.endswith("[]") and part != "[]":
            out += [part[:-2], "[]"]
        else:
            out.append(part)
    return out


def parse_page(path: Path) -> list[Section]:
    page = path.stem
    sections: list[Section] = []
    current: Section | None = None
    attr: Attribute | None = None
    mode = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        heading = HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            attr = None
            mode = ""
            if level == 2:
                anchor = ANCHOR.search(text)
                lowered = text.lower()
                if lowered.startswith("attributes"):
                    current = Section(page, None, page)
                    sections.append(current)
                elif ("attributes" in lowered or "entity" in lowered) and not lowered.startswith("example"):
                    name = anchor.group(1) if anchor else text.split()[0]
                    title = text.split("{")[0].replace("`", "").strip()
                    current = Section(page, name, title)
                    sections.append(current)
                elif lowered.startswith("example"):
                    current = None  # example blocks after the attributes (Admin_Measure): no attributes here
                else:
                    current = None
                continue
            if current is None or "`" not in text:
                continue
            name_match = ATTR_NAME.search(text)
            if not name_match:
                continue
            attr = Attribute(split_path(name_match.group(1)))
            anchor = ANCHOR.search(text)
            attr.anchor = anchor.group(1) if anchor else None
            for flag in ("optional", "nullable", "deprecated", "removed"):
                if flag in text:
                    attr.flags.add(flag)
            current.attributes.append(attr)
            continue
        if attr is None:
            continue
        if line.startswith("**Description:**"):
            attr.description = line[len("**Description:**") :].strip().rstrip("\\").strip()
            mode = "description"
        elif line.startswith("**Type:**"):
            attr.type_text = line[len("**Type:**") :].strip().rstrip("\\").strip()
            mode = "type"
        elif line.startswith("**Version history:**"):
            mode = "versions"
        elif mode == "versions":
            version = VERSION.match(line.strip())
            if version:
                attr.versions.append(version.group(1))
                if "removed" in line.lower():
                    attr.removed_in = version.group(1)
            elif not line.strip():
                mode = ""
    return sections


# ---------------------------------------------------------------------------------------------
# Model


@dataclass
class Field:
    name: str
    annotation: str
    description: str
    versions: list[str] = field(default_factory=list)
    removed_in: str | None = None

    def doc(self, prefix: str = "") -> str:
        return field_doc(prefix + self.description, self.versions, removed_in=self.removed_in)


@dataclass
class ClassDef:
    name: str
    doc: str
    url: str
    base: str = "AttribAccessDict"
    fields: dict[str, Field] = field(default_factory=dict)
    versions: list[str] = field(default_factory=list)

    def add(self, item: Field) -> None:
        self.fields.setdefault(item.name, item)


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", name) if part)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def clean_text(text: str) -> str:
    """Markdown to one plain ASCII line."""
    text = re.sub(r"\{\{<[^>]*>\}\}|\{\{%[^%]*%\}\}", "", text)
    text = text.replace("\\[", "[").replace("\\]", "]")
    text = re.sub(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\", "").replace("`", "")
    table = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "..."}
    for old, new in table.items():
        text = text.replace(old, new)
    text = text.encode("ascii", "ignore").decode()
    text = " ".join(text.split())
    return text.replace('"""', "'''")


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    sentence = re.match(r"^(.+?[.?!])(\s|$)", text)
    if sentence and len(sentence.group(1)) <= limit:
        return sentence.group(1)
    cut = text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "..."


def field_doc(description: str, versions: list[str], limit: int = 106, removed_in: str | None = None) -> str:
    added = f" Added in {versions[0]}." if versions else ""
    if removed_in:
        added = added[:-1] + f", removed in {removed_in}." if added else f" Removed in {removed_in}."
    text = clean_text(description) or "Undocumented."
    if not text.endswith((".", "?", "!")):
        text += "."
    text = shorten(text, limit - len(added)) + added
    if text.endswith('"'):
        text += " "
    return text


class Generator:
    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.classes: dict[str, ClassDef] = {}
        self.page_sections: dict[str, list[Section]] = {}
        self.subclasses: list[ClassDef] = []

    # -- naming

    def page_class(self, page: str) -> str:
        return PAGE_CLASSES.get(page, page.replace("Admin_", "Admin").replace("V1_", ""))

    def reference(self, page: str, name: str) -> str:
        if (page, name) in PAGE_REFERENCES:
            return PAGE_REFERENCES[(page, name)]
        if name in REFERENCES:
            return REFERENCES[name]
        if name.startswith("Admin::"):
            return "Admin" + name[len("Admin::") :]
        return name.replace("::", "")

    # -- types

    def annotation(self, page: str, owner: str, attr: Attribute, node: dict[str, object]) -> str:
        key = f"{owner}.{attr.name}"
        text = attr.type_text
        nullable = (
            "nullable" in text
            or "optional" in text
            or " or null" in text
            or ", or null" in text
            or bool(attr.flags & {"optional", "nullable"})
        )
        result = self.base_annotation(page, owner, attr, node)  # also builds the nested classes
        result = TYPE_OVERRIDES.get(key, result)
        if nullable and not result.endswith(" | None") and result != "None":
            result = f"{result} | None"
        return result

    def base_annotation(self, page: str, owner: str, attr: Attribute, node: dict[str, object]) -> str:
        name = attr.name
        text = re.sub(r"\{\{<[^>]*>\}\}|\{\{%[^%]*%\}\}", "", attr.type_text).strip()
        is_array = text.startswith("Array of")
        refs = [
            self.reference(page, ref)
            for ref, target in re.findall(r"\[([A-Za-z_:]+)\]\(([^)]*)\)", text)
            if not target.startswith("/api/")
        ]
        item: str
        if refs:
            unique = list(dict.fromkeys(refs))
            item = " | ".join(unique)
        else:
            core = text[len("Array of") :].strip() if is_array else text
            if core.startswith("Hash"):
                item = self.nested_class(page, owner, attr, node)
            elif core.startswith("String"):
                item = self.string_type(name, core, is_array)
            elif core.startswith("Integer") or core.lower().startswith("integer"):
                item = "int"
            elif core.startswith("Number"):
                item = "datetime" if "timestamp" in core.lower() else "float"
            elif core.startswith("Float"):
                item = "float"
            elif core.startswith("Boolean"):
                item = "bool"
            elif core.startswith("Null"):
                item = "None"
            else:
                item = "str" if core.startswith("String") else "AttribAccessDict"
        return f"NonPaginatableList[{item}]" if is_array else item

    def string_type(self, name: str, core: str, is_array: bool) -> str:
        lowered = core.lower()
        if "datetime" in lowered or "[date]" in lowered or "unix timestamp" in lowered:
            return "datetime"
        id_like = name == "id" or name.endswith(("_id", "_ids"))
        if id_like and ("cast from" in lowered or core.strip() == "String" or is_array):
            return "IdType"
        if "cast from" in lowered and "not guaranteed" in lowered:
            return "IdType"
        return "str"

    def nested_class(self, page: str, owner: str, attr: Attribute, node: dict[str, object]) -> str:
        children = typing.cast("dict[str, dict[str, object]] | None", node.get("children"))
        key = f"{owner}.{attr.name}"
        if key in NESTED_CLASSES:
            name = NESTED_CLASSES[key]
        elif children:
            name = owner + camel(attr.name)
        else:
            return "AttribAccessDict"
        if children:
            url = DOCS_URL.format(page=page) + (f"#{attr.anchor}" if attr.anchor else "")
            doc = clean_text(attr.description) or f"The {attr.name} field of {owner}."
            self.build_class(page, name, doc, url, children)
        return name

    # -- building

    def build_class(self, page: str, name: str, doc: str, url: str, tree: dict[str, dict[str, object]]) -> ClassDef:
        """Make class ``name`` (or add to it, when it exists) with the fields of ``tree``."""
        cls = self.classes.get(name)
        if cls is None:
            cls = self.classes[name] = ClassDef(name, doc, url)
        for node in tree.values():
            attr = node["attr"]
            assert isinstance(attr, Attribute)
            cls.versions += attr.versions
            if attr.removed_in or "removed" in attr.flags:  # older servers still send it
                attr.flags.add("optional")
            annotation = self.annotation(page, name, attr, node)
            cls.add(Field(attr.name, annotation, attr.description, attr.versions, attr.removed_in))
        return cls

    @staticmethod
    def tree(attributes: list[Attribute]) -> dict[str, dict[str, object]]:
        """Attributes as nested dicts: name -> {"attr": Attribute, "children": {...}}; array items flattened."""
        root: dict[str, dict[str, object]] = {}
        for attr in attributes:
            level = root
            parts = [part for part in attr.path if part != "[]"]
            for part in parts[:-1]:
                if part not in level:
                    level[part] = {"attr": Attribute([*parts[: parts.index(part) + 1]], type_text="Hash")}
                node = level[part]
                children = node.setdefault("children", {})
                assert isinstance(children, dict)
                level = children
            leaf = parts[-1]
            if leaf in level:  # a heading repeated (or a parent made up above): keep the documented one
                existing = level[leaf]
                existing["attr"] = attr if attr.type_text else existing["attr"]
            else:
                level[leaf] = {"attr": attr}
        return root

    def run(self) -> None:
        pages = sorted((self.docs / "entities").glob("*.md"))
        for path in pages:
            self.page_sections[path.stem] = parse_page(path)
        # The main entities first (so merged sections find their class), then the extra sections.
        for page, sections in self.page_sections.items():
            main = [section for section in sections if section.anchor is None]
            if not main or not main[0].attributes:
                continue
            front = self.front_matter(page)
            self.build_class(
                page, self.page_class(page), front, DOCS_URL.format(page=page), self.tree(main[0].attributes)
            )
        extra_sections = [
            section for sections in self.page_sections.values() for section in sections if section.anchor is not None
        ]
        # Home sections first, so a class's docstring and URL come from where it is documented.
        extra_sections.sort(key=lambda section: (section.page, section.anchor) not in SECTION_DOCS)
        for section in extra_sections:
            page = section.page
            if section.anchor is None or not section.attributes:
                continue
            name, extends = SECTION_CLASSES.get((page, section.anchor), (camel(section.anchor), None))
            url = DOCS_URL.format(page=page) + f"#{section.anchor}"
            doc = SECTION_DOCS.get((page, section.anchor), f"The {section.title} entity")
            if extends:
                for attr in section.attributes:  # only some answers carry them: optional on the base
                    attr.flags.add("optional")
                self.build_class(page, extends, "", "", self.tree(section.attributes))
                self.subclasses.append(ClassDef(name, doc, url, base=extends))
            else:
                self.build_class(page, name, doc, url, self.tree(section.attributes))
        for name, (doc, url, fields) in EXTRA_CLASSES.items():
            cls = self.classes.setdefault(name, ClassDef(name, doc, url))
            for field_name, annotation, description in fields:
                cls.add(Field(field_name, annotation, description))
        for name, fields in EXTRA_FIELDS.items():
            for field_name, annotation, description in fields:
                self.classes[name].add(Field(field_name, annotation, description))

    def front_matter(self, page: str) -> str:
        text = (self.docs / "entities" / f"{page}.md").read_text(encoding="utf-8")
        match = re.search(r"^description:\s*(.+)$", text, re.MULTILINE)
        description = match.group(1).strip().strip("\"'") if match else f"The {page} entity."
        return clean_text(description).rstrip(".")

    # -- output

    def render(self, command: str) -> str:
        out: list[str] = []
        out.append('"""Entity classes: what the Mastodon API returns, one class per entity.\n')
        out.append("GENERATED FILE, do not edit. Made from the Mastodon API documentation's entity pages by")
        out.append(f"``{command}``; change the generator and run it again.\n")
        out.append("Each class is a dict with attribute access (see ``mastodon.types_base``); the annotations say")
        out.append("what each field holds and drive the conversion of datetimes, ids and nested entities.")
        out.append('"""\n')
        out.append("from __future__ import annotations\n")
        out.append("from datetime import datetime")
        out.append("from typing import IO, TYPE_CHECKING\n")
        out.append("from mastodon.types_base import (")
        for name in sorted(
            [
                "AttribAccessDict",
                "EmptyResponse",
                "EntityList",
                "IdType",
                "MaybeSnowflakeIdType",
                "NonPaginatableList",
                "PaginatableList",
                "PaginationInfo",
                "PrimitiveIdType",
            ]
        ):
            out.append(f"    {name},")
        out.append(")\n")
        ordered = sorted(self.classes.values(), key=lambda cls: cls.name)
        ordered += sorted(self.subclasses, key=lambda cls: cls.name)
        # Sorted as ruff wants __all__: constants, then classes, then the rest.
        names = sorted(
            {cls.name for cls in ordered} | set(REEXPORTS),
            key=lambda name: (0 if name.isupper() else 1 if name[0].isupper() else 2, name),
        )
        out.append("__all__ = [")
        out += [f'    "{name}",' for name in names]
        out.append("]\n")
        for cls in ordered:
            out.append("")
            out += self.render_class(cls)
        out += LEGACY_TAIL
        return "\n".join(out) + "\n"

    def render_class(self, cls: ClassDef) -> list[str]:
        lines = [f"class {cls.name}({cls.base}):"]
        doc = cls.doc if cls.doc.endswith((".", "?", "!")) else cls.doc + "."
        doc = shorten(doc, 110)
        if cls.url:
            lines += [f'    """{doc}', "", f"    See {cls.url}", '    """']
        else:
            lines.append(f'    """{doc}"""')
        versions = sorted(set(cls.versions), key=version_key)
        if versions:
            lines += ["", f'    _version = "{versions[-1]}"']
        recorded = MASTODONPY_FIELDS.get(cls.name)
        if recorded is not None:
            # The fields Mastodon.py declares, in its order: what reads None when the server leaves it out.
            lines += ["", f"    _fields = {tuple(recorded['fields'])!r}"]
        hidden: list[Field] = []
        aliases: dict[str, Field] = {}
        for alias, key in ALIASES.get(cls.name, {}).items():
            aliases[alias] = cls.fields[key]
        for item in cls.fields.values():
            if not item.name.isidentifier() or keyword.iskeyword(item.name):
                made_up = alias_for(item.name)
                renamed = recorded is None or recorded["renamed"].get(made_up) == item.name
                if made_up and made_up not in cls.fields and renamed:
                    aliases[made_up] = item
                continue
            if item.name in DICT_NAMES:
                hidden.append(item)
                continue
            noqa = "  # noqa: N815" if item.name != item.name.lower() else ""
            annotation = mastodonpy_annotation(cls.name, item.name, item.annotation)
            lines += ["", f"    {item.name}: {annotation}{noqa}", f'    """{item.doc()}"""']
        if aliases:
            lines += ["", "    # Attribute names for JSON keys that cannot be attributes: attribute -> key."]
            lines.append("    _aliases = {" + ", ".join(f'"{a}": "{f.name}"' for a, f in aliases.items()) + "}")
            for alias, item in aliases.items():
                lines += ["", f"    {alias}: {item.annotation}", f'    """{item.doc(f"[{item.name}] ")}"""']
        if hidden:
            lines += [
                "",
                "    # Fields named like dict methods: read them as self[name] (the attribute is the method).",
                "    # Declared for the converter only; to a type checker the attribute stays the dict method.",
                "    if not TYPE_CHECKING:",
            ]
            for item in hidden:
                lines += [f"        {item.name}: {item.annotation}", f'        """{item.doc()}"""']
        lines.append("")
        return lines


# Appended to the module: the other names Mastodon.py 2.3's return_types offered (ENTITY_NAME_MAP, the
# casting helpers, type aliases), answered by mastodon/_casting.py on first use.
LEGACY_TAIL = [
    "",
    "",
    "def __getattr__(name: str) -> object:",
    '    """ENTITY_NAME_MAP and Mastodon.py\'s casting helpers, for code that imports them from this module."""',
    "    from mastodon._casting import return_types_extra",
    "",
    "    return return_types_extra(name)",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the mastodon-api-docs checkout")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the module")
    parser.add_argument("--no-format", action="store_true", help="skip running ruff format on the output")
    args = parser.parse_args(argv)
    generator = Generator(args.docs)
    generator.run()
    args.output.write_text(generator.render("python tools/gen_return_types.py"), encoding="utf-8")
    if not args.no_format:
        subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(args.output)], check=False)
    print(f"wrote {args.output}: {len(generator.classes) + len(generator.subclasses)} classes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
