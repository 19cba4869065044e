"""The exceptions and warnings raised by ``mastodon``, with the same names and tree as Mastodon.py 2.3.

::

    Exception
    └── MastodonError
        ├── MastodonIllegalArgumentError (also ValueError)   bad input, found before sending
        │   └── MastodonRefusedArgumentError (also MastodonAPIError)  input the server refuses (422)
        │       └── MastodonRefusedNotFoundError (also MastodonNotFoundError)  a path it has no object for
        ├── MastodonIOError (also OSError)
        │   ├── MastodonFileNotFoundError                    a media or credential file is missing
        │   └── MastodonNetworkError                         no answer: refused, reset, DNS, TLS
        │       └── MastodonReadTimeout                      the server took longer than request_timeout
        ├── MastodonVersionError                             the server is too old for this call
        ├── MastodonRatelimitError                           429 in "throw" mode, or pacing impossible
        ├── MastodonMalformedEventError                      a streaming event that cannot be read
        └── MastodonAPIError                                 the server answered with an error
            ├── MastodonNotFoundError                        404
            ├── MastodonUnauthorizedError                    401
            └── MastodonServerError                          5xx
                ├── MastodonInternalServerError              500
                ├── MastodonBadGatewayError                  502
                ├── MastodonServiceUnavailableError          503
                └── MastodonGatewayTimeoutError              504

    Warning
    └── MastodonWarning
        └── MastodonDeprecationWarning                       the server sent a Deprecation header

An API error keeps Mastodon.py's ``args`` tuple ``(message, status_code, reason, error)`` and adds the
attributes ``status_code``, ``reason``, ``error``, ``error_description``, ``details`` (a 422's
per-field errors) and ``response``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import requests

__all__ = [
    "MastodonAPIError",
    "MastodonBadGatewayError",
    "MastodonDeprecationWarning",
    "MastodonError",
    "MastodonFileNotFoundError",
    "MastodonGatewayTimeoutError",
    "MastodonIOError",
    "MastodonIllegalArgumentError",
    "MastodonInternalServerError",
    "MastodonMalformedEventError",
    "MastodonNetworkError",
    "MastodonNotFoundError",
    "MastodonRatelimitError",
    "MastodonReadTimeout",
    "MastodonRefusedArgumentError",
    "MastodonRefusedNotFoundError",
    "MastodonServerError",
    "MastodonServiceUnavailableError",
    "MastodonUnauthorizedError",
    "MastodonVersionError",
    "MastodonWarning",
    "MissingExtraError",
    "error_class_for_status",
    "missing_extra",
    "refused",
]


class MastodonError(Exception):
    """Root of the exception tree: catching it catches every error this package raises."""


class MastodonIllegalArgumentError(ValueError, MastodonError):
    """An argument is wrong; raised before any request is sent where that can be known."""


class MastodonIOError(IOError, MastodonError):
    """Reading or writing a file or the network failed."""


class MastodonFileNotFoundError(MastodonIOError):
    """A file given by path (media, credentials) does not exist."""


class MastodonNetworkError(MastodonIOError):
    """The request got no answer: connection refused or reset, DNS or TLS failure, timeout."""


class MastodonReadTimeout(MastodonNetworkError):
    """The server accepted the connection but did not answer within the read timeout."""


class MastodonVersionError(MastodonError):
    """The server's version is older than the one the called endpoint needs."""


class MastodonRatelimitError(MastodonError):
    """The rate limit was hit and the rate-limit mode says not to wait."""


class MastodonMalformedEventError(MastodonError):
    """A streaming event could not be read."""


class MissingExtraError(MastodonIllegalArgumentError, ImportError, NotImplementedError):
    """An optional dependency is not installed (also a NotImplementedError, as Mastodon.py raised)."""


def missing_extra(extra: str, modules: str, error: ImportError) -> MissingExtraError:
    """The error for a feature whose extra is not installed, naming the ``pip`` command that fixes it."""
    return MissingExtraError(
        f"This needs {modules}, which {'is' if ' and ' not in modules else 'are'} not installed: "
        f"pip install mastodon[{extra}] ({error})"
    )


class MastodonAPIError(MastodonError):
    """The server answered with an error status.

    ``args`` is ``(message, status_code, reason, error)`` as in Mastodon.py; the same facts, and more,
    are attributes.
    """

    status_code: int | None
    reason: str | None
    error: str | None
    error_description: str | None
    details: dict[str, Any] | None
    response: requests.Response | None
    hint: str | None = None
    """What to do next, where the library can tell (shown by ``str()``, not part of ``args``)."""

    def __init__(
        self,
        *args: Any,
        error_description: str | None = None,
        details: dict[str, Any] | None = None,
        response: requests.Response | None = None,
    ) -> None:
        super().__init__(*args)
        self.status_code = args[1] if len(args) > 1 and isinstance(args[1], int) else None
        self.reason = args[2] if len(args) > 2 and isinstance(args[2], str) else None
        self.error = args[3] if len(args) > 3 and isinstance(args[3], str) else None
        self.error_description = error_description
        self.details = details
        self.response = response

    def __str__(self) -> str:
        if self.status_code is None:
            return super().__str__() + (f". Hint: {self.hint}" if self.hint else "")
        text = f"{self.args[0]}: {self.status_code} {self.reason or ''}".rstrip()
        if self.error:
            text += f": {self.error}"
        if self.error_description and self.error_description != self.error:
            text += f" ({self.error_description})"
        if self.details:
            problems = "; ".join(
                f"{field} {', '.join(str(item.get('description', item)) for item in items)}"
                if isinstance(items, list)
                else f"{field}: {items}"
                for field, items in self.details.items()
            )
            text += f" [{problems}]"
        if self.hint:
            text += f". Hint: {self.hint}"
        return text


class MastodonNotFoundError(MastodonAPIError):
    """404: the object or the endpoint does not exist (or is not visible to this token)."""


class MastodonUnauthorizedError(MastodonAPIError):
    """401: the access token is missing, invalid, revoked or expired."""


class MastodonServerError(MastodonAPIError):
    """5xx: the server failed."""


class MastodonInternalServerError(MastodonServerError):
    """500: the server hit an error of its own."""


class MastodonBadGatewayError(MastodonServerError):
    """502: a proxy in front of the server got no good answer from it (often during a deploy)."""


class MastodonServiceUnavailableError(MastodonServerError):
    """503: the server is overloaded or in maintenance; it may say when to retry."""


class MastodonGatewayTimeoutError(MastodonServerError):
    """504: a proxy in front of the server gave up waiting for it."""


class MastodonWarning(Warning):
    """Root of this package's warning categories (filter on it to silence or escalate them all)."""


class MastodonDeprecationWarning(MastodonWarning):
    """The server marked the endpoint as deprecated (a ``Deprecation`` response header)."""


_STATUS_ERRORS: dict[int, type[MastodonAPIError]] = {
    401: MastodonUnauthorizedError,
    404: MastodonNotFoundError,
    500: MastodonInternalServerError,
    502: MastodonBadGatewayError,
    503: MastodonServiceUnavailableError,
    504: MastodonGatewayTimeoutError,
}


def error_class_for_status(status_code: int) -> type[MastodonAPIError]:
    """The exception class Mastodon.py raises for an HTTP error status."""
    found = _STATUS_ERRORS.get(status_code)
    if found is not None:
        return found
    if 500 <= status_code <= 599:
        return MastodonServerError
    return MastodonAPIError


class MastodonRefusedArgumentError(MastodonIllegalArgumentError, MastodonAPIError):
    """An argument the server refuses (with 422), caught here before sending.

    Mastodon.py sends such a request and raises the server's :class:`MastodonAPIError`; we stop it
    first. Both ``except MastodonIllegalArgumentError`` and ``except MastodonAPIError`` catch it, and
    ``args`` is shaped as an API error's, ``(message, status_code, reason, problem)``.
    """

    def __init__(self, *args: Any, **extra: Any) -> None:
        MastodonAPIError.__init__(self, *args, **extra)  # ValueError's __init__ comes first in the MRO

    def __str__(self) -> str:
        return f"{self.error} (not sent: the server answers such a request {self.status_code} {self.reason})"


class MastodonRefusedNotFoundError(MastodonRefusedArgumentError, MastodonNotFoundError):
    """A path the server has no object for (it answers 404), such as an id of None, caught before sending."""


_REASONS = {404: "Not Found", 422: "Unprocessable Entity"}


def refused(problem: str, status_code: int = 422) -> MastodonRefusedArgumentError:
    """The error for an argument the server would refuse with ``status_code`` (422 or 404): ``problem`` says
    what is wrong with which value and how to fix it."""
    cls = MastodonRefusedNotFoundError if status_code == 404 else MastodonRefusedArgumentError
    return cls("Not sent: the server would refuse this request", status_code, _REASONS[status_code], problem)
