"""Client-side utilities: server version checks, caches, language, server time."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from .._core import RESPONSE, Core
from .._ratelimit import parse_http_time
from .._versions import parse_version_string
from ..errors import MastodonAPIError, MastodonIllegalArgumentError, missing_extra

__all__ = ["UtilityMixin"]

SUPPORTED_MASTODON_VERSION = "4.7.3"


class UtilityMixin(Core):
    """Version detection, caches and other helpers that are not endpoints of their own."""

    def retrieve_mastodon_version(self, fail_hard: bool = False) -> str:
        """Ask the server for its version now (re-reading the instance document) and return ``"x.y.z"``."""
        with self._lock:
            self._cache.clear()
        return self._detect_version(fail_hard=fail_hard).compatible_string

    def verify_minimum_version(self, version_str: str, cached: bool = False) -> bool:
        """True when the server is at least ``version_str``; asks the server first unless ``cached`` and known."""
        server = self._server_version if cached and self._server_version is not None else None
        if server is None:
            server = self._detect_version()
        return server.compatible >= parse_version_string(version_str)

    @staticmethod
    def get_supported_version() -> str:
        """The newest Mastodon version whose API this library covers."""
        return SUPPORTED_MASTODON_VERSION

    def clear_caches(self) -> None:
        """Forget the detected server version, the cached instance documents and the streaming URL."""
        with self._lock:
            self._cache.clear()
            if not self._version_given:
                self._server_version = None

    def set_language(self, lang: str) -> None:
        """Set the language (ISO 639-1 or 639-3) the server answers this client's later calls in."""
        self.lang = lang

    def get_approx_server_time(self) -> _dt.datetime:
        """The server's clock from a ``Date`` header, as naive local time like Mastodon.py's (no latency correction)."""
        response = self._request("HEAD", "/", RESPONSE, {})
        date = response.headers.get("Date")
        timestamp = parse_http_time(date) if date else None
        if timestamp is None:
            raise MastodonAPIError(f"The server sent no readable Date header (got {date!r}), so its clock is unknown")
        return _dt.datetime.fromtimestamp(timestamp)

    def decode_blurhash(
        self,
        media_dict: Mapping[str, Any],
        out_size: tuple[int, int] = (16, 16),
        size_per_component: bool = True,
        return_linear: bool = True,
    ) -> list[list[list[float]]]:
        """A media attachment's ``blurhash`` decoded to pixels, ``[row][column][r, g, b]``; sends no request.

        ``out_size`` is ``(width, height)`` per blurhash component (or in pixels without
        ``size_per_component``); colours are linear RGB floats unless ``return_linear=False`` (sRGB).
        Needs the ``blurhash`` extra.
        """
        blurhash_value = media_dict.get("blurhash") if isinstance(media_dict, Mapping) else None
        if not isinstance(blurhash_value, str) or not blurhash_value:
            raise MastodonIllegalArgumentError("media_dict must be a media attachment with a blurhash")
        if (
            not isinstance(out_size, (tuple, list))
            or len(out_size) != 2
            or not all(isinstance(side, int) and not isinstance(side, bool) and side > 0 for side in out_size)
        ):
            raise MastodonIllegalArgumentError(
                f"out_size must be a (width, height) pair of positive ints, not {out_size!r}"
            )
        try:
            import blurhash
        except ImportError as error:
            raise missing_extra("blurhash", "blurhash", error) from error
        components_x, components_y = blurhash.components(blurhash_value)
        width, height = out_size
        if size_per_component:
            width, height = components_x * width, components_y * height
        decoded: list[list[list[float]]] = blurhash.decode(blurhash_value, width, height, linear=return_linear)
        return decoded
