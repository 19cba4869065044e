"""Cards in a real notebook: executed by nbconvert's kernel against the local instance (skipped without
nbconvert and ipykernel, which are not test dependencies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

SETUP = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from mastodon.testing import LocalInstance
from mastodon.demo import tiny_png
inst = LocalInstance().start()
alice, bob = inst.client('alice'), inst.client('bob')
alice.account_follow(inst.account_id('bob'))
first = bob.status_post('Hello notebook', visibility='public')
media = bob.media_post(tiny_png(64), mime_type='image/png', description='A gradient square', synchronous=True)
bob.status_post('A sensitive picture', media_ids=[media], sensitive=True, visibility='public')
bob.status_post('Tea?', poll=bob.make_poll(['tea', 'coffee'], expires_in=3600), visibility='public')
alice.status_reply(first, 'Replying to bob')
"""


def test_cards_render_in_an_executed_notebook(tmp_path: Path) -> None:
    import ipykernel  # noqa: F401  (the kernel the notebook runs in: part of the test extra)
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(SETUP),
        nbformat.v4.new_code_cell("alice.timeline_home(limit=10)"),
        nbformat.v4.new_code_cell("alice.account(inst.account_id('bob'))"),
        nbformat.v4.new_code_cell("inst.stop()"),
    ]
    nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    feed = notebook.cells[1].outputs[0]["data"]["text/html"]
    profile = notebook.cells[2].outputs[0]["data"]["text/html"]
    assert feed.count('class="mastodon-status"') == 4
    assert "Sensitive image: click to show" in feed and "filter:blur(18px)" in feed
    assert re.search(r"<strong>\d+%</strong> tea", feed) and "0 votes" in feed
    assert "in reply to" in feed and "<time datetime=" in feed
    assert "background:#fff" not in feed + profile
    assert re.search(r"<strong>\d+</strong> follower", profile)
