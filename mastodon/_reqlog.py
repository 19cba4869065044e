"""One log line per HTTP request, on the ``mastodon`` logger at DEBUG, with secrets redacted.

``logging.basicConfig(level=logging.DEBUG)`` is enough to see every request the client sends::

    DEBUG:mastodon:GET https://mastodon.example/api/v1/timelines/home?limit=3 -> 200 OK in 41 ms (ratelimit 299/300)
    DEBUG:mastodon:POST https://mastodon.example/api/v1/statuses failed after 10012 ms: ReadTimeout

Only the method, the URL (query values of secret-named parameters replaced by ``***``; the body is
never logged), the status, the time and the rate-limit headers are shown: no header, token or body.
A retried request logs one line per attempt. ``debug_requests=True`` additionally logs whole
requests and responses (redacted) at INFO.
"""

from __future__ import annotations

import http.client
import logging
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ._lazy import LazyModule

if TYPE_CHECKING:
    import requests
else:  # imported on first use, see mastodon._lazy
    requests = LazyModule("requests", globals())

__all__ = ["SECRET_PARAMETERS", "send_logged", "shown_url"]

logger = logging.getLogger("mastodon")

SECRET_PARAMETERS = frozenset(
    {
        "access_token",
        "refresh_token",
        "id_token",
        "token",
        "client_secret",
        "code",
        "code_verifier",
        "password",
        "otp",
    }
)


def shown_url(url: str) -> str:
    """``url`` as a log may show it: no user info, secret query values replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(key, "***" if key.lower() in SECRET_PARAMETERS else value) for key, value in pairs], safe="[]*"
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def send_logged(session: requests.Session, prepared: requests.PreparedRequest, **options: Any) -> requests.Response:
    """``session.send(prepared, **options)``, with one DEBUG line saying how it went."""
    if not logger.isEnabledFor(logging.DEBUG):
        return session.send(prepared, **options)
    started = time.perf_counter()
    try:
        response = session.send(prepared, **options)
    except requests.RequestException as error:
        logger.debug(
            "%s %s failed after %.0f ms: %s",
            prepared.method,
            shown_url(prepared.url or ""),
            (time.perf_counter() - started) * 1000,
            type(error).__name__,
        )
        raise
    reason = response.reason or http.client.responses.get(response.status_code, "")
    remaining = response.headers.get("X-RateLimit-Remaining")
    limit = response.headers.get("X-RateLimit-Limit")
    logger.debug(
        "%s %s -> %s%s in %.0f ms%s",
        prepared.method,
        shown_url(prepared.url or ""),
        response.status_code,
        f" {reason}" if reason else "",
        (time.perf_counter() - started) * 1000,
        f" (ratelimit {remaining}/{limit})" if remaining is not None and limit is not None else "",
    )
    return response
