"""A small WebSocket client (RFC 6455) on the standard library, for the streaming API.

It does what Mastodon's streaming server asks of a client and nothing more: the opening handshake
(over a plain or TLS socket), masked text frames out, text frames in (fragmented or whole), ping and
pong, and the closing handshake. No extensions and no subprotocols are offered, so the server sends
plain, uncompressed frames. Errors come out as :class:`~mastodon.errors.MastodonNetworkError`; a read
that waits longer than the socket timeout raises :class:`TimeoutError`, which the caller uses to
send a ping.

Why not a third-party client: the stream needs only this much of the protocol, and owning it lets one
connection honour the client's TLS settings, be shut from another thread (``shut``) and be tested
byte for byte against :class:`mastodon.testing.LocalInstance`, with no optional dependency to install.
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import struct
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .errors import MastodonNetworkError

__all__ = ["ACCEPT_SUFFIX", "WebSocketConnection", "accept_key", "mask"]

ACCEPT_SUFFIX = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455, section 1.3
MAX_HEAD = 64 * 1024
MAX_MESSAGE = 64 * 1024 * 1024

OP_CONTINUATION, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


def accept_key(key: bytes | str) -> str:
    """The ``Sec-WebSocket-Accept`` value a server owes for the handshake key ``key``."""
    raw = key.encode("ascii") if isinstance(key, str) else key
    return base64.b64encode(hashlib.sha1(raw + ACCEPT_SUFFIX).digest()).decode("ascii")


def mask(data: bytes, key: bytes) -> bytes:
    """``data`` XORed with the four-byte ``key`` repeated (masking and unmasking are the same)."""
    if not data:
        return b""
    size = len(data)
    pad = (key * (size // 4 + 1))[:size]
    return (int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")).to_bytes(size, "big")


def _frame(opcode: int, payload: bytes) -> bytes:
    """One final, masked client frame."""
    size = len(payload)
    if size < 126:
        head = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
    elif size < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
    key = os.urandom(4)
    return head + key + mask(payload, key)


class WebSocketConnection:
    """One open WebSocket: ``send_text``, ``receive``, ``ping``, ``close``; ``shut`` from any thread."""

    def __init__(self, sock: socket.socket, leftover: bytes = b"") -> None:
        self._sock = sock
        self._buffer = bytearray(leftover)
        self._send_lock = threading.Lock()
        self._parts: list[bytes] = []
        self._size = 0
        self.close_sent = False
        self.closed = False
        self.last_pong = b""  # the payload of the latest pong: which ping the server has answered

    # ------------------------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        url: str,
        headers: Mapping[str, str],
        *,
        timeout: float | None,
        verify: bool | str = True,
        cert: Any = None,
    ) -> WebSocketConnection:
        """Connect to a ``ws://`` or ``wss://`` URL and complete the opening handshake."""
        parts = urlsplit(url)
        secure = parts.scheme == "wss"
        if parts.scheme not in ("ws", "wss") or not parts.hostname:
            raise MastodonNetworkError(f"Cannot open a WebSocket to {url!r}: the URL must start with ws:// or wss://")
        port = parts.port or (443 if secure else 80)
        try:
            sock = socket.create_connection((parts.hostname, port), timeout=timeout)
        except OSError as error:
            raise MastodonNetworkError(
                f"No TCP connection to {parts.hostname}:{port} for the WebSocket stream ({error}); check the host, "
                "the port and the network, then open the stream again"
            ) from error
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if secure:
                sock = _wrap_tls(sock, parts.hostname, verify, cert)
            key = base64.b64encode(os.urandom(16)).decode("ascii")
            host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
            if ":" in parts.hostname and parts.port is None:
                host = f"[{parts.hostname}]"
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            lines = [
                f"GET {target} HTTP/1.1",
                f"Host: {host}",
                "Upgrade: websocket",
                "Connection: Upgrade",
                f"Sec-WebSocket-Key: {key}",
                "Sec-WebSocket-Version: 13",
                *(f"{name}: {value}" for name, value in headers.items()),
            ]
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            leftover = _check_answer(sock, key, f"{parts.hostname}:{port}")
        except MastodonNetworkError:
            sock.close()
            raise
        except (OSError, UnicodeError) as error:
            sock.close()
            raise MastodonNetworkError(
                f"The WebSocket handshake with {parts.hostname}:{port} failed: {type(error).__name__}: {error}"
            ) from error
        return cls(sock, leftover)

    # ------------------------------------------------------------------------------- sending

    def _write(self, opcode: int, payload: bytes) -> None:
        data = _frame(opcode, payload)
        try:
            with self._send_lock:
                self._sock.sendall(data)
        except OSError as error:
            raise MastodonNetworkError(f"Could not send on the WebSocket: {error}") from error

    def send_text(self, text: str) -> None:
        """Send one text message."""
        self._write(OP_TEXT, text.encode("utf-8"))

    def ping(self, payload: bytes = b"") -> None:
        """Ask the server for a sign of life (it answers with a pong)."""
        self._write(OP_PING, payload[:125])

    # ------------------------------------------------------------------------------- receiving

    def _fill(self, wanted: int) -> None:
        while len(self._buffer) < wanted:
            try:
                data = self._sock.recv(max(65536, wanted - len(self._buffer)))
            except TimeoutError:
                raise  # nothing lost: the caller may ping and read on
            except OSError as error:
                self.closed = True
                raise MastodonNetworkError(
                    f"Reading the WebSocket stream broke off ({error}); open it again to go on"
                ) from error
            if not data:
                self.closed = True
                raise MastodonNetworkError(
                    "The streaming server hung up the WebSocket with no close frame (an abrupt end); open it again"
                )
            self._buffer += data

    def receive(self) -> str | None:
        """The next message as text, or None after a control frame (a pong: the server is alive).

        Raises :class:`MastodonNetworkError` when the connection is closed or the server breaks the
        protocol, and :class:`TimeoutError` when nothing arrived within the socket timeout (no
        partial frame is lost: the next call goes on where this one stopped).
        """
        while True:
            opcode, final, payload = self._next_frame()
            if opcode >= 0x8:
                self._control(opcode, payload)
                return None
            if opcode == OP_CONTINUATION:
                if not self._parts:
                    raise self._fail(1002, "The WebSocket streaming server continued a message it never began.")
            elif opcode in (OP_TEXT, OP_BINARY):
                if self._parts:
                    raise self._fail(1002, "The WebSocket streaming server began a message inside another.")
            else:
                raise self._fail(1002, f"The WebSocket streaming server sent a frame of unknown type {opcode}.")
            self._parts.append(payload)
            self._size += len(payload)
            if self._size > MAX_MESSAGE:
                raise self._fail(1009, f"The WebSocket streaming server sent a message over {MAX_MESSAGE} bytes.")
            if final:
                break
        message, self._parts, self._size = b"".join(self._parts), [], 0
        try:
            return message.decode("utf-8")
        except UnicodeDecodeError as error:
            raise self._fail(1007, "The WebSocket streaming server sent a message that is not UTF-8.") from error

    def _next_frame(self) -> tuple[int, bool, bytes]:
        """One whole frame: (opcode, final, payload). Nothing is consumed until the frame is complete."""
        self._fill(2)
        first, second = self._buffer[0], self._buffer[1]
        if second & 0x80:
            raise self._fail(1002, "The WebSocket streaming server sent a masked frame, which RFC 6455 forbids.")
        if first & 0x70:
            raise self._fail(1002, "The WebSocket streaming server sent a frame with reserved bits set.")
        size = second & 0x7F
        head = 2
        if size == 126:
            head = 4
            self._fill(head)
            size = int.from_bytes(self._buffer[2:4], "big")
        elif size == 127:
            head = 10
            self._fill(head)
            size = int.from_bytes(self._buffer[2:10], "big")
        if size > MAX_MESSAGE:
            raise self._fail(
                1009, f"The WebSocket streaming server sent a frame of {size} bytes; the limit is {MAX_MESSAGE}."
            )
        if first & 0x08 and (size > 125 or not first & 0x80):
            raise self._fail(1002, "The WebSocket streaming server sent a fragmented or oversized control frame.")
        self._fill(head + size)
        payload = bytes(self._buffer[head : head + size])
        del self._buffer[: head + size]
        return first & 0x0F, bool(first & 0x80), payload

    def _control(self, opcode: int, payload: bytes) -> None:
        if opcode == OP_PING:
            self._write(OP_PONG, payload)
            return None
        if opcode == OP_PONG:
            self.last_pong = payload
            return None
        if opcode == OP_CLOSE:
            code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            reason = payload[2:].decode("utf-8", "replace")
            self._say_goodbye(code if code not in (1005, 1006) else 1000)
            self.closed = True
            said = f" ({reason})" if reason else ""
            raise MastodonNetworkError(
                f"The streaming server ended the WebSocket with close code {code}{said}; open it again"
            )
        raise self._fail(1002, f"The WebSocket streaming server sent a control frame of unknown type {opcode}.")

    def _fail(self, code: int, text: str) -> MastodonNetworkError:
        self._say_goodbye(code)
        self.shut()
        return MastodonNetworkError(text)

    # ------------------------------------------------------------------------------- closing

    def _say_goodbye(self, code: int) -> None:
        if self.close_sent:
            return
        self.close_sent = True
        try:
            self._write(OP_CLOSE, code.to_bytes(2, "big"))
        except MastodonNetworkError:
            pass

    def close(self) -> None:
        """Send a close frame (once) and close the socket."""
        self._say_goodbye(1000)
        self.shut()

    def shut(self) -> None:
        """Close the socket at once; a read blocked on it in another thread returns with an error."""
        self.closed = True
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()

    def settimeout(self, seconds: float | None) -> None:
        """How long ``receive`` waits for data before raising :class:`TimeoutError`."""
        self._sock.settimeout(seconds)


def _wrap_tls(sock: socket.socket, hostname: str, verify: bool | str, cert: Any) -> socket.socket:
    import ssl

    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        if isinstance(verify, str):
            bundle = verify
        else:
            from requests.utils import DEFAULT_CA_BUNDLE_PATH

            bundle = DEFAULT_CA_BUNDLE_PATH
        context = ssl.create_default_context(
            cafile=bundle if os.path.isfile(bundle) else None, capath=bundle if os.path.isdir(bundle) else None
        )
    if cert:
        if isinstance(cert, (tuple, list)):
            context.load_cert_chain(cert[0], cert[1])
        else:
            context.load_cert_chain(cert)
    try:
        return context.wrap_socket(sock, server_hostname=hostname)
    except (ssl.SSLError, OSError) as error:
        raise MastodonNetworkError(
            f"The TLS handshake with {hostname} for the WebSocket stream did not succeed ({error}); check that the "
            "port serves TLS and that its certificate is trusted"
        ) from error


def _check_answer(sock: socket.socket, key: str, where: str) -> bytes:
    """Read the server's answer to the handshake; return the bytes after its head."""
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_HEAD:
            raise MastodonNetworkError(f"The WebSocket streaming server {where} sent an answer head over 64 KiB.")
        chunk = sock.recv(4096)
        if not chunk:
            raise MastodonNetworkError(
                f"{where} hung up before answering the WebSocket opening handshake; check that it serves the "
                "streaming API on that port"
            )
        data += chunk
    head, _, leftover = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    fields: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    pieces = status_line.split(" ", 2)
    status = pieces[1] if len(pieces) > 1 else "?"
    if status != "101":
        reason = pieces[2] if len(pieces) > 2 else ""
        hint = " (is the access token valid, with a read scope?)" if status in ("401", "403") else ""
        raise MastodonNetworkError(
            f"{where} turned the WebSocket upgrade down with HTTP {status} {reason}{hint}".rstrip()
        )
    if fields.get("upgrade", "").lower() != "websocket" or "upgrade" not in fields.get("connection", "").lower():
        raise MastodonNetworkError(f"The server {where} answered 101 without switching to the WebSocket protocol.")
    if fields.get("sec-websocket-accept") != accept_key(key):
        raise MastodonNetworkError(f"The server {where} answered the WebSocket handshake with a wrong accept key.")
    if fields.get("sec-websocket-extensions"):
        raise MastodonNetworkError(f"The server {where} switched on WebSocket extensions nobody asked for.")
    return leftover
