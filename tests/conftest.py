"""Shared fixtures: a client against a mocked server, and the example responses of the Mastodon docs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests_mock as requests_mock_module

from mastodon import Mastodon
from mastodon._ratelimit import Clock

DOCS = Path(__file__).resolve().parents[2] / "shared" / "mastodon-api-docs"
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


def _section(text: str, anchor: str) -> str:
    match = re.search(r"^## .*\{#" + re.escape(anchor) + r"\}\s*$", text, re.M)
    if match is None:
        raise LookupError(f"no section {{#{anchor}}}")
    rest = text[match.end() :]
    following = re.search(r"^## ", rest, re.M)
    return rest[: following.start()] if following else rest


def docs_example(page: str, anchor: str | None = None, status: int = 200, index: int = 0) -> Any:
    """The ``index``-th JSON example under ``##### <status>`` in section ``{#anchor}`` of a docs page.

    ``page`` is relative to the docs folder, e.g. ``"methods/statuses.md"`` or ``"entities/Status.md"``
    (entity pages have their example under ``## Example``; pass no anchor).
    """
    text = (DOCS / page).read_text(encoding="utf-8")
    if anchor is None:
        start = text.index("## Example")
        section = text[start:]
    else:
        section = _section(text, anchor)
        heading = re.search(r"^##### " + str(status) + r"\b.*$", section, re.M)
        if heading is None:
            raise LookupError(f"{page} {{#{anchor}}} has no {status} response")
        section = section[heading.end() :]
        end = re.search(r"^##### ", section, re.M)
        section = section[: end.start()] if end else section
    blocks = re.findall(r"```json\n(.*?)```", section, re.S)
    if len(blocks) <= index:
        raise LookupError(f"{page} {{#{anchor}}} has no JSON example {index} for {status}")
    return parse_abridged_json(blocks[index])


def parse_abridged_json(text: str) -> Any:
    """JSON as the docs abridge it: ``// ...`` and ``/* */`` comments, ``...`` lines and trailing commas."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r'([\]}",\de])[ \t]*//[^\n"]*$', r"\1", text, flags=re.M)  # a comment after a value
    text = re.sub(r"^\s*\.\.\.,?\s*$", "", text, flags=re.M)
    text = re.sub(r",(\s*[\]}])", r"\1", text)
    return json.loads(text)


@pytest.fixture
def example() -> Callable[..., Any]:
    """``example(page, anchor, status=200, index=0)``: an example response from the Mastodon docs."""
    return docs_example


def form_pairs(request: Any) -> list[tuple[str, str]]:
    """The (key, value) pairs of a form-encoded request body, in order."""
    from urllib.parse import parse_qsl

    body = request.text or ""
    return parse_qsl(body, keep_blank_values=True)


@pytest.fixture
def form() -> Callable[[Any], list[tuple[str, str]]]:
    """``form(request)``: the (key, value) pairs of a form-encoded request body."""
    return form_pairs
