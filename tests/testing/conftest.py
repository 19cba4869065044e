"""Fixtures for the LocalInstance tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

pytest_plugins = ["mastodon.testing.pytest_plugin"]


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """A requests session closed after the test."""
    with requests.Session() as session:
        yield session
