"""Files to upload: how a path, bytes or a binary file object becomes one multipart part.

Its name (Mastodon.py's ``mastodonpyupload_<time>_<random hex><extension>`` unless given), its data
and its MIME type: the one given, else python-magic's answer when it is installed, else the type the
file's name suggests, else the type its first bytes announce. Media uploads, status edit thumbnails,
avatars and headers all go through :func:`open_media`.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Any, NamedTuple

from .errors import MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError

__all__ = ["MediaUpload", "PathOrFile", "guess_mime_type", "open_media", "open_uploads"]

PathOrFile = str | PurePath | bytes | bytearray | IO[bytes]
"""A file to upload: a path (string or ``Path``), its bytes, or a binary file object."""

_SNIFF_BYTES = 64
_FTYP_BRANDS = {
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"qt  ": "video/quicktime",
    b"3gp4": "video/3gpp",
    b"3gp5": "video/3gpp",
    b"3g2a": "video/3gpp2",
}


def _sniff(head: bytes) -> str | None:
    """The MIME type of common image, video and audio formats from their first bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if head.startswith(b"OggS"):
        return "video/ogg" if b"theora" in head else "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if head[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return "audio/aac"
    if head.startswith(b"BM"):
        return "image/bmp"
    return None


def _python_magic(path: str | None, head: bytes | None) -> str | None:
    """What python-magic (when installed) says the file or data is; None when it cannot say."""
    try:
        import magic
    except ImportError:
        return None
    try:
        if path is not None:
            found = magic.from_file(path, mime=True)
        elif head is not None:
            found = magic.from_buffer(head, mime=True)
        else:
            return None
    except Exception:  # another "magic" module, or libmagic failing: fall back to our own rules
        return None
    return found if isinstance(found, str) and "/" in found and found != "application/octet-stream" else None


def guess_mime_type(name: str | None, head: bytes, path: str | None = None) -> str | None:
    """A file's MIME type: python-magic when installed, else from its name, else from its first bytes."""
    found = _python_magic(path, head if path is None else None)
    if found is None and name:
        import mimetypes  # reads the system's type tables: only when a name must be guessed from

        found = mimetypes.guess_type(name)[0]
    return found or _sniff(head)


class MediaUpload(NamedTuple):
    """One file ready for a multipart upload, and whether the caller must close it."""

    name: str
    handle: IO[bytes]
    mime_type: str
    opened_here: bool

    def part(self) -> tuple[str, IO[bytes], str]:
        """The ``(name, file, mime type)`` triple ``requests`` sends as one multipart part."""
        return (self.name, self.handle, self.mime_type)

    def close(self) -> None:
        """Close the file if it was opened here (a caller's file object stays open)."""
        if self.opened_here:
            self.handle.close()


def _read_head(handle: IO[bytes]) -> bytes:
    """The first bytes of a file object, leaving its position where it was (when it can be moved)."""
    try:
        position = handle.tell()
        head = handle.read(_SNIFF_BYTES)
        handle.seek(position)
    except (OSError, ValueError, AttributeError):
        return b""
    return head if isinstance(head, bytes) else b""


def open_media(
    media_file: Any, mime_type: str | None, file_name: str | None, what: str, now: float, mime_name: str
) -> MediaUpload:
    """A path, bytes or a binary file object as an upload; raises before any request if it cannot be.

    ``what`` names the argument in errors, ``mime_name`` the argument that would have given the MIME
    type. A missing file raises :class:`MastodonFileNotFoundError` naming it; a MIME type that cannot
    be worked out raises :class:`MastodonIllegalArgumentError`. Without ``file_name`` the upload gets
    a fresh random name made from ``now``, as Mastodon.py gives it (a file's own name is not sent).
    """
    given_name: object = file_name
    if given_name is not None and not isinstance(given_name, str):
        raise MastodonIllegalArgumentError(f"file_name must be a string, not {type(given_name).__name__}")
    if mime_type is not None and not isinstance(mime_type, str):
        raise MastodonIllegalArgumentError(f"{mime_name} must be a string, not {type(mime_type).__name__}")
    path: str | None = None
    opened_here = False
    if isinstance(media_file, (str, PurePath)):
        path = os.path.abspath(os.fspath(media_file))
        try:
            handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by MediaUpload.close()
        except FileNotFoundError as error:
            raise MastodonFileNotFoundError(f"{what}: no such file {path!r}") from error
        except OSError as error:
            raise MastodonIOError(f"{what}: could not open {path!r}: {error}") from error
        opened_here = True
    elif isinstance(media_file, (bytes, bytearray)):
        handle = io.BytesIO(bytes(media_file))
        opened_here = True
    elif hasattr(media_file, "read"):
        handle = media_file
    else:
        raise MastodonIllegalArgumentError(
            f"{what} must be a path, bytes or a binary file object, not {type(media_file).__name__}"
        )
    if mime_type is None:
        head = _read_head(handle)
        own_name = getattr(handle, "name", None) if path is None else path
        mime_type = guess_mime_type(own_name if isinstance(own_name, str) else None, head, path)
        if mime_type is None:
            if opened_here:
                handle.close()
            shown = repr(path) if path is not None else "the data given"
            raise MastodonIllegalArgumentError(
                f"{what}: could not determine the MIME type of {shown}; pass {mime_name} explicitly"
            )
    if file_name is None:
        import mimetypes

        file_name = f"mastodonpyupload_{now}_{os.urandom(16).hex()}{mimetypes.guess_extension(mime_type) or ''}"
    return MediaUpload(file_name, handle, mime_type, opened_here)


@contextlib.contextmanager
def open_uploads(now: float, **files: tuple[Any, str | None]) -> Iterator[dict[str, tuple[str, IO[bytes], str]] | None]:
    """Files given as ``name=(file, mime_type)`` as the multipart parts of one request; None when none is given.

    Each file that is not None is opened as :func:`open_media` opens it (named ``name`` in errors, its
    MIME type argument ``<name>_mime_type``); the files opened here are closed on leaving the block.
    """
    with contextlib.ExitStack() as stack:
        parts: dict[str, tuple[str, IO[bytes], str]] = {}
        for name, (value, mime_type) in files.items():
            if value is not None:
                upload = open_media(value, mime_type, None, name, now, f"{name}_mime_type")
                stack.callback(upload.close)
                parts[name] = upload.part()
        yield parts or None
