"""Request and response value types, the route table and the instance settings.

Everything here is independent of the socket layer so route handlers can be written (and read) as plain
functions ``handler(app, request) -> Response``.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mastodon.testing._app import App

JSONDict = dict[str, Any]


class ApiError(Exception):
    """An error answered as JSON: ``{"error": message, ...extra}`` with an HTTP status."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra
        self.headers = headers or {}

    def body(self) -> JSONDict:
        """The JSON body of this error."""
        out: JSONDict = {"error": self.message}
        out.update(self.extra)
        return out


@dataclass
class UploadedFile:
    """One file part of a multipart body."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Response:
    """A complete (non-streaming) response."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class StreamResponse:
    """A server-sent-events response: the handler keeps the connection and writes events."""

    streams: list[str]
    account_id: str | None
    tag: str | None = None
    list_id: str | None = None


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialize ``data`` as a JSON response."""
    return Response(status=status, body=json.dumps(data).encode("utf-8"), headers=dict(headers or {}))


@dataclass
class Token:
    """A resolved access token (a view on the stored record)."""

    value: str
    account_id: str | None
    client_id: str | None
    scopes: list[str]


def truthy(value: Any) -> bool:
    """A boolean as Mastodon reads a parameter: JSON booleans as they are, else 1/true/on/yes/t (any case)."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "on", "yes", "t")


@dataclass
class Request:
    """A parsed HTTP request handed to a route handler."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    form: dict[str, list[str]] = field(default_factory=dict)
    json: JSONDict | None = None
    files: dict[str, UploadedFile] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    token: Token | None = None

    @property
    def account_id(self) -> str:
        """The authenticated user's account id (routes declared ``user=True`` always have one)."""
        if self.token is None or self.token.account_id is None:
            raise ApiError(401, "The access token is invalid")
        return self.token.account_id

    @property
    def viewer(self) -> str | None:
        """The authenticated account id, or None."""
        return self.token.account_id if self.token else None

    def header(self, name: str) -> str | None:
        """A request header, case-insensitively."""
        return self.headers.get(name.lower())

    def _lookup(self, name: str) -> Any:
        if self.json is not None and name in self.json:
            return self.json[name]
        if name in self.form:
            return self.form[name][0]
        if name in self.query:
            return self.query[name][0]
        # bracketed nested keys from a JSON body: "poll[expires_in]"
        if self.json is not None and "[" in name:
            cur: Any = self.json
            for part in re.findall(r"[^\[\]]+", name):
                if isinstance(cur, dict) and part in cur:
                    cur = cur[part]
                else:
                    return None
            return cur
        return None

    def get(self, name: str, default: str | None = None) -> str | None:
        """One parameter as a string, from the JSON body, the form or the query string."""
        value = self._lookup(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list | dict):
            return json.dumps(value)
        return str(value)

    def get_raw(self, name: str) -> Any:
        """One parameter with its JSON type kept (strings for form and query values)."""
        return self._lookup(name)

    def get_bool(self, name: str, default: bool = False) -> bool:
        """A boolean parameter; Mastodon accepts 1/0, true/false, on/off."""
        value = self._lookup(name)
        if value is None or value == "":
            return default
        return truthy(value)

    def given(self, name: str) -> bool:
        """Whether the request names a parameter at all (even empty or null)."""
        if self.json is not None and name in self.json:
            return True
        return name in self.form or name in self.query

    def get_int(self, name: str, default: int | None = None) -> int | None:
        """An integer parameter; 422 if it is not a number."""
        value = self.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise ApiError(422, f"Validation failed: {name} is not a number") from None

    def get_list(self, name: str) -> list[str]:
        """A list parameter: ``name[]`` repeated, ``name`` repeated, or a JSON array."""
        if self.json is not None:
            for key in (name, name + "[]"):
                value = self.json.get(key)
                if isinstance(value, list):
                    return [str(v) for v in value]
                if value is not None:
                    return [str(value)]
        for source in (self.form, self.query):
            values = source.get(name + "[]") or source.get(name)
            if values:
                return list(values)
        return []


Handler = Callable[["App", Request], "Response | StreamResponse"]


@dataclass
class Route:
    """One entry of the route table."""

    method: str
    pattern: re.Pattern[str]
    handler: Handler
    scope: str | None
    user: bool
    auth: bool
    template: str


ROUTES: list[Route] = []
# Hooks run at the start of every request (e.g. publishing scheduled statuses that are due).
BEFORE_REQUEST: list[Callable[[App], None]] = []


def route(
    method: str, template: str, *, scope: str | None = None, user: bool = True, auth: bool | None = None
) -> Callable[[Handler], Handler]:
    """Register a handler for ``method`` and a path template with ``{name}`` placeholders.

    ``scope`` is the OAuth scope needed (``read:statuses`` is satisfied by ``read`` too); ``user`` means an
    app-only token is refused with 422; ``auth`` (default: ``scope is not None``) makes a token mandatory.
    A route with a scope but ``auth=False`` accepts anonymous calls and checks the scope of a token if given.
    """
    regex = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
    needs_auth = scope is not None if auth is None else auth

    def register(fn: Handler) -> Handler:
        ROUTES.append(Route(method, re.compile(regex), fn, scope, user, needs_auth, template))
        return fn

    return register


def match_route(method: str, path: str) -> tuple[Route, dict[str, str]] | None | bool:
    """Find the route for a request: the route and path params, False if the path exists for another method."""
    path_known = False
    for candidate in ROUTES:
        m = candidate.pattern.match(path)
        if m is None:
            continue
        if candidate.method == method:
            return candidate, {k: urllib.parse.unquote(v) for k, v in m.groupdict().items()}
        path_known = True
    return path_known or None


# Scopes that a broader scope grants.
_FOLLOW_SCOPE_COVERS = {"read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"}


def scope_allowed(granted: Iterable[str], needed: str) -> bool:
    """Whether a token with ``granted`` scopes may use an endpoint needing ``needed``."""
    granted_set = set(granted)
    if needed in granted_set:
        return True
    top = needed.split(":", 1)[0]
    if top in granted_set and top in ("read", "write", "admin"):
        return True
    if needed.startswith("admin:"):
        parts = needed.split(":")
        return ":".join(parts[:2]) in granted_set
    return "follow" in granted_set and needed in _FOLLOW_SCOPE_COVERS


ALL_SCOPES = [
    "read",
    "write",
    "write:accounts",
    "write:blocks",
    "write:bookmarks",
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
    "read:accounts",
    "read:blocks",
    "read:bookmarks",
    "read:favourites",
    "read:filters",
    "read:follows",
    "read:lists",
    "read:mutes",
    "read:notifications",
    "read:search",
    "read:statuses",
    "follow",
    "push",
    "profile",
]


def scope_known(scope: str) -> bool:
    """Whether a scope name exists (admin scopes included)."""
    return scope in ALL_SCOPES or scope.startswith("admin:")


@dataclass(frozen=True)
class Flavour:
    """A server personality: what version it reports and which Mastodon features it lacks."""

    name: str
    version: str
    software: str
    software_version: str
    password_grant: bool = True
    bad_token_status: int = 401
    sse_streaming: bool = True
    oauth_metadata: bool = True
    api_versions: dict[str, int] | None = None


FLAVOURS: dict[str, Flavour] = {
    "mastodon": Flavour("mastodon", "4.4.0", "mastodon", "4.4.0", api_versions={"mastodon": 5}),
    "pleroma": Flavour(
        "pleroma", "2.7.2 (compatible; Pleroma 2.5.0)", "pleroma", "2.5.0", oauth_metadata=False, api_versions=None
    ),
    "akkoma": Flavour(
        "akkoma", "3.5.3 (compatible; Akkoma 3.10.0)", "akkoma", "3.10.0", oauth_metadata=False, api_versions=None
    ),
    "gotosocial": Flavour(
        "gotosocial",
        "0.16.0 git-1d2f3e4",
        "gotosocial",
        "0.16.0 git-1d2f3e4",
        password_grant=False,
        bad_token_status=400,
        sse_streaming=False,
        oauth_metadata=False,
        api_versions=None,
    ),
}


@dataclass
class Settings:
    """Behaviour knobs read on every request; plain attributes, safe to assign from any thread.

    * ``password_grant``: accept ``grant_type=password`` at /oauth/token.
    * ``oauth_metadata``: serve /.well-known/oauth-authorization-server (False: 404 like Mastodon < 4.3).
    * ``media_processing_polls``: how many GET /api/v1/media/:id calls answer 206 before the attachment of a
      POST /api/v2/media upload is ready; 0 makes v2 uploads answer 200 at once, 1 (default) makes the
      first poll see it ready.
    * ``heartbeat_interval``: seconds between ``:thump`` comment lines on streams.
    * ``rate_limit`` / ``rate_window``: requests allowed per token (or client address) per window in seconds.
    * ``authorize_as``: the username that /oauth/authorize approves for.
    * ``scheduled_min_delay``: how far ahead ``scheduled_at`` must be (Mastodon: 5 minutes); scheduled
      statuses are published by the first request after their time.
    """

    password_grant: bool = True
    oauth_metadata: bool = True
    media_processing_polls: int = 1
    heartbeat_interval: float = 15.0
    rate_limit: int = 300
    rate_window: float = 300.0
    authorize_as: str = "alice"
    scheduled_min_delay: float = 300.0
