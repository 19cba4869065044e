"""The local instance's conversation mutes, private account notes and reports."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError
from mastodon.testing import LocalInstance, supported_routes


def _post(inst: LocalInstance, path: str, user: str = "alice", **kwargs: Any) -> requests.Response:
    headers = {"Authorization": "Bearer " + inst.token(user)}
    return requests.post(inst.api_base_url + path, headers=headers, timeout=10, **kwargs)


def test_routes_are_listed() -> None:
    routes = set(supported_routes())
    for expected in (
        "POST /api/v1/statuses/{id}/mute",
        "POST /api/v1/statuses/{id}/unmute",
        "POST /api/v1/accounts/{id}/note",
        "POST /api/v1/reports",
    ):
        assert expected in routes


# ----------------------------------------------------------------- conversation mutes
def test_mute_marks_the_whole_thread(alice: Mastodon, bob: Mastodon) -> None:
    root = alice.status_post("a thread")
    reply = bob.status_post("a reply", in_reply_to_id=root.id)
    unrelated = alice.status_post("elsewhere")
    muted = alice.status_mute(reply.id)
    assert muted.muted is True
    assert alice.status(root.id).muted is True
    assert alice.status(unrelated.id).muted is False
    assert bob.status(root.id).muted is False  # per user
    assert alice.status_mute(root.id).muted is True  # idempotent
    assert alice.status_unmute(root.id).muted is False
    assert alice.status(reply.id).muted is False
    assert alice.status_unmute(root.id).muted is False  # fine when not muted


def test_muted_thread_makes_no_notifications(alice: Mastodon, bob: Mastodon) -> None:
    root = alice.status_post("a thread")
    alice.status_mute(root.id)
    bob.status_post("@alice a reply", in_reply_to_id=root.id)
    bob.status_favourite(root.id)
    assert alice.notifications() == []
    alice.status_unmute(root.id)
    bob.status_favourite(alice.status_post("another").id)
    assert [n.type for n in alice.notifications()] == ["favourite"]


def test_mute_needs_a_visible_status(local_instance: LocalInstance, bob: Mastodon) -> None:
    hidden = bob.status_post("just for me", visibility="direct")
    answer = _post(local_instance, f"/api/v1/statuses/{hidden.id}/mute")
    assert answer.status_code == 404
    assert answer.json() == {"error": "Record not found"}
    assert _post(local_instance, "/api/v1/statuses/123/unmute").status_code == 404


# ----------------------------------------------------------------- notes
def test_note_is_shown_in_the_relationship(local_instance: LocalInstance, alice: Mastodon) -> None:
    bob_id = local_instance.account_id("bob")
    relationship = alice.account_note_set(bob_id, "met at the conference")
    assert relationship.note == "met at the conference"
    assert alice.account_relationships(bob_id)[0].note == "met at the conference"
    assert local_instance.client("carol").account_relationships(bob_id)[0].note == ""
    assert alice.account_note_set(bob_id, "").note == ""
    assert alice.account_relationships(bob_id)[0].note == ""


def test_note_errors(local_instance: LocalInstance, alice: Mastodon) -> None:
    with pytest.raises(MastodonNotFoundError):
        alice.account_note_set("123", "who?")
    bob_id = local_instance.account_id("bob")
    answer = _post(local_instance, f"/api/v1/accounts/{bob_id}/note", data={"comment": "x" * 2001})
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("Validation failed: Comment is too long")
    cleared = _post(local_instance, f"/api/v1/accounts/{bob_id}/note")  # comment left out: removed
    assert cleared.json()["note"] == ""


# ----------------------------------------------------------------- reports
def test_report_with_statuses(local_instance: LocalInstance, alice: Mastodon, bob: Mastodon) -> None:
    spam = bob.status_post("buy now")
    report = alice.report(bob.me().id, status_ids=[spam.id], comment="Spam account", category="spam")
    assert report.category == "spam"
    assert report.comment == "Spam account"
    assert report.status_ids == [spam.id]
    assert report.rule_ids is None
    assert report.forwarded is False
    assert report.action_taken is False and report.action_taken_at is None
    assert report.target_account.id == bob.me().id
    assert report.target_account.username == "bob"


def test_report_defaults(local_instance: LocalInstance) -> None:
    answer = _post(local_instance, "/api/v1/reports", data={"account_id": local_instance.account_id("bob")})
    assert answer.status_code == 200
    body = answer.json()
    assert body["category"] == "other"
    assert body["comment"] == ""
    assert body["status_ids"] == []
    assert body["forwarded"] is False


def test_report_errors(local_instance: LocalInstance, alice: Mastodon, bob: Mastodon) -> None:
    bob_id = bob.me().id
    with pytest.raises(MastodonNotFoundError):
        alice.report("123")
    not_bobs = local_instance.client("carol").status_post("carol's")
    answer = _post(local_instance, "/api/v1/reports", data={"account_id": bob_id, "status_ids[]": [not_bobs.id]})
    assert answer.status_code == 404
    answer = _post(local_instance, "/api/v1/reports", data={"account_id": bob_id, "category": "boring"})
    assert answer.status_code == 422
    answer = _post(local_instance, "/api/v1/reports", data={"account_id": bob_id, "comment": "x" * 1001})
    assert answer.status_code == 422
    assert "Comment is too long" in answer.json()["error"]
    # this instance has no rules, so any rule id is refused; rule ids make the report a violation report
    with pytest.raises(MastodonAPIError) as caught:
        alice.report(bob_id, category="spam", rule_ids=["1"])
    assert caught.value.args[1] == 422


def test_report_scope(local_instance: LocalInstance) -> None:
    headers = {"Authorization": "Bearer " + local_instance.create_token("alice", ["read"])}
    answer = requests.post(
        local_instance.api_base_url + "/api/v1/reports",
        data={"account_id": local_instance.account_id("bob")},
        headers=headers,
        timeout=10,
    )
    assert answer.status_code == 403
