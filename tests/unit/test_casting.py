"""Mastodon.py 2.3's type helpers, imported from their old paths, give 2.3.3's answers.

Every expected value below is what Mastodon.py 2.3.3 returned for the same call.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional, TypeVar, Union

import pytest

from mastodon.return_types import Account, Quote, ShallowQuote, Status, Tag
from mastodon.types_base import (
    AttribAccessDict,
    MaybeSnowflakeIdType,
    NonPaginatableList,
    PaginatableList,
    base62_to_int,
    get_type_class,
    int_to_base62,
    real_issubclass,
    resolve_type,
    stringify_type,
    try_cast,
    try_cast_recurse,
)

UTC = dt.timezone.utc


def test_base62_round_trips_as_mastodon_py() -> None:
    assert base62_to_int("") == 0
    assert base62_to_int("zz") == 3843
    assert base62_to_int("9vJ3tVjAAAAAAA") == 1985146022893152188530350
    assert int_to_base62(0) == "0"
    assert int_to_base62(3843) == "zz"
    assert int_to_base62(10**30) == "KyXecRaPqzvjQ8BcW"
    with pytest.raises(ValueError):
        base62_to_int("!")
    with pytest.raises(ValueError):
        int_to_base62(-1)  # 2.3.3 never returns here; we say why instead


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [
        (bool, "true", True),
        (bool, "FALSE", False),
        (bool, "yes", False),
        (bool, 0, False),
        (bool, [1], True),
        (bool, None, None),
        (int, "12", 12),
        (int, "x", None),
        (int, 3.7, 3),
        (float, "1.5", 1.5),
        (float, "x", None),
        (str, 5, "5"),
        (dt.datetime, 0, dt.datetime(1970, 1, 1, tzinfo=UTC)),
        (dt.datetime, "1700000000", dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        (dt.datetime, "2020-01-02T03:04:05Z", dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)),
        (
            dt.datetime,
            "2020-01-02T03:04:05.123+02:00",
            dt.datetime(2020, 1, 2, 3, 4, 5, 123000, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
        (dt.datetime, "2020-01-02", dt.datetime(2020, 1, 2)),
        (dt.datetime, "garbage", None),
        (dt.datetime, 1.5, 1.5),
        (Account, "notadict", "notadict"),
        (Status, 5, 5),
        (TypeVar("T"), 5, 5),
        (dict, {"a": {"b": 1}}, {"a": {"b": 1}}),
    ],
)
def test_try_cast_answers_as_mastodon_py(target: Any, value: Any, expected: Any) -> None:
    result = try_cast(target, value)
    assert result == expected
    assert type(result) is type(expected)


def test_try_cast_to_lists_and_entities() -> None:
    assert type(try_cast(list, [1, 2])) is NonPaginatableList
    assert try_cast(list, "ab") == ["a", "b"]
    assert type(try_cast(PaginatableList, [1])) is PaginatableList
    account = try_cast(Account, {"id": "1", "acct": "a"})
    assert type(account) is Account and account.acct == "a"
    assert try_cast(Account, account) is account
    generic = try_cast(TypeVar("T"), {"a": 1})
    assert type(generic) is AttribAccessDict and generic.a == 1
    assert type(try_cast(MaybeSnowflakeIdType, "123")) is MaybeSnowflakeIdType


def test_try_cast_recurse_answers_as_mastodon_py() -> None:
    accounts = try_cast_recurse(list[Account], [{"id": "1"}])
    assert type(accounts) is NonPaginatableList and type(accounts[0]) is Account
    when = try_cast_recurse(Optional[dt.datetime], "2020-01-02T03:04:05Z")  # noqa: UP045
    assert when == dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    page = try_cast_recurse("PaginatableList[Status]", [{"id": "1"}])
    assert type(page) is PaginatableList and type(page[0]) is Status
    tags = try_cast_recurse("NonPaginatableList[Tag]", [{"name": "x"}])
    assert type(tags) is NonPaginatableList and type(tags[0]) is Tag and tags[0].name == "x"
    assert type(try_cast_recurse("Account", {"id": "2"})) is Account
    shallow = try_cast_recurse(Union[Quote, ShallowQuote], {"state": "accepted", "quoted_status_id": "5"})  # noqa: UP007
    assert type(shallow) is ShallowQuote
    full = try_cast_recurse(Union[Quote, ShallowQuote], {"state": "accepted", "quoted_status": {"id": "5"}})  # noqa: UP007
    assert type(full) is Quote and type(full["quoted_status"]) is Status
    assert try_cast_recurse(Union[int, str], "7") == 7  # noqa: UP007
    assert try_cast_recurse(Union[str, int], "7") == "7"  # noqa: UP007
    assert try_cast_recurse(tuple[int, str], ["1", 2]) == (1, "2")
    assert try_cast_recurse(list[int], ["1", "x"]) == [1, None]
    assert try_cast_recurse(Optional[int], None) is None  # noqa: UP045
    assert try_cast_recurse(dt.datetime, "x") is None
    with pytest.raises(ValueError):
        try_cast_recurse("NoSuchEntity", {})


def test_type_helpers_answer_as_mastodon_py() -> None:
    assert real_issubclass(Account, AttribAccessDict)
    assert real_issubclass(list[int], list)
    assert real_issubclass(int, Union[int, str])  # noqa: UP007
    assert not real_issubclass(int, Optional[str])  # noqa: UP045
    assert real_issubclass(PaginatableList[Status], list)
    assert real_issubclass(bool, int)
    assert stringify_type(Account) == "Account"
    assert stringify_type(int) == "builtins.int"
    assert stringify_type(dt.datetime) == "datetime.datetime"
    assert stringify_type(list[Account]) == "builtins.list[Account]"
    assert stringify_type(PaginatableList[Status]) == "PaginatableList[Status]"
    assert stringify_type(NonPaginatableList[Tag]) == "NonPaginatableList[Tag]"
    assert stringify_type(Optional[Account]) == "Account"  # noqa: UP045
    assert stringify_type(Union[int, str]) == "builtins.int"  # noqa: UP007
    assert stringify_type(dict[str, int]) == "dict[str, int]"
    assert stringify_type(MaybeSnowflakeIdType) == "MaybeSnowflakeIdType"
    assert get_type_class(list[int]) is list
    assert get_type_class(int) is int
    assert get_type_class(Optional[int]) is Union  # noqa: UP045
    assert resolve_type(Account) is Account


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.2.1", (4, 2, 1)),
        ("4.2.1+glitch", (4, 2, 1)),
        ("3.5.0rc1", (3, 5, 0)),
        ("2.7.2 (compatible; Pleroma 2.0.50-2-g9b5f5c3)", (2, 7, 2)),
        ("4.3.0-alpha.1", (4, 3, 0)),
        ("4.4.0-beta.2+hometown-1.1.1", (4, 4, 0)),
        ("4.0.0 (compatible; GoToSocial 0.16.0)", (4, 0, 0)),
    ],
)
def test_version_helpers_at_their_old_path_answer_as_mastodon_py(text: str, expected: tuple[int, int, int]) -> None:
    from mastodon.versions import max_version, parse_version_string

    assert parse_version_string(text) == expected  # 2.3.3's answers
    assert max_version("1.10.0", "1.9.0") == "1.10.0"  # 2.3.3: 1.10.0
    assert max_version("3.5.0", "3.4.9") == "3.5.0"
