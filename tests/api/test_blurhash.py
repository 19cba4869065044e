"""decode_blurhash: a media attachment's blurhash as pixels (docs: entities/MediaAttachment.md, ``blurhash``)."""

from __future__ import annotations

import builtins
from typing import Any

import blurhash
import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import MediaAttachment


@pytest.fixture
def media(example) -> MediaAttachment:
    return MediaAttachment._from_json(example("entities/MediaAttachment.md"))


def test_decode_blurhash_per_component(api: Mastodon, http, media) -> None:
    components_x, components_y = blurhash.components(media.blurhash)
    image = api.decode_blurhash(media)
    assert len(image) == components_y * 16 and len(image[0]) == components_x * 16
    assert len(image[0][0]) == 3 and all(isinstance(value, float) for value in image[0][0])
    assert image == blurhash.decode(media.blurhash, components_x * 16, components_y * 16, linear=True)
    assert http.call_count == 0


def test_decode_blurhash_absolute_size_in_srgb(api: Mastodon, media) -> None:
    image = api.decode_blurhash(media, out_size=(5, 3), size_per_component=False, return_linear=False)
    assert len(image) == 3 and len(image[0]) == 5
    assert image == blurhash.decode(media.blurhash, 5, 3, linear=False)


@pytest.mark.parametrize(
    ("media_dict", "out_size", "problem"),
    [
        ({"id": "1"}, (16, 16), "blurhash"),
        ({"blurhash": None}, (16, 16), "blurhash"),
        ("UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}", (16, 16), "media_dict"),
        ({"blurhash": "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"}, (0, 16), "out_size"),
        ({"blurhash": "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"}, 16, "out_size"),
    ],
)
def test_decode_blurhash_refuses_bad_input(api: Mastodon, media_dict, out_size, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.decode_blurhash(media_dict, out_size)


def test_missing_blurhash_extra_is_named(api: Mastodon, media, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "blurhash":
            raise ImportError("No module named 'blurhash'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r"pip install mastodon\[blurhash\]") as caught:
        api.decode_blurhash(media)
    assert isinstance(caught.value, MastodonIllegalArgumentError) and isinstance(caught.value, NotImplementedError)
