"""Small answers that Mastodon.py 2.3.3 code sees and prints, pinned to what 2.3.3 gave for the same input.

Found by running the programs in tests/dropin/programs under both clients (tools/record_dropin_outputs.py).
"""

from __future__ import annotations

from mastodon import Mastodon


def test_the_default_request_timeout_is_the_int_300() -> None:
    api = Mastodon(access_token="t", api_base_url="https://mastodon.example")
    assert repr(api.request_timeout) == "300"  # 2.3.3: 300
