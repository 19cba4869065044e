"""Requests sent and values returned by the hashtag endpoints.

Docs: methods/tags.md, methods/featured_tags.md, methods/followed_tags.md.
"""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import FeaturedTag, Tag
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"


def test_featured_tags(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/featured_tags", json=example("methods/featured_tags.md", "get"))
    result = api.featured_tags()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], FeaturedTag)
    assert result[0].name == "nowplaying"


def test_featured_tag_suggestions(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/featured_tags/suggestions", json=example("methods/featured_tags.md", "suggestions"))
    result = api.featured_tag_suggestions()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], FeaturedTag)


def test_featured_tag_create_sends_the_name(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/featured_tags", json=example("methods/featured_tags.md", "feature"))
    created = api.featured_tag_create("circasurvive")
    assert isinstance(created, FeaturedTag) and created.id == "13174"
    assert form(http.last_request) == [("name", "circasurvive")]


def test_featured_tag_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/featured_tags/13174", json={})
    assert api.featured_tag_delete(FeaturedTag._from_json({"id": "13174"})) is None
    assert http.last_request.method == "DELETE"


@pytest.mark.parametrize(("method", "anchor"), [("tag_feature", "feature"), ("tag_unfeature", "unfeature")])
def test_tag_feature_and_unfeature(api: Mastodon, http, example, method, anchor) -> None:
    http.post(f"{BASE}/api/v1/tags/Test/{anchor}", json=example("methods/tags.md", anchor))
    result = getattr(api, method)("Test")
    assert isinstance(result, Tag) and result.name == "Test"
    assert http.last_request.body is None


def test_followed_tags_is_a_page(api: Mastodon, http, example) -> None:
    http.get(
        f"{BASE}/api/v1/followed_tags",
        json=example("methods/followed_tags.md", "get"),
        headers={"Link": f'<{BASE}/api/v1/followed_tags?max_id=5>; rel="next"'},
    )
    result = api.followed_tags(limit=2)
    assert isinstance(result, PaginatableList) and isinstance(result[0], Tag)
    assert http.last_request.qs == {"limit": ["2"]}
    assert result._pagination_next is not None and str(result._pagination_next["max_id"]) == "5"


def test_tag_gets_one_by_name_or_entity(api: Mastodon, http, example) -> None:
    body = example("methods/tags.md", "get")
    http.get(f"{BASE}/api/v1/tags/Caturday", json=body)
    tag = api.tag("Caturday")
    assert isinstance(tag, Tag) and tag.name == "Caturday"
    assert api.tag(tag) == tag


def test_tag_names_are_quoted_in_the_path(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/tags/caf%C3%A9", json=example("methods/tags.md", "get"))
    api.tag("café")
    assert http.call_count == 1


@pytest.mark.parametrize(("method", "anchor"), [("tag_follow", "follow"), ("tag_unfollow", "unfollow")])
def test_tag_follow_and_unfollow(api: Mastodon, http, example, method, anchor) -> None:
    http.post(f"{BASE}/api/v1/tags/Caturday/{anchor}", json=example("methods/tags.md", anchor))
    result = getattr(api, method)(Tag._from_json({"name": "Caturday"}))
    assert isinstance(result, Tag)


@pytest.mark.parametrize("method", ["tag", "tag_follow", "tag_unfollow", "tag_feature", "tag_unfeature"])
@pytest.mark.parametrize("value", ["#Caturday", "", None, {"id": "1"}])
def test_tag_methods_refuse_bad_names(api: Mastodon, http, method, value) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        getattr(api, method)(value)
    assert http.call_count == 0
