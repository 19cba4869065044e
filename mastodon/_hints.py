"""Kinder errors: what went wrong and what to do next, added to the errors the core raises.

- :func:`explain` adds a ``hint`` to an API error (shown by ``str(error)``; ``error.args`` keeps
  Mastodon.py's shape): a refused token (401, and the 400 "Invalid Bearer token" some servers answer,
  which becomes a :class:`~mastodon.errors.MastodonUnauthorizedError`) says to log in again; a 403
  "outside the authorized scopes" names the scope the method needs (from :mod:`mastodon._scopes`); a
  web page where JSON was expected says that ``api_base_url`` is not a Mastodon API.
- :func:`unknown_arguments` finds the constructor's misspelt keyword arguments (``base_url``: did
  you mean ``api_base_url``?).
- :func:`check_credential_value` refuses an ``access_token`` or ``client_id`` that looks like a file
  name when there is no such file, instead of sending the name as a token.
- :func:`check_base_url` refuses an ``api_base_url`` that is a profile or post address.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from .errors import (
    MastodonAPIError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonUnauthorizedError,
)

__all__ = ["check_base_url", "check_credential_value", "explain", "needed_scope", "unknown_arguments"]

# Names people write for the constructor's arguments that difflib would not find.
_ALIASES = {
    "base_url": "api_base_url",
    "url": "api_base_url",
    "instance": "api_base_url",
    "instance_url": "api_base_url",
    "server": "api_base_url",
    "host": "api_base_url",
    "token": "access_token",
    "bearer_token": "access_token",
    "secret": "client_secret",
    "app_id": "client_id",
    "timeout": "request_timeout",
    "ratelimit": "ratelimit_method",
    "rate_limit_method": "ratelimit_method",
    "version": "mastodon_version",
    "useragent": "user_agent",
    "debug": "debug_requests",
}

_CO_VARKEYWORDS = 0x08  # inspect.CO_VARKEYWORDS, without importing inspect
_TOKEN_ANSWERS = ("invalid bearer token", "the access token is invalid", "invalid access token")
_FILE_SUFFIXES = (".secret", ".txt", ".json", ".token", ".cfg", ".ini", ".env", ".yaml", ".yml", ".toml")


def unknown_arguments(given: Iterable[str], known: Iterable[str], callable_name: str) -> str | None:
    """A message for the first keyword in ``given`` that is not in ``known``, with a suggestion; or None."""
    import difflib  # only when a name is wrong

    known_names = list(known)
    for name in given:
        if name in known_names:
            continue
        suggestion = _ALIASES.get(name.lower())
        if suggestion not in known_names:
            close = difflib.get_close_matches(name, known_names, n=1, cutoff=0.6)
            suggestion = close[0] if close else None
        text = f"{callable_name}() got an unexpected keyword argument {name!r}"
        return text + (f"; did you mean {suggestion!r}?" if suggestion else "")
    return None


def check_credential_value(name: str, value: str | PurePath | None) -> None:
    """Refuse a credential argument that names a file that is not there (it would be sent as a token)."""
    if value is None or isinstance(value, PurePath) or not isinstance(value, str):
        return
    text = value.strip()
    looks_like_path = "/" in text or "\\" in text or text.startswith("~") or text.lower().endswith(_FILE_SUFFIXES)
    if looks_like_path and not os.path.isfile(os.path.expanduser(text)):
        raise MastodonFileNotFoundError(
            f"{name} {text!r} looks like a file name, but there is no such file (looked in {os.getcwd()}): "
            f"give the path of an existing credentials file, or the {name.replace('_', ' ')} itself"
        )


def check_base_url(url: str | None) -> None:
    """Refuse an ``api_base_url`` that is the address of a profile or a post rather than of the server."""
    if not url:
        return
    try:
        parts = urlsplit(url)
    except ValueError:
        return
    segments = [segment for segment in parts.path.split("/") if segment]
    if any(segment.startswith("@") for segment in segments) or segments[:1] in (["users"], ["web"]):
        raise MastodonIllegalArgumentError(
            f"api_base_url {url!r} is the address of a profile or a page, not of the server's API: "
            f"use {parts.scheme}://{parts.netloc}"
        )


@lru_cache(maxsize=1)
def _scope_table() -> list[tuple[str, re.Pattern[str], str]]:
    from ._scopes import SCOPES

    table = []
    for method, path, scope in SCOPES:
        pattern = re.escape(path)
        pattern = re.sub(r":[a-z_]+", "[^/]+", pattern.replace(r"\:", ":"))
        table.append((method, re.compile(f"(?:^|/){pattern.lstrip('/')}$"), scope))
    return table


def needed_scope(method: str, path: str) -> str | None:
    """The scope the API reference says ``method path`` needs, or None when it names none."""
    for known_method, pattern, scope in _scope_table():
        if known_method == method and pattern.search(path.rstrip("/")):
            return scope
    return None


def _hint(error: MastodonAPIError, method: str, path: str) -> str | None:
    status = error.status_code
    text = (error.error or "").lower()
    content_type = ""
    if error.response is not None:
        content_type = error.response.headers.get("Content-Type", "").lower()
    if isinstance(error, MastodonUnauthorizedError) and not path.startswith("/oauth/"):
        return (
            "the access token was refused: it was revoked or has expired, or it belongs to another server. "
            "Log in again for a new one (python -m mastodon login <instance>, or Mastodon.log_in)"
        )
    if status == 403 and "scope" in text:
        scope = needed_scope(method, path)
        if scope is None:
            return "the token was not granted the scope this method needs: log in again asking for it"
        parent = scope.rsplit(":", 1)[0] if scope.count(":") >= (2 if scope.startswith("admin:") else 1) else None
        either = f"{scope!r} (or {parent!r})" if parent else repr(scope)
        return f"{method} {path} needs the scope {either}, which this token was not granted: log in again asking for it"
    if "text/html" in content_type and "/api/" in path:
        return (
            "the answer is a web page, not the Mastodon API: check that api_base_url is the server's address "
            "(like https://mastodon.social), not the address of a profile, a post or another web page"
        )
    return None


def explain(error: MastodonAPIError) -> MastodonAPIError:
    """``error`` with a ``hint`` on what to do next, as the class that fits (see the module docstring)."""
    response = error.response
    request = getattr(response, "request", None)
    method = str(getattr(request, "method", "") or "")
    try:
        path = urlsplit(str(getattr(request, "url", "") or "")).path
    except ValueError:
        path = ""
    if (
        error.status_code == 400
        and not isinstance(error, MastodonUnauthorizedError)
        and any(answer in (error.error or "").lower() for answer in _TOKEN_ANSWERS)
    ):
        error = MastodonUnauthorizedError(
            *error.args, error_description=error.error_description, details=error.details, response=response
        )
    error.hint = _hint(error, method, path)
    return error


def known_parameters(function: Any) -> frozenset[str] | None:
    """The keyword parameter names ``function`` takes; None when it takes any (``**kwargs``) or cannot tell."""
    code = getattr(function, "__code__", None)
    if code is None or code.co_flags & _CO_VARKEYWORDS:
        return None
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    return frozenset(name for name in names if name != "self")
