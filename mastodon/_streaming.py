"""The streaming machinery: one event pipeline behind two transports.

A stream is read by a *transport*: :class:`SSETransport` reads one ``text/event-stream`` response
(``read_sse``); :class:`WebSocketTransport` reads one WebSocket that carries several subscriptions
(``mastodon._websocket``). Each yields the same raw events, ``(name, data, stream, has_data)``, or
None for a sign of life. :class:`EventSource` drives a transport and is the one pipeline: it
connects, converts each payload to its entity (``convert_event``), hands it to the :class:`Route` it
belongs to (one per SSE stream, one per WebSocket subscription), drops what that route already had,
watches for a connection gone quiet, reconnects with backoff and jitter, and after a reconnect fetches
from the REST API what each route missed. The handles that run a source in a thread for listeners
(``SSEStreamHandle``, ``WebSocketStreamHandle``) live in ``mastodon._stream_handles``;
``Mastodon.stream`` iterates a source itself. Time comes from the client's rate-limit clock, so tests
never really wait.

This module is imported by ``import mastodon``: it compiles nothing, starts nothing and opens no socket.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import (
    MastodonAPIError,
    MastodonError,
    MastodonMalformedEventError,
    MastodonNetworkError,
    MastodonReadTimeout,
)
from .types_base import (
    _ANOMALIES,
    AttribAccessDict,
    FieldTypeError,
    MaybeSnowflakeIdType,
    check_fields,
    convert_checked,
)

if TYPE_CHECKING:
    from ._core import Core
    from ._websocket import WebSocketConnection

__all__ = [
    "CatchUp",
    "EventSource",
    "Route",
    "SSETransport",
    "StreamEvent",
    "WebSocketTransport",
    "backoff_delay",
    "convert_event",
    "deliver",
    "read_sse",
    "stream_error",
]

logger = logging.getLogger("mastodon")

# At most this much is read from the socket at once. Reads (and the buffers made from them) of a megabyte
# went to fresh pages of memory on every read under glibc's malloc (about one page fault per event of a
# busy stream, measured); buffers of 64 KiB stay under its mmap threshold and are reused.
READ_SIZE = 1 << 16
DEFAULT_HEARTBEAT = 15.0  # Mastodon's streaming server sends ":thump" every 15 s
QUIET_FACTOR = 3.0  # a stream silent for three heartbeat intervals is taken for dead
MIN_QUIET = 0.5
MAX_BACKOFF = 300.0
CATCH_UP_LIMIT = 40
CATCH_UP_MAX_PAGES = 25
CATCH_UP_WINDOW = 40  # catch-up reaches back to the oldest of this many items delivered last
SEEN_MEMORY = 4096

# Event name -> entity class name of its payload; "" for an id, None for an event without payload.
_EVENT_TYPES: dict[str, str | None] = {
    "update": "Status",
    "status.update": "Status",
    "delete": "",
    "notification": "Notification",
    "conversation": "Conversation",
    "announcement": "Announcement",
    "announcement.reaction": "StreamReaction",
    "announcement.delete": "",
    "encrypted_message": "AttribAccessDict",
    "filters_changed": None,
    "notifications_merged": None,
}
# Events with a known payload are given to on_<name> with their payload; the rest to on_unknown_event.
_KNOWN_EVENTS = frozenset(_EVENT_TYPES)
# Events whose items have ids in time order: remembered for deduplication and catch-up.
_TRACKED = frozenset({"update", "notification"})


class StreamEvent(NamedTuple):
    """One event of a stream, as ``Mastodon.stream`` yields it: its name, its converted payload, its stream."""

    event: str
    payload: Any
    stream: Any = None


def _entity_classes() -> dict[str, type[AttribAccessDict]]:
    """The entity class of each event whose payload is an object, by event name."""
    from .types_base import _entity_class_named

    return {
        name: _entity_class_named(kind) for name, kind in _EVENT_TYPES.items() if kind and kind != "AttribAccessDict"
    }


def _to_entity(name: str, payload: dict[str, Any], raw_payload: Any) -> Any:
    """A decoded object payload of event ``name`` as its entity, every failure a typed event error.

    The entity is checked as the request core checks answers (an id that is an object, an account that
    is a string: :class:`FieldTypeError`, raised as the event's error).
    """
    try:
        return convert_checked(_CONVERTERS[name], payload)
    except _UNCONVERTIBLE as error:
        raise _unconvertible(name, raw_payload, error) from error


# What a converter raises for a payload it cannot make into its entity.
_UNCONVERTIBLE = (RecursionError, FieldTypeError, TypeError, ValueError, KeyError, AttributeError)


def _unconvertible(name: str, raw_payload: Any, error: BaseException) -> MastodonMalformedEventError:
    """The event error for a payload of event ``name`` that raised ``error`` (one of ``_UNCONVERTIBLE``)."""
    if isinstance(error, RecursionError):
        return MastodonMalformedEventError(f"The {name!r} event nests too deeply to convert", name)
    problem = f"does not fit its type: {error}" if isinstance(error, FieldTypeError) else "has fields of the wrong kind"
    shown = raw_payload.decode("utf-8", "replace") if isinstance(raw_payload, bytes) else str(raw_payload)
    return MastodonMalformedEventError(f"The {name!r} event {problem}", name, shown[:500])


# The entity class of each event with an object payload, filled on the first event (_entity_classes).
_CONVERTERS: dict[str, type[AttribAccessDict]] = {}
# json's C scanner (what json.loads ends in), for _loads.
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _loads(raw: bytes | str) -> Any:
    """An event's JSON payload, as ``json.loads`` decodes it, straight through json's C scanner.

    An event stream is UTF-8 by definition, so the encoding detection and the whitespace regexes
    ``json.loads`` runs on every call (3 us of a 4.7 KB status's 22) are left out. Anything this does
    not read (leading whitespace, bad JSON, bad UTF-8) raises ValueError; the caller then decodes it
    again with ``json.loads`` for the exact result or error.
    """
    text = raw.decode("utf-8", "surrogatepass") if isinstance(raw, bytes) else raw
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        raise ValueError("not a JSON value at the start") from None
    if end != len(text) and text[end:].strip(" \t\n\r"):  # json's whitespace, not str.isspace's
        raise ValueError("more than one JSON value")
    return value


def _decode_json(name: str, raw: str | bytes) -> Any:
    try:
        return json.loads(raw)
    except RecursionError as error:
        raise MastodonMalformedEventError(f"The {name!r} event nests its JSON too deeply to read", name) from error
    except ValueError as error:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        raise MastodonMalformedEventError(
            f"The {name!r} event carries JSON that does not parse", name, text[:500]
        ) from error


def _event_id(name: str, value: str | int) -> Any:
    """The id an event carries: a plain ``str`` for ``delete`` (what Mastodon.py hands to ``on_delete``)."""
    return str(value) if name == "delete" else MaybeSnowflakeIdType(value)


def convert_event(name: str, raw_payload: Any, payload_present: bool) -> Any:
    """The payload of event ``name`` (JSON text, or a value already decoded) as the entity it describes.

    Raises :class:`MastodonMalformedEventError` naming the event when the payload is missing or unusable.
    """
    cls = _CONVERTERS.get(name)
    if cls is not None and raw_payload.__class__ is str:
        # The common case, written out (a text payload, JSON of an object, converted and checked as
        # _loads and _to_entity do): three Python calls less per event.
        try:
            payload, end = _SCAN(raw_payload, 0)
        except (StopIteration, ValueError, RecursionError):
            payload, end = None, -1
        if end != len(raw_payload) and (end < 0 or raw_payload[end:].strip(" \t\n\r")):
            payload = _decode_json(name, raw_payload)  # json.loads: its result, or its error named
        if payload.__class__ is dict:
            before = _ANOMALIES[0]
            try:
                entity = cls._fast(payload)
                if _ANOMALIES[0] != before:
                    check_fields(cls, payload)
            except _UNCONVERTIBLE as error:
                raise _unconvertible(name, raw_payload, error) from error
            return entity
    if cls is not None and raw_payload.__class__ is bytes:
        try:
            payload = _loads(raw_payload)
        except (ValueError, RecursionError):
            payload = _decode_json(name, raw_payload)
        if payload.__class__ is dict:
            return _to_entity(name, payload, raw_payload)
    if not _CONVERTERS:
        _CONVERTERS.update(_entity_classes())
        if name in _CONVERTERS:
            return convert_event(name, raw_payload, payload_present)
    kind = _EVENT_TYPES.get(name, "AttribAccessDict")
    if kind is None:
        return None
    if not payload_present or raw_payload is None:
        if name not in _KNOWN_EVENTS:
            return None
        raise MastodonMalformedEventError(f"The {name!r} event came without the payload it needs", "payload", name)
    payload = raw_payload
    if isinstance(raw_payload, (str, bytes)):
        text = raw_payload.decode("utf-8", "replace") if isinstance(raw_payload, bytes) else raw_payload
        if kind == "" and text.strip() and text.strip()[0] not in '"[{' and text.strip().isprintable():
            # An id, sent bare: Mastodon sends "delete" payloads as the id itself, not as JSON.
            return _event_id(name, text.strip())
        payload = _decode_json(name, raw_payload)
    if kind == "":
        if isinstance(payload, (str, int)) and not isinstance(payload, bool):
            return _event_id(name, payload)
        raise MastodonMalformedEventError(f"The {name!r} event should carry an id", name, str(raw_payload)[:500])
    if kind == "AttribAccessDict":
        return AttribAccessDict(payload) if isinstance(payload, dict) else payload
    if not isinstance(payload, dict):
        raise MastodonMalformedEventError(
            f"The {name!r} event should carry a JSON object", name, str(raw_payload)[:500]
        )
    return _to_entity(name, payload, raw_payload)


# ---------------------------------------------------------------------------------------------
# Reading an event stream

RawEvent = tuple[str, Any, Any, bool]


def _chunks(response: Any) -> Iterator[bytes]:
    """The body as it arrives.

    A ``requests`` response over urllib3 is read with ``read1`` (whatever the socket has, up to
    ``READ_SIZE``); a chunked one from the socket's buffered file, its framing undone here
    (:func:`_dechunked`) when nothing of it was read yet and it is not compressed, else chunk by chunk
    through urllib3. Anything else is read through its ``iter_content(chunk_size)``, as ``requests``
    offers it, so recorded chunks can be replayed. Text chunks are encoded as UTF-8.
    """
    raw = getattr(response, "raw", None)
    read1 = getattr(raw, "read1", None) if type(raw).__module__.startswith("urllib3") else None
    if read1 is not None and getattr(raw, "chunked", False):
        socket_file = _chunked_socket_file(response)
        if socket_file is not None:
            yield from _dechunked(raw, socket_file)
            return
    if read1 is None or getattr(raw, "chunked", False):
        for chunk in response.iter_content(chunk_size=None if read1 is not None else READ_SIZE):
            if chunk:
                yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk
        return
    while True:
        data = read1(READ_SIZE)
        if not data:
            return
        yield data


MAX_CHUNK_LINE = 1 << 16  # urllib3's limit on a chunk-size or trailer line, its line end included

_SIZE, _PAYLOAD, _AFTER_PAYLOAD, _TRAILERS, _ENDED = range(5)


def _broken(message: str) -> Exception:
    """A framing failure or a cut, as ``requests`` reports one from urllib3's chunk reader."""
    import requests
    import urllib3.exceptions

    return requests.exceptions.ChunkedEncodingError(urllib3.exceptions.ProtocolError(message))


class _ChunkDecoder:
    """The HTTP/1.1 chunked transfer coding (RFC 9112, 7.1) undone incrementally, one read at a time.

    :meth:`feed` takes the next bytes as they came and gives back the payload in them, however the
    reads cut the framing (the part of a chunk that is in, without waiting for the rest of it);
    :attr:`ended` tells that the last chunk and its trailer section are through (what follows is
    ignored); :meth:`finish` is called at the end of the input and raises unless the body ended.
    The leniency is urllib3's: a size line ends at ``\\n`` and is read by ``int(..., 16)`` after
    dropping extensions (``;...``), so surrounding whitespace is accepted; the two bytes after a
    payload are skipped unread. A trailer section also ends at a bare ``\\n`` line, as
    ``http.client`` ends a header section. Failures raise what :func:`_broken` makes.
    """

    __slots__ = ("_held", "_left", "_state")

    def __init__(self) -> None:
        self._state = _SIZE
        self._left = 0  # payload bytes (or, after a payload, line-end bytes) still to come
        self._held = b""  # the start of a line the last read cut

    @property
    def ended(self) -> bool:
        return self._state == _ENDED

    def feed(self, data: bytes) -> bytes:
        """The payload in ``data``, joined; the framing state carries over to the next call."""
        start = 0
        if self._held:
            newline = data.find(b"\n")
            if newline < 0:
                self._held += data
                if len(self._held) > MAX_CHUNK_LINE:
                    raise _broken("A chunk-size or trailer line is longer than 65536 bytes")
                return b""
            line, self._held = self._held + data[: newline + 1], b""
            self._run(line, 0, [])
            start = newline + 1
        parts: list[bytes | memoryview] = []
        self._run(data, start, parts)
        if len(parts) == 1 and type(parts[0]) is bytes:
            return parts[0]
        return b"".join(parts)

    def _run(self, data: bytes, pos: int, parts: list[bytes | memoryview]) -> None:
        state = self._state
        left = self._left
        size = len(data)
        view: memoryview | None = None
        while pos < size:
            if state == _PAYLOAD:
                end = pos + left
                if view is None:  # the first piece as bytes (often the only one), the rest as views
                    parts.append(data[pos:end])
                    view = memoryview(data)
                else:
                    parts.append(view[pos:end])
                if end > size:
                    left = end - size
                    break
                pos = end + 2  # the line end after the payload, skipped as urllib3 skips it
                if pos > size:
                    state, left = _AFTER_PAYLOAD, pos - size
                    break
                state = _SIZE
            elif state == _SIZE:
                newline = data.find(b"\n", pos)
                if newline < 0 or newline - pos >= MAX_CHUNK_LINE:
                    self._hold(data, pos)
                    break
                line = data[pos:newline]
                pos = newline + 1
                try:
                    left = int(line, 16)
                except ValueError:
                    left = _chunk_size(line)
                if left > 0:
                    state = _PAYLOAD
                elif left == 0:
                    state = _TRAILERS
                else:
                    raise _broken(f"Invalid chunk size line {line[:40]!r}")
            elif state == _AFTER_PAYLOAD:
                pos += left
                if pos > size:
                    left = pos - size
                    break
                state = _SIZE
            elif state == _TRAILERS:
                newline = data.find(b"\n", pos)
                if newline < 0 or newline - pos >= MAX_CHUNK_LINE:
                    self._hold(data, pos)
                    break
                line = data[pos : newline + 1]
                pos = newline + 1
                if line == b"\r\n" or line == b"\n":
                    state = _ENDED
                    break
            else:
                break
        self._state = state
        self._left = left

    def _hold(self, data: bytes, pos: int) -> None:
        if len(data) - pos > MAX_CHUNK_LINE:
            raise _broken("A chunk-size or trailer line is longer than 65536 bytes")
        self._held = data[pos:]

    def finish(self) -> None:
        """The input ended: raise unless the body did.

        An end inside the trailer section is an end, and so is one right after a last size line without
        its line end (urllib3 reads a line cut by the end as a whole line).
        """
        if self._state == _SIZE and self._held:
            line, self._held = self._held, b""
            if _chunk_size(line) == 0:
                self._state = _TRAILERS
        if self._state == _TRAILERS:
            self._state = _ENDED
        elif self._state == _SIZE:
            raise _broken("The body stopped before its last chunk")
        elif self._state != _ENDED:
            raise _broken("The body stopped inside a chunk")


def _chunk_size(line: bytes) -> int:
    """A size line with chunk extensions, read as urllib3 reads it (the part before ``;``, in hex)."""
    try:
        return int(line.split(b";", 1)[0], 16)
    except ValueError:
        raise _broken(f"Invalid chunk size line {line[:40]!r}") from None


def _chunked_socket_file(response: Any) -> Any:
    """The buffered socket file under a urllib3 response's chunked body, when the body can be de-chunked here.

    That is: urllib3 over ``http.client``, nothing of the body read yet, no content coding, a file with
    ``read1``. None whenever anything is not as expected (the body is then read through urllib3).
    """
    import http.client

    raw = response.raw
    try:
        original = raw._fp
        if type(original) is not http.client.HTTPResponse or original is not raw._original_response:
            return None
        if raw.chunk_left is not None or getattr(raw, "_uncached_read_occurred", False) or len(raw._decoded_buffer):
            return None
        if getattr(response, "_content_consumed", False) or getattr(original, "_method", None) == "HEAD":
            return None
        coding = raw.headers.get("Content-Encoding", "")
        if not isinstance(coding, str) or coding.strip().lower() not in ("", "identity"):
            return None
        socket_file = original.fp
    except (AttributeError, TypeError):
        return None
    if socket_file is None or not callable(getattr(socket_file, "read1", None)):
        return None
    return socket_file


def _dechunked(raw: Any, socket_file: Any) -> Iterator[bytes]:
    """The payload of a chunked body read straight from the socket's file: the payload of each read in one piece.

    As urllib3's chunk reader does: a read failing or the body cut short closes the response and its
    connection; a body read to its end closes the response and gives the connection back to the pool.
    """
    decoder = _ChunkDecoder()
    read1 = socket_file.read1
    clean = False
    try:
        while not decoder.ended:
            try:
                data = read1(READ_SIZE)
            except OSError as error:
                raise _read_failure(raw, error) from error
            if not data:
                decoder.finish()
                break
            payload = decoder.feed(data)
            if payload:
                yield payload
        clean = True
    finally:
        _body_done(raw, clean)


def _read_failure(raw: Any, error: OSError) -> Exception:
    """A failed socket read, as ``requests`` reports it from urllib3's chunk reader."""
    import ssl

    import requests
    import urllib3.exceptions

    if isinstance(error, TimeoutError):
        pool: Any = getattr(raw, "_pool", None)
        return requests.exceptions.ConnectionError(
            urllib3.exceptions.ReadTimeoutError(pool, None, "No data within the read timeout")
        )
    if isinstance(error, ssl.SSLError):
        return requests.exceptions.SSLError(urllib3.exceptions.SSLError(error))
    return requests.exceptions.ChunkedEncodingError(
        urllib3.exceptions.ProtocolError(f"A read of the chunked body failed: {error!r}", error)
    )


def _body_done(raw: Any, clean: bool) -> None:
    try:
        original = raw._original_response
        if original is not None:
            original.close()
        if not clean and raw._connection is not None:
            raw._connection.close()
        if original is not None and original.isclosed():
            raw.release_conn()
    except Exception:  # a response closed under us by another thread: nothing left to tidy
        logger.debug("tidying up after a chunked stream body failed", exc_info=True)


# The marks of an event stream's lines, for a block read as text and for one that is not UTF-8:
# (line end, comment, "data:", "data: ", "event:", "event: ", "stream", space).
_TEXT_MARKS = ("\n", ":", "data:", "data: ", "event:", "event: ", "stream", " ")
_BYTE_MARKS = (b"\n", b":", b"data:", b"data: ", b"event:", b"event: ", b"stream", b" ")


def read_sse(response: Any, activity: Callable[[], None] | None = None) -> Iterator[RawEvent | None]:
    """Events of an open ``text/event-stream`` response: ``(name, data, stream, has_data)``, None for a comment.

    ``data`` is the text of the event's data lines (joined by ``\\n``), as ``json.loads`` takes it; it is
    bytes where the stream is not valid UTF-8 (each read's complete lines are decoded at once, the line a
    read completes on its own, and lines that do not decode are parsed as bytes, so that only their
    broken event fails to decode).
    Lines end in ``\\n``, ``\\r\\n`` or ``\\r``; however the bytes are cut into chunks, the events are the
    same. ``activity`` is called for every chunk received (the watchdog's sign of life). A line that is
    neither ``field: value`` nor a comment, or an event without ``event:``, raises
    :class:`MastodonMalformedEventError`; network errors come out as ``requests`` / ``urllib3`` raised
    them (see :func:`stream_error`).
    """
    pending = b""
    name: Any = None
    data: Any = None
    stream: Any = None
    other = False  # a field other than event / data / stream (id, retry, ...) was seen
    chunks = _chunks(response)
    last = False
    while not last:
        chunk = next(chunks, None)
        if chunk is None:  # the end: a "\r" held back is a line end after all
            if not pending:
                return
            chunk, last = b"", True
        elif activity is not None:
            activity()
        # The complete lines of this read, as spans (buffer, start, end): the line a previous read cut,
        # joined with its rest, then the lines after it where they are (joining the held part with the
        # whole read would copy every read once more).
        spans: list[tuple[bytes, int, int]] = []
        start = 0
        if pending and 13 not in chunk and pending[-1] != 13:
            first = chunk.find(b"\n")
            if first < 0:
                pending += chunk
                continue
            spans.append((pending + chunk[:first], 0, len(pending) + first))
            pending, start = b"", first + 1
        elif pending:
            chunk, pending = pending + chunk, b""
        held = b""
        if 13 in chunk:  # "\r": make every line end in "\n" (a "\r" last in a chunk waits for what follows)
            if chunk[-1] == 13 and not last:
                chunk, held = chunk[:-1], b"\r"
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        end = chunk.rfind(b"\n")
        if end < start:
            pending = (chunk[start:] if start else chunk) + held
            if not spans:
                continue
        else:
            pending = chunk[end + 1 :] + held if held else chunk[end + 1 :]
            spans.append((chunk, start, end))
        for buffer, begin, finish in spans:
            # The lines as text: decoded once per span (a line end never falls inside a UTF-8 sequence),
            # walked with find() so that only the values are copied out, not every line.
            block: Any
            marks: tuple[Any, ...]
            try:
                block, marks = str(memoryview(buffer)[begin:finish], "utf-8"), _TEXT_MARKS
            except UnicodeDecodeError:
                block, marks = buffer[begin:finish], _BYTE_MARKS
            newline, comment, data_mark, data_space, event_mark, event_space, stream_key, space = marks
            find, starts = block.find, block.startswith
            size = len(block)
            pos = 0
            while pos <= size:
                stop = find(newline, pos)
                if stop < 0:
                    stop = size
                if stop == pos:  # a blank line ends an event
                    if name is not None:
                        if stream is None and name.__class__ is str:  # the common case, without a call
                            yield (name, data, None, data is not None)
                        else:
                            yield _event_of(name, data, stream)
                    elif data is not None or stream is not None or other:
                        shown = data.encode("utf-8", "replace") if isinstance(data, str) else data or b""
                        raise MastodonMalformedEventError(
                            "An event in the stream has data but no event: line", "event", shown[:200]
                        )
                    name = data = stream = None
                    other = False
                # The usual forms first ("event: " starts each of Mastodon's events, "data: " follows it).
                elif starts(event_space, pos):
                    name = block[pos + 7 : stop]
                    # Mastodon's form, "event: " then one "data: " line then the blank line, in one step.
                    if data is None and stream is None and not other and starts(data_space, stop + 1):
                        after = find(newline, stop + 7)
                        if after >= 0 and (after + 1 == size or starts(newline, after + 1)) and name.__class__ is str:
                            yield (name, block[stop + 7 : after], None, True)
                            name = None
                            stop = after + 1
                elif starts(data_space, pos) or starts(data_mark, pos):
                    value = block[pos + 6 if block[pos + 5 : pos + 6] == space else pos + 5 : stop]
                    data = value if data is None else data + newline + value
                elif starts(event_mark, pos):
                    name = block[pos + 6 : stop]
                elif starts(comment, pos):  # ":" starts a comment: Mastodon's heartbeat
                    yield None
                else:
                    key, colon, value = block[pos:stop].partition(comment)
                    if not colon:
                        line = block[pos:stop]
                        raise MastodonMalformedEventError(
                            "A line of the event stream is neither a field nor a comment",
                            line[:200] if isinstance(line, str) else line[:200].decode("utf-8", "replace"),
                        )
                    if key == stream_key:
                        stream = value[1:] if value[:1] == space else value
                    else:
                        other = True
                pos = stop + 1


def _event_of(name: str | bytes, data: str | bytes | None, stream: str | bytes | None) -> RawEvent:
    if isinstance(name, str):
        text = name
    else:
        try:
            text = name.decode("utf-8")
        except UnicodeDecodeError as error:
            raise MastodonMalformedEventError("An event name in the stream is not UTF-8", name[:200]) from error
    for_stream: Any = None
    if stream is not None:
        try:
            for_stream = json.loads(stream)
        except (ValueError, RecursionError):
            for_stream = None
    return (text, data, for_stream, data is not None)


def stream_error(error: BaseException) -> MastodonError | None:
    """The library error a failure while reading a stream stands for, or None when it is no stream failure."""
    if isinstance(error, MastodonError):
        return error
    if isinstance(error, RecursionError):
        return MastodonMalformedEventError("An event in the stream nests too deeply to read", "nesting")
    import http.client

    import requests
    import urllib3.exceptions

    timeouts = (requests.exceptions.ReadTimeout, urllib3.exceptions.ReadTimeoutError, TimeoutError)
    if isinstance(error, timeouts) or (
        # how requests reports a read timeout from urllib3's chunk reader
        isinstance(error, requests.exceptions.ConnectionError)
        and bool(error.args)
        and isinstance(error.args[0], urllib3.exceptions.ReadTimeoutError)
    ):
        return MastodonReadTimeout("The streaming server sent nothing for longer than the read timeout.")
    if isinstance(error, (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError)):
        return MastodonNetworkError("The streaming server broke off the connection in the middle of the stream.")
    failures = (
        requests.exceptions.RequestException,
        urllib3.exceptions.HTTPError,
        http.client.HTTPException,
        OSError,
        ValueError,  # reading from a response closed under us
        AttributeError,  # urllib3 after its connection was released
    )
    if isinstance(error, failures):
        return MastodonNetworkError(
            "The connection to the streaming server failed.", f"{type(error).__name__}: {error}"
        )
    return None


def _shut(response: Any) -> None:
    """Close a streaming response from another thread, so a read blocked on it returns at once."""
    raw = getattr(response, "raw", None)
    connection = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is None:
        fp = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if sock is not None:
        import socket

        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    try:
        response.close()
    except Exception:  # closing a half-dead response must never raise
        logger.debug("closing a stream response failed", exc_info=True)


# ---------------------------------------------------------------------------------------------
# What a stream has delivered, and what it missed


class CatchUp(NamedTuple):
    """Where the items of one tracked event are fetched after a reconnect."""

    event: str  # "update" or "notification"
    path: str  # e.g. "/api/v1/timelines/home"
    entity: str  # entity class name of the items
    params: Mapping[str, Any] = {}


class _Seen:
    """Which items one route has had: every id lately (to drop doubles), and a window of the last ones.

    The window is what catch-up reaches back to: after a reconnect it asks for everything newer than
    the oldest id in it, so an item that arrived late with an older id than the newest seen (a status
    that federated late gets an id from its creation time) is still found; the ids remembered drop
    what was had already.
    """

    def __init__(self) -> None:
        self.order: deque[tuple[str, str]] = deque()
        self.keys: set[tuple[str, str]] = set()
        self.window: dict[str, deque[MaybeSnowflakeIdType]] = {}
        # What the baseline found: catch-up never hands these out, but the stream itself may (a status
        # posted between the subscription and the baseline request is in both, and was never delivered).
        self.prior: set[tuple[str, str]] = set()

    def note_prior(self, name: str, raw_id: Any) -> None:
        """An item that was there when the stream first connected: a floor for catch-up, not a delivery."""
        self.prior.add((name, str(raw_id)))
        recent = self.window.get(name)
        if recent is None:
            recent = self.window[name] = deque(maxlen=CATCH_UP_WINDOW)
        recent.append(MaybeSnowflakeIdType(raw_id))

    def first_time(self, name: str, payload: Any) -> bool:
        """Remember the item; False when it was had before."""
        if name not in _TRACKED or not isinstance(payload, Mapping):
            return True
        raw_id = payload.get("id")
        if raw_id is None:
            return True
        return self.remember(name, raw_id)

    def remember(self, name: str, raw_id: Any) -> bool:
        key = (name, str(raw_id))
        if key in self.keys:
            return False
        self.keys.add(key)
        self.order.append(key)
        if len(self.order) > SEEN_MEMORY:
            self.keys.discard(self.order.popleft())
        recent = self.window.get(name)
        if recent is None:
            recent = self.window[name] = deque(maxlen=CATCH_UP_WINDOW)
        recent.append(MaybeSnowflakeIdType(raw_id))
        return True

    def floor(self, name: str) -> MaybeSnowflakeIdType | None:
        """The oldest id of the window: catch-up fetches what is newer. None before anything was known."""
        recent = self.window.get(name)
        return min(recent) if recent else None


class Route:
    """Where the events of one stream go: what it catches up from, what it has had, who listens.

    An SSE stream has one route; a WebSocket has one per subscription (``key`` is the stream as the
    server names it in events, e.g. ``("hashtag", "python")``).
    """

    def __init__(self, key: tuple[str, ...], catch_up: tuple[CatchUp, ...] = (), listener: Any = None) -> None:
        self.key = key
        self.catch_up = catch_up
        self.listener = listener
        self.seen = _Seen()
        self.has_baseline = False

    def take_baseline(self, client: Core, label: str) -> None:
        """Note the newest items of each caught-up timeline, before the first connection delivers anything.

        Without it a cut before the first event would leave nothing to catch up from. One request per
        timeline, for one window of items; an empty timeline's baseline is id 0.
        """
        from ._core import PageOf
        from .types_base import _entity_class_named

        self.has_baseline = True
        for spec in self.catch_up:
            if spec.event in self.seen.window:
                continue
            try:
                page = client._get(
                    spec.path, PageOf(_entity_class_named(spec.entity)), **spec.params, limit=CATCH_UP_WINDOW
                )
            except MastodonError as error:
                logger.warning("Stream %s: no catch-up baseline from %s: %s", label, spec.path, error)
                continue
            for item in page or ({"id": "0"},):
                self.seen.note_prior(spec.event, item["id"])

    def missed(self, client: Core, label: str, closed: threading.Event) -> Iterator[StreamEvent]:
        """What arrived while away, oldest first, each item once: everything newer than the window's floor."""
        from ._core import PageOf
        from .types_base import _entity_class_named

        for spec in self.catch_up:
            floor = self.seen.floor(spec.event)
            if floor is None:
                continue
            shape = PageOf(_entity_class_named(spec.entity))
            found: dict[str, Any] = {}
            below: MaybeSnowflakeIdType | None = None
            for _ in range(CATCH_UP_MAX_PAGES):
                try:
                    page = client._get(
                        spec.path, shape, **spec.params, since_id=floor, max_id=below, limit=CATCH_UP_LIMIT
                    )
                except MastodonNetworkError:
                    raise  # the connection is gone again: reconnect and catch up then
                except MastodonError as error:
                    # The server refuses the timeline (a scope, a disabled feed): stream on without it.
                    logger.warning("Stream %s: could not fetch missed items from %s: %s", label, spec.path, error)
                    break
                for item in page:
                    found.setdefault(str(item["id"]), item)
                if len(page) < CATCH_UP_LIMIT or closed.is_set():
                    break
                below = min(MaybeSnowflakeIdType(item["id"]) for item in page)
            else:
                logger.warning(
                    "Stream %s: more missed than %d pages of %s; the oldest are left out",
                    label,
                    CATCH_UP_MAX_PAGES,
                    spec.path,
                )
            for item in sorted(found.values(), key=lambda entry: MaybeSnowflakeIdType(entry["id"])):
                if (spec.event, str(item["id"])) in self.seen.prior:
                    continue
                if self.seen.first_time(spec.event, item):
                    yield StreamEvent(spec.event, item, None)


def backoff_delay(base: float, attempt: int) -> float:
    """No wait for the first retry, then ``base`` seconds doubling per attempt (up to 5 minutes), with jitter."""
    if attempt <= 0:
        return 0.0
    import random

    base = max(float(base), 0.0)
    delay = min(max(base, MAX_BACKOFF), base * 2.0 ** min(attempt - 1, 16))
    return float(delay * (0.5 + random.random() / 2))


def _real_sleep(clock: Any) -> bool:
    return getattr(clock, "sleep", None) is time.sleep


# ---------------------------------------------------------------------------------------------
# Transports: where raw events come from


class SSETransport:
    """Server-sent events: one HTTP response per connection, one route."""

    def __init__(self, client: Core, url: str, route: Route, read_timeout: float) -> None:
        self.client = client
        self.url = url
        self.route = route
        self.read_timeout = read_timeout
        self.response: Any = None

    @property
    def label(self) -> str:
        return self.url

    def routes(self) -> list[Route]:
        return [self.route]

    def route_for(self, stream: Any) -> Route | None:
        return self.route

    def connect(self) -> None:
        """Open the stream; an answer other than a 200 event stream raises :class:`MastodonNetworkError`."""
        import requests

        from ._core import _no_auth

        client = self.client
        headers: dict[str, str] = {}
        if client.access_token:
            headers["Authorization"] = "Bearer " + client.access_token
        if client.user_agent:
            headers["User-Agent"] = client.user_agent
        settings = client._send_settings(self.url)
        timeouts = client._timeouts()
        connect_timeout = timeouts[0] if isinstance(timeouts, tuple) else timeouts
        try:
            response = client.session.get(
                self.url,
                headers=headers,
                stream=True,
                timeout=(connect_timeout, self.read_timeout),
                auth=_no_auth,
                **{key: value for key, value in settings.items() if key in ("proxies", "verify", "cert")},
            )
        except requests.exceptions.RequestException as error:
            raise MastodonNetworkError(
                f"No answer from {self.url} to the stream request ({type(error).__name__}: "
                f"{client._redact(str(error))}); check the streaming URL and the network"
            ) from error
        if response.status_code != 200:
            response.close()
            raise MastodonNetworkError(
                f"The streaming server answered {response.status_code} {response.reason} for {self.url}"
                + (" (is the access token valid, with a read scope?)" if response.status_code in (401, 403) else "")
            )
        kind = response.headers.get("Content-Type", "")
        if kind and not kind.startswith("text/event-stream"):
            response.close()
            raise MastodonNetworkError(f"The streaming server answered {kind!r} for {self.url}, not an event stream")
        self.response = response

    def items(self, activity: Callable[[], None]) -> Iterator[RawEvent | None]:
        return read_sse(self.response, activity)

    def shut(self) -> None:
        response, self.response = self.response, None
        if response is not None:
            _shut(response)


class WebSocketTransport:
    """A WebSocket carrying several subscriptions: one route per subscription, one for the rest.

    ``on_refusal(error, stream)`` is told when the server answers a message with an error.
    """

    def __init__(
        self,
        client: Core,
        url: str,
        default: Route,
        read_timeout: float,
        on_refusal: Callable[[MastodonAPIError, Any], None],
    ) -> None:
        self.client = client
        self.url = url
        self.default = default
        self.read_timeout = read_timeout
        self.on_refusal = on_refusal
        self.lock = threading.RLock()
        self.subscribed: dict[tuple[str, ...], tuple[Route, dict[str, Any]]] = {}
        self.connection: WebSocketConnection | None = None
        self.ping_every = DEFAULT_HEARTBEAT
        # Messages read while waiting for the server to take the subscriptions (see _settle), delivered first.
        self.early: list[str] = []
        self.settles = 0

    @property
    def label(self) -> str:
        return self.url

    def routes(self) -> list[Route]:
        with self.lock:
            return [route for route, _ in self.subscribed.values()]

    def route_for(self, stream: Any) -> Route | None:
        if isinstance(stream, str):
            stream = [stream]
        if isinstance(stream, list) and stream:
            key = route_key(str(stream[0]), stream[1] if len(stream) > 1 else None)
            with self.lock:
                found = self.subscribed.get(key)
                if found is None and key == ("user:notification",):
                    found = self.subscribed.get(("user",))  # notifications of a "user" subscription
            if found is not None:
                return found[0]
        return self.default

    def connect(self) -> None:
        from ._websocket import WebSocketConnection

        client = self.client
        headers: dict[str, str] = {}
        if client.access_token:
            headers["Authorization"] = "Bearer " + client.access_token
        if client.user_agent:
            headers["User-Agent"] = client.user_agent
        settings = client._send_settings(
            "https" + self.url[3:] if self.url.startswith("wss") else "http" + self.url[2:]
        )
        timeouts = client._timeouts()
        connection = WebSocketConnection.open(
            self.url,
            headers,
            timeout=timeouts[0] if isinstance(timeouts, tuple) else timeouts,
            verify=settings.get("verify", True),
            cert=settings.get("cert"),
        )
        self.early = []
        with self.lock:
            try:
                for _, message in self.subscribed.values():
                    connection.send_text(json.dumps({"type": "subscribe", **message}))
            except MastodonNetworkError:
                connection.shut()
                raise
            self.connection = connection
            resubscribed = bool(self.subscribed)
        if resubscribed:
            self._settle(connection, timeouts[0] if isinstance(timeouts, tuple) else timeouts)

    def _settle(self, connection: WebSocketConnection, timeout: float | None) -> None:
        """Wait until the server has read the subscribe messages: a ping sent after them, answered.

        The server reads a socket's messages in order, so its pong comes after it took the subscriptions;
        catch-up, which runs once this returns, then cannot ask for the missed items before the stream
        carries new ones (a status posted in between would be in neither). Events that come meanwhile are
        kept for ``items``. A server that does not answer within the connect timeout (at most 10 s) is
        read as it is: a warning, and the stream goes on.
        """
        self.settles += 1
        token = b"subscribed %d" % self.settles
        limit = min(float(timeout or 10.0), 10.0)
        deadline = time.monotonic() + limit
        connection.ping(token)
        try:
            while connection.last_pong != token:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                connection.settimeout(left)
                text = connection.receive()
                if text is not None:
                    self.early.append(text)
        except TimeoutError:
            logger.warning(
                "WebSocket %s: no answer to a ping within %.1f s of subscribing; items posted just now may be missed",
                self.url,
                limit,
            )

    def send(self, message: Mapping[str, Any]) -> None:
        """Send a control message now when connected (else the next connection sends the subscriptions)."""
        with self.lock:
            if self.connection is not None:
                self.connection.send_text(json.dumps(dict(message)))

    def add(self, key: tuple[str, ...], route: Route, message: dict[str, Any]) -> None:
        with self.lock:
            self.subscribed[key] = (route, message)
            self.send({"type": "subscribe", **message})

    def remove(self, key: tuple[str, ...]) -> Route | None:
        with self.lock:
            found = self.subscribed.pop(key, None)
            if found is not None:
                try:
                    self.send({"type": "unsubscribe", **found[1]})
                except MastodonNetworkError:
                    pass  # the connection is going anyway: the next one will not subscribe
        return found[0] if found is not None else None

    def items(self, activity: Callable[[], None]) -> Iterator[RawEvent | None]:
        connection = self.connection
        if connection is None:
            raise MastodonNetworkError("The WebSocket is not connected.")
        limit = float(self.read_timeout or 0)
        connection.settimeout(min(self.ping_every, limit) if limit else self.ping_every)
        heard = time.monotonic()
        early, self.early = self.early, []
        while True:
            if early:
                text: str | None = early.pop(0)
            else:
                try:
                    text = connection.receive()
                except TimeoutError:
                    if limit and time.monotonic() - heard >= limit:
                        raise
                    connection.ping(b"mastodon")  # quiet: ask for a sign of life (the watchdog judges silence)
                    continue
                heard = time.monotonic()
            activity()
            if text is None:
                yield None  # a ping or pong: the connection lives
                continue
            message = _decode_json("WebSocket", text)
            if not isinstance(message, dict):
                raise MastodonMalformedEventError("A WebSocket message is not a JSON object", text[:200])
            if "error" in message:
                refused = MastodonAPIError(
                    "The streaming server refused a WebSocket request", message.get("status"), message["error"]
                )
                self.on_refusal(refused, message.get("stream"))
                continue
            name = message.get("event")
            if not isinstance(name, str):
                raise MastodonMalformedEventError("A WebSocket message has no event name", "event", text[:200])
            yield (name, message.get("payload"), message.get("stream"), "payload" in message)

    def shut(self) -> None:
        with self.lock:
            connection, self.connection = self.connection, None
        if connection is not None:
            connection.shut()

    def say_goodbye(self) -> None:
        with self.lock:
            connection, self.connection = self.connection, None
        if connection is not None:
            connection.close()


def route_key(stream: str, value: Any = None) -> tuple[str, ...]:
    """How a subscription is told apart: the stream name, and the tag (any case) or list it is for."""
    if stream.startswith("hashtag") and value is not None:
        return (stream, str(value).lstrip("#").lower())
    if stream == "list" and value is not None:
        return (stream, str(value))
    return (stream,)


# ---------------------------------------------------------------------------------------------
# The pipeline

Delivery = tuple["Route | None", "StreamEvent | None"]


class EventSource:
    """Events of one transport, converted, each once, reconnecting, watched, caught up after gaps.

    ``events()`` yields ``(route, StreamEvent)``, or ``(None, None)`` for a sign of life.
    """

    def __init__(
        self,
        client: Core,
        transport: SSETransport | WebSocketTransport,
        *,
        timeout: float = 300,
        reconnect: bool = False,
        reconnect_wait_sec: float = 5,
        on_abort: Callable[[Exception], Any] | None = None,
        watchdog: bool = True,
    ) -> None:
        self.client = client
        self.transport = transport
        self.timeout = timeout
        self.reconnect = reconnect
        self.reconnect_wait_sec = reconnect_wait_sec
        self.on_abort = on_abort
        self.watchdog = watchdog
        self.clock = client._ratelimiter.clock
        self.connected = False
        self.reconnecting = False
        self.reconnects = 0
        self.heartbeat_interval: float | None = None
        self.open_now = False  # connected by the caller before events() started
        # Keep trying to make the first connection even without ``reconnect`` (asynchronous handles, as
        # Mastodon.py's: a bot started while its server is away connects when the server is back).
        self.retry_until_connected = False
        self._delivered = False
        self._closed = threading.Event()
        self._stalled = False
        self._last_activity = 0.0
        self._last_beat: float | None = None
        self._beat_gaps: deque[float] = deque(maxlen=3)
        self._watchdog_thread: threading.Thread | None = None

    @classmethod
    def sse(
        cls, client: Core, url: str, catch_up: tuple[CatchUp, ...] = (), *, timeout: float = 300, **options: Any
    ) -> EventSource:
        """A source reading the server-sent events at ``url``."""
        return cls(client, SSETransport(client, url, Route(("sse",), catch_up), timeout), timeout=timeout, **options)

    @property
    def url(self) -> str:
        return self.transport.label

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed.is_set()

    def close(self) -> None:
        """Stop for good: the open connection is shut and the loop ends."""
        self._closed.set()
        self.transport.shut()

    # -----------------------------------------------------------------------------------------

    def _touch(self) -> None:
        self._last_activity = self.clock.now()

    def quiet_limit(self) -> float:
        """How long the stream may stay silent before the watchdog takes it for dead.

        Three heartbeat intervals: Mastodon's documented 15 s until the stream's own interval is
        measured (the longest of the last three gaps, after two), then that; never beyond ``timeout``.
        """
        beat = self.heartbeat_interval or DEFAULT_HEARTBEAT
        limit = max(MIN_QUIET, QUIET_FACTOR * beat)
        return min(limit, float(self.timeout)) if self.timeout else limit

    def _heartbeat(self) -> None:
        now = self.clock.now()
        if self._last_beat is not None and now > self._last_beat:
            self._beat_gaps.append(now - self._last_beat)
            if len(self._beat_gaps) >= 2:
                self.heartbeat_interval = max(self._beat_gaps)
        self._last_beat = now

    def _watch(self) -> None:
        while True:
            limit = self.quiet_limit()
            if self._closed.wait(min(0.25, max(0.02, limit / 5))):
                return
            if not self.connected:
                continue
            if self.clock.now() - self._last_activity > limit:
                logger.info("Stream %s quiet for more than %.1f s: reconnecting", self.url, limit)
                self._stalled = True
                self.connected = False
                self.transport.shut()

    def _start_watchdog(self) -> None:
        if self.watchdog and self._watchdog_thread is None:
            self._watchdog_thread = threading.Thread(target=self._watch, name="mastodon-stream-watchdog", daemon=True)
            self._watchdog_thread.start()

    def _sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        if _real_sleep(self.clock):
            self._closed.wait(seconds)
            return
        remaining = seconds
        while remaining > 0 and not self._closed.is_set():
            step = min(0.5, remaining)
            self.clock.sleep(step)
            remaining -= step

    def _abort(self, error: Exception) -> None:
        if self.on_abort is not None:
            self.on_abort(error)
        else:
            logger.warning("Stream %s interrupted: %s", self.url, error)

    def connect(self) -> None:
        """Connect now, in the caller's thread (errors raised here); ``events()`` then reads this connection."""
        self.transport.connect()
        self._connected()
        self.open_now = True

    def _connected(self) -> None:
        self._stalled = False
        self._last_beat = None
        self._touch()
        self.connected = True
        self.reconnecting = False
        self._start_watchdog()

    def _read(self, catch_up: bool) -> Generator[Delivery, None, None]:
        """Catch up (after a reconnect) or note a baseline (first connection), then read the connection."""
        transport = self.transport
        label = self.url
        for route in transport.routes():
            if catch_up and route.has_baseline:
                for missed in route.missed(self.client, label, self._closed):
                    self._delivered = True
                    yield route, missed
            elif self.reconnect and route.catch_up and not route.has_baseline:
                route.take_baseline(self.client, label)
        route_for = transport.route_for
        only = transport.route if isinstance(transport, SSETransport) else None  # SSE: one route, no lookup
        once = self.reconnect  # doubles come from catch-up overlapping the stream: only a reconnecting one drops them
        new_tuple = tuple.__new__  # StreamEvent's own __new__ is Python: twice the cost per event
        for item in transport.items(self._touch):
            if item is None:
                self._heartbeat()
                yield None, None
                continue
            name, data, stream, has_data = item
            payload = convert_event(name, data, has_data)
            owner = only or route_for(stream)
            if owner is None or (once and name in _TRACKED and not owner.seen.first_time(name, payload)):
                continue
            self._delivered = True
            yield owner, new_tuple(StreamEvent, (name, payload, stream))

    def events(self) -> Generator[Delivery, None, None]:
        """Deliveries as they come, reconnecting as configured, until closed.

        Without ``reconnect``, the first error (after ``on_abort``) is raised and a clean end of the
        stream ends the iteration.
        """
        attempt = 0
        connected_before = False
        try:
            while not self._closed.is_set():
                error: Exception | None = None
                self._delivered = False
                started = self.clock.now()
                try:
                    if self.open_now:
                        self.open_now = False
                    else:
                        self.reconnecting = connected_before
                        self.transport.connect()
                        if self._closed.is_set():
                            return
                        self._connected()
                    catch_up, connected_before = connected_before, True
                    yield from self._read(catch_up)
                except Exception as caught:  # mapped below; anything else is re-raised
                    mapped = stream_error(caught)
                    if mapped is None:
                        raise
                    error = mapped
                finally:
                    self.connected = False
                    self.transport.shut()
                if self._closed.is_set():
                    return
                if self._stalled:
                    error = MastodonReadTimeout(f"The stream went quiet for more than {self.quiet_limit():.1f} s")
                if error is None and not self.reconnect:
                    return  # the server ended the stream cleanly
                if error is not None:
                    self._abort(error)
                    if not self.reconnect and (connected_before or not self.retry_until_connected):
                        raise error
                if self._delivered or self.clock.now() - started >= max(float(self.reconnect_wait_sec), 1.0):
                    attempt = 0
                self.reconnecting = True
                self.reconnects += 1
                self._sleep(backoff_delay(self.reconnect_wait_sec, attempt))
                attempt += 1
        finally:
            self.connected = False
            self.reconnecting = False
            self._closed.set()


def deliver(listener: Any, item: StreamEvent | None) -> None:
    """Hand one delivery to a listener: a sign of life, or an event with its converted payload."""
    if item is None:
        listener.handle_heartbeat()
    else:
        listener._deliver(*item)  # (event, payload, stream)
