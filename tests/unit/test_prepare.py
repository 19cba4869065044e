"""The request core prepares a plain session's requests itself: exactly what ``Session.prepare_request`` makes."""

from __future__ import annotations

import io
from typing import Any

import pytest
import requests

from mastodon import _core

URL = "https://mastodon.example/api/v1/statuses"


def shapes() -> list[dict[str, Any]]:
    return [
        {"method": "GET", "url": f"{URL}/110000000000000000"},
        {"method": "get", "url": f"{URL}/1", "params": {"limit": 40, "max_id": None, "local": "true"}},
        {"method": "GET", "url": f"{URL}?already=1", "params": [("id[]", "1"), ("id[]", "2"), ("x", None)]},
        {"method": "GET", "url": f"{URL}/1", "params": {"q": "caf\u00e9 & \U0001f600"}},
        # The request core's own form: (key, value) text pairs, encoded without requests' type checks.
        {"method": "GET", "url": f"{URL}/1", "params": []},
        {"method": "GET", "url": f"{URL}/1", "params": {}},
        {"method": "GET", "url": f"{URL}?max_id=9", "params": [("limit", "40"), ("types[]", "mention")]},
        {
            "method": "GET",
            "url": f"{URL}/1",
            "params": [("q", "caf\u00e9 & \U0001f600 +/~?=#%"), ("a b[]", ""), ("id[]", "1"), ("id[]", "2")],
        },
        {"method": "GET", "url": f"{URL}/1", "params": [("x", "1"), ("y", 2), ("z", None)]},  # not all text
        {"method": "GET", "url": f"{URL}/1", "params": "raw=query&x=1"},
        {"method": "POST", "url": URL, "data": {"status": "hi", "media_ids[]": ["1", "2"], "sensitive": None}},
        {"method": "POST", "url": URL, "json": {"status": "hi", "poll": {"options": ["a", "b"]}}},
        {"method": "POST", "url": URL, "data": b"raw body"},
        {"method": "PUT", "url": URL, "data": "text body"},
        {"method": "POST", "url": URL, "files": {"file": ("a.png", io.BytesIO(b"\x89PNG"), "image/png")}},
        {
            "method": "DELETE",
            "url": f"{URL}/1",
            "headers": {"Authorization": "Bearer token", "user-agent": "mine", "Accept-Encoding": None},
        },
        {"method": "PATCH", "url": URL, "headers": {"Idempotency-Key": "k"}, "data": {"a": "1"}},
    ]


def summary(prepared: requests.PreparedRequest) -> dict[str, Any]:
    body = prepared.body
    if isinstance(body, bytes) and b"--" in body[:4]:  # multipart: the boundary is random
        boundary = body.split(b"\r\n", 1)[0]
        body = body.replace(boundary, b"BOUNDARY")
    headers = dict(prepared.headers)
    if "Content-Type" in headers and "boundary=" in headers["Content-Type"]:
        headers["Content-Type"] = headers["Content-Type"].split("boundary=")[0]
    return {
        "method": prepared.method,
        "url": prepared.url,
        "headers": headers,
        "body": body,
        "hooks": prepared.hooks,
        "cookies": dict(prepared._cookies),  # type: ignore[attr-defined]
    }


def request_of(shape: dict[str, Any]) -> requests.Request:
    files = shape.get("files")
    if files:  # each preparation reads the file object: give each its own
        files = {name: (n, io.BytesIO(f.getvalue()), t) for name, (n, f, t) in files.items()}
    return requests.Request(
        shape["method"],
        shape["url"],
        headers=shape.get("headers"),
        params=shape.get("params"),
        data=shape.get("data"),
        json=shape.get("json"),
        files=files,
        auth=_core._no_auth,
    )


@pytest.mark.parametrize("shape", shapes(), ids=lambda shape: f"{shape['method']}-{sorted(shape)}")
def test_a_plain_session_s_request_is_prepared_as_requests_prepares_it(shape: dict[str, Any]) -> None:
    session = requests.Session()
    session.headers["User-Agent"] = "mastodonpy"
    session.headers["X-Session-Wide"] = "yes"
    ours = _core._prepare(session, request_of(shape))
    theirs = session.prepare_request(request_of(shape))
    assert summary(ours) == summary(theirs)


def not_plain() -> list[tuple[str, Any]]:
    with_cookie = requests.Session()
    with_cookie.cookies.set("session", "abc", domain="mastodon.example")
    with_params = requests.Session()
    with_params.params = {"lang": "de"}
    with_auth = requests.Session()
    with_auth.auth = ("user", "password")
    with_hook = requests.Session()
    with_hook.hooks["response"].append(lambda response, **_: response)

    class Preparing(requests.Session):
        def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
            prepared = super().prepare_request(request)
            prepared.headers["X-Prepared-By"] = "subclass"
            return prepared

    return [
        ("cookies", with_cookie),
        ("params", with_params),
        ("auth", with_auth),
        ("hooks", with_hook),
        ("subclass", Preparing()),
    ]


@pytest.mark.parametrize(("why", "session"), not_plain(), ids=[why for why, _ in not_plain()])
def test_any_other_session_is_left_to_prepare_request(why: str, session: requests.Session) -> None:
    shape = {"method": "GET", "url": f"{URL}/1", "params": {"limit": 40}, "headers": {"Authorization": "Bearer t"}}
    ours = _core._prepare(session, request_of(shape))
    theirs = session.prepare_request(request_of(shape))
    assert summary(ours) == summary(theirs)
    if why == "cookies":
        assert ours.headers["Cookie"] == "session=abc"
    if why == "params":
        assert "lang=de" in (ours.url or "")
    if why == "subclass":
        assert ours.headers["X-Prepared-By"] == "subclass"


def test_a_session_that_gains_a_cookie_sends_it_from_then_on() -> None:
    session = requests.Session()
    shape = {"method": "GET", "url": f"{URL}/1"}
    assert "Cookie" not in _core._prepare(session, request_of(shape)).headers
    session.cookies.set("seen", "1", domain="mastodon.example")  # as a Set-Cookie answer would
    assert _core._prepare(session, request_of(shape)).headers["Cookie"] == "seen=1"
