"""Entities behave as Mastodon.py 2.3.3's: every expected value here is what 2.3.3 answered.

The cases in ``data/mastodonpy_entities.json`` were recorded from Mastodon.py 2.3.3 by
``tools/record_mastodonpy_entities.py``: the input JSON, the ``to_json`` document 2.3.3 wrote for it,
and what 2.3.3 answered for reads and views (declared fields the server left out read as None and
are counted by ``in``, ``keys()``, ``len`` and ``json.dumps``; ids compare and hash as strings).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import time
from pathlib import Path
from typing import Any

import pytest
from tiers import in_second_tier

import mastodon.return_types as return_types
from mastodon import Mastodon
from mastodon.types_base import (
    AttribAccessDict,
    Entity,
    MaybeSnowflakeIdType,
    NonPaginatableList,
    PaginatableList,
    parse_datetime,
)

RECORDED = json.loads((Path(__file__).parent / "data" / "mastodonpy_entities.json").read_text(encoding="utf-8"))
CASES = {case["name"]: case for case in RECORDED["cases"]}
ENTITY_CASES = [pytest.param(case, id=case["name"]) for case in RECORDED["cases"] if case["class"] != "PaginatableList"]
BASE = "https://mastodon.example"


def describe(value: Any) -> Any:
    """As the recording tool describes a value (see tools/record_mastodonpy_entities.py)."""
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat(), "aware": value.tzinfo is not None}
    if value is None or isinstance(value, (bool, int, float, str)):
        return {"value": value, "type": type(value).__name__}
    return {"type": type(value).__name__}


def build(case: dict[str, Any]) -> Any:
    return getattr(return_types, case["class"])._from_json(copy.deepcopy(case["input"]))


def test_recorded_from_mastodonpy_233() -> None:
    assert RECORDED["mastodonpy"] == "2.3.3"
    assert {"status", "account_date_only", "tag_without_history", "preferences", "home_page"} <= set(CASES)


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_views_count_declared_fields_as_mastodonpy(case: dict[str, Any]) -> None:
    entity = build(case)
    facts = case["facts"]
    assert list(entity.keys()) == facts["keys"]
    assert list(entity) == facts["iter"]
    assert len(entity) == facts["len"]
    assert bool(entity) is facts["bool"]
    assert json.loads(json.dumps(entity, default=str)) == facts["dumps"]


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_reads_of_left_out_fields_as_mastodonpy(case: dict[str, Any]) -> None:
    entity = build(case)
    for name, expected in case["facts"]["reads"].items():
        assert (name in entity) is expected["in"], name
        assert describe(entity.get(name)) == expected["get"], name
        assert describe(entity.get(name, "default")) == expected["get_default"], name
        try:
            item = describe(entity[name])
        except KeyError:
            item = "KeyError"
        assert item == expected["item"], name
        try:
            attribute = describe(getattr(entity, name))
        except AttributeError:
            attribute = "AttributeError"
        assert attribute == expected["attribute"], name


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_setting_an_unknown_attribute_as_mastodonpy(case: dict[str, Any]) -> None:
    entity = build(case)
    assert case["facts"]["set_unknown_attribute"] == "AttributeError"
    with pytest.raises(AttributeError, match="no_such_field"):
        entity.no_such_field = 1
    assert "no_such_field" not in entity
    # A declared field (present or not) and a key the server sent are set as items.
    first = next(iter(case["input"]))
    if first.isidentifier():
        setattr(entity, first, "changed")
        assert entity[first] == "changed"


def test_setting_a_declared_field_the_server_left_out() -> None:
    account = build(CASES["account_date_only"])
    assert account.moved is None
    account.moved = {"id": "5"}
    assert account["moved"] == {"id": "5"} and "moved" in account


@pytest.mark.parametrize("case", [c for c in ENTITY_CASES if "id" in c.values[0]["facts"]])
def test_ids_compare_hash_and_print_as_mastodonpy(case: dict[str, Any]) -> None:
    entity = build(case)
    expected = case["facts"]["id"]
    number = int(entity.id)
    assert isinstance(entity.id, MaybeSnowflakeIdType)
    assert repr(entity.id) == expected["repr"]
    assert (entity.id == number) is expected["equals_int"]
    assert (entity.id == str(number)) is expected["equals_str"]
    assert (hash(entity.id) == hash(str(number))) is expected["hash_is_str_hash"]
    assert (number in {entity.id}) is expected["int_in_set"]
    assert (str(number) in {entity.id}) is expected["str_in_set"]
    assert (entity.id < number + 1) is expected["less_than_next_int"]
    # Equality and hashing agree, so sets and dict keys find the id by its string.
    assert {entity.id: 1}[str(number)] == 1


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_to_json_writes_the_document_mastodonpy_writes(case: dict[str, Any]) -> None:
    entity = build(case)
    assert json.loads(entity.to_json()) == json.loads(case["to_json"])
    assert json.loads(entity.to_json(pretty=False)) == json.loads(case["to_json"])


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_from_json_reads_mastodonpys_document(case: dict[str, Any]) -> None:
    back = Entity.from_json(case["to_json"])
    entity = build(case)
    assert type(back) is type(entity)
    assert (back == entity) is case["read_back_equals"]  # renamed fields come back under one name only
    if case["read_back_equals"]:
        assert list(back.keys()) == case["facts"]["keys"]
    assert json.loads(back.to_json()) == json.loads(case["to_json"])


def test_from_json_restores_datetimes_naive_where_mastodonpy_is_naive() -> None:
    account = Entity.from_json(CASES["account_date_only"]["to_json"])
    assert isinstance(account, return_types.Account)
    assert account.last_status_at == dt.datetime(2019, 11, 24)  # date-only: naive, as 2.3.3 reads it
    assert account.created_at.tzinfo is not None
    assert account.created_at == dt.datetime(2016, 3, 16, 14, 34, 26, 392000, tzinfo=dt.timezone.utc)


def test_date_only_fields_are_naive_as_mastodonpy() -> None:
    account = build(CASES["account_date_only"])
    read = CASES["account_date_only"]["facts"]["reads"]["last_status_at"]
    assert read["attribute"] == {"datetime": "2019-11-24T00:00:00", "aware": False}
    assert describe(account.last_status_at) == read["attribute"]
    assert dt.datetime.now() - account.last_status_at > dt.timedelta(0)  # no naive/aware TypeError


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # what 2.3.3 makes of each (aware ones compared as instants)
        ("2019-12-08", dt.datetime(2019, 12, 8)),
        ("2019-12-08T03:48:33", dt.datetime(2019, 12, 8, 3, 48, 33)),
        ("2019-12-08T03:48:33+02:00", dt.datetime(2019, 12, 8, 1, 48, 33, tzinfo=dt.timezone.utc)),
        ("1575763200", dt.datetime(2019, 12, 8, tzinfo=dt.timezone.utc)),
        (1575763200, dt.datetime(2019, 12, 8, tzinfo=dt.timezone.utc)),
        ("2019-12-08T03:48:33.901Z", dt.datetime(2019, 12, 8, 3, 48, 33, 901000, tzinfo=dt.timezone.utc)),
    ],
)
def test_datetime_forms(text: Any, expected: dt.datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert (parsed.tzinfo is None) is (expected.tzinfo is None)


@pytest.mark.parametrize("case", ENTITY_CASES)
def test_an_entity_equals_the_dict_the_server_sent(case: dict[str, Any]) -> None:
    entity = build(case)
    sent = copy.deepcopy(case["input"])
    assert entity == sent
    assert sent == entity
    assert (entity != sent) is False
    changed = {**sent, "zz_other": 1}
    assert entity != changed
    assert entity != [sent]


def test_copy_pickle_and_dict_keep_the_entity() -> None:
    status = build(CASES["status"])
    for duplicate in (status.copy(), pickle.loads(pickle.dumps(status)), copy.deepcopy(status)):
        assert type(duplicate) is return_types.Status
        assert duplicate == status
        assert list(duplicate.keys()) == list(status.keys())
    assert dict(status) == dict(status.items()) and len(dict(status)) == len(status)
    assert {**status}.keys() == status.keys()


def test_page_metadata_is_not_a_key() -> None:
    """Page infos attached to an entity (grouped notifications, search) are not among its keys."""
    results = return_types.GroupedNotificationsResults._from_json({"accounts": []})
    before = list(results.keys())
    results._pagination_next = {"max_id": "5"}
    assert results._pagination_next == {"max_id": "5"}
    assert list(results.keys()) == before and len(results) == len(before)
    assert "_pagination_next" not in json.loads(json.dumps(results))
    assert results == return_types.GroupedNotificationsResults._from_json({"accounts": []})
    assert pickle.loads(pickle.dumps(results)) == results


def home_page_document() -> str:
    return str(CASES["home_page"]["to_json"]).replace("http://127.0.0.1:PORT", BASE)


def test_from_json_of_a_mastodonpy_page_keeps_classes_and_pagination() -> None:
    page = Entity.from_json(home_page_document())
    recorded = json.loads(home_page_document())
    assert type(page) is PaginatableList
    assert CASES["home_page"]["page_class"] == "PaginatableList"
    assert [type(item).__name__ for item in page] == [CASES["home_page"]["item_class"]] * 2
    assert isinstance(page[0].account, return_types.Account)
    assert isinstance(page[0].created_at, dt.datetime)
    assert page._pagination_next == recorded["_mastopy_extra_data"]["_pagination_next"]
    assert page._pagination_prev == recorded["_mastopy_extra_data"]["_pagination_prev"]


def test_fetch_next_and_previous_of_a_page_read_back_from_json(http: Any) -> None:
    page = Entity.from_json(home_page_document())
    statuses = CASES["home_page"]["input"]
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses)
    api = Mastodon(api_base_url=BASE, access_token="token", version_check_mode="none")
    following = api.fetch_next(page)
    assert http.last_request.qs == {"limit": ["2"], "max_id": ["103270115826038970"]}
    assert type(following) is PaginatableList and type(following[0]) is return_types.Status
    previous = api.fetch_previous(page)
    assert http.last_request.qs == {"limit": ["2"], "min_id": ["103270115826048975"]}
    assert type(previous) is PaginatableList and type(previous[0]) is return_types.Status


def test_our_page_to_json_is_mastodonpys_document(http: Any) -> None:
    statuses = CASES["home_page"]["input"]
    link = (
        f'<{BASE}/api/v1/timelines/home?limit=2&max_id=103270115826038970>; rel="next", '
        f'<{BASE}/api/v1/timelines/home?limit=2&min_id=103270115826048975>; rel="prev"'
    )
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses, headers={"Link": link})
    api = Mastodon(api_base_url=BASE, access_token="token", version_check_mode="none")
    page = api.timeline_home(limit=2)
    assert json.loads(page.to_json()) == json.loads(home_page_document())
    back = Entity.from_json(page.to_json())
    assert type(back) is PaginatableList and back == page
    assert back._pagination_next == page._pagination_next


def test_lists_of_entities_round_trip() -> None:
    tags = NonPaginatableList([return_types.Tag._from_json({"name": "a", "url": "u"})])
    back = Entity.from_json(tags.to_json())
    assert type(back) is NonPaginatableList and type(back[0]) is return_types.Tag
    assert json.loads(tags.to_json())["_mastopy_type"] == "NonPaginatableList[Tag]"


def test_plain_nested_dicts_are_read_as_entities() -> None:
    entity = build(CASES["unknown_fields"])
    assert entity.zz_new.x == 1
    assert isinstance(entity.zz_new, AttribAccessDict)


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Any:
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_approx_server_time_is_naive_local_time_as_mastodonpy(http: Any, tokyo: Any) -> None:
    # 2.3.3 answered datetime(2015, 10, 21, 16, 28) for this Date header with TZ=Asia/Tokyo.
    http.head(f"{BASE}/", headers={"Date": "Wed, 21 Oct 2015 07:28:00 GMT"})
    api = Mastodon(api_base_url=BASE, access_token="token", version_check_mode="none")
    assert api.get_approx_server_time() == dt.datetime(2015, 10, 21, 16, 28)


def test_both_converter_tiers_make_the_same_entities(converter_backend: str) -> None:
    """The first conversions go through a loop over the table, later ones through compiled code
    (with nested conversions written out in place); both give the same result, garbage included."""

    class FreshStatus(return_types.Status):
        """A class of its own, so it starts in the first tier."""

    status = copy.deepcopy(CASES["status"]["input"])
    status["account"]["created_at"] = 12.5  # a timestamp where a string is usual
    status["account"]["last_status_at"] = "not a date"
    status["account"]["emojis"] = "not a list"
    status["card"] = ["not", "an", "object"]
    status["edited_at"] = "2019-12-08T03:48:33"
    converted = [FreshStatus._from_json(copy.deepcopy(status)) for _ in range(40)]
    assert in_second_tier(FreshStatus._fast, converter_backend)
    first, last = converted[0], converted[-1]
    assert first == last and list(first.keys()) == list(last.keys())
    for entity in (first, last):
        assert type(entity.account) is return_types.Account
        assert entity.account.created_at == dt.datetime(1970, 1, 1, 0, 0, 12, 500000, tzinfo=dt.timezone.utc)
        assert entity.account.last_status_at == "not a date"
        assert entity.account.emojis == "not a list"
        assert entity.card == ["not", "an", "object"]
        assert entity.edited_at == dt.datetime(2019, 12, 8, 3, 48, 33)
        assert type(entity.account.fields[0]) is return_types.AccountField
        assert type(entity.application) is return_types.Application and type(entity.mentions) is NonPaginatableList


@pytest.mark.parametrize(
    "value", ["2019-11-24", "20191117", "2019-11-24T10:00:00", "2019-11-24T10:00:00+02:00", "2019-11-24T10:00:00Z"]
)
def test_compiled_tier_reads_dates_as_parse_datetime_does(value: str, converter_backend: str) -> None:
    """Date-only, digits-only (a timestamp), naive and offset values: the compiled code's shortcuts
    give what parse_datetime gives."""

    class FreshAccount(return_types.Account):
        """A class of its own, so it starts in the first tier."""

    account = {"id": "1", "username": "a", "acct": "a", "last_status_at": value, "created_at": value}
    converted = [FreshAccount._from_json(dict(account)) for _ in range(20)]
    assert in_second_tier(FreshAccount._fast, converter_backend)
    expected = parse_datetime(value)
    for entity in (converted[0], converted[-1]):
        assert entity.last_status_at == expected and entity.created_at == expected
        assert getattr(entity.created_at, "tzinfo", None) == getattr(expected, "tzinfo", None)


@pytest.mark.parametrize("count", [0, 1, 2])
def test_compiled_tier_converts_lists_of_entities_of_any_length_and_reblogs(count: int, converter_backend: str) -> None:
    """Lists of one entity (and reblogs, a status in a status) take their own path in compiled code."""

    class FreshStatus(return_types.Status):
        """A class of its own, so it starts in the first tier."""

    status = copy.deepcopy(CASES["status"]["input"])
    media = {"id": "7", "type": "image", "meta": {"small": {"width": 3}}, "url": "https://x/1"}
    status["media_attachments"] = [dict(media, id=str(number)) for number in range(count)]
    status["tags"] = ["not an object"] if count == 1 else [{"name": "t", "url": "u"}] * count
    status["reblog"] = copy.deepcopy(CASES["status"]["input"])
    converted = [FreshStatus._from_json(copy.deepcopy(status)) for _ in range(20)]
    assert in_second_tier(FreshStatus._fast, converter_backend)
    # Status itself, whose compiled code converts a reblog through its own converter (not written out).
    real = [return_types.Status._from_json(copy.deepcopy(status)) for _ in range(20)]
    assert in_second_tier(return_types.Status._fast)
    first, last = converted[0], converted[-1]
    assert first == last == real[-1]
    for entity in (first, last, real[-1]):
        assert type(entity.media_attachments) is NonPaginatableList and len(entity.media_attachments) == count
        for number, item in enumerate(entity.media_attachments):
            assert type(item) is return_types.MediaAttachment and item.id == str(number)
            assert type(item.id) is MaybeSnowflakeIdType
            assert type(item.meta.small) is return_types.MediaAttachmentImageMetadata
        if count == 1:
            assert entity.tags == ["not an object"]  # kept as it came, as the first tier keeps it
        else:
            assert all(type(tag) is return_types.Tag for tag in entity.tags)
        assert type(entity.reblog) is return_types.Status
        assert type(entity.reblog.account) is return_types.Account
        assert type(entity.reblog.id) is MaybeSnowflakeIdType


def test_from_json_keeps_async_refresh_info_and_odd_documents() -> None:
    document = json.loads(CASES["tag_without_history"]["to_json"])
    document["_mastopy_extra_data"] = {"_async_refresh": {"id": "abc", "status": "running"}}
    tag = Entity.from_json(json.dumps(document))
    assert type(tag) is return_types.Tag and tag._async_refresh == {"id": "abc", "status": "running"}
    assert json.loads(tag.to_json())["_mastopy_extra_data"] == {"_async_refresh": {"id": "abc", "status": "running"}}
    document["_mastopy_data"] = None  # an entity the server answered with null
    assert Entity.from_json(json.dumps(document)) is None
    with pytest.raises(ValueError, match="to_json"):
        Entity.from_json(json.dumps({"no": "type"}))
