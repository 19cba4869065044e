"""Entity classes: what the Mastodon API returns, one class per entity.

GENERATED FILE, do not edit. Made from the Mastodon API documentation's entity pages by
``python tools/gen_return_types.py``; change the generator and run it again.

Each class is a dict with attribute access (see ``mastodon.types_base``); the annotations say
what each field holds and drive the conversion of datetimes, ids and nested entities.
"""

from __future__ import annotations

from datetime import datetime
from typing import IO, TYPE_CHECKING

from mastodon.types_base import (
    AttribAccessDict,
    EmptyResponse,
    EntityList,
    IdType,
    MaybeSnowflakeIdType,
    NonPaginatableList,
    PaginatableList,
    PaginationInfo,
    PrimitiveIdType,
)

__all__ = [
    "IO",
    "Account",
    "AccountCreationError",
    "AccountCreationErrorDetails",
    "AccountCreationErrorDetailsField",
    "AccountField",
    "AccountRole",
    "AccountWarning",
    "Activity",
    "AdminAccount",
    "AdminCanonicalEmailBlock",
    "AdminCohort",
    "AdminDimension",
    "AdminDimensionData",
    "AdminDomainAllow",
    "AdminDomainBlock",
    "AdminEmailDomainBlock",
    "AdminEmailDomainBlockHistory",
    "AdminIp",
    "AdminIpBlock",
    "AdminMeasure",
    "AdminMeasureData",
    "AdminReport",
    "AdminRetention",
    "AdminTag",
    "Announcement",
    "AnnouncementStatus",
    "AnnualReport",
    "AnnualReportAccountAndCount",
    "AnnualReportDataV1",
    "AnnualReportDataV2",
    "AnnualReportEvent",
    "AnnualReportNameAndCount",
    "AnnualReportPercentiles",
    "AnnualReportState",
    "AnnualReportTimeSeriesEntryV1",
    "AnnualReportTimeSeriesEntryV2",
    "AnnualReportTopStatusesV1",
    "AnnualReportTopStatusesV2",
    "AnnualReportTypeDistribution",
    "Appeal",
    "Application",
    "AsyncRefresh",
    "AttribAccessDict",
    "Collection",
    "CollectionItem",
    "CollectionWithAccounts",
    "Collections",
    "Context",
    "Conversation",
    "CredentialAccount",
    "CredentialAccountSource",
    "CredentialAccountState",
    "CredentialApplication",
    "CustomEmoji",
    "DomainBlock",
    "EmptyResponse",
    "EntityList",
    "Error",
    "ExtendedDescription",
    "FamiliarFollowers",
    "FeatureApproval",
    "FeaturedTag",
    "Filter",
    "FilterKeyword",
    "FilterResult",
    "FilterStatus",
    "FilterV2",
    "GroupedNotificationsResults",
    "IdType",
    "IdentityProof",
    "Instance",
    "InstanceAccountConfiguration",
    "InstanceConfiguration",
    "InstanceConfigurationV2",
    "InstanceContact",
    "InstanceIcon",
    "InstanceMediaConfiguration",
    "InstancePollConfiguration",
    "InstanceRegistrations",
    "InstanceStatistics",
    "InstanceStatusConfiguration",
    "InstanceThumbnail",
    "InstanceThumbnailVersions",
    "InstanceTimelinesAccessConfiguration",
    "InstanceTimelinesAccessFeedConfiguration",
    "InstanceTranslationConfiguration",
    "InstanceURLs",
    "InstanceURLsV2",
    "InstanceUsage",
    "InstanceUsageUsers",
    "InstanceV2",
    "InstanceV2ApiVersions",
    "InstanceVapidKey",
    "Marker",
    "MaybeSnowflakeIdType",
    "MediaAttachment",
    "MediaAttachmentAudioMetadata",
    "MediaAttachmentColors",
    "MediaAttachmentFocusPoint",
    "MediaAttachmentImageMetadata",
    "MediaAttachmentMetadataContainer",
    "MediaAttachmentVideoMetadata",
    "MutedAccount",
    "Nodeinfo",
    "NodeinfoMetadata",
    "NodeinfoServices",
    "NodeinfoSoftware",
    "NodeinfoUsage",
    "NodeinfoUsageUsers",
    "NonPaginatableList",
    "Notification",
    "NotificationFallback",
    "NotificationGroup",
    "NotificationPolicy",
    "NotificationPolicySummary",
    "NotificationPolicyV1",
    "NotificationRequest",
    "OAuthServerInfo",
    "OAuthUserInfo",
    "PaginatableList",
    "PaginationInfo",
    "PartialAccountWithAvatar",
    "Poll",
    "PollOption",
    "Preferences",
    "PreviewCard",
    "PreviewCardAuthor",
    "PrimitiveIdType",
    "PrivacyPolicy",
    "Profile",
    "ProfileField",
    "PushNotification",
    "Quote",
    "QuoteApproval",
    "Reaction",
    "Relationship",
    "RelationshipSeveranceEvent",
    "Report",
    "Role",
    "Rule",
    "RuleTranslation",
    "ScheduledStatus",
    "ScheduledStatusParams",
    "ScheduledStatusParamsPoll",
    "Search",
    "SearchV2",
    "ShallowQuote",
    "ShallowTag",
    "Status",
    "StatusEdit",
    "StatusEditPoll",
    "StatusEditPollOptions",
    "StatusMention",
    "StatusSource",
    "StreamReaction",
    "Suggestion",
    "SupportedLocale",
    "Tag",
    "TagHistory",
    "TermsOfService",
    "Token",
    "Translation",
    "TranslationAttachment",
    "TranslationPoll",
    "TranslationPollOption",
    "TrendingLinkHistory",
    "TrendsLink",
    "UnreadNotificationsCount",
    "UserList",
    "WebPushSubscription",
    "WebPushSubscriptionAlerts",
    "WrappedAnnualReports",
    "WrappedCollection",
    "WrappedCollectionItem",
    "datetime",
]


class Account(AttribAccessDict):
    """Represents a user of Mastodon and their associated profile.

    See https://docs.joinmastodon.org/entities/Account/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "username",
        "acct",
        "display_name",
        "discoverable",
        "group",
        "locked",
        "created_at",
        "following_count",
        "followers_count",
        "statuses_count",
        "note",
        "url",
        "uri",
        "avatar",
        "header",
        "avatar_static",
        "header_static",
        "moved",
        "suspended",
        "limited",
        "bot",
        "fields",
        "emojis",
        "last_status_at",
        "noindex",
        "roles",
        "role",
        "source",
        "mute_expires_at",
        "indexable",
        "hide_collections",
        "memorial",
        "avatar_description",
        "header_description",
        "show_media",
        "show_media_replies",
        "show_featured",
        "feature_approval",
        "invalid_handle",
        "state",
    )

    id: IdType
    """The account id. Added in 0.1.0."""

    username: str
    """The username of the account, not including domain. Added in 0.1.0."""

    acct: str
    """The WebFinger account URI. Added in 0.1.0."""

    url: str | None
    """The location of the user's profile page (web interface URL). Added in 0.1.0."""

    uri: str
    """The user's ActivityPub actor identifier (used for federation). Added in 4.2.0."""

    display_name: str
    """The profile's display name. Added in 0.1.0."""

    note: str
    """The profile's bio or description. Added in 0.1.0."""

    avatar: str
    """An image icon that is shown next to statuses and in the profile. Added in 0.1.0."""

    avatar_static: str
    """A static version of the avatar. Added in 1.1.2."""

    avatar_description: str
    """A textual description of the avatar image. Added in 4.6.0."""

    header: str
    """An image banner that is shown above the profile and in profile cards. Added in 0.1.0."""

    header_static: str
    """A static version of the header. Added in 1.1.2."""

    header_description: str
    """A textual description of the header image. Added in 4.6.0."""

    locked: bool
    """Whether the account manually approves follow requests. Added in 0.1.0."""

    fields: NonPaginatableList[AccountField]
    """Additional metadata attached to a profile as name-value pairs. Added in 2.4.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji entities to be used when rendering the profile. Added in 2.4.0."""

    bot: bool
    """Indicates that the account may perform automated actions, may not be monitored, or... Added in 2.4.0."""

    group: bool
    """Indicates that the account represents a Group actor. Added in 3.1.0."""

    discoverable: bool | None
    """Whether the account has opted into discovery features such as the profile directory. Added in 3.1.0."""

    indexable: bool
    """Whether the account allows indexing by search engines. Added in 4.3.0."""

    noindex: bool | None
    """Whether the local user has opted out of being indexed by search engines. Added in 4.0.0."""

    moved: Account | None
    """Indicates that the profile is currently inactive and that its user has moved to a new... Added in 2.1.0."""

    memorial: bool | None
    """An extra attribute returned only when an account is memorialized (when memorial is true). Added in 4.2.0."""

    suspended: bool | None
    """An extra attribute returned only when an account is suspended. Added in 3.3.0."""

    limited: bool | None
    """An extra attribute returned only when an account is silenced. Added in 3.5.3."""

    created_at: datetime
    """When the account was created. Added in 0.1.0."""

    last_status_at: datetime | None
    """When the most recent status was posted. Added in 3.0.0."""

    statuses_count: int
    """How many statuses are attached to this account. Added in 0.1.0."""

    followers_count: int
    """The reported followers of this profile. Added in 0.1.0."""

    following_count: int
    """The reported follows of this profile. Added in 0.1.0."""

    hide_collections: bool | None
    """Whether the user hides the contents of their follows and followers collections. Added in 4.3.0."""

    show_media: bool
    """Whether the account wishes to have a "Media" tab with media attachments on their profile. Added in 4.6.0."""

    show_media_replies: bool
    """Whether the account wishes to have replies in the "Media" tab on their profile. Added in 4.6.0."""

    show_featured: bool
    """Whether the account wishes to have a "Featured" tab on their profile. Added in 4.6.0."""

    roles: NonPaginatableList[AccountRole] | None
    """An array of roles assigned to the user that are publicly visible (highlighted roles... Added in 4.1.0."""

    feature_approval: FeatureApproval
    """Summary of the account's policy with regards to being featured in a Collection and how... Added in 4.6.0."""

    source: CredentialAccountSource | None
    """An extra attribute that contains source values to be used with API methods that verify... Added in 2.4.0."""

    role: Role | None
    """The complete role assigned to the currently authorized user, including permissions and... Added in 4.0.0."""

    mute_expires_at: datetime | None
    """When a timed mute will expire, if applicable. Added in 3.3.0."""

    state: CredentialAccountState | None
    """Own account only: whether it can be used, and why not if it cannot."""

    invalid_handle: bool | None
    """Whether the account's handle cannot be resolved."""


class AccountCreationError(AttribAccessDict):
    """Why creating an account failed.

    See https://docs.joinmastodon.org/methods/accounts/#create
    """

    _fields = ("error", "details")

    error: str
    """Summary of the problem."""

    details: AccountCreationErrorDetails
    """The problems by form field."""


class AccountCreationErrorDetails(AttribAccessDict):
    """The problems with each form field of a failed account creation.

    See https://docs.joinmastodon.org/methods/accounts/#create
    """

    _fields = ("username", "password", "email", "agreement", "locale", "reason", "date_of_birth")

    username: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with username."""

    password: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with password."""

    email: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with email."""

    agreement: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with agreement."""

    locale: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with locale."""

    reason: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with reason."""

    date_of_birth: NonPaginatableList[AccountCreationErrorDetailsField] | None
    """Problems with date_of_birth."""


class AccountCreationErrorDetailsField(AttribAccessDict):
    """One problem with one form field of a failed account creation.

    See https://docs.joinmastodon.org/methods/accounts/#create
    """

    _fields = ("error", "description")

    error: str
    """Error code, like ERR_TAKEN."""

    description: str
    """Readable explanation."""


class AccountField(AttribAccessDict):
    """A name and value pair shown on an account's profile.

    See https://docs.joinmastodon.org/entities/Account/#Field
    """

    _version = "2.6.0"

    _fields = ("name", "value", "verified_at")

    name: str
    """The key of a given field's key-value pair. Added in 2.4.0."""

    value: str
    """The value associated with the name key. Added in 2.4.0."""

    verified_at: str | None
    """Timestamp of when the server verified a URL value for a rel="me" link. Added in 2.6.0."""


class AccountRole(AttribAccessDict):
    """A role of an account, as shown on its profile.

    See https://docs.joinmastodon.org/entities/Account/#AccountRole
    """

    _version = "4.1.0"

    id: IdType
    """The ID of the Role in the database. Added in 4.1.0."""

    name: str
    """The name of the role. Added in 4.1.0."""

    color: str
    """The hex code assigned to this role. If no hex code is assigned, the string will be empty. Added in 4.1.0."""


class AccountWarning(AttribAccessDict):
    """Moderation warning against a particular account.

    See https://docs.joinmastodon.org/entities/AccountWarning/
    """

    _version = "4.3.0"

    _fields = ("id", "action", "text", "status_ids", "target_account", "appeal", "created_at")

    id: str
    """The ID of the account warning. Added in 4.3.0."""

    action: str
    """Action taken against the account. Added in 4.3.0."""

    text: str
    """Message from the moderator to the target account. Added in 4.3.0."""

    status_ids: NonPaginatableList[str] | None
    """List of status IDs that are relevant to the warning. Added in 4.3.0."""

    target_account: Account
    """Account against which a moderation decision has been taken. Added in 4.3.0."""

    appeal: Appeal | None
    """Appeal submitted by the target account, if any. Added in 4.3.0."""

    created_at: datetime
    """When the event took place. Added in 4.3.0."""


class Activity(AttribAccessDict):
    """Activity on a server during one week.

    See https://docs.joinmastodon.org/methods/instance/#activity
    """

    _fields = ("week", "logins", "registrations", "statuses")

    week: datetime
    """Start of the week."""

    logins: int
    """Users who logged in during the week."""

    registrations: int
    """Users who signed up during the week."""

    statuses: int
    """Statuses posted during the week."""


class AdminAccount(AttribAccessDict):
    """Admin-level information about a given account.

    See https://docs.joinmastodon.org/entities/Admin_Account/
    """

    _version = "4.0.0"

    _fields = (
        "id",
        "username",
        "domain",
        "created_at",
        "email",
        "ip",
        "role",
        "confirmed",
        "suspended",
        "silenced",
        "disabled",
        "approved",
        "locale",
        "invite_request",
        "account",
        "sensitized",
        "ips",
        "created_by_application_id",
        "invited_by_account_id",
    )

    id: str
    """The ID of the account in the database. Added in 2.9.1."""

    username: str
    """The username of the account. Added in 2.9.1."""

    domain: str | None
    """The domain of the account, if it is remote. Added in 2.9.1."""

    created_at: datetime
    """When the account was first discovered. Added in 2.9.1."""

    email: str
    """The email address associated with the account. Added in 2.9.1."""

    ip: str | None
    """The IP address last used to login to this account. Added in 2.9.1."""

    ips: NonPaginatableList[AdminIp]
    """All known IP addresses associated with this account. Added in 3.5.0."""

    locale: str
    """The locale of the account. Added in 2.9.1."""

    invite_request: str | None
    """The reason given when requesting an invite (for instances that require manual approval... Added in 2.9.1."""

    role: Role
    """The current role of the account. Added in 2.9.1."""

    confirmed: bool
    """Whether the account has confirmed their email address. Added in 2.9.1."""

    approved: bool
    """Whether the account is currently approved. Added in 2.9.1."""

    disabled: bool
    """Whether the account is currently disabled. Added in 2.9.1."""

    sensitized: bool
    """Whether the account is currently marked sensitive. Added in 4.0.0."""

    silenced: bool
    """Whether the account is currently silenced. Added in 2.9.1."""

    suspended: bool
    """Whether the account is currently suspended. Added in 2.9.1."""

    account: Account
    """User-level information about the account. Added in 2.9.1."""

    created_by_application_id: str | None
    """The ID of the Application that created this account, if applicable. Added in 2.9.1."""

    invited_by_account_id: str | None
    """The ID of the Account that invited this user, if applicable. Added in 2.9.1."""


class AdminCanonicalEmailBlock(AttribAccessDict):
    """Represents a canonical email block (hashed).

    See https://docs.joinmastodon.org/entities/Admin_CanonicalEmailBlock/
    """

    _version = "4.0.0"

    _fields = ("id", "canonical_email_hash")

    id: str
    """The ID of the email block in the database. Added in 4.0.0."""

    canonical_email_hash: str
    """The SHA256 hash of the canonical email address. Added in 4.0.0."""


class AdminCohort(AttribAccessDict):
    """The retention of one cohort of users.

    See https://docs.joinmastodon.org/entities/Admin_Cohort/#CohortData
    """

    _version = "3.5.0"

    _fields = ("date", "rate", "value")

    date: datetime
    """The timestamp for the start of the bucket, at midnight. Added in 3.5.0."""

    rate: float
    """The percentage rate of users who registered in the specified period and were active... Added in 3.5.0."""

    value: str
    """How many users registered in the specified period and were active for the given date... Added in 3.5.0."""


class AdminDimension(AttribAccessDict):
    """Represents qualitative data about the server.

    See https://docs.joinmastodon.org/entities/Admin_Dimension/
    """

    _version = "3.5.0"

    _fields = ("key", "data")

    key: str
    """The unique keystring for the requested dimension. Added in 3.5.0."""

    data: NonPaginatableList[AdminDimensionData]
    """The data available for the requested dimension. Added in 3.5.0."""


class AdminDimensionData(AttribAccessDict):
    """One value of a dimension.

    See https://docs.joinmastodon.org/entities/Admin_Dimension/#Data
    """

    _version = "3.5.0"

    _fields = ("key", "human_key", "value")

    key: str
    """The unique keystring for this data item. Added in 3.5.0."""

    human_key: str
    """A human-readable key for this data item. Added in 3.5.0."""

    value: str
    """The value for this data item. Added in 3.5.0."""

    unit: str | None
    """The units associated with this data item's value, if applicable. Added in 3.5.0."""

    human_value: str | None
    """A human-readable formatted value for this data item. Added in 3.5.0."""


class AdminDomainAllow(AttribAccessDict):
    """Represents a domain allowed to federate.

    See https://docs.joinmastodon.org/entities/Admin_DomainAllow/
    """

    _version = "4.0.0"

    _fields = ("id", "domain", "created_at")

    id: str
    """The ID of the DomainAllow in the database. Added in 4.0.0."""

    domain: str
    """The domain that is allowed to federate. Added in 4.0.0."""

    created_at: datetime
    """When the domain was allowed to federate. Added in 4.0.0."""


class AdminDomainBlock(AttribAccessDict):
    """Represents a domain limited from federating.

    See https://docs.joinmastodon.org/entities/Admin_DomainBlock/
    """

    _version = "4.3.0"

    _fields = (
        "id",
        "domain",
        "created_at",
        "severity",
        "reject_media",
        "reject_reports",
        "private_comment",
        "public_comment",
        "obfuscate",
        "digest",
    )

    id: str
    """The ID of the DomainBlock in the database. Added in 4.0.0."""

    domain: str
    """The domain that is not allowed to federate. Added in 4.0.0."""

    digest: str
    """The sha256 hex digest of the domain that is not allowed to federated. Added in 4.3.0."""

    created_at: datetime
    """When the domain was blocked from federating. Added in 4.0.0."""

    severity: str
    """The policy to be applied by this domain block. Added in 4.0.0."""

    reject_media: bool
    """Whether to reject media attachments from this domain. Added in 4.0.0."""

    reject_reports: bool
    """Whether to reject reports from this domain. Added in 4.0.0."""

    private_comment: str | None
    """Undocumented. Added in 4.0.0."""

    public_comment: str | None
    """Undocumented. Added in 4.0.0."""

    obfuscate: bool
    """Whether to obfuscate public displays of this domain block. Added in 4.0.0."""


class AdminEmailDomainBlock(AttribAccessDict):
    """Represents an email domain that cannot be used to sign up.

    See https://docs.joinmastodon.org/entities/Admin_EmailDomainBlock/
    """

    _version = "4.0.0"

    _fields = ("id", "domain", "created_at", "history")

    id: str
    """The ID of the EmailDomainBlock in the database. Added in 4.0.0."""

    domain: str
    """The email domain that is not allowed to be used for signups. Added in 4.0.0."""

    created_at: datetime
    """When the email domain was disallowed from signups. Added in 4.0.0."""

    history: NonPaginatableList[AdminEmailDomainBlockHistory]
    """Usage statistics for given days (typically the past week). Added in 4.0.0."""


class AdminEmailDomainBlockHistory(AttribAccessDict):
    """Usage statistics for given days (typically the past week).

    See https://docs.joinmastodon.org/entities/Admin_EmailDomainBlock/#history
    """

    _version = "4.0.0"

    _fields = ("day", "accounts", "uses")

    day: datetime
    """UNIX timestamp on midnight of the given day. Added in 4.0.0."""

    accounts: str
    """The counted accounts signup attempts using that email domain within that day. Added in 4.0.0."""

    uses: str
    """The counted IP signup attempts of that email domain within that day. Added in 4.0.0."""


class AdminIp(AttribAccessDict):
    """Represents an IP address associated with a user.

    See https://docs.joinmastodon.org/entities/Admin_Ip/
    """

    _version = "3.5.0"

    _fields = ("ip", "used_at")

    ip: str
    """The IP address. Added in 3.5.0."""

    used_at: str
    """The timestamp of when the IP address was last used for this account. Added in 3.5.0."""


class AdminIpBlock(AttribAccessDict):
    """Represents an IP address range that cannot be used to sign up.

    See https://docs.joinmastodon.org/entities/Admin_IpBlock/
    """

    _version = "4.0.0"

    _fields = ("id", "ip", "severity", "comment", "created_at", "expires_at")

    id: str
    """The ID of the DomainBlock in the database. Added in 4.0.0."""

    ip: str
    """The IP address range that is not allowed to federate. Added in 4.0.0."""

    severity: str
    """The associated policy with this IP block. Added in 4.0.0."""

    comment: str
    """The recorded reason for this IP block. Added in 4.0.0."""

    created_at: datetime
    """When the IP block was created. Added in 4.0.0."""

    expires_at: datetime | None
    """When the IP block will expire. Added in 4.0.0."""


class AdminMeasure(AttribAccessDict):
    """Represents quantitative data about the server.

    See https://docs.joinmastodon.org/entities/Admin_Measure/
    """

    _version = "3.5.0"

    _fields = ("key", "unit", "total", "human_value", "previous_total", "data")

    key: str
    """The unique keystring for the requested measure. Added in 3.5.0."""

    unit: str | None
    """The units associated with this data item's value, if applicable. Added in 3.5.0."""

    total: str
    """The numeric total associated with the requested measure. Added in 3.5.0."""

    human_value: str | None
    """A human-readable formatted value for this data item. Added in 3.5.0."""

    previous_total: str | None
    """The numeric total associated with the requested measure, in the previous period. Added in 3.5.0."""

    data: NonPaginatableList[AdminMeasureData]
    """The data available for the requested measure, split into daily buckets. Added in 3.5.0."""


class AdminMeasureData(AttribAccessDict):
    """The data available for the requested measure, split into daily buckets.

    See https://docs.joinmastodon.org/entities/Admin_Measure/#data
    """

    _version = "3.5.0"

    _fields = ("date", "value")

    date: datetime
    """The requested day or midnight on the requested day in the time period. Added in 3.5.0."""

    value: str
    """The numeric value for the requested measure. Added in 3.5.0."""


class AdminReport(AttribAccessDict):
    """Admin-level information about a filed report.

    See https://docs.joinmastodon.org/entities/Admin_Report/
    """

    _version = "4.2.0"

    _fields = (
        "id",
        "action_taken",
        "comment",
        "created_at",
        "updated_at",
        "account",
        "target_account",
        "assigned_account",
        "action_taken_by_account",
        "statuses",
        "action_taken_at",
        "category",
        "forwarded",
        "rules",
    )

    id: str
    """The ID of the report in the database. Added in 2.9.1."""

    action_taken: bool
    """Whether an action was taken to resolve this report. Added in 2.9.1."""

    action_taken_at: datetime | None
    """When an action was taken, if this report is currently resolved. Added in 2.9.1."""

    category: str
    """The category under which the report is classified. Added in 3.5.0."""

    comment: str
    """An optional reason for reporting. Added in 2.9.1."""

    forwarded: bool
    """Whether a report was forwarded to a remote instance. Added in 4.0.0."""

    created_at: datetime
    """The time the report was filed. Added in 2.9.1."""

    updated_at: datetime
    """The time of last action on this report. Added in 2.9.1."""

    account: AdminAccount
    """The account which filed the report. Added in 2.9.1."""

    target_account: AdminAccount
    """The account being reported. Added in 2.9.1."""

    assigned_account: AdminAccount | None
    """The account of the moderator assigned to this report. Added in 2.9.1."""

    action_taken_by_account: AdminAccount | None
    """The account of the moderator who handled the report. Added in 2.9.1."""

    statuses: NonPaginatableList[Status]
    """Statuses attached to the report, for context. Added in 2.9.1."""

    rules: NonPaginatableList[Rule]
    """Rules attached to the report, for context. Added in 3.5.0."""


class AdminRetention(AttribAccessDict):
    """Represents a retention metric.

    See https://docs.joinmastodon.org/entities/Admin_Cohort/
    """

    _version = "3.5.0"

    _fields = ("period", "frequency", "data")

    period: datetime
    """The timestamp for the start of the period, at midnight. Added in 3.5.0."""

    frequency: str
    """The size of the bucket for the returned data. Added in 3.5.0."""

    data: NonPaginatableList[AdminCohort]
    """Retention data for users who registered during the given period. Added in 3.5.0."""


class Announcement(AttribAccessDict):
    """Represents an announcement set by an administrator.

    See https://docs.joinmastodon.org/entities/Announcement/
    """

    _version = "3.1.0"

    _fields = (
        "id",
        "content",
        "starts_at",
        "ends_at",
        "all_day",
        "published_at",
        "updated_at",
        "read",
        "mentions",
        "tags",
        "emojis",
        "reactions",
        "statuses",
    )

    id: str
    """The ID of the announcement in the database. Added in 3.1.0."""

    content: str
    """The text of the announcement. Added in 3.1.0."""

    starts_at: datetime | None
    """When the announcement will start. Added in 3.1.0."""

    ends_at: datetime | None
    """When the announcement will end. Added in 3.1.0."""

    all_day: bool
    """Whether the announcement should start and end on dates only instead of datetimes. Added in 3.1.0."""

    published_at: datetime
    """When the announcement was published. Added in 3.1.0."""

    updated_at: datetime
    """When the announcement was last updated. Added in 3.1.0."""

    read: bool | None
    """Whether the announcement has been read by the current user. Added in 3.1.0."""

    mentions: NonPaginatableList[StatusMention]
    """Accounts mentioned in the announcement text. Added in 3.1.0."""

    statuses: NonPaginatableList[AnnouncementStatus]
    """Statuses linked in the announcement text. Added in 3.1.0."""

    tags: NonPaginatableList[Tag]
    """Tags linked in the announcement text. Added in 3.1.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji used in the announcement text. Added in 3.1.0."""

    reactions: NonPaginatableList[Reaction]
    """Emoji reactions attached to the announcement. Added in 3.1.0."""


class AnnouncementStatus(AttribAccessDict):
    """A status linked from an announcement.

    See https://docs.joinmastodon.org/entities/Announcement/#Status
    """

    _version = "3.1.0"

    id: IdType
    """The ID of an attached Status in the database. Added in 3.1.0."""

    url: str
    """The URL of an attached Status. Added in 3.1.0."""


class AnnualReport(AttribAccessDict):
    """Represents a summary of a user's activity during a given year.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _version = "4.6.0"

    _fields = ("year", "data", "schema_version", "share_url", "account_id")

    year: int
    """The year this report is from. Added in 4.3.0."""

    data: AnnualReportDataV2 | AnnualReportDataV1
    """The raw data contained in the report. Added in 4.3.0."""

    schema_version: int
    """The schema version of the report, defines how to interpret data. Added in 4.3.0."""

    share_url: str | None
    """An optional link to a shareable version of the report. Added in 4.6.0."""

    account_id: IdType
    """The account ID the report is about. Added in 4.6.0."""


class AnnualReportAccountAndCount(AttribAccessDict):
    """An account and how often it was interacted with.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("account_id", "count")

    account_id: IdType
    """The account."""

    count: int
    """How often."""


class AnnualReportDataV1(AttribAccessDict):
    """The raw data contained in the report. The schema of that data is dependent on the value of schema_version.

    See https://docs.joinmastodon.org/entities/AnnualReport/#data
    """

    _version = "4.6.0"

    _fields = (
        "archetype",
        "type_distribution",
        "top_statuses",
        "most_used_apps",
        "commonly_interacted_with_accounts",
        "time_series",
        "top_hashtags",
        "most_reblogged_accounts",
        "percentiles",
    )

    archetype: str
    """Archetype the user corresponds to. Added in 4.3.0."""

    type_distribution: AnnualReportTypeDistribution | None
    """Provides a breakdown of the user's posts statistics over the year. Added in 4.3.0, removed in 4.6.0."""

    top_statuses: AnnualReportTopStatusesV1
    """Provides a breakdown of the user's most-interacted statuses by type of interaction... Added in 4.3.0."""

    most_used_apps: NonPaginatableList[AnnualReportNameAndCount] | None
    """Provides a breakdown of the apps the user used the most for posting... Added in 4.3.0, removed in 4.6.0."""

    commonly_interacted_with_accounts: NonPaginatableList[AnnualReportAccountAndCount] | None
    """Provides a breakdown of the accounts the user have the most... Added in 4.3.0, removed in 4.6.0."""

    time_series: NonPaginatableList[AnnualReportTimeSeriesEntryV1]
    """Provides a breakdown of new statuses, follows and followers per month. Added in 4.3.0."""

    top_hashtags: NonPaginatableList[AnnualReportNameAndCount]
    """Provides a breakdown of the user's most frequently used hashtags over the year. Added in 4.3.0."""

    most_reblogged_accounts: NonPaginatableList[AnnualReportAccountAndCount] | None
    """Provides a breakdown of the accounts the user has reblogged the most... Added in 4.3.0, removed in 4.6.0."""

    percentiles: float | None
    """Which percentile of the most prolific posters on the same server the... Added in 4.3.0, removed in 4.6.0."""


class AnnualReportDataV2(AttribAccessDict):
    """The contents of an annual report, second format.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("archetype", "top_statuses", "time_series", "top_hashtags")

    archetype: str
    """The kind of user the report sees in the account."""

    top_statuses: AnnualReportTopStatusesV2
    """The statuses with the most interactions."""

    time_series: NonPaginatableList[AnnualReportTimeSeriesEntryV2]
    """Activity by month."""

    top_hashtags: NonPaginatableList[AnnualReportNameAndCount]
    """The most used hashtags."""


class AnnualReportEvent(AttribAccessDict):
    """An annual report that became available, in a notification."""

    _fields = ("year",)

    year: str
    """The year the report is about."""


class AnnualReportNameAndCount(AttribAccessDict):
    """A name (of an application or hashtag) and how often it was used.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("name", "count")

    name: str
    """The name."""

    count: int
    """How often."""


class AnnualReportPercentiles(AttribAccessDict):
    """Where the account stands compared with the others on the server.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("statuses",)

    statuses: float
    """Percentile by number of statuses posted."""


class AnnualReportState(AttribAccessDict):
    """Whether the annual report of a year can be generated, is being generated or is ready.

    See https://docs.joinmastodon.org/methods/annual_reports/
    """

    _fields = ("state",)

    state: str
    """One of available, generating, eligible, ineligible."""


class AnnualReportTimeSeriesEntryV1(AttribAccessDict):
    """Activity during one month, first format.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("month", "statuses", "following", "followers")

    month: int
    """The month, 1 to 12."""

    statuses: int
    """Statuses posted."""

    following: int
    """Accounts followed."""

    followers: int
    """Followers gained."""


class AnnualReportTimeSeriesEntryV2(AttribAccessDict):
    """Activity during one month, second format.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("month", "statuses", "followers")

    month: int
    """The month, 1 to 12."""

    statuses: int
    """Statuses posted."""

    followers: int
    """Followers gained."""


class AnnualReportTopStatusesV1(AttribAccessDict):
    """The statuses of the year with the most interactions, first format.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("by_reblogs", "by_favourites", "by_replies")

    by_reblogs: IdType | None
    """The most boosted status."""

    by_favourites: IdType | None
    """The most favourited status."""

    by_replies: IdType | None
    """The status with the most replies."""


class AnnualReportTopStatusesV2(AttribAccessDict):
    """The statuses of the year with the most interactions, second format.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("by_reblogs", "by_favourites", "by_replies")

    by_reblogs: IdType | None
    """The most boosted status."""

    by_favourites: IdType | None
    """The most favourited status."""

    by_replies: IdType | None
    """The status with the most replies."""


class AnnualReportTypeDistribution(AttribAccessDict):
    """How the year's statuses divide into kinds.

    See https://docs.joinmastodon.org/entities/AnnualReport/
    """

    _fields = ("total", "reblogs", "replies", "standalone")

    total: int
    """All statuses."""

    reblogs: int
    """Boosts."""

    replies: int
    """Replies."""

    standalone: int
    """Statuses that are neither."""


class Appeal(AttribAccessDict):
    """Appeal against a moderation action.

    See https://docs.joinmastodon.org/entities/Appeal/
    """

    _version = "4.3.0"

    _fields = ("text", "state")

    text: str
    """Text of the appeal from the moderated account to the moderators. Added in 4.3.0."""

    state: str
    """State of the appeal. Added in 4.3.0."""


class Application(AttribAccessDict):
    """Represents an application that interfaces with the REST API, for example to access account information or...

    See https://docs.joinmastodon.org/entities/Application/
    """

    _version = "4.4.0"

    _fields = ("id", "name", "website", "vapid_key", "redirect_uri", "redirect_uris", "scopes")

    id: str
    """The numeric ID of the application. Added in 0.9.9."""

    name: str
    """The name of the application. Added in 0.9.9."""

    website: str | None
    """The website associated with the application. Added in 0.9.9."""

    scopes: NonPaginatableList[str]
    """The scopes for the application. This is the registered scopes string split on whitespace. Added in 4.3.0."""

    redirect_uris: NonPaginatableList[str]
    """The registered redirection URI(s) for the application. Added in 4.3.0."""

    redirect_uri: str
    """The registered redirection URI(s) for the application stored as a single string. Added in 0.0.0."""

    vapid_key: str
    """Used for Push Streaming API. Added in 2.8.0."""

    client_id: IdType | None
    """Client ID key, to be used for obtaining OAuth tokens. Added in 0.9.9."""

    client_secret: str | None
    """Client secret key, to be used for obtaining OAuth tokens. Added in 0.9.9."""

    client_secret_expires_at: int | None
    """When the client secret key will expire. Added in 4.4.0."""


class AsyncRefresh(AttribAccessDict):
    """Status of an asynchronous refresh.

    See https://docs.joinmastodon.org/entities/AsyncRefresh/
    """

    _version = "4.4.0"

    _fields = ("id", "status", "result_count")

    id: str
    """The ID of the async refresh. Added in 4.4.0."""

    status: str
    """Status of the async refresh. Added in 4.4.0."""

    result_count: int | None
    """Optional number of results already created/fetched as part of this async refresh. Added in 4.4.0."""


class Collection(AttribAccessDict):
    """Represents a curated collection of accounts that a user recommends others to follow.

    See https://docs.joinmastodon.org/entities/Collection/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "account_id",
        "uri",
        "url",
        "name",
        "description",
        "language",
        "local",
        "sensitive",
        "discoverable",
        "tag",
        "created_at",
        "updated_at",
        "item_count",
        "collection_items",
    )

    id: IdType
    """The collection id. Added in 4.6.0."""

    account_id: IdType
    """The id of the account that curates this Collection. Added in 4.6.0."""

    uri: str
    """The Collection's ActivityPub identifier (used for federation). Added in 4.6.0."""

    url: str | None
    """The url of the Collection's HTML page (web interface URL). Added in 4.6.0."""

    name: str
    """The name of the Collection. Added in 4.6.0."""

    description: str
    """An optional description of the Collection. Added in 4.6.0."""

    language: str | None
    """Primary language of this Collection. Added in 4.6.0."""

    local: bool
    """Whether the Collection was created on this server or resides on a remote server. Added in 4.6.0."""

    sensitive: bool
    """Whether the Collection has been marked as including sensitive content. Added in 4.6.0."""

    discoverable: bool
    """Whether the Collection should show up on the owner's profile, in search results and... Added in 4.6.0."""

    tag: ShallowTag | None
    """A single hashtag that describes this Collection. Added in 4.6.0."""

    created_at: datetime
    """When the Collection was created. Added in 4.6.0."""

    updated_at: datetime
    """When the Collection was last updated. Added in 4.6.0."""

    item_count: int
    """The number of items in this Collection. Added in 4.6.0."""

    # Attribute names for JSON keys that cannot be attributes: attribute -> key.
    _aliases = {"collection_items": "items"}

    collection_items: NonPaginatableList[CollectionItem]
    """[items] The items in this Collection. Added in 4.6.0."""

    # Fields named like dict methods: read them as self[name] (the attribute is the method).
    # Declared for the converter only; to a type checker the attribute stays the dict method.
    if not TYPE_CHECKING:
        items: NonPaginatableList[CollectionItem]
        """The items in this Collection. Added in 4.6.0."""


class CollectionItem(AttribAccessDict):
    """Represents a single item in a Collection.

    See https://docs.joinmastodon.org/entities/CollectionItem/
    """

    _version = "4.6.0"

    _fields = ("id", "account_id", "state", "created_at")

    id: IdType
    """The item id. Added in 4.6.0."""

    account_id: IdType | None
    """The id of the account this item represents. Added in 4.6.0."""

    state: str
    """The current state of the item. Added in 4.6.0."""

    created_at: datetime
    """When the item was added to the collection. Added in 4.6.0."""


class CollectionWithAccounts(AttribAccessDict):
    """A curated Collection of accounts that a user recommends others to follow plus the full account data.

    See https://docs.joinmastodon.org/entities/CollectionWithAccounts/
    """

    _version = "4.6.0"

    _fields = ("accounts", "collection")

    accounts: NonPaginatableList[Account]
    """Full account entities for the owner of the Collection and every account within the... Added in 4.6.0."""

    collection: Collection
    """The actual Collection. Added in 4.6.0."""


class Collections(AttribAccessDict):
    """Several collections, wrapped in an object.

    See https://docs.joinmastodon.org/entities/Collection/#Collections
    """

    _version = "4.6.0"

    _fields = ("collections",)

    collections: NonPaginatableList[Collection]
    """A list of Collections. Added in 4.6.0."""


class Context(AttribAccessDict):
    """Represents the tree around a given status. Used for reconstructing threads of statuses.

    See https://docs.joinmastodon.org/entities/Context/
    """

    _version = "0.6.0"

    _fields = ("ancestors", "descendants")

    ancestors: NonPaginatableList[Status]
    """Parents in the thread. Added in 0.6.0."""

    descendants: NonPaginatableList[Status]
    """Children in the thread. Added in 0.6.0."""


class Conversation(AttribAccessDict):
    """Represents a conversation with "direct message" visibility.

    See https://docs.joinmastodon.org/entities/Conversation/
    """

    _version = "2.6.0"

    _fields = ("id", "unread", "accounts", "last_status")

    id: str
    """The ID of the conversation in the database. Added in 2.6.0."""

    unread: bool
    """Is the conversation currently marked as unread? Added in 2.6.0."""

    accounts: NonPaginatableList[Account]
    """Participants in the conversation. Added in 2.6.0."""

    last_status: Status | None
    """The last status in the conversation. Added in 2.6.0."""


class CredentialAccountSource(AttribAccessDict):
    """An extra attribute that contains source values to be used with API methods that verify credentials and...

    See https://docs.joinmastodon.org/entities/Account/#source
    """

    _version = "4.5.0"

    _fields = (
        "privacy",
        "sensitive",
        "note",
        "language",
        "fields",
        "follow_requests_count",
        "indexable",
        "hide_collections",
        "discoverable",
        "attribution_domains",
        "quote_policy",
    )

    attribution_domains: NonPaginatableList[str] | None
    """Domains of websites allowed to credit the account. Added in 4.4.0."""

    note: str | None
    """Profile bio, in plain text instead of HTML. Added in 1.5.0."""

    fields: NonPaginatableList[AccountField] | None
    """Metadata about the account. Added in 2.4.0."""

    privacy: str | None
    """The default post privacy to be used for new statuses. Added in 1.5.0."""

    sensitive: bool | None
    """Whether new statuses should be marked sensitive by default. Added in 1.5.0."""

    language: str | None
    """The default posting language for new statuses. Added in 2.4.2."""

    follow_requests_count: int | None
    """The number of pending follow requests. Added in 3.0.0."""

    hide_collections: bool | None
    """Whether the user hides the contents of their follows and followers collections. Added in 4.1.0."""

    discoverable: bool | None
    """Whether the account has opted into discovery features such as the profile directory. Added in 3.1.0."""

    indexable: bool | None
    """Whether public posts should be searchable to anyone. Added in 4.3.0."""

    quote_policy: str | None
    """The default quote policy to be used for new statuses. Added in 4.5.0."""


class CredentialAccountState(AttribAccessDict):
    """Whether the logged-in account can be used, and the reason if it cannot.

    See https://docs.joinmastodon.org/entities/Account/
    """

    _fields = ("functional", "confirmed", "approved", "error_code", "error")

    functional: bool
    """Whether the account can be used now."""

    confirmed: bool
    """Whether the account's email address is confirmed."""

    approved: bool
    """Whether the account has been approved."""

    error_code: str | None
    """Code of the reason the account cannot be used, or None."""

    error: str | None
    """Readable reason the account cannot be used, or None."""


class CustomEmoji(AttribAccessDict):
    """Represents a custom emoji.

    See https://docs.joinmastodon.org/entities/CustomEmoji/
    """

    _version = "3.0.0"

    _fields = ("shortcode", "url", "static_url", "visible_in_picker", "category")

    shortcode: str
    """The name of the custom emoji. Added in 2.0.0."""

    url: str
    """A link to the custom emoji. Added in 2.0.0."""

    static_url: str
    """A link to a static copy of the custom emoji. Added in 2.0.0."""

    visible_in_picker: bool
    """Whether this Emoji should be visible in the picker or unlisted. Added in 2.0.0."""

    category: str | None
    """Used for sorting custom emoji in the picker. Added in 3.0.0."""


class DomainBlock(AttribAccessDict):
    """Represents a domain that is blocked by the instance.

    See https://docs.joinmastodon.org/entities/DomainBlock/
    """

    _version = "4.0.0"

    _fields = ("domain", "digest", "severity", "comment")

    domain: str
    """The domain which is blocked. This may be obfuscated or partially censored. Added in 4.0.0."""

    digest: str
    """The SHA256 hash digest of the domain string. Added in 4.0.0."""

    severity: str
    """The level to which the domain is blocked. Added in 4.0.0."""

    comment: str | None
    """An optional reason for the domain block. Added in 4.0.0."""


class Error(AttribAccessDict):
    """Represents an error message.

    See https://docs.joinmastodon.org/entities/Error/
    """

    _version = "0.6.0"

    error: str
    """The error message. Added in 0.6.0."""

    error_description: str | None
    """A longer description of the error, mainly provided with the OAuth API. Added in 0.6.0."""


class ExtendedDescription(AttribAccessDict):
    """Represents an extended description for the instance, to be shown on its about page.

    See https://docs.joinmastodon.org/entities/ExtendedDescription/
    """

    _version = "4.0.0"

    _fields = ("updated_at", "content")

    updated_at: datetime
    """A timestamp of when the extended description was last updated. Added in 4.0.0."""

    content: str
    """The rendered HTML content of the extended description. Added in 4.0.0."""


class FamiliarFollowers(AttribAccessDict):
    """Represents a subset of your follows who also follow some other user.

    See https://docs.joinmastodon.org/entities/FamiliarFollowers/
    """

    _version = "3.5.0"

    _fields = ("id", "accounts")

    id: str
    """The ID of the Account in the database. Added in 3.5.0."""

    accounts: NonPaginatableList[Account]
    """Accounts you follow that also follow this account. Added in 3.5.0."""


class FeatureApproval(AttribAccessDict):
    """Summary of an account's policy with regards to being featured in a Collection and how it applies to the...

    See https://docs.joinmastodon.org/entities/FeatureApproval/
    """

    _version = "4.6.0"

    _fields = ("automatic", "manual", "current_user")

    automatic: NonPaginatableList[str]
    """Describes who is expected to be able to feature the account in a Collection and have... Added in 4.6.0."""

    manual: NonPaginatableList[str]
    """Describes who is expected to have attempts of featuring this account in a Collection... Added in 4.6.0."""

    current_user: str
    """Describes how this account's feature approval policy applies to the current user. Added in 4.6.0."""


class FeaturedTag(AttribAccessDict):
    """Represents a hashtag that is featured on an account profile.

    See https://docs.joinmastodon.org/entities/FeaturedTag/
    """

    _version = "3.3.0"

    _fields = ("id", "name", "statuses_count", "last_status_at", "url")

    id: str
    """The ID of the featured tag. Added in 3.0.0."""

    name: str
    """The name of the hashtag being featured. Added in 3.0.0."""

    url: str
    """A link to all statuses by a user that contain this hashtag. Added in 3.3.0."""

    statuses_count: str
    """The number of authored statuses containing this hashtag. Added in 3.0.0."""

    last_status_at: datetime | None
    """The date of the last authored status containing this hashtag. Added in 3.0.0."""


class Filter(AttribAccessDict):
    """Represents a user-defined filter for determining which statuses should not be shown to the user.

    See https://docs.joinmastodon.org/entities/V1_Filter/
    """

    _version = "3.1.0"

    _fields = ("id", "phrase", "context", "expires_at", "irreversible", "whole_word")

    id: str
    """The ID of the filter in the database. Added in 2.4.3."""

    phrase: str
    """The text to be filtered. Added in 2.4.3."""

    context: NonPaginatableList[str]
    """The contexts in which the filter should be applied. Added in 2.4.3."""

    expires_at: datetime | None
    """When the filter should no longer be applied. Added in 2.4.3."""

    irreversible: bool
    """Should matching entities in home and notifications be dropped by the server? Added in 2.4.3."""

    whole_word: bool
    """Should the filter consider word boundaries? See implementation guidelines for filters. Added in 2.4.3."""


class FilterKeyword(AttribAccessDict):
    """Represents a keyword that, if matched, should cause the filter action to be taken.

    See https://docs.joinmastodon.org/entities/FilterKeyword/
    """

    _version = "4.0.0"

    _fields = ("id", "keyword", "whole_word")

    id: str
    """The ID of the FilterKeyword in the database. Added in 4.0.0."""

    keyword: str
    """The phrase to be matched against. Added in 4.0.0."""

    whole_word: bool
    """Should the filter consider word boundaries? See implementation guidelines for filters. Added in 4.0.0."""


class FilterResult(AttribAccessDict):
    """Represents a filter whose keywords matched a given status.

    See https://docs.joinmastodon.org/entities/FilterResult/
    """

    _version = "4.0.0"

    _fields = ("filter", "keyword_matches", "status_matches")

    filter: FilterV2
    """The filter that was matched. Added in 4.0.0."""

    keyword_matches: NonPaginatableList[str] | None
    """The keyword within the filter that was matched. Added in 4.0.0."""

    status_matches: NonPaginatableList[str] | None
    """The status ID within the filter that was matched. Added in 4.0.0."""


class FilterStatus(AttribAccessDict):
    """Represents a status ID that, if matched, should cause the filter action to be taken.

    See https://docs.joinmastodon.org/entities/FilterStatus/
    """

    _version = "4.0.0"

    _fields = ("id", "status_id")

    id: str
    """The ID of the FilterStatus in the database. Added in 4.0.0."""

    status_id: IdType
    """The ID of the Status that will be filtered. Added in 4.0.0."""


class FilterV2(AttribAccessDict):
    """Represents a user-defined filter for determining which statuses should not be shown to the user.

    See https://docs.joinmastodon.org/entities/Filter/
    """

    _version = "4.4.0"

    _fields = ("id", "context", "expires_at", "title", "filter_action", "keywords", "statuses")

    id: str
    """The ID of the Filter in the database. Added in 4.0.0."""

    title: str
    """A title given by the user to name the filter. Added in 4.0.0."""

    context: NonPaginatableList[str]
    """The contexts in which the filter should be applied. Added in 4.0.0."""

    expires_at: datetime | None
    """When the filter should no longer be applied. Added in 4.0.0."""

    filter_action: str
    """The action to be taken when a status matches this filter. Added in 4.0.0."""

    keywords: NonPaginatableList[FilterKeyword] | None
    """The keywords grouped under this filter. Omitted when part of a FilterResult. Added in 4.0.0."""

    statuses: NonPaginatableList[FilterStatus] | None
    """The statuses grouped under this filter. Omitted when part of a FilterResult. Added in 4.0.0."""


class GroupedNotificationsResults(AttribAccessDict):
    """A page of grouped notifications, with the accounts and statuses they refer to.

    See https://docs.joinmastodon.org/methods/grouped_notifications/
    """

    _fields = ("accounts", "partial_accounts", "statuses", "notification_groups")

    accounts: NonPaginatableList[Account]
    """Accounts referenced by the groups."""

    partial_accounts: NonPaginatableList[PartialAccountWithAvatar] | None
    """Accounts in a reduced form, when asked for."""

    statuses: NonPaginatableList[Status]
    """Statuses referenced by the groups."""

    notification_groups: NonPaginatableList[NotificationGroup]
    """The notification groups."""


class IdentityProof(AttribAccessDict):
    """Represents a proof from an external identity provider.

    See https://docs.joinmastodon.org/entities/IdentityProof/
    """

    _version = "2.8.0"

    _fields = ("provider", "provider_username", "updated_at", "proof_url", "profile_url")

    provider: str
    """The name of the identity provider. Added in 2.8.0."""

    provider_username: str
    """The account owner's username on the identity provider's service. Added in 2.8.0."""

    updated_at: datetime
    """When the identity proof was last updated. Added in 2.8.0."""

    proof_url: str
    """A link to a statement of identity proof, hosted by the identity provider. Added in 2.8.0."""

    profile_url: str
    """The account owner's profile URL on the identity provider. Added in 2.8.0."""


class Instance(AttribAccessDict):
    """Represents the software instance of Mastodon running on this domain.

    See https://docs.joinmastodon.org/entities/V1_Instance/
    """

    _version = "3.4.2"

    _fields = (
        "uri",
        "title",
        "short_description",
        "description",
        "email",
        "version",
        "urls",
        "stats",
        "thumbnail",
        "languages",
        "registrations",
        "approval_required",
        "invites_enabled",
        "configuration",
        "contact_account",
        "rules",
    )

    uri: str
    """The WebFinger domain name of the instance (not a URI/URL). Added in 1.1.0."""

    title: str
    """The title of the website. Added in 1.1.0."""

    short_description: str
    """A short, plain-text description defined by the admin. Added in 2.9.2."""

    description: str
    """An HTML-permitted description of the Mastodon site. Added in 1.1.0."""

    email: str
    """An email that may be contacted for any inquiries. Added in 1.1.0."""

    version: str
    """The version of Mastodon installed on the instance. Added in 1.3.0."""

    urls: InstanceURLs
    """URLs of interest for clients apps. Added in 1.4.2."""

    stats: InstanceStatistics
    """Statistics about how much information the instance contains. Added in 1.6.0."""

    thumbnail: str | None
    """Banner image for the website. Added in 1.6.1."""

    languages: NonPaginatableList[str]
    """Primary languages of the website and its staff. Added in 2.3.0."""

    registrations: bool
    """Whether registrations are enabled. Added in 2.7.2."""

    approval_required: bool
    """Whether registrations require moderator approval. Added in 2.9.2."""

    invites_enabled: bool
    """Whether invites are enabled. Added in 3.1.4."""

    configuration: InstanceConfiguration
    """Configured values and limits for this website. Added in 3.4.2."""

    contact_account: Account | None
    """A user that can be contacted, as an alternative to email. Added in 2.3.0."""

    rules: NonPaginatableList[Rule]
    """An itemized list of rules for this website. Added in 3.4.0."""


class InstanceAccountConfiguration(AttribAccessDict):
    """Limits related to accounts.

    See https://docs.joinmastodon.org/entities/Instance/#accounts
    """

    _version = "4.6.0"

    _fields = (
        "max_featured_tags",
        "max_pinned_statuses",
        "max_display_name_length",
        "max_note_length",
        "max_avatar_description_length",
        "max_header_description_length",
        "max_profile_fields",
        "profile_field_name_limit",
        "profile_field_value_limit",
    )

    max_display_name_length: int
    """The maximum length allowed for an account's display name. Added in 4.6.0."""

    max_note_length: int
    """The maximum length allowed for an account's bio. Added in 4.6.0."""

    max_avatar_description_length: int
    """The maximum length allowed for an account's avatar description. Added in 4.6.0."""

    max_header_description_length: int
    """The maximum length allowed for an account's profile header description. Added in 4.6.0."""

    max_featured_tags: int
    """The maximum number of featured tags allowed for each account. Added in 4.0.0."""

    max_pinned_statuses: int
    """The maximum number of pinned statuses for each account. Added in 4.3.0."""

    max_profile_fields: int
    """The maximum number of custom profile fields allowed to be set. Added in 4.6.0."""

    profile_field_name_limit: int
    """The maximum size of a profile field name, in characters. Added in 4.6.0."""

    profile_field_value_limit: int
    """The maximum size of a profile field value, in characters. Added in 4.6.0."""


class InstanceConfiguration(AttribAccessDict):
    """Configured values and limits for this website.

    See https://docs.joinmastodon.org/entities/V1_Instance/#configuration
    """

    _version = "4.0.0"

    _fields = ("accounts", "statuses", "media_attachments", "polls")

    accounts: InstanceAccountConfiguration
    """Limits related to accounts. Added in 4.0.0."""

    statuses: InstanceStatusConfiguration
    """Limits related to authoring statuses. Added in 3.4.2."""

    media_attachments: InstanceMediaConfiguration
    """Hints for which attachments will be accepted. Added in 3.4.2."""

    polls: InstancePollConfiguration
    """Limits related to polls. Added in 3.4.2."""


class InstanceConfigurationV2(AttribAccessDict):
    """Configured values and limits for this website.

    See https://docs.joinmastodon.org/entities/Instance/#configuration
    """

    _version = "4.5.0"

    _fields = (
        "accounts",
        "statuses",
        "media_attachments",
        "polls",
        "translation",
        "urls",
        "vapid",
        "limited_federation",
        "timelines_access",
    )

    urls: InstanceURLsV2
    """URLs of interest for clients apps. Added in 4.0.0."""

    vapid: InstanceVapidKey
    """Undocumented."""

    accounts: InstanceAccountConfiguration
    """Limits related to accounts. Added in 4.0.0."""

    statuses: InstanceStatusConfiguration
    """Limits related to authoring statuses. Added in 4.0.0."""

    media_attachments: InstanceMediaConfiguration
    """Hints for which attachments will be accepted. Added in 4.0.0."""

    polls: InstancePollConfiguration
    """Limits related to polls. Added in 4.0.0."""

    translation: InstanceTranslationConfiguration
    """Hints related to translation. Added in 4.0.0."""

    timelines_access: InstanceTimelinesAccessConfiguration
    """Access restrictions on different timelines. Added in 4.5.0."""

    limited_federation: bool
    """Whether federation is limited to explicitly allowed domains. Added in 4.4.0."""


class InstanceContact(AttribAccessDict):
    """Hints related to contacting a representative of the website.

    See https://docs.joinmastodon.org/entities/Instance/#contact
    """

    _version = "4.0.0"

    _fields = ("account", "email")

    email: str
    """An email address that can be messaged regarding inquiries or issues. Added in 4.0.0."""

    account: Account | None
    """An account that can be contacted natively over the network regarding inquiries or issues. Added in 4.0.0."""


class InstanceIcon(AttribAccessDict):
    """An icon of the server, in one size.

    See https://docs.joinmastodon.org/entities/Instance/#InstanceIcon
    """

    _version = "4.3.0"

    _fields = ("src", "size")

    src: str
    """The URL of this icon. Added in 4.3.0."""

    size: str
    """The size of this icon. Added in 4.3.0."""


class InstanceMediaConfiguration(AttribAccessDict):
    """Hints for which attachments will be accepted.

    See https://docs.joinmastodon.org/entities/Instance/#media_attachments
    """

    _version = "4.4.0"

    _fields = (
        "supported_mime_types",
        "image_size_limit",
        "image_matrix_limit",
        "video_size_limit",
        "video_frame_rate_limit",
        "video_matrix_limit",
        "description_limit",
    )

    supported_mime_types: NonPaginatableList[str]
    """Contains MIME types that can be uploaded. Added in 4.0.0."""

    description_limit: int
    """The maximum size of a description, in characters. Added in 4.4.0."""

    image_size_limit: int
    """The maximum size of any uploaded image, in bytes. Added in 4.0.0."""

    image_matrix_limit: int
    """The maximum number of pixels (width times height) for image uploads. Added in 4.0.0."""

    video_size_limit: int
    """The maximum size of any uploaded video, in bytes. Added in 4.0.0."""

    video_frame_rate_limit: int
    """The maximum frame rate for any uploaded video. Added in 4.0.0."""

    video_matrix_limit: int
    """The maximum number of pixels (width times height) for video uploads. Added in 4.0.0."""


class InstancePollConfiguration(AttribAccessDict):
    """Limits related to polls.

    See https://docs.joinmastodon.org/entities/Instance/#polls
    """

    _version = "4.0.0"

    _fields = ("max_options", "max_characters_per_option", "min_expiration", "max_expiration")

    max_options: int
    """Each poll is allowed to have up to this many options. Added in 4.0.0."""

    max_characters_per_option: int
    """Each poll option is allowed to have this many characters. Added in 4.0.0."""

    min_expiration: int
    """The shortest allowed poll duration, in seconds. Added in 4.0.0."""

    max_expiration: int
    """The longest allowed poll duration, in seconds. Added in 4.0.0."""


class InstanceRegistrations(AttribAccessDict):
    """Information about registering for this website.

    See https://docs.joinmastodon.org/entities/Instance/
    """

    _version = "4.4.0"

    _fields = ("approval_required", "enabled", "message", "url", "sign_up_url", "reason_required", "min_age")

    enabled: bool
    """Whether registrations are enabled. Added in 4.0.0."""

    approval_required: bool
    """Whether registrations require moderator approval. Added in 4.0.0."""

    message: str | None
    """A custom message to be shown when registrations are closed. Added in 4.0.0."""

    min_age: int | None
    """A minimum age required to register, if configured. Added in 4.4.0."""

    reason_required: bool | None
    """Whether registrations require the user to provide a reason for joining. Added in 4.4.0."""

    url: str | None
    """A custom URL for account registration, when using external authentication. Added in 4.2.0."""

    sign_up_url: str | None
    """Where to sign up, when that is not this server."""


class InstanceStatistics(AttribAccessDict):
    """Statistics about how much information the instance contains.

    See https://docs.joinmastodon.org/entities/V1_Instance/#stats
    """

    _version = "1.6.0"

    _fields = ("user_count", "status_count", "domain_count")

    user_count: int
    """Total users on this instance. Added in 1.6.0."""

    status_count: int
    """Total statuses on this instance. Added in 1.6.0."""

    domain_count: int
    """Total domains discovered by this instance. Added in 1.6.0."""


class InstanceStatusConfiguration(AttribAccessDict):
    """Limits related to authoring statuses.

    See https://docs.joinmastodon.org/entities/Instance/#statuses
    """

    _version = "4.0.0"

    _fields = ("max_characters", "max_media_attachments", "characters_reserved_per_url")

    max_characters: int
    """The maximum number of allowed characters per status. Added in 4.0.0."""

    max_media_attachments: int
    """The maximum number of media attachments that can be added to a status. Added in 4.0.0."""

    characters_reserved_per_url: int
    """Each URL in a status will be assumed to be exactly this many characters. Added in 4.0.0."""


class InstanceThumbnail(AttribAccessDict):
    """An image used to represent this server.

    See https://docs.joinmastodon.org/entities/Instance/#thumbnail
    """

    _version = "4.6.0"

    _fields = ("url", "blurhash", "versions", "description")

    url: str
    """The URL for the thumbnail image. Added in 4.0.0."""

    description: str
    """The thumbnail's alt text (a description of the image to help people with visual... Added in 4.6.0."""

    blurhash: str | None
    """A hash computed by the BlurHash algorithm, for generating colorful preview thumbnails... Added in 4.0.0."""

    versions: InstanceThumbnailVersions | None
    """Links to scaled resolution images, for high DPI screens. Added in 4.0.0."""


class InstanceThumbnailVersions(AttribAccessDict):
    """Links to scaled resolution images, for high DPI screens.

    See https://docs.joinmastodon.org/entities/Instance/#thumbnail-versions
    """

    _version = "4.0.0"

    _fields = ("at1x", "at2x")

    # Attribute names for JSON keys that cannot be attributes: attribute -> key.
    _aliases = {"at1x": "@1x", "at2x": "@2x"}

    at1x: str | None
    """[@1x] The URL for the thumbnail image at 1x resolution. Added in 4.0.0."""

    at2x: str | None
    """[@2x] The URL for the thumbnail image at 2x resolution. Added in 4.0.0."""


class InstanceTimelinesAccessConfiguration(AttribAccessDict):
    """Access restrictions on different timelines.

    See https://docs.joinmastodon.org/entities/Instance/#timelines_access
    """

    _version = "4.5.0"

    _fields = ("live_feeds", "hashtag_feeds", "trending_link_feeds")

    live_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access restrictions on public feeds. Added in 4.5.0."""

    hashtag_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access restrictions on hashtag feeds. Added in 4.5.0."""

    trending_link_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access restrictions on trending link feeds. Added in 4.5.0."""


class InstanceTimelinesAccessFeedConfiguration(AttribAccessDict):
    """Access restrictions on public feeds.

    See https://docs.joinmastodon.org/entities/Instance/#timelines_access-live_feeds
    """

    _version = "4.5.0"

    _fields = ("local", "remote")

    local: str
    """Access restrictions for local posts in the public feed. Added in 4.5.0."""

    remote: str
    """Access restrictions for remote posts in the public feed. Added in 4.5.0."""


class InstanceTranslationConfiguration(AttribAccessDict):
    """Hints related to translation.

    See https://docs.joinmastodon.org/entities/Instance/#translation
    """

    _version = "4.0.0"

    _fields = ("enabled",)

    enabled: bool
    """Whether the Translations API is available on this server. Added in 4.0.0."""


class InstanceURLs(AttribAccessDict):
    """URLs of interest for clients apps.

    See https://docs.joinmastodon.org/entities/V1_Instance/#urls
    """

    _version = "1.4.2"

    _fields = ("streaming_api",)

    streaming_api: str
    """The Websockets URL for connecting to the streaming API. Added in 1.4.2."""


class InstanceURLsV2(AttribAccessDict):
    """URLs of interest for clients apps.

    See https://docs.joinmastodon.org/entities/Instance/#urls
    """

    _version = "4.4.0"

    _fields = ("streaming", "status", "about", "privacy_policy", "terms_of_service")

    streaming: str
    """The Websockets URL for connecting to the streaming API. Added in 4.0.0."""

    status: str | None
    """The URL of the server's status page, if configured. Added in 4.1.0."""

    about: str
    """The URL of the server's about page. Added in 4.4.0."""

    privacy_policy: str | None
    """The URL of the server's privacy policy. Added in 4.4.0."""

    terms_of_service: str | None
    """The URL of the server's current terms of service, if any. Added in 4.4.0."""


class InstanceUsage(AttribAccessDict):
    """Usage data for this server.

    See https://docs.joinmastodon.org/entities/Instance/#usage
    """

    _version = "4.0.0"

    _fields = ("users",)

    users: InstanceUsageUsers
    """Usage data related to users on this server. Added in 4.0.0."""


class InstanceUsageUsers(AttribAccessDict):
    """Usage data related to users on this server.

    See https://docs.joinmastodon.org/entities/Instance/#users
    """

    _version = "4.0.0"

    _fields = ("active_month",)

    active_month: int
    """The number of active users in the past 4 weeks. Added in 4.0.0."""


class InstanceV2(AttribAccessDict):
    """Represents the software instance of Mastodon running on this domain.

    See https://docs.joinmastodon.org/entities/Instance/
    """

    _version = "4.6.0"

    _fields = (
        "domain",
        "title",
        "version",
        "source_url",
        "description",
        "usage",
        "thumbnail",
        "languages",
        "configuration",
        "registrations",
        "contact",
        "rules",
        "icon",
        "api_versions",
        "wrapstodon",
    )

    domain: str
    """The WebFinger domain name of the server. Added in 4.0.0."""

    title: str
    """The title of the website. Added in 4.0.0."""

    version: str
    """The version of Mastodon installed on the server. Added in 4.0.0."""

    source_url: str
    """The URL for the source code of the software running on this server, per the AGPL... Added in 4.0.0."""

    description: str
    """A short, plain-text description defined by the admin. Added in 4.0.0."""

    wrapstodon: str | None
    """The current Wrapstodon (Annual report campaign identifier (year), if any. Added in 4.6.0."""

    usage: InstanceUsage
    """Usage data for this server. Added in 4.0.0."""

    thumbnail: InstanceThumbnail
    """An image used to represent this server. Added in 4.0.0."""

    icon: NonPaginatableList[InstanceIcon]
    """The list of available size variants for this server's configured icon. Added in 4.3.0."""

    languages: NonPaginatableList[str]
    """Primary languages of the website and its staff. Added in 4.0.0."""

    configuration: InstanceConfigurationV2
    """Configured values and limits for this website. Added in 4.0.0."""

    registrations: InstanceRegistrations
    """Information about registering for this website. Added in 4.0.0."""

    api_versions: InstanceV2ApiVersions
    """Machine-readable API version information that allows clients to determine which API... Added in 4.3.0."""

    contact: InstanceContact
    """Hints related to contacting a representative of the website. Added in 4.0.0."""

    rules: NonPaginatableList[Rule]
    """An itemized list of rules for this website. Added in 4.0.0."""


class InstanceV2ApiVersions(AttribAccessDict):
    """Machine-readable API version information that allows clients to determine which API endpoints and features...

    See https://docs.joinmastodon.org/entities/Instance/#api-versions
    """

    _version = "4.3.0"

    mastodon: int
    """API version number that increments with substantial API changes. Added in 4.3.0."""


class InstanceVapidKey(AttribAccessDict):
    """The vapid field of InstanceConfigurationV2.

    See https://docs.joinmastodon.org/entities/Instance/
    """

    _version = "4.3.0"

    _fields = ("public_key",)

    public_key: str
    """The server's VAPID public key, used for push notifications, the same as... Added in 4.3.0."""


class Marker(AttribAccessDict):
    """Represents the last read position within a user's timelines.

    See https://docs.joinmastodon.org/entities/Marker/
    """

    _version = "3.0.0"

    _fields = ("last_read_id", "version", "updated_at")

    last_read_id: str
    """The ID of the most recently viewed entity."""

    version: int
    """An incrementing counter, used for locking to prevent write conflicts. Added in 3.0.0."""

    updated_at: datetime
    """The timestamp of when the marker was set."""


class MediaAttachment(AttribAccessDict):
    """Represents a file or media attachment that can be added to a status.

    See https://docs.joinmastodon.org/entities/MediaAttachment/
    """

    _version = "3.5.0"

    _fields = (
        "id",
        "type",
        "url",
        "remote_url",
        "preview_url",
        "text_url",
        "meta",
        "blurhash",
        "description",
        "preview_remote_url",
    )

    id: IdType
    """The ID of the attachment in the database. Added in 0.6.0."""

    type: str
    """The type of the attachment. Added in 0.6.0."""

    url: str | None
    """The location of the original full-size attachment. Added in 0.6.0."""

    preview_url: str | None
    """The location of a scaled-down preview of the attachment. Added in 0.6.0."""

    remote_url: str | None
    """The location of the full-size original attachment on the remote website. Added in 0.6.0."""

    meta: MediaAttachmentMetadataContainer | None
    """Metadata returned by Paperclip. Added in 1.5.0."""

    description: str | None
    """Alternate text that describes what is in the media attachment, to be used for the... Added in 2.0.0."""

    blurhash: str | None
    """A hash computed by the BlurHash algorithm, for generating colorful preview thumbnails... Added in 2.8.1."""

    text_url: str | None
    """A shorter URL for the attachment. Added in 0.6.0, removed in 3.5.0."""

    preview_remote_url: str | None
    """URL of the preview image on the server the media came from."""


class MediaAttachmentAudioMetadata(AttribAccessDict):
    """Timing information for an audio file.

    See https://docs.joinmastodon.org/entities/MediaAttachment/
    """

    _fields = ("duration", "bitrate")

    duration: float
    """Length in seconds."""

    bitrate: int
    """Bits per second."""


class MediaAttachmentColors(AttribAccessDict):
    """The main colours of an audio attachment's artwork, as #rrggbb strings.

    See https://docs.joinmastodon.org/entities/MediaAttachment/
    """

    _fields = ("foreground", "background", "accent")

    foreground: str
    """Foreground colour."""

    background: str
    """Background colour."""

    accent: str
    """Accent colour."""


class MediaAttachmentFocusPoint(AttribAccessDict):
    """Coordinates that may be used for smart thumbnail cropping -- see Focal points for cropped media thumbnails...

    See https://docs.joinmastodon.org/entities/MediaAttachment/#meta-focus
    """

    _fields = ("x", "y")

    x: float | None
    """Horizontal focal point."""

    y: float | None
    """Vertical focal point."""


class MediaAttachmentImageMetadata(AttribAccessDict):
    """Size information for an image (or a video's preview).

    See https://docs.joinmastodon.org/entities/MediaAttachment/
    """

    _fields = ("width", "height", "aspect", "size")

    width: int
    """Width in pixels."""

    height: int
    """Height in pixels."""

    aspect: float
    """Width divided by height."""

    size: str
    """Width and height as a string like 640x480."""


class MediaAttachmentMetadataContainer(AttribAccessDict):
    """Metadata returned by Paperclip.

    See https://docs.joinmastodon.org/entities/MediaAttachment/#meta
    """

    _version = "2.3.0"

    _fields = ("original", "small", "colors", "focus")

    focus: MediaAttachmentFocusPoint | None
    """Coordinates that may be used for smart thumbnail cropping -- see Focal points for... Added in 2.3.0."""

    original: MediaAttachmentImageMetadata | MediaAttachmentVideoMetadata | MediaAttachmentAudioMetadata
    """Metadata of the original file."""

    small: MediaAttachmentImageMetadata
    """Metadata of the preview image."""

    colors: MediaAttachmentColors | None
    """Main colours of audio artwork."""


class MediaAttachmentVideoMetadata(AttribAccessDict):
    """Size and timing information for a video or animated image.

    See https://docs.joinmastodon.org/entities/MediaAttachment/
    """

    _fields = ("width", "height", "frame_rate", "duration", "bitrate")

    width: int
    """Width in pixels."""

    height: int
    """Height in pixels."""

    frame_rate: str
    """Frames per second, as a fraction string like 30/1."""

    duration: float
    """Length in seconds."""

    bitrate: int
    """Bits per second."""


class Nodeinfo(AttribAccessDict):
    """Server metadata in the NodeInfo format.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("version", "software", "protocols", "services", "usage", "openRegistrations", "metadata")

    version: str
    """The NodeInfo schema version."""

    software: NodeinfoSoftware
    """The server software."""

    protocols: NonPaginatableList[str]
    """Federation protocols the server speaks."""

    services: NodeinfoServices
    """Third-party services the server can talk to."""

    usage: NodeinfoUsage
    """Usage statistics."""

    openRegistrations: bool  # noqa: N815
    """Whether anyone can sign up."""

    metadata: NodeinfoMetadata
    """Software-specific extra data."""


class NodeinfoMetadata(AttribAccessDict):
    """Software-specific metadata in NodeInfo.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("nodeName", "nodeDescription", "optInServerDirectory", "optInServerRecommendation")

    nodeName: str  # noqa: N815
    """The server's name."""

    nodeDescription: str | None  # noqa: N815
    """The server's description."""

    optInServerDirectory: bool | None  # noqa: N815
    """Whether the server wants to be listed in directories."""

    optInServerRecommendation: bool | None  # noqa: N815
    """Whether the server wants to be recommended."""


class NodeinfoServices(AttribAccessDict):
    """Third-party services a server can exchange messages with, in NodeInfo.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("outbound", "inbound")

    outbound: NonPaginatableList[str]
    """Services the server can post to."""

    inbound: NonPaginatableList[str]
    """Services the server can read from."""


class NodeinfoSoftware(AttribAccessDict):
    """The software a server runs, in NodeInfo.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("name", "version")

    name: str
    """Software name, like mastodon."""

    version: str
    """Software version."""


class NodeinfoUsage(AttribAccessDict):
    """Usage statistics in NodeInfo.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("users", "localPosts")

    users: NodeinfoUsageUsers
    """User counts."""

    localPosts: int  # noqa: N815
    """Posts made on this server."""


class NodeinfoUsageUsers(AttribAccessDict):
    """User counts in NodeInfo.

    See https://github.com/jhass/nodeinfo
    """

    _fields = ("total", "activeMonth", "activeHalfyear")

    total: int
    """All users."""

    activeMonth: int  # noqa: N815
    """Users active in the last month."""

    activeHalfyear: int  # noqa: N815
    """Users active in the last six months."""


class Notification(AttribAccessDict):
    """Represents a notification of an event relevant to the user.

    See https://docs.joinmastodon.org/entities/Notification/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "type",
        "created_at",
        "account",
        "status",
        "group_key",
        "report",
        "event",
        "moderation_warning",
        "fallback",
        "collection",
    )

    id: str
    """The id of the notification in the database. Added in 0.9.9."""

    type: str
    """The type of event that resulted in the notification. Added in 0.9.9."""

    group_key: str
    """Group key shared by similar notifications, to be used in the grouped notifications... Added in 4.3.0."""

    created_at: datetime
    """The timestamp of the notification. Added in 0.9.9."""

    account: Account
    """The account that performed the action that generated the notification. Added in 0.9.9."""

    status: Status | None
    """Status that was the object of the notification. Added in 0.9.9."""

    report: Report | None
    """Report that was the object of the notification. Added in 4.0.0."""

    event: RelationshipSeveranceEvent | None
    """Summary of the event that caused follow relationships to be severed. Added in 4.3.0."""

    moderation_warning: AccountWarning | None
    """Moderation warning that caused the notification. Added in 4.3.0."""

    fallback: NotificationFallback | None
    """Fallback information available for some notification types that clients may not support. Added in 4.6.0."""

    collection: Collection | None
    """Collection that was the object of the notification. Added in 4.6.0."""


class NotificationFallback(AttribAccessDict):
    """Represents a notification of an event relevant to the user.

    See https://docs.joinmastodon.org/entities/NotificationFallback/
    """

    _version = "4.6.0"

    _fields = ("title", "summary", "details")

    title: str
    """Localized fallback title for the notification, for instance "Alice added you to a... Added in 4.6.0."""

    summary: str | None
    """Localized fallback summary for the notification, for instance "You're on an app that... Added in 4.6.0."""

    details: str | None
    """Localized details for the notifications, to be displayed when clicking the... Added in 4.6.0."""


class NotificationGroup(AttribAccessDict):
    """Notifications of the same kind about the same thing, grouped.

    See https://docs.joinmastodon.org/methods/grouped_notifications/
    """

    _fields = (
        "group_key",
        "notifications_count",
        "type",
        "most_recent_notification_id",
        "page_min_id",
        "page_max_id",
        "latest_page_notification_at",
        "sample_account_ids",
        "status_id",
        "report",
        "event",
        "moderation_warning",
        "fallback",
        "collection",
        "annual_report",
    )

    group_key: str
    """Identifies the group."""

    notifications_count: int
    """How many notifications the group holds."""

    type: str
    """The kind of notifications."""

    most_recent_notification_id: str
    """Id of the newest notification in the group."""

    page_min_id: str | None
    """Id of the oldest notification of the group on this page."""

    page_max_id: str | None
    """Id of the newest notification of the group on this page."""

    latest_page_notification_at: datetime | None
    """When the newest notification on the page was made."""

    sample_account_ids: NonPaginatableList[str]
    """Ids of some accounts that caused notifications."""

    status_id: str | None
    """Id of the status the notifications are about."""

    report: Report | None
    """The report, for admin.report notifications."""

    event: RelationshipSeveranceEvent | None
    """The event, for severed_relationships."""

    moderation_warning: AccountWarning | None
    """The warning, for moderation_warning."""

    fallback: NotificationFallback | None
    """How to show a notification type the client does not know."""

    collection: Collection | None
    """The collection the notifications are about."""

    annual_report: AnnualReportEvent | None
    """The annual report that became available."""


class NotificationPolicy(AttribAccessDict):
    """Represents the notification filtering policy of the user.

    See https://docs.joinmastodon.org/entities/NotificationPolicy/
    """

    _version = "4.3.0"

    _fields = (
        "for_not_following",
        "for_not_followers",
        "for_new_accounts",
        "for_private_mentions",
        "for_limited_accounts",
        "summary",
        "for_bots",
    )

    for_not_following: str
    """Whether to accept, filter or drop notifications from accounts the user is not following. Added in 4.3.0."""

    for_not_followers: str
    """Whether to accept, filter or drop notifications from accounts that are not following... Added in 4.3.0."""

    for_new_accounts: str
    """Whether to accept, filter or drop notifications from accounts created in the past 30 days. Added in 4.3.0."""

    for_private_mentions: str
    """Whether to accept, filter or drop notifications from private mentions. Added in 4.3.0."""

    for_limited_accounts: str
    """Whether to accept, filter or drop notifications from accounts that were limited by a... Added in 4.3.0."""

    summary: NotificationPolicySummary
    """Summary of the filtered notifications. Added in 4.3.0."""

    for_bots: str | None
    """What to do with notifications from automated accounts."""


class NotificationPolicySummary(AttribAccessDict):
    """Summary of the filtered notifications.

    See https://docs.joinmastodon.org/entities/NotificationPolicy/#summary
    """

    _version = "4.3.0"

    _fields = ("pending_requests_count", "pending_notifications_count")

    pending_requests_count: int
    """Number of different accounts from which the user has non-dismissed filtered notifications. Added in 4.3.0."""

    pending_notifications_count: int
    """Number of total non-dismissed filtered notifications. May be inaccurate. Added in 4.3.0."""


class NotificationPolicyV1(AttribAccessDict):
    """Represents the notification filtering policy of the user.

    See https://docs.joinmastodon.org/entities/V1_NotificationPolicy/
    """

    _version = "4.3.0"

    filter_not_following: bool
    """Whether to filter notifications from accounts the user is not following. Added in 4.3.0."""

    filter_not_followers: bool
    """Whether to filter notifications from accounts that are not following the user. Added in 4.3.0."""

    filter_new_accounts: bool
    """Whether to filter notifications from accounts created in the past 30 days. Added in 4.3.0."""

    filter_private_mentions: bool
    """Whether to filter notifications from private mentions. Added in 4.3.0."""

    summary: NotificationPolicySummary
    """Summary of the filtered notifications. Added in 4.3.0."""


class NotificationRequest(AttribAccessDict):
    """Represents a group of filtered notifications from a specific user.

    See https://docs.joinmastodon.org/entities/NotificationRequest/
    """

    _version = "4.3.0"

    _fields = ("id", "created_at", "updated_at", "account", "notifications_count", "last_status")

    id: str
    """The id of the notification request in the database. Added in 4.3.0."""

    created_at: datetime
    """The timestamp of the notification request, i.e. Added in 4.3.0."""

    updated_at: datetime
    """The timestamp of when the notification request was last updated. Added in 4.3.0."""

    account: Account
    """The account that performed the action that generated the filtered notifications. Added in 4.3.0."""

    notifications_count: str
    """How many of this account's notifications were filtered. Added in 4.3.0."""

    last_status: Status | None
    """Most recent status associated with a filtered notification from that account. Added in 4.3.0."""


class OAuthServerInfo(AttribAccessDict):
    """The server's OAuth 2.0 authorization server metadata (RFC 8414).

    See https://docs.joinmastodon.org/methods/oauth/#authorization-server-metadata
    """

    _fields = (
        "issuer",
        "authorization_endpoint",
        "token_endpoint",
        "revocation_endpoint",
        "userinfo_endpoint",
        "scopes_supported",
        "response_types_supported",
        "response_modes_supported",
        "grant_types_supported",
        "token_endpoint_auth_methods_supported",
        "code_challenge_methods_supported",
        "service_documentation",
        "app_registration_endpoint",
    )

    issuer: str
    """The authorization server's issuer identifier."""

    authorization_endpoint: str
    """URL of the authorization endpoint."""

    token_endpoint: str
    """URL of the token endpoint."""

    revocation_endpoint: str
    """URL of the token revocation endpoint."""

    userinfo_endpoint: str
    """URL of the user info endpoint."""

    scopes_supported: NonPaginatableList[str]
    """Scopes the server knows."""

    response_types_supported: NonPaginatableList[str]
    """Response types the server supports."""

    response_modes_supported: NonPaginatableList[str]
    """Response modes the server supports."""

    grant_types_supported: NonPaginatableList[str]
    """Grant types the server supports."""

    token_endpoint_auth_methods_supported: NonPaginatableList[str]
    """Client authentication methods of the token endpoint."""

    code_challenge_methods_supported: NonPaginatableList[str]
    """PKCE code challenge methods."""

    service_documentation: str | None
    """URL of documentation for developers."""

    app_registration_endpoint: str | None
    """URL to register applications at."""


class OAuthUserInfo(AttribAccessDict):
    """OpenID Connect user info about the user a token belongs to.

    See https://docs.joinmastodon.org/methods/oauth/#userinfo
    """

    _fields = ("iss", "sub", "name", "preferred_username", "profile", "picture")

    iss: str
    """The issuer (the server's URL)."""

    sub: str
    """The account's URI."""

    name: str
    """The display name."""

    preferred_username: str
    """The username."""

    profile: str
    """URL of the profile page."""

    picture: str
    """URL of the avatar."""


class PartialAccountWithAvatar(AttribAccessDict):
    """An account reduced to what is needed to show its avatar.

    See https://docs.joinmastodon.org/entities/Account/#PartialAccountWithAvatar
    """

    _version = "4.6.0"

    _fields = ("id", "acct", "url", "avatar", "avatar_static", "locked", "bot", "avatar_description")

    id: str
    """The account id. Added in 4.3.0."""

    acct: str
    """The WebFinger account URI. Added in 4.3.0."""

    url: str
    """The location of the user's profile page. Added in 4.3.0."""

    avatar: str
    """An image icon that is shown next to statuses and in the profile. Added in 4.3.0."""

    avatar_static: str
    """A static version of the avatar. Added in 4.3.0."""

    avatar_description: str
    """A textual description of the avatar image. Added in 4.6.0."""

    locked: bool
    """Whether the account manually approves follow requests. Added in 4.3.0."""

    bot: bool
    """Indicates that the account may perform automated actions, may not be monitored, or... Added in 4.3.0."""


class Poll(AttribAccessDict):
    """Represents a poll attached to a status.

    See https://docs.joinmastodon.org/entities/Poll/
    """

    _version = "2.8.0"

    _fields = (
        "id",
        "expires_at",
        "expired",
        "multiple",
        "votes_count",
        "voted",
        "options",
        "emojis",
        "own_votes",
        "voters_count",
    )

    id: str
    """The ID of the poll in the database. Added in 2.8.0."""

    expires_at: datetime | None
    """When the poll ends. Added in 2.8.0."""

    expired: bool
    """Is the poll currently expired? Added in 2.8.0."""

    multiple: bool
    """Does the poll allow multiple-choice answers? Added in 2.8.0."""

    votes_count: int
    """How many votes have been received. Added in 2.8.0."""

    voters_count: int | None
    """How many unique accounts have voted on a multiple-choice poll. Added in 2.8.0."""

    options: NonPaginatableList[PollOption]
    """Possible answers for the poll. Added in 2.8.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji to be used for rendering poll options. Added in 2.8.0."""

    voted: bool | None
    """When called with a user token, has the authorized user voted? Added in 2.8.0."""

    own_votes: NonPaginatableList[int] | None
    """When called with a user token, which options has the authorized user chosen? Added in 2.8.0."""


class PollOption(AttribAccessDict):
    """One option of a poll.

    See https://docs.joinmastodon.org/entities/Poll/#Option
    """

    _version = "2.8.0"

    _fields = ("title", "votes_count")

    title: str
    """The text value of the poll option. Added in 2.8.0."""

    votes_count: int | None
    """The total number of received votes for this option. Added in 2.8.0."""


class Preferences(AttribAccessDict):
    """Represents a user's preferences.

    See https://docs.joinmastodon.org/entities/Preferences/
    """

    _version = "2.8.0"

    _fields = (
        "posting_default_visibility",
        "posting_default_sensitive",
        "posting_default_language",
        "reading_expand_media",
        "reading_expand_spoilers",
        "reading_autoplay_gifs",
        "posting_default_quote_policy",
    )

    # Attribute names for JSON keys that cannot be attributes: attribute -> key.
    _aliases = {
        "posting_default_visibility": "posting:default:visibility",
        "posting_default_sensitive": "posting:default:sensitive",
        "posting_default_language": "posting:default:language",
        "reading_expand_media": "reading:expand:media",
        "reading_expand_spoilers": "reading:expand:spoilers",
        "reading_autoplay_gifs": "reading:autoplay:gifs",
        "posting_default_quote_policy": "posting:default:quote_policy",
    }

    posting_default_visibility: str
    """[posting:default:visibility] Default visibility for new posts. Added in 2.8.0."""

    posting_default_sensitive: bool
    """[posting:default:sensitive] Default sensitivity flag for new posts. Added in 2.8.0."""

    posting_default_language: str | None
    """[posting:default:language] Default language for new posts. Added in 2.8.0."""

    reading_expand_media: str
    """[reading:expand:media] Whether media attachments should be automatically displayed or... Added in 2.8.0."""

    reading_expand_spoilers: bool
    """[reading:expand:spoilers] Whether CWs should be expanded by default. Added in 2.8.0."""

    reading_autoplay_gifs: bool
    """[reading:autoplay:gifs] Whether animated images and avatars play without hovering."""

    posting_default_quote_policy: str
    """[posting:default:quote_policy] Default setting for who may quote new statuses."""


class PreviewCard(AttribAccessDict):
    """Represents a rich preview card that is generated using OpenGraph tags from a URL.

    See https://docs.joinmastodon.org/entities/PreviewCard/
    """

    _version = "4.6.0"

    _fields = (
        "url",
        "title",
        "description",
        "type",
        "image",
        "author_name",
        "author_url",
        "width",
        "height",
        "html",
        "provider_name",
        "provider_url",
        "blurhash",
        "language",
        "embed_url",
        "authors",
        "image_description",
        "published_at",
        "history",
        "missing_attribution",
    )

    url: str
    """Location of linked resource. Added in 1.0.0."""

    title: str
    """Title of linked resource. Added in 1.0.0."""

    description: str
    """Description of preview. Added in 1.0.0."""

    type: str
    """The type of the preview card. Added in 1.3.0."""

    authors: NonPaginatableList[PreviewCardAuthor]
    """Fediverse account of the authors of the original resource. Added in 4.3.0."""

    author_name: str
    """The author of the original resource. Added in 1.3.0."""

    author_url: str
    """A link to the author of the original resource. Added in 1.3.0."""

    provider_name: str
    """The provider of the original resource. Added in 1.3.0."""

    provider_url: str
    """A link to the provider of the original resource. Added in 1.3.0."""

    html: str
    """HTML to be used for generating the preview card. Added in 1.3.0."""

    width: int
    """Width of preview, in pixels. Added in 1.3.0."""

    height: int
    """Height of preview, in pixels. Added in 1.3.0."""

    image: str | None
    """Preview thumbnail. Added in 1.0.0."""

    embed_url: str
    """Used for photo embeds, instead of custom html. Added in 2.1.0."""

    blurhash: str | None
    """A hash computed by the BlurHash algorithm, for generating colorful preview thumbnails... Added in 3.2.0."""

    missing_attribution: bool | None
    """True if the linked article claims to be written by the current user without the user... Added in 4.6.0."""

    published_at: datetime
    """UNIX timestamp of publication date."""

    history: NonPaginatableList[TrendingLinkHistory] | None
    """Usage statistics for given days (typically the past week). Added in 3.5.0."""

    language: str | None
    """Language of the linked page."""

    image_description: str | None
    """Alternative text of the preview image."""


class PreviewCardAuthor(AttribAccessDict):
    """Represents an author in a rich preview card.

    See https://docs.joinmastodon.org/entities/PreviewCardAuthor/
    """

    _version = "4.3.0"

    _fields = ("name", "url", "account")

    name: str
    """The original resource author's name. Added in 4.3.0."""

    url: str
    """A link to the author of the original resource. Added in 4.3.0."""

    account: Account | None
    """The fediverse account of the author. Added in 4.3.0."""


class PrivacyPolicy(AttribAccessDict):
    """Represents the privacy policy of the instance.

    See https://docs.joinmastodon.org/entities/PrivacyPolicy/
    """

    _version = "4.0.0"

    updated_at: datetime
    """A timestamp of when the privacy policy was last updated. Added in 4.0.0."""

    content: str
    """The rendered HTML content of the privacy policy. Added in 4.0.0."""


class Profile(AttribAccessDict):
    """Represents the current user's profile, with source values for all the editable fields.

    See https://docs.joinmastodon.org/entities/Profile/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "display_name",
        "note",
        "fields",
        "avatar",
        "avatar_static",
        "avatar_description",
        "header",
        "header_static",
        "header_description",
        "locked",
        "bot",
        "hide_collections",
        "discoverable",
        "indexable",
        "show_media",
        "show_media_replies",
        "show_featured",
        "attribution_domains",
        "featured_tags",
        "formatted_note",
        "formatted_fields",
    )

    id: IdType
    """The account id. Added in 4.6.0."""

    display_name: str
    """The profile's display name. Added in 4.6.0."""

    note: str
    """The profile's bio or description. Added in 4.6.0."""

    fields: NonPaginatableList[ProfileField]
    """Metadata about the account. Those contain the raw unprocessed names and values. Added in 4.6.0."""

    avatar: str | None
    """An image icon that is shown next to statuses and in the profile. Added in 4.6.0."""

    avatar_static: str | None
    """A static version of the avatar. Added in 4.6.0."""

    avatar_description: str
    """A textual description of the avatar, to be used for the visually impaired or when... Added in 4.6.0."""

    header: str | None
    """An image banner that is shown above the profile and in profile cards. Added in 4.6.0."""

    header_static: str | None
    """A static version of the header. Added in 4.6.0."""

    header_description: str
    """A textual description of the profile header, to be used for the visually impaired or... Added in 4.6.0."""

    locked: bool
    """Whether the account manually approves follow requests. Added in 4.6.0."""

    bot: bool
    """Indicates that the account may perform automated actions, may not be monitored, or... Added in 4.6.0."""

    hide_collections: bool | None
    """Whether the user hides the contents of their follows and followers collections. Added in 4.6.0."""

    discoverable: bool | None
    """Whether the account has opted into discovery features such as the profile directory. Added in 4.6.0."""

    indexable: bool
    """Whether the account allows indexing by search engines. Added in 4.6.0."""

    show_media: bool
    """Whether the account wishes to have a "Media" tab with media attachments on their profile. Added in 4.6.0."""

    show_media_replies: bool
    """Whether the account wishes to have replies in the "Media" tab on their profile. Added in 4.6.0."""

    show_featured: bool
    """Whether the account wishes to have a "Featured" tab on their profile. Added in 4.6.0."""

    attribution_domains: NonPaginatableList[str]
    """Domains of websites allowed to credit the account. Added in 4.6.0."""

    featured_tags: NonPaginatableList[FeaturedTag] | None
    """Hashtags featured on the profile."""

    formatted_note: str | None
    """The bio as HTML."""

    formatted_fields: NonPaginatableList[AccountField] | None
    """The profile fields as HTML."""


class ProfileField(AttribAccessDict):
    """A name and value pair of the profile, as the user entered them.

    See https://docs.joinmastodon.org/entities/Profile/#Field
    """

    _version = "4.6.0"

    _fields = ("name", "value", "verified_at")

    name: str
    """The key of a given field's key-value pair. Added in 4.6.0."""

    value: str
    """The value associated with the name key. Added in 4.6.0."""

    verified_at: datetime | None
    """Timestamp of when the server verified a URL value for a rel="me" link. Added in 4.6.0."""


class PushNotification(AttribAccessDict):
    """A decrypted web push notification.

    See https://docs.joinmastodon.org/entities/WebPushSubscription/
    """

    _fields = ("access_token", "body", "icon", "notification_id", "notification_type", "preferred_locale", "title")

    access_token: str
    """Token of the subscription the push was sent for."""

    body: str
    """Text of the notification."""

    icon: str
    """URL of an icon to show."""

    notification_id: str
    """Id of the notification; fetch it for details."""

    notification_type: str
    """Type of the notification."""

    preferred_locale: str
    """The user's locale."""

    title: str
    """Title of the notification."""


class Quote(AttribAccessDict):
    """Represents a quote or a quote placeholder, with the current authorization status.

    See https://docs.joinmastodon.org/entities/Quote/
    """

    _version = "4.5.7"

    _fields = ("state", "quoted_status")

    state: str
    """The state of the quote. Unknown values should be treated as unauthorized. Added in 4.4.0."""

    quoted_status: Status | None
    """The status being quoted, if the quote has been accepted. Added in 4.4.0."""


class QuoteApproval(AttribAccessDict):
    """Summary of a status' quote approval policy and how it applies to the requesting user.

    See https://docs.joinmastodon.org/entities/QuoteApproval/
    """

    _version = "4.5.0"

    _fields = ("automatic", "manual", "current_user")

    automatic: NonPaginatableList[str]
    """Describes who is expected to be able to quote that status and have the quote... Added in 4.5.0."""

    manual: NonPaginatableList[str]
    """Describes who is expected to have their quotes of this status be manually reviewed by... Added in 4.5.0."""

    current_user: str
    """Describes how this status' quote policy applies to the current user. Added in 4.5.0."""


class Reaction(AttribAccessDict):
    """Represents an emoji reaction to an Announcement.

    See https://docs.joinmastodon.org/entities/Reaction/
    """

    _version = "3.1.0"

    _fields = ("name", "count", "me", "url", "static_url")

    name: str
    """The emoji used for the reaction. Either a unicode emoji, or a custom emoji's shortcode. Added in 3.1.0."""

    count: int
    """The total number of users who have added this reaction. Added in 3.1.0."""

    me: bool | None
    """If there is a currently authorized user: Have you added this reaction? Added in 3.1.0."""

    url: str | None
    """If the reaction is a custom emoji: A link to the custom emoji. Added in 3.1.0."""

    static_url: str | None
    """If the reaction is a custom emoji: A link to a non-animated version of the custom emoji. Added in 3.1.0."""


class Relationship(AttribAccessDict):
    """Represents the relationship between accounts, such as following / blocking / muting / etc.

    See https://docs.joinmastodon.org/entities/Relationship/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "following",
        "followed_by",
        "blocking",
        "blocked_by",
        "muting",
        "muting_notifications",
        "requested",
        "domain_blocking",
        "showing_reblogs",
        "endorsed",
        "note",
        "notifying",
        "languages",
        "requested_by",
        "muting_expires_at",
    )

    id: str
    """The account ID. Added in 0.6.0."""

    following: bool
    """Are you following this user? Added in 0.6.0."""

    showing_reblogs: bool
    """Are you receiving this user's boosts in your home timeline? Added in 2.1.0."""

    notifying: bool
    """Have you enabled notifications for this user? Added in 3.3.0."""

    languages: NonPaginatableList[str] | None
    """Which languages are you following from this user? Added in 4.0.0."""

    followed_by: bool
    """Are you followed by this user? Added in 0.6.0."""

    blocking: bool
    """Are you blocking this user? Added in 0.6.0."""

    blocked_by: bool
    """Is this user blocking you? Added in 2.8.0."""

    muting: bool
    """Are you muting this user? Added in 1.1.0."""

    muting_notifications: bool
    """Are you muting notifications from this user? Added in 2.1.0."""

    muting_expires_at: datetime | None
    """Date at which the mute expires, if there is any. Added in 4.6.0."""

    requested: bool
    """Do you have a pending follow request for this user? Added in 0.9.9."""

    requested_by: bool
    """Has this user requested to follow you? Added in 4.1.0."""

    domain_blocking: bool
    """Are you blocking this user's domain? Added in 1.4.0."""

    endorsed: bool
    """Are you featuring this user on your profile? Added in 2.5.0."""

    note: str
    """The authenticated user's personal comment about this account. Added in 3.2.0."""


class RelationshipSeveranceEvent(AttribAccessDict):
    """Summary of a moderation or block event that caused follow relationships to be severed.

    See https://docs.joinmastodon.org/entities/RelationshipSeveranceEvent/
    """

    _version = "4.3.0"

    _fields = ("id", "type", "purged", "target_name", "followers_count", "following_count", "created_at")

    id: str
    """The ID of the relationship severance event in the database. Added in 4.3.0."""

    type: str
    """Type of event. Added in 4.3.0."""

    purged: bool
    """Whether the list of severed relationships is unavailable because the underlying issue... Added in 4.3.0."""

    target_name: str
    """Name of the target of the moderation/block event. Added in 4.3.0."""

    followers_count: int
    """Number of followers that were removed as result of the event. Added in 4.3.0."""

    following_count: int
    """Number of accounts the user stopped following as result of the event. Added in 4.3.0."""

    created_at: datetime
    """When the event took place. Added in 4.3.0."""


class Report(AttribAccessDict):
    """Reports filed against users and/or statuses, to be taken action on by moderators.

    See https://docs.joinmastodon.org/entities/Report/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "action_taken",
        "comment",
        "created_at",
        "target_account",
        "status_ids",
        "action_taken_at",
        "category",
        "forwarded",
        "rules_ids",
    )

    id: str
    """The ID of the report in the database. Added in 1.1.0."""

    action_taken: bool
    """Whether an action was taken yet. Added in 1.1.0."""

    action_taken_at: datetime | None
    """When an action was taken against the report. Added in 4.0.0."""

    category: str
    """The generic reason for the report. Added in 4.0.0."""

    comment: str
    """The reason for the report. Added in 4.0.0."""

    forwarded: bool
    """Whether the report was forwarded to a remote domain. Added in 4.0.0."""

    created_at: datetime
    """When the report was created. Added in 4.0.0."""

    status_ids: NonPaginatableList[str] | None
    """IDs of statuses that have been attached to this report for additional context. Added in 4.0.0."""

    collection_ids: NonPaginatableList[IdType] | None
    """IDs of Featured Collections that have been attached to this report for additional context. Added in 4.6.0."""

    rule_ids: NonPaginatableList[IdType] | None
    """IDs of the rules that have been cited as a violation by this report. Added in 4.0.0."""

    target_account: Account
    """The account that was reported. Added in 4.0.0."""


class Role(AttribAccessDict):
    """Represents a custom user role that grants permissions.

    See https://docs.joinmastodon.org/entities/Role/
    """

    _version = "4.6.0"

    _fields = ("id", "name", "permissions", "color", "highlighted", "collection_limit")

    id: str
    """The ID of the Role in the database. Added in 4.0.0."""

    name: str
    """The name of the role. Added in 4.0.0."""

    color: str
    """The hex code assigned to this role. If no hex code is assigned, the string will be empty. Added in 4.0.0."""

    permissions: str
    """A bitmask that represents the sum of all permissions granted to the role. Added in 4.0.0."""

    highlighted: bool
    """Whether the role is publicly visible as a badge on user profiles. Added in 4.0.0."""

    collection_limit: int
    """Maximum number of Collections that users with this role are allowed to create. Added in 4.6.0."""


class Rule(AttribAccessDict):
    """Represents a rule that server users should follow.

    See https://docs.joinmastodon.org/entities/Rule/
    """

    _version = "4.4.0"

    _fields = ("id", "text", "hint", "translations")

    id: str
    """An identifier for the rule. Added in 3.4.0."""

    text: str
    """The rule to be followed. Added in 3.4.0."""

    hint: str
    """Longer-form description of the rule. Added in 4.3.0."""

    translations: AttribAccessDict
    """Available translations for this rule's text and hint, as a Hash where keys are locale... Added in 4.4.0."""


class RuleTranslation(AttribAccessDict):
    """A server rule in another language.

    See https://docs.joinmastodon.org/entities/Rule/
    """

    _fields = ("text", "hint")

    text: str
    """The rule."""

    hint: str
    """Longer explanation of the rule."""


class ScheduledStatus(AttribAccessDict):
    """Represents a status that will be published at a future scheduled date.

    See https://docs.joinmastodon.org/entities/ScheduledStatus/
    """

    _version = "2.7.0"

    _fields = ("id", "scheduled_at", "params", "media_attachments")

    id: str
    """ID of the scheduled status in the database. Added in 2.7.0."""

    scheduled_at: datetime
    """The timestamp for when the status will be posted. Added in 2.7.0."""

    params: ScheduledStatusParams
    """The parameters that were used when scheduling the status, to be used when the status... Added in 2.7.0."""

    media_attachments: NonPaginatableList[MediaAttachment]
    """Media that will be attached when the status is posted. Added in 2.7.0."""


class ScheduledStatusParams(AttribAccessDict):
    """The parameters that were used when scheduling the status, to be used when the status is posted.

    See https://docs.joinmastodon.org/entities/ScheduledStatus/#params
    """

    _version = "2.8.0"

    _fields = (
        "text",
        "in_reply_to_id",
        "media_ids",
        "sensitive",
        "visibility",
        "idempotency",
        "scheduled_at",
        "spoiler_text",
        "application_id",
        "poll",
        "language",
        "allowed_mentions",
        "with_rate_limit",
        "quoted_status_id",
        "quote_approval_policy",
    )

    text: str
    """Text to be used as status content. Added in 2.7.0."""

    poll: ScheduledStatusParamsPoll | None
    """Poll to be attached to the status. Added in 2.8.0."""

    media_ids: NonPaginatableList[str] | None
    """IDs of the MediaAttachments that will be attached to the status. Added in 2.7.0."""

    sensitive: bool | None
    """Whether the status will be marked as sensitive. Added in 2.7.0."""

    spoiler_text: str | None
    """The text of the content warning or summary for the status. Added in 2.7.0."""

    visibility: str
    """The visibility that the status will have once it is posted. Added in 2.7.0."""

    in_reply_to_id: IdType | None
    """ID of the Status that will be replied to. Added in 2.7.0."""

    language: str | None
    """The language that will be used for the status. Added in 2.7.0."""

    application_id: str
    """Internal ID of the Application that posted the status. Added in 2.7.0."""

    scheduled_at: datetime | None
    """When the status will be scheduled. Added in 2.7.0."""

    idempotency: str | None
    """Idempotency key to prevent duplicate statuses. Added in 2.7.0."""

    with_rate_limit: bool
    """Whether status creation is subject to rate limiting. Added in 2.7.0."""

    allowed_mentions: NonPaginatableList[str] | None
    """Accounts the status may mention."""

    quoted_status_id: IdType | None
    """The status the scheduled status quotes."""

    quote_approval_policy: str | None
    """Who may quote the status."""


class ScheduledStatusParamsPoll(AttribAccessDict):
    """Poll to be attached to the status.

    See https://docs.joinmastodon.org/entities/ScheduledStatus/#params-poll
    """

    _version = "2.8.0"

    options: NonPaginatableList[str]
    """The poll options to be used. Added in 2.8.0."""

    expires_in: int
    """How many seconds the poll should last before closing. Added in 2.8.0."""

    multiple: bool | None
    """Whether the poll allows multiple choices. Added in 2.8.0."""

    hide_totals: bool | None
    """Whether the poll should hide total votes until after voting has ended. Added in 2.8.0."""


class Search(AttribAccessDict):
    """Search results in the format of the v1 search endpoint (hashtags as plain strings).

    See https://docs.joinmastodon.org/methods/search/
    """

    _fields = ("accounts", "hashtags", "statuses")

    accounts: NonPaginatableList[Account]
    """Accounts that match the query."""

    hashtags: NonPaginatableList[str]
    """Hashtag names that match the query."""

    statuses: NonPaginatableList[Status]
    """Statuses that match the query."""


class SearchV2(AttribAccessDict):
    """Represents the results of a search.

    See https://docs.joinmastodon.org/entities/Search/
    """

    _version = "3.0.0"

    _fields = ("accounts", "hashtags", "statuses", "collections")

    accounts: NonPaginatableList[Account]
    """Accounts which match the given query. Added in 1.1.0."""

    statuses: NonPaginatableList[Status]
    """Statuses which match the given query. Added in 1.1.0."""

    hashtags: NonPaginatableList[Tag] | None
    """Hashtags which match the given query. Added in 1.1.0, removed in 3.0.0."""


class ShallowQuote(AttribAccessDict):
    """Represents a quote or a quote placeholder, with the current authorization status.

    See https://docs.joinmastodon.org/entities/ShallowQuote/
    """

    _version = "4.5.7"

    _fields = ("quoted_status_id", "state")

    state: str
    """The state of the quote. Unknown values should be treated as unauthorized. Added in 4.4.0."""

    quoted_status_id: IdType | None
    """The identifier of the status being quoted. Added in 4.4.0."""


class ShallowTag(AttribAccessDict):
    """Minimal representation of a hashtag.

    See https://docs.joinmastodon.org/entities/ShallowTag/
    """

    _version = "4.6.0"

    _fields = ("name", "url")

    name: str
    """The value of the hashtag after the # sign. Added in 4.6.0."""

    url: str
    """A link to the hashtag on the local server. Added in 4.6.0."""


class Status(AttribAccessDict):
    """Represents a status posted by an account.

    See https://docs.joinmastodon.org/entities/Status/
    """

    _version = "4.6.0"

    _fields = (
        "id",
        "uri",
        "url",
        "account",
        "in_reply_to_id",
        "in_reply_to_account_id",
        "reblog",
        "content",
        "created_at",
        "reblogs_count",
        "favourites_count",
        "reblogged",
        "favourited",
        "sensitive",
        "spoiler_text",
        "visibility",
        "mentions",
        "media_attachments",
        "emojis",
        "tags",
        "bookmarked",
        "application",
        "language",
        "muted",
        "pinned",
        "replies_count",
        "card",
        "poll",
        "edited_at",
        "filtered",
        "quote",
        "quotes_count",
        "tagged_collections",
        "quote_approval",
    )

    id: IdType
    """ID of the status in the database. Added in 0.1.0."""

    uri: str
    """URI of the status used for federation. Added in 0.1.0."""

    created_at: datetime
    """The date when this status was created. Added in 0.1.0."""

    account: Account
    """The account that authored this status. Added in 0.1.0."""

    content: str
    """HTML-encoded status content. Added in 0.1.0."""

    visibility: str
    """Visibility of this status. Added in 0.9.9."""

    sensitive: bool
    """Is this status marked as sensitive content? Added in 0.9.9."""

    spoiler_text: str
    """Subject or summary line, below which status content is collapsed until expanded. Added in 1.0.0."""

    media_attachments: NonPaginatableList[MediaAttachment]
    """Media that is attached to this status. Added in 0.6.0."""

    application: Application | None
    """The application used to post this status. Added in 0.9.9."""

    mentions: NonPaginatableList[StatusMention]
    """Mentions of users within the status content. Added in 0.6.0."""

    tags: NonPaginatableList[Tag]
    """Hashtags used within the status content. Added in 0.6.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji to be used when rendering status content. Added in 2.0.0."""

    reblogs_count: int
    """How many boosts this status has received. Added in 0.1.0."""

    favourites_count: int
    """How many favourites this status has received. Added in 0.1.0."""

    quotes_count: int
    """How many accepted quotes this status has. Added in 4.5.0."""

    replies_count: int
    """How many replies this status has received. Added in 2.5.0."""

    url: str | None
    """A link to the status's HTML representation. Added in 0.1.0."""

    in_reply_to_id: IdType | None
    """ID of the status being replied to. Added in 0.1.0."""

    in_reply_to_account_id: IdType | None
    """Might be the ID of the account that authored the status being replied to. Added in 0.1.0."""

    reblog: Status | None
    """The status being reblogged. Added in 0.1.0."""

    poll: Poll | None
    """The poll attached to the status. Added in 2.8.0."""

    card: PreviewCard | None
    """Preview card for links included within status content. Added in 2.6.0."""

    language: str | None
    """Primary language of this status. Added in 1.4.0."""

    text: str | None
    """Plain-text source of a status. Added in 2.9.0."""

    edited_at: datetime | None
    """Timestamp of when the status was last edited. Added in 3.5.0."""

    quote: Quote | ShallowQuote | None
    """Information about the status being quoted, if any. Added in 4.4.0."""

    quote_approval: QuoteApproval
    """Summary of the post quote's approval policy and how it applies to the user making the... Added in 4.5.0."""

    favourited: bool | None
    """If the current token has an authorized user: Have you favourited this status? Added in 0.1.0."""

    reblogged: bool | None
    """If the current token has an authorized user: Have you boosted this status? Added in 0.1.0."""

    muted: bool | None
    """If the current token has an authorized user: Have you muted notifications for this... Added in 1.4.0."""

    bookmarked: bool | None
    """If the current token has an authorized user: Have you bookmarked this status? Added in 3.1.0."""

    pinned: bool | None
    """If the current token has an authorized user: Have you pinned this status? Added in 1.6.0."""

    filtered: NonPaginatableList[FilterResult] | None
    """If the current token has an authorized user: The filter and keywords that matched this... Added in 4.0.0."""

    tagged_collections: NonPaginatableList[Collection]
    """If content includes links to Collections that the server recognized, this includes the... Added in 4.6.0."""


class StatusEdit(AttribAccessDict):
    """Represents a revision of a status that has been edited.

    See https://docs.joinmastodon.org/entities/StatusEdit/
    """

    _version = "4.4.0"

    _fields = ("content", "spoiler_text", "sensitive", "created_at", "account", "media_attachments", "emojis", "poll")

    content: str
    """The content of the status at this revision. Added in 3.5.0."""

    spoiler_text: str
    """The content of the subject or content warning at this revision. Added in 3.5.0."""

    sensitive: bool
    """Whether the status was marked sensitive at this revision. Added in 3.5.0."""

    created_at: datetime
    """The timestamp of when the revision was published. Added in 3.5.0."""

    account: Account
    """The account that published this revision. Added in 3.5.0."""

    poll: StatusEditPoll | None
    """The current state of the poll options at this revision. Added in 3.5.0."""

    media_attachments: NonPaginatableList[MediaAttachment]
    """The current state of the media attachments at this revision. Added in 3.5.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Any custom emoji that are used in the current revision. Added in 3.5.0."""

    quote: Quote | ShallowQuote | None
    """Information about the status being quoted, if any. Added in 4.4.0."""


class StatusEditPoll(AttribAccessDict):
    """The current state of the poll options at this revision.

    See https://docs.joinmastodon.org/entities/StatusEdit/#poll
    """

    _version = "3.5.0"

    options: NonPaginatableList[StatusEditPollOptions]
    """The poll options at this revision. Added in 3.5.0."""


class StatusEditPollOptions(AttribAccessDict):
    """The poll options at this revision.

    See https://docs.joinmastodon.org/entities/StatusEdit/#poll-options
    """

    _version = "3.5.0"

    title: str
    """The text for a poll option. Added in 3.5.0."""


class StatusMention(AttribAccessDict):
    """An account mentioned in a status.

    See https://docs.joinmastodon.org/entities/Status/#Mention
    """

    _version = "3.1.0"

    _fields = ("url", "username", "acct", "id")

    id: str
    """The account ID of the mentioned user. Added in 0.6.0."""

    username: str
    """The username of the mentioned user. Added in 0.6.0."""

    url: str
    """The location of the mentioned user's profile. Added in 0.6.0."""

    acct: str
    """The webfinger acct: URI of the mentioned user. Added in 0.6.0."""


class StatusSource(AttribAccessDict):
    """Represents a status's source as plain text.

    See https://docs.joinmastodon.org/entities/StatusSource/
    """

    _version = "3.5.0"

    _fields = ("id", "text", "spoiler_text")

    id: str
    """ID of the status in the database. Added in 3.5.0."""

    text: str
    """The plain text used to compose the status. Added in 3.5.0."""

    spoiler_text: str
    """The plain text used to compose the status's subject or content warning. Added in 3.5.0."""


class StreamReaction(AttribAccessDict):
    """An emoji reaction to an announcement, as sent by the streaming API.

    See https://docs.joinmastodon.org/methods/streaming/
    """

    _fields = ("name", "count", "announcement_id")

    name: str
    """The emoji (a unicode emoji or a custom emoji shortcode)."""

    count: int
    """How many users reacted with it."""

    announcement_id: str
    """The announcement reacted to."""


class Suggestion(AttribAccessDict):
    """Represents a suggested account to follow and an associated reason for the suggestion.

    See https://docs.joinmastodon.org/entities/Suggestion/
    """

    _version = "4.3.0"

    _fields = ("source", "sources", "account")

    source: str
    """The reason this account is being suggested. Added in 3.4.0."""

    sources: NonPaginatableList[str]
    """A list of reasons this account is being suggested. This replaces source. Added in 4.3.0."""

    account: Account
    """The account being recommended to follow. Added in 3.4.0."""


class SupportedLocale(AttribAccessDict):
    """A locale the server's interface is available in.

    See https://docs.joinmastodon.org/methods/instance/
    """

    _fields = ("code", "name")

    code: str
    """Locale code, like en."""

    name: str
    """Name of the language."""


class Tag(AttribAccessDict):
    """Represents a hashtag used within the content of a status.

    See https://docs.joinmastodon.org/entities/Tag/
    """

    _version = "4.4.0"

    _fields = ("name", "url", "history", "following", "id", "trendable", "usable", "requires_review", "featuring")

    id: str
    """ID of the hashtag in the database. Added in 3.5.0."""

    name: str
    """The value of the hashtag after the # sign. Added in 0.9.0."""

    url: str
    """A link to the hashtag on the instance. Added in 0.9.0."""

    history: NonPaginatableList[TagHistory]
    """Usage statistics for given days (typically the past week). Added in 2.4.1."""

    following: bool | None
    """Whether the current token's authorized user is following this tag. Added in 4.0.0."""

    featuring: bool | None
    """Whether the current token's authorized user is featuring this tag on their profile. Added in 4.4.0."""

    trendable: bool | None
    """Whether the hashtag has been approved to trend. Added in 3.5.0."""

    usable: bool | None
    """Whether the hashtag has not been disabled from auto-linking. Added in 3.5.0."""

    requires_review: bool | None
    """Whether the hashtag has not been reviewed yet to approve or deny its trending. Added in 3.5.0."""


class TagHistory(AttribAccessDict):
    """Usage statistics for given days (typically the past week).

    See https://docs.joinmastodon.org/entities/Tag/#history
    """

    _version = "2.4.1"

    _fields = ("day", "uses", "accounts")

    day: datetime
    """UNIX timestamp on midnight of the given day. Added in 2.4.1."""

    uses: str
    """The counted usage of the tag within that day. Added in 2.4.1."""

    accounts: str
    """The total of accounts using the tag within that day. Added in 2.4.1."""


class TermsOfService(AttribAccessDict):
    """Represents the terms of service of the instance.

    See https://docs.joinmastodon.org/entities/TermsOfService/
    """

    _version = "4.4.0"

    _fields = ("effective_date", "effective", "content", "succeeded_by")

    effective_date: datetime
    """The date these terms of service are coming or have come in effect. Added in 4.4.0."""

    effective: bool
    """Whether these terms of service are currently in effect. Added in 4.4.0."""

    content: str
    """The rendered HTML content of the terms of service. Added in 4.4.0."""

    succeeded_by: datetime | None
    """If there are newer terms of service, their effective date. Added in 4.4.0."""


class Token(AttribAccessDict):
    """Represents an OAuth token used for authenticating with the API and performing actions.

    See https://docs.joinmastodon.org/entities/Token/
    """

    _version = "0.1.0"

    access_token: str
    """An OAuth token to be used for authorization. Added in 0.1.0."""

    token_type: str
    """The OAuth token type. Mastodon uses Bearer tokens. Added in 0.1.0."""

    scope: str
    """The OAuth scopes granted by this token, space-separated. Added in 0.1.0."""

    created_at: datetime
    """When the token was generated. Added in 0.1.0."""


class Translation(AttribAccessDict):
    """Represents the result of machine translating some status content.

    See https://docs.joinmastodon.org/entities/Translation/
    """

    _version = "4.2.0"

    _fields = ("content", "detected_source_language", "provider")

    content: str
    """HTML-encoded translated content of the status. Added in 4.0.0."""

    spoiler_text: str
    """The translated spoiler warning of the status. Added in 4.2.0."""

    language: str
    """The resulting language the text was translated into. Added in 4.0.0."""

    poll: TranslationPoll | None
    """The translated poll of the status. Added in 4.2.0."""

    media_attachments: NonPaginatableList[TranslationAttachment]
    """The translated media descriptions of the status. Added in 4.2.0."""

    detected_source_language: str
    """The language of the source text, as auto-detected by the machine translation provider. Added in 4.0.0."""

    provider: str
    """The service that provided the machine translation. Added in 4.0.0."""


class TranslationAttachment(AttribAccessDict):
    """A translated media description.

    See https://docs.joinmastodon.org/entities/Translation/#Attachment
    """

    _version = "4.2.0"

    id: IdType
    """The id of the attachment. Added in 4.2.0."""

    description: str
    """The translated description of the attachment. Added in 4.2.0."""


class TranslationPoll(AttribAccessDict):
    """A translated poll.

    See https://docs.joinmastodon.org/entities/Translation/#Poll
    """

    _version = "4.2.0"

    id: IdType
    """The ID of the poll. Added in 4.2.0."""

    options: NonPaginatableList[TranslationPollOption]
    """The translated poll options. Added in 4.2.0."""


class TranslationPollOption(AttribAccessDict):
    """A translated poll option.

    See https://docs.joinmastodon.org/entities/Translation/#Option
    """

    _version = "4.2.0"

    title: str
    """The translated title of the poll option. Added in 4.2.0."""


class TrendingLinkHistory(AttribAccessDict):
    """Usage statistics for given days (typically the past week).

    See https://docs.joinmastodon.org/entities/PreviewCard/#history
    """

    _version = "3.5.0"

    _fields = ("day", "uses", "accounts")

    day: datetime | None
    """UNIX timestamp on midnight of the given day. Added in 3.5.0."""

    accounts: str | None
    """The counted accounts using the link within that day. Added in 3.5.0."""

    uses: str | None
    """The counted statuses using the link within that day. Added in 3.5.0."""


class UnreadNotificationsCount(AttribAccessDict):
    """How many notifications are unread.

    See https://docs.joinmastodon.org/methods/notifications/#unread-count
    """

    _fields = ("count",)

    count: int
    """The number of unread notifications."""


class UserList(AttribAccessDict):
    """Represents a list of some users that the authenticated user follows.

    See https://docs.joinmastodon.org/entities/List/
    """

    _version = "4.2.0"

    _fields = ("id", "title", "replies_policy", "exclusive")

    id: str
    """The ID of the list. Added in 2.1.0."""

    title: str
    """The user-defined title of the list. Added in 2.1.0."""

    replies_policy: str
    """Which replies should be shown in the list. Added in 3.3.0."""

    exclusive: bool
    """Whether members of the list should be removed from the "Home" feed. Added in 4.2.0."""


class WebPushSubscription(AttribAccessDict):
    """Represents a subscription to the push streaming server.

    See https://docs.joinmastodon.org/entities/WebPushSubscription/
    """

    _version = "4.4.0"

    _fields = ("id", "endpoint", "server_key", "alerts", "policy", "standard")

    id: str
    """The ID of the Web Push subscription in the database. Added in 2.4.0."""

    endpoint: str
    """Where push alerts will be sent to. Added in 2.4.0."""

    standard: bool
    """If the push messages follow the standardized specifications (RFC8030+RFC8291+RFC8292). Added in 4.4.0."""

    server_key: str
    """The streaming server's VAPID key. Added in 2.4.0."""

    alerts: WebPushSubscriptionAlerts
    """Which alerts should be delivered to the endpoint. Added in 2.4.0."""

    policy: str | None
    """Whose notifications are pushed: all, followed, follower or none."""


class WebPushSubscriptionAlerts(AttribAccessDict):
    """Which alerts should be delivered to the endpoint.

    See https://docs.joinmastodon.org/entities/WebPushSubscription/#alerts
    """

    _version = "4.0.0"

    _fields = (
        "follow",
        "favourite",
        "reblog",
        "mention",
        "poll",
        "follow_request",
        "status",
        "update",
        "admin_sign_up",
        "admin_report",
        "quote",
        "quoted_update",
    )

    mention: bool
    """Receive a push notification when someone else has mentioned you in a status? Added in 2.4.0."""

    status: bool
    """Receive a push notification when a subscribed account posts a status? Added in 3.3.0."""

    reblog: bool
    """Receive a push notification when a status you created has been boosted by someone else? Added in 2.4.0."""

    follow: bool
    """Receive a push notification when someone has followed you? Added in 2.4.0."""

    follow_request: bool
    """Receive a push notification when someone has requested to followed you? Added in 3.1.0."""

    favourite: bool
    """Receive a push notification when a status you created has been favourited by someone else? Added in 2.4.0."""

    poll: bool
    """Receive a push notification when a poll you voted in or created has ended? Added in 2.8.0."""

    quote: bool | None
    """Push when someone quotes one of your statuses."""

    quoted_update: bool | None
    """Push when a status you quoted is edited."""

    # Fields named like dict methods: read them as self[name] (the attribute is the method).
    # Declared for the converter only; to a type checker the attribute stays the dict method.
    if not TYPE_CHECKING:
        update: bool
        """Receive a push notification when a status you interacted with has been edited? Added in 3.5.0."""


class WrappedAnnualReports(AttribAccessDict):
    """Annual reports with the accounts and statuses they refer to.

    See https://docs.joinmastodon.org/entities/AnnualReport/#WrappedAnnualReports
    """

    _version = "4.3.0"

    _fields = ("annual_reports", "accounts", "statuses")

    annual_reports: NonPaginatableList[AnnualReport]
    """Full AnnualReport entities for the reports. Added in 4.3.0."""

    accounts: NonPaginatableList[Account]
    """Full Account entities for the accounts mentioned in the reports. Added in 4.3.0."""

    statuses: NonPaginatableList[Status]
    """Full Status entities for the statuses mentioned in the reports. Added in 4.3.0."""


class WrappedCollection(AttribAccessDict):
    """A collection, wrapped in an object.

    See https://docs.joinmastodon.org/entities/Collection/#WrappedCollection
    """

    _version = "4.6.0"

    _fields = ("collection",)

    collection: Collection
    """The actual Collection. Added in 4.6.0."""


class WrappedCollectionItem(AttribAccessDict):
    """A collection item, wrapped in an object.

    See https://docs.joinmastodon.org/entities/CollectionItem/#WrappedCollectionItem
    """

    _version = "4.6.0"

    _fields = ("collection_item",)

    collection_item: CollectionItem
    """The actual Collection item. Added in 4.6.0."""


class AdminTag(Tag):
    """A hashtag as moderators see it: a tag with its review state.

    See https://docs.joinmastodon.org/entities/Tag/#admin
    """


class CredentialAccount(Account):
    """The user's own account, with the source values of the profile and the role.

    See https://docs.joinmastodon.org/entities/Account/#CredentialAccount
    """


class CredentialApplication(Application):
    """An application as shown to its creator, with its client credentials.

    See https://docs.joinmastodon.org/entities/Application/#CredentialApplication
    """


class MutedAccount(Account):
    """A muted account, with when the mute ends.

    See https://docs.joinmastodon.org/entities/Account/#MutedAccount
    """


class TrendsLink(PreviewCard):
    """A trending link: a preview card with its usage history.

    See https://docs.joinmastodon.org/entities/PreviewCard/#trends-link
    """


def __getattr__(name: str) -> object:
    """ENTITY_NAME_MAP and Mastodon.py's casting helpers, for code that imports them from this module."""
    from mastodon._casting import return_types_extra

    return return_types_extra(name)
