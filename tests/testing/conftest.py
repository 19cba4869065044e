"""Fixtures for the LocalInstance tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from mastodon import Mastodon
from mastodon.testing import LocalInstance

pytest_plugins = ["mastodon.testing.pytest_plugin"]


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """A requests session closed after the test."""
    with requests.Session() as session:
        yield session


@pytest.fixture
def alice(local_instance: LocalInstance) -> Mastodon:
    """Our client, logged in as the ready-made user alice."""
    return local_instance.client("alice")


@pytest.fixture
def bob(local_instance: LocalInstance) -> Mastodon:
    """Our client, logged in as bob."""
    return local_instance.client("bob")
