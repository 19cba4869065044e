"""Small answers that Mastodon.py 2.3.3 code sees and prints, pinned to what 2.3.3 gave for the same input.

Found by running the programs in tests/dropin/programs under both clients (tools/record_dropin_outputs.py).
"""

from __future__ import annotations

from typing import Any

from mastodon import Mastodon


def test_the_default_request_timeout_is_the_int_300() -> None:
    api = Mastodon(access_token="t", api_base_url="https://mastodon.example")
    assert repr(api.request_timeout) == "300"  # 2.3.3: 300


BASE = "https://mastodon.example"


def test_with_version_checks_on_the_version_parts_are_the_servers(http: Any) -> None:
    """2.3.3 asks in its constructor when version checks are on: mastodon_major is 4 for a 4.2.1 server."""
    http.get(f"{BASE}/api/v2/instance", json={"version": "4.2.1", "api_versions": {"mastodon": 2}})
    api = Mastodon(access_token="t", api_base_url=BASE, version_check_mode="created")
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (4, 2, 1)
    assert http.call_count == 1  # asked once


def test_with_version_checks_off_nothing_is_asked_and_the_version_reads_1_0_0(http: Any) -> None:
    api = Mastodon(access_token="t", api_base_url=BASE)
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (1, 0, 0)  # 2.3.3: 1, 0, 0
    assert http.call_count == 0


def test_list_parameters_go_last_on_the_wire_as_in_2_3_3(http: Any) -> None:
    """2.3.3 sends a list after every other parameter, in the body and in the query string."""
    status = {"id": "1", "content": "", "created_at": "2024-01-01T00:00:00Z"}
    http.post(f"{BASE}/api/v1/statuses", json=status)
    http.get(f"{BASE}/api/v1/accounts/relationships", json=[])
    http.post(f"{BASE}/api/v1/filters", json={"id": "1", "phrase": "word", "context": ["home"]})
    api = Mastodon(access_token="t", api_base_url=BASE)
    api.status_post("x", in_reply_to_id=1, media_ids=[2, 3], sensitive=True, visibility="public", language="en")
    assert http.last_request.text == (  # 2.3.3 sends exactly this body
        "status=x&in_reply_to_id=1&sensitive=1&visibility=public&language=en&media_ids%5B%5D=2&media_ids%5B%5D=3"
    )
    api.account_relationships([1, 2], with_suspended=True)
    assert http.last_request.url.endswith("/api/v1/accounts/relationships?with_suspended=1&id%5B%5D=1&id%5B%5D=2")
    api.filter_create("word", ["home", "public"], irreversible=True, expires_in=60)
    assert (
        http.last_request.text
        == "phrase=word&irreversible=1&whole_word=1&expires_in=60&context%5B%5D=home&context%5B%5D=public"
    )
