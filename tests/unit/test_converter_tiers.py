"""A class's converter tiers: prepared once, compiled after _COMPILE_AFTER objects, whoever holds which tier."""

import copy
import datetime
import json
import sys
import zlib
from pathlib import Path
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
def counted(monkeypatch: pytest.MonkeyPatch, converter_backend: str) -> dict[str, list[str]]:
    """The classes prepared and the ones given a second-tier converter (compiled Python or C), in order."""
    calls: dict[str, list[str]] = {"prepared": [], "compiled": []}
    build, compile_converter = types_base._build_converters, types_base._compile_converter
    native_converter = types_base._native_converter

    def counting_build(cls: Any) -> Any:
        calls["prepared"].append(cls.__name__)
        return build(cls)

    def counting_compile(cls: Any, table: Any) -> Any:
        calls["compiled"].append(cls.__name__)
        return compile_converter(cls, table)

    def counting_native(cls: Any, table: Any) -> Any:
        converter = native_converter(cls, table)
        if converter is not None:
            calls["compiled"].append(cls.__name__)
        return converter

    monkeypatch.setattr(types_base, "_build_converters", counting_build)
    monkeypatch.setattr(types_base, "_compile_converter", counting_compile)
    monkeypatch.setattr(types_base, "_native_converter", counting_native)
    return calls


def test_a_page_converted_through_one_held_function_prepares_each_class_once(
    counted: dict[str, list[str]], converter_backend: str
) -> None:
    outer, _ = fresh_classes()
    page = [raw(number) for number in range(3 * types_base._COMPILE_AFTER)]
    converted = PaginatableList(map(outer._fast, page))  # map holds the bootstrap for the whole page
    assert sorted(counted["prepared"]) == ["Inner", "Leaf", "Outer"]
    # The outer class compiles at its _COMPILE_AFTER-th object. Compiled Python writes the inner class
    # out in place from then on, so that one stays one short and is never compiled; the C converter
    # calls the inner class's own converter, which reaches its second tier on the same object.
    assert counted["compiled"] == (["Outer"] if converter_backend == "python" else ["Outer", "Inner"])
    assert [item.id for item in converted] == [str(number) for number in range(len(page))]
    for item in converted:
        assert type(item) is outer
        assert item.created_at == datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone.utc)
        assert type(item.inner).__name__ == "Inner"
        assert item.inner.id == "7" and isinstance(item.inner.id, MaybeSnowflakeIdType)
        assert [leaf.shortcode for leaf in item.leaves] == ["b", "c"]
        assert type(item.leaves) is NonPaginatableList and type(item.leaves[0]).__name__ == "Leaf"


def test_every_tier_converts_alike(counted: dict[str, list[str]], converter_backend: str) -> None:
    outer, _ = fresh_classes()
    held = outer._fast
    tiers = [held(raw(number)) for number in range(2 * types_base._COMPILE_AFTER)]
    direct = [outer._fast(raw(number)) for number in range(2 * types_base._COMPILE_AFTER)]
    assert tiers == direct
    assert [item.to_json() for item in tiers] == [item.to_json() for item in direct]
    # As above: under C the inner class reaches its own second tier on the outer's _COMPILE_AFTER-th object.
    assert counted["compiled"] == (["Outer"] if converter_backend == "python" else ["Outer", "Inner"])


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


# ---------------------------------------------------------------------------------------------
# The package's busiest entities: converters compiled ahead (mastodon/_prebuilt_converters.py)

ENTITY_EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "api-docs" / "entities"


def shape(value: Any) -> Any:
    """A value with the type of every part of it, so that two conversions compare type for type."""
    if isinstance(value, dict):
        return (type(value).__name__, {key: shape(item) for key, item in dict.items(value)})
    if isinstance(value, list):
        return (type(value).__name__, [shape(item) for item in value])
    return (type(value).__name__, value)


def examples(name: str) -> list[dict[str, Any]]:
    """The API reference's examples of entity ``name`` (a list of JSON objects), none where it has none."""
    page = ENTITY_EXAMPLES / f"{name}.json"
    if not page.exists():
        return []
    example = json.loads(page.read_text(encoding="utf-8"))["example"]
    return [item for item in (example if isinstance(example, list) else [example]) if isinstance(item, dict)]


def prebuilt_names() -> list[str]:
    from mastodon import _prebuilt_converters

    return sorted(name for name, _, _ in _prebuilt_converters.FACTORIES)


@pytest.mark.parametrize("name", prebuilt_names())
def test_a_prebuilt_converter_converts_as_the_one_compiled_at_run_time(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mastodon import _prebuilt_converters, return_types

    cls = getattr(return_types, name)
    table = types_base._prepare(cls)
    monkeypatch.setattr(types_base, "_PREBUILT", [_prebuilt_converters.FACTORIES])
    prebuilt = types_base._compile_converter(cls, table)
    monkeypatch.setattr(types_base, "_PREBUILT", [{}])
    compiled = types_base._compile_converter(cls, table)
    assert prebuilt.__code__.co_filename == _prebuilt_converters.__file__
    assert compiled.__code__.co_filename == f"<converter of {name}>"
    # The reference's examples, and a value of the wrong kind in every field (kept as it came, counted).
    odd = {key: "not an object" if key != "id" else ["a list"] for key, _, _ in table}
    for raw_value in [*examples(name), odd, {}, "not an object"]:
        before = types_base._ANOMALIES[0]
        expected = shape(compiled(copy.deepcopy(raw_value)))
        counted = types_base._ANOMALIES[0] - before
        assert shape(prebuilt(copy.deepcopy(raw_value))) == expected
        assert types_base._ANOMALIES[0] - before == 2 * counted
        assert counted > 0 or (raw_value is not odd and raw_value != "not an object")
    assert examples(name) or name == "NotificationGroup"  # every other one has examples to compare on


def test_a_prebuilt_converter_of_another_source_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file older than the classes is filed under another checksum: the class compiles its own."""
    from mastodon import return_types

    def stale(**names: Any) -> Any:
        raise AssertionError("a converter made from other source was used")

    table = types_base._prepare(return_types.Status)
    source, _ = types_base._converter_source(return_types.Status, table)
    monkeypatch.setattr(types_base, "_PREBUILT", [{("Status", zlib.crc32(source.encode()) + 1, len(source)): stale}])
    converter = types_base._compile_converter(return_types.Status, table)
    assert converter.__code__.co_filename == "<converter of Status>"
    assert type(converter({"id": "1"})) is return_types.Status


@pytest.mark.parametrize("byte_code", [True, False])
def test_without_byte_code_to_load_or_write_the_prebuilt_module_is_left_alone(
    byte_code: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing it uncompiled would cost more than compiling the one converter a class needs."""
    from mastodon import _prebuilt_converters

    monkeypatch.setattr(types_base, "_PREBUILT", [])
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(types_base, "_has_byte_code", lambda source: byte_code)
    assert types_base._prebuilt_factories() == (_prebuilt_converters.FACTORIES if byte_code else {})


def test_the_source_of_a_converter_depends_on_the_classes_alone() -> None:
    """Nested classes no conversion has used yet are prepared first: the same source either way."""
    outer, inner = fresh_classes()
    cold, _ = types_base._converter_source(outer, types_base._prepare(outer))
    assert inner._converters is not None  # prepared for the source, as its first use would
    for number in range(3):
        inner._fast(raw(number)["inner"])
    warm, _ = types_base._converter_source(outer, types_base._prepare(outer))
    assert warm == cold


def test_byte_code_counts_only_when_an_import_would_use_it(tmp_path: Path) -> None:
    import os
    import py_compile

    source = tmp_path / "module.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    assert not types_base._has_byte_code(str(source))  # none written yet
    py_compile.compile(str(source))
    assert types_base._has_byte_code(str(source))
    os.utime(source, (1_000_000, 1_000_000))  # the source changed after it was compiled
    assert not types_base._has_byte_code(str(source))
    py_compile.compile(str(source), invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    assert types_base._has_byte_code(str(source))
