"""Version handling as tools do it: what the client learns about the server, checks, timelines by name."""

from __future__ import annotations

import warnings

from _common import BASE_URL, TOKENS, show

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonVersionError

plain = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
show("before any call", {"major": plain.mastodon_major, "minor": plain.mastodon_minor, "patch": plain.mastodon_patch})
show("retrieve", plain.retrieve_mastodon_version())
show(
    "after retrieve",
    {
        "major": plain.mastodon_major,
        "minor": plain.mastodon_minor,
        "patch": plain.mastodon_patch,
        "worked": getattr(plain, "version_check_worked", "absent"),
        "mode": plain.version_check_mode,
    },
)
show("minimum", [plain.verify_minimum_version(v) for v in ("2.0.0", "4.4.0", "4.4.1", "5.0.0")])
show("minimum cached", plain.verify_minimum_version("4.0.0", cached=True))

created = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL, version_check_mode="created")
show("created mode", {"major": created.mastodon_major, "worked": getattr(created, "version_check_worked", "absent")})
old = Mastodon(
    access_token=TOKENS["alice"], api_base_url=BASE_URL, mastodon_version="2.0.0", version_check_mode="created"
)
for call in ("status_update", "markers_get", "timeline_home"):
    try:
        if call == "status_update":
            old.status_update("1", "x")
        elif call == "markers_get":
            old.markers_get(["home"])
        else:
            old.timeline_home(limit=1)
        show(f"old server {call}", "sent")
    except MastodonVersionError as e:
        show(f"old server {call}", {"class": type(e).__name__, "args": len(e.args)})
    except Exception as e:
        show(f"old server {call}", {"other": type(e).__name__})
show("explicit version", [old.mastodon_major, old.mastodon_minor, old.mastodon_patch])

try:
    Mastodon(access_token="x", api_base_url=BASE_URL, version_check_mode="sometimes")
except MastodonIllegalArgumentError as e:
    show("bad version_check_mode", type(e).__name__)
except Exception as e:
    show("bad version_check_mode", {"other": type(e).__name__})
try:
    Mastodon(access_token="x", api_base_url=BASE_URL, feature_set="misskey")
except MastodonIllegalArgumentError as e:
    show("bad feature_set", type(e).__name__)
except Exception as e:
    show("bad feature_set", {"other": type(e).__name__})
try:
    Mastodon(access_token="x", api_base_url=BASE_URL, ratelimit_method="ignore")
except MastodonIllegalArgumentError as e:
    show("bad ratelimit_method", type(e).__name__)
except Exception as e:
    show("bad ratelimit_method", {"other": type(e).__name__})

plain.status_post("for the timelines #versions")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    named = {
        "home": len(plain.timeline("home")),
        "local": len(plain.timeline("local")),
        "public": len(plain.timeline("public")),
        "tag": len(plain.timeline("tag/versions")),
        "hashtag": len(plain.timeline_hashtag("versions")),
        "public local": len(plain.timeline_public(local=True)),
        "public remote": len(plain.timeline_public(remote=True)),
    }
show("timelines by name", named)
show("warnings", sorted({type(w.message).__name__ for w in caught}))
try:
    plain.timeline_hashtag("#versions")
except MastodonIllegalArgumentError as e:
    show("hashtag with #", type(e).__name__)
else:
    show("hashtag with #", "sent")
show(
    "ratelimit after calls",
    {
        "limit": type(plain.ratelimit_limit).__name__,
        "remaining": type(plain.ratelimit_remaining).__name__,
        "reset": type(plain.ratelimit_reset).__name__,
        "lastcall": type(plain.ratelimit_lastcall).__name__,
    },
)
show("ratelimit_method", plain.ratelimit_method)
show("user agent", plain.user_agent)
show("api_base_url", plain.api_base_url.replace(BASE_URL, "BASE"))
show("access_token kept", plain.access_token == TOKENS["alice"])
