"""The vcrpy configuration shared by the recorder and the replaying tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vcr

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "recorded"
REPLAY_BASE_URL = "http://127.0.0.1:3000"
SECRET_FIELDS = ("access_token", "client_secret", "password", "code", "refresh_token")


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in ("Set-Cookie", "Date"):
        headers.pop(name, None)
    return response


_BOUNDARY = re.compile(rb"boundary=([0-9a-f]+)")


def _body_without_boundary(request: Any) -> bytes:
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    found = _BOUNDARY.search((request.headers.get("Content-Type") or "").encode())
    return body.replace(found.group(1), b"BOUNDARY") if found else body


def body_matcher(recorded: Any, sent: Any) -> None:
    """Bodies must be equal, except for the random boundary of a multipart body."""
    if _body_without_boundary(recorded) != _body_without_boundary(sent):
        raise AssertionError("the bodies differ")


def make_vcr(record_mode: str) -> vcr.VCR:
    """vcrpy matching on method, path, query and body (not host: the recording port varies)."""
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=record_mode,
        match_on=["method", "path", "query", "multipart_body"],
        filter_headers=[("Authorization", "Bearer <TOKEN>")],
        filter_query_parameters=list(SECRET_FIELDS),
        filter_post_data_parameters=list(SECRET_FIELDS),
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    recorder.register_matcher("multipart_body", body_matcher)
    return recorder
