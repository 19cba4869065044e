"""Async refreshes (docs: methods/async_refreshes.md, entities/AsyncRefresh.md; Mastodon 4.4)."""

from __future__ import annotations

from typing import Any

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon._core import One, PageOf
from mastodon._core import async_refresh_info as parse_async_refresh_header
from mastodon.return_types import AsyncRefresh, Context, Status

BASE = "https://mastodon.example"
REFRESH_ID = "ImNvbnRleHQ6MTEzNjQwNTczMzAzNzg1MTc4OnJlZnJlc2gi--c526259eb4a1f3ef0d4b91cf8c99bf501330a815"
HEADER = f'id="{REFRESH_ID}", retry=7, result_count=2'
STATUS_URL = f"{BASE}/api/v1_alpha/async_refreshes/{REFRESH_ID}"


def _with_refresh(header: str = HEADER, **params: Any) -> Context:
    result = Context._from_json({"ancestors": [], "descendants": []})
    info = parse_async_refresh_header(header, "GET", "/api/v1/statuses/1/context", params, One(Context))
    assert info is not None
    result._async_refresh = info
    return result


def test_the_core_attaches_the_header_to_any_result(api: Mastodon, http) -> None:
    http.get(
        f"{BASE}/api/v1/statuses/1/context",
        json={"ancestors": [], "descendants": []},
        headers={"Mastodon-Async-Refresh": HEADER},
    )
    context = api.status_context(1)
    assert context._async_refresh is not None and context._async_refresh["id"] == REFRESH_ID
    assert context._async_refresh["_endpoint"] == "/api/v1/statuses/1/context"
    found = api.get_async_refresh_info(context)
    assert found is not None and found[1] == 7
    http.get(f"{BASE}/api/v1/statuses/2/context", json={"ancestors": [], "descendants": []})
    assert api.status_context(2)._async_refresh is None


def _refresh_body(example: Any, status: str) -> dict[str, Any]:
    body = example("entities/AsyncRefresh.md")
    body["async_refresh"]["status"] = status
    return body


def test_parse_async_refresh_header() -> None:
    info = parse_async_refresh_header(HEADER, "GET", "/api/v1/statuses/1/context", {"a": 1}, One(Context))
    assert info == {
        "id": REFRESH_ID,
        "retry": 7,
        "result_count": 2,
        "_method": "GET",
        "_endpoint": "/api/v1/statuses/1/context",
        "_params": {"a": 1},
        "_mastopy_type": "Context",
        "_shape": "one",
    }
    assert parse_async_refresh_header(None, "GET", "/x", {}, One(Context)) is None
    assert parse_async_refresh_header("retry=3", "GET", "/x", {}, One(Context)) is None
    page = parse_async_refresh_header('id="x"', "GET", "/x", {}, PageOf(Status))
    assert page is not None and page["_shape"] == "page" and "retry" not in page


def test_get_async_refresh_info(api: Mastodon) -> None:
    entity, retry = api.get_async_refresh_info(_with_refresh())  # type: ignore[misc]
    assert isinstance(entity, AsyncRefresh)
    assert entity == {"id": REFRESH_ID, "status": "running", "result_count": 2} and retry == 7
    plain = Context._from_json({"ancestors": [], "descendants": []})
    assert api.get_async_refresh_info(plain) is None
    defaulted = api.get_async_refresh_info(_with_refresh(f'id="{REFRESH_ID}"'))
    assert defaulted is not None and defaulted[1] == 3


def test_get_async_refresh_status_by_id_entity_or_result(api: Mastodon, http, example) -> None:
    http.get(STATUS_URL, json=example("entities/AsyncRefresh.md"))
    by_id = api.get_async_refresh_status(REFRESH_ID)
    assert isinstance(by_id, AsyncRefresh) and by_id.status == "running" and by_id.result_count == 2
    assert api.get_async_refresh_status(by_id) == by_id
    assert api.get_async_refresh_status(_with_refresh()) == by_id
    assert http.call_count == 3


def test_get_async_refresh_status_refuses_other_values(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="result_or_id"):
        api.get_async_refresh_status(Status._from_json({"id": "1"}))
    assert http.call_count == 0


def test_await_async_refresh_polls_then_fetches_again(api: Mastodon, http, example, clock) -> None:
    http.get(
        STATUS_URL,
        [
            {
                "json": _refresh_body(example, "running"),
                "headers": {"Mastodon-Async-Refresh": f'id="{REFRESH_ID}", retry=2'},
            },
            {"json": _refresh_body(example, "finished")},
        ],
    )
    fresh = {"ancestors": [], "descendants": [example("methods/statuses.md", "get")]}
    http.get(f"{BASE}/api/v1/statuses/1/context", json=fresh)
    result = api.await_async_refresh(_with_refresh(limit=5))
    assert isinstance(result, Context) and result == Context._from_json(fresh)
    assert clock.sleeps == [2.0]
    assert [request.path for request in http.request_history][-1] == "/api/v1/statuses/1/context"
    assert http.last_request.qs == {"limit": ["5"]}


def test_await_async_refresh_gives_up_after_max_attempts(api: Mastodon, http, example, clock) -> None:
    http.get(STATUS_URL, json=_refresh_body(example, "running"))
    assert api.await_async_refresh(_with_refresh(), max_attempts=3) is None
    assert http.call_count == 3 and clock.sleeps == [7.0, 7.0]


def test_await_async_refresh_times_out_on_the_clients_clock(api: Mastodon, http, example, clock) -> None:
    http.get(STATUS_URL, json=_refresh_body(example, "running"))
    assert api.await_async_refresh(_with_refresh(), timeout=10.0) is None
    assert clock.sleeps == [7.0, 3.0] and http.call_count == 3  # polls at 0, 7 and 10 seconds


def test_await_async_refresh_without_info_returns_the_result(api: Mastodon, http) -> None:
    plain = Context._from_json({"ancestors": [], "descendants": []})
    assert api.await_async_refresh(plain) is plain
    result = _with_refresh()
    result._async_refresh = {"id": REFRESH_ID, "status": "finished", "_method": "GET", "_endpoint": "/x"}
    assert api.await_async_refresh(result) is result
    assert http.call_count == 0


def test_await_async_refresh_refuses_bad_input(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="entity"):
        api.await_async_refresh("not a result")
    result = _with_refresh()
    result._async_refresh = {"id": REFRESH_ID}
    with pytest.raises(MastodonIllegalArgumentError, match="original request"):
        api.await_async_refresh(result)
    assert http.call_count == 0
