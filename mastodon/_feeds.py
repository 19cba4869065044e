"""Who may read an instance's public feeds, from ``configuration.timelines_access`` (Mastodon 4.5).

The v2 instance document says, for the live (public), hashtag and trending-link feeds, and for each of
their local and remote halves, whether visitors may read it (``public``), only logged-in users
(``authenticated``), or only moderators with the "View live and topic feeds" permission
(``disabled``). The timeline and streaming areas ask here before reading such a feed and warn, as
Mastodon.py does, when this client may not read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._warn import warn
from .errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonWarning

if TYPE_CHECKING:
    from ._core import Core

__all__ = ["feed_is_available", "warn_if_feed_closed"]

# timeline_is_available's names for the feeds -> the keys of configuration.timelines_access.
ACCESS_KEYS = {"public": "live_feeds", "hashtag": "hashtag_feeds", "trending_links": "trending_link_feeds"}

# The access levels open to a visitor, and to a logged-in user.
_OPEN_TO_VISITORS = frozenset({"public"})
_OPEN_TO_USERS = frozenset({"public", "authenticated"})


def _access_settings(document: Any, key: str) -> Mapping[str, Any] | None:
    """``configuration.timelines_access.<key>`` of an instance document, or None where it is not given."""
    settings: Any = document
    for step in ("configuration", "timelines_access", key):
        settings = settings.get(step) if isinstance(settings, Mapping) else None
    if isinstance(settings, Mapping) and "local" in settings and "remote" in settings:
        return settings
    return None


_NO_DOCUMENT = "instance_v2_refused"  # cache key: the server answered /api/v2/instance with an error


def _instance_document(client: Core) -> Any:
    """The cached v2 instance document. A server that answered it with an error (one older than 4.0
    answers 404) is not asked again for each timeline call; a failed connection is tried again."""
    with client._lock:
        refusal = client._cache.get(_NO_DOCUMENT)
    if refusal is not None:
        raise MastodonAPIError(f"it answered earlier: {refusal}")
    try:
        return client._cached_get("instance_v2", "/api/v2/instance")
    except MastodonAPIError as error:
        with client._lock:
            client._cache[_NO_DOCUMENT] = str(error)
        raise


def feed_is_available(client: Core, timeline: str, local: bool, remote: bool, with_auth: bool, fail_hard: bool) -> bool:
    """See :meth:`mastodon.Mastodon.timeline_is_available`."""
    key = ACCESS_KEYS.get(timeline)
    if key is None:
        if fail_hard:
            raise MastodonIllegalArgumentError(
                f"timeline_is_available can tell about the feeds {', '.join(ACCESS_KEYS)}, not {timeline!r}"
            )
        return True
    try:
        settings = _access_settings(_instance_document(client), key)
    except Exception as error:  # an advisory check: whatever stops it, the feed is assumed readable
        if fail_hard:
            raise MastodonAPIError(
                f"Cannot tell whether the {timeline} feed is readable: fetching /api/v2/instance failed ({error})"
            ) from error
        return True
    if settings is None:
        if fail_hard:
            raise MastodonAPIError(
                f"Cannot tell whether the {timeline} feed is readable: the instance document has no "
                f"configuration.timelines_access.{key} (servers before Mastodon 4.5 do not send it)"
            )
        return True
    levels = _OPEN_TO_USERS if with_auth else _OPEN_TO_VISITORS
    readable = {half: isinstance(settings[half], str) and settings[half] in levels for half in ("local", "remote")}
    asked = [half for half, wanted in (("local", local), ("remote", remote)) if wanted]
    if asked:
        return all(readable[half] for half in asked)
    return any(readable.values())  # the whole feed: readable when either half is


def warn_if_feed_closed(client: Core, what: str, timeline: str, local: bool = False, remote: bool = False) -> None:
    """Warn (:class:`MastodonWarning`) when the instance says this client may not read ``what``."""
    logged_in = client.access_token is not None
    if feed_is_available(client, timeline, local, remote, with_auth=logged_in, fail_hard=False):
        return
    key = ACCESS_KEYS[timeline]
    settings = _access_settings(_instance_document(client), key) or {}  # cached by now
    advice = (
        "a feed set to 'disabled' needs the 'View live and topic feeds' permission"
        if logged_in
        else "log in to read a feed set to 'authenticated'"
    )
    warn(
        f"{what} is closed to this {'logged-in' if logged_in else 'anonymous'} client: the instance sets "
        f"configuration.timelines_access.{key} to local={settings.get('local')!r}, "
        f"remote={settings.get('remote')!r}. Expect an empty list or an error; {advice}.",
        MastodonWarning,
    )
