"""The local instance's server-side filters (v2), driven through our client and by hand."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from mastodon import Mastodon, MastodonNotFoundError
from mastodon.testing import LocalInstance, supported_routes


def _call(inst: LocalInstance, method: str, path: str, user: str = "alice", **kwargs: Any) -> requests.Response:
    headers = {"Authorization": "Bearer " + inst.token(user)}
    return requests.request(method, inst.api_base_url + path, headers=headers, timeout=10, **kwargs)


def test_routes_are_listed() -> None:
    routes = set(supported_routes())
    for expected in (
        "GET /api/v2/filters",
        "POST /api/v2/filters",
        "GET /api/v2/filters/{id}",
        "PUT /api/v2/filters/{id}",
        "DELETE /api/v2/filters/{id}",
        "GET /api/v2/filters/{id}/keywords",
        "POST /api/v2/filters/{id}/keywords",
        "GET /api/v2/filters/keywords/{id}",
        "PUT /api/v2/filters/keywords/{id}",
        "DELETE /api/v2/filters/keywords/{id}",
        "GET /api/v2/filters/{id}/statuses",
        "POST /api/v2/filters/{id}/statuses",
        "GET /api/v2/filters/statuses/{id}",
        "DELETE /api/v2/filters/statuses/{id}",
    ):
        assert expected in routes


def test_create_then_read_back(alice: Mastodon) -> None:
    assert alice.filters_v2() == []
    created = alice.create_filter_v2(
        "No spoilers",
        ["home", "public"],
        "hide",
        expires_in=3600,
        keywords_attributes=[{"keyword": "finale", "whole_word": True}, {"keyword": "ending", "whole_word": False}],
    )
    assert created.title == "No spoilers"
    assert created.context == ["home", "public"]
    assert created.filter_action == "hide"
    assert created.expires_at is not None
    assert [(k.keyword, k.whole_word) for k in created.keywords] == [("finale", True), ("ending", False)]
    assert created.statuses == []
    listed = alice.filters_v2()
    assert [f.id for f in listed] == [created.id]
    shown = alice.filter_v2(created.id)
    assert shown.title == "No spoilers"
    assert [k.id for k in shown.keywords] == [k.id for k in created.keywords]


def test_defaults(alice: Mastodon, local_instance: LocalInstance) -> None:
    answer = _call(local_instance, "POST", "/api/v2/filters", data={"title": "t", "context[]": ["thread"]})
    assert answer.status_code == 200
    body = answer.json()
    assert body["filter_action"] == "warn"
    assert body["expires_at"] is None
    assert body["keywords"] == [] and body["statuses"] == []


def test_form_keywords_are_grouped_in_order(local_instance: LocalInstance) -> None:
    """The docs' sample call: keywords_attributes[][...] pairs, a repeated field starting the next keyword."""
    form = [
        ("title", "test"),
        ("context[]", "public"),
        ("keywords_attributes[][keyword]", "foo"),
        ("keywords_attributes[][whole_word]", "false"),
        ("keywords_attributes[][keyword]", "bar"),
        ("keywords_attributes[][whole_word]", "true"),
    ]
    body = _call(local_instance, "POST", "/api/v2/filters", data=form).json()
    assert [(k["keyword"], k["whole_word"]) for k in body["keywords"]] == [("foo", False), ("bar", True)]


def test_invalid_filters_are_refused(local_instance: LocalInstance) -> None:
    answer = _call(local_instance, "POST", "/api/v2/filters", data={"title": ""})
    assert answer.status_code == 422
    assert answer.json()["error"] == (
        "Validation failed: Title can't be blank, Context can't be blank, Context None or invalid context supplied"
    )
    answer = _call(local_instance, "POST", "/api/v2/filters", json={"title": "t", "context": ["everywhere"]})
    assert answer.status_code == 422
    assert answer.json()["error"] == "Validation failed: Context None or invalid context supplied"
    answer = _call(
        local_instance, "POST", "/api/v2/filters", json={"title": "t", "context": ["home"], "filter_action": "nuke"}
    )
    assert answer.status_code == 422
    answer = _call(
        local_instance,
        "POST",
        "/api/v2/filters",
        json={"title": "t", "context": ["home"], "keywords_attributes": [{"id": "1", "keyword": "x"}]},
    )
    assert answer.status_code == 404
    assert answer.json() == {"error": "Record not found"}
    assert _call(local_instance, "GET", "/api/v2/filters").json() == []


def test_update_fields_and_keywords(alice: Mastodon) -> None:
    created = alice.create_filter_v2(
        "test",
        ["public"],
        "warn",
        keywords_attributes=[{"keyword": "foo", "whole_word": False}, {"keyword": "bar", "whole_word": True}],
    )
    foo, bar = created.keywords
    updated = alice.update_filter_v2(
        created.id,
        title="renamed",
        context=["home"],
        filter_action="blur",
        keywords_attributes=[
            {"id": foo.id, "_destroy": True},
            {"id": bar.id, "keyword": "baz"},
            {"keyword": "new", "whole_word": False},
        ],
    )
    assert updated.title == "renamed"
    assert updated.context == ["home"]
    assert updated.filter_action == "blur"
    assert [(k.keyword, k.whole_word) for k in updated.keywords] == [("baz", True), ("new", False)]
    assert updated.keywords[0].id == bar.id
    assert alice.filter_v2(created.id).title == "renamed"


def test_update_with_a_foreign_keyword_changes_nothing(alice: Mastodon, bob: Mastodon) -> None:
    mine = alice.create_filter_v2("mine", ["home"], "warn")
    theirs = bob.create_filter_v2("theirs", ["home"], "warn", keywords_attributes=[{"keyword": "x"}])
    with pytest.raises(MastodonNotFoundError):
        alice.update_filter_v2(mine.id, title="changed", keywords_attributes=[{"id": theirs.keywords[0].id}])
    assert alice.filter_v2(mine.id).title == "mine"


def test_expiry_can_be_cleared(local_instance: LocalInstance, alice: Mastodon) -> None:
    created = alice.create_filter_v2("t", ["home"], "warn", expires_in=600)
    assert created.expires_at is not None
    answer = _call(local_instance, "PUT", f"/api/v2/filters/{created.id}", json={"expires_in": None})
    assert answer.status_code == 200
    assert answer.json()["expires_at"] is None


def test_delete_filter(alice: Mastodon) -> None:
    created = alice.create_filter_v2("t", ["home"], "warn", keywords_attributes=[{"keyword": "k"}])
    assert alice.delete_filter_v2(created.id) is None
    assert alice.filters_v2() == []
    with pytest.raises(MastodonNotFoundError):
        alice.filter_v2(created.id)
    with pytest.raises(MastodonNotFoundError):
        alice.delete_filter_v2(created.id)


def test_other_users_filters_are_not_found(local_instance: LocalInstance, alice: Mastodon, bob: Mastodon) -> None:
    created = alice.create_filter_v2("private", ["home"], "warn", keywords_attributes=[{"keyword": "k"}])
    assert bob.filters_v2() == []
    for method, path in (
        ("GET", f"/api/v2/filters/{created.id}"),
        ("PUT", f"/api/v2/filters/{created.id}"),
        ("DELETE", f"/api/v2/filters/{created.id}"),
        ("GET", f"/api/v2/filters/{created.id}/keywords"),
        ("GET", f"/api/v2/filters/keywords/{created.keywords[0].id}"),
        ("DELETE", f"/api/v2/filters/keywords/{created.keywords[0].id}"),
    ):
        answer = _call(local_instance, method, path, user="bob")
        assert answer.status_code == 404, (method, path)
        assert answer.json() == {"error": "Record not found"}
    assert alice.filter_v2(created.id).keywords[0].keyword == "k"


def test_keywords(local_instance: LocalInstance, alice: Mastodon) -> None:
    created = alice.create_filter_v2("t", ["home"], "warn")
    added = alice.add_filter_keyword_v2(created.id, "some", whole_word=False)
    assert (added.keyword, added.whole_word) == ("some", False)
    assert [k.id for k in alice.filter_keywords_v2(created.id)] == [added.id]
    path = f"/api/v2/filters/keywords/{added.id}"
    assert _call(local_instance, "GET", path).json() == {"id": added.id, "keyword": "some", "whole_word": False}
    changed = _call(local_instance, "PUT", path, data={"keyword": "other"})
    assert changed.json() == {"id": added.id, "keyword": "other", "whole_word": False}
    blank = _call(local_instance, "PUT", path, data={"keyword": ""})
    assert blank.status_code == 422
    assert blank.json()["error"] == "Validation failed: Keyword can't be blank"
    assert alice.delete_filter_keyword_v2(added.id) is None
    assert alice.filter_keywords_v2(created.id) == []
    assert _call(local_instance, "GET", path).status_code == 404


def test_keyword_needs_a_keyword(local_instance: LocalInstance, alice: Mastodon) -> None:
    created = alice.create_filter_v2("t", ["home"], "warn")
    answer = _call(local_instance, "POST", f"/api/v2/filters/{created.id}/keywords", data={"whole_word": "true"})
    assert answer.status_code == 422
    assert answer.json()["error"] == "Validation failed: Keyword can't be blank"


def test_status_filters(local_instance: LocalInstance, alice: Mastodon, bob: Mastodon) -> None:
    status = bob.status_post("something to hide")
    created = alice.create_filter_v2("t", ["home"], "hide")
    added = alice.add_filter_status_v2(created.id, status.id)
    assert added.status_id == status.id
    assert [s.id for s in alice.filter_statuses_v2(created.id)] == [added.id]
    assert alice.filter_status_v2(added.id).status_id == status.id
    assert alice.filter_v2(created.id).statuses[0].status_id == status.id
    again = _call(local_instance, "POST", f"/api/v2/filters/{created.id}/statuses", data={"status_id": status.id})
    assert again.status_code == 422
    missing = _call(local_instance, "POST", f"/api/v2/filters/{created.id}/statuses", data={"status_id": "1"})
    assert missing.status_code == 422
    assert _call(local_instance, "GET", f"/api/v2/filters/statuses/{added.id}", user="bob").status_code == 404
    answer = _call(local_instance, "DELETE", f"/api/v2/filters/statuses/{added.id}")
    assert (answer.status_code, answer.json()) == (200, {})
    assert alice.filter_statuses_v2(created.id) == []
    with pytest.raises(MastodonNotFoundError):
        alice.filter_status_v2(added.id)


def test_scopes(local_instance: LocalInstance) -> None:
    token = local_instance.create_token("alice", ["read:filters"])
    headers = {"Authorization": "Bearer " + token}
    base = local_instance.api_base_url + "/api/v2/filters"
    assert requests.get(base, headers=headers, timeout=10).status_code == 200
    refused = requests.post(base, data={"title": "t", "context[]": "home"}, headers=headers, timeout=10)
    assert refused.status_code == 403
    assert requests.get(base, timeout=10).status_code == 401


def test_matching_statuses_carry_filtered(alice: Mastodon, bob: Mastodon) -> None:
    flt = alice.create_filter_v2(
        "words",
        ["home", "public"],
        "warn",
        keywords_attributes=[{"keyword": "cat", "whole_word": True}, {"keyword": "dog", "whole_word": False}],
    )
    hit = bob.status_post("My Cat sleeps")
    partial = bob.status_post("a catalogue of hotdogs")
    miss = bob.status_post("nothing here")
    alice.account_follow(bob.me().id)
    by_id = {s.id: s for s in alice.timeline_home()}
    first = by_id[hit.id].filtered
    assert len(first) == 1
    assert first[0].filter.id == flt.id
    assert first[0].filter.title == "words"
    assert first[0].keyword_matches == ["cat"]
    assert first[0].status_matches is None
    assert by_id[partial.id].filtered[0].keyword_matches == ["dog"]  # "cat" is whole-word only
    assert by_id[miss.id].filtered == []
    assert alice.status(hit.id).filtered[0].filter.filter_action == "warn"
    # bob has no filters; alice's own statuses are never filtered
    assert bob.status(hit.id).filtered == []
    own = alice.status_post("my cat")
    assert alice.status(own.id).filtered == []


def test_status_filter_matches_the_status_and_its_reblogs(alice: Mastodon, bob: Mastodon) -> None:
    status = bob.status_post("plain words")
    reblog = bob.status_reblog(status.id)
    flt = alice.create_filter_v2("t", ["public"], "hide")
    alice.add_filter_status_v2(flt.id, status.id)
    results = alice.status(status.id).filtered
    assert [(r.keyword_matches, r.status_matches) for r in results] == [(None, [status.id])]
    assert alice.status(reblog.id).filtered[0].status_matches == [status.id]


def test_expired_filters_do_not_match(local_instance: LocalInstance, alice: Mastodon, bob: Mastodon) -> None:
    alice.create_filter_v2("gone", ["home"], "warn", expires_in=0, keywords_attributes=[{"keyword": "word"}])
    status = bob.status_post("a word")
    assert alice.status(status.id).filtered == []
    assert len(alice.filters_v2()) == 1  # still listed
