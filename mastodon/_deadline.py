"""A deadline for reading an answer: the socket of an answer still being read at its deadline is shut.

``requests`` applies its timeout to each socket operation, so a server that drips its body one byte
at a time, just faster than the read timeout, holds a call for as long as it likes. One daemon thread
(started on first use) keeps the deadlines of the answers being read in a heap; when one passes, it
shuts that socket down, the blocked read returns, and the request core reports a
:class:`~mastodon.errors.MastodonReadTimeout`. Arming and disarming cost a lock and a heap operation;
the thread is woken only for a deadline earlier than the one it sleeps towards.

The body is watched through the answer's socket. The status line and headers come before ``requests``
hands the answer over, so the client's own session mounts :class:`DeadlineAdapter`, whose connection
pools watch the socket while the headers are read; a session passed in by the caller keeps its own
adapters, and there only the body is watched (each header read is still bounded by the read timeout).
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["WATCHDOG", "DeadlineAdapter", "Watchdog", "attempt_deadline", "socket_of"]


class Watchdog:
    """Shuts sockets down at their deadlines (``time.monotonic`` seconds); :meth:`disarm` when done."""

    def __init__(self) -> None:
        self._ready = threading.Condition(threading.Lock())
        self._heap: list[list[Any]] = []  # [deadline, sequence, socket or None when disarmed]
        self._sequence = itertools.count()
        self._thread: threading.Thread | None = None
        # When the thread wakes next by itself (None: not until notified). Deadlines mostly come later
        # than the one it sleeps towards (now + the same timeout), so most arms need not wake it.
        self._wakes_at: float | None = None

    def arm(self, deadline: float, sock: socket.socket) -> list[Any]:
        """Shut ``sock`` down at ``deadline`` unless disarmed first; returns the handle for :meth:`disarm`."""
        entry: list[Any] = [deadline, next(self._sequence), sock]
        with self._ready:
            heap = self._heap
            while heap and heap[0][2] is None:  # answers read in time, at the top
                heapq.heappop(heap)
            heapq.heappush(heap, entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="mastodon-deadlines", daemon=True)
                self._thread.start()
            elif heap[0] is entry and (self._wakes_at is None or deadline < self._wakes_at):
                self._ready.notify()
        return entry

    def disarm(self, entry: list[Any]) -> None:
        """The answer was read (or failed): its socket is left alone."""
        with self._ready:
            entry[2] = None

    def _run(self) -> None:
        with self._ready:
            while True:
                heap = self._heap
                while heap and heap[0][2] is None:
                    heapq.heappop(heap)
                if not heap:
                    self._wakes_at = None
                    self._ready.wait()
                    continue
                delay = heap[0][0] - time.monotonic()
                if delay > 0:
                    self._wakes_at = heap[0][0]
                    self._ready.wait(delay)
                    continue
                entry = heapq.heappop(heap)
                sock, entry[2] = entry[2], None
                try:
                    # The plain socket's shutdown, also for TLS: the reading thread owns the TLS state.
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:  # already closed
                    pass


WATCHDOG = Watchdog()

_attempt = threading.local()


@contextmanager
def attempt_deadline(deadline: float) -> Iterator[None]:
    """Within this block, this thread's requests through a :class:`DeadlineAdapter` end by ``deadline``."""
    _attempt.deadline = deadline
    try:
        yield
    finally:
        _attempt.deadline = None


class _HeadersByDeadline:
    """A connection pool mixin: the socket is watched while the status line and headers are read."""

    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_attempt, "deadline", None)
        if deadline is None:
            return super()._make_request(conn, *args, **kwargs)  # type: ignore[misc]
        read_headers = conn.getresponse

        def getresponse(*inner: Any, **options: Any) -> Any:
            sock = conn.sock
            watch = WATCHDOG.arm(deadline, sock) if isinstance(sock, socket.socket) else None
            try:
                return read_headers(*inner, **options)
            finally:
                if watch is not None:
                    WATCHDOG.disarm(watch)

        conn.getresponse = getresponse
        try:
            return super()._make_request(conn, *args, **kwargs)  # type: ignore[misc]
        finally:
            del conn.getresponse  # the class's method again


class _HTTPPool(_HeadersByDeadline, HTTPConnectionPool):
    pass


class _HTTPSPool(_HeadersByDeadline, HTTPSConnectionPool):
    pass


class DeadlineAdapter(HTTPAdapter):
    """``requests``' adapter, with pools that bound the wait for the headers by the attempt's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def socket_of(raw: Any) -> socket.socket | None:
    """The socket an answer's body is read from (urllib3 2), or None (a mocked or already read answer)."""
    connection = getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    return sock if isinstance(sock, socket.socket) else None
