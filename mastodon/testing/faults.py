"""Fault injection and rate limiting for :class:`~mastodon.testing.LocalInstance`.

A fault is matched against each request (path regex, optional method) before the normal handler runs and is
used up after ``count`` matches (``count=None``: forever). Stream kinds only match stream requests; the
others also apply to stream endpoints (``drop_mid_body`` and ``truncated_json`` then cut the stream at once,
``wrong_content_type`` sends it as ``text/html``). The kinds:

======================== ===============================================================================
``"status"``             answer ``status`` (default 500) with ``{"error": ...}``; a 503 carries ``Retry-After``
``"delay"``              sleep ``delay`` seconds (interruptible by ``stop()``), then answer normally
``"drop"``               close the connection without sending anything
``"drop_mid_body"``      send the headers and half of the real body, then close the connection
``"truncated_json"``     a complete HTTP response whose JSON body is cut in half
``"html_error"``         an HTML error page body with ``status`` (default 502) and ``text/html``
``"empty_body"``         ``status`` (default 200) with an empty body and a JSON content type
``"wrong_content_type"`` the real body with ``Content-Type: text/html``
``"stream_stall"``       a stream sends ``after_events`` events, then nothing more (no heartbeats either)
``"stream_cut"``         a stream is cut (connection closed, no terminating chunk) after ``after_events`` events
======================== ===============================================================================
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

FAULT_KINDS = frozenset(
    {
        "status",
        "delay",
        "drop",
        "drop_mid_body",
        "truncated_json",
        "html_error",
        "empty_body",
        "wrong_content_type",
        "stream_stall",
        "stream_cut",
    }
)
STREAM_KINDS = frozenset({"stream_stall", "stream_cut"})


@dataclass
class Fault:
    """One injected fault; ``hits`` counts how many requests it has affected so far."""

    path: str
    kind: str
    count: int | None = 1
    method: str | None = None
    status: int | None = None
    delay: float = 0.0
    retry_after: int = 1
    after_events: int = 0
    hits: int = 0
    _regex: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(FAULT_KINDS)}")
        if self.delay < 0:
            raise ValueError("delay must be >= 0")
        self._regex = re.compile(self.path)

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request line."""
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self._regex.search(path) is not None

    @property
    def exhausted(self) -> bool:
        """True once the fault has been used ``count`` times."""
        return self.count is not None and self.hits >= self.count


class Faults:
    """The thread-safe set of active faults of one instance (``inst.faults``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self,
        path: str,
        kind: str,
        *,
        count: int | None = 1,
        method: str | None = None,
        status: int | None = None,
        delay: float = 0.0,
        retry_after: int = 1,
        after_events: int = 0,
    ) -> Fault:
        """Inject a fault for requests whose path matches the regex ``path`` (searched, not anchored)."""
        fault = Fault(
            path=path,
            kind=kind,
            count=count,
            method=method,
            status=status,
            delay=delay,
            retry_after=retry_after,
            after_events=after_events,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        """Withdraw one fault (no error if it is already gone)."""
        with self._lock:
            if fault in self._faults:
                self._faults.remove(fault)

    def clear(self) -> None:
        """Withdraw every fault."""
        with self._lock:
            self._faults.clear()

    def active(self) -> list[Fault]:
        """A snapshot of the faults not yet used up."""
        with self._lock:
            return [f for f in self._faults if not f.exhausted]

    def take(self, method: str, path: str, *, stream: bool, delays: bool = True) -> Fault | None:
        """Claim the first matching fault for a request (stream faults only for stream requests)."""
        with self._lock:
            for fault in self._faults:
                if fault.exhausted or not fault.matches(method, path):
                    continue
                if fault.kind == "delay" and not delays:
                    continue
                if fault.kind in STREAM_KINDS and not stream:
                    continue
                fault.hits += 1
                return fault
        return None


class RateLimiter:
    """Fixed-window request counting per key (token or client address)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}

    def hit(self, key: str, limit: int, window: float) -> tuple[bool, int, float]:
        """Count one request: (allowed, remaining, reset time as a Unix timestamp)."""
        now = time.time()
        with self._lock:
            start, used = self._windows.get(key, (now, 0))
            if now >= start + window:
                start, used = now, 0
            used += 1
            self._windows[key] = (start, used)
        remaining = max(0, limit - used)
        return used <= limit, remaining, start + window

    def reset(self) -> None:
        """Forget every counter."""
        with self._lock:
            self._windows.clear()
