"""Shared fixtures: a client against a mocked server, and the example responses of the Mastodon docs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

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


def _section(text: str, anchor: str | None = None, heading: str | None = None) -> str:
    """The section whose ``##`` or ``###`` heading ends in ``{#anchor}``, or reads ``heading`` exactly.

    It runs to the next heading of its own level or above (``##`` at the most).
    """
    title = r".*\{#" + re.escape(anchor) + r"\}" if heading is None else re.escape(heading)
    match = re.search(r"^(##+) " + title + r"\s*$", text, re.M)
    if match is None:
        raise LookupError(f"no section {{#{anchor}}}" if heading is None else f"no section {heading!r}")
    rest = text[match.end() :]
    following = re.search(r"^#{2," + str(len(match.group(1))) + "} ", rest, re.M)
    return rest[: following.start()] if following else rest


def docs_example(
    page: str, anchor: str | None = None, status: int = 200, index: int = 0, *, heading: str | None = None
) -> Any:
    """The ``index``-th JSON example under ``##### <status>`` in section ``{#anchor}`` of a docs page.

    ``page`` is relative to the docs folder, e.g. ``"methods/statuses.md"`` or ``"entities/Status.md"``
    (entity pages have their example under ``## Example``; pass no anchor). Sections are ``##`` or
    ``###`` headings (filters.md nests its methods one level deeper); for a page without anchors
    (profile.md), pass the section's ``heading`` text instead.
    """
    text = (DOCS / page).read_text(encoding="utf-8")
    where = f"{{#{anchor}}}" if heading is None else repr(heading)
    if anchor is None and heading is None:
        start = text.index("## Example")
        section = text[start:]
    else:
        section = _section(text, anchor, heading)
        found = re.search(r"^##### " + str(status) + r"\b.*$", section, re.M)
        if found is None:
            raise LookupError(f"{page} {where} has no {status} response")
        section = section[found.end() :]
        end = re.search(r"^##### ", section, re.M)
        section = section[: end.start()] if end else section
    blocks = re.findall(r"```json\n(.*?)```", section, re.S)
    if len(blocks) <= index:
        raise LookupError(f"{page} {where} has no JSON example {index} for {status}")
    return parse_abridged_json(blocks[index])


def parse_abridged_json(text: str) -> Any:
    """JSON as the docs abridge it: ``// ...`` and ``/* */`` comments, ``...`` lines and elements, trailing commas."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r'([\]}",\de])[ \t]*//[^\n"]*$', r"\1", text, flags=re.M)  # a comment after a value
    text = re.sub(r"^\s*\.\.\.,?\s*$", "", text, flags=re.M)
    text = re.sub(r",\s*\.\.\.(?=\s*[,\]])", "", text)  # an elided run of array elements: ["a", ..., "z"]
    text = re.sub(r",(\s*[\]}])", r"\1", text)
    return json.loads(text)


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
