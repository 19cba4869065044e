"""Credential files and configuration from the environment.

Mastodon.py's line formats are read and written unchanged, so existing bots keep their files:

- a client credential file: client id, client secret, base URL, app name (one per line);
- a user credential file: access token, base URL, client id, client secret (one per line).

Beside them, a versioned JSON format holds everything in one file::

    {"format": "mastodon-credentials", "version": 1, "api_base_url": "https://mastodon.social",
     "client_id": "...", "client_secret": "...", "access_token": "...", "refresh_token": null,
     "scopes": ["read", "write"], "created_at": "2026-01-02T03:04:05+00:00", "app_name": "mybot"}

A JSON file works wherever a legacy file does (``Mastodon(access_token="bot.json")``, or as
``client_id``). Files are written atomically (a temporary file in the same folder, fsync, rename) with
mode 0600 from the first byte; reading a file that other users can read warns. A corrupt or truncated
file is a :class:`MastodonIllegalArgumentError` naming the file.

Environment (used by the constructor when the arguments are absent): ``MASTODON_API_BASE_URL``,
``MASTODON_ACCESS_TOKEN``, ``MASTODON_CLIENT_ID``, ``MASTODON_CLIENT_SECRET``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from ._warn import warn
from .errors import MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonWarning

__all__ = [
    "ENVIRONMENT_VARIABLES",
    "JSON_FORMAT",
    "JSON_VERSION",
    "Credentials",
    "LegacyFile",
    "read_credentials",
    "read_legacy_file",
    "write_credentials",
    "write_private_file",
]

JSON_FORMAT = "mastodon-credentials"
JSON_VERSION = 1
ENVIRONMENT_VARIABLES = (
    "MASTODON_API_BASE_URL",
    "MASTODON_ACCESS_TOKEN",
    "MASTODON_CLIENT_ID",
    "MASTODON_CLIENT_SECRET",
)

_TEXT_FIELDS = (
    "api_base_url",
    "client_id",
    "client_secret",
    "access_token",
    "refresh_token",
    "created_at",
    "app_name",
)
_CLIENT = "client credential"
_TOKEN = "access token"


@dataclass(frozen=True)
class LegacyFile:
    """The lines of a Mastodon.py credential file, in order (a JSON file is presented in the same order)."""

    path: str
    lines: tuple[str, ...] = field(repr=False)


@dataclass
class Credentials:
    """What a credential file holds. Secrets are kept out of ``repr``."""

    api_base_url: str | None = None
    client_id: str | None = field(default=None, repr=False)
    client_secret: str | None = field(default=None, repr=False)
    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    scopes: list[str] | None = None
    created_at: str | None = None
    app_name: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The versioned JSON document for these credentials."""
        return {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "api_base_url": self.api_base_url,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "scopes": list(self.scopes) if self.scopes is not None else None,
            "created_at": self.created_at or _now_iso(),
            "app_name": self.app_name,
        }

    def legacy_token_text(self) -> str:
        """Mastodon.py's user credential file: token, base URL, client id, client secret."""
        if not self.access_token or not self.api_base_url:
            raise MastodonIllegalArgumentError("A token file needs an access token and a base URL")
        lines = [self.access_token, self.api_base_url]
        if self.client_id and self.client_secret:
            lines += [self.client_id, self.client_secret]
        return "".join(line + "\n" for line in lines)

    def legacy_client_text(self) -> str:
        """Mastodon.py's client credential file: client id, secret, base URL, app name."""
        if not self.client_id or not self.client_secret or not self.api_base_url:
            raise MastodonIllegalArgumentError("A client file needs a client id, a client secret and a base URL")
        lines = [self.client_id, self.client_secret, self.api_base_url]
        if self.app_name:
            lines.append(self.app_name)
        return "".join(line + "\n" for line in lines)


def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def _read_text(path: str | PurePath, what: str) -> tuple[str, str]:
    name = os.fspath(path)
    try:
        mode = os.stat(name).st_mode
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError as error:
        raise MastodonFileNotFoundError(f"{what} file {name!r} does not exist") from error
    except UnicodeDecodeError as error:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} is not text; is it the right file?") from error
    except OSError as error:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} cannot be read: {error.strerror}") from error
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        warn(f"{what} file {name!r} can be read by other users; run: chmod 600 {name}", MastodonWarning)
    return name, text


def _is_json(text: str) -> bool:
    return text.lstrip().startswith("{")


def _parse_json(name: str, text: str, what: str) -> Credentials:
    try:
        document = json.loads(text)
    except ValueError:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} is not valid JSON (corrupt or truncated?)") from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} is JSON but not a mastodon credential file")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} has no valid format version")
    if version > JSON_VERSION:
        raise MastodonIllegalArgumentError(
            f"{what} file {name!r} has format version {version}; this mastodon reads up to {JSON_VERSION}. Upgrade it"
        )
    values: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        value = document.get(key)
        if value is not None and not (isinstance(value, str) and value and value == value.strip()):
            raise MastodonIllegalArgumentError(f"{what} file {name!r}: {key} must be a non-empty string")
        values[key] = value
    scopes = document.get("scopes")
    if scopes is not None and not (isinstance(scopes, list) and all(isinstance(s, str) for s in scopes)):
        raise MastodonIllegalArgumentError(f"{what} file {name!r}: scopes must be a list of strings")
    if bool(values["client_id"]) != bool(values["client_secret"]):
        raise MastodonIllegalArgumentError(f"{what} file {name!r} has a client id or secret without the other")
    return Credentials(scopes=scopes, **values)


def _check_lines(name: str, lines: tuple[str, ...], what: str) -> None:
    for number, line in enumerate(lines, 1):
        if any(char.isspace() for char in line) and not (what == _CLIENT and number == 4):
            raise MastodonIllegalArgumentError(
                f"{what} file {name!r}: line {number} contains whitespace; the file looks corrupt"
            )
        if any(ord(char) < 32 for char in line):
            raise MastodonIllegalArgumentError(f"{what} file {name!r}: line {number} contains control characters")
    if what == _CLIENT and len(lines) < 2:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} has a client id but no secret (truncated?)")
    if what == _TOKEN and len(lines) == 3:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} has a client id but no secret (truncated?)")
    url_line = 2 if what == _CLIENT else 1
    if len(lines) > url_line and not _looks_like_url(lines[url_line]):
        raise MastodonIllegalArgumentError(
            f"{what} file {name!r}: line {url_line + 1} should be the instance URL, found something else"
        )


def _looks_like_url(text: str) -> bool:
    return text.startswith(("http://", "https://")) or ("." in text or text.startswith("localhost"))


def read_legacy_file(path: str | PurePath, what: str) -> LegacyFile:
    """The lines of a credential file in Mastodon.py's order for ``what``; a missing, empty or corrupt file
    is a clear error naming it.

    ``what`` is ``"client credential"`` (client id, secret, base URL, app name) or ``"access token"``
    (token, base URL, client id, secret). A JSON credential file is presented in the same order.
    """
    name, text = _read_text(path, what)
    if _is_json(text):
        credentials = _parse_json(name, text, what)
        return LegacyFile(name, _lines_for(name, credentials, what))
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    if not lines:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} is empty")
    _check_lines(name, lines, what)
    return LegacyFile(name, lines)


def _lines_for(name: str, credentials: Credentials, what: str) -> tuple[str, ...]:
    if what == _CLIENT:
        if not credentials.client_id or not credentials.client_secret:
            raise MastodonIllegalArgumentError(f"{what} file {name!r} holds no client id and secret")
        lines = [credentials.client_id, credentials.client_secret]
        if credentials.api_base_url:
            lines.append(credentials.api_base_url)
            if credentials.app_name:
                lines.append(credentials.app_name)
        return tuple(lines)
    if not credentials.access_token:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} holds no access token")
    lines = [credentials.access_token]
    if credentials.api_base_url:
        lines.append(credentials.api_base_url)
        if credentials.client_id and credentials.client_secret:
            lines += [credentials.client_id, credentials.client_secret]
    return tuple(lines)


def read_credentials(path: str | PurePath) -> Credentials:
    """Everything a credential file holds, whichever of the three formats it is in.

    A legacy file is told apart by where its URL is: a token file has it on line 2, a client file on
    line 3.
    """
    name, text = _read_text(path, "credential")
    if _is_json(text):
        return _parse_json(name, text, "credential")
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    if not lines:
        raise MastodonIllegalArgumentError(f"credential file {name!r} is empty")
    if len(lines) >= 2 and _looks_like_url(lines[1]) and not (len(lines) >= 3 and _looks_like_url(lines[2])):
        _check_lines(name, lines, _TOKEN)
        return Credentials(
            api_base_url=lines[1],
            access_token=lines[0],
            client_id=lines[2] if len(lines) > 3 else None,
            client_secret=lines[3] if len(lines) > 3 else None,
        )
    if len(lines) >= 3:
        _check_lines(name, lines, _CLIENT)
        return Credentials(
            api_base_url=lines[2],
            client_id=lines[0],
            client_secret=lines[1],
            app_name=lines[3] if len(lines) > 3 else None,
        )
    _check_lines(name, lines, _TOKEN)
    return Credentials(access_token=lines[0])


def write_credentials(path: str | PurePath, credentials: Credentials, kind: str = "auto") -> None:
    """Write credentials atomically and privately.

    ``kind`` is ``"json"``, ``"token"`` (Mastodon.py's user file), ``"client"`` (its client file) or
    ``"auto"``: JSON for a ``.json`` path, else the token format when there is a token, else the
    client format.
    """
    if kind == "auto":
        json_path = os.fspath(path).endswith(".json")
        kind = "json" if json_path else ("token" if credentials.access_token else "client")
    if kind == "json":
        content = json.dumps(credentials.to_json(), indent=2) + "\n"
    elif kind == "token":
        content = credentials.legacy_token_text()
    elif kind == "client":
        content = credentials.legacy_client_text()
    else:
        raise MastodonIllegalArgumentError(f"kind must be one of auto, json, token, client, not {kind!r}")
    write_private_file(path, content)


def write_private_file(path: str | PurePath, content: str) -> None:
    """Write ``content`` to ``path`` atomically, readable by the owner alone from the first byte."""
    target = Path(os.fspath(path))
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale_temporaries(folder, target.name)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=folder)
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


_STALE_AFTER = 600.0  # seconds: a temporary file without a readable writer pid is abandoned after this


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Delete the temporary files of earlier writes of ``name`` that were killed before their rename.

    They hold the full secrets. A temporary file is named ``.<name>.<pid>-<random>.tmp``; it is stale
    when that process no longer runs (or, for a name without a pid, when it is older than ten minutes).
    The temporaries of a write still in progress, here or in another live process, are left alone.
    """
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        writer = entry.name[len(prefix) :].split("-", 1)[0]
        try:
            if writer.isdigit() and len(writer) < 10:
                if _process_alive(int(writer)):
                    continue
            elif time.time() - entry.stat(follow_symlinks=False).st_mtime < _STALE_AFTER:
                continue
            os.unlink(entry.path)
        except OSError:
            continue


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, alive
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); harmless where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
