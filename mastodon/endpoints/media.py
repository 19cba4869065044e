"""Media attachments: uploading, updating and reading them."""

from __future__ import annotations

from collections.abc import Callable

from .._core import Core
from .._encode import id_of
from .._files import PathOrFile, open_media
from .._validate import focus_string
from .._versions import api_version, server_older_than
from ..errors import MastodonAPIError, MastodonVersionError
from ..return_types import MediaAttachment
from ..types_base import IdType, PrimitiveIdType

__all__ = ["MediaMixin"]

# Waiting for the server to process an upload (``synchronous=True``): first wait, growth, cap and limit.
PROCESSING_FIRST_WAIT = 1.0
PROCESSING_BACKOFF = 2.0
PROCESSING_MAX_WAIT = 10.0
PROCESSING_TIMEOUT = 300.0


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
        progress: Callable[[float, int], None] | None = None,
    ) -> MediaAttachment:
        """Upload an image, video or audio file (a path, bytes or a file object) for use in a status.

        The MIME type comes from ``mime_type``, else python-magic (if installed), the file's name or
        its first bytes. ``focus`` is ``(x, y)`` from -1.0 to 1.0; ``thumbnail`` (3.2.0) is a custom
        preview for audio and video. The server may still be processing the file when it answers
        (``url`` null); ``synchronous=True`` waits until it is done, checking with growing pauses, and
        raises :class:`MastodonAPIError` if that takes longer than five minutes. While it waits,
        ``progress`` (ours, not Mastodon.py's) is called as ``progress(seconds_waited, checks_made)``
        before each pause.
        """
        focus_value = focus_string(focus)
        if thumbnail is not None and server_older_than(self.server_version, "3.2.0"):
            raise MastodonVersionError("thumbnail needs Mastodon 3.2.0 or newer")
        legacy = server_older_than(self.server_version, "3.1.4")
        now = self._ratelimiter.clock.now()
        upload = open_media(media_file, mime_type, file_name, "media_file", now, "mime_type")
        uploads = [upload]
        try:
            if thumbnail is not None:
                uploads.append(
                    open_media(thumbnail, thumbnail_mime_type, None, "thumbnail", now, "thumbnail_mime_type")
                )
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
            attachment = self._wait_until_processed(attachment, progress)
        return attachment

    def _wait_until_processed(
        self, attachment: MediaAttachment, progress: Callable[[float, int], None] | None = None
    ) -> MediaAttachment:
        """Ask for the attachment again, with growing pauses, until it has a ``url``; bounded in time."""
        clock = self._ratelimiter.clock
        started = clock.now()
        deadline = started + PROCESSING_TIMEOUT
        wait = PROCESSING_FIRST_WAIT
        media_id = id_of(attachment, "media")
        checks = 0
        while attachment.get("url") is None:
            if progress is not None:
                progress(clock.now() - started, checks)
            checks += 1
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
        if server_older_than(self.server_version, "3.2.0"):
            raise MastodonVersionError("thumbnail needs Mastodon 3.2.0 or newer")
        now = self._ratelimiter.clock.now()
        upload = open_media(thumbnail, thumbnail_mime_type, None, "thumbnail", now, "thumbnail_mime_type")
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
