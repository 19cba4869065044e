"""Answers are type-checked in the conversion's one pass: a second walk only for an answer with a misfit."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import mastodon.types_base as types_base
from mastodon import Mastodon, MastodonAPIError
from mastodon.return_types import Status

BASE = "https://mastodon.example"


@pytest.fixture
def statuses(example: Any) -> list[dict[str, Any]]:
    status = example("entities/Status.md")
    page = []
    for number in range(20):
        item = copy.deepcopy(status)
        item["id"] = str(110_000_000_000_000_000 - number)
        page.append(item)
    return page


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The classes check_fields is asked to walk, in order."""
    seen: list[str] = []
    real = types_base.check_fields

    def spy(cls: Any, data: Any, where: str = "", depth: int = 0) -> None:
        if depth == 0:
            seen.append(cls.__name__)
        real(cls, data, where, depth)

    monkeypatch.setattr(types_base, "check_fields", spy)
    return seen


def test_a_well_formed_page_is_not_walked_twice(http: Any, statuses: list[dict[str, Any]], walks: list[str]) -> None:
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses)
    api = Mastodon(api_base_url=BASE, access_token="token")
    for _ in range(3):  # through both converter tiers
        page = api.timeline_home(limit=20)
    assert len(page) == 20 and type(page[0]) is Status
    assert walks == []


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("account", "emojis"), "not a list", "Status[17].account.emojis"),
        (("account",), "bob", "Status[17].account"),
        (("id",), {"x": 1}, "Status[17].id"),
        (("media_attachments",), [5], "Status[17].media_attachments[0]"),
    ],
)
def test_a_misfit_deep_in_a_page_still_raises_naming_it(
    http: Any, statuses: list[dict[str, Any]], walks: list[str], where: tuple[str, ...], value: Any, message: str
) -> None:
    api = Mastodon(api_base_url=BASE, access_token="token")
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses)
    for _ in range(2):
        api.timeline_home(limit=20)  # the converters of the classes compiled
    target = statuses[17]
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    http.get(f"{BASE}/api/v1/timelines/home", json=statuses)
    with pytest.raises(MastodonAPIError, match=message.replace("[", r"\[").replace("]", r"\]")):
        api.timeline_home(limit=20)
    assert walks  # the precise walk ran for this answer only


def test_one_entity_answer_with_a_misfit_raises(http: Any, statuses: list[dict[str, Any]]) -> None:
    status = statuses[0]
    status["account"] = ["not", "an", "account"]
    http.get(f"{BASE}/api/v1/statuses/1", json=status)
    api = Mastodon(api_base_url=BASE, access_token="token")
    with pytest.raises(MastodonAPIError, match=r"Status\.account"):
        api.status("1")
