"""progress=True: tqdm.auto when installed, else a plain line on stderr; log records written above it."""

from __future__ import annotations

import io
import logging
import sys
from typing import Any

import pytest

from mastodon import Mastodon
from mastodon._progress import ProgressReport, item_noun
from mastodon.return_types import Account, Notification, ScheduledStatus, Status
from mastodon.types_base import PaginatableList


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import fails as if tqdm were not installed


def page(count: int, item: Any = None) -> list[Any]:
    return [item if item is not None else Status({"id": "1"}) for _ in range(count)]


@pytest.mark.parametrize(
    ("item", "count", "noun"),
    [
        (Status(), 2, "statuses"),
        (Status(), 1, "status"),
        (ScheduledStatus(), 3, "scheduled statuses"),
        (Notification(), 0, "notifications"),
        (Account(), 1, "account"),
        ({"id": 1}, 5, "items"),
        (None, 2, "items"),
    ],
)
def test_item_nouns(item: Any, count: int, noun: str) -> None:
    assert item_noun(item, count) == noun


def test_without_tqdm_a_terminal_gets_one_line_redrawn(no_tqdm: None) -> None:
    screen = Terminal()
    report = ProgressReport(True, stream=screen)
    report.page(page(40))
    report.page(page(20))
    report.close()
    assert screen.getvalue() == "\rpages 1, 40 statuses\x1b[K\rpages 2, 60 statuses\x1b[K\n"


def test_without_tqdm_a_log_file_gets_whole_lines(no_tqdm: None) -> None:
    log = io.StringIO()
    report = ProgressReport(True, total=100, stream=log)
    for _ in range(12):
        report.page(page(1))
    report.close()
    assert log.getvalue().splitlines() == [
        "pages 1, 1 of 100 statuses",
        "pages 10, 10 of 100 statuses",
        "pages 12, 12 of 100 statuses",
    ]


def test_without_tqdm_the_default_is_stderr(no_tqdm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    report = ProgressReport(True)
    report.page(page(2, Notification({"id": "1"})))
    report.close()
    assert sys.stderr.getvalue() == "pages 1, 2 notifications\n"


def test_log_records_are_written_above_the_line(no_tqdm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    handler = logging.StreamHandler()  # on sys.stderr, as basicConfig or debug_requests would add it
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("mastodon")
    monkeypatch.setattr(logger, "handlers", [handler])
    monkeypatch.setattr(logger, "disabled", False)
    previous = logger.level
    logger.setLevel(logging.INFO)  # clears the logger's cache of enabled levels, unlike assigning .level
    try:
        report = ProgressReport(True)
        report.page(page(40))
        logger.info("Mastodon: Request to endpoint ...")
        report.page(page(1))
        report.close()
    finally:
        logger.setLevel(previous)
    assert logger.handlers == [handler]  # put back
    assert screen.getvalue() == (
        "\rpages 1, 40 statuses\x1b[K"
        "\r\x1b[K"
        "Mastodon: Request to endpoint ...\n"
        "pages 1, 40 statuses"
        "\rpages 2, 41 statuses\x1b[K\n"
    )


def test_fetch_remaining_shows_progress_without_tqdm(
    api: Mastodon, http: Any, no_tqdm: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    first = PaginatableList([Status({"id": "2"}), Status({"id": "1"})])
    assert len(api.fetch_remaining(first, progress=True)) == 2
    assert sys.stderr.getvalue() == "pages 1, 2 statuses\n"


def test_a_handler_added_during_the_walk_is_wrapped_too(no_tqdm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """debug_requests adds its handler at the first request, which may come after the display started."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    logger = logging.getLogger("mastodon")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "disabled", False)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        report = ProgressReport(True)
        report.page(page(1))
        late = logging.StreamHandler()
        late.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(late)
        report.page(page(1))
        logger.info("late line")
        report.close()
    finally:
        logger.setLevel(previous)
    assert logger.handlers == [late]
    assert "\r\x1b[Klate line\npages 2, 2 statuses" in screen.getvalue()
