"""Checks of endpoint arguments that several API areas share; each raises before any request is sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from .errors import MastodonIllegalArgumentError, refused

__all__ = [
    "check_choice",
    "check_datetime",
    "check_header_value",
    "check_limit",
    "check_non_negative",
    "focus_string",
]

_V = TypeVar("_V", str, "str | None")


def check_header_value(name: str, value: _V) -> _V:
    """``value`` if it can be an HTTP header value: a string of Latin-1 characters without line breaks or
    other control characters (which would end the header early, or fail deep inside ``http.client``).
    None passes (no header)."""
    if value is None:
        return value
    if not isinstance(value, str):
        raise MastodonIllegalArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if value.isascii() and value.isprintable():
        return value
    for position, char in enumerate(value):
        code = ord(char)
        if code > 255 or (code < 32 and char != "\t") or code == 127:
            problem = "a line break" if char in "\r\n" else f"{char!r}, which an HTTP header cannot carry"
            raise MastodonIllegalArgumentError(
                f"{name} contains {problem} at position {position}; use printable Latin-1 text"
            )
    return value


def _wire_int(value: object) -> int | None:
    """The int that ``value`` puts on the wire: an int (not a bool), or a string of ASCII digits, which goes
    out as the same characters (``limit="5"`` and ``limit=5`` are one request); None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def check_limit(limit: int | str | None) -> None:
    """Refuse a ``limit`` that is not a positive int (or the digits of one)."""
    if limit is None:
        return
    number = _wire_int(limit)
    if number is None or number < 1:
        raise refused(f"limit must be a positive int, not {limit!r}")


def check_non_negative(**values: int | str | None) -> None:
    """Refuse any of the named values (offsets, offset-paged limits) that is not an int of 0 or more (or the
    digits of one); None passes."""
    for name, value in values.items():
        if value is None:
            continue
        number = _wire_int(value)
        if number is None or number < 0:
            raise refused(f"{name} must be a non-negative int, not {value!r}")


def check_choice(name: str, value: Any, allowed: tuple[str, ...]) -> None:
    """Refuse a value that is not one of ``allowed`` (None too: an optional value is checked only when given)."""
    if value not in allowed:
        raise refused(f"{name} must be one of {', '.join(allowed)}, not {value!r}")


def check_datetime(name: str, value: Any) -> datetime:
    """``value`` if it is a datetime; anything else is refused."""
    if not isinstance(value, datetime):
        raise MastodonIllegalArgumentError(f"{name} must be a datetime, not {type(value).__name__}")
    return value


def focus_string(focus: Any) -> str | None:
    """A focal point ``(x, y)`` (each from -1.0 to 1.0) as the server takes it, ``"x,y"``; None stays None."""
    if focus is None:
        return None
    if isinstance(focus, str):
        parts: Sequence[Any] = focus.split(",")
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            numbers = []
    elif isinstance(focus, (tuple, list)) and all(
        isinstance(part, (int, float)) and not isinstance(part, bool) for part in focus
    ):
        parts = focus
        numbers = [float(part) for part in focus]
    else:
        numbers = []
        parts = ()
    if len(numbers) != 2 or not all(-1.0 <= number <= 1.0 for number in numbers):
        raise refused(f"focus must be two numbers (x, y) from -1.0 to 1.0, not {focus!r}")
    if isinstance(focus, str):
        return focus
    return f"{parts[0]},{parts[1]}"


def is_loopback_host(host: str | None) -> bool:
    """True for the exact name ``localhost`` and loopback IP literals (127.0.0.0/8, ::1); nothing else.

    Look-alike names (``localhost.attacker.example``, ``127.0.0.1.nip.io``) are ordinary hosts.
    """
    if not host:
        return False
    import ipaddress  # here, not at the top: checking a loopback URL is the only use on the common path

    host = host.lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
