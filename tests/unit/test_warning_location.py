"""Every warning the package raises names the user's line: its ``filename`` is the calling file (this
test), whatever the depth of package frames in between (the endpoint decorator, one public method
calling another, the constructor's helpers, the pagination helpers)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests_mock

from mastodon import Mastodon, MastodonDeprecationWarning, MastodonWarning

BASE = "https://mastodon.example"
HERE = os.path.abspath(__file__)


def caught_from(call: Callable[[], Any]) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    assert caught, "the call was expected to warn"
    return caught


def assert_names_this_file(caught: list[warnings.WarningMessage], category: type[Warning]) -> None:
    assert [w.category for w in caught] == [category] * len(caught)
    assert [os.path.abspath(w.filename) for w in caught] == [HERE] * len(caught)


@pytest.fixture
def closed_feeds(http: requests_mock.Mocker) -> Mastodon:
    """An anonymous client of an instance whose feeds are for logged-in users only."""
    feeds = {"local": "authenticated", "remote": "authenticated"}
    access = {"live_feeds": feeds, "hashtag_feeds": feeds, "trending_link_feeds": feeds}
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.5.0", "configuration": {"timelines_access": access}})
    http.get(f"{BASE}/api/v1/timelines/public", json=[])
    http.get(f"{BASE}/api/v1/timelines/tag/cats", json=[])
    http.get(f"{BASE}/api/v1/timelines/link", json=[])
    return Mastodon(api_base_url=BASE, version_check_mode="none")


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.timeline_public(),
        lambda api: api.timeline_local(),
        lambda api: api.timeline("public"),
        lambda api: api.timeline("local"),
        lambda api: api.timeline_hashtag("cats"),
        lambda api: api.timeline("tag/cats"),
        lambda api: api.timeline_link("https://news.example/story"),
    ],
)
def test_closed_timeline_warning_names_the_callers_line(closed_feeds: Mastodon, call: Any) -> None:
    assert_names_this_file(caught_from(lambda: call(closed_feeds)), MastodonWarning)


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.stream_public(None, local=True),
        lambda api: api.stream_local(None),
        lambda api: api.stream_hashtag("cats", None),
    ],
)
def test_closed_stream_warning_names_the_callers_line(
    closed_feeds: Mastodon, monkeypatch: pytest.MonkeyPatch, call: Any
) -> None:
    monkeypatch.setattr(closed_feeds, "_stream_or_subscribe", lambda *args, **kwargs: "opened")
    assert_names_this_file(caught_from(lambda: call(closed_feeds)), MastodonWarning)


def test_deprecation_header_warning_names_the_callers_line(http: requests_mock.Mocker) -> None:
    http.get(f"{BASE}/api/v1/timelines/home", json=[{"id": "1"}], headers={"Deprecation": "true"})
    api = Mastodon(api_base_url=BASE, access_token="token", version_check_mode="none")
    assert_names_this_file(caught_from(api.timeline_home), MastodonDeprecationWarning)


def test_deprecation_warning_from_a_pagination_helper_names_the_callers_line(http: requests_mock.Mocker) -> None:
    older = f"{BASE}/api/v1/timelines/home?max_id=1"
    link = {"Link": f'<{older}>; rel="next"'}
    http.get(f"{BASE}/api/v1/timelines/home", json=[{"id": "2"}], headers=link, complete_qs=True)
    http.get(older, json=[{"id": "1"}], headers={"Deprecation": "true"}, complete_qs=True)
    api = Mastodon(api_base_url=BASE, access_token="token", version_check_mode="none")
    first = api.timeline_home()
    assert_names_this_file(caught_from(lambda: api.fetch_next(first)), MastodonDeprecationWarning)
    assert_names_this_file(caught_from(lambda: api.fetch_remaining(first)), MastodonDeprecationWarning)


def test_environment_credentials_warning_names_the_callers_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", "https://home.example")
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-0001")
    assert_names_this_file(caught_from(lambda: Mastodon(api_base_url="https://other.example")), MastodonWarning)


def test_readable_credential_file_warning_names_the_callers_line(tmp_path: Path) -> None:
    token_file = tmp_path / "usercred.secret"
    token_file.write_text(f"token-0001\n{BASE}\n")
    token_file.chmod(0o644)
    assert_names_this_file(caught_from(lambda: Mastodon(access_token=str(token_file))), MastodonWarning)


def test_password_grant_warning_names_the_callers_line(http: requests_mock.Mocker) -> None:
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    token = {"access_token": "new-token-0001", "token_type": "Bearer", "scope": "read write follow push"}
    http.post(f"{BASE}/oauth/token", json=token)
    app = Mastodon(client_id="client-id-0001", client_secret="client-secret-0001", api_base_url=BASE)
    assert_names_this_file(caught_from(lambda: app.log_in("user@example.com", "password-0001")), DeprecationWarning)


def test_a_warning_raised_where_every_frame_is_ours_still_has_a_place() -> None:
    """In a thread the package started no frame is the user's: the outermost frame is named."""
    import threading

    from mastodon._warn import warn

    caught: list[warnings.WarningMessage] = []

    def run() -> None:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            warn("from a thread", MastodonWarning)
        caught.extend(seen)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert [str(w.message) for w in caught] == ["from a thread"]
    assert os.path.abspath(caught[0].filename) == HERE  # run() is this file's, and outside the package
