"""The local instance's hashtags: showing one, following and unfollowing, the followed list, the home timeline."""

from __future__ import annotations

import requests

from mastodon import Mastodon
from mastodon.testing import LocalInstance, supported_routes


def test_routes_are_listed() -> None:
    routes = set(supported_routes())
    for expected in (
        "GET /api/v1/tags/{name}",
        "POST /api/v1/tags/{name}/follow",
        "POST /api/v1/tags/{name}/unfollow",
        "GET /api/v1/followed_tags",
    ):
        assert expected in routes


def test_show_counts_todays_uses(local_instance: LocalInstance, alice: Mastodon) -> None:
    alice.status_post("hello #Caturday")
    alice.status_post("again #caturday")
    local_instance.client("bob").status_post("me too #caturday")
    tag = alice.tag("caturday")
    assert tag.name == "Caturday"  # the spelling it was first used with
    assert tag.url.endswith("/tags/caturday")
    assert len(tag.history) == 7
    uses = [int(day.uses) for day in tag.history]
    # All three on today's entry, or (posted across midnight UTC) split between today and yesterday.
    assert sum(uses) == 3 and not any(uses[2:])
    if uses[0] == 3:
        assert tag.history[0].accounts == "2"
    assert tag.history[0].day > tag.history[1].day
    assert tag.following is False and tag.featuring is False
    assert alice.tag("CATURDAY").id == tag.id


def test_show_without_a_token(local_instance: LocalInstance) -> None:
    answer = requests.get(local_instance.api_base_url + "/api/v1/tags/nothing", timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["name"] == "nothing"
    assert "following" not in body  # only for a user
    assert [d["uses"] for d in body["history"]] == ["0"] * 7


def test_not_a_hashtag_is_not_found(local_instance: LocalInstance) -> None:
    answer = requests.get(local_instance.api_base_url + "/api/v1/tags/1234", timeout=10)
    assert answer.status_code == 404
    assert answer.json() == {"error": "Record not found"}


def test_follow_unfollow_and_list(alice: Mastodon) -> None:
    assert alice.followed_tags() == []
    followed = alice.tag_follow("Python")
    assert followed.following is True
    assert followed.name == "Python"
    assert alice.tag_follow("python").following is True  # idempotent
    alice.tag_follow("rust")
    listed = alice.followed_tags()
    assert [t.name for t in listed] == ["rust", "Python"]  # newest first
    assert all(t.following for t in listed)
    assert alice.tag("python").following is True
    unfollowed = alice.tag_unfollow("python")
    assert unfollowed.following is False
    assert alice.tag_unfollow("python").following is False  # fine when not followed
    assert [t.name for t in alice.followed_tags()] == ["rust"]


def test_following_is_per_user(local_instance: LocalInstance, alice: Mastodon) -> None:
    alice.tag_follow("python")
    bob = local_instance.client("bob")
    assert bob.tag("python").following is False
    assert bob.followed_tags() == []


def test_followed_tags_paginate(alice: Mastodon) -> None:
    for name in ("one", "two", "three"):
        alice.tag_follow(name)
    page = alice.followed_tags(limit=2)
    assert [t.name for t in page] == ["three", "two"]
    rest = alice.fetch_next(page)
    assert rest is not None
    assert [t.name for t in rest] == ["one"]


def test_followed_tags_reach_the_home_timeline(local_instance: LocalInstance, alice: Mastodon) -> None:
    carol = local_instance.client("carol")
    tagged = carol.status_post("news about #Python")
    quiet = carol.status_post("#python but unlisted", visibility="unlisted")
    other = carol.status_post("no tag here")
    assert tagged.id not in {s.id for s in alice.timeline_home()}
    alice.tag_follow("python")
    home = {s.id for s in alice.timeline_home()}
    assert tagged.id in home
    assert quiet.id not in home and other.id not in home
    alice.tag_unfollow("python")
    assert tagged.id not in {s.id for s in alice.timeline_home()}


def test_scopes(local_instance: LocalInstance) -> None:
    headers = {"Authorization": "Bearer " + local_instance.create_token("alice", ["read"])}
    base = local_instance.api_base_url
    assert requests.get(base + "/api/v1/followed_tags", headers=headers, timeout=10).status_code == 200
    assert requests.post(base + "/api/v1/tags/x/follow", headers=headers, timeout=10).status_code == 403
    assert requests.post(base + "/api/v1/tags/x/follow", timeout=10).status_code == 401
    assert requests.get(base + "/api/v1/followed_tags", timeout=10).status_code == 401
