"""Constructor state and the single request pipeline every endpoint goes through.

build (URL, headers, encoded parameters, files) -> rate limiter before -> send -> rate limiter after
-> wait and retry on 429 where the mode says so -> raise the mapped error -> decode JSON -> convert to
entities -> attach pagination info. Endpoints call :meth:`Core._get`, :meth:`Core._post`,
:meth:`Core._put`, :meth:`Core._patch` or :meth:`Core._delete` with a path template, a return
shape and their parameters, and nothing else.

:meth:`Core._request` is four steps, each readable on one screen:

- :meth:`Core._build_call`: what goes out (URL, headers checked, parameters encoded, the call's secrets);
- :meth:`Core._exchange`: whether and when to send again (retry policy, rate limiter, 429 waits);
- :meth:`Core._send`: one attempt (redirects hop by hop, never carrying credentials to another
  origin; the attempt's deadline; failures typed and redacted);
- :meth:`Core._answer`: the mapped error, or the decoded, checked and converted answer.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, get_args, overload
from urllib.parse import quote, quote_plus, urlencode, urlsplit

from ._encode import encode_form, encode_json, path_segment
from ._hints import check_base_url, check_credential_value, explain
from ._lazy import LazyModule
from ._pagination import page_infos
from ._ratelimit import Clock, RateLimiter
from ._reqlog import send_logged
from ._retry import RetryEvent, RetryPolicy, lasting_failure, never_reached, retry_after_seconds
from ._validate import check_header_value
from ._versions import ServerVersion, parse_version_string, version_error
from ._warn import warn
from .errors import (
    MastodonAPIError,
    MastodonDeprecationWarning,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonRatelimitError,
    MastodonReadTimeout,
    MastodonVersionError,
    MastodonWarning,
    error_class_for_status,
)
from .literals import FeatureSet, RatelimitMethod, VersionCheckMode
from .types_base import (
    AttribAccessDict,
    EmptyResponse,
    FieldTypeError,
    NonPaginatableList,
    PaginatableList,
    _entity_class_named,
    convert_checked,
    convert_list_checked,
)

if TYPE_CHECKING:
    import requests

    from . import _deadline
else:  # imported when the first client makes its session: `import mastodon` stays cheap
    requests = LazyModule("requests", globals())
    _deadline = LazyModule("mastodon._deadline", globals(), "_deadline")  # subclasses requests' adapter

__all__ = [
    "NOTHING",
    "RAW",
    "RESPONSE",
    "TEXT",
    "Core",
    "ListOf",
    "One",
    "PageOf",
    "PagedOne",
    "Returns",
    "async_refresh_info",
    "normalize_base_url",
    "returns_for",
]

T = TypeVar("T")
E = TypeVar("E", bound=AttribAccessDict)

logger = logging.getLogger("mastodon")

DEFAULT_TIMEOUT = 300  # an int, as Mastodon.py's (scripts print it)
DEFAULT_USER_AGENT = "mastodonpy"
FEATURE_SETS: tuple[str, ...] = get_args(FeatureSet)
VERSION_CHECK_MODES: tuple[str, ...] = get_args(VersionCheckMode)

# Regular expressions as text: compiled (and cached by re) on first use, not at import time.
_PATH_FIELD = r"\{(\w+)\}"
_SECRET_PARAMS = frozenset(
    {"password", "client_secret", "code", "refresh_token", "access_token", "token", "code_verifier", "assertion"}
)
_BODY_SNIPPET = 300
_READ_SIZE = 1 << 20


def _read_body(response: requests.Response) -> None:
    """The whole body of a streamed answer, read in reads as large as it is (``response.content`` would
    read 10 KiB at a time); ``response.content`` is the body from here on, and the connection is free."""
    response._content = b"".join(response.iter_content(_READ_SIZE))


# ---------------------------------------------------------------------------------------------
# Return shapes: what a response body becomes


class Returns(Generic[T]):
    """How a response becomes the value an endpoint returns.

    ``kind`` names the shape so that a stored page info or async refresh info can rebuild it:
    ``one``, ``page``, ``list``, ``paged_one``, ``raw``, ``none``, ``text`` or ``response``.
    ``body`` says what ``convert`` is given: the decoded ``json``, the ``text``, or the ``response``.
    A ``paginated`` shape gets ``_pagination_next`` / ``_pagination_prev`` attached; ``page_field``
    names the list inside a single object that offset pagination counts (``search_v2``'s ``accounts``).
    """

    __slots__ = ("body", "convert", "item_type", "kind", "page_field", "paginated")

    def __init__(
        self,
        convert: Callable[[Any], T],
        item_type: str,
        paginated: bool = False,
        *,
        kind: str = "custom",
        body: str = "json",
        page_field: str | None = None,
    ) -> None:
        self.convert = convert
        self.item_type = item_type
        self.paginated = paginated
        self.kind = kind
        self.body = body
        self.page_field = page_field


def _object_converter(entity: type[E]) -> Callable[[Any], E]:
    def convert(body: Any) -> E:
        if not isinstance(body, dict):
            raise TypeError(f"expected a JSON object ({entity.__name__}), got {type(body).__name__}")
        return convert_checked(entity, body)

    return convert


class One(Returns[E]):
    """One entity of the given class (an answer that is not a JSON object is an error)."""

    __slots__ = ()

    def __init__(self, entity: type[E]) -> None:
        super().__init__(_object_converter(entity), entity.__name__, kind="one")


class PagedOne(Returns[E]):
    """One entity that is itself a page: grouped notifications (``Link``), typed search results (offset)."""

    __slots__ = ()

    def __init__(self, entity: type[E], page_field: str | None = None) -> None:
        super().__init__(
            _object_converter(entity), entity.__name__, paginated=True, kind="paged_one", page_field=page_field
        )


def _list_converter(entity: type[E], list_type: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(body: Any) -> Any:
        if not isinstance(body, list):
            raise TypeError(f"expected a JSON array of {entity.__name__}, got {type(body).__name__}")
        return convert_list_checked(entity, body, list_type)

    return convert


class PageOf(Returns[PaginatableList[E]]):
    """A page of entities, with the next and previous pages attached from the ``Link`` header."""

    __slots__ = ()

    def __init__(self, entity: type[E]) -> None:
        super().__init__(_list_converter(entity, PaginatableList), entity.__name__, paginated=True, kind="page")


class ListOf(Returns[NonPaginatableList[E]]):
    """A list of entities that has no further pages."""

    __slots__ = ()

    def __init__(self, entity: type[E]) -> None:
        super().__init__(_list_converter(entity, NonPaginatableList), entity.__name__, kind="list")


def _keep(body: Any) -> Any:
    return body


def _nothing(body: Any) -> None:
    return None


RAW: Returns[Any] = Returns(_keep, "raw", kind="raw")
"""The decoded JSON as it came."""
NOTHING: Returns[None] = Returns(_nothing, "none", kind="none")
"""Nothing: the endpoint's answer (often ``{}``) carries no information."""
TEXT: Returns[str] = Returns(_keep, "text", kind="text", body="text")
"""The body as text (``/health`` answers ``OK``)."""
RESPONSE: Returns[requests.Response] = Returns(_keep, "response", kind="response", body="response")
"""The ``requests.Response`` itself, after the error check: for headers such as ``Date``."""

_FIXED_SHAPES: dict[str, Returns[Any]] = {"raw": RAW, "none": NOTHING, "text": TEXT, "response": RESPONSE}


def returns_for(kind: str, item_type: str, page_field: str | None = None) -> Returns[Any]:
    """Rebuild the shape a stored page info or async refresh info recorded (``kind`` and ``_mastopy_type``)."""
    if kind in _FIXED_SHAPES:
        return _FIXED_SHAPES[kind]
    entity = _entity_class_named(item_type)
    if kind == "list":
        return ListOf(entity)
    if kind == "one":
        return One(entity)
    if kind == "paged_one":
        return PagedOne(entity, page_field)
    return PageOf(entity)


def async_refresh_info(
    header: str | None, method: str, path: str, params: Mapping[str, Any], returns: Returns[Any]
) -> dict[str, Any] | None:
    """The info of a ``Mastodon-Async-Refresh`` header (Mastodon 4.4), or None when there is none.

    Keys: ``id``, ``retry`` and ``result_count`` (ints where they parse) from the header, and
    ``_method``, ``_endpoint``, ``_params``, ``_mastopy_type`` and ``_shape`` to repeat the request.
    """
    if not header:
        return None
    info: dict[str, Any] = {}
    for part in header.split(","):
        key, sep, value = part.partition("=")
        if not sep:
            continue
        key, value = key.strip(), value.strip().strip('"')
        if key in ("retry", "result_count"):
            try:
                info[key] = int(value)
            except ValueError:
                info[key] = value
        else:
            info[key] = value
    if "id" not in info:
        return None
    info.update(
        _method=method,
        _endpoint=path,
        _params=copy.deepcopy(dict(params)),
        _mastopy_type=returns.item_type,
        _shape=returns.kind,
    )
    return info


# ---------------------------------------------------------------------------------------------
# URL and redaction helpers


def normalize_base_url(url: str) -> str:
    """``mastodon.social`` -> ``https://mastodon.social``; a trailing slash goes."""
    url = url.strip()
    if not url:
        raise MastodonIllegalArgumentError("api_base_url is empty")
    if not url.startswith(("http://", "https://")):
        url = "https://" + url
    return url.rstrip("/")


def _redact_mapping(values: Mapping[str, Any] | list[tuple[str, Any]] | None) -> Any:
    if values is None:
        return None
    items = values.items() if isinstance(values, Mapping) else values
    return [(key, "***" if key.split("[")[0] in _SECRET_PARAMS else value) for key, value in items]


class _Call:
    """One API call as every attempt sends it: method, path, URL, encoded parameters, files and headers."""

    __slots__ = ("body_json", "data", "files", "headers", "method", "path", "query", "secrets", "url")

    def __init__(self, method: str, path: str, url: str, files: Any, headers: dict[str, str]) -> None:
        self.method = method
        self.path = path
        self.url = url
        self.files = files
        self.headers = headers
        self.query: Any = None
        self.data: Any = None
        self.body_json: Any = None
        self.secrets: tuple[str, ...] = ()


class Core:
    """The state a client holds and the one request pipeline. Composed into :class:`mastodon.Mastodon`."""

    def __init__(
        self,
        client_id: str | PurePath | None = None,
        client_secret: str | None = None,
        access_token: str | PurePath | None = None,
        api_base_url: str | None = None,
        debug_requests: bool = False,
        ratelimit_method: RatelimitMethod = "wait",
        ratelimit_pacefactor: float = 1.1,
        request_timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
        mastodon_version: str | None = None,
        version_check_mode: VersionCheckMode = "none",
        session: requests.Session | None = None,
        feature_set: FeatureSet = "mainline",
        user_agent: str = DEFAULT_USER_AGENT,
        lang: str | None = None,
        *,
        retry_policy: RetryPolicy | bool | None = None,
        allow_http: bool = False,
    ) -> None:
        """A client for the instance at ``api_base_url``; constructing it sends no request.

        ``client_id`` and ``access_token`` may name Mastodon.py credential files, which also supply the
        base URL (and the client id and secret). Where arguments are absent, ``MASTODON_API_BASE_URL``,
        ``MASTODON_ACCESS_TOKEN``, ``MASTODON_CLIENT_ID`` and ``MASTODON_CLIENT_SECRET`` are used; the
        environment's credentials only with its own base URL (for another one they are left out, with a warning).
        ``ratelimit_method`` is ``"wait"``, ``"throw"`` or ``"pace"``; ``request_timeout`` is seconds,
        or a ``(connect, read)`` pair, and bounds each attempt as a whole (connecting, waiting for the
        answer and reading all of it: a server dripping its answer is cut off), a pair at its sum, with
        each connect and read also bounded by its own part; ``version_check_mode`` is ``"none"``, ``"created"`` or
        ``"changed"``; ``feature_set`` is ``"mainline"``, ``"fedibird"`` or ``"pleroma"``.

        Beyond Mastodon.py (keyword-only): ``retry_policy`` (a :class:`RetryPolicy`; ``False`` turns
        retries off, ``None`` is the default policy) and ``allow_http`` (plain ``http://`` base URLs are
        refused for hosts other than loopback unless this, or ``MASTODON_ALLOW_HTTP=1``, says so).
        """
        if feature_set not in FEATURE_SETS:
            raise MastodonIllegalArgumentError(
                f"feature_set must be one of {', '.join(FEATURE_SETS)}, not {feature_set!r}"
            )
        if version_check_mode not in VERSION_CHECK_MODES:
            raise MastodonIllegalArgumentError(
                f"version_check_mode must be one of {', '.join(VERSION_CHECK_MODES)}, not {version_check_mode!r}"
            )
        self._lock = threading.RLock()
        if retry_policy is None or retry_policy is True:
            retry_policy = RetryPolicy()
        elif retry_policy is False:
            retry_policy = RetryPolicy(total=0)
        self.retry_policy: RetryPolicy = retry_policy
        self._ratelimiter = RateLimiter(ratelimit_method, ratelimit_pacefactor)
        self.debug_requests = debug_requests
        self.request_timeout: float | tuple[float, float] = request_timeout
        self.feature_set = feature_set
        self.user_agent = user_agent
        self.lang = lang
        self.version_check_mode = version_check_mode
        if session is None:
            session = requests.Session()
            for scheme in ("https://", "http://"):
                session.mount(scheme, _deadline.DeadlineAdapter())
        self.session = session
        self._own_session = session is None
        self._environment_settings: dict[str, dict[str, Any]] = {}
        self._cache: dict[str, Any] = {}
        self._refresh_token: str | None = None
        self._token_expired: Any = None
        self.client_id: str | None = None
        self.client_secret: str | None = client_secret
        self.access_token: str | None = None
        self.api_base_url: str | None = normalize_base_url(api_base_url) if api_base_url else None

        check_credential_value("client_id", client_id)
        check_credential_value("access_token", access_token)
        if client_id is not None and _names_a_file(client_id):
            from ._credentials import read_legacy_file

            lines = read_legacy_file(client_id, "client credential").lines
            self.client_id = lines[0]
            self.client_secret = lines[1] if len(lines) > 1 else None
            if len(lines) > 2:
                self._adopt_base_url(lines[2], client_id)
            if len(lines) > 3 and not user_agent:
                self.user_agent = lines[3]
        elif client_id is not None:
            self.client_id = str(client_id)
            if client_secret is None:
                raise MastodonIllegalArgumentError(
                    "client_id was given without client_secret: pass both (or a client credential file as client_id)"
                )

        if access_token is not None and _names_a_file(access_token):
            from ._credentials import read_legacy_file

            lines = read_legacy_file(access_token, "access token").lines
            self.access_token = lines[0]
            if len(lines) > 1:
                self._adopt_base_url(lines[1], access_token)
            if self.client_id is None and len(lines) > 3:
                self.client_id, self.client_secret = lines[2], lines[3]
        elif access_token is not None:
            self.access_token = str(access_token)

        self._configure_from_environment()
        if self.api_base_url is None:
            raise MastodonIllegalArgumentError(
                "No instance to talk to: pass api_base_url (e.g. 'mastodon.social') or set MASTODON_API_BASE_URL"
            )
        _refuse_plain_http(self.api_base_url, allow_http)
        check_base_url(self.api_base_url)

        self._server_version: ServerVersion | None = None
        self._version_given = mastodon_version is not None
        self.mastodon_api_version = 0
        if mastodon_version is not None:
            try:
                self._server_version = ServerVersion.parse(mastodon_version)
            except ValueError as error:
                raise MastodonIllegalArgumentError(f"mastodon_version {mastodon_version!r} is not a version") from error

    def _adopt_base_url(self, url: str, source: str | PurePath) -> None:
        from_file = normalize_base_url(url)
        if self.api_base_url is not None and from_file != self.api_base_url:
            raise MastodonIllegalArgumentError(
                f"{os.fspath(source)!r} holds credentials for {from_file}, but api_base_url is {self.api_base_url}; "
                "use that server's file, or leave api_base_url out to take the file's"
            )
        self.api_base_url = from_file

    def _configure_from_environment(self) -> None:
        """Fill what the arguments and files left out from ``MASTODON_*`` variables.

        The environment's credentials belong to ``MASTODON_API_BASE_URL``: for any other base URL (given
        as an argument or by a file) they are not used, and a warning says so, so that a token never goes
        to a server it was not issued by.
        """
        environ = os.environ
        env_base = environ.get("MASTODON_API_BASE_URL")
        if self.api_base_url is None and env_base:
            self.api_base_url = normalize_base_url(env_base)
        wanted = [
            name
            for name, missing in (
                ("MASTODON_ACCESS_TOKEN", self.access_token is None),
                ("MASTODON_CLIENT_ID", self.client_id is None),
            )
            if missing and environ.get(name)
        ]
        if not wanted:
            return
        paired = bool(env_base) and self.api_base_url == normalize_base_url(env_base or "")
        if not paired:
            warn(
                f"{' and '.join(wanted)} {'is' if len(wanted) == 1 else 'are'} not used: the environment's "
                f"credentials belong to MASTODON_API_BASE_URL ({env_base or 'not set'}), not to {self.api_base_url}",
                MastodonWarning,
            )
            return
        if self.access_token is None and environ.get("MASTODON_ACCESS_TOKEN"):
            self.access_token = environ["MASTODON_ACCESS_TOKEN"]
        if self.client_id is None and environ.get("MASTODON_CLIENT_ID"):
            self.client_id = environ["MASTODON_CLIENT_ID"]
            self.client_secret = self.client_secret or environ.get("MASTODON_CLIENT_SECRET")

    def __repr__(self) -> str:
        token = "set" if self.access_token else "none"
        return f"<{type(self).__name__} {self.api_base_url} token={token}>"

    # -----------------------------------------------------------------------------------------
    # Header values, checked when they are set

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` header ("" or None: none); printable Latin-1 text, checked when set."""
        return self._user_agent

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self._user_agent = check_header_value("user_agent", value)

    @property
    def lang(self) -> str | None:
        """The language sent as ``Accept-Language`` and ``lang`` (ISO 639), or None; checked when set."""
        return self._lang

    @lang.setter
    def lang(self, value: str | None) -> None:
        self._lang = check_header_value("lang", value)

    # -----------------------------------------------------------------------------------------
    # Rate-limit state, as Mastodon.py exposes it

    @property
    def ratelimit_method(self) -> RatelimitMethod:
        """``"wait"``, ``"throw"`` or ``"pace"``; may be changed at any time."""
        return cast(RatelimitMethod, self._ratelimiter.method)

    @ratelimit_method.setter
    def ratelimit_method(self, value: RatelimitMethod) -> None:
        self._ratelimiter.method = value

    @property
    def ratelimit_pacefactor(self) -> float:
        """How much faster than the even spread ``pace`` mode may go (1.1 leaves 10% headroom)."""
        return self._ratelimiter.pacefactor

    @ratelimit_pacefactor.setter
    def ratelimit_pacefactor(self, value: float) -> None:
        self._ratelimiter.pacefactor = value

    @property
    def ratelimit_limit(self) -> int | None:
        """Requests allowed per window, from the last ``X-RateLimit-Limit``."""
        return self._ratelimiter.limit

    @property
    def ratelimit_remaining(self) -> int | None:
        """Requests left in this window, from the last ``X-RateLimit-Remaining``."""
        return self._ratelimiter.remaining

    @property
    def ratelimit_reset(self) -> float | None:
        """When the window resets, as Unix seconds on the local clock, or None when unknown."""
        return self._ratelimiter.reset

    @property
    def ratelimit_lastcall(self) -> float | None:
        """When the last rate-limited call was answered (Unix seconds)."""
        return self._ratelimiter.lastcall

    def _set_clock(self, clock: Clock) -> None:
        """Use another clock for rate limiting and waits (tests inject one that never sleeps)."""
        self._ratelimiter.clock = clock

    # -----------------------------------------------------------------------------------------
    # Versions

    def _version_parts(self) -> tuple[int, int, int]:
        """The compatible version; with version checks on it is asked for on first read (Mastodon.py asks
        in its constructor), with them off it stays 1.0.0 until something needs it."""
        server = self._server_version
        if server is None and self.version_check_mode != "none":
            server = self._detect_version()
        return server.compatible if server else (1, 0, 0)

    @property
    def mastodon_major(self) -> int:
        """Major part of the (compatible) server version; 1 until known."""
        return self._version_parts()[0]

    @property
    def mastodon_minor(self) -> int:
        """Minor part of the (compatible) server version."""
        return self._version_parts()[1]

    @property
    def mastodon_patch(self) -> int:
        """Patch part of the (compatible) server version."""
        return self._version_parts()[2]

    @property
    def server_version(self) -> ServerVersion | None:
        """What the server said it runs (software, its version, the Mastodon version it is compatible with)."""
        return self._server_version

    def _detect_version(self, fail_hard: bool = False) -> ServerVersion:
        """Read the server's version (cached): the v2 instance document, or v1 where v2 is missing.

        A server that answers neither is taken to be 1.0.0, as Mastodon.py does, unless ``fail_hard``.
        """
        detected: ServerVersion | None = None
        problem: Exception | None = None
        for key, path in (("instance_v2", "/api/v2/instance"), ("instance_v1", "/api/v1/instance")):
            try:
                document = self._cached_get(key, path)
                detected = ServerVersion.parse(str(document["version"]))
            except (MastodonAPIError, MastodonNetworkError, KeyError, TypeError, ValueError) as error:
                problem = error
                continue
            api_versions = document.get("api_versions") if isinstance(document, Mapping) else None
            if isinstance(api_versions, Mapping) and isinstance(api_versions.get("mastodon"), int):
                self.mastodon_api_version = api_versions["mastodon"]
            break
        if detected is None:
            if fail_hard:
                raise MastodonVersionError(
                    f"The instance document gave no usable version ({problem}); where the server cannot tell, "
                    "name it yourself: Mastodon(..., mastodon_version='x.y.z')"
                ) from problem
            detected = ServerVersion("1.0.0", "unknown", "1.0.0", (1, 0, 0))
        with self._lock:
            self._server_version = detected
        return detected

    def _server_at_least(self, version: str) -> bool:
        """Whether the server is at least ``version`` (the constructor's ``mastodon_version``, or asked once)."""
        server = self._server_version or self._detect_version()
        return server.compatible >= parse_version_string(version)

    def _require_version(self, endpoint: str, needed: str) -> None:
        server = self._server_version or self._detect_version()
        if server.compatible < parse_version_string(needed):
            raise version_error(endpoint, needed, server)

    def _cached_get(self, key: str, path: str) -> Any:
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        value = self._request("GET", path, RAW, {}, do_ratelimiting=True)
        with self._lock:
            self._cache[key] = value
        return value

    def _logged_in_id(self) -> str:
        """The id of the account this token belongs to (asked once, then cached)."""
        with self._lock:
            cached = self._cache.get("logged_in_id")
        if cached is None:
            account = self._request("GET", "/api/v1/accounts/verify_credentials", RAW, {})
            cached = str(account["id"])
            with self._lock:
                self._cache["logged_in_id"] = cached
        return str(cached)

    def _only_on(self, feature_set: str, **params: Any) -> None:
        """Refuse parameters that only the ``feature_set`` servers understand, before sending anything."""
        given = [name for name, value in params.items() if value is not None]
        if given and self.feature_set != feature_set:
            raise MastodonIllegalArgumentError(
                f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} only available with "
                f"feature_set={feature_set!r} (this client uses {self.feature_set!r})"
            )

    # -----------------------------------------------------------------------------------------
    # The request pipeline

    @overload
    def _get(self, path: str, returns: type[E], /, *, _offset: bool = False, **params: Any) -> E: ...
    @overload
    def _get(self, path: str, returns: Returns[T], /, *, _offset: bool = False, **params: Any) -> T: ...
    def _get(self, path: str, returns: Any, /, *, _offset: bool = False, **params: Any) -> Any:
        """GET ``path`` (``{names}`` filled from ``params``), the rest of ``params`` in the query.

        ``_offset`` marks an endpoint paginated by ``offset`` / ``limit`` rather than by ids.
        """
        return self._call("GET", path, returns, params, offset_pagination=_offset)

    @overload
    def _post(
        self, path: str, returns: type[E], /, *, _files: Any = None, _json: bool = False, _headers: Any = None, **p: Any
    ) -> E: ...
    @overload
    def _post(
        self,
        path: str,
        returns: Returns[T],
        /,
        *,
        _files: Any = None,
        _json: bool = False,
        _headers: Any = None,
        **p: Any,
    ) -> T: ...
    def _post(
        self, path: str, returns: Any, /, *, _files: Any = None, _json: bool = False, _headers: Any = None, **p: Any
    ) -> Any:
        """POST to ``path`` with ``params`` as a form (multipart with ``_files``, JSON with ``_json``)."""
        return self._call("POST", path, returns, p, files=_files, json_body=_json, headers=_headers)

    @overload
    def _put(self, path: str, returns: type[E], /, *, _files: Any = None, _json: bool = False, **p: Any) -> E: ...
    @overload
    def _put(self, path: str, returns: Returns[T], /, *, _files: Any = None, _json: bool = False, **p: Any) -> T: ...
    def _put(self, path: str, returns: Any, /, *, _files: Any = None, _json: bool = False, **p: Any) -> Any:
        """PUT to ``path``, encoded as :meth:`_post` does."""
        return self._call("PUT", path, returns, p, files=_files, json_body=_json)

    @overload
    def _patch(self, path: str, returns: type[E], /, *, _files: Any = None, _json: bool = False, **p: Any) -> E: ...
    @overload
    def _patch(self, path: str, returns: Returns[T], /, *, _files: Any = None, _json: bool = False, **p: Any) -> T: ...
    def _patch(self, path: str, returns: Any, /, *, _files: Any = None, _json: bool = False, **p: Any) -> Any:
        """PATCH ``path``, encoded as :meth:`_post` does."""
        return self._call("PATCH", path, returns, p, files=_files, json_body=_json)

    @overload
    def _delete(self, path: str, returns: type[E], /, *, _json: bool = False, **params: Any) -> E: ...
    @overload
    def _delete(self, path: str, returns: Returns[T], /, *, _json: bool = False, **params: Any) -> T: ...
    def _delete(self, path: str, returns: Any, /, *, _json: bool = False, **params: Any) -> Any:
        """DELETE ``path``; parameters, if any, go in a form body."""
        return self._call("DELETE", path, returns, params, json_body=_json)

    def _call(
        self,
        method: str,
        path: str,
        returns: Any,
        params: dict[str, Any],
        files: Any = None,
        json_body: bool = False,
        headers: Mapping[str, str] | None = None,
        offset_pagination: bool = False,
    ) -> Any:
        shape: Returns[Any] = returns if isinstance(returns, Returns) else One(returns)
        if "{" in path:
            path = re.sub(_PATH_FIELD, lambda found: path_segment(found.group(1), params.pop(found.group(1))), path)
        return self._request(
            method,
            path,
            shape,
            params,
            files=files,
            json_body=json_body,
            headers=headers,
            offset_pagination=offset_pagination,
        )

    def _fetch_page(self, info: Mapping[str, Any]) -> Any:
        """Fetch the page a stored page info describes, with the same return shape as the first page."""
        params = {key: value for key, value in info.items() if not key.startswith("_")}
        shape = returns_for(
            str(info.get("_pagination_shape", "page")),
            str(info.get("_mastopy_type", "")),
            info.get("_pagination_offset_field"),
        )
        return self._request(
            str(info.get("_pagination_method", "GET")),
            str(info["_pagination_endpoint"]),
            shape,
            params,
            offset_pagination=bool(info.get("_pagination_offset", False)),
        )

    def _timeouts(self) -> tuple[float, float]:
        timeout = self.request_timeout
        if isinstance(timeout, tuple):
            return (float(timeout[0]), float(timeout[1]))
        return (min(float(timeout), 30.0), float(timeout))

    def _send_settings(self, url: str) -> dict[str, Any]:
        """Proxy, TLS and certificate settings from the environment, worked out once per host."""
        host = url.split("/", 3)[2] if "://" in url else url
        settings = self._environment_settings.get(host)
        if settings is None:
            settings = dict(self.session.merge_environment_settings(url, {}, None, None, None))
            self._environment_settings[host] = settings
        return settings

    def _request(
        self,
        method: str,
        path: str,
        returns: Returns[T],
        params: Mapping[str, Any],
        *,
        files: Any = None,
        json_body: bool = False,
        headers: Mapping[str, str] | None = None,
        access_token: str | None = None,
        base_url: str | None = None,
        do_ratelimiting: bool = True,
        offset_pagination: bool = False,
        auth: bool = True,
    ) -> T:
        """Send one API request through the whole pipeline and return the converted answer.

        Three steps, each one screen: :meth:`_build_call` (what goes out), :meth:`_exchange` (whether
        and when to send it again: retry policy, rate limiter) around :meth:`_send` (one attempt), and
        :meth:`_answer` (errors, decoding, conversion, pagination).
        """
        token = access_token or (self.access_token if auth else None)
        call = self._build_call(method, path, params, files, json_body, headers, token, base_url)
        response = self._exchange(call, do_ratelimiting)
        return self._answer(call, response, returns, params, offset_pagination)

    def _build_call(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any],
        files: Any,
        json_body: bool,
        headers: Mapping[str, str] | None,
        token: str | None,
        base_url: str | None,
    ) -> _Call:
        """The URL, headers and encoded parameters of one call (logged when ``debug_requests``)."""
        if "/." in path and any(segment in (".", "..") for segment in path.split("/")):
            raise MastodonIllegalArgumentError(f"{path!r} has a '.' or '..' segment, which would call another endpoint")
        all_params = dict(params)
        if self.lang is not None and "lang" not in all_params:
            all_params["lang"] = self.lang
        request_headers: dict[str, str] = {}
        if self.user_agent:
            request_headers["User-Agent"] = self.user_agent
        if token:
            request_headers["Authorization"] = "Bearer " + token
        if self.lang:
            request_headers["Accept-Language"] = self.lang
        if headers:
            for name, value in headers.items():
                request_headers[name] = check_header_value(name, value)
        call = _Call(method, path, f"{base_url or self.api_base_url}{path}", files, request_headers)
        call.secrets = tuple(
            value for key, value in all_params.items() if isinstance(value, str) and key.split("[")[0] in _SECRET_PARAMS
        ) + ((token,) if token else ())
        if method == "GET":
            call.query = encode_form(all_params)
        elif json_body:
            call.body_json = encode_json(all_params)
        else:
            call.data = encode_form(all_params) or None
        if self.debug_requests:
            self._log_request(method, call.url, call.query or call.data or call.body_json, request_headers, files)
        return call

    def _exchange(self, call: _Call, do_ratelimiting: bool) -> requests.Response:
        """Send ``call`` until its answer is final: the retry policy and the rate limiter decide when to resend."""
        policy = self.retry_policy
        limiter = self._ratelimiter
        retries = 0
        ratelimit_waits = 0
        while True:
            if do_ratelimiting:
                limiter.before_request()
            try:
                response = self._send(call)
            except BaseException as error:
                if do_ratelimiting:
                    limiter.forget_request()
                if not isinstance(error, MastodonNetworkError):
                    raise
                resendable = never_reached(error.__cause__) or policy.may_resend(call.method, call.headers)
                if not resendable or retries >= policy.total or getattr(error, "_lasting", False):
                    raise
                retries += 1
                self._before_retry(call, retries, type(error.__cause__).__name__, None)
                continue
            if do_ratelimiting:
                limiter.after_response(response.headers, response.ok)
            if response.status_code == 429:
                wait = limiter.wait_for_429(response.headers, do_ratelimiting)
                if wait > policy.ratelimit_max_wait:
                    raise MastodonRatelimitError(_too_long(call, wait, limiter.clock.now(), policy.ratelimit_max_wait))
                if ratelimit_waits >= policy.ratelimit_waits:
                    raise MastodonRatelimitError(
                        f"The rate limit turned {call.method} {call.path} away {ratelimit_waits + 1} times in a row "
                        "(HTTP 429 each time); giving up. Wait for it to reset, or spread requests out with "
                        "ratelimit_method='pace'"
                    )
                ratelimit_waits += 1
                if wait > 0:
                    logger.info("Rate limited on %s %s; waiting %.1f s before retrying", call.method, call.path, wait)
                    limiter.clock.sleep(wait)
                _rewind(call.files)
                continue
            if (
                response.status_code in policy.statuses
                and retries < policy.total
                and policy.may_resend(call.method, call.headers)
            ):
                retry_after = retry_after_seconds(response.headers.get("Retry-After"), limiter.clock.now())
                if retry_after is None or retry_after <= policy.max_wait:
                    retries += 1
                    self._before_retry(call, retries, f"{response.status_code} {response.reason}", retry_after)
                    continue
            return response

    def _before_retry(self, call: _Call, attempt: int, reason: str, retry_after: float | None) -> None:
        """Log a retry, tell the ``on_retry`` hook, wait, and rewind any files for the next attempt."""
        policy = self.retry_policy
        wait = retry_after if retry_after is not None else policy.backoff(attempt)
        logger.info("Retrying %s %s (attempt %d, %s) in %.2f s", call.method, call.path, attempt + 1, reason, wait)
        if policy.on_retry is not None:
            policy.on_retry(RetryEvent(call.method, call.path, attempt, reason, wait))
        if wait > 0:
            self._ratelimiter.clock.sleep(wait)
        _rewind(call.files)

    def _answer(
        self,
        call: _Call,
        response: requests.Response,
        returns: Returns[T],
        params: Mapping[str, Any],
        offset_pagination: bool,
    ) -> T:
        """The final answer as ``returns`` says: the mapped error, or the decoded and converted body."""
        if not response.ok:
            raise self._api_error(response, call)
        if returns.body == "response":
            return returns.convert(response)
        body = response.text if returns.body == "text" else self._decode(response, returns, call)
        try:
            result = returns.convert(body)
        except (TypeError, ValueError, AttributeError, FieldTypeError, RecursionError) as error:
            raise MastodonAPIError(
                f"The server's answer to {call.method} {call.path} is not the expected {returns.item_type}: {error}. "
                f"It was: {self._snippet(response, call)}"
            ) from error
        if returns.paginated:
            self._attach_pages(result, response, call.method, call.path, params, returns, offset_pagination)
        refresh = async_refresh_info(
            response.headers.get("Mastodon-Async-Refresh"), call.method, call.path, params, returns
        )
        if refresh is not None and isinstance(result, (AttribAccessDict, PaginatableList, NonPaginatableList)):
            result._async_refresh = refresh
        return result

    @staticmethod
    def _attach_pages(
        result: Any,
        response: requests.Response,
        method: str,
        path: str,
        params: Mapping[str, Any],
        returns: Returns[Any],
        offset_pagination: bool,
    ) -> None:
        """Attach the next and previous page infos of a page (or of a single object that is a page)."""
        if not isinstance(result, (PaginatableList, AttribAccessDict)):
            return
        link = response.headers.get("Link")
        if not link and not offset_pagination:
            return
        items: Any = result
        if returns.page_field is not None and isinstance(result, AttribAccessDict):
            items = result.get(returns.page_field) or []
        next_info, prev_info = page_infos(
            link,
            method,
            path,
            {key: value for key, value in params.items() if key != "lang"},
            # Spelled as Mastodon.py spells it, so each library can follow the other's stored page infos.
            f"PaginatableList[{returns.item_type}]" if returns.kind == "page" else returns.item_type,
            offset_pagination=offset_pagination,
            item_count=len(items),
        )
        for info in (next_info, prev_info):
            if info is None:
                continue
            if offset_pagination:
                info["_pagination_offset"] = True
            if returns.kind != "page":
                info["_pagination_shape"] = returns.kind
            if returns.page_field is not None:
                info["_pagination_offset_field"] = returns.page_field
        result._pagination_next, result._pagination_prev = next_info, prev_info

    def _send(self, call: _Call) -> requests.Response:
        """One attempt: send ``call`` and return the answer, whatever its status; no answer is a typed error."""
        url = call.url
        request = requests.Request(
            call.method,
            url,
            headers=call.headers,
            params=call.query,
            data=call.data,
            json=call.body_json,
            files=call.files,
            auth=_no_auth,
        )
        try:
            if call.body_json is not None:  # JSON escapes a lone surrogate instead of failing: look first
                _json_text(call.body_json, "")
            prepared = _prepare(self.session, request)
        except UnicodeError as error:  # a lone surrogate in a parameter: nothing was sent
            raise MastodonIllegalArgumentError(
                f"{_unsendable_field(call)} cannot be sent: it contains a lone surrogate (invalid Unicode, often "
                "text decoded with errors='surrogateescape')"
            ) from error
        try:
            response = self._follow_redirects(call, prepared, self._transmit(prepared))
        except requests.exceptions.InvalidJSONError as error:
            raise MastodonIllegalArgumentError(f"The parameters cannot be sent as JSON: {error}") from error
        except requests.exceptions.ReadTimeout as error:
            _scrub_request(error.request, self._redaction_forms(call.secrets))
            raise MastodonReadTimeout(
                f"Timed out waiting for {call.method} {self._redact(_strip_query(url), call.secrets)}"
            ) from error
        except requests.exceptions.RequestException as error:
            _scrub_request(error.request, self._redaction_forms(call.secrets))
            parts = urlsplit(url)
            lasting = lasting_failure(error, parts.hostname or "", parts.port)
            detail = lasting or self._redact(type(error).__name__ + ": " + str(error), call.secrets)
            raised = MastodonNetworkError(
                f"No answer to {call.method} {self._redact(_strip_query(url), call.secrets)}: {detail}"
                + ("" if lasting else " (check the address and the network; the request may be retried)")
            )
            raised._lasting = lasting is not None  # type: ignore[attr-defined]
            raise raised from error
        if "Deprecation" in response.headers:
            warn(
                f"The server flags {call.path} with a Deprecation header: a later version may drop it, so look "
                "for its replacement in the API changelog",
                MastodonDeprecationWarning,
            )
        if self.debug_requests:
            self._log_response(response, call)
        return response

    def _transmit(self, prepared: requests.PreparedRequest) -> requests.Response:
        """One HTTP exchange, redirects not followed, with the proxy and TLS settings of its host.

        ``request_timeout`` bounds the exchange as a whole: connecting and each read are bounded by
        ``requests``, and the body must be read by the deadline (the socket is shut then), so a server
        that drips its answer cannot hold the call longer.
        """
        connect, read = self._timeouts()
        started = time.monotonic()
        deadline = started + (
            connect + read if isinstance(self.request_timeout, tuple) else float(self.request_timeout)
        )
        settings = {**self._send_settings(prepared.url or ""), "stream": True}
        try:
            with _deadline.attempt_deadline(deadline):
                response = send_logged(
                    self.session, prepared, timeout=(connect, read), allow_redirects=False, **settings
                )
        except requests.exceptions.RequestException as error:
            if time.monotonic() >= deadline and not isinstance(error, requests.exceptions.Timeout):
                raise requests.exceptions.ReadTimeout(
                    f"no complete answer within {deadline - started:g} s", request=prepared
                ) from error
            raise
        sock = _deadline.socket_of(response.raw)
        if sock is None:  # nothing left to wait for (a mocked transport)
            _read_body(response)
            return response
        watch = _deadline.WATCHDOG.arm(deadline, sock)
        try:
            _read_body(response)  # within the deadline
        except Exception as error:
            if time.monotonic() >= deadline:
                response.close()
                raise requests.exceptions.ReadTimeout(
                    f"the answer was not complete within {deadline - started:g} s", request=prepared
                ) from error
            raise
        finally:
            _deadline.WATCHDOG.disarm(watch)
        return response

    def _follow_redirects(
        self, call: _Call, prepared: requests.PreparedRequest, response: requests.Response
    ) -> requests.Response:
        """Follow redirects as ``requests`` would, except to another origin with this call's credentials.

        ``requests`` drops the bearer header on a redirect to another host, but a 307 or 308 sends the
        body again, wherever it points: the password, client secret or token of ``/oauth/token``. A hop
        to another origin (scheme, host, port; http -> https on the same host is the same server) whose
        request would still carry any credential is refused with an error naming the target.
        """
        hops: list[requests.Response] = []
        while response.is_redirect:
            hops.append(response)
            if len(hops) > self.session.max_redirects:
                raise requests.exceptions.TooManyRedirects(f"Exceeded {self.session.max_redirects} redirects.")
            prepared = next(self.session.resolve_redirects(response, prepared, yield_requests=True))
            target = prepared.url or ""
            if not _same_origin(call.url, target) and _carries(prepared, self._redaction_forms(call.secrets)):
                response.history = hops[:-1]
                error = self._api_error(response, call)
                error.args = (
                    error.args[0],
                    *error.args[1:3],
                    f"refused to follow the redirect to {_strip_query(target)}: the request would carry this "
                    "call's credentials to another server",
                )
                error.error = error.args[3]
                raise error
            response = self._transmit(prepared)
        response.history = hops
        return response

    def _decode(self, response: requests.Response, returns: Returns[Any], call: _Call | None = None) -> Any:
        content = response.content
        if not content or not content.strip():
            if returns is NOTHING or returns is RAW:
                return None
            if returns.item_type == EmptyResponse.__name__:
                return {}
            # Not an empty entity: a caller must not mistake "nothing came back" for success.
            raise MastodonAPIError(
                f"The server answered {response.status_code} with an empty body where {returns.item_type} was expected"
            )
        try:
            return _loads(content, response)
        except RecursionError:
            if returns is NOTHING:
                return None
            raise MastodonAPIError(
                f"The server's answer ({len(content)} bytes) is nested too deeply to decode: not a Mastodon answer"
            ) from None
        except ValueError as error:
            if returns is NOTHING:
                return None
            failure = MastodonAPIError(
                f"The server's answer ({response.status_code}, "
                f"{response.headers.get('Content-Type', 'no content type')!r}) is not JSON, so it is not an API "
                f"answer (a proxy or maintenance page?): {self._snippet(response, call)}",
                f"JSON decoder: {error}",
                response=response,
            )
            raise explain(failure) from error

    def _api_error(self, response: requests.Response, call: _Call | None = None) -> MastodonAPIError:
        """The mapped error for an error answer; it keeps the response, with the call's secrets masked in it."""
        secrets = call.secrets if call is not None else ()
        _scrub_response(response, self._redaction_forms(secrets))
        status = response.status_code
        error_text: str | None = None
        description: str | None = None
        details: dict[str, Any] | None = None
        try:
            payload = _loads(response.content, response) if response.content else None
        except (ValueError, RecursionError):
            payload = None
        if isinstance(payload, Mapping):
            raw_error = payload.get("error")
            error_text = self._redact(str(raw_error), secrets) if raw_error is not None else None
            raw_description = payload.get("error_description")
            description = self._redact(str(raw_description), secrets) if raw_description is not None else None
            raw_details = payload.get("details")
            if isinstance(raw_details, Mapping):
                details = _mask_strings(dict(raw_details), self._redaction_forms(secrets))
        elif isinstance(payload, str):
            error_text = self._redact(payload, secrets)
        elif response.content:
            kind = response.headers.get("Content-Type", "unknown content type")
            error_text = f"non-JSON body ({kind}): {self._snippet(response, call)}"
        if status == 404 and not error_text:
            error_text = "404 without a message: this server has no such endpoint or object"
        error = error_class_for_status(status)(
            "The server answered with an error",
            status,
            response.reason,
            error_text,
            error_description=description,
            details=details,
            response=response,
        )
        return explain(error)

    # -----------------------------------------------------------------------------------------
    # Logging and redaction

    def _secrets(self) -> list[str]:
        return [value for value in (self.access_token, self.client_secret, self._refresh_token) if value]

    def _redaction_forms(self, extra: tuple[str, ...] = ()) -> list[str]:
        """Every secret of this client and of one call (``extra``), in every encoding it may come back in."""
        return _secret_forms((*self._secrets(), *extra))

    def _redact(self, text: str, extra: tuple[str, ...] = ()) -> str:
        """``text`` with every secret this client holds (and the call's ``extra`` ones) replaced by ``***``."""
        return _mask_text(text, self._redaction_forms(extra))

    def _snippet(self, response: requests.Response, call: _Call | None = None) -> str:
        content = response.content
        text = self._redact(content[: _BODY_SNIPPET * 4].decode("utf-8", "replace"), call.secrets if call else ())
        if len(text) > _BODY_SNIPPET or len(content) > _BODY_SNIPPET * 4:
            text = text[:_BODY_SNIPPET] + f"... ({len(content)} bytes)"
        return repr(text)

    def _log_request(self, method: str, url: str, params: Any, headers: Mapping[str, str], files: Any) -> None:
        _ensure_debug_handler()
        shown_headers = {k: ("Bearer ***" if k == "Authorization" else v) for k, v in headers.items()}
        shown_params = _redact_mapping(params) if params else None
        logger.info(
            "mastodon sends %s %s params=%s headers=%s files=%s",
            method,
            url,
            shown_params,
            shown_headers,
            list(files) if files else None,
        )

    def _log_response(self, response: requests.Response, call: _Call | None = None) -> None:
        logger.info(
            "mastodon got HTTP %s headers=%s body=%s",
            response.status_code,
            dict(response.headers),
            _mask_secret_fields(self._snippet(response, call)),
        )

    # -----------------------------------------------------------------------------------------
    # Lifetime

    def close(self) -> None:
        """Close the HTTP session (when the client made it)."""
        if self._own_session:
            self.session.close()

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _names_a_file(value: str | PurePath) -> bool:
    """A ``client_id`` or ``access_token`` argument that names a credential file (as Mastodon.py reads them)."""
    if isinstance(value, PurePath):
        return True
    try:
        return os.path.isfile(value)
    except (TypeError, ValueError):
        return False


_HOST_PORT = r"(\[[0-9A-Fa-f:.]+\]|[^\[\]:]+)(:\d+)?"


def _refuse_plain_http(base_url: str, allow_http: bool) -> None:
    """Plain ``http://`` sends the token in clear; only loopback hosts or an explicit opt-in may use it.

    The host is parsed from the URL (user info and port dropped): only the exact name ``localhost`` and
    loopback addresses pass, not ``localhost.attacker.example`` or ``localhost@attacker.example``.
    """
    if not base_url.startswith("http://") or allow_http or os.environ.get("MASTODON_ALLOW_HTTP") == "1":
        return
    from ._validate import is_loopback_host

    host_port = re.fullmatch(_HOST_PORT, urlsplit(base_url).netloc)  # user info ("x@host") does not match
    if host_port is not None and is_loopback_host(host_port.group(1)):
        return
    raise MastodonIllegalArgumentError(
        f"{base_url} uses plain http, which would send your access token unencrypted. Use https://, or pass "
        "allow_http=True (or set MASTODON_ALLOW_HTTP=1) if this server really is only reachable over http."
    )


def _prepare(session: requests.Session, request: requests.Request) -> requests.PreparedRequest:
    """``session.prepare_request(request)``, without the merging a plain session does not need.

    ``requests`` merges the session's cookies, parameters, auth and hooks into every request it
    prepares, building and walking cookie jars and running typing-Protocol checks even when there is
    nothing to merge (55 of 115 us a preparation on its own; 18 us of a 906 us ``status(id)`` call in
    place, medians of an A/B run on a loopback server). A session with no cookies,
    parameters or auth and no response hooks (the one this client makes, and most a caller passes)
    gets the same request prepared step by step: the session's headers under the request's (a header
    set to None removed), the request's parameters, auth and hooks. Any other session, or one whose
    class prepares requests its own way, is left to ``prepare_request``.
    """
    if (
        session.cookies
        or session.params
        or session.auth is not None
        or any(session.hooks.values())
        or request.cookies
        or type(session).prepare_request is not requests.Session.prepare_request
    ):
        return session.prepare_request(request)
    from requests.cookies import RequestsCookieJar
    from requests.structures import CaseInsensitiveDict

    headers = CaseInsensitiveDict(session.headers)
    headers.update(request.headers or {})
    for name in [name for name, value in headers.items() if value is None]:
        del headers[name]
    params = request.params
    if isinstance(params, Mapping):
        params = {name: value for name, value in params.items() if value is not None}
    if not params:
        params = ""  # requests' encoder would still run two typing-Protocol checks on nothing (13 us)
    elif isinstance(params, list) and all(_is_text_pair(pair) for pair in params):
        # The core's (key, value) text pairs, encoded as requests encodes them (UTF-8 bytes, then
        # urlencode with doseq), without those checks; a text query is taken as it is.
        params = urlencode([(key.encode("utf-8"), value.encode("utf-8")) for key, value in params], doseq=True)
    prepared = requests.PreparedRequest()
    prepared.prepare_method(request.method.upper() if request.method else request.method)
    prepared.prepare_url(request.url, params)
    prepared.prepare_headers(headers)
    prepared.prepare_cookies(RequestsCookieJar())  # empty, as the merged jar would be
    prepared.prepare_body(request.data, request.files, request.json)
    prepared.prepare_auth(request.auth, request.url)
    prepared.prepare_hooks(request.hooks)
    return prepared


def _is_text_pair(pair: object) -> bool:
    return type(pair) is tuple and len(pair) == 2 and type(pair[0]) is str and type(pair[1]) is str


def _no_auth(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """An auth hook that does nothing, so ``requests`` never swaps our bearer header for .netrc basic auth."""
    return request


_SECRET_FIELD = r'("(?:access_token|refresh_token|id_token|client_secret|code_verifier|password)"\s*:\s*")[^"]*"'


def _mask_secret_fields(text: str) -> str:
    """Secret values in a JSON text (a token answer being logged) replaced by ``***``."""
    return re.sub(_SECRET_FIELD, r'\1***"', text)


def _secret_forms(secrets: tuple[str, ...]) -> list[str]:
    """Each secret as sent or echoed: as is, percent-encoded (form and path style), JSON- and HTML-escaped.

    Longest first, so a secret is masked whole before any shorter one inside it.
    """
    import html  # only errors and logging redact: html (and html.entities) stay out of every cold start

    forms: set[str] = set()
    for secret in secrets:
        if len(secret) < 4:
            continue
        forms.update(
            (
                secret,
                quote_plus(secret),
                quote(secret, safe=""),
                quote(secret),
                json.dumps(secret)[1:-1],
                json.dumps(secret, ensure_ascii=False)[1:-1],
                html.escape(secret),
            )
        )
    return sorted(forms, key=len, reverse=True)


def _mask_text(text: str, forms: list[str]) -> str:
    for form in forms:
        if form in text:
            text = text.replace(form, "***")
    return text


def _mask_strings(value: Any, forms: list[str]) -> Any:
    """A decoded JSON value with the secrets masked in every string inside it."""
    if isinstance(value, str):
        return _mask_text(value, forms)
    if isinstance(value, dict):
        return {key: _mask_strings(item, forms) for key, item in value.items()}
    if isinstance(value, list):
        return [_mask_strings(item, forms) for item in value]
    return value


def _mask_body(body: Any, forms: list[str]) -> Any:
    if isinstance(body, str):
        return _mask_text(body, forms)
    if isinstance(body, bytes):
        for form in forms:
            encoded = form.encode("utf-8")
            if encoded in body:
                body = body.replace(encoded, b"***")
    return body


def _scrub_request(request: requests.PreparedRequest | requests.Request | None, forms: list[str]) -> None:
    """Mask the credentials of a request that an exception keeps (its bearer header, its secret parameters)."""
    if not isinstance(request, requests.PreparedRequest):
        return
    if "Authorization" in request.headers:
        request.headers["Authorization"] = "Bearer ***"
    if request.url:
        request.url = _mask_text(request.url, forms)
    request.body = _mask_body(request.body, forms)


def _scrub_response(response: requests.Response, forms: list[str]) -> None:
    """Mask credentials in an error's response (and its redirects): the request it answered, and any echo."""
    for each in (*response.history, response):
        if each.request is not None:
            clean = each.request.copy()
            _scrub_request(clean, forms)
            each.request = clean
        if isinstance(each._content, bytes):
            each._content = _mask_body(each._content, forms)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    return parts.scheme, (parts.hostname or ""), port or {"https": 443, "http": 80}.get(parts.scheme)


def _same_origin(first: str, then: str) -> bool:
    """Whether ``then`` is the server of ``first`` (an upgrade from http:80 to https:443 on one host counts)."""
    a, b = _origin(first), _origin(then)
    return a == b or (a[1] == b[1] and (a[0], a[2], b[0], b[2]) == ("http", 80, "https", 443))


def _carries(request: requests.PreparedRequest, forms: list[str]) -> bool:
    """Whether a request holds a credential: a bearer header, or a secret in its URL or body."""
    if "Authorization" in request.headers:
        return True
    body = request.body
    if isinstance(body, bytes):
        return any(form.encode("utf-8") in body for form in forms) or any(form in (request.url or "") for form in forms)
    text = (body if isinstance(body, str) else "") + (request.url or "")
    return any(form in text for form in forms)


def _json_text(value: Any, where: str) -> None:
    """Raise UnicodeEncodeError (naming the key in its ``object``) for a lone surrogate in a JSON body."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise UnicodeEncodeError("utf-8", where, 0, 1, error.reason) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _json_text(item, f"{where}[{key}]" if where else str(key))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _json_text(item, f"{where}[]")


def _unsendable_field(call: _Call) -> str:
    """The name of the first parameter (or the path) that is not valid Unicode, for an error message."""
    if call.body_json is not None:
        try:
            _json_text(call.body_json, "")
        except UnicodeEncodeError as error:
            return f"the parameter {error.object!r}"
    pairs = list(call.query or ()) + list(call.data if isinstance(call.data, list) else ())
    for key, value in pairs:
        for text in (key, value):
            try:
                str(text).encode("utf-8")
            except UnicodeError:
                return f"the parameter {str(key).encode('utf-8', 'backslashreplace').decode()!r}"
    return "the request"


def _loads(content: bytes, response: requests.Response) -> Any:
    """The JSON of a body. Bytes that are invalid in the body's charset (UTF-8 unless the server names
    another) become U+FFFD, as ``response.text`` would make them, instead of failing the whole answer.
    Nesting deeper than Python's recursion limit raises RecursionError (the callers make it typed)."""
    try:
        return json.loads(content)
    except UnicodeDecodeError:
        charset = response.encoding or "utf-8"
        try:
            text = content.decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            text = content.decode("utf-8", "replace")
        return json.loads(text)


def _too_long(call: _Call, wait: float, now: float, allowed: float) -> str:
    import datetime as _dt

    try:
        when = _dt.datetime.fromtimestamp(now + wait, _dt.timezone.utc).replace(microsecond=0).isoformat()
    except (OverflowError, OSError, ValueError):  # a reset the server put beyond any calendar
        when = "a time no calendar holds"
    return (
        f"The rate limit for {call.method} {call.path} resets at {when} (in {wait:.0f} s), "
        f"later than the retry policy waits at once (ratelimit_max_wait={allowed:g} s). Try again after the reset."
    )


def _strip_query(url: str) -> str:
    return url.split("?", 1)[0]


def _rewind(files: Any) -> None:
    """Put file objects back at their start, so a retried upload sends the whole file again."""
    if not hasattr(files, "values"):
        return
    for value in files.values():
        handle = value[1] if isinstance(value, tuple) and len(value) > 1 else value
        if hasattr(handle, "seek"):
            try:
                handle.seek(0)
            except (OSError, ValueError):
                pass


_debug_handler_added = False


def _ensure_debug_handler() -> None:
    """With ``debug_requests`` and no logging set up, show the ``mastodon`` logger on stderr."""
    global _debug_handler_added
    if _debug_handler_added or logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _debug_handler_added = True
