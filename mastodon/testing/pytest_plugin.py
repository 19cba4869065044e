"""Pytest fixture ``local_instance``: a started :class:`~mastodon.testing.LocalInstance`, stopped afterwards.

Enable it with ``pytest_plugins = ["mastodon.testing.pytest_plugin"]`` in a conftest.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mastodon.testing.server import LocalInstance


@pytest.fixture
def local_instance() -> Iterator[LocalInstance]:
    """A running local instance (flavour ``mastodon``, default settings) for one test."""
    inst = LocalInstance().start()
    try:
        yield inst
    finally:
        inst.stop()
