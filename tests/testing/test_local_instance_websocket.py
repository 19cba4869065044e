"""The WebSocket streaming endpoint of a LocalInstance, checked with an independent client (websocket-client).

Protocol: https://docs.joinmastodon.org/methods/streaming/#websocket (subscribe / unsubscribe messages,
events labelled with their stream, ``{"error": ..., "status": 400}`` for a bad request).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import websocket

from mastodon.testing import LocalInstance, server
from mastodon.testing.websocket import handshake_answer


@pytest.fixture
def inst() -> Iterator[LocalInstance]:
    with LocalInstance(heartbeat_interval=30, rate_limit=1_000_000) as instance:
        yield instance


def connect(inst: LocalInstance, token: str, query: str = "") -> Any:
    url = inst.api_base_url.replace("http://", "ws://") + "/api/v1/streaming" + query
    return websocket.create_connection(url, header=[f"Authorization: Bearer {token}"], timeout=5)


def next_event(ws: Any) -> dict[str, Any]:
    while True:
        message: dict[str, Any] = json.loads(ws.recv())
        if "event" in message or "error" in message:
            return message


def test_the_accept_key_is_the_one_of_rfc_6455() -> None:
    assert handshake_answer("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="  # RFC 6455, 1.3


def test_subscriptions_share_one_socket_and_events_name_their_stream(inst: LocalInstance) -> None:
    ws = connect(inst, inst.token("alice"))
    try:
        ws.send(json.dumps({"type": "subscribe", "stream": "public"}))
        ws.send(json.dumps({"type": "subscribe", "stream": "hashtag", "tag": "Tea"}))
        ws.send(json.dumps({"type": "subscribe", "stream": "nonsense"}))
        assert next_event(ws) == {"error": "Unknown stream type", "status": 400}
        status = inst.client("bob").status_post("green #tea")
        got = [next_event(ws), next_event(ws)]
        assert sorted(message["stream"] for message in got) == [["hashtag", "tea"], ["public"]]
        assert all(
            message["event"] == "update" and json.loads(message["payload"])["id"] == status.id for message in got
        )
        ws.send(json.dumps({"type": "unsubscribe", "stream": "public"}))
        ws.ping("still there?")
        # The server reads a socket's messages in order: once this one is answered, the unsubscribe is in
        # effect (without waiting, the next post could still reach the public stream).
        ws.send(json.dumps({"type": "subscribe", "stream": "nonsense"}))
        assert next_event(ws) == {"error": "Unknown stream type", "status": 400}
        second = inst.client("bob").status_post("black #tea")
        message = next_event(ws)
        assert message["stream"] == ["hashtag", "tea"] and json.loads(message["payload"])["id"] == second.id
        inst.client("bob").status_delete(second)
        gone = next_event(ws)
        assert gone["event"] == "delete" and gone["payload"] == second.id  # the id as a string, not JSON
    finally:
        ws.close()


def test_a_stream_named_in_the_query_is_subscribed_at_once(inst: LocalInstance) -> None:
    ws = connect(inst, inst.token("alice"), "?stream=user")
    try:
        inst.client("bob").account_follow(inst.account_id("alice"))
        message = next_event(ws)
        assert message["event"] == "notification" and json.loads(message["payload"])["type"] == "follow"
    finally:
        ws.close()


def test_the_query_stream_is_subscribed_before_the_101_is_sent(
    inst: LocalInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An event published as soon as the handshake returns must reach the socket: no wait, no retry.
    steps: list[str] = []
    subscribe, send_response = inst._app.subscribe, server._Handler.send_response

    def subscribing(sub: Any) -> None:
        steps.append("subscribed")
        subscribe(sub)

    def responding(handler: Any, code: int, message: str | None = None) -> None:
        steps.append(str(code))
        send_response(handler, code, message)

    monkeypatch.setattr(inst._app, "subscribe", subscribing)
    monkeypatch.setattr(server._Handler, "send_response", responding)
    ws = connect(inst, inst.token("alice"), "?stream=public")
    try:
        assert steps == ["subscribed", "101"]
        assert inst._app.subscriber_count() == 1
    finally:
        ws.close()


def test_a_bad_stream_in_the_query_is_answered_on_the_upgraded_socket(inst: LocalInstance) -> None:
    ws = connect(inst, inst.token("alice"), "?stream=nonsense")
    try:
        assert next_event(ws) == {"error": "Unknown stream type", "status": 400}
        assert inst._app.subscriber_count() == 0
    finally:
        ws.close()


def test_a_bad_token_is_refused_before_the_upgrade(inst: LocalInstance) -> None:
    with pytest.raises(websocket.WebSocketBadStatusException) as caught:
        connect(inst, "not-a-token")
    assert caught.value.status_code == 401
