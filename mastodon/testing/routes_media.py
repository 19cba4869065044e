"""Routes: media attachments (v1 and processing v2 uploads, served files) and polls."""

from __future__ import annotations

import re
import struct
import zlib

from mastodon.testing._app import App
from mastodon.testing._core import ApiError, JSONDict, Request, Response, json_response, route
from mastodon.testing.routes_statuses import readable


# ----------------------------------------------------------------- media
def _upload(app: App, req: Request, processing: bool) -> Response:
    upload = req.files.get("file")
    if upload is None:
        raise ApiError(422, "Validation failed: File can't be blank")
    kind = upload.content_type.split("/", 1)[0]
    with app.state.lock:
        mid = app.state.new_id()
        polls = app.settings.media_processing_polls if processing else 0
        focus = req.get("focus")
        record: JSONDict = {
            "id": mid,
            "account_id": req.account_id,
            "type": kind if kind in ("image", "video", "audio") else "unknown",
            "filename": re.sub(r"[^\w.-]", "_", upload.filename or "file") or "file",
            "content_type": upload.content_type,
            "description": req.get("description"),
            "focus": _focus(focus) if focus else None,
            "polls_left": polls,
            "ready": polls <= 0,
        }
        app.state.table("media")[mid] = record
        app.state.files[mid] = upload.data
        return json_response(app.render.media(mid), status=200 if record["ready"] else 202)


def _focus(text: str) -> JSONDict:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise ApiError(422, "Validation failed: Focus is invalid") from None
    return {"x": x, "y": y}


@route("POST", "/api/v2/media", scope="write:media")
def upload_v2(app: App, req: Request) -> Response:
    """POST /api/v2/media: 202 and processing (see ``Settings.media_processing_polls``)."""
    return _upload(app, req, True)


@route("POST", "/api/v1/media", scope="write:media")
def upload_v1(app: App, req: Request) -> Response:
    """POST /api/v1/media: 200, ready at once."""
    return _upload(app, req, False)


def _own_media(app: App, req: Request) -> JSONDict:
    media = app.get_record("media", req.params["id"])
    if media["account_id"] != req.account_id:
        raise ApiError(404, "Record not found")
    return media


@route("GET", "/api/v1/media/{id}", scope="write:media")
def get_media(app: App, req: Request) -> Response:
    """GET /api/v1/media/:id: 206 while processing, 200 once ready."""
    with app.state.lock:
        media = _own_media(app, req)
        if not media.get("ready", True):
            media["polls_left"] = int(media.get("polls_left", 1)) - 1
            media["ready"] = media["polls_left"] <= 0
        return json_response(app.render.media(media["id"]), status=200 if media["ready"] else 206)


@route("PUT", "/api/v1/media/{id}", scope="write:media")
def update_media(app: App, req: Request) -> Response:
    """PUT /api/v1/media/:id (description, focus)."""
    with app.state.lock:
        media = _own_media(app, req)
        if req.get("description") is not None:
            media["description"] = req.get("description")
        if req.get("focus"):
            media["focus"] = _focus(req.get("focus") or "")
        return json_response(app.render.media(media["id"]))


@route("DELETE", "/api/v1/media/{id}", scope="write:media")
def delete_media(app: App, req: Request) -> Response:
    """DELETE /api/v1/media/:id (unattached media only)."""
    with app.state.lock:
        media = _own_media(app, req)
        if any(media["id"] in s.get("media_ids", []) for s in app.state.table("statuses").values()):
            raise ApiError(422, "Media attachment is currently used by a status")
        del app.state.table("media")[media["id"]]
        app.state.files.pop(media["id"], None)
    return json_response({})


@route("GET", "/system/media_attachments/files/{id}/{size}/{filename}", user=False)
def media_file(app: App, req: Request) -> Response:
    """The uploaded bytes."""
    with app.state.lock:
        media = app.get_record("media", req.params["id"])
        data = app.state.files.get(media["id"], b"")
        if not media.get("ready", True):
            raise ApiError(404, "Record not found")
    return Response(200, data, media.get("content_type", "application/octet-stream"))


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG, made here (the instance needs no image files)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(row * height)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


_AVATAR_PNG = _png(96, 96, (140, 141, 255))
_HEADER_PNG = _png(600, 200, (217, 225, 232))


@route("GET", "/avatars/original/missing.png", user=False)
def default_avatar(app: App, req: Request) -> Response:
    """The default avatar every account advertises (Mastodon serves one too)."""
    return Response(200, _AVATAR_PNG, "image/png")


@route("GET", "/headers/original/missing.png", user=False)
def default_header(app: App, req: Request) -> Response:
    """The default header image every account advertises."""
    return Response(200, _HEADER_PNG, "image/png")


# ----------------------------------------------------------------- polls
@route("GET", "/api/v1/polls/{id}", scope="read:statuses", auth=False)
def get_poll(app: App, req: Request) -> Response:
    """GET /api/v1/polls/:id."""
    with app.state.lock:
        poll = app.get_record("polls", req.params["id"])
        readable(app, req, poll["status_id"])
        return json_response(app.render.poll(poll["id"], req.viewer))


@route("POST", "/api/v1/polls/{id}/votes", scope="write:statuses")
def vote(app: App, req: Request) -> Response:
    """POST /api/v1/polls/:id/votes."""
    viewer = req.account_id
    with app.state.lock:
        poll = app.get_record("polls", req.params["id"])
        readable(app, req, poll["status_id"])
        rendered = app.render.poll(poll["id"], viewer)
        if rendered["expired"]:
            raise ApiError(422, "Validation failed: The poll has already ended")
        if viewer in poll["votes"]:
            raise ApiError(422, "Validation failed: You have already voted on this poll")
        try:
            choices = sorted({int(c) for c in req.get_list("choices")})
        except ValueError:
            raise ApiError(422, "Validation failed: Choices are invalid") from None
        if not choices or any(not 0 <= c < len(poll["options"]) for c in choices):
            raise ApiError(422, "Validation failed: Choices are invalid")
        if len(choices) > 1 and not poll.get("multiple"):
            raise ApiError(422, "Validation failed: Only one choice is allowed")
        poll["votes"][viewer] = choices
        return json_response(app.render.poll(poll["id"], viewer))
