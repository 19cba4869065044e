"""The deadline watchdog wakes only for a deadline earlier than the one it sleeps towards, and still
shuts every socket at its own deadline (real time, as the other hostile-server tests)."""

from __future__ import annotations

import socket
import time
from typing import Any

from mastodon._deadline import Watchdog


def _wait_for_shutdown(sock: socket.socket) -> bool:
    """True when ``sock`` was shut down (a read returns at once with nothing) within five seconds."""
    sock.settimeout(5.0)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False


def test_later_deadlines_do_not_wake_the_thread_and_earlier_ones_do() -> None:
    watchdog = Watchdog()
    notified: list[int] = []
    real_notify = watchdog._ready.notify

    def counting_notify(*args: Any) -> None:
        notified.append(1)
        real_notify(*args)

    watchdog._ready.notify = counting_notify  # type: ignore[method-assign]
    first, first_peer = socket.socketpair()
    later, later_peer = socket.socketpair()
    soon, soon_peer = socket.socketpair()
    try:
        now = time.monotonic()
        first_handle = watchdog.arm(now + 60, first)  # starts the thread, which sleeps towards it
        deadline = time.monotonic() + 5
        while watchdog._wakes_at is None and time.monotonic() < deadline:  # its first look taken
            time.sleep(0.001)
        assert watchdog._wakes_at == now + 60
        watchdog.disarm(first_handle)  # read in time: the next arm finds its entry at the top
        handle = watchdog.arm(now + 120, later)
        assert notified == []  # later than what the thread sleeps towards: no wake-up
        watchdog.arm(time.monotonic() + 0.05, soon)
        assert notified == [1]  # earlier: woken, and it shuts that socket in time
        assert _wait_for_shutdown(soon)
        watchdog.disarm(handle)
    finally:
        for sock in (first, first_peer, later, later_peer, soon, soon_peer):
            sock.close()
