"""The local instance's Web Push subscription, driven through our client and by hand."""

from __future__ import annotations

import pytest
import requests

from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError
from mastodon.testing import LocalInstance, supported_routes

# A public key of the right shape (uncompressed P-256 point: 0x04 and 64 bytes) and a 16-byte auth secret.
KEYS = {"pubkey": b"\x04" + bytes(range(64)), "auth": bytes(range(16))}
ENDPOINT = "https://push.example/relay/alice"


def test_routes_are_listed() -> None:
    for method in ("GET", "POST", "PUT", "DELETE"):
        assert f"{method} /api/v1/push/subscription" in supported_routes()


def test_set_then_read_back(alice: Mastodon) -> None:
    created = alice.push_subscription_set(ENDPOINT, KEYS, mention_events=True, follow_events=False, policy="followed")
    assert created.endpoint == ENDPOINT
    assert created.policy == "followed"
    assert created.alerts.mention is True
    assert created.alerts.follow is False
    assert created.alerts.reblog is False  # not given: off
    assert created.server_key
    shown = alice.push_subscription()
    assert shown.id == created.id
    assert shown.alerts == created.alerts
    assert shown.policy == "followed"


def test_update_replaces_policy_and_alerts(alice: Mastodon) -> None:
    alice.push_subscription_set(ENDPOINT, KEYS, mention_events=True, reblog_events=True, policy="none")
    updated = alice.push_subscription_update(favourite_events=True, policy="follower")
    assert updated.policy == "follower"
    assert updated.alerts.favourite is True
    # Mastodon replaces the whole of data: alerts the update does not name are off afterwards.
    assert updated.alerts.mention is False
    assert updated.alerts.reblog is False
    assert alice.push_subscription().policy == "follower"


def test_policy_is_read_inside_data_only(local_instance: LocalInstance, alice: Mastodon) -> None:
    """A top-level policy (the API reference's form for the update, what Mastodon.py 2.3.3 sends) is not read."""
    alice.push_subscription_set(ENDPOINT, KEYS, policy="followed")
    headers = {"Authorization": "Bearer " + local_instance.token("alice")}
    url = local_instance.api_base_url + "/api/v1/push/subscription"
    answer = requests.put(url, data={"policy": "none", "data[alerts][mention]": "true"}, headers=headers, timeout=10)
    assert answer.status_code == 200
    assert answer.json()["policy"] == "all"  # data was replaced, and it held no policy
    assert answer.json()["alerts"]["mention"] is True
    answer = requests.put(url, data={"data[policy]": "none"}, headers=headers, timeout=10)
    assert answer.json()["policy"] == "none"


def test_one_subscription_per_token(local_instance: LocalInstance, alice: Mastodon) -> None:
    first = alice.push_subscription_set(ENDPOINT, KEYS)
    second = alice.push_subscription_set(ENDPOINT + "/2", KEYS)
    assert second.id != first.id
    assert alice.push_subscription().endpoint == ENDPOINT + "/2"
    with pytest.raises(MastodonNotFoundError):
        local_instance.client("bob").push_subscription()


def test_delete(alice: Mastodon) -> None:
    alice.push_subscription_set(ENDPOINT, KEYS)
    assert alice.push_subscription_delete() is None
    with pytest.raises(MastodonNotFoundError):
        alice.push_subscription()
    with pytest.raises(MastodonNotFoundError):
        alice.push_subscription_update(mention_events=True)
    assert alice.push_subscription_delete() is None  # nothing left to delete: still fine


@pytest.mark.parametrize(
    ("fields", "status", "problem"),
    [
        ({}, 400, "subscription"),
        (
            {
                "subscription[endpoint]": "not a url",
                "subscription[keys][p256dh]": "BAAA",
                "subscription[keys][auth]": "x",
            },
            422,
            "Endpoint",
        ),
        (
            {
                "subscription[endpoint]": ENDPOINT,
                "subscription[keys][p256dh]": "AAAA",
                "subscription[keys][auth]": "AAAA",
            },
            422,
            "p256dh",
        ),
    ],
)
def test_bad_subscriptions_are_refused(
    local_instance: LocalInstance, fields: dict[str, str], status: int, problem: str
) -> None:
    headers = {"Authorization": "Bearer " + local_instance.token("alice")}
    url = local_instance.api_base_url + "/api/v1/push/subscription"
    answer = requests.post(url, data=fields, headers=headers, timeout=10)
    assert answer.status_code == status
    assert problem in answer.json()["error"]


def test_bad_subscription_through_the_client(local_instance: LocalInstance, alice: Mastodon) -> None:
    with pytest.raises(MastodonAPIError) as caught:
        alice.push_subscription_set(ENDPOINT, {"pubkey": b"\x04short", "auth": bytes(16)})
    assert caught.value.args[1] == 422
    assert "p256dh" in str(caught.value)
