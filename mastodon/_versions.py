"""Server versions (Mastodon and its forks), the endpoint decorator and the registry of endpoints.

Every public endpoint method is wrapped by :func:`api_version`, which records the Mastodon version
that added it and the one that last changed it in :data:`ENDPOINTS`, and checks them against the
server's version according to the client's ``version_check_mode``:

- ``"none"`` (the default, as in Mastodon.py 2.3): no check, no version request;
- ``"created"``: the server must be at least the version that added the endpoint;
- ``"changed"``: the server must be at least the version that last changed it (or its return type).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from .errors import MastodonVersionError

__all__ = [
    "ENDPOINTS",
    "EndpointInfo",
    "ServerVersion",
    "api_version",
    "max_version",
    "parse_version_string",
    "server_older_than",
]

F = TypeVar("F", bound=Callable[..., Any])

VersionTuple = tuple[int, int, int]

# Regular expressions as text: compiled (and cached by re) on first use, not at import time.
_LEADING_NUMBER = r"\d+"
# "2.7.2 (compatible; Pleroma 2.5.0)", "3.5.3 (compatible; Pixelfed 0.12.3)"
_COMPATIBLE = r"^\s*(?P<compat>[\d.]+\S*)\s*\(compatible;\s*(?P<software>[^\s;)]+)\s*(?P<version>[^\s;)]*)"


def parse_version_string(version_string: str) -> VersionTuple:
    """``"4.3.0-beta.1"`` -> ``(4, 3, 0)``: the first three numeric parts, missing ones as 0."""
    parts: list[int] = []
    for piece in version_string.strip().split(".")[:3]:
        found = re.match(_LEADING_NUMBER, piece)
        if found is None:
            break
        parts.append(int(found.group(0)))
    if not parts:
        raise ValueError(f"not a version string: {version_string!r}")
    while len(parts) < 3:
        parts.append(0)
    return (parts[0], parts[1], parts[2])


def max_version(*version_strings: str) -> str:
    """The highest of the given version strings."""
    return max(version_strings, key=parse_version_string)


class ServerVersion(NamedTuple):
    """What a server said its version is, read for what it can do.

    ``compatible`` is the Mastodon API version the server claims to implement, which is what version
    checks compare against; ``software`` and ``software_version`` name what it really runs.
    """

    raw: str
    software: str
    software_version: str
    compatible: VersionTuple

    @property
    def compatible_string(self) -> str:
        """The compatible Mastodon version as ``"major.minor.patch"``."""
        return ".".join(map(str, self.compatible))

    @classmethod
    def parse(cls, raw: str) -> ServerVersion:
        """Read the ``version`` field of an instance document.

        Mastodon (``4.3.0``, ``4.4.0-beta.2``, ``4.2.1+glitch``), Hometown (``4.0.2+hometown-1.1.1``),
        Fedibird (``3.4.1+fedibird``), the forks that say which Mastodon they are compatible with
        (Pleroma and Akkoma ``2.7.2 (compatible; Akkoma 3.10.0)``, Pixelfed, Sharkey, Firefish) and
        GoToSocial (``0.16.0+git-abc``, versions below 1.0) are each read for the Mastodon API level
        they offer.
        """
        text = raw.strip()
        compatible_form = re.match(_COMPATIBLE, text)
        if compatible_form:
            software = compatible_form.group("software").lower()
            return cls(
                raw, software, compatible_form.group("version"), parse_version_string(compatible_form.group("compat"))
            )
        first_word = text.split(" ")[0]
        if "/" in first_word and not first_word[:1].isdigit():  # "takahe/0.11.0"
            software, _, software_version = first_word.partition("/")
            return cls(raw, software.lower(), software_version, (4, 0, 0))
        base, _, suffix = first_word.partition("+")
        version = parse_version_string(base)  # ValueError: not a version at all
        if version[0] < 1:
            # GoToSocial reports its own 0.x version; it implements roughly the Mastodon 4.0 API.
            return cls(raw, "gotosocial", base, (4, 0, 0))
        software = "mastodon"
        if suffix:
            flavour = re.split(r"[-.\d]", suffix, maxsplit=1)[0].lower()
            if flavour in ("hometown", "fedibird", "glitch", "chuckya"):
                software = flavour
            else:
                try:
                    after = parse_version_string(suffix)
                except ValueError:
                    after = None
                if after is not None and after[0] >= 1:
                    version = after
        return cls(raw, software, base, version)


class EndpointInfo(NamedTuple):
    """What the registry knows of one endpoint method."""

    name: str
    created: str
    last_changed: str
    module: str


ENDPOINTS: dict[str, EndpointInfo] = {}
"""Every endpoint method, by name, with the versions that added and last changed it."""


class _VersionChecked(Protocol):
    version_check_mode: str

    def _require_version(self, endpoint: str, needed: str) -> None: ...


def api_version(created: str, last_changed: str | None = None) -> Callable[[F], F]:
    """Mark a method as an endpoint added in ``created`` and last changed in ``last_changed``.

    The method is recorded in :data:`ENDPOINTS`, and each call checks the server version as
    ``version_check_mode`` says. The wrapper keeps the method's name, docstring, annotations and
    (through ``__wrapped__``) its signature for ``inspect`` and ``help``. It is a plain closure
    rather than the ``decorator`` package's: that one computes ``inspect.signature`` for every
    endpoint at import (about 10 ms for the whole API) and re-binds the arguments on every call.
    """
    parse_version_string(created)
    changed = last_changed or created
    parse_version_string(changed)

    def register(function: F) -> F:
        name = function.__name__
        if name in ENDPOINTS and ENDPOINTS[name].module != function.__module__:
            raise TypeError(f"endpoint {name} is defined twice ({ENDPOINTS[name].module}, {function.__module__})")
        return_version = getattr(function.__annotations__.get("return"), "_version", None)
        needed_when_changed = max_version(changed, return_version) if isinstance(return_version, str) else changed
        ENDPOINTS[name] = EndpointInfo(name, created, changed, function.__module__)

        @functools.wraps(function)
        def check_then_call(self: _VersionChecked, *args: Any, **kwargs: Any) -> Any:
            mode = self.version_check_mode
            if mode != "none":
                self._require_version(name, created if mode == "created" else needed_when_changed)
            return function(self, *args, **kwargs)

        check_then_call.__doc__ = (function.__doc__ or "").rstrip() + (
            f"\n\n        *Since Mastodon {created}; changed in {changed}*"
        )
        check_then_call._mastodon_endpoint = ENDPOINTS[name]  # type: ignore[attr-defined]
        return cast(F, check_then_call)

    return register


def version_error(endpoint: str, needed: str, server: ServerVersion | None) -> MastodonVersionError:
    """The error for a call the server's version cannot serve, naming all three facts."""
    have = f"{server.compatible_string} ({server.raw})" if server else "unknown"
    return MastodonVersionError(
        f"Version check failed: {endpoint}() needs Mastodon {needed} or newer; the server has {have}. "
        "Use version_check_mode='none' to call it anyway."
    )


def server_older_than(server: ServerVersion | None, version: str) -> bool:
    """True only when the server's version is known and older than ``version``; nothing is asked."""
    return server is not None and server.compatible < parse_version_string(version)
