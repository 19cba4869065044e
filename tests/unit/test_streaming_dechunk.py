"""A chunked event-stream body de-chunked in bulk (``_ChunkDecoder``, ``_chunks``) gives what urllib3 gives.

No sockets: the decoder is fed reads directly, and whole responses are built by ``http.client`` over a
file that hands out the bytes in reads of chosen sizes, then read by our fast path and by urllib3's
per-chunk reader (``iter_content``), which must agree on the payload or on the error.
"""

from __future__ import annotations

import gzip
import http.client
import io
import itertools
import random
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import requests
import requests_mock
import urllib3
import urllib3.exceptions
import urllib3.response

import mastodon._streaming as streaming
from mastodon import MastodonNetworkError, MastodonReadTimeout
from mastodon._streaming import _ChunkDecoder, _chunks, read_sse, stream_error

SSE = (
    b":)\n"
    b'event: update\ndata: {"id": "1", "content": "<p>one</p>"}\n\n'
    b"event: delete\ndata: 2\n\n"
    b":thump\n"
    b'event: notification\ndata: {"id": "3",\ndata:  "type": "follow"}\n\n'
    b'event: status.update\ndata: {"id": "4", "content": "\xc3\xa9t\xc3\xa9"}\n\n'
)
EVENTS: list[Any] = [  # read_sse gives the data as text (the body is UTF-8)
    None,
    ("update", '{"id": "1", "content": "<p>one</p>"}', None, True),
    ("delete", "2", None, True),
    None,
    ("notification", '{"id": "3",\n "type": "follow"}', None, True),
    ("status.update", '{"id": "4", "content": "\u00e9t\u00e9"}', None, True),
]
BROKE_OFF = "The streaming server broke off the connection in the middle of the stream."


def pieces(data: bytes, cuts: Sequence[int]) -> list[bytes]:
    points = sorted({0, len(data), *cuts})
    return [data[a:b] for a, b in itertools.pairwise(points)]


def framed(parts: Sequence[bytes], sizes: Sequence[bytes] | None = None, ending: bytes = b"0\r\n\r\n") -> bytes:
    """``parts`` as chunks; ``sizes`` gives each size line (without its line end) when it is not plain hex."""
    out = []
    for index, part in enumerate(parts):
        line = sizes[index] if sizes is not None else b"%x" % len(part)
        out.append(line + b"\r\n" + part + b"\r\n")
    return b"".join(out) + ending


# Chunk boundaries in the middle of lines and events; size lines in both cases of hex, with leading zeros,
# extensions, surrounding blanks and a bare LF; the last chunk with extensions and two trailer fields.
SSE_PARTS = [SSE[0:5], SSE[5:30], SSE[30:31], SSE[31:90], SSE[90:200], SSE[200:]]
SIZE_LINES = [
    b"5",
    b"19;name=value",
    b'1 ; a ; b="c d"',
    b"3B",
    b"006e;x",
    b"%X" % len(SSE[200:]),
]
BODY = (
    b"".join(
        (line + (b"\n" if index == 2 else b"\r\n") + part + b"\r\n")
        for index, (line, part) in enumerate(zip(SIZE_LINES, SSE_PARTS, strict=True))
    )
    + b"0;last=yes\r\nExpires: never\r\nX-Trailer: 1\r\n\r\n"
)


def decode(reads: Sequence[bytes]) -> bytes:
    decoder = _ChunkDecoder()
    out = b"".join(decoder.feed(read) for read in reads)
    decoder.finish()
    assert decoder.ended
    return out


def mapped(error: BaseException) -> tuple[type, str]:
    found = stream_error(error)
    assert found is not None, error
    return type(found), str(found)


# ---------------------------------------------------------------------------------------------
# The decoder alone


def test_the_body_in_one_read_is_its_payload_in_one_piece() -> None:
    decoder = _ChunkDecoder()
    assert decoder.feed(BODY) == SSE
    assert decoder.ended
    decoder.finish()


def test_every_single_cut_gives_the_payload() -> None:
    for cut in range(len(BODY) + 1):
        assert decode([BODY[:cut], BODY[cut:]]) == SSE, cut


def test_byte_by_byte_gives_the_payload() -> None:
    decoder = _ChunkDecoder()
    out = [decoder.feed(BODY[i : i + 1]) for i in range(len(BODY))]
    assert b"".join(out) == SSE and decoder.ended
    assert max(len(piece) for piece in out) == 1  # payload bytes come out as soon as they arrive


def test_random_cut_sets_give_the_payload() -> None:
    rng = random.Random(20240501)
    for _ in range(500):
        cuts = [rng.randrange(len(BODY) + 1) for _ in range(rng.randrange(1, 25))]
        assert decode(pieces(BODY, cuts)) == SSE, cuts


def test_what_follows_the_end_is_ignored() -> None:
    decoder = _ChunkDecoder()
    assert decoder.feed(framed([b"abc"]) + b"HTTP/1.1 200 OK\r\n\r\n") == b"abc"
    assert decoder.ended
    assert decoder.feed(b"5\r\nmore!\r\n") == b""


def test_the_body_ends_at_a_bare_lf_trailer_line_or_at_the_end_of_input_after_the_last_size() -> None:
    assert decode([framed([b"ab"], ending=b"0\nX: y\n\n")]) == b"ab"
    decoder = _ChunkDecoder()
    assert decoder.feed(framed([b"ab"], ending=b"0\r\nX: y")) == b"ab"
    states = [decoder.ended]
    decoder.finish()  # the connection closed inside the trailers: urllib3 takes that for the end too
    states.append(decoder.ended)
    assert states == [False, True]
    # ... and an end right after the last size line, even before its line end.
    assert decode([b"3\r\nabc\r\n0"]) == decode([b"3\r\nabc\r\n0;x\r"]) == b"abc"


def test_size_lines_are_read_as_urllib3_reads_them() -> None:
    sizes = [b"0x3", b" 3\t", b"+3", b"0_3", b"03;;;"]
    assert decode([framed([b"abc"] * 5, sizes)]) == b"abc" * 5
    # The two bytes after a payload are skipped without looking at them, as urllib3 does.
    assert decode([b"3\r\nabcXY3\r\ndef\r\n0\r\n\r\n"]) == b"abcdef"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"3\r\nabc\r\nzz\r\n0\r\n\r\n", id="garbage size"),
        pytest.param(b"3\r\nabc\r\n\r\n0\r\n\r\n", id="empty size line"),
        pytest.param(b";ext\r\nabc\r\n0\r\n\r\n", id="extension without size"),
        pytest.param(b"-3\r\nabc\r\n0\r\n\r\n", id="negative size"),
        pytest.param(b"3\r\nabc\n3\r\ndef\r\n0\r\n\r\n", id="bare LF after a payload"),
        pytest.param(b"1" * 70_000 + b"\r\n", id="size line too long"),
        pytest.param(b"0\r\n" + b"X" * 70_000 + b"\r\n\r\n", id="trailer line too long"),
    ],
)
def test_malformed_framing_raises_what_requests_raises(body: bytes) -> None:
    for cut in (0, 1, len(body) // 2, len(body) - 1):
        with pytest.raises(requests.exceptions.ChunkedEncodingError) as caught:
            decode([body[:cut], body[cut:]])
        assert isinstance(caught.value.args[0], urllib3.exceptions.ProtocolError)
        assert mapped(caught.value) == (MastodonNetworkError, BROKE_OFF)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"", id="nothing"),
        pytest.param(b"3\r\nabc\r\n", id="no last chunk"),
        pytest.param(b"3\r\nab", id="inside a payload"),
        pytest.param(b"3\r\nabc", id="before the line end of a payload"),
        pytest.param(b"3\r\nabc\r", id="inside the line end of a payload"),
        pytest.param(b"3\r\nabc\r\n1f", id="inside a size line after a payload"),
        pytest.param(b"3", id="inside a size line"),
    ],
)
def test_an_end_before_the_last_chunk_is_a_broken_off_stream(body: bytes) -> None:
    decoder = _ChunkDecoder()
    decoder.feed(body)
    with pytest.raises(requests.exceptions.ChunkedEncodingError) as caught:
        decoder.finish()
    assert mapped(caught.value) == (MastodonNetworkError, BROKE_OFF)


# ---------------------------------------------------------------------------------------------
# Whole responses, without a socket: http.client parses the head, then the body is read both ways


class Reads(io.RawIOBase):
    """A connection's bytes handed out in reads of the given sizes (then whatever is asked)."""

    def __init__(self, data: bytes, sizes: Iterator[int] | None = None, fail: OSError | None = None) -> None:
        self.data = data
        self.sizes = sizes
        self.fail = fail
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.pos >= len(self.data) and self.fail is not None:
            raise self.fail
        size = len(buffer)
        if self.sizes is not None:
            size = min(size, next(self.sizes, size))
        piece = self.data[self.pos : self.pos + size]
        buffer[: len(piece)] = piece
        self.pos += len(piece)
        return len(piece)


class Connection:
    """What ``http.client.HTTPResponse`` needs of a socket: ``makefile``."""

    def __init__(self, raw: Reads) -> None:
        self.raw = raw

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(self.raw)


def response_for(body: bytes, headers: bytes = b"", **reads: Any) -> requests.Response:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n" + headers + b"\r\n"
    original = http.client.HTTPResponse(Connection(Reads(head + body, **reads)), method="GET")  # type: ignore[arg-type]
    original.begin()
    raw = urllib3.response.HTTPResponse(
        body=original,
        headers=urllib3.HTTPHeaderDict(original.msg.items()),
        status=original.status,
        preload_content=False,
        decode_content=True,
        original_response=original,
    )
    response = requests.Response()
    response.raw = raw
    response.status_code = 200
    return response


def outcome(response: requests.Response) -> Any:
    try:
        return b"".join(_chunks(response))
    except Exception as error:
        return mapped(error)


def both_ways(body: bytes, monkeypatch: pytest.MonkeyPatch, **reads: Any) -> tuple[Any, Any]:
    fast = outcome(response_for(body, **reads))
    with monkeypatch.context() as patch:
        patch.setattr(streaming, "_chunked_socket_file", lambda response: None)
        slow = outcome(response_for(body, **reads))
    return fast, slow


def test_the_fast_path_is_taken_for_a_plain_chunked_body(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("urllib3's chunk reader was used")

    monkeypatch.setattr(urllib3.response.HTTPResponse, "read_chunked", never)
    monkeypatch.setattr(urllib3.response.HTTPResponse, "_update_chunk_length", never)
    monkeypatch.setattr(urllib3.response.HTTPResponse, "_handle_chunk", never)
    assert list(read_sse(response_for(BODY))) == EVENTS
    assert list(read_sse(response_for(BODY, headers=b"Content-Encoding: identity\r\n"))) == EVENTS


def test_each_read_comes_out_as_one_piece() -> None:
    body = framed([b"x" * 100] * 50)
    # http.client parses the head from a first read of 8 KiB; the body comes in two more.
    got = list(_chunks(response_for(body, sizes=iter([8192, len(body) // 2]))))
    assert b"".join(got) == b"x" * 5000
    assert len(got) <= 3


def test_a_read_body_leaves_the_response_closed_and_closable() -> None:
    response = response_for(BODY + b"left over")
    assert list(read_sse(response)) == EVENTS
    assert response.raw.closed
    response.close()
    streaming._shut(response)


def test_not_taken_for_a_compressed_body(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "_dechunked", None)  # calling it would fail
    packed = gzip.compress(SSE)
    body = framed([packed[:10], packed[10:]])
    response = response_for(body, headers=b"Content-Encoding: gzip\r\n")
    assert list(read_sse(response)) == EVENTS


def test_not_taken_once_urllib3_has_read_part_of_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    response = response_for(BODY)
    started = response.raw.read_chunked()  # kept: a reader dropped half-way closes the response
    first = next(started)
    monkeypatch.setattr(streaming, "_dechunked", None)
    assert first + b"".join(_chunks(response)) == SSE
    started.close()


def test_not_taken_for_requests_mock_or_replayed_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "_dechunked", None)
    with requests_mock.Mocker() as mock:
        mock.get("https://example.test/stream", content=SSE, headers={"Transfer-Encoding": "chunked"})
        response = requests.get("https://example.test/stream", stream=True, timeout=5)
        assert list(read_sse(response)) == EVENTS

    class Replayed:
        def iter_content(self, chunk_size: Any) -> Iterator[bytes]:
            yield SSE[:7]
            yield SSE[7:]

    assert list(read_sse(Replayed())) == EVENTS


def test_cut_reads_give_what_urllib3_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    for _ in range(100):
        sizes = [rng.randrange(1, 40) for _ in range(200)]
        fast, slow = both_ways(BODY, monkeypatch, sizes=iter([8192, *sizes]))
        assert fast == slow == SSE


def random_body(rng: random.Random) -> bytes:
    """A chunked body in one of many spellings, sometimes damaged or cut short."""
    parts = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) for _ in range(rng.randrange(0, 6))]
    out = []
    for part in parts:
        digits = rng.choice([b"%x", b"%X", b"%03x", b"%04X"]) % len(part)
        extension = rng.choice([b"", b";a=1", b" ;b", b"\t"])
        out.append(digits + extension + rng.choice([b"\r\n", b"\n"]) + part + b"\r\n")
    out.append(b"0" + rng.choice([b"", b";end"]) + b"\r\n" + rng.choice([b"", b"A: b\r\n"]) + b"\r\n")
    body = bytearray(b"".join(out))
    for _ in range(rng.choice([0, 0, 1, 2])):
        if not body:
            break
        at = rng.randrange(len(body))
        kind = rng.randrange(3)
        if kind == 0:
            # No "-": urllib3 reads a negative size as a read length (-1 reads to the end, -2 and below
            # fail in BufferedReader.read, a "connection failed"); here any negative size is a framing
            # error, a "broke off" (see test_malformed_framing_raises_what_requests_raises).
            body[at] = rng.choice(b"0aF;\r\n \txZ+")
        elif kind == 1:
            del body[at]
        else:
            del body[at:]
    return bytes(body)


def test_damaged_and_cut_bodies_give_what_urllib3_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same payload, or an error standing for the same library error, for a thousand spellings and damages."""
    rng = random.Random(1234)
    errors = 0
    for _ in range(1000):
        body = random_body(rng)
        sizes = [rng.randrange(1, 64) for _ in range(400)]
        fast, slow = both_ways(body, monkeypatch, sizes=iter([8192, *sizes]))
        assert fast == slow, body
        errors += isinstance(fast, tuple)
    assert 100 < errors < 900  # both outcomes were tried


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (TimeoutError("timed out"), MastodonReadTimeout),
        (ConnectionResetError(104, "reset"), MastodonNetworkError),
    ],
)
def test_read_failures_map_as_before(
    failure: OSError, expected: type[Exception], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = both_ways(b"3\r\nabc\r\n", monkeypatch, fail=failure)
    assert fast == slow
    assert fast[0] is expected
