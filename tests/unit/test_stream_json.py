"""The stream's JSON fast path (``_streaming._loads``) against ``json.loads``, the result it must give."""

from __future__ import annotations

import json
import sys

import pytest

from mastodon import _streaming
from mastodon.errors import MastodonMalformedEventError
from mastodon.return_types import Status

SAME_AS_JSON_LOADS = [
    b'{"id": "1", "content": "<p>hi</p>"}',
    b'{"a": [1, 2.5, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00"}}',
    '{"text": "caf\u00e9 \U0001f600"}'.encode(),
    b'{"id": "1"}\n',
    b'{"id": "1"} \t\r\n',
    b"[1, 2, 3]",
    b'"just a string"',
    b"12345",
    b"NaN",
    b'{"x": Infinity}',
    '{"id": "1"}',
]

NOT_READ_ON_THE_FAST_PATH = [  # leading whitespace: json.loads reads it, so the event falls back to it
    b' {"id": "1", "content": "x"}',
    b'\n\t{"id": "1", "content": "x"}',
]

REFUSED_BY_BOTH = [
    b'{"id": "1"} {"id": "2"}',
    b'{"id": "1"}\xc2\xa0',  # a no-break space after the value is not JSON whitespace
    b'{"id": "1"}\x0b',
    b'{"id": "1"',
    b"",
    b"\xff\xfe{}",
    b'{"bad utf-8": "\xc3\x28"}',
    b"{'single': 'quotes'}",
]


@pytest.mark.parametrize("raw", SAME_AS_JSON_LOADS)
def test_the_fast_path_decodes_what_json_loads_decodes(raw: bytes | str) -> None:
    expected = json.loads(raw)
    got = _streaming._loads(raw)
    assert got == expected or (got != got and expected != expected)  # NaN is not equal to itself
    assert type(got) is type(expected)


@pytest.mark.parametrize("raw", NOT_READ_ON_THE_FAST_PATH)
def test_what_the_fast_path_leaves_is_decoded_by_json_loads_in_the_event(raw: bytes) -> None:
    with pytest.raises(ValueError):
        _streaming._loads(raw)
    event = _streaming.convert_event("update", raw, True)
    assert isinstance(event, Status)
    assert event == Status._from_json(json.loads(raw))


@pytest.mark.parametrize("raw", REFUSED_BY_BOTH)
def test_what_json_loads_refuses_the_fast_path_refuses_and_the_event_is_malformed(raw: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(raw)
    with pytest.raises(ValueError):
        _streaming._loads(raw)
    with pytest.raises(MastodonMalformedEventError) as caught:
        _streaming.convert_event("update", raw, True)
    assert "update" in str(caught.value)


def test_a_status_event_converts_the_same_through_the_fast_path() -> None:
    raw = json.dumps(
        {
            "id": "103270115826048975",
            "created_at": "2019-12-08T03:48:33.901Z",
            "content": "<p>caf\u00e9</p>",
            "account": {"id": "1", "username": "alice", "acct": "alice", "created_at": "2016-03-16T14:34:26.392Z"},
            "media_attachments": [],
            "mentions": [],
            "tags": [],
            "emojis": [],
        }
    ).encode()
    event = _streaming.convert_event("update", raw, True)
    assert isinstance(event, Status)
    assert event == Status._from_json(json.loads(raw))
    assert event.account.created_at.year == 2016


def test_nesting_deeper_than_the_recursion_limit_is_a_malformed_event() -> None:
    raw = b"[" * (sys.getrecursionlimit() + 10) + b"]" * (sys.getrecursionlimit() + 10)
    with pytest.raises(MastodonMalformedEventError):
        _streaming.convert_event("update", raw, True)
