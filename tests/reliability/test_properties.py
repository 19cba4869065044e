"""Property-based tests: generated parameters into the wire encoders, generated or mutated JSON into the entities
and through the request core. Nothing may come out but the documented errors.

The deterministic ``test_bugN_*`` tests below pin the bugs this suite found (all fixed since); where a
generator is still narrowed, its comment says why.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from collections.abc import Callable
from typing import Any

import pytest
import requests_mock
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reliability_support import RecordingClock

from mastodon import Mastodon
from mastodon._encode import encode_form, encode_json, path_segment
from mastodon.errors import MastodonError, MastodonIllegalArgumentError
from mastodon.return_types import Account, Notification, Status

BASE = "https://mastodon.example"
TOKEN = "property-token-0123456789"
PROPERTY = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
UTC = dt.timezone.utc

# ---------------------------------------------------------------------------------------------
# Generated parameters

keys = st.sampled_from(
    ("status", "max_id", "min_id", "since_id", "media_ids", "poll", "source", "data", "title", "limit", "when", "q")
)
texts = st.text(max_size=16).filter(lambda text: text != "None")
# Naive datetimes are read as local time; the first and last days of the calendar cannot be (BUG-4; fixed, see
# test_bug4).
datetimes = st.datetimes(min_value=dt.datetime(1, 1, 3), max_value=dt.datetime(9999, 12, 29)) | st.datetimes(
    timezones=st.just(UTC)
)
ids = st.integers(min_value=0, max_value=2**63) | st.integers(min_value=0, max_value=2**63).map(str)
# a dict with an id (never None: BUG-5, fixed since)
entities = st.builds(lambda ident: {"id": ident, "acct": "someone"}, ids)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    texts,
    datetimes,
    st.dates(),
    st.timedeltas(),
    entities,
)
unsendable = st.one_of(st.binary(max_size=5), st.builds(object), st.builds(complex, st.floats(), st.floats()))
form_values = st.recursive(
    st.one_of(scalars, unsendable),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=5,
)
form_params = st.dictionaries(keys, form_values, max_size=5)


def _valid_key(key: str, top: set[str]) -> bool:
    head = key.split("[", 1)[0]
    return head in top and all(part.endswith("]") for part in key.split("[")[1:])


@PROPERTY
@given(form_params)
def test_encode_form_sends_str_pairs_and_never_none(params: dict[str, Any]) -> None:
    try:
        pairs = encode_form(params)
    except MastodonIllegalArgumentError:
        event("refused")
        return
    event("encoded")
    assert isinstance(pairs, list)
    for pair in pairs:
        assert isinstance(pair, tuple) and len(pair) == 2
        key, value = pair
        assert type(key) is str and type(value) is str
        assert _valid_key(key, set(params)), key
        assert value != "None", f"None went on the wire as {key}=None"
    sent = {key.split("[", 1)[0] for key, _ in pairs}
    for key, value in params.items():
        if value is None:
            assert key not in sent
        elif value is True or value is False:
            assert (key, "1" if value else "0") in pairs
        elif isinstance(value, str):
            assert (key, value) in pairs


json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), texts, datetimes
)
# Only JSON types and datetimes are nested: a nested date, timedelta or bytes passes through unencoded (BUG-3; fixed,
# see test_bug3).
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=6,
)
json_params = st.dictionaries(keys, json_values | entities, max_size=5)


@PROPERTY
@given(json_params)
def test_encode_json_gives_a_json_object_without_none(params: dict[str, Any]) -> None:
    try:
        body = encode_json(params)
    except MastodonIllegalArgumentError:
        event("refused")
        return
    event("encoded")
    assert isinstance(body, dict)
    json.dumps(body, allow_nan=False)
    assert set(body) == {key for key, value in params.items() if value is not None}
    for key, value in params.items():
        if isinstance(value, bool):
            assert body[key] == ("1" if value else "0")

    def no_none_in_objects(value: Any) -> None:
        if isinstance(value, dict):
            assert None not in value.values()
            for item in value.values():
                no_none_in_objects(item)
        elif isinstance(value, list):
            for item in value:
                no_none_in_objects(item)

    no_none_in_objects(body)


segment_values = st.one_of(
    texts.filter(lambda text: text not in (".", "..")),  # the dot segments were BUG-1 (now refused)
    st.integers(),
    st.none(),
    st.booleans(),
    st.floats(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.builds(lambda ident: {"id": ident}, st.integers() | texts.filter(lambda text: text not in (".", ".."))),
    st.just({}),
)


@PROPERTY
@given(keys, segment_values)
def test_path_segment_is_one_quoted_segment(name: str, value: Any) -> None:
    try:
        segment = path_segment(name, value)
    except MastodonIllegalArgumentError:
        event("refused")
        return
    event("encoded")
    assert type(segment) is str and segment
    assert not set(segment) & set("/?#[]@!$&'()*+,;= \t\r\n"), segment
    assert segment not in (".", "..")


# ---------------------------------------------------------------------------------------------
# Generated and mutated JSON into the entities

# Numbers are bounded: a date field holding a number past the platform's time_t overflows (BUG-2; fixed, see test_bug2).
numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12), st.floats(min_value=-1e12, max_value=1e12), st.just(math.nan)
)
garbage = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
date_garbage = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2024-02-30T00:00:00Z", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00", "yesterday"]),
    numbers,
    garbage,
)


@st.composite
def mutated(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` with fields dropped, nulled, retyped or replaced by garbage, and extra ones added, at any depth."""
    if isinstance(value, dict):
        out = dict(value)
        names = sorted(value)
        chosen = draw(st.lists(st.sampled_from(names), max_size=5, unique=True)) if names else []
        for key in chosen:
            action = draw(st.sampled_from(("mutate", "mutate", "drop", "garbage", "null")))
            if action == "drop":
                del out[key]
            elif action == "null":
                out[key] = None
            elif action == "garbage" or depth >= 4:
                out[key] = draw(date_garbage if key.endswith("_at") else garbage)
            else:
                out[key] = draw(mutated(value[key], depth + 1))
        out.update(draw(st.dictionaries(st.text(max_size=10), garbage, max_size=2)))
        return out
    if isinstance(value, list):
        kept = [draw(mutated(item, depth + 1)) for item in value[: draw(st.integers(0, len(value)))]]
        return kept + draw(st.lists(garbage, max_size=2))
    return draw(garbage)


def _exercise(entity: Any) -> None:
    """Read every field as a user would: item and attribute access, nested entities too, and repr."""
    repr(entity)
    if isinstance(entity, dict):
        for key in list(entity):
            value = entity[key]
            if key.isidentifier():
                getattr(entity, key, None)
            _exercise(value)
    elif isinstance(entity, list):
        for item in entity:
            _exercise(item)


_DOCS: dict[str, Any] = {}


def _doc(example: Callable[..., Any], page: str) -> Any:
    """A docs example, parsed once per session, as a fresh copy."""
    if page not in _DOCS:
        _DOCS[page] = example(page)
    return copy.deepcopy(_DOCS[page])


ENTITY_PAGES = {Status: "entities/Status.md", Account: "entities/Account.md", Notification: "entities/Notification.md"}


@pytest.mark.parametrize("entity", [Status, Account, Notification], ids=lambda entity: entity.__name__)
@PROPERTY
@given(data=st.data())
def test_mutated_json_becomes_an_entity(entity: Any, data: st.DataObject, example: Callable[..., Any]) -> None:
    document = data.draw(mutated(_doc(example, ENTITY_PAGES[entity])))
    parsed = entity._from_json(document)
    assert isinstance(parsed, entity)
    assert set(parsed) == set(document) | set(entity._fields)  # declared fields count, as in Mastodon.py
    _exercise(parsed)


@pytest.mark.parametrize("entity", [Status, Account, Notification], ids=lambda entity: entity.__name__)
@PROPERTY
@given(document=st.dictionaries(st.text(max_size=12), garbage, max_size=8))
def test_generated_json_becomes_an_entity(entity: Any, document: dict[str, Any]) -> None:
    parsed = entity._from_json(document)
    assert isinstance(parsed, entity) and set(parsed) == set(document) | set(entity._fields)
    _exercise(parsed)


# ---------------------------------------------------------------------------------------------
# Garbage bodies through the request core


@st.composite
def bodies(draw: st.DrawFn, example: Callable[..., Any]) -> bytes:
    """A body as a broken server or proxy might send it."""
    status_json = _doc(example, "entities/Status.md")
    kind = draw(st.sampled_from(("mutated", "mutated_list", "garbage", "truncated", "bytes", "html", "empty")))
    if kind == "mutated":
        return json.dumps(draw(mutated(status_json))).encode()
    if kind == "mutated_list":
        return json.dumps(draw(st.lists(mutated(status_json), max_size=3))).encode()
    if kind == "garbage":
        return json.dumps(draw(garbage)).encode()
    if kind == "truncated":
        text = json.dumps(status_json).encode()
        return text[: draw(st.integers(0, len(text) - 1))]
    if kind == "html":
        return b"<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
    if kind == "empty":
        return draw(st.sampled_from((b"", b" ", b"\n")))
    return draw(st.binary(max_size=64))


def _not_infinite(value: str) -> bool:
    try:
        return not math.isinf(float(value))
    except ValueError:
        return True


# A rate-limit header reading "inf" overflows (BUG-6; fixed, see test_bug6).
header_values = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40).filter(_not_infinite)
HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", "Link", "Date")
garbage_headers = st.dictionaries(st.sampled_from((*HEADERS, "Content-Type")), header_values, max_size=4)
statuses = st.sampled_from((200, 200, 200, 201, 202, 206, 400, 401, 403, 404, 410, 422, 429, 500, 502, 503, 504))


def _client(clock: RecordingClock) -> Mastodon:
    api = Mastodon(api_base_url=BASE, access_token=TOKEN, mastodon_version="4.4.0")
    api._set_clock(clock)
    return api


CORE_CALLS: dict[str, Callable[[Mastodon], Any]] = {
    "status": lambda api: api.status(1),
    "timeline_home": lambda api: api.timeline_home(limit=2),
}


@pytest.mark.parametrize("call", sorted(CORE_CALLS))
@PROPERTY
@given(data=st.data())
def test_garbage_answers_raise_only_mastodon_errors(
    call: str, data: st.DataObject, example: Callable[..., Any]
) -> None:
    body = data.draw(bodies(example))
    status = data.draw(statuses)
    headers = data.draw(garbage_headers)
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.get(requests_mock.ANY, content=body, status_code=status, headers=headers)
        try:
            result = CORE_CALLS[call](api)
        except MastodonError as error:
            event(f"raised {type(error).__name__}")
            assert TOKEN not in repr(error) and TOKEN not in str(error)
            return
        event(f"returned {type(result).__name__}")
        _exercise(result)
    assert 200 <= status < 300, f"{status} taken for success"
    assert all(0 <= wait <= 300 for wait in clock.sleeps), clock.sleeps
    assert all(not math.isnan(wait) for wait in clock.sleeps)


# ---------------------------------------------------------------------------------------------
# The bugs the generators step around, shown deterministically


def test_bug1_dot_segment_ids_are_refused_before_sending() -> None:
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.delete(requests_mock.ANY, json={})
        try:
            api.status_delete("..")
        except MastodonIllegalArgumentError:
            return
        sent = http.last_request.url
    pytest.fail(f"status_delete('..') sent DELETE {sent}")


def test_bug2_huge_numeric_date_is_tolerated() -> None:
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.get(requests_mock.ANY, text='{"id": "1", "created_at": 1e300}')
        try:
            api.status(1)
        except MastodonError:
            pass
    Status._from_json({"id": "1", "created_at": 1e300})


def test_bug3_nested_values_in_json_bodies_are_encoded_or_refused() -> None:
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.post(requests_mock.ANY, json={"id": "1"})
        try:
            api.status_post("poll", poll={"options": ["a", "b"], "expires_in": dt.timedelta(hours=1)})
        except MastodonIllegalArgumentError:
            return
        assert json.loads(http.last_request.body)["poll"]["expires_in"] == 3600


def test_bug4_edge_datetimes_are_encoded_or_refused() -> None:
    try:
        encode_form({"max_id": dt.datetime(1, 1, 1)})
    except MastodonIllegalArgumentError:
        pass


def test_bug5_an_entity_without_id_is_not_sent_as_none() -> None:
    try:
        pairs = encode_form({"in_reply_to_id": {"id": None}})
    except MastodonIllegalArgumentError:
        return
    assert ("in_reply_to_id", "None") not in pairs


def test_bug6_infinite_rate_limit_headers_are_ignored() -> None:
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.get(requests_mock.ANY, json={"id": "1"}, headers={"X-RateLimit-Remaining": "inf"})
        try:
            api.status(1)
        except MastodonError:
            pass


@pytest.mark.parametrize("body", ["[1, 2]", "5", "null"])
def test_bug7_a_wrong_json_type_for_one_entity_is_an_error(body: str) -> None:
    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.get(requests_mock.ANY, text=body)
        with pytest.raises(MastodonError):
            api.status(1)


@pytest.mark.parametrize("reset", ["300000000000", "100000000000000000", "9223372036854775296"])
def test_a_429_resetting_beyond_the_calendar_is_a_rate_limit_error(reset: str) -> None:
    """Found by the garbage-answer property (seed 257): the message's reset time overflowed datetime."""
    from mastodon.errors import MastodonRatelimitError

    clock = RecordingClock()
    with requests_mock.Mocker() as http, _client(clock) as api:
        http.get(requests_mock.ANY, text="busy", status_code=429, headers={"X-RateLimit-Reset": reset})
        with pytest.raises(MastodonRatelimitError, match="no calendar holds"):
            api.status(1)
    assert clock.sleeps == []
