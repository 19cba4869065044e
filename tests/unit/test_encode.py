"""The wire encoder: one rule per kind of value, as Mastodon.py sends it."""

from __future__ import annotations

import datetime as dt

import pytest

from mastodon import MastodonIllegalArgumentError
from mastodon._encode import datetime_to_iso, datetime_to_snowflake, encode_form, encode_json, path_segment
from mastodon.types_base import AttribAccessDict

UTC = dt.timezone.utc


def test_none_is_left_out_and_scalars_become_strings() -> None:
    assert encode_form({"a": None, "b": 1, "c": 1.5, "d": "x"}) == [("b", "1"), ("c", "1.5"), ("d", "x")]


def test_booleans_are_one_and_zero() -> None:
    assert encode_form({"yes": True, "no": False}) == [("yes", "1"), ("no", "0")]


def test_entities_and_dicts_with_ids_are_sent_as_ids() -> None:
    status = AttribAccessDict({"id": "109", "content": "x"})
    assert encode_form({"in_reply_to_id": status, "account_id": {"id": 5}}) == [
        ("in_reply_to_id", "109"),
        ("account_id", "5"),
    ]


def test_lists_are_repeated_bracket_keys_with_entities_unpacked() -> None:
    assert encode_form({"media_ids": [{"id": "1"}, "2", None]}) == [("media_ids[]", "1"), ("media_ids[]", "2")]
    assert encode_form({"types": []}) == []


def test_lists_come_after_the_other_parameters_in_their_own_order() -> None:
    """Mastodon.py 2.3.3 moves every list to the end: ``status=x&sensitive=0&media_ids[]=1``."""
    params = {"status": "x", "media_ids": ["1", "2"], "sensitive": False, "context": ("home",), "language": "en"}
    assert encode_form(params) == [
        ("status", "x"),
        ("sensitive", "0"),
        ("language", "en"),
        ("media_ids[]", "1"),
        ("media_ids[]", "2"),
        ("context[]", "home"),
    ]


def test_nested_dicts_are_bracketed() -> None:
    params = {"data": {"alerts": {"follow": True, "mention": False}, "policy": "all"}, "source": {"privacy": "public"}}
    assert encode_form(params) == [
        ("data[alerts][follow]", "1"),
        ("data[alerts][mention]", "0"),
        ("data[policy]", "all"),
        ("source[privacy]", "public"),
    ]


def test_datetimes_are_utc_iso_and_bounds_are_snowflakes() -> None:
    moment = dt.datetime(2024, 5, 1, 14, 0, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert datetime_to_iso(moment) == "2024-05-01T12:00:30+00:00"
    assert encode_form({"scheduled_at": moment}) == [("scheduled_at", "2024-05-01T12:00:30+00:00")]
    expected = (int(moment.timestamp()) << 16) * 1000
    assert datetime_to_snowflake(moment) == expected
    assert encode_form({"max_id": moment}) == [("max_id", str(expected))]


def test_json_bodies_keep_nested_types_and_stringify_top_level_booleans() -> None:
    body = encode_json(
        {
            "status": "x",
            "sensitive": False,
            "poll": {"options": ["a", "b"], "multiple": True, "expires_in": 60},
            "media_ids": [{"id": "3"}],
            "scheduled_at": dt.datetime(2030, 1, 1, tzinfo=UTC),
            "nothing": None,
        }
    )
    assert body == {
        "status": "x",
        "sensitive": "0",
        "poll": {"options": ["a", "b"], "multiple": True, "expires_in": 60},
        "media_ids": ["3"],
        "scheduled_at": "2030-01-01T00:00:00+00:00",
    }


def test_path_segments_are_quoted_and_required() -> None:
    assert path_segment("id", "a/b c") == "a%2Fb%20c"
    assert path_segment("id", {"id": 12}) == "12"
    with pytest.raises(MastodonIllegalArgumentError, match="id is required"):
        path_segment("id", None)
    with pytest.raises(MastodonIllegalArgumentError, match="must be an id"):
        path_segment("id", 1.5)
    with pytest.raises(MastodonIllegalArgumentError, match="no 'id' key"):
        path_segment("id", {"acct": "x"})


def test_unsendable_values_are_refused_with_the_parameter_name() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        encode_form({"limit": object()})


def test_path_parameter_none_raises_before_sending(api, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        api.status(None)
    assert http.call_count == 0
