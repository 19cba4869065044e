"""Requests sent and values returned by the filter endpoints (docs: methods/filters.md, v1 and v2)."""

from __future__ import annotations

import json

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Filter, FilterKeyword, FilterStatus, FilterV2, Notification, Status
from mastodon.types_base import NonPaginatableList, PaginatableList, PaginationInfo

BASE = "https://mastodon.example"


# ---------------------------------------------------------------------------------------------
# v1


def test_filters_lists_v1_filters(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/filters", json=example("methods/filters.md", "get-v1"))
    result = api.filters()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Filter)
    assert result[0].phrase == ":eurovision2019:" and result[0].expires_at.year == 2019
    assert http.last_request.query == ""


def test_filter_gets_one_v1_filter_by_entity_or_id(api: Mastodon, http, example) -> None:
    body = example("methods/filters.md", "get-one-v1")
    http.get(f"{BASE}/api/v1/filters/{body['id']}", json=body)
    one = api.filter(body["id"])
    assert isinstance(one, Filter) and one.id == body["id"]
    assert api.filter(one) == one


def test_filter_create_sends_contexts_and_flags(api: Mastodon, http, form, example) -> None:
    http.post(f"{BASE}/api/v1/filters", json=example("methods/filters.md", "create-v1"))
    created = api.filter_create("spoiler", ["home", "public"], expires_in=3600)
    assert isinstance(created, Filter)
    assert form(http.last_request) == [
        ("phrase", "spoiler"),
        ("irreversible", "0"),
        ("whole_word", "1"),
        ("expires_in", "3600"),
        ("context[]", "home"),  # lists last, as Mastodon.py 2.3.3 sends them
        ("context[]", "public"),
    ]


@pytest.mark.parametrize("context", [["home", "timeline"], [], "everywhere", None])
def test_filter_create_refuses_bad_contexts(api: Mastodon, http, context) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="context"):
        api.filter_create("x", context)
    assert http.call_count == 0


def test_filter_update_sends_only_what_is_given(api: Mastodon, http, form, example) -> None:
    http.put(f"{BASE}/api/v1/filters/6191", json=example("methods/filters.md", "update-v1"))
    updated = api.filter_update({"id": "6191"}, phrase="new", whole_word=False)
    assert isinstance(updated, Filter)
    assert form(http.last_request) == [("phrase", "new"), ("whole_word", "0")]


def test_filter_update_refuses_bad_context(api: Mastodon, http) -> None:
    with pytest.raises(
        MastodonIllegalArgumentError, match="'nowhere' is not a filter context; context takes any of home"
    ):
        api.filter_update("1", context=["nowhere"])
    assert http.call_count == 0


def test_filter_delete_returns_none(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/filters/6191", json={})
    assert api.filter_delete("6191") is None
    assert http.last_request.method == "DELETE"


def _status(content: str, id: str = "1") -> Status:
    return Status._from_json({"id": id, "content": content})


def test_filters_apply_matches_whole_words_case_insensitively(api: Mastodon, http) -> None:
    filters = [
        Filter._from_json({"id": "1", "phrase": "cat", "context": ["home"], "whole_word": True}),
        Filter._from_json({"id": "2", "phrase": "dog", "context": ["home"], "whole_word": False}),
        Filter._from_json({"id": "3", "phrase": "fish", "context": ["public"], "whole_word": False}),
    ]
    statuses = PaginatableList(
        [
            _status("<p>A <b>CAT</b> sat</p>", "1"),  # whole word, case-insensitive: filtered
            _status("<p>concatenate</p>", "2"),  # "cat" inside a word: kept
            _status("<p>hotdogs</p>", "3"),  # not whole_word: filtered
            _status("<p>fish</p>", "4"),  # other context: kept
            _status("<p>c<span>at</span></p>", "5"),  # tags become spaces: "c at", kept
        ]
    )
    statuses._pagination_next = PaginationInfo(max_id="1")
    kept = api.filters_apply(statuses, filters, "home")
    assert [status.id for status in kept] == ["2", "4", "5"]
    assert kept._pagination_next == {"max_id": "1"}
    assert http.call_count == 0


def test_filters_apply_with_no_applicable_filter_keeps_everything(api: Mastodon) -> None:
    statuses = [_status("<p>anything</p>")]
    assert api.filters_apply(statuses, [], "home") == statuses


def test_filters_apply_to_notifications_and_v2_filters(api: Mastodon, example) -> None:
    v2 = FilterV2._from_json(example("methods/filters.md", "get-one"))
    keyword = v2.keywords[0].keyword
    notifications = [
        Notification._from_json({"id": "1", "type": "mention", "status": {"id": "9", "content": f"<p>{keyword}</p>"}}),
        Notification._from_json({"id": "2", "type": "follow"}),
    ]
    kept = api.filters_apply(notifications, [v2], v2.context[0])
    assert [item.id for item in kept] == ["2"]


def test_filters_apply_refuses_an_unknown_context(api: Mastodon) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="context"):
        api.filters_apply([], [], "timeline")


# ---------------------------------------------------------------------------------------------
# v2


def test_filters_v2_lists_filters(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/filters", json=example("methods/filters.md", "get"))
    result = api.filters_v2()
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], FilterV2)
    assert isinstance(result[0].keywords[0], FilterKeyword)


def test_filter_v2_gets_one(api: Mastodon, http, example) -> None:
    body = example("methods/filters.md", "get-one")
    http.get(f"{BASE}/api/v2/filters/{body['id']}", json=body)
    result = api.filter_v2(body["id"])
    assert isinstance(result, FilterV2) and result.title == body["title"]


def test_create_filter_v2_sends_json_with_keywords(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v2/filters", json=example("methods/filters.md", "create"))
    created = api.create_filter_v2(
        "Spoilers",
        ["home", "public"],
        "warn",
        expires_in=86400,
        keywords_attributes=[{"keyword": "finale", "whole_word": True}, {"keyword": "s02", "whole_word": False}],
    )
    assert isinstance(created, FilterV2)
    assert http.last_request.headers["Content-Type"] == "application/json"
    assert json.loads(http.last_request.text) == {
        "title": "Spoilers",
        "context": ["home", "public"],
        "filter_action": "warn",
        "expires_in": 86400,
        "keywords_attributes": [{"keyword": "finale", "whole_word": True}, {"keyword": "s02", "whole_word": False}],
    }


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("t", ["home"], "delete"), "filter_action"),
        (("t", ["somewhere"], "warn"), "context"),
        (("t", ["home"], "warn", None, ["finale"]), "keywords_attributes"),
    ],
)
def test_create_filter_v2_refuses_bad_input(api: Mastodon, http, args, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.create_filter_v2(*args)
    assert http.call_count == 0


def test_update_filter_v2_sends_json_of_what_changes(api: Mastodon, http, example) -> None:
    http.put(f"{BASE}/api/v2/filters/19972", json=example("methods/filters.md", "update"))
    updated = api.update_filter_v2("19972", title="Renamed", keywords_attributes=[{"id": "1197", "_destroy": True}])
    assert isinstance(updated, FilterV2)
    assert json.loads(http.last_request.text) == {
        "title": "Renamed",
        "keywords_attributes": [{"id": "1197", "_destroy": True}],
    }


def test_update_filter_v2_refuses_bad_action(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="filter_action"):
        api.update_filter_v2("1", filter_action="mute")
    assert http.call_count == 0


def test_delete_filter_v2(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v2/filters/19972", json={})
    assert api.delete_filter_v2(FilterV2._from_json({"id": "19972"})) is None
    assert http.last_request.method == "DELETE"


def test_filter_keywords_v2(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/filters/19972/keywords", json=example("methods/filters.md", "keywords-get"))
    result = api.filter_keywords_v2("19972")
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], FilterKeyword)


def test_add_filter_keyword_v2_sends_a_form(api: Mastodon, http, form, example) -> None:
    http.post(f"{BASE}/api/v2/filters/19972/keywords", json=example("methods/filters.md", "keywords-create"))
    added = api.add_filter_keyword_v2("19972", "bird", whole_word=True)
    assert isinstance(added, FilterKeyword)
    assert form(http.last_request) == [("keyword", "bird"), ("whole_word", "1")]


def test_delete_filter_keyword_v2(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v2/filters/keywords/1197", json={})
    assert api.delete_filter_keyword_v2("1197") is None


def test_filter_statuses_v2(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/filters/19972/statuses", json=example("methods/filters.md", "statuses-get"))
    result = api.filter_statuses_v2("19972")
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], FilterStatus)


def test_add_filter_status_v2_sends_the_status_id(api: Mastodon, http, form, example) -> None:
    http.post(f"{BASE}/api/v2/filters/19972/statuses", json=example("methods/filters.md", "statuses-add"))
    added = api.add_filter_status_v2("19972", Status._from_json({"id": "108609227012283424", "content": ""}))
    assert isinstance(added, FilterStatus)
    assert form(http.last_request) == [("status_id", "108609227012283424")]


def test_filter_status_v2(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/filters/statuses/897", json=example("methods/filters.md", "statuses-get-one"))
    assert isinstance(api.filter_status_v2("897"), FilterStatus)


def test_delete_filter_status_v2(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v2/filters/statuses/897", json={})
    assert api.delete_filter_status_v2("897") is None
