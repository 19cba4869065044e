"""Helpers for the reliability suite: a thread-safe clock that never sleeps, and a secret scanner."""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Iterable

from mastodon._ratelimit import Clock


class RecordingClock(Clock):
    """A clock whose ``sleep`` returns at once: it moves ``now`` forward and records the wait (thread-safe)."""

    def __init__(self, start: float | None = None) -> None:
        self.current = time.time() if start is None else start
        self.sleeps: list[float] = []
        self._guard = threading.Lock()
        super().__init__(now=self._now, sleep=self._sleep)

    def _now(self) -> float:
        with self._guard:
            return self.current

    def _sleep(self, seconds: float) -> None:
        with self._guard:
            self.sleeps.append(seconds)
            self.current += seconds


def exception_texts(error: BaseException) -> list[str]:
    """Everything a user could print of an exception: the formatted chain, and each link's str, repr and args."""
    texts = ["".join(traceback.format_exception(type(error), error, error.__traceback__))]
    seen: set[int] = set()
    current: BaseException | None = error
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        pending += [link for link in (current.__cause__, current.__context__) if link is not None]
    return texts


def secrets_in(secret: str, texts: Iterable[str]) -> int:
    """How many of ``texts`` contain ``secret``."""
    return sum(1 for text in texts if secret in text)
