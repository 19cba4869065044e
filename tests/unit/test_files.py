"""Files as uploads (mastodon._files) and the argument checks several areas share (mastodon._validate)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from mastodon import MastodonFileNotFoundError, MastodonIllegalArgumentError
from mastodon import _files as files_module
from mastodon._files import open_media, open_uploads
from mastodon._validate import check_choice, check_datetime, check_limit, check_non_negative
from mastodon._versions import ServerVersion, server_older_than

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def no_magic(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-magic not installed, whatever this machine has."""
    monkeypatch.setitem(sys.modules, "magic", None)


def test_open_media_names_the_upload_as_mastodon_py_does() -> None:
    upload = open_media(PNG, None, None, "media_file", 1700000000.5, "mime_type")
    assert re.fullmatch(r"mastodonpyupload_1700000000\.5_[0-9a-f]{32}\.png", upload.name)
    assert upload.mime_type == "image/png" and upload.handle.read() == PNG


def test_open_media_names_the_argument_for_the_mime_type_when_it_cannot_tell() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="pass thumb_mimetype"):
        open_media(b"no idea", None, None, "thumbnail", 0.0, "thumb_mimetype")


def test_open_uploads_leaves_out_what_is_not_given_and_closes_what_it_opened(tmp_path: Path) -> None:
    picture = tmp_path / "me.png"
    picture.write_bytes(PNG)
    with open_uploads(0.0, avatar=(picture, None), header=(None, None)) as parts:
        assert parts is not None and list(parts) == ["avatar"]
        _name, handle, mime_type = parts["avatar"]
        assert mime_type == "image/png" and not handle.closed
    assert handle.closed
    with open_uploads(0.0, avatar=(None, None)) as nothing:
        assert nothing is None


def test_open_uploads_closes_the_first_file_when_the_second_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    real_open = open

    def tracking_open(*args: Any, **kwargs: Any) -> Any:
        handle = real_open(*args, **kwargs)
        opened.append(handle)
        return handle

    monkeypatch.setattr(files_module, "open", tracking_open, raising=False)
    picture = tmp_path / "me.png"
    picture.write_bytes(PNG)
    with (
        pytest.raises(MastodonFileNotFoundError, match="header"),
        open_uploads(0.0, avatar=(picture, None), header=(tmp_path / "gone.png", None)),
    ):
        pass
    assert len(opened) == 1 and opened[0].closed


def test_open_uploads_leaves_a_callers_file_open() -> None:
    mine = io.BytesIO(PNG)
    with open_uploads(0.0, header=(mine, "image/png")):
        pass
    assert not mine.closed


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "0", "-1", "five", " 5", "\u0665"])
def test_check_limit_refuses_what_is_not_a_positive_int(value: Any) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit must be a positive int"):
        check_limit(value)


def test_check_limit_takes_none_and_positive_ints() -> None:
    check_limit(None)
    check_limit(1)


def test_check_limit_and_offsets_take_the_digits_of_an_int() -> None:
    """limit="5" goes on the wire as limit=5 does (Mastodon.py 2.3.3 sends it), so it is no reason to refuse."""
    check_limit("5")
    check_non_negative(offset="0", limit="40")
    with pytest.raises(MastodonIllegalArgumentError, match="offset"):
        check_non_negative(offset="-3")


def test_check_non_negative_names_the_first_bad_value_in_the_order_given() -> None:
    check_non_negative(limit=0, offset=None)
    with pytest.raises(MastodonIllegalArgumentError, match=r"^offset must be a non-negative int, not -1 "):
        check_non_negative(offset=-1, limit=-2)
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        check_non_negative(limit=False)


def test_check_choice_and_check_datetime() -> None:
    check_choice("order", "new", ("active", "new"))
    with pytest.raises(MastodonIllegalArgumentError, match=r"^order must be one of active, new, not None "):
        check_choice("order", None, ("active", "new"))
    with pytest.raises(MastodonIllegalArgumentError, match=r"^start_at must be a datetime, not str$"):
        check_datetime("start_at", "2024-01-01")


def test_server_older_than_only_when_the_version_is_known() -> None:
    assert server_older_than(None, "3.2.0") is False
    assert server_older_than(ServerVersion.parse("3.1.4"), "3.2.0") is True
    assert server_older_than(ServerVersion.parse("3.2.0"), "3.2.0") is False
