"""The README's first command: ``python -m mastodon demo`` against the local instance it starts."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from mastodon import demo

pytestmark = pytest.mark.integration


def test_demo_walks_every_step() -> None:
    out = io.StringIO()
    assert demo.main([], out=out) == 0
    text = out.getvalue()
    for step in (
        "Started a local Mastodon-compatible instance at http://127.0.0.1:",
        "Logged in as @alice",
        "Posted status",
        "Replied with status",
        "Uploaded image",
        "with 1 attachment",
        "Home timeline page 1: 2 statuses",
        "Home timeline page 2: 1 statuses",
        "on the user stream",
        "Deleted the 4 demo statuses",
        "Done.",
    ):
        assert step in text, step


def test_demo_runs_from_the_command_line() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "mastodon", "demo"], capture_output=True, text=True, timeout=60, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert "Done." in finished.stdout


def test_tiny_png_is_a_png() -> None:
    data = demo.tiny_png()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
