"""Requests sent and values returned by the notification endpoints.

Docs: methods/notifications.md and methods/grouped_notifications.md (entities/Notification.md for the
notification types, entities/NotificationPolicy.md for the policy values).
"""

from __future__ import annotations

import datetime as dt

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import (
    Account,
    GroupedNotificationsResults,
    Notification,
    NotificationPolicy,
    NotificationRequest,
    Status,
    UnreadNotificationsCount,
)
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"
TOKEN = "test-access-token-0123456789"


def client(version: str | None = None, feature_set: str = "mainline") -> Mastodon:
    return Mastodon(api_base_url=BASE, access_token=TOKEN, mastodon_version=version, feature_set=feature_set)


# --- GET /api/v1/notifications (methods/notifications.md#get, #get-one) ---------------------------


def test_notifications_gets_a_page_of_notifications(api: Mastodon, http, example, query) -> None:
    body = example("methods/notifications.md", "get")
    http.get(
        f"{BASE}/api/v1/notifications",
        json=body,
        headers={"Link": f'<{BASE}/api/v1/notifications?max_id=34975535>; rel="next"'},
    )
    page = api.notifications(limit=2)
    assert isinstance(page, PaginatableList) and len(page) == 2
    assert all(isinstance(item, Notification) for item in page)
    assert isinstance(page[0].account, Account) and isinstance(page[0].status, Status)
    assert page[0].created_at == dt.datetime(2019, 11, 23, 7, 49, 2, 64000, tzinfo=dt.timezone.utc)
    assert http.last_request.method == "GET"
    assert query(http.last_request) == [("limit", "2")]
    assert page._pagination_next is not None and str(page._pagination_next["max_id"]) == "34975535"


def test_notifications_sends_filters_and_bounds(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    api.notifications(
        account_id={"id": "971724"},
        max_id=moment,
        since_id="5",
        exclude_types=["follow", "reblog"],
        types=["mention"],
        supported_types=["quote"],
    )
    assert query(http.last_request) == [
        ("account_id", "971724"),
        ("max_id", str((int(moment.timestamp()) << 16) * 1000)),
        ("since_id", "5"),
        ("exclude_types[]", "follow"),
        ("exclude_types[]", "reblog"),
        ("types[]", "mention"),
        ("supported_types[]", "quote"),
    ]


def test_notifications_with_an_id_gets_one_notification(api: Mastodon, http, example, query) -> None:
    body = example("methods/notifications.md", "get-one")
    http.get(f"{BASE}/api/v1/notifications/{body['id']}", json=body)
    result = api.notifications(id=body["id"], supported_types=["mention", "quote"])
    assert isinstance(result, Notification) and result.id == body["id"]
    assert query(http.last_request) == [("supported_types[]", "mention"), ("supported_types[]", "quote")]


def test_notifications_mentions_only_uses_types_from_3_5(http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    client("4.0.0").notifications(mentions_only=True)
    assert query(http.last_request) == [("types[]", "mention")]


def test_notifications_mentions_only_excludes_the_rest_before_3_5(http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    client("3.4.0").notifications(mentions_only=True)
    assert query(http.last_request) == [
        ("exclude_types[]", name) for name in ("follow", "favourite", "reblog", "poll", "follow_request")
    ]


def test_notifications_mentions_only_asks_the_version_when_unknown(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("entities/Instance.md"))
    http.get(f"{BASE}/api/v1/notifications", json=[])
    api.notifications(mentions_only=True)
    assert [request.path for request in http.request_history] == ["/api/v2/instance", "/api/v1/notifications"]
    assert query(http.last_request) == [("types[]", "mention")]


def test_notifications_mentions_only_false_sends_nothing_extra(http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    client("4.0.0").notifications(mentions_only=False)
    assert query(http.last_request) == []


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"mentions_only": True, "types": ["mention"]}, "mentions_only"),
        ({"mentions_only": False, "exclude_types": ["follow"]}, "mentions_only"),
        ({"types": ["mentions"]}, "types"),
        ({"exclude_types": ["boost"]}, "exclude_types"),
        ({"supported_types": ["pleroma:emoji_reaction"]}, "supported_types"),
        ({"types": [3]}, "types"),
    ],
)
def test_notifications_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.notifications(**kwargs)
    assert http.call_count == 0


def test_notifications_lets_fork_types_through_on_forks(http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    client("2.7.2", feature_set="pleroma").notifications(types=["pleroma:emoji_reaction"])
    assert query(http.last_request) == [("types[]", "pleroma:emoji_reaction")]


def test_notifications_takes_a_single_type_name_as_a_list(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/notifications", json=[])
    api.notifications(types="mention")  # type: ignore[arg-type]
    assert query(http.last_request) == [("types[]", "mention")]


# --- unread count, clear, dismiss (methods/notifications.md#unread-count, #clear, #dismiss) --------


def test_notifications_unread_count(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/notifications/unread_count", json=example("methods/notifications.md", "unread-count"))
    result = api.notifications_unread_count()
    assert isinstance(result, UnreadNotificationsCount) and result.count == 42
    assert query(http.last_request) == []


def test_notifications_clear_posts_and_returns_none(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/notifications/clear", json=example("methods/notifications.md", "clear"))
    assert api.notifications_clear() is None
    assert http.last_request.method == "POST" and not http.last_request.body


def test_notifications_dismiss_uses_the_id_path(http) -> None:
    http.post(f"{BASE}/api/v1/notifications/34975861/dismiss", json={})
    assert client("4.2.0").notifications_dismiss({"id": "34975861"}) is None
    assert not http.last_request.body


def test_notifications_dismiss_uses_the_old_form_before_2_9_2(http, form) -> None:
    """methods/notifications.md#dismiss-deprecated: ``id`` as form data (removed in 3.0.0)."""
    http.post(f"{BASE}/api/v1/notifications/dismiss", json={})
    client("2.9.0").notifications_dismiss("77")
    assert form(http.last_request) == [("id", "77")]


def test_notifications_dismiss_asks_the_version_when_unknown(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", json=example("entities/Instance.md"))
    http.post(f"{BASE}/api/v1/notifications/5/dismiss", json={})
    api.notifications_dismiss(5)
    assert [request.path for request in http.request_history] == ["/api/v2/instance", "/api/v1/notifications/5/dismiss"]


# --- the policy (methods/notifications.md#get-policy and "Update the filtering policy") -----------


def test_notifications_policy(api: Mastodon, http, example) -> None:
    body = example("methods/notifications.md", "get-policy")
    http.get(f"{BASE}/api/v2/notifications/policy", json=body)
    policy = api.notifications_policy()
    assert isinstance(policy, NotificationPolicy)
    assert policy.for_private_mentions == "drop" and policy.summary.pending_requests_count == 0


def test_update_notifications_policy_patches_a_form(api: Mastodon, http, form, example) -> None:
    http.patch(f"{BASE}/api/v2/notifications/policy", json=example("methods/notifications.md", "get-policy"))
    result = api.update_notifications_policy(for_not_following="filter", for_limited_accounts="drop")
    assert isinstance(result, NotificationPolicy)
    assert http.last_request.method == "PATCH"
    assert form(http.last_request) == [("for_not_following", "filter"), ("for_limited_accounts", "drop")]


@pytest.mark.parametrize(
    "name",
    ["for_not_following", "for_not_followers", "for_new_accounts", "for_private_mentions", "for_limited_accounts"],
)
def test_update_notifications_policy_refuses_other_values(api: Mastodon, http, name) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=name):
        api.update_notifications_policy(**{name: True})
    with pytest.raises(MastodonIllegalArgumentError, match=name):
        api.update_notifications_policy(**{name: "block"})
    assert http.call_count == 0


# --- notification requests (methods/notifications.md#get-requests ... #requests-merged) -----------


def test_notification_requests_gets_a_page(api: Mastodon, http, example, query) -> None:
    body = example("methods/notifications.md", "get-requests")
    http.get(f"{BASE}/api/v1/notifications/requests", json=body)
    page = api.notification_requests(max_id="9", since_id={"id": "3"}, min_id=4, limit=5)
    assert isinstance(page, PaginatableList) and isinstance(page[0], NotificationRequest)
    assert isinstance(page[0].account, Account) and isinstance(page[0].last_status, Status)
    assert query(http.last_request) == [("max_id", "9"), ("since_id", "3"), ("min_id", "4"), ("limit", "5")]


def test_notification_request_gets_one(api: Mastodon, http, example) -> None:
    body = example("methods/notifications.md", "get-one-request")
    http.get(f"{BASE}/api/v1/notifications/requests/{body['id']}", json=body)
    result = api.notification_request(body["id"])
    assert isinstance(result, NotificationRequest) and result.id == body["id"]


@pytest.mark.parametrize(
    ("method", "action"), [("accept_notification_request", "accept"), ("dismiss_notification_request", "dismiss")]
)
def test_accept_and_dismiss_one_request(api: Mastodon, http, method, action) -> None:
    http.post(f"{BASE}/api/v1/notifications/requests/112456967201894256/{action}", json={})
    assert getattr(api, method)(NotificationRequest({"id": "112456967201894256"})) is None
    assert not http.last_request.body


@pytest.mark.parametrize(
    ("method", "action"),
    [("accept_multiple_notification_requests", "accept"), ("dismiss_multiple_notification_requests", "dismiss")],
)
def test_accept_and_dismiss_several_requests_send_id_list(api: Mastodon, http, form, method, action) -> None:
    http.post(f"{BASE}/api/v1/notifications/requests/{action}", json={})
    assert getattr(api, method)([{"id": "1"}, "2", 3]) is None
    assert form(http.last_request) == [("id[]", "1"), ("id[]", "2"), ("id[]", "3")]


@pytest.mark.parametrize("method", ["accept_multiple_notification_requests", "dismiss_multiple_notification_requests"])
@pytest.mark.parametrize("ids", [[], "12", None])
def test_several_requests_need_a_list(api: Mastodon, http, method, ids) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="ids"):
        getattr(api, method)(ids)
    assert http.call_count == 0


def test_notifications_merged_is_a_bool(api: Mastodon, http, example) -> None:
    http.get(
        f"{BASE}/api/v1/notifications/requests/merged", json=example("methods/notifications.md", "requests-merged")
    )
    assert api.notifications_merged() is False


# --- grouped notifications (methods/grouped_notifications.md) -------------------------------------


def test_grouped_notifications_sends_partial_avatars_by_default(api: Mastodon, http, example, query) -> None:
    body = example("methods/grouped_notifications.md", "get-grouped")
    http.get(f"{BASE}/api/v2/notifications", json=body)
    result = api.grouped_notifications(limit=2)
    assert isinstance(result, GroupedNotificationsResults)
    assert isinstance(result.accounts[0], Account)
    assert result.notification_groups[0].group_key == body["notification_groups"][0]["group_key"]
    assert query(http.last_request) == [("limit", "2"), ("expand_accounts", "partial_avatars")]


def test_grouped_notifications_sends_every_filter(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v2/notifications", json=example("methods/grouped_notifications.md", "get-grouped"))
    api.grouped_notifications(
        max_id="10",
        since_id="2",
        min_id="3",
        types=["favourite", "follow"],
        exclude_types=["mention"],
        account_id=Account({"id": "16"}),
        expand_accounts="full",
        grouped_types=["favourite"],
        include_filtered=True,
        supported_types=["quote"],
    )
    assert query(http.last_request) == [
        ("max_id", "10"),
        ("since_id", "2"),
        ("min_id", "3"),
        ("account_id", "16"),
        ("expand_accounts", "full"),
        ("include_filtered", "1"),
        ("types[]", "favourite"),  # lists last, in their order, as Mastodon.py 2.3.3 sends them
        ("types[]", "follow"),
        ("exclude_types[]", "mention"),
        ("grouped_types[]", "favourite"),
        ("supported_types[]", "quote"),
    ]


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"expand_accounts": "partial"}, "expand_accounts"),
        ({"grouped_types": ["boost"]}, "grouped_types"),
        ({"types": ["likes"]}, "types"),
    ],
)
def test_grouped_notifications_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.grouped_notifications(**kwargs)
    assert http.call_count == 0


def test_grouped_notification_gets_one_group(api: Mastodon, http, example, query) -> None:
    body = example("methods/grouped_notifications.md", "get-notification-group")
    http.get(f"{BASE}/api/v2/notifications/favourite-113010503322889311-479000", json=body)
    result = api.grouped_notification("favourite-113010503322889311-479000", supported_types=["favourite"])
    assert isinstance(result, GroupedNotificationsResults)
    assert query(http.last_request) == [("supported_types[]", "favourite")]


def test_grouped_notification_key_is_quoted_and_required(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v2/notifications/ungrouped-1%2F2", json={"accounts": []})
    api.grouped_notification("ungrouped-1/2")
    with pytest.raises(MastodonIllegalArgumentError, match="group_key"):
        api.grouped_notification("")
    assert http.call_count == 1


def test_dismiss_grouped_notification(api: Mastodon, http) -> None:
    http.post(f"{BASE}/api/v2/notifications/ungrouped-34975861/dismiss", json={})
    assert api.dismiss_grouped_notification("ungrouped-34975861") is None


def test_grouped_notification_accounts(api: Mastodon, http, example) -> None:
    body = example("methods/grouped_notifications.md", "get-group-accounts")
    http.get(f"{BASE}/api/v2/notifications/favourite-1-2/accounts", json=body)
    accounts = api.grouped_notification_accounts("favourite-1-2")
    assert isinstance(accounts, NonPaginatableList) and all(isinstance(item, Account) for item in accounts)
    assert [account.acct for account in accounts] == [item["acct"] for item in body]


def test_unread_grouped_notifications_count_is_an_int(api: Mastodon, http, example, query) -> None:
    body = example("methods/grouped_notifications.md", "unread-group-count")
    http.get(f"{BASE}/api/v2/notifications/unread_count", json=body)
    count = api.unread_grouped_notifications_count(
        limit=100, types=["follow"], exclude_types=["poll"], account_id="9", grouped_types=["follow"]
    )
    assert count == 42 and type(count) is int
    assert query(http.last_request) == [
        ("limit", "100"),
        ("account_id", "9"),
        ("types[]", "follow"),
        ("exclude_types[]", "poll"),
        ("grouped_types[]", "follow"),
    ]


def test_unread_grouped_notifications_count_refuses_unknown_types(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="grouped_types"):
        api.unread_grouped_notifications_count(grouped_types=["everything"])
    assert http.call_count == 0
