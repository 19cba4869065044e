"""A class's converter tiers: prepared once, compiled after _COMPILE_AFTER objects, whoever holds which tier."""

import datetime
from typing import Any

import pytest

from mastodon import types_base
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType, NonPaginatableList, PaginatableList


def fresh_classes() -> tuple[type[AttribAccessDict], type[AttribAccessDict]]:
    """Entity classes no other test has converted with (each bootstrap starts from nothing)."""

    class Leaf(AttribAccessDict):
        shortcode: str

    class Inner(AttribAccessDict):
        id: MaybeSnowflakeIdType
        created_at: datetime.datetime
        leaves: NonPaginatableList[Leaf]

    class Outer(AttribAccessDict):
        id: MaybeSnowflakeIdType
        created_at: datetime.datetime
        inner: Inner
        leaves: NonPaginatableList[Leaf]

    return Outer, Inner


def raw(number: int) -> dict[str, Any]:
    return {
        "id": str(number),
        "created_at": "2024-05-01T12:00:00.000Z",
        "inner": {"id": 7, "created_at": "2024-05-02T12:00:00Z", "leaves": [{"shortcode": "a"}]},
        "leaves": [{"shortcode": "b"}, {"shortcode": "c"}],
    }


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    calls: dict[str, list[str]] = {"prepared": [], "compiled": []}
    build, compile_converter = types_base._build_converters, types_base._compile_converter

    def counting_build(cls: Any) -> Any:
        calls["prepared"].append(cls.__name__)
        return build(cls)

    def counting_compile(cls: Any, table: Any) -> Any:
        calls["compiled"].append(cls.__name__)
        return compile_converter(cls, table)

    monkeypatch.setattr(types_base, "_build_converters", counting_build)
    monkeypatch.setattr(types_base, "_compile_converter", counting_compile)
    return calls


def test_a_page_converted_through_one_held_function_prepares_each_class_once(counted: dict[str, list[str]]) -> None:
    outer, _ = fresh_classes()
    page = [raw(number) for number in range(3 * types_base._COMPILE_AFTER)]
    converted = PaginatableList(map(outer._fast, page))  # map holds the bootstrap for the whole page
    assert sorted(counted["prepared"]) == ["Inner", "Leaf", "Outer"]
    # The outer class compiles at its _COMPILE_AFTER-th object; the inner one, written out in place by
    # it from then on, stays one short and is never compiled.
    assert counted["compiled"] == ["Outer"]
    assert [item.id for item in converted] == [str(number) for number in range(len(page))]
    for item in converted:
        assert type(item) is outer
        assert item.created_at == datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone.utc)
        assert type(item.inner).__name__ == "Inner"
        assert item.inner.id == "7" and isinstance(item.inner.id, MaybeSnowflakeIdType)
        assert [leaf.shortcode for leaf in item.leaves] == ["b", "c"]
        assert type(item.leaves) is NonPaginatableList and type(item.leaves[0]).__name__ == "Leaf"


def test_every_tier_converts_alike(counted: dict[str, list[str]]) -> None:
    outer, _ = fresh_classes()
    held = outer._fast
    tiers = [held(raw(number)) for number in range(2 * types_base._COMPILE_AFTER)]
    direct = [outer._fast(raw(number)) for number in range(2 * types_base._COMPILE_AFTER)]
    assert tiers == direct
    assert [item.to_json() for item in tiers] == [item.to_json() for item in direct]
    assert counted["compiled"] == ["Outer"]


def test_a_conversion_while_another_thread_prepares_the_class_gets_an_entity(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    outer, _ = fresh_classes()
    held = outer._fast  # the bootstrap, as a map over a page holds it
    install = types_base._install_properties
    meanwhile: list[Any] = []
    interrupted: list[bool] = []

    def install_while_another_converts(cls: Any) -> None:
        if cls is outer and not interrupted:
            interrupted.append(True)

            # Another thread converts while this one is still preparing the class.
            def convert() -> None:
                try:
                    meanwhile.append(held(raw(2)))
                except BaseException as error:  # a recursion between the tiers would land here
                    meanwhile.append(error)

            other = threading.Thread(target=convert)
            other.start()
            other.join(timeout=30)
        install(cls)

    monkeypatch.setattr(types_base, "_install_properties", install_while_another_converts)
    first = held(raw(1))
    assert type(first) is outer and first.id == "1"
    assert len(meanwhile) == 1
    assert type(meanwhile[0]) is outer and meanwhile[0].id == "2"
