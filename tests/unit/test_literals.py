"""The ``Literal`` types of ``mastodon.literals`` name exactly the values the run-time checks accept."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from mastodon import literals
from mastodon._core import FEATURE_SETS, VERSION_CHECK_MODES
from mastodon._ratelimit import RATELIMIT_METHODS
from mastodon.endpoints import accounts, admin, filters, instance, lists, notifications, push, reports, search, statuses
from mastodon.endpoints import preferences as preferences_area

PAIRS: list[tuple[Any, tuple[str, ...]]] = [
    (literals.Visibility, statuses.VISIBILITIES),
    (literals.QuotePolicy, statuses.QUOTE_APPROVAL_POLICIES),
    (literals.QuotePolicy, accounts.QUOTE_POLICIES),
    (literals.DefaultPrivacy, accounts.PRIVACIES),
    (literals.NotificationType, notifications.NOTIFICATION_TYPES),
    (literals.NotificationPolicyValue, notifications.POLICY_VALUES),
    (literals.ExpandAccounts, notifications.EXPAND_ACCOUNTS),
    (literals.FilterContext, filters.FILTER_CONTEXTS),
    (literals.FilterAction, filters.FILTER_ACTIONS),
    (literals.SearchType, search.RESULT_TYPES),
    (literals.ListRepliesPolicy, lists.REPLIES_POLICIES),
    (literals.MarkerTimeline, preferences_area.MARKER_TIMELINES),
    (literals.PushPolicy, push.PUSH_POLICIES),
    (literals.ReportCategory, reports.REPORT_CATEGORIES),
    (literals.DirectoryOrder, instance.DIRECTORY_ORDERS),
    (literals.AdminAccountOrigin, admin.ACCOUNT_ORIGINS),
    (literals.AdminAccountStatus, admin.ACCOUNT_STATUSES),
    (literals.ModerationAction, admin.MODERATION_ACTIONS),
    (literals.DomainBlockSeverity, admin.DOMAIN_BLOCK_SEVERITIES),
    (literals.IPBlockSeverity, admin.IP_BLOCK_SEVERITIES),
    (literals.RetentionFrequency, admin.RETENTION_FREQUENCIES),
    (literals.RatelimitMethod, RATELIMIT_METHODS),
    (literals.FeatureSet, FEATURE_SETS),
    (literals.VersionCheckMode, VERSION_CHECK_MODES),
]


@pytest.mark.parametrize(("literal", "accepted"), PAIRS, ids=[str(pair[0]) for pair in PAIRS])
def test_literal_matches_the_runtime_check(literal: Any, accepted: tuple[str, ...]) -> None:
    assert sorted(get_args(literal)) == sorted(accepted)


def test_every_literal_is_exported_and_checked() -> None:
    checked = {id(literal) for literal, _ in PAIRS} | {id(literals.PaginationDirection)}
    exported = {id(getattr(literals, name)) for name in literals.__all__}
    assert exported == checked
    assert get_args(literals.PaginationDirection) == ("next", "previous")
