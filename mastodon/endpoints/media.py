"""Media attachments: uploading, updating and reading them.

The module also holds how a file given as a path, bytes or a file object becomes an upload (its
name, its data and its MIME type); the statuses area uses the same rules for edit thumbnails.
"""

from __future__ import annotations

import io
import mimetypes
import os
import uuid
from collections.abc import Sequence
from pathlib import PurePath
from typing import IO, Any, NamedTuple

from .._core import Core
from .._encode import id_of
from .._versions import api_version, parse_version_string
from ..errors import (
    MastodonAPIError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonIOError,
    MastodonVersionError,
)
from ..return_types import MediaAttachment
from ..types_base import IdType, PrimitiveIdType

__all__ = [
    "MediaMixin",
    "MediaUpload",
    "PathOrFile",
    "focus_string",
    "guess_mime_type",
    "open_media",
    "server_older_than",
]

PathOrFile = str | PurePath | bytes | bytearray | IO[bytes]
"""A file to upload: a path (string or ``Path``), its bytes, or a binary file object."""

# Waiting for the server to process an upload (``synchronous=True``): first wait, growth, cap and limit.
PROCESSING_FIRST_WAIT = 1.0
PROCESSING_BACKOFF = 2.0
PROCESSING_MAX_WAIT = 10.0
PROCESSING_TIMEOUT = 300.0

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


def open_media(media_file: Any, mime_type: str | None, file_name: str | None, what: str, now: float) -> MediaUpload:
    """A path, bytes or a binary file object as an upload; raises before any request if it cannot be.

    A missing file raises :class:`MastodonFileNotFoundError` naming it; a MIME type that cannot be
    worked out raises :class:`MastodonIllegalArgumentError`. Without ``file_name`` the upload gets a
    fresh random name, as Mastodon.py gives it (the name of a file on disk is not sent).
    """
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
                f"{what}: could not determine the MIME type of {shown}; pass it explicitly"
            )
    if file_name is None:
        file_name = f"mastodonpyupload_{now}_{uuid.uuid4().hex}{mimetypes.guess_extension(mime_type) or ''}"
    return MediaUpload(file_name, handle, mime_type, opened_here)


def focus_string(focus: Any) -> str | None:
    """A focal point ``(x, y)`` (each from -1.0 to 1.0) as the server takes it, ``"x,y"``; None stays None."""
    if focus is None:
        return None
    if isinstance(focus, str):
        parts: Sequence[Any] = focus.split(",")
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            numbers = []
    elif isinstance(focus, (tuple, list)) and all(
        isinstance(part, (int, float)) and not isinstance(part, bool) for part in focus
    ):
        parts = focus
        numbers = [float(part) for part in focus]
    else:
        numbers = []
        parts = ()
    if len(numbers) != 2 or not all(-1.0 <= number <= 1.0 for number in numbers):
        raise MastodonIllegalArgumentError(f"focus must be two numbers (x, y) from -1.0 to 1.0, not {focus!r}")
    if isinstance(focus, str):
        return focus
    return f"{parts[0]},{parts[1]}"


def server_older_than(client: Core, version: str) -> bool:
    """True only when the client knows the server's version and it is older than ``version``; never asks."""
    known = client.server_version
    return known is not None and known.compatible < parse_version_string(version)


class MediaMixin(Core):
    """Endpoints under ``/api/v1/media`` and ``/api/v2/media``."""

    @api_version("3.1.4", "3.1.4")
    def media(self, id: MediaAttachment | IdType | PrimitiveIdType) -> MediaAttachment:
        """One of your media attachments, by id; its ``url`` is null while the server is still processing it."""
        return self._get("/api/v1/media/{id}", MediaAttachment, id=id)

    @api_version("1.0.0", "3.2.0")
    def media_post(
        self,
        media_file: PathOrFile,
        mime_type: str | None = None,
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        file_name: str | None = None,
        thumbnail: PathOrFile | None = None,
        thumbnail_mime_type: str | None = None,
        synchronous: bool = False,
    ) -> MediaAttachment:
        """Upload an image, video or audio file (a path, bytes or a file object) for use in a status.

        The MIME type comes from ``mime_type``, else python-magic (if installed), the file's name or
        its first bytes. ``focus`` is ``(x, y)`` from -1.0 to 1.0; ``thumbnail`` (3.2.0) is a custom
        preview for audio and video. The server may still be processing the file when it answers
        (``url`` null); ``synchronous=True`` waits until it is done, checking with growing pauses, and
        raises :class:`MastodonAPIError` if that takes longer than five minutes.
        """
        focus_value = focus_string(focus)
        if thumbnail is not None and server_older_than(self, "3.2.0"):
            raise MastodonVersionError("thumbnail needs Mastodon 3.2.0 or newer")
        legacy = server_older_than(self, "3.1.4")
        now = self._ratelimiter.clock.now()
        upload = open_media(media_file, mime_type, file_name, "media_file", now)
        uploads = [upload]
        try:
            if thumbnail is not None:
                uploads.append(open_media(thumbnail, thumbnail_mime_type, None, "thumbnail", now))
            files = {"file": upload.part()}
            if len(uploads) > 1:
                files["thumbnail"] = uploads[1].part()
            attachment = self._post(
                "/api/v1/media" if legacy else "/api/v2/media",
                MediaAttachment,
                _files=files,
                description=description,
                focus=focus_value,
            )
        finally:
            for each in uploads:
                each.close()
        if synchronous and not legacy:
            attachment = self._wait_until_processed(attachment)
        return attachment

    def _wait_until_processed(self, attachment: MediaAttachment) -> MediaAttachment:
        """Ask for the attachment again, with growing pauses, until it has a ``url``; bounded in time."""
        clock = self._ratelimiter.clock
        deadline = clock.now() + PROCESSING_TIMEOUT
        wait = PROCESSING_FIRST_WAIT
        media_id = id_of(attachment, "media")
        while attachment.get("url") is None:
            remaining = deadline - clock.now()
            if remaining <= 0:
                raise MastodonAPIError(
                    f"Media attachment {media_id} was still being processed after {PROCESSING_TIMEOUT:.0f} seconds"
                )
            clock.sleep(min(wait, remaining))
            wait = min(wait * PROCESSING_BACKOFF, PROCESSING_MAX_WAIT)
            attachment = self._get("/api/v1/media/{id}", MediaAttachment, id=media_id)
        return attachment

    @api_version("2.3.0", "3.2.0")
    def media_update(
        self,
        id: MediaAttachment | IdType | PrimitiveIdType,
        description: str | None = None,
        focus: tuple[float, float] | None = None,
        thumbnail: PathOrFile | None = None,
        thumbnail_mime_type: str | None = None,
    ) -> MediaAttachment:
        """Change the description, focal point or (3.2.0) thumbnail of a media attachment not yet posted."""
        focus_value = focus_string(focus)
        if thumbnail is None:
            return self._put("/api/v1/media/{id}", MediaAttachment, id=id, description=description, focus=focus_value)
        if server_older_than(self, "3.2.0"):
            raise MastodonVersionError("thumbnail needs Mastodon 3.2.0 or newer")
        upload = open_media(thumbnail, thumbnail_mime_type, None, "thumbnail", self._ratelimiter.clock.now())
        try:
            return self._put(
                "/api/v1/media/{id}",
                MediaAttachment,
                _files={"thumbnail": upload.part()},
                id=id,
                description=description,
                focus=focus_value,
            )
        finally:
            upload.close()
