"""Requests sent and values returned by the media endpoints (docs: methods/media.md)."""

from __future__ import annotations

import io
import sys
import types
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, NamedTuple

import pytest

from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonVersionError,
)
from mastodon import _files as media_module
from mastodon.return_types import MediaAttachment

BASE = "https://mastodon.example"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 40


class Part(NamedTuple):
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def multipart(request: Any) -> list[Part]:
    """The parts of a multipart/form-data request body, in order."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    assert message.is_multipart()
    parts = []
    for part in message.iter_parts():
        parts.append(
            Part(
                part.get_param("name", header="content-disposition"),
                part.get_filename(),
                part.get("Content-Type"),
                part.get_payload(decode=True),
            )
        )
    return parts


@pytest.fixture
def opened(monkeypatch) -> list[Any]:
    """Every file the media module opens, to check that it closes them."""
    handles: list[Any] = []
    real_open = open

    def tracking_open(*args: Any, **kwargs: Any) -> Any:
        handle = real_open(*args, **kwargs)
        handles.append(handle)
        return handle

    monkeypatch.setattr(media_module, "open", tracking_open, raising=False)
    return handles


@pytest.fixture
def no_magic(monkeypatch) -> None:
    """python-magic not installed, whatever this machine has."""
    monkeypatch.setitem(sys.modules, "magic", None)


# ---------------------------------------------------------------------------------------------
# Reading


def test_media_gets_one_attachment(api: Mastodon, http, example) -> None:
    """methods/media.md#get: GET /api/v1/media/:id."""
    body = example("methods/media.md", "get")
    http.get(f"{BASE}/api/v1/media/{body['id']}", json=body)
    attachment = api.media({"id": body["id"]})
    assert isinstance(attachment, MediaAttachment) and attachment.url == body["url"]
    assert http.last_request.method == "GET" and http.last_request.query == ""


# ---------------------------------------------------------------------------------------------
# Uploading


def test_media_post_uploads_a_path_as_multipart(api: Mastodon, http, example, tmp_path, opened, no_magic) -> None:
    """methods/media.md#v2: POST /api/v2/media, multipart: file, description, focus."""
    body = example("methods/media.md", "v2")
    http.post(f"{BASE}/api/v2/media", json=body)
    path = tmp_path / "holiday.png"
    path.write_bytes(PNG)
    attachment = api.media_post(path, description="a beach", focus=(-0.5, 0.25))
    assert isinstance(attachment, MediaAttachment) and attachment.id == body["id"]
    request = http.last_request
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    parts = multipart(request)
    assert [(part.name, part.data) for part in parts[:2]] == [("description", b"a beach"), ("focus", b"-0.5,0.25")]
    file_part = parts[2]
    assert (file_part.name, file_part.content_type, file_part.data) == ("file", "image/png", PNG)
    assert file_part.filename.startswith("mastodonpyupload_") and file_part.filename.endswith(".png")
    assert len(parts) == 3
    assert len(opened) == 1 and opened[0].closed


def test_media_post_sends_the_given_name_and_type(api: Mastodon, http, example, tmp_path) -> None:
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    path = tmp_path / "clip.bin"
    path.write_bytes(b"whatever")
    api.media_post(str(path), mime_type="video/webm", file_name="clip.webm")
    (file_part,) = multipart(http.last_request)
    assert (file_part.filename, file_part.content_type, file_part.data) == ("clip.webm", "video/webm", b"whatever")


@pytest.mark.parametrize(
    ("data", "mime_type"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"GIF89a" + b"\x00" * 10, "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (MP4, "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  ", "video/quicktime"),
        (b"\x1a\x45\xdf\xa3" + b"\x00" * 10, "video/webm"),
        (b"ID3\x03\x00", "audio/mpeg"),
        (b"OggS\x00\x02" + b"\x00" * 20 + b"\x01vorbis", "audio/ogg"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"fLaC\x00", "audio/flac"),
    ],
)
def test_media_post_recognises_data_by_its_first_bytes(api: Mastodon, http, example, no_magic, data, mime_type) -> None:
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    api.media_post(data)
    (file_part,) = multipart(http.last_request)
    assert file_part.content_type == mime_type and file_part.data == data


def test_media_post_takes_the_type_from_the_name_first(api: Mastodon, http, example, tmp_path, no_magic) -> None:
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    path = tmp_path / "song.mp3"
    path.write_bytes(b"not really an mp3")
    api.media_post(path)
    assert multipart(http.last_request)[0].content_type == "audio/mpeg"


def test_media_post_leaves_a_callers_file_open_and_reads_it_whole(api: Mastodon, http, example, no_magic) -> None:
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    handle = io.BytesIO(JPEG)
    api.media_post(handle, description="photo")
    parts = multipart(http.last_request)
    assert parts[-1].content_type == "image/jpeg" and parts[-1].data == JPEG
    assert not handle.closed


def test_media_post_asks_python_magic_when_installed(api: Mastodon, http, example, tmp_path, monkeypatch) -> None:
    asked: list[tuple[str, Any]] = []
    fake = types.ModuleType("magic")

    def from_file(path: str, mime: bool = False) -> str:
        asked.append(("file", path))
        return "video/mp4"

    def from_buffer(data: bytes, mime: bool = False) -> str:
        asked.append(("buffer", data))
        return "audio/ogg"

    fake.from_file = from_file  # type: ignore[attr-defined]
    fake.from_buffer = from_buffer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "magic", fake)
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    path = tmp_path / "odd.png"
    path.write_bytes(PNG)
    api.media_post(path)
    assert multipart(http.last_request)[0].content_type == "video/mp4"
    api.media_post(b"\x00\x01\x02")
    assert multipart(http.last_request)[0].content_type == "audio/ogg"
    assert asked == [("file", str(path.resolve())), ("buffer", b"\x00\x01\x02")]


def test_media_post_names_a_missing_file(api: Mastodon, http, tmp_path) -> None:
    missing = tmp_path / "gone.png"
    with pytest.raises(MastodonFileNotFoundError, match=r"gone\.png"):
        api.media_post(str(missing))
    assert http.call_count == 0


def test_media_post_refuses_data_of_unknown_type(api: Mastodon, http, no_magic) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="MIME type"):
        api.media_post(b"plain words, no magic")
    assert http.call_count == 0


def test_media_post_closes_its_file_when_the_type_is_unknown(api: Mastodon, http, tmp_path, opened, no_magic) -> None:
    path = tmp_path / "mystery"
    path.write_bytes(b"?????")
    with pytest.raises(MastodonIllegalArgumentError, match="mystery"):
        api.media_post(path)
    assert len(opened) == 1 and opened[0].closed
    assert http.call_count == 0


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"media_file": 12}, "media_file"),
        ({"media_file": PNG, "focus": (1.5, 0)}, "focus"),
        ({"media_file": PNG, "focus": "0.1"}, "focus"),
        ({"media_file": PNG, "thumbnail": 3.5}, "thumbnail"),
    ],
)
def test_media_post_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.media_post(**kwargs)
    assert http.call_count == 0


def test_media_post_with_a_thumbnail_sends_two_files(api: Mastodon, http, example, tmp_path, opened, no_magic) -> None:
    """methods/media.md#v2: thumbnail (3.2.0), a second file part."""
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2", status=202), status_code=202)
    video = tmp_path / "talk.mp4"
    video.write_bytes(MP4)
    cover = tmp_path / "cover.jpg"
    cover.write_bytes(JPEG)
    api.media_post(video, thumbnail=cover)
    parts = multipart(http.last_request)
    assert [(part.name, part.content_type, part.data) for part in parts] == [
        ("file", "video/mp4", MP4),
        ("thumbnail", "image/jpeg", JPEG),
    ]
    assert len(opened) == 2 and all(handle.closed for handle in opened)


def test_media_post_waits_for_processing_with_growing_pauses(api: Mastodon, http, example, clock) -> None:
    """methods/media.md#v2 answers 202 with url null; #get answers 206 until the file is processed."""
    pending = example("methods/media.md", "v2", status=202)
    done = example("methods/media.md", "get")
    http.post(f"{BASE}/api/v2/media", json=pending, status_code=202)
    http.get(
        f"{BASE}/api/v1/media/{pending['id']}",
        [{"json": pending, "status_code": 206}, {"json": pending, "status_code": 206}, {"json": done}],
    )
    attachment = api.media_post(PNG, mime_type="image/png", synchronous=True)
    assert isinstance(attachment, MediaAttachment) and attachment.url == done["url"]
    assert clock.sleeps == [1.0, 2.0, 4.0]
    assert [request.method for request in http.request_history] == ["POST", "GET", "GET", "GET"]


def test_media_post_reports_progress_while_it_waits(api: Mastodon, http, example, clock) -> None:
    pending = example("methods/media.md", "v2", status=202)
    done = example("methods/media.md", "get")
    http.post(f"{BASE}/api/v2/media", json=pending, status_code=202)
    http.get(f"{BASE}/api/v1/media/{pending['id']}", [{"json": pending, "status_code": 206}, {"json": done}])
    reports: list[tuple[float, int]] = []
    api.media_post(PNG, mime_type="image/png", synchronous=True, progress=lambda *seen: reports.append(seen))
    assert reports == [(0.0, 0), (1.0, 1)]


def test_media_post_synchronous_gives_up_after_five_minutes(api: Mastodon, http, example, clock) -> None:
    pending = example("methods/media.md", "v2", status=202)
    http.post(f"{BASE}/api/v2/media", json=pending, status_code=202)
    http.get(f"{BASE}/api/v1/media/{pending['id']}", json=pending, status_code=206)
    with pytest.raises(MastodonAPIError, match="still being processed"):
        api.media_post(PNG, mime_type="image/png", synchronous=True)
    assert sum(clock.sleeps) == pytest.approx(300.0)
    assert max(clock.sleeps) == 10.0
    assert http.call_count == 1 + len(clock.sleeps)


def test_media_post_synchronous_does_not_wait_for_processed_media(api: Mastodon, http, example, clock) -> None:
    """methods/media.md#v2: small images are processed at once (200, with a url)."""
    http.post(f"{BASE}/api/v2/media", json=example("methods/media.md", "v2"))
    api.media_post(PNG, mime_type="image/png", synchronous=True)
    assert clock.sleeps == [] and http.call_count == 1


def test_media_post_uses_v1_on_servers_before_3_1_4(http, example) -> None:
    """methods/media.md#v1: POST /api/v1/media before the v2 endpoint existed."""
    old = Mastodon(api_base_url=BASE, access_token="t0k3n-value", mastodon_version="3.0.1")
    http.post(f"{BASE}/api/v1/media", json=example("methods/media.md", "v1"))
    assert isinstance(old.media_post(PNG, mime_type="image/png", synchronous=True), MediaAttachment)
    assert http.call_count == 1


def test_media_post_thumbnail_needs_3_2_0(http) -> None:
    old = Mastodon(api_base_url=BASE, access_token="t0k3n-value", mastodon_version="3.1.4")
    with pytest.raises(MastodonVersionError, match="thumbnail"):
        old.media_post(PNG, mime_type="image/png", thumbnail=JPEG)
    assert http.call_count == 0


# ---------------------------------------------------------------------------------------------
# Updating


def test_media_update_puts_a_form(api: Mastodon, http, example, form) -> None:
    """methods/media.md#update: PUT /api/v1/media/:id with description and focus."""
    body = example("methods/media.md", "update")
    http.put(f"{BASE}/api/v1/media/{body['id']}", json=body)
    attachment = api.media_update(body["id"], description="better words", focus=(0, 1))
    assert isinstance(attachment, MediaAttachment) and attachment.description == body["description"]
    assert http.last_request.method == "PUT"
    assert form(http.last_request) == [("description", "better words"), ("focus", "0,1")]


def test_media_update_with_a_thumbnail_is_multipart(api: Mastodon, http, example, no_magic) -> None:
    """methods/media.md#update: thumbnail (3.2.0) as a file part."""
    http.put(f"{BASE}/api/v1/media/5", json=example("methods/media.md", "update"))
    api.media_update("5", description="d", thumbnail=io.BytesIO(PNG))
    parts = multipart(http.last_request)
    assert [(part.name, part.content_type, part.data) for part in parts] == [
        ("description", None, b"d"),
        ("thumbnail", "image/png", PNG),
    ]


def test_media_update_refuses_a_bad_focus(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="focus"):
        api.media_update("5", focus=(0.1, 0.2, 0.3))  # type: ignore[arg-type]
    assert http.call_count == 0
