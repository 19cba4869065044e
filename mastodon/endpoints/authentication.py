"""App registration, OAuth logins, tokens and their revocation.

The wire format is Mastodon.py's: ``POST /api/v1/apps`` with ``client_name``, ``scopes``,
``redirect_uris`` (several joined by newlines) and ``website``; ``POST /oauth/token`` with the grant's
fields, ``grant_type``, ``client_id``, ``client_secret`` and ``scope``; ``POST /oauth/revoke`` with
``client_id``, ``client_secret`` and ``token``. The OAuth endpoints are taken from
``/.well-known/oauth-authorization-server`` (Mastodon 4.3+) where the server has it, else the
classic paths. OAuth endpoints never receive the bearer token in a header, and secrets never appear
in logs, reprs or exception texts.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import sys
import urllib.parse
import webbrowser
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any, TextIO

import requests

from .._core import RAW, Core, One
from .._credentials import Credentials, read_legacy_file, write_credentials
from .._oauth import (
    DEFAULT_SCOPES,
    OOB,
    AuthorizationRequest,
    CallbackResult,
    LoopbackReceiver,
    check_instance_url,
    check_oauth_url,
    make_pkce,
    make_state,
    missing_scopes,
    nodeinfo_link,
    parse_callback,
    scope_list,
    software_from_nodeinfo,
    split_url,
)
from .._versions import ServerVersion, api_version
from .._warn import warn
from ..errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError
from ..return_types import Application, OAuthServerInfo, OAuthUserInfo
from ..types_base import AttribAccessDict

__all__ = ["AuthenticationMixin"]

logger = logging.getLogger("mastodon")

_DISCOVERY_PATH = "/.well-known/oauth-authorization-server"
_TOKEN_SECRETS = ("access_token", "refresh_token", "id_token", "client_secret")
_PENDING = "oauth_pending_authorizations"


def _allow_http_from_environment() -> bool:
    return os.environ.get("MASTODON_ALLOW_HTTP", "").strip().lower() in ("1", "true", "yes")


def _redirect_uris_text(redirect_uris: str | list[str] | tuple[str, ...] | None) -> str:
    if redirect_uris is None:
        return OOB
    if isinstance(redirect_uris, str):
        return redirect_uris
    if isinstance(redirect_uris, (list, tuple)) and all(isinstance(uri, str) for uri in redirect_uris):
        if not redirect_uris:
            raise MastodonIllegalArgumentError("redirect_uris must not be an empty list")
        return "\n".join(redirect_uris)
    raise MastodonIllegalArgumentError(
        f"redirect_uris must be a string or a list of strings, not {type(redirect_uris).__name__}"
    )


def _redacted_body(body: Any) -> Any:
    if isinstance(body, Mapping):
        return {key: ("***" if key in _TOKEN_SECRETS and value else value) for key, value in body.items()}
    return body


_GRANT_HINTS = {
    "password": "the username (the account's e-mail address) or the password is wrong",
    "authorization_code": (
        "the code is wrong, expired or already used, or redirect_uri is not the one the authorize URL used "
        "({redirect_uri}), or the PKCE verifier does not match the challenge"
    ),
    "refresh_token": "the refresh token is wrong, revoked or already used",
}


class AuthenticationMixin(Core):
    """App registration, OAuth logins, tokens and their revocation."""

    # -----------------------------------------------------------------------------------------
    # Registering apps

    @staticmethod
    def create_app(
        client_name: str,
        scopes: list[str] = DEFAULT_SCOPES,
        redirect_uris: str | list[str] | None = None,
        website: str | None = None,
        to_file: str | PurePath | None = None,
        api_base_url: str | None = None,
        request_timeout: float = 300,
        session: requests.Session | None = None,
        user_agent: str = "mastodonpy",
    ) -> tuple[str, str]:
        """Register an app on the instance at ``api_base_url``; returns ``(client_id, client_secret)``.

        ``redirect_uris`` is one URI or a list (sent joined by newlines); without it the app uses the
        out-of-band URI that shows the code. ``to_file`` writes the client credential file (Mastodon.py's
        line format, or the JSON format for a ``.json`` path), readable by the owner alone. Plain
        ``http://`` instances are refused unless loopback or ``MASTODON_ALLOW_HTTP=1`` is set.
        """
        if not isinstance(client_name, str) or not client_name.strip():
            raise MastodonIllegalArgumentError("client_name must be a non-empty string")
        if api_base_url is None:
            raise MastodonIllegalArgumentError(
                "create_app needs the instance to register with: pass api_base_url (e.g. 'mastodon.social')"
            )
        base = check_instance_url(api_base_url, allow_http=_allow_http_from_environment())
        scope_names = scope_list(scopes)
        return _register_app(
            base, client_name, scope_names, redirect_uris, website, to_file, request_timeout, session, user_agent
        )

    @staticmethod
    def check_instance_url(url: str, allow_http: bool = False, public_only: bool = False) -> str:
        """An instance URL made safe: ``host`` -> ``https://host``; ``http://`` refused unless loopback or
        ``allow_http``; with ``public_only``, hosts resolving to private, loopback, link-local or metadata
        addresses are refused (for services that take instance names from untrusted users).

        ``public_only`` checks the addresses the name resolves to at the time of the check; later
        requests resolve it again, so DNS rebinding (a public answer first, a private one later) is not
        stopped by it. Block private destinations at the network's egress as well.
        """
        return check_instance_url(url, allow_http=allow_http, public_only=public_only)

    # -----------------------------------------------------------------------------------------
    # Discovery

    def oauth_authorization_server_info(self) -> OAuthServerInfo | AttribAccessDict:
        """The server's OAuth metadata (RFC 8414, Mastodon 4.3+); an empty dict where the server has none."""
        try:
            return self._request("GET", _DISCOVERY_PATH, One(OAuthServerInfo), {}, do_ratelimiting=False)
        except MastodonAPIError:
            # 404 on Mastodon < 4.3 and most forks; some serve their web UI (HTML) instead.
            return AttribAccessDict()

    def _oauth_endpoint(
        self, info: Mapping[str, Any], key: str, default_path: str, allow_http: bool, loopback_ok: bool = True
    ) -> tuple[str, str]:
        """``(base URL, path)`` of an OAuth endpoint: the discovered one (checked), or the classic path."""
        discovered = info.get(key)
        if discovered is None:
            assert self.api_base_url is not None
            return self.api_base_url, default_path
        url = check_oauth_url(str(discovered), allow_http=allow_http, what=key, loopback_ok=loopback_ok)
        return split_url(url)

    # -----------------------------------------------------------------------------------------
    # Authorization URLs

    def _client_id_for(self, client_id: str | PurePath | None) -> str:
        if client_id is None:
            if self.client_id is None:
                raise MastodonIllegalArgumentError(
                    "No client id: pass client_id, or create the client with the app's client_id and client_secret"
                )
            return self.client_id
        if isinstance(client_id, PurePath) or os.path.isfile(client_id):
            return read_legacy_file(client_id, "client credential").lines[0]
        return str(client_id)

    def _authorize_url(
        self,
        client_id: str,
        redirect_uri: str,
        scopes: list[str],
        force_login: bool,
        state: str | None,
        lang: str | None,
        skip_server_info: bool,
        allow_http: bool,
        code_challenge: str | None = None,
        loopback_ok: bool = True,
    ) -> str:
        if not isinstance(redirect_uri, str) or not redirect_uri:
            raise MastodonIllegalArgumentError("redirect_uris must be one redirect URI (a string)")
        query: list[tuple[str, str]] = [
            ("client_id", client_id),
            ("response_type", "code"),
            ("redirect_uri", redirect_uri),
            ("scope", " ".join(scopes)),
            ("force_login", str(bool(force_login))),
        ]
        if state is not None:
            query.append(("state", state))
        if lang is not None:
            query.append(("lang", lang))
        if code_challenge is not None:
            query += [("code_challenge", code_challenge), ("code_challenge_method", "S256")]
        assert self.api_base_url is not None
        endpoint = self.api_base_url + "/oauth/authorize"
        if not skip_server_info:
            info = self.oauth_authorization_server_info()
            if "authorization_endpoint" in info:
                endpoint = check_oauth_url(
                    str(info["authorization_endpoint"]),
                    allow_http=allow_http,
                    what="authorization_endpoint",
                    loopback_ok=loopback_ok,
                )
        return endpoint + "?" + urllib.parse.urlencode(query)

    def auth_request_url(
        self,
        client_id: str | PurePath | None = None,
        redirect_uris: str = OOB,
        scopes: list[str] = DEFAULT_SCOPES,
        force_login: bool = False,
        state: str | None = None,
        lang: str | None = None,
        skip_server_info: bool = False,
        allow_http: bool = False,
    ) -> str:
        """The URL to send a user to for an authorization code (the discovered authorize endpoint, or
        ``/oauth/authorize``). For PKCE and a checked ``state``, use :meth:`begin_login`.

        The discovered endpoint must be https (``allow_http`` also accepts http) without query,
        fragment or user info. ``force_login`` asks the server to show its login form even when the user
        is logged in; ``lang`` picks the form's language.
        """
        with self._lock:
            # A code from this URL has no PKCE challenge: log_in(code=...) must not send an older verifier.
            self._cache.get(_PENDING, {}).pop(redirect_uris, None)
        return self._authorize_url(
            self._client_id_for(client_id),
            redirect_uris,
            scope_list(scopes),
            force_login,
            state,
            lang,
            skip_server_info,
            allow_http,
            loopback_ok=False,  # as Mastodon.py: plain http only with allow_http, even on 127.0.0.1
        )

    def begin_login(
        self,
        redirect_uri: str = OOB,
        scopes: list[str] = DEFAULT_SCOPES,
        force_login: bool = False,
        lang: str | None = None,
        state: str | None = None,
        pkce: bool = True,
        client_id: str | PurePath | None = None,
        skip_server_info: bool = False,
        allow_http: bool = False,
    ) -> AuthorizationRequest:
        """Start an authorization-code login with PKCE (S256) and a random ``state``.

        Send the user to ``.url``; then pass the code, or the whole redirect URL, to
        :meth:`complete_login` (which checks the state and sends the PKCE verifier). ``log_in(code=...)``
        on this client also sends the verifier of the pending login for the same redirect URI.
        """
        client = self._client_id_for(client_id)
        scope_names = scope_list(scopes)
        verifier, challenge = make_pkce() if pkce else (None, None)
        chosen_state = state if state is not None else make_state()
        url = self._authorize_url(
            client, redirect_uri, scope_names, force_login, chosen_state, lang, skip_server_info, allow_http, challenge
        )
        request = AuthorizationRequest(url, client, redirect_uri, tuple(scope_names), chosen_state, verifier, challenge)
        with self._lock:
            self._cache.setdefault(_PENDING, {})[redirect_uri] = request
        return request

    def complete_login(
        self,
        request: AuthorizationRequest,
        response: str,
        to_file: str | PurePath | None = None,
        allow_http: bool = False,
    ) -> str:
        """Finish a login started with :meth:`begin_login`: ``response`` is the code or the redirect URL.

        Refuses a redirect carrying an error or a ``state`` other than the one sent (or none, when the
        redirect URL is given), then exchanges the code with the PKCE verifier. Returns the token.
        """
        if not isinstance(response, str) or not response.strip():
            raise MastodonIllegalArgumentError("response must be the authorization code or the redirect URL")
        result = parse_callback(response)
        self._check_callback(request, result, came_as_url=result.code != response.strip())
        assert result.code is not None
        return self._grant(
            "authorization_code",
            {"code": result.code, "redirect_uri": request.redirect_uri, "code_verifier": request.code_verifier},
            list(request.scopes),
            to_file,
            allow_http,
            redirect_uri=request.redirect_uri,
        )

    @staticmethod
    def _check_callback(request: AuthorizationRequest, result: CallbackResult, came_as_url: bool) -> None:
        if result.error is not None:
            detail = f" ({result.error_description})" if result.error_description else ""
            raise MastodonIllegalArgumentError(f"The server did not authorize the app: {result.error}{detail}")
        if result.code is None:
            raise MastodonIllegalArgumentError("The redirect carries no authorization code")
        if request.state is not None and (came_as_url or result.state is not None):
            if result.state != request.state:
                raise MastodonIllegalArgumentError(
                    "The redirect's state does not match the one sent: refusing the code (possible CSRF or a "
                    "redirect from another login attempt)"
                )

    # -----------------------------------------------------------------------------------------
    # Tokens

    def log_in(
        self,
        username: str | None = None,
        password: str | None = None,
        code: str | None = None,
        redirect_uri: str = OOB,
        refresh_token: str | None = None,
        scopes: list[str] = DEFAULT_SCOPES,
        to_file: str | PurePath | None = None,
        allow_http: bool = False,
    ) -> str:
        """Get a token with the authorization code, a refresh token, or (deprecated) a password; returns it.

        The password grant is gone from Mastodon 4.4: when the server's metadata does not offer it, this
        raises before the password is sent anywhere. A refused grant raises
        :class:`MastodonIllegalArgumentError` saying what is the likely cause; granted scopes narrower than
        ``scopes`` raise :class:`MastodonAPIError` naming the missing ones. ``to_file`` writes the token
        file (Mastodon.py's format, or JSON for a ``.json`` path) privately.
        """
        scope_names = scope_list(scopes)
        if username is not None and password is not None:
            grant, fields = "password", {"username": username, "password": password, "redirect_uri": redirect_uri}
        elif code is not None:
            grant, fields = "authorization_code", {"code": code, "redirect_uri": redirect_uri}
            with self._lock:
                pending = self._cache.get(_PENDING, {}).get(redirect_uri)
            if isinstance(pending, AuthorizationRequest) and pending.code_verifier is not None:
                fields["code_verifier"] = pending.code_verifier
        elif refresh_token is not None:
            grant, fields = "refresh_token", {"redirect_uri": redirect_uri, "refresh_token": refresh_token}
        else:
            raise MastodonIllegalArgumentError(
                "log_in needs a way to log in: username and password, code (from auth_request_url), or "
                "refresh_token; none was given"
            )
        # As Mastodon.py: a plain-http token endpoint only with allow_http, even on 127.0.0.1.
        return self._grant(
            grant, fields, scope_names, to_file, allow_http, redirect_uri=redirect_uri, loopback_ok=False
        )

    def client_credentials_login(
        self,
        scopes: list[str] | None = None,
        to_file: str | PurePath | None = None,
        allow_http: bool = False,
    ) -> str:
        """Get an app-only token (the ``client_credentials`` grant), use it, and return it.

        App tokens see public data and ``app_verify_credentials``; ``scopes`` defaults to the server's
        default (``read``).
        """
        scope_names = scope_list(scopes) if scopes is not None else []
        return self._grant("client_credentials", {}, scope_names, to_file, allow_http)

    def _grant(
        self,
        grant: str,
        fields: dict[str, Any],
        scopes: list[str],
        to_file: str | PurePath | None,
        allow_http: bool,
        redirect_uri: str | None = None,
        loopback_ok: bool = True,
    ) -> str:
        """One token request: checks, discovery, the POST, the scope check, the state update and the file."""
        if self.client_id is None:
            raise MastodonIllegalArgumentError(
                "log_in needs the app's client id and secret: create the client with client_id and client_secret "
                "(or a client credential file)"
            )
        info = self.oauth_authorization_server_info()
        supported = info.get("grant_types_supported")
        if isinstance(supported, list) and grant not in supported:
            if grant == "password":
                raise MastodonIllegalArgumentError(
                    "This server does not offer the password grant (Mastodon removed it in 4.4.0). Use the "
                    "authorization code flow instead: interactive_login(), or begin_login() and complete_login(), "
                    "or auth_request_url() and log_in(code=...)."
                )
            raise MastodonIllegalArgumentError(
                f"This server does not offer the {grant} grant (it offers: {', '.join(map(str, supported))})"
            )
        if grant == "password":
            warn(
                "The password grant is deprecated (OAuth 2.1 removes it; Mastodon 4.4 has dropped it); "
                "use the authorization code flow",
                DeprecationWarning,
            )
        base, path = self._oauth_endpoint(info, "token_endpoint", "/oauth/token", allow_http, loopback_ok)
        params: dict[str, Any] = dict(fields)
        params.update(
            grant_type=grant,
            client_id=self.client_id,
            client_secret=self.client_secret,
            scope=" ".join(scopes) if scopes else None,
        )
        try:
            answer = self._quiet_request("POST", base, path, params)
        except MastodonAPIError as error:
            _scrub(error, [value for key, value in params.items() if key in _SECRET_FIELDS])
            if error.error == "invalid_scope":
                raise _scope_error(scopes, _registered_scopes.get((self.api_base_url, self.client_id))) from error
            raise self._grant_error(grant, error, redirect_uri) from error
        if not isinstance(answer, Mapping) or not isinstance(answer.get("access_token"), str):
            raise MastodonAPIError("The token endpoint answered without an access_token")
        token: str = answer["access_token"]
        with self._lock:
            self.access_token = token
            refresh = answer.get("refresh_token")
            self._refresh_token = refresh if isinstance(refresh, str) else None
            expires_in = answer.get("expires_in")
            self._token_expired = (
                _dt.datetime.now() + _dt.timedelta(seconds=int(expires_in))
                if isinstance(expires_in, (int, float)) and not isinstance(expires_in, bool)
                else None
            )
            self._cache.pop("logged_in_id", None)
            pending = self._cache.get(_PENDING)
            if grant == "authorization_code" and isinstance(pending, dict) and redirect_uri is not None:
                pending.pop(redirect_uri, None)
        granted = answer.get("scope")
        if isinstance(granted, str) and scopes:
            missing = missing_scopes(scopes, granted.split())
            if missing:
                raise MastodonAPIError(
                    f"The token was granted {granted!r}, short of what was asked ({' '.join(scopes)!r}): missing "
                    f"{', '.join(missing)}. Ask only for scopes the app was registered with"
                )
        if to_file is not None:
            self._write_token_file(to_file, scopes or (granted.split() if isinstance(granted, str) else None))
        if self._server_version is None and self.version_check_mode != "none":
            self._detect_version()
        return token

    def _quiet_request(self, method: str, base: str, path: str, params: dict[str, Any]) -> Any:
        """A request to an OAuth endpoint: no bearer header, no rate limiting, and with ``debug_requests``
        the answer logged with its tokens masked (the core would show them, not knowing them yet)."""
        if not self.debug_requests:
            return self._request(method, path, RAW, params, base_url=base, auth=False, do_ratelimiting=False)
        with self._lock:
            self.debug_requests = False
            try:
                logger.info(
                    "mastodon sends %s %s%s params=%s",
                    method,
                    base,
                    path,
                    [
                        (key, "***" if key in _SECRET_FIELDS else value)
                        for key, value in params.items()
                        if value is not None
                    ],
                )
                answer = self._request(method, path, RAW, params, base_url=base, auth=False, do_ratelimiting=False)
                logger.info("token endpoint answered (secrets hidden): %s", json.dumps(_redacted_body(answer)))
                return answer
            finally:
                self.debug_requests = True

    @staticmethod
    def _grant_error(grant: str, error: MastodonAPIError, redirect_uri: str | None) -> MastodonIllegalArgumentError:
        kind = error.error or ""
        if kind == "invalid_grant":
            hint = _GRANT_HINTS.get(grant, "the grant was refused").format(redirect_uri=redirect_uri)
            text = f"The server refused the {grant} grant (invalid_grant): likely {hint}"
        elif kind == "invalid_client":
            text = "The server does not recognise the app (invalid_client): the client id or secret is wrong"
        elif kind == "unsupported_grant_type":
            text = f"This server does not support the {grant} grant (unsupported_grant_type)"
        else:
            text = f"The token request failed: {error}"
        return MastodonIllegalArgumentError(text)

    def _write_token_file(self, to_file: str | PurePath, scopes: list[str] | None) -> None:
        assert self.api_base_url is not None and self.access_token is not None
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError(
                "to_file needs the app's client_id and client_secret too (they go in the token file); "
                "create the client with them"
            )
        credentials = Credentials(
            api_base_url=self.api_base_url,
            client_id=self.client_id,
            client_secret=self.client_secret,
            access_token=self.access_token,
            refresh_token=self._refresh_token,
            scopes=scopes,
        )
        write_credentials(to_file, credentials, kind="json" if os.fspath(to_file).endswith(".json") else "token")

    def persistable_login_credentials(self) -> str:
        """The token file's text (token, base URL, client id, secret): a secret, to store with care."""
        if self.access_token is None:
            raise MastodonIllegalArgumentError("Nothing to persist: this client has no access token yet (log in first)")
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError(
                "The token file also holds the app's client_id and client_secret, and this client lacks them"
            )
        assert self.api_base_url is not None
        return f"{self.access_token}\n{self.api_base_url}\n{self.client_id}\n{self.client_secret}\n"

    def revoke_access_token(self, allow_http: bool = False) -> None:
        """Revoke this client's token at the (discovered) revocation endpoint; the client is logged out."""
        if self.access_token is None:
            raise MastodonIllegalArgumentError("Nothing to revoke: this client has no access token")
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError(
                "Revoking a token needs the app's client_id and client_secret; create the client with them"
            )
        info = self.oauth_authorization_server_info()
        base, path = self._oauth_endpoint(info, "revocation_endpoint", "/oauth/revoke", allow_http)
        params = {"client_id": self.client_id, "client_secret": self.client_secret, "token": self.access_token}
        self._quiet_request("POST", base, path, params)
        with self._lock:
            self.access_token = None
            self._refresh_token = None
            self._cache.pop("logged_in_id", None)

    # -----------------------------------------------------------------------------------------
    # Who is this

    @api_version("4.3.0", "4.3.0")
    def oauth_userinfo(self) -> OAuthUserInfo:
        """OpenID Connect claims about the token's user (the discovered userinfo endpoint; ``profile`` scope)."""
        info = self.oauth_authorization_server_info()
        base, path = self._oauth_endpoint(info, "userinfo_endpoint", "/oauth/userinfo", False)
        return self._request("GET", path, One(OAuthUserInfo), {}, base_url=base, do_ratelimiting=False)

    @api_version("2.0.0", "2.7.2")
    def app_verify_credentials(self) -> Application:
        """The application the token belongs to; works with app and user tokens."""
        return self._get("/api/v1/apps/verify_credentials", Application)

    def detect_server(self) -> ServerVersion:
        """Which software and version the instance runs, from nodeinfo and the instance document.

        ``software`` is e.g. ``mastodon``, ``pleroma``, ``akkoma``, ``gotosocial``, ``pixelfed`` or
        ``sharkey``; ``compatible`` is the Mastodon API level the instance document claims. Cached.
        """
        with self._lock:
            cached = self._cache.get("detected_server")
        if isinstance(cached, ServerVersion):
            return cached
        detected = self._detect_version()
        software: tuple[str, str] | None = None
        try:
            links = self._request("GET", "/.well-known/nodeinfo", RAW, {}, do_ratelimiting=False)
            href = nodeinfo_link(links)
            if href is not None:
                base, path = split_url(check_oauth_url(href, what="nodeinfo link", loopback_ok=True))
                document = self._request("GET", path, RAW, {}, base_url=base, auth=False, do_ratelimiting=False)
                software = software_from_nodeinfo(document)
        except (MastodonAPIError, MastodonNetworkError, MastodonIllegalArgumentError):
            software = None
        if (
            software is not None
            and software[0] not in ("mastodon", "")
            and detected.software in ("mastodon", "unknown")
        ):
            detected = detected._replace(
                software=software[0], software_version=software[1] or detected.software_version
            )
        elif software is not None and software[0] == detected.software and software[1]:
            detected = detected._replace(software_version=software[1])
        with self._lock:
            self._server_version = detected
            self._cache["detected_server"] = detected
        return detected

    # -----------------------------------------------------------------------------------------
    # One-call interactive login

    def interactive_login(
        self,
        scopes: list[str] = DEFAULT_SCOPES,
        to_file: str | PurePath | None = None,
        open_browser: bool | Callable[[str], bool] = True,
        port: int = 0,
        timeout: float = 300.0,
        force_login: bool = False,
        lang: str | None = None,
        allow_http: bool = False,
        app_name: str | None = None,
        input_func: Callable[[str], str] | None = None,
        output: TextIO | None = None,
    ) -> str:
        """Log in a user in one call: open the authorize page, catch the code, get the token; returns it.

        The code arrives on a one-shot listener at ``http://127.0.0.1:<port>/`` (RFC 8252; a free port
        when ``port`` is 0). Where no browser can be opened (``open_browser=False``, or none available),
        the out-of-band page shows the code and the user pastes it (or the redirect URL). Without a
        client id the app is registered first (``app_name``, redirect URIs: the loopback one and the
        out-of-band one). PKCE and ``state`` are always used. ``open_browser`` may be a callable taking the
        URL and returning whether it opened it (for tests and custom launchers).
        """
        scope_names = scope_list(scopes)
        assert self.api_base_url is not None
        check_instance_url(self.api_base_url, allow_http=allow_http)
        out = output if output is not None else sys.stderr
        receiver = LoopbackReceiver(port=port)
        try:
            if self.client_id is None:
                self.client_id, self.client_secret = _register_app(
                    self.api_base_url,
                    app_name or self.user_agent or "mastodon",
                    scope_names,
                    [receiver.redirect_uri, OOB],
                    None,
                    None,
                    self.request_timeout,
                    self.session,
                    self.user_agent,
                )
            opener = _browser_opener(open_browser)
            if opener is not None:
                request = self.begin_login(receiver.redirect_uri, scope_names, force_login, lang, allow_http=allow_http)
                out.write(f"Opening the login page of {self.api_base_url} in your browser...\n")
                out.flush()
                if opener(request.url):
                    result = receiver.wait(timeout, state=request.state)
                    self._check_callback(request, result, came_as_url=True)
                    assert result.code is not None
                    return self._grant(
                        "authorization_code",
                        {
                            "code": result.code,
                            "redirect_uri": request.redirect_uri,
                            "code_verifier": request.code_verifier,
                        },
                        scope_names,
                        to_file,
                        allow_http,
                        redirect_uri=request.redirect_uri,
                    )
            receiver.close()
            request = self.begin_login(OOB, scope_names, force_login, lang, allow_http=allow_http)
            out.write(
                "Open this address in a browser, log in and authorize the app:\n\n"
                f"    {request.url}\n\nThen paste the code shown (or the address you were sent to).\n"
            )
            out.flush()
            ask = input_func if input_func is not None else input
            answer = ask("Code: ")
            return self.complete_login(request, answer, to_file=to_file, allow_http=allow_http)
        finally:
            receiver.close()


# The scopes of the apps registered by this process, by (base URL, client id): to say which scopes an
# app lacks when a token request is refused with invalid_scope.
_registered_scopes: dict[tuple[str | None, str | None], list[str]] = {}


def _covers(granted: list[str], scope: str) -> bool:
    """Whether ``granted`` includes ``scope`` itself or a parent of it (``read`` covers ``read:statuses``)."""
    parts = scope.split(":")
    return any(":".join(parts[:length]) in granted for length in range(1, len(parts) + 1))


def _scope_error(requested: list[str], registered: list[str] | None) -> MastodonIllegalArgumentError:
    """The error for invalid_scope: the scopes asked for that the app lacks, where this process knows them."""
    asked = " ".join(requested) or "(none)"
    if registered is not None:
        missing = [scope for scope in requested if not _covers(registered, scope)]
        return MastodonIllegalArgumentError(
            f"The app was registered with the scopes {' '.join(registered)!r} and lacks {' '.join(missing)!r} "
            f"(invalid_scope): ask for no more than it has (scopes={registered!r}), or register a new app with "
            f"create_app(..., scopes={requested!r})"
        )
    return MastodonIllegalArgumentError(
        f"The server refused the scopes {asked!r}: the app was not registered with all of them (invalid_scope). "
        f"Ask only for the scopes given to create_app when the app was registered, or register a new app with "
        f"create_app(..., scopes={requested!r})"
    )


def _register_app(
    base: str,
    client_name: str,
    scopes: list[str],
    redirect_uris: str | list[str] | None,
    website: str | None,
    to_file: str | PurePath | None,
    request_timeout: float | tuple[float, float],
    session: requests.Session | None,
    user_agent: str,
) -> tuple[str, str]:
    """POST /api/v1/apps through a throwaway core (no token, no rate limiting); optionally write the file."""
    params = {
        "client_name": client_name,
        "scopes": " ".join(scopes),
        "redirect_uris": _redirect_uris_text(redirect_uris),
        "website": website,
    }
    # access_token="": registering an app sends no token, so none is looked up in the environment.
    client = Core(
        api_base_url=base, access_token="", request_timeout=request_timeout, session=session, user_agent=user_agent
    )
    client.access_token = None
    client.client_secret = None
    try:
        answer = client._request("POST", "/api/v1/apps", RAW, params, do_ratelimiting=False, auth=False)
    finally:
        client.close()
    if (
        not isinstance(answer, Mapping)
        or not isinstance(answer.get("client_id"), str)
        or not isinstance(answer.get("client_secret"), str)
    ):
        keys = sorted(answer) if isinstance(answer, Mapping) else type(answer).__name__
        raise MastodonAPIError(
            f"The server registered no app: its answer to POST /api/v1/apps has no client_id and client_secret "
            f"(keys: {keys})"
        )
    client_id, client_secret = answer["client_id"], answer["client_secret"]
    _registered_scopes[(base, client_id)] = list(scopes)
    if to_file is not None:
        write_credentials(
            to_file,
            Credentials(
                api_base_url=base,
                client_id=client_id,
                client_secret=client_secret,
                scopes=scopes,
                app_name=client_name,
            ),
            kind="json" if os.fspath(to_file).endswith(".json") else "client",
        )
    return client_id, client_secret


_GENERIC = ("mastodon", "unknown")
_SECRET_FIELDS = frozenset({"password", "client_secret", "code", "refresh_token", "token", "code_verifier"})


def _scrub(error: MastodonAPIError, secrets: list[Any]) -> None:
    """Mask the secrets this request sent wherever the server's error echoes them."""
    values = [value for value in secrets if isinstance(value, str) and len(value) >= 4]

    def clean(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        for value in values:
            text = text.replace(value, "***")
        return text

    error.args = tuple(clean(arg) for arg in error.args)
    error.error = clean(error.error)
    error.error_description = clean(error.error_description)


def _browser_opener(open_browser: bool | Callable[[str], bool]) -> Callable[[str], bool] | None:
    """The function that opens a URL in a browser, or None where there is no usable browser."""
    if callable(open_browser):
        return open_browser
    if not open_browser:
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None  # no graphical session: webbrowser would start a text browser in this terminal
    try:
        webbrowser.get()
    except webbrowser.Error:
        return None
    return webbrowser.open
