"""Requests sent and values returned by the trends endpoints (docs: methods/trends.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import PreviewCard, Status, Tag
from mastodon.types_base import PaginatableList

BASE = "https://mastodon.example"


@pytest.fixture
def server_4(http) -> None:
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.3.0"})


def test_trending_tags_pages_by_offset(api: Mastodon, http, server_4, example) -> None:
    body = example("methods/trends.md", "tags")
    http.get(f"{BASE}/api/v1/trends/tags", json=body)
    result = api.trending_tags(limit=2, offset=4)
    assert isinstance(result, PaginatableList) and isinstance(result[0], Tag)
    assert http.last_request.qs == {"limit": ["2"], "offset": ["4"]}
    assert result._pagination_next is not None and int(result._pagination_next["offset"]) == 4 + len(body)
    assert result._pagination_prev is not None and int(result._pagination_prev["offset"]) < 4


def test_trending_tags_uses_the_old_path_before_3_5(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v2/instance", status_code=404)
    http.get(f"{BASE}/api/v1/instance", json={"version": "3.0.0"})
    http.get(f"{BASE}/api/v1/trends", json=example("methods/trends.md", "tags"))
    assert isinstance(api.trending_tags()[0], Tag)
    assert http.last_request.path == "/api/v1/trends"


def test_trends_is_trending_tags(api: Mastodon, http, server_4, example) -> None:
    http.get(f"{BASE}/api/v1/trends/tags", json=example("methods/trends.md", "tags"))
    assert isinstance(api.trends(limit=5)[0], Tag)
    assert http.last_request.qs == {"limit": ["5"]}


def test_lang_overrides_the_client_language(api: Mastodon, http, server_4, example) -> None:
    http.get(f"{BASE}/api/v1/trends/statuses", json=example("methods/trends.md", "statuses"))
    api.lang = "de"
    api.trending_statuses(lang="fr")
    assert http.last_request.qs == {"lang": ["fr"]}
    api.trending_statuses()
    assert http.last_request.qs == {"lang": ["de"]}


def test_trending_statuses(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/trends/statuses", json=example("methods/trends.md", "statuses"))
    result = api.trending_statuses(offset=0)
    assert isinstance(result, PaginatableList) and isinstance(result[0], Status)
    assert http.last_request.qs == {"offset": ["0"]}


def test_trending_links(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/trends/links", json=example("methods/trends.md", "links"))
    result = api.trending_links(limit=1)
    assert isinstance(result, PaginatableList) and isinstance(result[0], PreviewCard)
    assert result[0].history[0].day.year > 2000


@pytest.mark.parametrize("method", ["trending_tags", "trending_statuses", "trending_links"])
@pytest.mark.parametrize("kwargs", [{"limit": -1}, {"offset": "two"}, {"limit": True}])
def test_trends_refuse_bad_paging(api: Mastodon, http, method, kwargs) -> None:
    with pytest.raises(MastodonIllegalArgumentError):
        getattr(api, method)(**kwargs)
    assert http.call_count == 0
