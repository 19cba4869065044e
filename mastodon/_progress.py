"""Progress of the pagination helpers (``progress=`` of ``fetch_remaining`` and the iterators).

``progress`` is a callable, called as ``progress(pages, items)`` after each page, or ``True`` for a
display: a ``tqdm.auto`` bar when tqdm is installed (a widget in notebooks, a text bar in terminals),
else a plain line on stderr. Either reads ``pages 23, 960 statuses`` (the noun is the items' entity,
``items`` when unknown), with a total and a bar when the number of items is known in advance
(``fetch_remaining(..., limit=N)``).

While a display runs, log records the ``mastodon`` and root loggers send to the console (for
example ``debug_requests`` output) are written above it instead of through it: the display is
cleared, the record written, the display drawn again.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from typing import Any, TextIO

from .errors import MastodonIllegalArgumentError

__all__ = ["Progress", "ProgressReport", "item_noun"]

Progress = Callable[[int, int], Any] | bool | None

_WORD = re.compile(r"[A-Z][a-z0-9]*|[a-z0-9]+")
_GENERIC = frozenset({"dict", "AttribAccessDict", "Entity", "list", "str", "int", "tuple", "NoneType"})


def item_noun(item: Any, count: int) -> str:
    """``Status``, 2 -> ``"statuses"``; ``ScheduledStatus``, 1 -> ``"scheduled status"``; a dict -> ``"items"``."""
    name = type(item).__name__
    words = [word.lower() for word in _WORD.findall(name)] if name not in _GENERIC else []
    noun = " ".join(words) or "item"
    if count == 1:
        return noun
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


class _Line:
    """The display without tqdm: one line on ``stream``, redrawn in place on a terminal.

    On a terminal the line is rewritten with a carriage return; elsewhere (a log file, CI output) a
    line is written every ``every`` pages and at the end, so the output stays readable.
    """

    def __init__(self, stream: TextIO, total: int | None, every: int = 10) -> None:
        self.stream = stream
        self.total = total
        self.every = every
        self.text = ""
        isatty = getattr(stream, "isatty", None)
        self.interactive = bool(isatty()) if callable(isatty) else False
        self.pages = 0

    def show(self, text: str, pages: int) -> None:
        self.text = text
        self.pages = pages
        if self.interactive:
            self.stream.write("\r" + text + "\x1b[K")
            self.stream.flush()
        elif pages == 1 or pages % self.every == 0:
            self.stream.write(text + "\n")
            self.stream.flush()

    def clear(self) -> None:
        if self.interactive and self.text:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def refresh(self) -> None:
        if self.interactive and self.text:
            self.stream.write(self.text)
            self.stream.flush()

    def close(self) -> None:
        if self.interactive:
            if self.text:
                self.stream.write("\n")
        elif self.text and self.pages != 1 and self.pages % self.every != 0:
            self.stream.write(self.text + "\n")
        self.stream.flush()


class _AroundDisplay(logging.Handler):
    """Stands in for a console handler while a display runs: clear the display, emit, redraw."""

    def __init__(self, inner: logging.Handler, display: Any) -> None:
        super().__init__(inner.level)
        self.inner = inner
        self.display = display

    def emit(self, record: logging.LogRecord) -> None:
        self.display.clear()
        try:
            self.inner.handle(record)
        finally:
            self.display.refresh()


def _is_console(handler: logging.Handler) -> bool:
    return (
        type(handler) is logging.StreamHandler  # not a FileHandler
        and getattr(handler, "stream", None) in (sys.stderr, sys.stdout)
    )


class _LoggingAround:
    """Console handlers of the root and ``mastodon`` loggers wrapped while a display runs, put back after.

    ``wrap`` is called when the display starts and after each page, so a handler added meanwhile (the
    one ``debug_requests`` adds at its first request) is wrapped too.
    """

    def __init__(self, display: Any) -> None:
        self.display = display
        self.swapped: list[tuple[logging.Logger, logging.Handler, logging.Handler]] = []
        self.wrap()

    def wrap(self) -> None:
        for logger in (logging.getLogger(), logging.getLogger("mastodon")):
            for handler in list(logger.handlers):
                if _is_console(handler):
                    wrapper = _AroundDisplay(handler, self.display)
                    logger.handlers = [wrapper if present is handler else present for present in logger.handlers]
                    self.swapped.append((logger, handler, wrapper))

    def restore(self) -> None:
        for owner, original, stand_in in self.swapped:
            owner.handlers = [original if present is stand_in else present for present in owner.handlers]
        self.swapped = []


class ProgressReport:
    """Pages and items so far, told to a callback and/or a display (tqdm imported only when asked)."""

    __slots__ = ("_logging", "bar", "callback", "items", "line", "noun_of", "pages", "total")

    def __init__(self, progress: Progress, total: int | None = None, stream: TextIO | None = None) -> None:
        self.pages = 0
        self.items = 0
        self.total = total
        self.callback: Callable[[int, int], Any] | None = None
        self.bar: Any = None
        self.line: _Line | None = None
        self.noun_of: Any = None
        self._logging: _LoggingAround | None = None
        if callable(progress):
            self.callback = progress
        elif progress is True:
            self.bar = _tqdm_bar(total)
            display: Any = self.bar
            if self.bar is None:
                self.line = display = _Line(stream if stream is not None else sys.stderr, total)
            self._logging = _LoggingAround(display)
        elif progress not in (None, False):
            raise MastodonIllegalArgumentError(f"progress must be a callable, True or None, not {progress!r}")

    def label(self) -> str:
        noun = item_noun(self.noun_of, self.items if self.total is None else self.total)
        if self.total is None:
            return f"pages {self.pages}, {self.items} {noun}"
        return f"pages {self.pages}, {self.items} of {self.total} {noun}"

    def page(self, page: Any) -> None:
        """Count one page (a list of items, or one wrapped answer)."""
        count = len(page) if isinstance(page, list) else 1
        if self.noun_of is None and isinstance(page, list) and page:
            self.noun_of = page[0]
        self.pages += 1
        self.items += count
        if self.bar is not None:
            self.bar.update(count)
            self.bar.set_description_str(self.label(), refresh=True)
        if self.line is not None:
            self.line.show(self.label(), self.pages)
        if self._logging is not None:
            self._logging.wrap()
        if self.callback is not None:
            self.callback(self.pages, self.items)

    def close(self) -> None:
        if self._logging is not None:
            self._logging.restore()
            self._logging = None
        if self.bar is not None:
            self.bar.close()
        if self.line is not None:
            self.line.close()


def _tqdm_bar(total: int | None) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return None
    if total is None:
        return tqdm(total=None, desc="pages 0", bar_format="{desc} [{elapsed}, {rate_fmt}]", unit=" items")
    return tqdm(total=total, desc="pages 0", bar_format="{desc} |{bar}| {percentage:3.0f}% [{elapsed}<{remaining}]")
