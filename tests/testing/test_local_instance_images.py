"""The local instance serves the avatar and header images its accounts advertise."""

from __future__ import annotations

import requests

from mastodon.testing import LocalInstance


def test_advertised_avatar_and_header_are_png_images() -> None:
    with LocalInstance() as inst:
        me = inst.client("alice").me()
        for url in (me.avatar, me.avatar_static, me.header, me.header_static):
            answer = requests.get(url, timeout=10)
            assert answer.status_code == 200, url
            assert answer.headers["Content-Type"] == "image/png"
            assert answer.content.startswith(b"\x89PNG\r\n\x1a\n")
