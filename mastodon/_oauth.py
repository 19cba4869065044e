"""OAuth helpers: scopes, PKCE, state, URL checks, the loopback redirect listener and server detection.

Nothing here sends an API request; the endpoints in :mod:`mastodon.endpoints.authentication` do,
through the core.
"""

from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import secrets
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from ._validate import is_loopback_host
from .errors import MastodonIllegalArgumentError

__all__ = [
    "DEFAULT_SCOPES",
    "OOB",
    "SCOPE_SETS",
    "VALID_SCOPES",
    "AuthorizationRequest",
    "CallbackResult",
    "LoopbackReceiver",
    "check_instance_url",
    "check_oauth_url",
    "expand_scopes",
    "is_loopback_host",
    "make_pkce",
    "make_state",
    "missing_scopes",
    "nodeinfo_link",
    "parse_callback",
    "scope_list",
    "software_from_nodeinfo",
    "split_url",
]

OOB = "urn:ietf:wg:oauth:2.0:oob"
"""The redirect URI that makes the server show the code instead of redirecting."""

DEFAULT_SCOPES = ["read", "write", "follow", "push"]
"""The scopes Mastodon.py asks for when none are given."""

SCOPE_SETS: dict[str, list[str]] = {
    "read": [
        "read:accounts",
        "read:blocks",
        "read:bookmarks",
        "read:collections",
        "read:favourites",
        "read:filters",
        "read:follows",
        "read:lists",
        "read:mutes",
        "read:notifications",
        "read:search",
        "read:statuses",
    ],
    "write": [
        "write:accounts",
        "write:blocks",
        "write:bookmarks",
        "write:collections",
        "write:conversations",
        "write:favourites",
        "write:filters",
        "write:follows",
        "write:lists",
        "write:media",
        "write:mutes",
        "write:notifications",
        "write:reports",
        "write:statuses",
    ],
    "follow": ["read:blocks", "read:follows", "read:mutes", "write:blocks", "write:follows", "write:mutes"],
    "admin:read": [
        "admin:read:accounts",
        "admin:read:canonical_email_blocks",
        "admin:read:domain_allows",
        "admin:read:domain_blocks",
        "admin:read:email_domain_blocks",
        "admin:read:ip_blocks",
        "admin:read:reports",
    ],
    "admin:write": [
        "admin:write:accounts",
        "admin:write:canonical_email_blocks",
        "admin:write:domain_allows",
        "admin:write:domain_blocks",
        "admin:write:email_domain_blocks",
        "admin:write:ip_blocks",
        "admin:write:reports",
    ],
    "profile": [],
    "push": [],
}
"""Each high-level scope and the granular scopes it grants (docs: api/oauth-scopes.md, Mastodon 4.6)."""

VALID_SCOPES: frozenset[str] = frozenset(SCOPE_SETS) | frozenset(s for granted in SCOPE_SETS.values() for s in granted)
"""Every scope the current Mastodon docs name."""


def scope_list(scopes: Iterable[str] | str, name: str = "scopes") -> list[str]:
    """Scopes as a list: a list as given, or a space-separated string split (``"read write"``)."""
    if isinstance(scopes, str):
        return scopes.split()
    try:
        values = list(scopes)
    except TypeError:
        raise MastodonIllegalArgumentError(
            f"{name} must be a list of scope names, not {type(scopes).__name__}"
        ) from None
    for value in values:
        if not isinstance(value, str) or not value or " " in value:
            raise MastodonIllegalArgumentError(f"{name} must be a list of scope names; {value!r} is not one")
    return values


def expand_scopes(scopes: Iterable[str]) -> set[str]:
    """The scopes plus every granular scope the high-level ones among them grant."""
    granted = set(scopes)
    for scope in list(granted):
        granted.update(SCOPE_SETS.get(scope, ()))
    return granted


def missing_scopes(requested: Iterable[str], granted: Iterable[str]) -> list[str]:
    """The requested scopes the granted ones do not cover, in request order."""
    covered = expand_scopes(granted)
    missing: list[str] = []
    for scope in requested:
        if scope in covered or scope in missing:
            continue
        subs = SCOPE_SETS.get(scope)
        if subs and all(sub in covered for sub in subs):
            continue
        missing.append(scope)
    return missing


# ---------------------------------------------------------------------------------------------
# PKCE and state


def make_pkce() -> tuple[str, str]:
    """A fresh PKCE (RFC 7636, S256) pair: ``(code_verifier, code_challenge)``."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def make_state() -> str:
    """A random, unguessable ``state`` value."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class AuthorizationRequest:
    """One started authorization-code login: the URL to send the user to and what finishing it needs.

    The PKCE verifier is kept out of ``repr``; treat the object as a secret until the login is done.
    """

    url: str
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str | None
    code_verifier: str | None = field(default=None, repr=False)
    code_challenge: str | None = None


@dataclass(frozen=True)
class CallbackResult:
    """What came back on the redirect: the code (kept out of ``repr``), the state, or an error."""

    code: str | None = field(repr=False)
    state: str | None
    error: str | None = None
    error_description: str | None = None


def parse_callback(value: str) -> CallbackResult:
    """A pasted code, or a redirect URL (``...?code=...&state=...`` or an ``error=`` one), read."""
    text = value.strip()
    if "?" in text or "#" in text or text.startswith(("http://", "https://")):
        parts = urllib.parse.urlsplit(text)
        query = urllib.parse.parse_qs(parts.query or parts.fragment)

        def first(key: str) -> str | None:
            values = query.get(key)
            return values[0] if values else None

        return CallbackResult(first("code"), first("state"), first("error"), first("error_description"))
    return CallbackResult(text or None, None)


# ---------------------------------------------------------------------------------------------
# URLs


def split_url(url: str) -> tuple[str, str]:
    """``https://host/a/b`` -> ``("https://host", "/a/b")``, for the core's ``base_url`` and path."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}", parts.path or "/"


def check_oauth_url(url: str, allow_http: bool = False, what: str = "OAuth URL", loopback_ok: bool = False) -> str:
    """Refuse an OAuth endpoint URL with a query, a fragment, user info, or a scheme other than https.

    Plain ``http`` is accepted with ``allow_http`` (for OAuth endpoints, as Mastodon.py: a test server on
    127.0.0.1 needs it too), and for loopback hosts where ``loopback_ok`` says so.
    """
    if not isinstance(url, str) or not url:
        raise MastodonIllegalArgumentError(f"The server's {what} is missing or not a string")
    parts = urllib.parse.urlsplit(url)
    if parts.query or "?" in url:
        raise MastodonIllegalArgumentError(f"The server's {what} carries a query string, which is not supported")
    if parts.fragment or "#" in url:
        raise MastodonIllegalArgumentError(f"The server's {what} carries a fragment, which OAuth does not permit")
    if "@" in parts.netloc:
        raise MastodonIllegalArgumentError(f"The server's {what} carries a user name or password; refused")
    if parts.scheme == "https" and parts.netloc:
        return url
    if parts.scheme == "http" and parts.netloc and (allow_http or (loopback_ok and is_loopback_host(parts.hostname))):
        return url
    if parts.scheme == "http":
        raise MastodonIllegalArgumentError(
            f"The server's {what} ({parts.scheme}://{parts.netloc}) is not https; pass allow_http=True to accept it"
        )
    raise MastodonIllegalArgumentError(f"The server's {what} must be an https URL")


def _address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or str(ip) in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
        or ip in ipaddress.ip_network("100.64.0.0/10")
    )


def check_instance_url(
    url: str,
    allow_http: bool = False,
    public_only: bool = False,
    resolve: Any = None,
) -> str:
    """An instance URL made safe to use: a bare host becomes ``https://host``; the path and slash go.

    ``http://`` is refused unless the host is a loopback one or ``allow_http`` is given. With
    ``public_only`` (for services that take instance names from untrusted users) the host is resolved
    and refused when any of its addresses is private, loopback, link-local, reserved or a cloud
    metadata address; ``resolve`` replaces :func:`socket.getaddrinfo` in tests.

    What ``public_only`` does not protect against: it checks the addresses the name resolves to *now*.
    The requests made later resolve the name again, so a host whose DNS answers change between the
    check and the connection (DNS rebinding: a public address first, then 127.0.0.1 or a metadata
    address) still reaches the private address. It is a first filter, not a network boundary: where
    untrusted users name instances, also block private destinations at the egress (a proxy or firewall
    that checks each connection's address).
    """
    if not isinstance(url, str) or not url.strip():
        raise MastodonIllegalArgumentError("The instance URL is empty")
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise MastodonIllegalArgumentError(f"The instance URL must be https, not {parts.scheme}:")
    if "@" in parts.netloc:
        raise MastodonIllegalArgumentError("The instance URL must not carry a user name or password")
    host = parts.hostname
    if not host:
        raise MastodonIllegalArgumentError(f"The instance URL {url!r} has no host")
    if parts.query or parts.fragment:
        raise MastodonIllegalArgumentError("The instance URL must not carry a query or fragment")
    if parts.scheme == "http" and not allow_http and not is_loopback_host(host):
        raise MastodonIllegalArgumentError(
            f"Refusing plain http for {host}: tokens would travel unencrypted. Use https, or pass allow_http=True"
        )
    try:
        port = parts.port
    except ValueError:
        raise MastodonIllegalArgumentError(f"The instance URL {url!r} has an invalid port") from None
    if public_only:
        lookup = resolve or socket.getaddrinfo
        try:
            answers = lookup(host, port or (443 if parts.scheme == "https" else 80), 0, socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise MastodonIllegalArgumentError(f"The instance host {host!r} does not resolve: {error}") from None
        addresses = {str(answer[4][0]) for answer in answers}
        if not addresses:
            raise MastodonIllegalArgumentError(f"The instance host {host!r} does not resolve")
        for address in sorted(addresses):
            if not _address_is_public(address):
                raise MastodonIllegalArgumentError(
                    f"Refusing instance {host!r}: it resolves to {address}, a private, loopback, link-local "
                    "or metadata address"
                )
    path = parts.path.rstrip("/")
    return f"{parts.scheme}://{parts.netloc.lower()}{path}"


# ---------------------------------------------------------------------------------------------
# Loopback redirect listener (RFC 8252, section 7.3)


_DONE_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>"
)


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _CallbackServer

    def setup(self) -> None:
        # Browsers open speculative connections that never send a request: do not wait on them for long.
        self.request.settimeout(self.server.connection_timeout)
        super().setup()

    def do_GET(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != self.server.expected_path:
            self.send_error(404)
            return
        result = parse_callback("http://127.0.0.1" + self.path)
        if result.code is None and result.error is None:
            self.send_error(400, "No authorization code")
            return
        expected = self.server.expected_state
        if expected is not None and not (
            result.state is not None and secrets.compare_digest(result.state.encode(), expected.encode())
        ):
            # A stray request (another page, an old login attempt): not ours; keep waiting for the real one.
            self.send_error(400, "Not the login this app is waiting for")
            return
        if result.error is not None:
            title, text = "Login refused", "The server did not authorize the app. You can close this window."
        else:
            title, text = "Logged in", "The app received the authorization. You can close this window."
        body = _DONE_PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.server.result = result

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the request line carries the code."""


class _CallbackServer(HTTPServer):
    result: CallbackResult | None = None
    expected_path = "/"
    expected_state: str | None = None
    connection_timeout = 5.0


class LoopbackReceiver:
    """A one-shot HTTP listener on ``127.0.0.1:<free port>`` that catches the OAuth redirect.

    The socket is bound on construction, so :attr:`redirect_uri` is known before the app is
    registered or the browser opened. :meth:`wait` serves requests until one carries a ``code`` (or an
    ``error``) and, when a ``state`` is expected, that state; requests without it are answered 400 and
    ignored. Then it closes.
    """

    def __init__(
        self, port: int = 0, host: str = "127.0.0.1", path: str = "/", connection_timeout: float = 5.0
    ) -> None:
        self._server = _CallbackServer((host, port), _CallbackHandler)
        self._server.expected_path = path
        self._server.connection_timeout = connection_timeout
        self._server.timeout = 0.2
        self._host = host
        self._path = path
        self._closed = False
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        """The port the listener is bound to."""
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        """``http://127.0.0.1:<port>/``: the redirect URI to register and to send in the authorize URL."""
        return f"http://{self._host}:{self.port}{self._path}"

    def wait(self, timeout: float = 300.0, state: str | None = None) -> CallbackResult:
        """Serve until the redirect arrives (with ``state``, when given); raise
        :class:`MastodonIllegalArgumentError` after ``timeout``."""
        self._server.expected_state = state
        deadline = time.monotonic() + timeout
        try:
            while self._server.result is None:
                if time.monotonic() >= deadline:
                    raise MastodonIllegalArgumentError(
                        f"No authorization arrived at {self.redirect_uri} within {timeout:g} seconds"
                    )
                self._server.handle_request()
            return self._server.result
        finally:
            self.close()

    def close(self) -> None:
        """Stop listening (idempotent)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._server.server_close()

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------
# Server detection


_SOFTWARE_NAMES = {
    "mastodon": "mastodon",
    "pleroma": "pleroma",
    "akkoma": "akkoma",
    "gotosocial": "gotosocial",
    "pixelfed": "pixelfed",
    "sharkey": "sharkey",
    "misskey": "misskey",
    "firefish": "firefish",
    "iceshrimp": "iceshrimp",
    "friendica": "friendica",
    "hometown": "hometown",
    "glitch": "glitch",
    "takahe": "takahe",
    "gts": "gotosocial",
}


def software_from_nodeinfo(document: Any) -> tuple[str, str] | None:
    """``(software name, version)`` from a nodeinfo document, lower-cased name; None when absent."""
    if not isinstance(document, Mapping):
        return None
    software = document.get("software")
    if not isinstance(software, Mapping) or not isinstance(software.get("name"), str):
        return None
    name = software["name"].strip().lower()
    version = software.get("version")
    return _SOFTWARE_NAMES.get(name, name), str(version) if version is not None else ""


def nodeinfo_link(document: Any) -> str | None:
    """The URL of the newest nodeinfo schema a ``/.well-known/nodeinfo`` document links to."""
    if not isinstance(document, Mapping) or not isinstance(document.get("links"), list):
        return None
    best: tuple[tuple[int, ...], str] | None = None
    for link in document["links"]:
        if not isinstance(link, Mapping):
            continue
        rel, href = link.get("rel"), link.get("href")
        if not isinstance(rel, str) or not isinstance(href, str) or "nodeinfo" not in rel:
            continue
        version_text = rel.rstrip("/").rsplit("/", 1)[-1]
        try:
            version = tuple(int(part) for part in version_text.split("."))
        except ValueError:
            version = (0,)
        if best is None or version > best[0]:
            best = (version, href)
    return best[1] if best else None
