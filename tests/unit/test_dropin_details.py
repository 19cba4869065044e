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
