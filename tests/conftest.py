"""Shared fixtures: a client against a mocked server, and the example responses of the Mastodon docs
(committed fixture data: see ``doc_fixtures``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests_mock as requests_mock_module
from doc_fixtures import docs_example

from mastodon import Mastodon
from mastodon._ratelimit import Clock

BASE_URL = "https://mastodon.example"
TOKEN = "test-access-token-0123456789"


class FakeClock(Clock):
    """A clock that never sleeps: ``sleep`` moves ``now`` forward and records the wait."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.current = start
        self.sleeps: list[float] = []
        super().__init__(now=self._now, sleep=self._sleep)

    def _now(self) -> float:
        return self.current

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.current += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def http() -> Iterator[requests_mock_module.Mocker]:
    """requests-mock, refusing any request nobody registered."""
    with requests_mock_module.Mocker() as mocker:
        yield mocker


@pytest.fixture
def api(http: requests_mock_module.Mocker, clock: FakeClock) -> Mastodon:
    """A logged-in client for ``https://mastodon.example`` whose requests go to ``http``."""
    client = Mastodon(api_base_url=BASE_URL, access_token=TOKEN)
    client._set_clock(clock)
    return client


@pytest.fixture
def example() -> Callable[..., Any]:
    """``example(page, anchor, status=200, index=0)``: an example response from the Mastodon docs."""
    return docs_example


def form_pairs(request: Any) -> list[tuple[str, str]]:
    """The (key, value) pairs of a form-encoded request body, in order."""
    body = request.text or ""
    return parse_qsl(body, keep_blank_values=True)


def query_pairs(request: Any) -> list[tuple[str, str]]:
    """The (key, value) pairs of a request's query string, in order and with their case kept."""
    return parse_qsl(urlsplit(request.url).query, keep_blank_values=True)


@pytest.fixture
def form() -> Callable[[Any], list[tuple[str, str]]]:
    """``form(request)``: the (key, value) pairs of a form-encoded request body."""
    return form_pairs


@pytest.fixture
def query() -> Callable[[Any], list[tuple[str, str]]]:
    """``query(request)``: the (key, value) pairs of a request's query string, exactly as sent."""
    return query_pairs


@pytest.fixture(params=["python", "c"])
def converter_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the second converter tier compiled in Python, and again with the C one (mastodon/_speedups.c).

    Classes made in the test start from the bootstrap, so their second tier is the backend chosen here.
    """
    from mastodon import types_base

    if request.param == "python":
        monkeypatch.setattr(types_base, "_SPEEDUPS", [None])
    else:
        module = types_base._speedups()
        if module is None:
            pytest.skip("the C converter was not built here (no compiler, or MASTODON_NO_SPEEDUPS is set)")
        monkeypatch.setattr(types_base, "_SPEEDUPS", [module])
    return str(request.param)
