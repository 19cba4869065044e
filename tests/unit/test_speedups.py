"""The C converter (mastodon/_speedups.c) against the Python one it stands in for.

For every entity class of the package, the docs' example and generated documents (well-formed, and with
fields of the wrong type, null, missing or garbage) must come out of both converters as the same entity
tree: the same classes at every level, the same keys in the same order, the same values, and the same
count of values that did not fit (``_ANOMALIES``, which ``convert_checked`` reads).
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import sys
from typing import Any

import pytest
from doc_fixtures import docs_example, entity_examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mastodon import return_types, types_base
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType, NonPaginatableList

speedups = types_base._speedups()
pytestmark = pytest.mark.skipif(speedups is None, reason="the C converter was not built here")

ENTITY_CLASSES = sorted(
    (
        cls
        for cls in vars(return_types).values()
        if isinstance(cls, type) and issubclass(cls, AttribAccessDict) and cls.__module__ == return_types.__name__
    ),
    key=lambda cls: cls.__name__,
)
# Every example object of the entity pages, with the class it belongs to.
EXAMPLES = [pytest.param(getattr(return_types, name), item, id=where) for name, item, where in entity_examples()]


def both(cls: type[AttribAccessDict]) -> tuple[Any, Any]:
    """The C converter of ``cls`` and its straight-line Python one, built from the same table."""
    table = types_base._prepare(cls)
    native = types_base._native_converter(cls, table)
    assert native is not None
    return native, types_base._compile_converter(cls, table)


def same(left: Any, right: Any, where: str = "") -> None:
    """The two values are the same tree: classes, key order and values, at every level."""
    assert type(left) is type(right), f"{where}: {type(left).__name__} vs {type(right).__name__}"
    if isinstance(left, dict):
        assert list(left) == list(right), where
        for key in left:
            same(left[key], right[key], f"{where}.{key}")
    elif isinstance(left, list):
        assert len(left) == len(right), where
        for number, (one, other) in enumerate(zip(left, right, strict=True)):
            same(one, other, f"{where}[{number}]")
    elif isinstance(left, float) and math.isnan(left):
        assert math.isnan(right), where
    elif isinstance(left, dt.datetime):
        assert (left, left.tzinfo) == (right, right.tzinfo), where
    else:
        assert left == right, where


def convert_alike(cls: type[AttribAccessDict], document: Any) -> Any:
    native, python = both(cls)
    before = types_base._ANOMALIES[0]
    from_python = python(document)
    python_odd = types_base._ANOMALIES[0] - before
    before = types_base._ANOMALIES[0]
    from_c = native(document)
    assert types_base._ANOMALIES[0] - before == python_odd
    same(from_c, from_python, cls.__name__)
    return from_c


@pytest.mark.parametrize(("cls", "example"), EXAMPLES)
def test_a_documented_example_converts_alike(cls: type[AttribAccessDict], example: Any) -> None:
    assert type(convert_alike(cls, example)) is cls


def test_a_status_comes_out_typed_at_every_level() -> None:
    status = convert_alike(return_types.Status, docs_example("entities/Status.md"))
    assert type(status.id) is MaybeSnowflakeIdType and type(status.account.id) is MaybeSnowflakeIdType
    assert status.created_at.tzinfo is dt.timezone.utc
    assert type(status.account) is return_types.Account and type(status.account.emojis) is NonPaginatableList
    assert type(status.media_attachments) is NonPaginatableList


# Values a field may hold when the server (or a fork) sends something unusual.
ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -7,
    10**30,
    1.5,
    math.nan,
    "",
    "123",
    "20191117",  # digits only: a Unix timestamp where a date is wanted
    "2019-11-24",  # a date without a time or offset stays naive
    "2019-11-24T10:00:00",
    "2019-11-24T10:00:00+02:00",
    "2019-11-24T10:00:00.123Z",
    "not a date",
    "١٢٣",  # digits, but not ASCII ones
    [],
    ["a", 1],
    [{"id": "1", "shortcode": "x"}, "not an object"],
    {},
    {"id": 5, "created_at": "2019-11-24T10:00:00Z", "name": "n"},
]


def test_every_field_of_every_class_converts_each_odd_value_alike() -> None:
    for cls in ENTITY_CLASSES:
        for _, source, _ in types_base._prepare(cls):
            for value in ODD_VALUES:
                convert_alike(cls, {source: value})


odd_values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(min_value=-1e12, max_value=1e12),
    st.lists(st.integers() | st.text(max_size=3), max_size=2),
    st.just([{"id": "1", "shortcode": "x"}, "not an object"]),
    st.dictionaries(st.sampled_from(["id", "url", "created_at", "name"]), st.text(max_size=4), max_size=3),
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[type[AttribAccessDict], dict[str, Any]]:
    """An entity class and an object whose fields (the ones it converts, and others) hold odd values."""
    cls = draw(st.sampled_from(ENTITY_CLASSES))
    sources = [source for _, source, _ in types_base._prepare(cls)] + ["unknown"]
    document = draw(st.dictionaries(st.sampled_from(sources), odd_values, max_size=len(sources)))
    return cls, document


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_odd_values_convert_alike(drawn: tuple[type[AttribAccessDict], dict[str, Any]]) -> None:
    cls, document = drawn
    convert_alike(cls, document)


@pytest.mark.parametrize("value", [None, 12, "text", ["a", "list"]])
def test_what_is_not_an_object_is_kept_and_counted(value: Any) -> None:
    native, _ = both(return_types.Status)
    before = types_base._ANOMALIES[0]
    assert native(value) is value
    assert types_base._ANOMALIES[0] == before + 1


def test_a_dict_subclass_goes_the_python_way() -> None:
    class Reading(dict[str, Any]):
        def get(self, key: str, default: Any = None) -> Any:
            return "7" if key == "id" else dict.get(self, key, default)

    native, python = both(return_types.Tag)
    same(native(Reading(name="tea", url="u", id="1")), python(Reading(name="tea", url="u", id="1")))


def test_a_conversion_error_keeps_the_value_and_another_error_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    class Wanted(AttribAccessDict):
        shade: str

    def refuse(value: Any) -> Any:
        if value == "boom":
            raise RuntimeError("not a conversion error")
        raise ValueError("cannot convert this")

    native = speedups.Converter(Wanted, (("shade", "shade", "call", refuse, None, False),), lambda data: data)
    kept = native({"shade": "grey"})
    assert type(kept) is Wanted and kept == {"shade": "grey"}
    with pytest.raises(RuntimeError, match="not a conversion error"):
        native({"shade": "boom"})


def test_a_converter_is_made_from_well_formed_rows_only() -> None:
    with pytest.raises(ValueError, match="no converter kind 'sideways'"):
        speedups.Converter(return_types.Tag, (("name", "name", "sideways", None, None, False),), repr)
    with pytest.raises(TypeError, match="dict subclasses"):
        speedups.Converter(list, (), repr)
    with pytest.raises(TypeError):
        speedups.Converter(return_types.Tag, (("name",),), repr)
    with pytest.raises(TypeError, match="the entity row of field 'history' needs a class"):
        speedups.Converter(return_types.Tag, (("history", "history", "entity", None, None, False),), repr)
    with pytest.raises(TypeError, match="the call row of field 'url' needs a class or function"):
        speedups.Converter(return_types.Tag, (("url", "url", "call", 5, None, False),), repr)
    native, _ = both(return_types.Tag)
    with pytest.raises(TypeError, match="one decoded JSON value"):
        native({}, {})
    assert repr(native) == f"<C converter of {return_types.Tag!r}>" and native.cls is return_types.Tag


def test_converting_holds_no_reference_it_should_not() -> None:
    native, _ = both(return_types.Status)
    document = docs_example("entities/Status.md")
    text = document["content"]
    account = document["account"]
    counts = (sys.getrefcount(document), sys.getrefcount(text), sys.getrefcount(account))
    for _ in range(50):
        native(document)
    gc.collect()
    assert (sys.getrefcount(document), sys.getrefcount(text), sys.getrefcount(account)) == counts


def test_without_the_extension_the_python_converter_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(types_base, "_SPEEDUPS", [None])
    assert types_base._native_converter(return_types.Status, types_base._prepare(return_types.Status)) is None


def test_nesting_past_the_recursion_limit_is_a_recursion_error_not_a_crash() -> None:
    native, _ = both(return_types.Status)
    for number in range(2 * types_base._COMPILE_AFTER):  # Status's own _fast in C, so the nesting stays there
        return_types.Status._fast({"id": str(number)})
    assert type(return_types.Status._fast) is speedups.Converter
    document: dict[str, Any] = {"id": "0"}
    # Deeper than any interpreter's limit: sys.getrecursionlimit() up to 3.11, the C recursion limit after.
    for number in range(1, 100_000):
        document = {"id": str(number), "reblog": document}
    with pytest.raises(RecursionError):
        native(document)


def test_an_entity_holding_no_container_is_left_out_of_the_cycle_collector_as_a_plain_dict_is() -> None:
    native, _ = both(return_types.Status)
    document = docs_example("entities/Status.md")
    document["emojis"] = [{"shortcode": "tea", "url": "https://x/e.png", "visible_in_picker": True}]
    status = native(document)
    emoji = status.emojis[0]
    assert not gc.is_tracked(emoji) and not gc.is_tracked(dict(emoji))  # flat: tracked by neither
    assert gc.is_tracked(status) and gc.is_tracked(status.account)  # they hold lists and entities
    emoji["extra"] = ["a container"]  # storing one tracks it again, as for a plain dict
    assert gc.is_tracked(emoji)
    flat = native({"id": "1", "content": "x"})
    assert not gc.is_tracked(flat)
    flat["self"] = flat  # a cycle made afterwards is the collector's again
    assert gc.is_tracked(flat)
    flat.clear()


def test_an_entity_class_with_slots_of_its_own_stays_tracked() -> None:
    class Holding(AttribAccessDict):
        __slots__ = ("kept",)
        name: str

    native = speedups.Converter(Holding, (("name", "name", "copy", None, None, False),), repr)
    assert gc.is_tracked(native({"name": "x"}))  # what its slot holds could close a cycle


@pytest.mark.parametrize(("setting", "built"), [("1", False), ("yes", False), ("0", True), ("", True)])
def test_mastodon_no_speedups_switches_the_c_converter_off_unless_it_is_0(
    monkeypatch: pytest.MonkeyPatch, setting: str, built: bool
) -> None:
    monkeypatch.setattr(types_base, "_SPEEDUPS", [])
    monkeypatch.setenv("MASTODON_NO_SPEEDUPS", setting)
    assert (types_base._speedups() is not None) is built
