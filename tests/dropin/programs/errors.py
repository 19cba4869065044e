# local-instance: rate_limit=40
"""Error handling as bots write it: catch the Mastodon.py exceptions and read ``e.args``."""

from __future__ import annotations

from _common import BASE_URL, TOKENS, show, text

from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonUnauthorizedError,
)
from mastodon.Mastodon import MastodonAPIError as OldPathAPIError
from mastodon.Mastodon import MastodonServerError

FAMILY = (
    MastodonError,
    MastodonAPIError,
    MastodonNotFoundError,
    MastodonUnauthorizedError,
    MastodonRatelimitError,
    MastodonNetworkError,
    MastodonIllegalArgumentError,
    MastodonServerError,
    ValueError,
    IOError,
)


def describe(e: BaseException, server_text: bool = True, family: tuple[type, ...] = FAMILY) -> dict[str, object]:
    """The parts of an exception that code reads: its family and ``args[1:]`` (the message is ours)."""
    out: dict[str, object] = {"is": [c.__name__ for c in family if isinstance(e, c)], "nargs": len(e.args)}
    if isinstance(e, MastodonAPIError) and not isinstance(e, MastodonNetworkError):
        out["status"] = e.args[1] if len(e.args) > 1 else None
        out["reason"] = e.args[2] if len(e.args) > 2 else None
        out["error"] = text(str(e.args[3])) if server_text and len(e.args) > 3 else "<not compared>"
    return out


api = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
bob = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)

try:
    api.status("1")
except MastodonNotFoundError as e:
    show("missing status", describe(e))

try:
    api.account(999999)
except MastodonAPIError as e:
    show("missing account as APIError", describe(e))

theirs = bob.status_post("bob's own")
try:
    api.status_delete(theirs)
except MastodonAPIError as e:
    show("deleting someone else's status", describe(e))

try:
    api.status_update(theirs, "hijack")
except MastodonAPIError as e:
    show("editing someone else's status", describe(e))

try:
    Mastodon(access_token="not-a-token", api_base_url=BASE_URL).account_verify_credentials()
except MastodonUnauthorizedError as e:
    show("bad token", describe(e))

try:
    Mastodon(access_token="not-a-token", api_base_url=BASE_URL).status_post("x")
except OldPathAPIError as e:
    show("bad token via mastodon.Mastodon path", describe(e))

# Mastodon.py sends these and the server answers 422; code written for it catches MastodonAPIError.
# (Ours refuses them before sending with an error that is also a MastodonIllegalArgumentError: the
# migration guide lists it, so only the API error family is printed.)
API_FAMILY = tuple(c for c in FAMILY if not issubclass(c, ValueError) and c is not ValueError)
for label, call in [
    ("empty status", lambda: api.status_post("")),
    ("empty status, only spaces", lambda: api.status_post("   ")),
    ("poll with one option", lambda: api.status_post("poll", poll=api.make_poll(["only"], expires_in=600))),
]:
    try:
        call()
    except MastodonAPIError as e:
        show(label, describe(e, server_text=False, family=API_FAMILY))
    except MastodonIllegalArgumentError as e:
        show(label, {"illegal argument only": describe(e)})
    else:
        show(label, "accepted")

# refused before sending by Mastodon.py itself (a bad visibility is a plain ValueError there, a
# MastodonIllegalArgumentError, which is a ValueError, here): print what ``except ValueError`` sees
for label, call in [
    ("bad visibility", lambda: api.status_post("x", visibility="everyone")),
    ("media without mime type", lambda: api.media_post(b"\x00\x01\x02")),
    ("poll and media", lambda: api.status_post("x", media_ids=["1"], poll=api.make_poll(["a", "b"], expires_in=600))),
]:
    try:
        call()
    except ValueError as e:
        show(label, {"ValueError": True, "nargs": len(e.args)})
    except MastodonError as e:
        show(label, {"other": describe(e)})
    else:
        show(label, "accepted")

try:
    Mastodon(access_token="x", api_base_url="http://127.0.0.1:9", request_timeout=5).account_verify_credentials()
except MastodonNetworkError as e:
    show("nobody listening", describe(e))

thrower = Mastodon(access_token=TOKENS["carol"], api_base_url=BASE_URL, ratelimit_method="throw")
hits = 0
try:
    for _ in range(60):
        thrower.timeline_home(limit=1)
        hits += 1
except MastodonRatelimitError as e:
    show("rate limited", {**describe(e), "after": hits > 0, "remaining": thrower.ratelimit_remaining})
show(
    "ratelimit fields",
    {"limit": thrower.ratelimit_limit, "reset is a number": isinstance(thrower.ratelimit_reset, (int, float))},
)

try:
    api.status("1")
except MastodonError as e:
    show("caught by the root", {"name": type(e).__name__, "str has text": bool(str(e))})
