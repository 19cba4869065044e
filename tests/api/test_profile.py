"""Requests sent and values returned by the profile endpoints (docs: methods/profile.md, Mastodon 4.6)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.errors import MastodonFileNotFoundError
from mastodon.return_types import Profile

BASE = "https://mastodon.example"


def test_profile(api: Mastodon, http, example) -> None:
    body = example("methods/profile.md", heading="Get current user profile")
    http.get(f"{BASE}/api/v1/profile", json=body)
    result = api.profile()
    assert isinstance(result, Profile) and result.id == body["id"]


def test_profile_update_sends_a_form(api: Mastodon, http, form, example) -> None:
    http.patch(f"{BASE}/api/v1/profile", json=example("methods/profile.md", heading="Get current user profile"))
    result = api.profile_update(
        display_name="Me",
        note="hello",
        locked=True,
        bot=False,
        discoverable=True,
        hide_collections=False,
        indexable=True,
        show_media=True,
        show_media_replies=False,
        show_featured=True,
        attribution_domains=["blog.example", "news.example"],
        fields=[("Site", "https://me.example"), ("Pronouns", "they/them")],
        avatar_description="a cat",
        header_description="a field",
    )
    assert isinstance(result, Profile)
    assert http.last_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form(http.last_request) == [
        ("display_name", "Me"),
        ("note", "hello"),
        ("locked", "1"),
        ("bot", "0"),
        ("discoverable", "1"),
        ("hide_collections", "0"),
        ("indexable", "1"),
        ("show_media", "1"),
        ("show_media_replies", "0"),
        ("show_featured", "1"),
        ("avatar_description", "a cat"),
        ("header_description", "a field"),
        ("fields_attributes[0][name]", "Site"),
        ("fields_attributes[0][value]", "https://me.example"),
        ("fields_attributes[1][name]", "Pronouns"),
        ("fields_attributes[1][value]", "they/them"),
        ("attribution_domains[]", "blog.example"),  # lists last, as Mastodon.py 2.3.3 sends them
        ("attribution_domains[]", "news.example"),
    ]


def test_profile_update_uploads_images(api: Mastodon, http, tmp_path: Path, example) -> None:
    http.patch(f"{BASE}/api/v1/profile", json=example("methods/profile.md", heading="Get current user profile"))
    avatar = tmp_path / "me.png"
    avatar.write_bytes(b"\x89PNG avatar")
    api.profile_update(avatar=avatar, header=io.BytesIO(b"JPEG header"), header_mime_type="image/jpeg", bot=True)
    request = http.last_request
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    body = request.body
    assert b'name="avatar"; filename="mastodonpyupload_' in body and b"Content-Type: image/png" in body
    assert b"\x89PNG avatar" in body and b"JPEG header" in body and b"Content-Type: image/jpeg" in body
    assert b'name="bot"' in body


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"header": io.BytesIO(b"x")}, "header_mime_type"),
        ({"avatar": 12}, "avatar"),
        ({"fields": [("only name",)]}, "fields"),
        ({"fields": "Site=x"}, "fields"),
        ({"attribution_domains": "blog.example"}, "attribution_domains"),
    ],
)
def test_profile_update_refuses_bad_input(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.profile_update(**kwargs)
    assert http.call_count == 0


def test_profile_update_missing_file(api: Mastodon, http, tmp_path: Path) -> None:
    with pytest.raises(MastodonFileNotFoundError):
        api.profile_update(avatar=tmp_path / "missing.png")
    assert http.call_count == 0
