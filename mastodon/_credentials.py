"""Credential files and configuration from the environment.

Mastodon.py's line formats are read and written unchanged, so existing bots keep their files:

- a client credential file: client id, client secret, base URL, app name (one per line);
- a user credential file: access token, base URL, client id, client secret (one per line).

Files are written atomically (a temporary file in the same folder, fsync, rename) with mode 0600
from the first byte; reading a file that other users can read warns.
"""

from __future__ import annotations

import os
import stat
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePath

from .errors import MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonWarning

__all__ = ["LegacyFile", "looks_like_path", "read_legacy_file", "write_private_file"]


@dataclass(frozen=True)
class LegacyFile:
    """The lines of a Mastodon.py credential file, in order."""

    path: str
    lines: tuple[str, ...]


def looks_like_path(value: str | PurePath | None) -> bool:
    """True when a ``client_id`` or ``access_token`` argument names an existing file."""
    if value is None:
        return False
    if isinstance(value, PurePath):
        return True
    return os.path.isfile(value)


def read_legacy_file(path: str | PurePath, what: str) -> LegacyFile:
    """The non-empty lines of a credential file; a missing or empty file is a clear error naming it."""
    name = os.fspath(path)
    try:
        mode = os.stat(name).st_mode
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError as error:
        raise MastodonFileNotFoundError(f"{what} file {name!r} does not exist") from error
    except OSError as error:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} cannot be read: {error.strerror}") from error
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        warnings.warn(
            f"{what} file {name!r} can be read by other users; run: chmod 600 {name}", MastodonWarning, stacklevel=4
        )
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    if not lines:
        raise MastodonIllegalArgumentError(f"{what} file {name!r} is empty")
    return LegacyFile(name, lines)


def write_private_file(path: str | PurePath, content: str) -> None:
    """Write ``content`` to ``path`` atomically, readable by the owner alone from the first byte."""
    target = Path(os.fspath(path))
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
