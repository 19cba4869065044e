"""read_sse walks each read's complete lines as text; a read that is not UTF-8 is walked as bytes.

A line that one read cuts is completed by the next and walked on its own, before that read's other lines.
"""

from __future__ import annotations

import itertools
import random
import types
from typing import Any

import pytest

from mastodon._streaming import convert_event, read_sse
from mastodon.errors import MastodonMalformedEventError
from mastodon.return_types import Status


def response_of(pieces: list[bytes]) -> Any:
    return types.SimpleNamespace(iter_content=lambda chunk_size=None: iter(pieces))


def cut(body: bytes, rng: random.Random, count: int) -> list[bytes]:
    points = sorted({0, len(body), *(rng.randrange(len(body) + 1) for _ in range(count))})
    return [body[a:b] for a, b in itertools.pairwise(points)]


def status_json(number: int, text: str) -> str:
    return (
        f'{{"id": "{number}", "created_at": "2024-01-0{number % 9 + 1}T10:00:00.000Z", "content": "{text}",'
        f' "account": {{"id": "7", "username": "z", "acct": "z"}}, "media_attachments": [], "mentions": [],'
        f' "tags": [], "emojis": []}}'
    )


TEXTS = ["plain", "caf\u00e9", "\u65e5\u672c\u8a9e", "\U0001f600 \U0001f44d", "a\\nb"]


def body_and_events(rng: random.Random, count: int) -> tuple[bytes, list[Any]]:
    """A stream mixing every line form the reader knows, and the items it must give for it."""
    out: list[str] = []
    events: list[Any] = []
    for number in range(count):
        end = rng.choice(["\n", "\r\n", "\r"])
        payload = status_json(number, rng.choice(TEXTS))
        shape = rng.randrange(5)
        if shape == 0:  # a comment (heartbeat)
            out.append(":thump" + end)
            events.append(None)
            continue
        if shape == 1:  # the data split over two lines, the name after it, a stream field
            first, second = payload[: len(payload) // 2], payload[len(payload) // 2 :]
            out.append(f'data: {first}{end}data:{second}{end}event: update{end}stream: ["user"]{end}{end}')
            # one space after "data:" is the field's separator, not the value's (the second half may start with one)
            events.append(("update", first + "\n" + (second[1:] if second[:1] == " " else second), ["user"], True))
            continue
        if shape == 2:  # fields the reader ignores, and no space after the colons
            out.append(f"id: {number}{end}retry: 10{end}event:update{end}data:{payload}{end}{end}")
            events.append(("update", payload, None, True))
            continue
        out.append(f"event: update{end}data: {payload}{end}{end}")
        events.append(("update", payload, None, True))
    return "".join(out).encode(), events


@pytest.mark.parametrize("seed", range(40))
def test_events_are_the_same_however_the_reads_cut_the_stream(seed: int) -> None:
    rng = random.Random(seed)
    body, expected = body_and_events(rng, 30)
    whole = list(read_sse(response_of([body])))
    assert whole == expected
    for count in (1, 5, 50, len(body) // 3):
        assert list(read_sse(response_of(cut(body, rng, count)))) == expected


def test_a_character_cut_by_a_read_is_read_whole() -> None:
    payload = status_json(1, "\u65e5\u672c\u8a9e \U0001f600")
    body = f"event: update\ndata: {payload}\n\n".encode()
    for point in range(1, len(body)):
        items = list(read_sse(response_of([body[:point], body[point:]])))
        assert items == [("update", payload, None, True)]


def test_one_broken_event_in_a_read_fails_alone() -> None:
    good = [status_json(number, "caf\u00e9").encode() for number in range(3)]
    broken = status_json(9, "x").encode().replace(b'"x"', b'"\xc3\x28"')  # not UTF-8
    body = b"".join(b"event: update\ndata: " + data + b"\n\n" for data in (good[0], broken, good[1], good[2]))
    items = list(read_sse(response_of([body])))
    assert [item[1] for item in items] == [good[0], broken, good[1], good[2]]  # the read stays bytes
    converted = []
    for name, data, _, present in items:
        try:
            converted.append(convert_event(name, data, present))
        except MastodonMalformedEventError as error:
            converted.append(error)
    assert [type(item) for item in converted] == [Status, MastodonMalformedEventError, Status, Status]
    assert [item.id for item in converted if isinstance(item, Status)] == ["0", "1", "2"]
    assert converted[0].content == "caf\u00e9"


def test_the_reads_before_and_after_a_broken_one_are_text_again() -> None:
    broken = b"event: update\ndata: \xff\n\n"
    fine = f"event: update\ndata: {status_json(1, 'ok')}\n\n".encode()
    items = list(read_sse(response_of([fine, broken, fine])))
    assert [type(item[1]) for item in items] == [str, bytes, str]


def test_a_line_completed_by_a_broken_read_is_text_alone() -> None:
    fine = status_json(1, "caf\u00e9").encode()
    reads = [b"event: update\ndata: " + fine[:10], fine[10:] + b"\n\nevent: update\ndata: \xff\n\n"]
    items = list(read_sse(response_of(reads)))
    assert items == [("update", fine.decode(), None, True), ("update", b"\xff", None, True)]


def test_a_line_cut_over_many_reads_is_one_line() -> None:
    fine = status_json(2, "\u65e5\u672c").encode()
    body = b"event: update\ndata: " + fine + b"\n\n:thump\n"
    reads = [body[:5], *(body[i : i + 3] for i in range(5, len(body), 3))]
    assert list(read_sse(response_of(reads))) == [("update", fine.decode(), None, True), None]


def test_a_malformed_line_is_named_in_text_either_way() -> None:
    for body in (b"event: update\nnonsense\n\n", b"event: update\nnon\xffsense\n\n"):
        with pytest.raises(MastodonMalformedEventError) as caught:
            list(read_sse(response_of([body])))
        assert "neither a field nor a comment" in str(caught.value)
        assert isinstance(caught.value.args[1], str)


def test_data_without_an_event_line_is_malformed_either_way() -> None:
    for body in (b'data: {"id": "1"}\n\n', b'data: {"id": "\xff"}\n\n'):
        with pytest.raises(MastodonMalformedEventError) as caught:
            list(read_sse(response_of([body])))
        assert caught.value.args[1] == "event"
        assert caught.value.args[2].startswith(b'{"id": "')


def test_a_name_that_is_not_utf8_is_malformed() -> None:
    with pytest.raises(MastodonMalformedEventError):
        list(read_sse(response_of([b"event: up\xffdate\ndata: 1\n\n"])))
