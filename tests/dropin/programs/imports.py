"""The import lines and helpers older scripts use, and what those helpers return."""

from __future__ import annotations

import datetime
import json
import pickle

from _common import BASE_URL, TOKENS, show, text

import mastodon
import mastodon.Mastodon
from mastodon import AttribAccessDict, CallbackStreamListener, MastodonError, StreamListener
from mastodon.compat import IMPL_HAS_BLURHASH, IMPL_HAS_CRYPTO, IMPL_HAS_ECE
from mastodon.defaults import _DEFAULT_SCOPES, _DEFAULT_TIMEOUT
from mastodon.errors import MastodonIllegalArgumentError, MastodonVersionError
from mastodon.Mastodon import Account, MastodonAPIError, MastodonNotFoundError, MediaAttachment, Status
from mastodon.Mastodon import Mastodon as OldPathMastodon
from mastodon.return_types import Instance, Notification, Poll, Tag
from mastodon.types_base import (
    Entity,
    IdType,
    MaybeSnowflakeIdType,
    NonPaginatableList,
    PaginatableList,
    PaginationInfo,
    base62_to_int,
    int_to_base62,
    real_issubclass,
    try_cast,
    try_cast_recurse,
)
from mastodon.utility import parse_version_string
from mastodon.versions import api_version, max_version

show("mastodon.Mastodon is the class", mastodon.Mastodon is OldPathMastodon and isinstance(mastodon.Mastodon, type))
show(
    "error tree",
    [
        issubclass(MastodonNotFoundError, MastodonAPIError),
        issubclass(MastodonAPIError, MastodonError),
        issubclass(MastodonIllegalArgumentError, ValueError),
        issubclass(MastodonVersionError, MastodonError),
    ],
)
show(
    "entity classes are dicts",
    [issubclass(c, dict) for c in (Account, MediaAttachment, Status, Instance, Notification, Poll, Tag)],
)
show("listener classes", [issubclass(CallbackStreamListener, StreamListener)])
show("AttribAccessDict", isinstance(Status(), AttribAccessDict))

for version in (
    "4.3.0",
    "4.2.10+glitch",
    "3.5.3-rc1",
    "2.7.2 (compatible; Pleroma 2.5.0)",
    "4.4.0-alpha.1+hometown-1.1.1",
    "v1",
):
    try:
        show(f"parse_version_string {version}", parse_version_string(version))
    except Exception as e:
        show(f"parse_version_string {version}", type(e).__name__)
show("defaults", [_DEFAULT_SCOPES, _DEFAULT_TIMEOUT])
show("compat flags are bools", [type(flag).__name__ for flag in (IMPL_HAS_BLURHASH, IMPL_HAS_CRYPTO, IMPL_HAS_ECE)])
show("max_version", [max_version("1.0.0", "2.0.0", "1.5.0"), max_version("4.2.0", "4.10.0")])
show("api_version decorator", callable(api_version("1.0.0", "1.0.0")))

for n in (0, 1, 61, 62, 3843, 3844, 123456789):
    show(f"int_to_base62 {n}", [int_to_base62(n), base62_to_int(int_to_base62(n))])
show("real_issubclass", [real_issubclass(Status, dict), real_issubclass(Status, Account), real_issubclass(list, dict)])
show("try_cast int", [try_cast(int, "5"), try_cast(int, "x"), try_cast(bool, "True"), try_cast(bool, 0)])
when = try_cast(datetime.datetime, "2024-05-01T12:00:00.000Z")
show("try_cast datetime", [type(when).__name__, when.isoformat() if isinstance(when, datetime.datetime) else when])
show("try_cast date-only", str(try_cast(datetime.datetime, "2024-05-01")))
cast = try_cast_recurse(
    Status,
    {"id": "1", "created_at": "2024-05-01T12:00:00.000Z", "account": {"id": "2", "acct": "x"}, "media_attachments": []},
)
show(
    "try_cast_recurse",
    [
        type(cast).__name__,
        type(cast.account).__name__,
        type(cast.created_at).__name__,
        type(cast.media_attachments).__name__,
    ],
)
show(
    "MaybeSnowflakeIdType",
    [MaybeSnowflakeIdType("12") == "12", str(MaybeSnowflakeIdType(12)), isinstance(MaybeSnowflakeIdType("1"), str)],
)
show("PaginationInfo is a dict", issubclass(PaginationInfo, dict))
show("list types", [issubclass(PaginatableList, list), issubclass(NonPaginatableList, list)])
show("IdType importable", IdType is not None)

api = OldPathMastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
status = api.status_post("made through mastodon.Mastodon.Mastodon")
show("status from old path", [type(status).__name__, isinstance(status, Status)])
as_json = status.to_json()
show("to_json has version", "_mastopy_version" in json.loads(as_json) and "_mastopy_type" in json.loads(as_json))
show("to_json type tag", json.loads(as_json)["_mastopy_type"])
back = Entity.from_json(as_json)
show("from_json", [type(back).__name__, back == status, type(back.created_at).__name__])
show("pickled client refused or works", type(pickle.loads(pickle.dumps(status))).__name__)
show(
    "get_approx_server_time",
    {"type": type(api.get_approx_server_time()).__name__, "aware": api.get_approx_server_time().tzinfo is not None},
)
show("verify_minimum_version", [api.verify_minimum_version("1.0.0"), api.verify_minimum_version("99.0.0")])
show("retrieve_mastodon_version", api.retrieve_mastodon_version())
show(
    "get_status_length",
    [
        api.get_status_length("hello"),
        api.get_status_length("see https://example.com/a/very/long/path/indeed"),
        api.get_status_length("hi @someone@example.social"),
    ],
)
show("timeline available", api.timeline_is_available("public") if hasattr(api, "timeline_is_available") else "n/a")
show("request_timeout", api.request_timeout)
show("instance", {"class": type(api.instance()).__name__, "version": api.instance().version})
show("auth_request_url on http", "allowed")
try:
    OldPathMastodon(client_id="a", client_secret="b", api_base_url=BASE_URL).auth_request_url(
        redirect_uris="urn:ietf:wg:oauth:2.0:oob"
    )
    show("auth_request_url default", "built")
except MastodonIllegalArgumentError as e:
    show("auth_request_url default", type(e).__name__)
url = OldPathMastodon(client_id="a", client_secret="b", api_base_url=BASE_URL).auth_request_url(
    redirect_uris="urn:ietf:wg:oauth:2.0:oob", allow_http=True, state="s1", lang="de"
)
show("auth_request_url", text(url))
show("auth_request_url allow_http", sorted(part.split("=")[0] for part in url.split("?", 1)[1].split("&")))
