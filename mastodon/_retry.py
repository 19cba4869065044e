"""The retry policy of the request core: what is retried, how often, and how long to wait.

Retried, with exponential backoff and jitter, honouring ``Retry-After``:

- any request that provably never reached the server because of something that may pass (a connect
  timeout, a temporary DNS failure); a name that does not resolve, a refused connection and a TLS
  mismatch are not retried but raised at once, naming the host and the likely cause;
- safe requests (GET, HEAD, OPTIONS) after a read timeout, a connection reset, a cut body, or an
  answer whose status is in ``statuses`` (502, 503 and 504 by default);
- unsafe requests (POST, PUT, PATCH, DELETE) in those cases only when they carry an
  ``Idempotency-Key`` header, so the server applies them once however often they arrive
  (``status_post`` always sends one).

A 429 is the rate limiter's business (``ratelimit_method``); the policy bounds how many times in a
row it may wait (``ratelimit_waits``) and how long one wait may be (``ratelimit_max_wait``).

Nothing waits longer than the policy allows at once. A backoff is capped at ``max_wait``; a 5xx
whose ``Retry-After`` asks for more than ``max_wait`` is not retried (its error is raised); a 429
whose reset is further away than ``ratelimit_max_wait`` raises
:class:`~mastodon.errors.MastodonRatelimitError` at once, naming when the limit resets.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from ._lazy import LazyModule
from .errors import MastodonIllegalArgumentError

if TYPE_CHECKING:
    import requests
else:  # imported on first use, see mastodon._lazy
    requests = LazyModule("requests", globals())

__all__ = ["SAFE_METHODS", "RetryEvent", "RetryPolicy", "lasting_failure", "never_reached"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class RetryEvent(NamedTuple):
    """What the ``on_retry`` hook is told before each retry."""

    method: str
    path: str
    attempt: int
    reason: str
    wait: float


class RetryPolicy:
    """How the request core retries; ``RetryPolicy(total=0)`` (or ``retry_policy=False``) turns it off.

    - ``total``: retries after the first attempt (not counting rate-limit waits);
    - ``backoff_factor``: the first backoff in seconds, doubling with each retry;
    - ``max_wait``: the longest single wait, backoff or ``Retry-After``;
    - ``statuses``: answer statuses that are retried (for safe or idempotent requests);
    - ``jitter``: each backoff is randomised by up to this fraction, so clients do not retry in step;
    - ``ratelimit_waits``: how many 429s in a row ``wait`` mode may sleep through before raising;
    - ``ratelimit_max_wait``: the longest single wait for a rate limit to reset (300 s: Mastodon's
      window is five minutes); a longer one raises :class:`~mastodon.errors.MastodonRatelimitError`;
    - ``on_retry``: called with a :class:`RetryEvent` before each retry's wait;
    - ``random``: the source of jitter (tests pass a constant).

    A plain class rather than a dataclass: ``dataclasses`` would add its import (and ``inspect``'s)
    to every ``import mastodon``.
    """

    __slots__ = (
        "backoff_factor",
        "jitter",
        "max_wait",
        "on_retry",
        "random",
        "ratelimit_max_wait",
        "ratelimit_waits",
        "statuses",
        "total",
    )

    def __init__(
        self,
        total: int = 3,
        backoff_factor: float = 0.5,
        max_wait: float = 60.0,
        statuses: frozenset[int] = frozenset({502, 503, 504}),
        jitter: float = 0.25,
        ratelimit_waits: int = 10,
        on_retry: Callable[[RetryEvent], None] | None = None,
        random: Callable[[], float] = random.random,
        ratelimit_max_wait: float = 300.0,
    ) -> None:
        self.total = total
        self.backoff_factor = backoff_factor
        self.max_wait = max_wait
        self.statuses = frozenset(statuses)
        self.jitter = jitter
        self.ratelimit_waits = ratelimit_waits
        self.on_retry = on_retry
        self.random = random
        self.ratelimit_max_wait = ratelimit_max_wait
        if self.ratelimit_max_wait < 0:
            raise MastodonIllegalArgumentError("RetryPolicy: ratelimit_max_wait must not be negative")
        if self.total < 0 or self.ratelimit_waits < 0:
            raise MastodonIllegalArgumentError("RetryPolicy: total and ratelimit_waits must not be negative")
        if self.backoff_factor < 0 or self.max_wait < 0 or not 0 <= self.jitter <= 1:
            raise MastodonIllegalArgumentError(
                "RetryPolicy: backoff_factor and max_wait must not be negative, jitter must be in [0, 1]"
            )

    def _settings(self) -> tuple[object, ...]:
        return (
            self.total,
            self.backoff_factor,
            self.max_wait,
            self.statuses,
            self.jitter,
            self.ratelimit_waits,
            self.ratelimit_max_wait,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RetryPolicy) and self._settings() == other._settings()

    def __hash__(self) -> int:
        return hash(self._settings())

    def __repr__(self) -> str:
        return (
            f"RetryPolicy(total={self.total}, backoff_factor={self.backoff_factor}, max_wait={self.max_wait}, "
            f"statuses={sorted(self.statuses)}, jitter={self.jitter}, ratelimit_waits={self.ratelimit_waits}, "
            f"ratelimit_max_wait={self.ratelimit_max_wait})"
        )

    def backoff(self, attempt: int) -> float:
        """The wait before retry number ``attempt`` (1-based), jittered and capped."""
        base = self.backoff_factor * 2.0 ** (attempt - 1)
        spread = 1 + self.jitter * (2 * self.random() - 1)
        return min(self.max_wait, max(0.0, base * spread))

    def may_resend(self, method: str, headers: Mapping[str, str]) -> bool:
        """Whether a request that may have reached the server can be sent again without doing it twice."""
        return method in SAFE_METHODS or any(key.lower() == "idempotency-key" for key in headers)


def _links(error: BaseException | None) -> list[object]:
    """``error`` and everything it wraps: arguments, causes, contexts and urllib3's ``reason``."""
    seen: set[int] = set()
    pending: list[object] = [error] if error is not None else []
    found: list[object] = []
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        if isinstance(current, BaseException):
            pending.extend(current.args)
            pending.extend(item for item in (current.__cause__, current.__context__) if item is not None)
        reason = getattr(current, "reason", None)
        if reason is not None:
            pending.append(reason)
    return found


def lasting_failure(error: BaseException | None, host: str, port: int | None) -> str | None:
    """What is wrong, for a failure that retrying cannot fix; None for one that may pass (resets, timeouts).

    Lasting: a name that does not resolve (not a temporary DNS failure), a refused connection (nothing
    listens on that port), a TLS handshake that fails because the server does not speak TLS there, or a
    certificate that is not valid for the host.
    """
    import socket
    import ssl

    where = f"{host}:{port}" if port else host
    for link in _links(error):
        if isinstance(link, socket.gaierror) and link.errno != socket.EAI_AGAIN:
            return f"the name {host!r} does not resolve: check the instance address (and your DNS)"
        if isinstance(link, ConnectionRefusedError):
            return f"{where} refused the connection: nothing listens there (a wrong port, or the server is down)"
        if isinstance(link, ssl.SSLCertVerificationError):
            return f"the TLS certificate of {host} is not valid for it: {link.verify_message or link.reason}"
        if isinstance(link, ssl.SSLError) and link.reason in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE"):
            return f"TLS failed: {where} does not speak https (is it an http-only server? then use http://)"
    return None


def never_reached(error: BaseException | None) -> bool:
    """True when a failed request provably never got to the server (refused, DNS, connect timeout)."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    if not isinstance(error, requests.exceptions.ConnectionError):
        return False
    from urllib3.exceptions import NewConnectionError

    return any(isinstance(link, NewConnectionError) for link in _links(error))


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """A ``Retry-After`` header (seconds or an HTTP date) as seconds from ``now``."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    from ._ratelimit import parse_http_time

    when = parse_http_time(text)
    return max(0.0, when - now) if when is not None else None
