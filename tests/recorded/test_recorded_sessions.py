"""Replay the recorded bot sessions (cassettes/recorded/*.yaml) without any network."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from scenarios import SCENARIOS
from vcr_config import CASSETTES, REPLAY_BASE_URL, make_vcr

from mastodon import Mastodon


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_recorded_session_replays(name: str) -> None:
    cassette = CASSETTES / f"{name}.yaml"
    assert cassette.exists(), f"missing cassette {cassette}: run python tools/record_cassettes.py"
    text = cassette.read_text(encoding="utf-8")
    assert "Bearer <TOKEN>" in text
    api = Mastodon(api_base_url=REPLAY_BASE_URL, access_token="replayed-token")
    with make_vcr("none").use_cassette(f"{name}.yaml") as recorded:
        SCENARIOS[name](api)
    assert recorded.all_played, f"{name}: not every recorded request was sent again"
