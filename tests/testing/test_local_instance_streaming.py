"""Server-sent event streams of a LocalInstance."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from mastodon.testing import LocalInstance


class Stream:
    """A tiny SSE reader over requests for the tests."""

    def __init__(self, http: requests.Session, url: str, token: str | None = None) -> None:
        headers = {"Authorization": "Bearer " + token} if token else {}
        self.response = http.get(url, headers=headers, stream=True, timeout=(2, 2))
        self.lines: Iterator[str] = self.response.iter_lines(chunk_size=None, decode_unicode=True)
        assert self.response.status_code == 200
        assert self.response.headers["Content-Type"].startswith("text/event-stream")
        assert next(self.lines) == ":)"  # subscribed from here on

    def event(self) -> tuple[str, str]:
        name = ""
        for line in self.lines:
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: ") and name:
                return name, line[6:]
        raise EOFError

    def close(self) -> None:
        self.response.close()


@pytest.fixture
def stream_factory(http: requests.Session) -> Iterator[Any]:
    opened: list[Stream] = []

    def make(url: str, token: str | None = None) -> Stream:
        stream = Stream(http, url, token)
        opened.append(stream)
        return stream

    yield make
    for stream in opened:
        stream.close()


def post(http: requests.Session, inst: LocalInstance, user: str, text: str) -> dict[str, Any]:
    r = http.post(
        inst.api_base_url + "/api/v1/statuses",
        data={"status": text},
        headers={"Authorization": "Bearer " + inst.token(user)},
    )
    result: dict[str, Any] = r.json()
    return result


def test_health(local_instance: LocalInstance, http: requests.Session) -> None:
    r = http.get(local_instance.api_base_url + "/api/v1/streaming/health")
    assert r.status_code == 200 and r.text == "OK"


def test_user_stream_gets_update_notification_edit_delete(
    local_instance: LocalInstance, http: requests.Session, stream_factory: Any
) -> None:
    inst = local_instance
    base = inst.api_base_url
    stream = stream_factory(base + "/api/v1/streaming/user", inst.token("alice"))
    own = post(http, inst, "alice", "streamed to myself")
    name, data = stream.event()
    assert name == "update" and json.loads(data)["id"] == own["id"]
    post(http, inst, "bob", "hey @alice")
    name, data = stream.event()
    assert name == "notification"
    note = json.loads(data)
    assert note["type"] == "mention" and note["account"]["username"] == "bob"
    http.put(
        f"{base}/api/v1/statuses/{own['id']}",
        data={"status": "edited"},
        headers={"Authorization": "Bearer " + inst.token("alice")},
    )
    name, data = stream.event()
    assert name == "status.update" and "edited" in json.loads(data)["content"]
    http.delete(f"{base}/api/v1/statuses/{own['id']}", headers={"Authorization": "Bearer " + inst.token("alice")})
    assert stream.event() == ("delete", own["id"])


def test_access_token_query_param_and_auth_required(
    local_instance: LocalInstance, http: requests.Session, stream_factory: Any
) -> None:
    base = local_instance.api_base_url
    assert http.get(base + "/api/v1/streaming/user").status_code == 401
    stream = stream_factory(base + "/api/v1/streaming/user?access_token=" + local_instance.token("bob"))
    post(http, local_instance, "bob", "via query token")
    assert stream.event()[0] == "update"


def test_public_local_and_hashtag_streams(
    local_instance: LocalInstance, http: requests.Session, stream_factory: Any
) -> None:
    base = local_instance.api_base_url
    public = stream_factory(base + "/api/v1/streaming/public/local")
    tagged = stream_factory(base + "/api/v1/streaming/hashtag?tag=cats")
    post(http, local_instance, "carol", "no tag here")
    cat = post(http, local_instance, "carol", "I like #Cats")
    assert json.loads(public.event()[1])["content"] == "<p>no tag here</p>"
    assert json.loads(public.event()[1])["id"] == cat["id"]
    assert json.loads(tagged.event()[1])["id"] == cat["id"]


def test_heartbeat(http: requests.Session) -> None:
    with LocalInstance(heartbeat_interval=0.01) as inst:
        stream = Stream(http, inst.api_base_url + "/api/v1/streaming/public")
        try:
            assert next(stream.lines) == ":thump"
        finally:
            stream.close()


def test_cut_stream_ends_after_n_events(
    local_instance: LocalInstance, http: requests.Session, stream_factory: Any
) -> None:
    local_instance.inject("/api/v1/streaming/public", "stream_cut", after_events=1)
    stream = stream_factory(local_instance.api_base_url + "/api/v1/streaming/public")
    post(http, local_instance, "alice", "one")
    assert stream.event()[0] == "update"
    post(http, local_instance, "alice", "two")
    with pytest.raises((requests.exceptions.ChunkedEncodingError, EOFError)):
        stream.event()
    # the fault was used up: the next connection streams normally
    again = stream_factory(local_instance.api_base_url + "/api/v1/streaming/public")
    post(http, local_instance, "alice", "three")
    assert json.loads(again.event()[1])["content"] == "<p>three</p>"


def test_stalled_stream_sends_nothing(http: requests.Session) -> None:
    with LocalInstance(heartbeat_interval=0.01) as inst:
        inst.inject("/api/v1/streaming/public", "stream_stall")
        response = http.get(inst.api_base_url + "/api/v1/streaming/public", stream=True, timeout=(2, 0.15))
        try:
            lines = response.iter_lines(chunk_size=None, decode_unicode=True)
            assert next(lines) == ":)"
            post(http, inst, "alice", "never delivered")
            with pytest.raises(requests.exceptions.ConnectionError):
                next(lines)
        finally:
            response.close()


def test_stop_ends_streams_cleanly(http: requests.Session) -> None:
    inst = LocalInstance().start()
    stream = Stream(http, inst.api_base_url + "/api/v1/streaming/public")
    try:
        inst.stop()
        assert list(stream.lines) == []
    finally:
        stream.close()


def test_http_faults_apply_to_stream_connects(local_instance: LocalInstance, http: requests.Session) -> None:
    url = local_instance.api_base_url + "/api/v1/streaming/public"
    local_instance.inject("/api/v1/streaming/", "status", status=503, retry_after=3)
    r = http.get(url, stream=True, timeout=2)
    assert r.status_code == 503 and r.headers["Retry-After"] == "3"
    r.close()
    local_instance.inject("/api/v1/streaming/", "wrong_content_type")
    r = http.get(url, stream=True, timeout=2)
    try:
        assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    finally:
        r.close()
    local_instance.inject("/api/v1/streaming/", "drop")
    with pytest.raises(requests.ConnectionError):
        http.get(url, stream=True, timeout=2)
