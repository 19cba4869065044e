"""Rate limiting: ``wait``, ``throw`` and ``pace``, with an injectable clock.

Mastodon sends ``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` (an ISO
date; GoToSocial sends Unix seconds) on every answer, and ``Retry-After`` on some 429s and 503s. The
reset time is moved onto the local clock using the ``Date`` header, so a server whose clock is off
does not make us wait too long or too little. A server that sends none of these headers (Pixelfed,
some GoToSocial versions) works in every mode: there is simply nothing to pace by.

One :class:`RateLimiter` is shared by all threads using a client; its state changes under a lock,
and sleeping happens outside it.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import functools
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import get_args

from .errors import MastodonIllegalArgumentError, MastodonRatelimitError
from .literals import RatelimitMethod
from .types_base import parse_datetime

__all__ = ["MAX_SINGLE_WAIT", "RATELIMIT_METHODS", "Clock", "RateLimiter"]

RATELIMIT_METHODS: tuple[str, ...] = get_args(RatelimitMethod)

# As Mastodon.py does, never sleep more than five minutes in one go.
MAX_SINGLE_WAIT = 300.0


class Clock:
    """Where time comes from: tests replace ``now`` and ``sleep`` so nothing really waits."""

    __slots__ = ("now", "sleep")

    def __init__(self, now: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        self.now = now
        self.sleep = sleep


@functools.lru_cache(maxsize=64)  # a busy client sees the same Date and reset values many times a second
def parse_http_time(value: str) -> float | None:
    """An HTTP date (``Date``, ``Retry-After``) or an ISO 8601 date as Unix seconds, or None."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=_dt.timezone.utc)
        return parsed.timestamp()
    iso = parse_datetime(value)
    if hasattr(iso, "timestamp"):
        return float(iso.timestamp())
    return None


class RateLimiter:
    """The rate-limit state of one client and the decisions made from it."""

    def __init__(self, method: str = "wait", pacefactor: float = 1.1, clock: Clock | None = None) -> None:
        self.method = method
        if pacefactor <= 0:
            raise MastodonIllegalArgumentError(f"ratelimit_pacefactor must be positive, not {pacefactor!r}")
        self.pacefactor = pacefactor
        self.clock = clock or Clock()
        self.limit: int | None = 300
        self.remaining: int | None = 300
        self.reset: float | None = None
        self.lastcall: float | None = None
        self._backoff = 2.0
        self._in_flight = 0  # requests sent (and counted in remaining) whose answers have not been read
        self._lock = threading.Lock()

    @property
    def method(self) -> str:
        """``"wait"``, ``"throw"`` or ``"pace"``."""
        return self._method

    @method.setter
    def method(self, value: str) -> None:
        if value not in RATELIMIT_METHODS:
            raise MastodonIllegalArgumentError(
                f"ratelimit_method must be one of {', '.join(RATELIMIT_METHODS)}, not {value!r}"
            )
        self._method = value

    def before_request(self) -> None:
        """Count a request going out; in ``pace`` mode, first sleep so that the calls left are spread over the
        rest of the window. Every call is followed by :meth:`after_response` or :meth:`forget_request`."""
        wait = 0.0
        with self._lock:
            self._in_flight += 1
            if self._method != "pace":
                return
            now = self.clock.now()
            if self.lastcall is None or self.reset is None or self.reset <= now or self.remaining is None:
                return  # nothing known to pace by: a server without rate-limit headers
            if self.remaining <= 0:
                wait = self.reset - now
            else:
                per_call = (self.reset - now) / self.remaining
                wait = (per_call - (now - self.lastcall)) / self.pacefactor
                # Count this call now, so that threads sharing the client space themselves out.
                self.remaining -= 1
                self.lastcall = now + max(wait, 0.0)
        if wait > 0:
            self.clock.sleep(min(wait, MAX_SINGLE_WAIT))

    def forget_request(self) -> None:
        """A counted request got no answer (or was never sent): it no longer holds a place."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)

    def after_response(self, headers: Mapping[str, str], ok: bool) -> None:
        """Read the rate-limit headers of an answer (missing or malformed ones are ignored).

        The server's ``X-RateLimit-Remaining`` does not yet count the requests other threads have sent
        and not yet been answered for; they are subtracted, and within one window the figure only goes
        down (answers arrive out of order), so threads sharing the client hold the limit together.
        """
        remaining = _int_header(headers.get("X-RateLimit-Remaining"))
        limit = _int_header(headers.get("X-RateLimit-Limit"))
        reset_header = headers.get("X-RateLimit-Reset")
        with self._lock:
            now = self.clock.now()
            self._in_flight = max(0, self._in_flight - 1)
            reset = self._reset_time(reset_header, headers.get("Date"), now) if reset_header else None
            if remaining is not None:
                left = remaining - self._in_flight
                same_window = self.reset is not None and self.reset > now and (reset is None or reset <= self.reset + 1)
                if same_window and self.remaining is not None:
                    left = min(left, self.remaining)
                self.remaining = left
                self.lastcall = now if self.lastcall is None else max(self.lastcall, now)
            if limit is not None:
                self.limit = limit
            if reset is not None and reset > now:
                self.reset = reset
                self._backoff = 2.0
            elif self.reset is not None and self.reset <= now:
                self.reset = None
            if ok:
                self._backoff = 2.0

    @staticmethod
    def _reset_time(reset_header: str, date_header: str | None, now: float) -> float | None:
        text = reset_header.strip()
        if text.isdigit():
            # GoToSocial and others: Unix seconds (or, if small, seconds from now).
            seconds = float(text)
            server_reset = seconds if seconds > 1e9 else None
            if server_reset is None:
                return now + seconds
        else:
            server_reset = parse_http_time(text)
            if server_reset is None:
                return None
        server_now = parse_http_time(date_header) if date_header else None
        if server_now is not None:
            return server_reset + (now - server_now)
        return server_reset

    def wait_for_429(self, headers: Mapping[str, str], do_ratelimiting: bool = True) -> float:
        """After a 429: how long until the limit resets (the caller decides whether that is too long),
        or raise if the mode says not to wait."""
        if self._method == "throw" or not do_ratelimiting:
            why = "ratelimit_method is 'throw'" if self._method == "throw" else "this call skips rate limiting"
            raise MastodonRatelimitError(
                f"The server answered 429 Too Many Requests and {why}, so nothing waited. {self._when_reset(headers)} "
                "Retry after that, or use ratelimit_method='wait'."
            )
        with self._lock:
            now = self.clock.now()
            retry_after = headers.get("Retry-After")
            if retry_after:
                text = retry_after.strip()
                until = now + float(text) if text.isdigit() else parse_http_time(text)
                if until is not None and until > now:
                    self.reset = max(self.reset or 0.0, until)
            if self.reset is None or self.reset <= now:
                if self._method == "pace":
                    raise MastodonRatelimitError(
                        "The server answered 429 Too Many Requests without a usable reset time "
                        "(X-RateLimit-Reset or Retry-After), so 'pace' cannot tell how long to spread requests; "
                        "use ratelimit_method='wait', which backs off on its own"
                    )
                self.reset = now + self._backoff
                self._backoff = min(self._backoff * 2, MAX_SINGLE_WAIT)
            self.remaining = 0
            return self.reset - now

    def _when_reset(self, headers: Mapping[str, str]) -> str:
        """When the limit resets, as a sentence (from ``Retry-After`` or the last ``X-RateLimit-Reset``)."""
        now = self.clock.now()
        reset = self.reset
        retry_after = (headers.get("Retry-After") or "").strip()
        if retry_after:
            until = now + float(retry_after) if retry_after.isdigit() else parse_http_time(retry_after)
            if until is not None and until > now:
                reset = until if reset is None or reset <= now else max(reset, until)
        if reset is None or reset <= now:
            return "The server did not say when the limit resets."
        when = _dt.datetime.fromtimestamp(reset, tz=_dt.timezone.utc).strftime("%H:%M:%S UTC")
        return f"The limit resets at {when} (in {math.ceil(reset - now)} s)."


def _int_header(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        try:
            return int(float(value))
        except (ValueError, OverflowError):  # "soon", "inf", "nan"
            return None
