"""Fixtures for the reliability suite (helpers live in ``reliability_support``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from reliability_support import RecordingClock

# Hypothesis keeps its caches out of the repository (no example database is used: settings say database=None).
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "mastodon-reliability-hypothesis"))


@pytest.fixture
def recording_clock() -> RecordingClock:
    """A clock whose ``sleep`` returns at once and records the wait."""
    return RecordingClock()
