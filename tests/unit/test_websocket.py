"""The stdlib WebSocket client (``mastodon._websocket``) against raw bytes: RFC 6455 framing, by hand.

Frames are written the way RFC 6455 section 5 draws them; the server side of each test is a plain
socket of a ``socketpair``.
"""

from __future__ import annotations

import logging
import socket
import struct
from collections.abc import Iterator
from typing import Any, cast

import pytest

from mastodon import MastodonNetworkError
from mastodon._websocket import WebSocketConnection, accept_key, mask


@pytest.fixture
def pair() -> Iterator[tuple[WebSocketConnection, socket.socket]]:
    ours, theirs = socket.socketpair()
    theirs.settimeout(2)
    connection = WebSocketConnection(ours)
    connection.settimeout(2)
    yield connection, theirs
    connection.shut()
    theirs.close()


def server_frame(opcode: int, payload: bytes, final: bool = True) -> bytes:
    first = (0x80 if final else 0) | opcode
    if len(payload) < 126:
        return struct.pack("!BB", first, len(payload)) + payload
    if len(payload) < 65536:
        return struct.pack("!BBH", first, 126, len(payload)) + payload
    return struct.pack("!BBQ", first, 127, len(payload)) + payload


def read_client_frame(sock: socket.socket) -> tuple[int, bytes]:
    def exactly(size: int) -> bytes:
        data = b""
        while len(data) < size:
            data += sock.recv(size - len(data))
        return data

    first, second = exactly(2)
    assert second & 0x80, "client frames are masked"
    size = second & 0x7F
    if size == 126:
        size = struct.unpack("!H", exactly(2))[0]
    elif size == 127:
        size = struct.unpack("!Q", exactly(8))[0]
    key = exactly(4)
    return first & 0x0F, bytes(b ^ key[i % 4] for i, b in enumerate(exactly(size)))


def test_accept_key_of_the_rfc_example() -> None:
    assert accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_masking_is_its_own_inverse() -> None:
    data = bytes(range(256)) * 3 + b"tail"
    key = b"\x01\x80\xff\x10"
    assert mask(mask(data, key), key) == data
    assert mask(b"Hi", b"\x00\x00\x00\x00") == b"Hi" and mask(b"", key) == b""


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536])
def test_text_goes_out_masked_with_the_right_length(pair: tuple[WebSocketConnection, socket.socket], size: int) -> None:
    connection, server = pair
    text = "é" * (size // 2) + "x" * (size % 2)
    connection.send_text(text)
    assert read_client_frame(server) == (0x1, text.encode())


def test_messages_whole_fragmented_and_split_across_reads(pair: tuple[WebSocketConnection, socket.socket]) -> None:
    connection, server = pair
    big = "x" * 70000
    server.sendall(server_frame(0x1, b'{"event": "update"}'))
    server.sendall(server_frame(0x1, b"caf", final=False) + server_frame(0x0, "é".encode()))
    server.sendall(server_frame(0x1, big.encode()))
    assert connection.receive() == '{"event": "update"}'
    assert connection.receive() == "café"
    assert connection.receive() == big


def test_a_ping_is_answered_with_a_pong_and_a_pong_is_a_sign_of_life(
    pair: tuple[WebSocketConnection, socket.socket],
) -> None:
    connection, server = pair
    server.sendall(server_frame(0x9, b"beat") + server_frame(0xA, b""))
    assert connection.receive() is None
    assert read_client_frame(server) == (0xA, b"beat")
    assert connection.receive() is None
    connection.ping(b"you?")
    assert read_client_frame(server) == (0x9, b"you?")


def test_a_timeout_mid_frame_loses_nothing(pair: tuple[WebSocketConnection, socket.socket]) -> None:
    connection, server = pair
    frame = server_frame(0x1, b"patience")
    connection.settimeout(0.05)
    server.sendall(frame[:4])
    with pytest.raises(TimeoutError):
        connection.receive()
    server.sendall(frame[4:])
    assert connection.receive() == "patience"


def test_the_server_closing_is_answered_and_reported(pair: tuple[WebSocketConnection, socket.socket]) -> None:
    connection, server = pair
    server.sendall(server_frame(0x8, struct.pack("!H", 1001) + b"restarting"))
    with pytest.raises(MastodonNetworkError, match="1001 \\(restarting\\)"):
        connection.receive()
    assert read_client_frame(server) == (0x8, struct.pack("!H", 1001))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x81\x85abcd" + b"hello", "masked frame"),
        (b"\xc1\x02hi", "reserved bits"),
        (server_frame(0x0, b"orphan"), "never began"),
        (server_frame(0x3, b"?"), "unknown type"),
        (server_frame(0x1, b"\xff\xfe"), "not UTF-8"),
        (b"", "no close frame"),
    ],
)
def test_protocol_breaches_are_network_errors(
    pair: tuple[WebSocketConnection, socket.socket], data: bytes, message: str
) -> None:
    connection, server = pair
    if data:
        server.sendall(data)
    else:
        server.shutdown(socket.SHUT_WR)
    with pytest.raises(MastodonNetworkError, match=message):
        connection.receive()


def test_a_handshake_answer_other_than_101_is_refused() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    import threading

    def answer() -> None:
        conn, _ = listener.accept()
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(4096)
        assert b"Authorization: Bearer secret" in request and b"Sec-WebSocket-Version: 13" in request
        conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
        conn.close()

    thread = threading.Thread(target=answer)
    thread.start()
    try:
        expected = f"127.0.0.1:{port} turned the WebSocket upgrade down with HTTP 401 Unauthorized"
        with pytest.raises(MastodonNetworkError, match=expected) as caught:
            WebSocketConnection.open(
                f"ws://127.0.0.1:{port}/api/v1/streaming", {"Authorization": "Bearer secret"}, timeout=2
            )
        assert "secret" not in str(caught.value)
    finally:
        thread.join(2)
        listener.close()


def test_no_listener_on_the_port_names_the_address_and_what_to_do() -> None:
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()  # nobody listens there now: the connection is refused at once
    with pytest.raises(
        MastodonNetworkError, match=f"No TCP connection to 127.0.0.1:{port} for the WebSocket"
    ) as caught:
        WebSocketConnection.open(f"ws://127.0.0.1:{port}/api/v1/streaming", {}, timeout=2)
    assert "open the stream again" in str(caught.value)


def transport_on(connection: WebSocketConnection) -> Any:
    """A WebSocket transport already connected through ``connection`` (no client needed to settle and read)."""
    from mastodon._streaming import WebSocketTransport

    transport = WebSocketTransport(
        cast(Any, None), "wss://mastodon.example/api/v1/streaming", cast(Any, None), 5.0, print
    )
    transport.connection = connection
    return transport


def test_settling_waits_for_the_pong_to_its_own_ping_and_keeps_what_came_before(
    pair: tuple[WebSocketConnection, socket.socket],
) -> None:
    connection, server = pair
    event = '{"stream": ["public"], "event": "delete", "payload": "7"}'
    server.sendall(
        server_frame(0x1, event.encode()) + server_frame(0xA, b"mastodon") + server_frame(0xA, b"subscribed 1")
    )
    transport = transport_on(connection)
    transport._settle(connection, 2.0)
    assert read_client_frame(server) == (0x9, b"subscribed 1")
    assert connection.last_pong == b"subscribed 1" and transport.early == [event]
    server.sendall(server_frame(0x1, b'{"stream": ["public"], "event": "delete", "payload": "8"}'))
    items = transport.items(lambda: None)
    assert next(items) == ("delete", "7", ["public"], True)  # what came while settling, first
    assert next(items) == ("delete", "8", ["public"], True)


def test_settling_with_a_server_that_never_answers_warns_and_goes_on(
    pair: tuple[WebSocketConnection, socket.socket], caplog: pytest.LogCaptureFixture
) -> None:
    connection, server = pair
    transport = transport_on(connection)
    with caplog.at_level(logging.WARNING, logger="mastodon"):
        transport._settle(connection, 0.05)
    assert read_client_frame(server) == (0x9, b"subscribed 1")
    assert any("no answer to a ping" in record.getMessage() for record in caplog.records)
    assert not connection.closed
