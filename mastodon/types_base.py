"""The value types every endpoint returns: dicts with attributes, typed lists, ids and converters.

An entity is a ``dict`` subclass, so ``isinstance(status, dict)``, ``status["account"]["acct"]`` and
``json.dumps`` keep working, while ``status.account.acct`` reads the same value. Each entity class
declares its fields as annotations; from those a table of converters is built once per class (on
first use), and only the fields that need it are converted: datetimes, ids, nested entities and lists
of them. Everything else, including fields a newer server adds, is kept as it came.

As in Mastodon.py, every field a class declares (``_fields``, in Mastodon.py's order) is part of the
entity even when the server left it out: it reads as ``None`` by attribute, by item and by ``get``, and
``in``, ``keys()``, iteration, ``len``, ``==``, ``repr`` and ``json.dumps`` count it. The entity stores only
what the server sent (a declared field costs no memory until it is set); the views add the rest.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, Union

__all__ = [
    "AttribAccessDict",
    "EmptyResponse",
    "Entity",
    "EntityList",
    "IdType",
    "MaybeSnowflakeIdType",
    "NonPaginatableList",
    "PaginatableList",
    "PaginationInfo",
    "PrimitiveIdType",
    "convert",
    "parse_datetime",
]

T = TypeVar("T")
E = TypeVar("E", bound="AttribAccessDict")

PrimitiveIdType = str | int

_UTC = _dt.timezone.utc


class _MissingField(KeyError, AttributeError):
    """A field an entity does not have: a ``KeyError`` for ``e[key]``, an ``AttributeError`` for ``e.key``."""


_fromisoformat = _dt.datetime.fromisoformat


def parse_datetime(value: Any) -> Any:
    """An ISO 8601 string (or a Unix timestamp) as a datetime; anything unparsable is kept as it is.

    As in Mastodon.py, a value with an offset becomes an aware datetime (here in UTC), a value without
    one (the date-only ``last_status_at``) a naive one, and a Unix timestamp an aware UTC datetime.
    """
    try:
        parsed = _fromisoformat(value)  # C speed; reads "...Z" from Python 3.11 on
    except (TypeError, ValueError):
        return _parse_datetime_slowly(value)
    if parsed.tzinfo is _UTC:  # the usual case: "...Z" or "+00:00"
        return parsed
    return _parse_datetime_slowly(value)


def _parse_datetime_slowly(value: Any) -> Any:
    if isinstance(value, str):
        if value.isdigit():  # Tag history days and other Unix timestamps sent as strings
            try:
                return _dt.datetime.fromtimestamp(int(value), _UTC)
            except (OverflowError, OSError, ValueError):
                return value
        try:
            parsed = _dt.datetime.fromisoformat(value)
        except ValueError:
            try:
                parsed = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                from dateutil.parser import isoparse  # only for forms fromisoformat does not read

                try:
                    parsed = isoparse(value)
                except (ValueError, OverflowError):
                    return value
        if parsed.tzinfo is None:
            return parsed  # no offset given: naive, as Mastodon.py returns it
        return parsed.astimezone(_UTC) if parsed.utcoffset() else parsed.replace(tzinfo=_UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _dt.datetime.fromtimestamp(value, _UTC)
        except (OverflowError, OSError, ValueError):
            return value
    return value


class MaybeSnowflakeIdType(str):
    """An object id: a string, as the server sends it, that also orders and converts like a number.

    Equality and hashing are the string's (as in Mastodon.py: ``status.id == "109"`` is True,
    ``status.id == 109`` is False, and ``{status.id}`` finds ``"109"``); ``repr`` shows the id without
    quotes. Mastodon ids are snowflakes (a millisecond timestamp shifted left by 16 bits), so ``int(id)``
    works, ids order numerically against ids and ints, and ``to_datetime()`` recovers when the object
    was made. Ids of other servers (Pleroma's flake ids, UUIDs) stay plain strings and order as strings.
    """

    __slots__ = ()

    def __new__(cls, value: Any = "", *args: Any, **kwargs: Any) -> MaybeSnowflakeIdType:
        if isinstance(value, _dt.datetime):
            value = (int(value.timestamp()) << 16) * 1000
        return str.__new__(cls, value)

    def __int__(self) -> int:
        return int(str(self))

    def _order_key(self) -> tuple[int, int | str]:
        text = str(self)
        return (0, int(text)) if text.isdigit() else (1, text)

    @staticmethod
    def _key_of(other: Any) -> tuple[int, int | str]:
        if isinstance(other, int) and not isinstance(other, bool):
            return (0, other)
        return MaybeSnowflakeIdType(other)._order_key()

    def __lt__(self, other: object) -> bool:
        return self._order_key() < self._key_of(other)

    def __le__(self, other: object) -> bool:
        return self._order_key() <= self._key_of(other)

    def __gt__(self, other: object) -> bool:
        return self._order_key() > self._key_of(other)

    def __ge__(self, other: object) -> bool:
        return self._order_key() >= self._key_of(other)

    __eq__ = str.__eq__
    __ne__ = str.__ne__
    __hash__ = str.__hash__

    def __repr__(self) -> str:
        return str.__str__(self)

    def to_datetime(self) -> _dt.datetime | None:
        """When a snowflake id was made (UTC), or None for ids that are not snowflakes."""
        text = str(self)
        if not text.isdigit():
            return None
        return _dt.datetime.fromtimestamp((int(text) >> 16) / 1000, _UTC)


IdType = MaybeSnowflakeIdType

# What Mastodon.py writes into ``to_json`` documents and requires when reading them.
_MASTOPY_FORMAT = "2.0.1"
_LIST_NAMES = ("PaginatableList", "NonPaginatableList")


class Entity:
    """What every returned value can do: serialise itself to JSON and come back from it.

    The document is Mastodon.py's (``_mastopy_version``, ``_mastopy_type``, ``_mastopy_data``,
    ``_mastopy_extra_data``), so each library reads what the other wrote.
    """

    __slots__ = ()

    def _type_name(self) -> str:
        return type(self).__name__

    def to_json(self, pretty: bool = True) -> str:
        """This value as JSON, with datetimes as ISO strings and its entity class recorded for ``from_json``."""
        extra = {}
        for name in ("_pagination_next", "_pagination_prev", "_async_refresh"):
            info = getattr(self, name, None)
            if info is not None:
                extra[name] = info
        payload = {
            "_mastopy_version": _MASTOPY_FORMAT,
            "_mastopy_type": self._type_name(),
            "_mastopy_data": _for_json(self),
            "_mastopy_extra_data": extra,
        }
        return json.dumps(payload, default=_json_default, indent=4 if pretty else None)

    @staticmethod
    def from_json(json_str: str) -> Entity:
        """Rebuild a value written by ``to_json`` (ours or Mastodon.py's), with its classes and datetimes restored."""
        document = json.loads(json_str)
        if not isinstance(document, dict) or "_mastopy_type" not in document:
            raise ValueError("not a JSON document written by Entity.to_json")
        container, item_name = _split_type_name(str(document["_mastopy_type"]))
        data = document.get("_mastopy_data")
        extra = document.get("_mastopy_extra_data") or {}
        result: Entity
        if container is not None or isinstance(data, list):
            item_class = _entity_class_named(item_name) if item_name else None
            convert_item = item_class._from_json if item_class is not None else _wrap_plain
            items = [convert_item(item) for item in data or ()]
            result = PaginatableList(items) if container != "NonPaginatableList" else NonPaginatableList(items)
            if isinstance(result, PaginatableList):
                for name in ("_pagination_next", "_pagination_prev"):
                    if isinstance(extra.get(name), dict):
                        setattr(result, name, PaginationInfo(extra[name]))
        else:
            result = _entity_class_named(item_name or "AttribAccessDict")._from_json(data)
            if isinstance(result, AttribAccessDict):
                for name in ("_pagination_next", "_pagination_prev"):
                    if isinstance(extra.get(name), dict):
                        setattr(result, name, PaginationInfo(extra[name]))
        if isinstance(extra.get("_async_refresh"), dict) and isinstance(result, (AttribAccessDict, list)):
            result._async_refresh = extra["_async_refresh"]
        return result

    def _repr_html_(self) -> str:
        """This value as HTML for Jupyter: a card for a status or an account, a feed for a list of them."""
        from mastodon._display import entity_html, list_html  # loaded on first display only

        return list_html(self) if isinstance(self, list) else entity_html(self)

    def to_records(self, sep: str = ".") -> list[dict[str, Any]]:
        """Flat dicts, one per item (nested fields as ``account.acct``), for ``pandas.DataFrame(page.to_records())``."""
        from mastodon._display import to_records  # loaded on first use only

        return to_records(self if isinstance(self, list) else [self], sep)


def _split_type_name(text: str) -> tuple[str | None, str]:
    """``"PaginatableList[Status]"`` -> ``("PaginatableList", "Status")``; ``"Status"`` -> ``(None, "Status")``."""
    if text.endswith("]") and "[" in text:
        outer, _, inner = text[:-1].partition("[")
        inner = inner.rsplit(".", 1)[-1]
        if outer.rsplit(".", 1)[-1] in _LIST_NAMES:
            return outer.rsplit(".", 1)[-1], inner
        return None, inner  # typing.Optional[X] and the like
    name = text.rsplit(".", 1)[-1]
    if name in _LIST_NAMES:
        return name, ""
    return None, name


def _for_json(value: Any) -> Any:
    """An entity's views as plain dicts for ``to_json``, renamed fields under Mastodon.py's keys."""
    if isinstance(value, AttribAccessDict):
        view = value._view()
        for alias, key in type(value)._aliases.items():
            if alias in _DICT_NAMES:
                continue
            if key in _DICT_NAMES:
                # The JSON name is a dict method ("items"): the JSON name is kept, the alias dropped.
                if alias in view:
                    view[key] = view.pop(alias)
            else:
                view.pop(key, None)
        return {key: _for_json(item) for key, item in view.items()}
    if isinstance(value, list):
        return [_for_json(item) for item in value]
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# Entity classes by name, for from_json; the library's own classes win over same-named others.
_ENTITY_CLASSES: dict[str, type[AttribAccessDict]] = {}


def _entity_class_named(name: str) -> type[AttribAccessDict]:
    if "mastodon.return_types" not in sys.modules:
        import importlib

        importlib.import_module("mastodon.return_types")
    return _ENTITY_CLASSES.get(name, AttribAccessDict)


# Names a field may not take over as an attribute: the dict's own methods win, the value stays
# reachable as ``entity["keys"]``.
_EXTRA_SLOTS = ("_pagination_next", "_pagination_prev", "_async_refresh")
_DICT_NAMES = frozenset(dir(dict))
_RESERVED = _DICT_NAMES | {"to_json", "from_json", "_from_json", *_EXTRA_SLOTS}


def _install_properties(cls: type[AttribAccessDict]) -> None:
    """A C-speed property for every declared or annotated field of ``cls`` (and its entity bases).

    itemgetter runs in C; a declared field the server left out reads None through ``__missing__``, and
    any other missing key raises _MissingField, which is an AttributeError. JSON keys that are not
    identifiers ("posting:default:language") are read under their alias, which the converter fills.
    """
    names: list[str] = list(cls._fields)
    for klass in reversed(cls.__mro__):
        if isinstance(klass, type) and issubclass(klass, AttribAccessDict):
            names += klass.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect costs import time)
    for field in dict.fromkeys(names):
        if field.startswith("_") or field in _RESERVED or not field.isidentifier():
            continue
        existing = getattr(cls, field, None)
        if existing is not None and not isinstance(existing, property):
            continue  # a method or constant of the class keeps its name
        setattr(cls, field, property(itemgetter(field), doc=f"The ``{field}`` field."))


def _prepare(cls: type[AttribAccessDict]) -> tuple[tuple[str, str, tuple[Any, ...]], ...]:
    """The converter table of ``cls``, built (with its field properties) the first time it is asked for."""
    table = cls._converters
    if table is None:
        _install_properties(cls)
        table = cls._converters = _build_converters(cls)
    return table


# How many times a converter met a value its field's type cannot hold (an id that is an object, an
# entity that is a string, a list that is not one); the conversion keeps such values as they came.
# ``convert_checked`` compares it before and after a conversion: only when it moved does it walk the
# answer with ``check_fields`` for the precise error, so well-formed answers are walked once, not twice.
_ANOMALIES = [0]


def _odd(value: Any) -> Any:
    """Count a value that does not fit its field, and keep it as it came."""
    _ANOMALIES[0] += 1
    return value


# Conversions of one class through the table-driven converter before its straight-line one is compiled.
_COMPILE_AFTER = 16


def _bootstrap(cls: type[AttribAccessDict]) -> Callable[[Any], Any]:
    """``cls._fast`` until first use: prepares the class, then converts in two tiers.

    A class converts through a small loop over its table at first; once it has converted
    ``_COMPILE_AFTER`` objects its straight-line converter is compiled and takes over. A script that
    reads one status does not pay for compiling (a third of a millisecond a class); a page of forty
    pays once and then converts faster. Each tier passes a call on to the next once that is in place,
    so a caller holding an earlier one (``map(cls._fast, page)``) neither prepares the class again
    nor stays in the slow tier.
    """

    # The converter that replaced this bootstrap, once there is one. Until then every call prepares the
    # class (two threads converting a class's first objects at once both do: the same work, twice).
    ready: list[Callable[[Any], Any]] = []

    def first_use(data: Any) -> Any:
        if ready:  # a caller still holding this function (a map over a page) is passed on
            return ready[0](data)
        table = _prepare(cls)
        if not table:

            def copy_only(data: Any) -> Any:
                return cls(data) if isinstance(data, dict) else _odd(data)

            cls._fast = staticmethod(copy_only)
            ready.append(copy_only)
            return copy_only(data)
        looping = _loop_converter(cls, table)
        calls = 0
        compiled: Callable[[Any], Any] | None = None

        def warming_up(data: Any) -> Any:
            nonlocal calls, compiled
            if compiled is not None:  # a caller holding this function (map over a page) gets the new one too
                return compiled(data)
            calls += 1
            if calls == _COMPILE_AFTER:
                # The second tier (C where built, else compiled Python) takes this object already. Compiled
                # Python writes nested entities out in place, so theirs stop one conversion short of
                # compiling a converter of their own; the C one calls theirs, which then reach it too.
                compiled = _native_converter(cls, table) or _compile_converter(cls, table)
                cls._fast = staticmethod(compiled)
                return compiled(data)
            return looping(data)

        cls._fast = staticmethod(warming_up)
        ready.append(warming_up)
        return warming_up(data)

    return first_use


def _loop_converter(
    cls: type[AttribAccessDict], table: tuple[tuple[str, str, tuple[Any, ...]], ...]
) -> Callable[[Any], Any]:
    """The same conversion as the compiled one, as a loop over the table (the first tier)."""

    def convert(data: Any) -> Any:
        if not isinstance(data, dict):
            return _odd(data)
        entity = cls(data)
        get = data.get
        for key, source, plan in table:
            value = get(source)
            if value is None:
                continue
            try:
                if plan[0] == "entity":
                    value = plan[1]._fast(value)
                elif plan[0] == "entities":
                    value = plan[2](map(plan[1]._fast, value)) if value.__class__ is list else _odd(value)
                elif plan[0] == "list":
                    value = plan[1](value) if value.__class__ is list else value
                elif plan[0] == "call" and plan[1] is _to_id_fast and value.__class__ is not str:
                    value = plan[1](value) if value.__class__ is int else _odd(value)
                elif plan[0] == "call":
                    value = plan[1](value)
                _set_item(entity, key, value)
            except _CONVERSION_ERRORS:
                pass
        return entity

    return convert


class _EntityMeta(type):
    """Gives every entity class empty ``__slots__`` (no per-object ``__dict__``) and a converter bootstrap.

    The declared fields (``_fields``: given by the class, or its base's plus its own annotations) and
    their ``None`` defaults are set here; the fast field properties are added when the class is first
    used (``_install_properties``): 165 classes times their fields would otherwise cost every
    ``import`` a few milliseconds.
    """

    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> _EntityMeta:
        namespace.setdefault("__slots__", ())
        namespace["_converters"] = None  # each class builds its own table on first conversion
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if "_fields" not in namespace:
            inherited: tuple[str, ...] = getattr(cls, "_fields", ())
            own = [field for field in namespace.get("__annotations__", {}) if not field.startswith("_")]
            cls._fields = inherited + tuple(field for field in own if field not in inherited)  # type: ignore[attr-defined]
        cls._defaults = dict.fromkeys(cls._fields)  # type: ignore[attr-defined]
        if cls.__module__ == "mastodon.return_types" or name not in _ENTITY_CLASSES:
            _ENTITY_CLASSES[name] = cls  # type: ignore[assignment]
        cls._fast = staticmethod(_bootstrap(cls))  # type: ignore[attr-defined, arg-type]
        return cls


class _MetaKey:
    """The private key under which an entity keeps its page infos and async refresh info.

    Not a string, so no JSON field can collide with it, and every view of the entity leaves it out.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<entity metadata>"


_META: Any = _MetaKey()
_ABSENT: Any = object()
_dict_get = dict.get
_dict_contains = dict.__contains__
_dict_items = dict.items
_dict_len = dict.__len__
_set_item = dict.__setitem__


class AttribAccessDict(dict[str, Any], Entity, metaclass=_EntityMeta):
    """A dict whose keys can also be read and written as attributes, the base of every entity.

    Declared fields the server left out read as ``None`` and are counted by the views, as in
    Mastodon.py; setting an attribute that is neither a declared field nor a key raises
    ``AttributeError`` (set ``entity["name"]`` to add a key).
    """

    __slots__ = ()
    _pagination_next: PaginationInfo | None
    _pagination_prev: PaginationInfo | None
    _async_refresh: dict[str, Any] | None

    # Mastodon.py's declared fields of this class, in its order, and the same as a dict of Nones.
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, None]] = {}
    # Attribute names for JSON keys that cannot be attributes: attribute -> key.
    _aliases: ClassVar[dict[str, str]] = {}
    # Built once per class on first conversion: (field, converter) for the fields that need one.
    _converters: ClassVar[tuple[tuple[str, str, tuple[Any, ...]], ...] | None] = None
    # The Mastodon version that last changed this entity, where known.
    _version: ClassVar[str | None] = None

    def __missing__(self, key: Any) -> Any:
        if key in self._defaults:
            return None
        raise _MissingField(key)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name in _EXTRA_SLOTS:
                meta = _dict_get(self, _META)
                return meta.get(name) if meta else None
            if name.startswith("__"):
                raise AttributeError(name)
            key = self._aliases.get(name, name)
            try:
                value = self[key]
            except KeyError:
                raise AttributeError(f"{type(self).__name__!r} has no field {name!r}") from None
            wrapped = _wrap_plain(value)
            if wrapped is not value:
                _set_item(self, key, wrapped)
            return wrapped

        def __setattr__(self, name: str, value: Any) -> None:
            if name in _EXTRA_SLOTS:
                meta = _dict_get(self, _META)
                if meta is None:
                    meta = {}
                    _set_item(self, _META, meta)
                meta[name] = value
            elif _dict_contains(self, name) or name in self._defaults:
                self[name] = value
            elif name in self._aliases:
                self[self._aliases[name]] = value
            else:
                raise AttributeError(
                    f"{type(self).__name__} has no field {name!r} to set; add a new key with entity[{name!r}] = value"
                )

        def __delattr__(self, name: str) -> None:
            try:
                del self[name]
            except KeyError:
                raise AttributeError(name) from None

    # The views: what the server sent, with every declared field it left out as None.

    def _view(self) -> dict[str, Any]:
        """A plain dict of this entity as Mastodon.py holds it: declared fields first, in their order."""
        view = dict(self._defaults)
        view.update(_dict_items(self))
        view.pop(_META, None)
        return view

    def get(self, key: Any, default: Any = None) -> Any:
        value = _dict_get(self, key, _ABSENT)
        if value is _ABSENT:
            return None if key in self._defaults else default
        return value

    def __contains__(self, key: object) -> bool:
        return _dict_contains(self, key) or key in self._defaults

    def keys(self) -> Any:
        return self._view().keys()

    def values(self) -> Any:
        return self._view().values()

    def items(self) -> Any:
        return self._view().items()

    def __iter__(self) -> Iterator[str]:
        return iter(self._view())

    def __len__(self) -> int:
        return len(self._view())

    def __bool__(self) -> bool:
        return bool(self._defaults) or any(key is not _META for key in dict.keys(self))

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, dict):
            return False
        if not isinstance(other, type(self)):
            # As Mastodon.py: the other dict read as this entity class, then compared.
            other = type(self)._from_json(dict(other.items()))
        return self._view() == other._view()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def copy(self: E) -> E:
        """A shallow copy of the same class."""
        duplicate = type(self)(_dict_items(self))
        duplicate.pop(_META, None)
        return duplicate

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._view()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ({key: value for key, value in _dict_items(self) if key is not _META},))

    # This class's converter, compiled on first use (see _compile_converter); until then a bootstrap.
    _fast: ClassVar[Callable[[Any], Any]]

    @classmethod
    def _from_json(cls: type[E], data: Any) -> E:
        """This entity from a decoded JSON object, converting the fields its annotations name.

        Anything but a JSON object is returned as it came (a server answered something else).
        """
        return cls._fast(data)  # type: ignore[no-any-return]


class EmptyResponse(AttribAccessDict):
    """An answer without a body (or ``{}``); only metadata, such as an async refresh, may be attached."""


class PaginationInfo(dict[str, Any]):
    """Where the next or previous page is: a plain, JSON-serialisable dict of the request to make."""

    __slots__ = ()


class PaginatableList(list[T], Entity):
    """A page of results from the server, carrying where the next and previous pages are."""

    __slots__ = _EXTRA_SLOTS

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self._pagination_next: PaginationInfo | None = None
        self._pagination_prev: PaginationInfo | None = None
        self._async_refresh: dict[str, Any] | None = None

    def _type_name(self) -> str:
        item_type = ""
        for info in (self._pagination_next, self._pagination_prev):
            if info and info.get("_mastopy_type"):
                item_type = _split_type_name(str(info["_mastopy_type"]))[1]
                break
        if not item_type and self and isinstance(self[0], AttribAccessDict):
            item_type = type(self[0]).__name__
        return f"PaginatableList[{item_type or 'AttribAccessDict'}]"


class NonPaginatableList(list[T], Entity):
    """A list of results that has no further pages."""

    __slots__ = ("_async_refresh",)
    _async_refresh: dict[str, Any] | None

    def __getattr__(self, name: str) -> Any:
        if name == "_async_refresh":
            return None
        raise AttributeError(name)

    def _type_name(self) -> str:
        item_type = type(self[0]).__name__ if self and isinstance(self[0], AttribAccessDict) else "AttribAccessDict"
        return f"NonPaginatableList[{item_type}]"


EntityList = PaginatableList


def _wrap_plain(value: Any) -> Any:
    """A plain nested dict (or list of them) as attribute-accessible values, for fields no schema names."""
    if type(value) is dict:
        return AttribAccessDict(value)
    if type(value) is list and value and type(value[0]) is dict:
        return NonPaginatableList(_wrap_plain(item) for item in value)
    return value


# ---------------------------------------------------------------------------------------------
# Building converters from annotations


def _build_converters(cls: type[AttribAccessDict]) -> tuple[tuple[str, str, tuple[Any, ...]], ...]:
    """(key, JSON key, plan) for every field of ``cls`` that needs converting or copying; see :func:`_plan_for`.

    The key and the JSON key differ for an alias (``posting_default_language`` is filled from
    ``"posting:default:language"``, as Mastodon.py holds both); aliases are copied even when their
    value needs no conversion (plan ``("copy",)``).
    """
    table: list[tuple[str, str, tuple[Any, ...]]] = []
    seen: set[str] = set()
    aliases = cls._aliases
    for klass in cls.__mro__:
        if not (isinstance(klass, type) and issubclass(klass, AttribAccessDict)) or klass is AttribAccessDict:
            continue
        # The class's own annotations (inspect.get_annotations would cost inspect's import time).
        for name, hint in klass.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
            if name.startswith("_") or name in seen:
                continue
            seen.add(name)
            if isinstance(hint, str):
                hint = _resolve_annotation(hint, klass.__module__)
            plan = _plan_for(hint)
            source = aliases.get(name, name)
            if plan is None and source != name:
                plan = ("copy",)
            if plan is not None:
                table.append((name, source, plan))
    return tuple(table)


_RESOLVED: dict[tuple[str, str], Any] = {}
_NAMESPACES: dict[str, dict[str, Any]] = {}


def _resolve_annotation(text: str, module_name: str) -> Any:
    """An annotation string resolved in its class's module (cached: the same few strings recur a lot).

    An unresolvable annotation is a bug in the entity classes, so the NameError is not hidden.
    """
    key = (module_name, text)
    if key not in _RESOLVED:
        namespace = _NAMESPACES.get(module_name)
        if namespace is None:
            module = sys.modules.get(module_name)
            namespace = {"datetime": _dt.datetime, "date": _dt.date, **(vars(module) if module else {})}
            _NAMESPACES[module_name] = namespace
        _RESOLVED[key] = eval(text, namespace)
    return _RESOLVED[key]


def _plan_for(hint: Any) -> tuple[Any, ...] | None:
    """How a field is converted: ``("entity", cls)``, ``("entities", cls, list type)``, ``("list", list type)``
    or ``("call", function)``."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        plans = [plan for plan in map(_plan_for, options) if plan is not None]
        if plans and (len(plans) == 1 or len(options) == len(plans)):
            return plans[0]
        return None  # a union of converted and plain types: keep the value as it came
    if isinstance(hint, type) and issubclass(hint, AttribAccessDict):
        return ("entity", hint)
    if origin in (list, NonPaginatableList, PaginatableList):
        args = typing.get_args(hint)
        list_type = PaginatableList if origin is PaginatableList else NonPaginatableList
        if args and isinstance(args[0], type) and issubclass(args[0], AttribAccessDict):
            return ("entities", args[0], list_type)
        if not args or converter_for(args[0]) is None:
            return ("list", list_type)  # plain values, only the list becomes a NonPaginatableList
    converter = converter_for(hint)
    return ("call", converter) if converter is not None else None


_CONVERSION_ERRORS = (TypeError, ValueError, AttributeError, OverflowError)


def _is_leaf(cls: type[AttribAccessDict]) -> bool:
    """A class whose objects need no field converted: a copy into the class is all it takes."""
    return not _prepare(cls)


def _converter_source(
    cls: type[AttribAccessDict], table: tuple[tuple[str, str, tuple[Any, ...]], ...]
) -> tuple[str, dict[str, Any]]:
    """The source of a function ``convert`` turning a JSON object into ``cls``, and the names it uses.

    Generated once per class (the second tier): one straight-line function per entity instead of a
    loop over a table. Datetimes are parsed in place by the C parser (the slow path only for what it
    cannot read); entities of classes with nothing to convert (emojis, mentions, profile fields) are
    copied into their class in place; a nested entity with fields to convert (the account of a
    status) has its own conversion written out in place, one level deep; deeper ones go through
    their class's ``_fast``. So the common cases cost no Python call. A field that fails to convert
    is kept as it came rather than losing the entity. The classes it names are prepared first, so
    the source depends on the class definitions alone, not on which classes were used before.
    """
    namespace: dict[str, Any] = {
        "cls": cls,
        "_ERRORS": _CONVERSION_ERRORS,
        "isinstance": isinstance,
        "dict": dict,
        "list": list,
        "_iso": _fromisoformat,
        "_UTC": _UTC,
        "_slow": _parse_datetime_slowly,
        "_odd": _odd,
    }
    lines = [
        "def convert(data):",
        "    if data.__class__ is not dict and not isinstance(data, dict):",
        "        return _odd(data)",
        "    e0 = cls(data)",
        "    g0 = data.get",
        *_field_lines(table, namespace, "", 0),
        "    return e0",
    ]
    return "\n".join(lines), namespace


def _compile_converter(
    cls: type[AttribAccessDict], table: tuple[tuple[str, str, tuple[Any, ...]], ...]
) -> Callable[[Any], Any]:
    """The straight-line converter of ``cls`` (see :func:`_converter_source`).

    The package's own entities find theirs already compiled in ``_prebuilt_converters`` (compiling
    Status's costs about 2 ms, once per process); it is used when its source is the one generated now,
    so a stale file is only slower, never different. Any other class is compiled here.
    """
    source, namespace = _converter_source(cls, table)
    if cls.__module__ == "mastodon.return_types":
        import zlib  # here, not at import time: a cron job converting a few objects never needs it

        key = (cls.__qualname__, zlib.crc32(source.encode()), len(source))
        factory = _prebuilt_factories().get(key)
        if factory is not None:
            return factory(**namespace)
    exec(compile(source, f"<converter of {cls.__qualname__}>", "exec"), namespace)
    converter: Callable[[Any], Any] = namespace["convert"]
    return converter


# The C converter module (mastodon/_speedups.c) once looked for: [module], or [None] where the build had
# no compiler or MASTODON_NO_SPEEDUPS is set (to anything but 0) in the environment.
_SPEEDUPS: list[Any] = []


def _speedups() -> Any:
    """The C converter module, configured with the helpers it shares with this one; None without it."""
    if not _SPEEDUPS:
        module: Any = None
        if os.environ.get("MASTODON_NO_SPEEDUPS", "") in ("", "0"):
            try:
                from mastodon import _speedups as built
            except ImportError:
                pass
            else:
                built.configure(
                    _odd, _fromisoformat, _parse_datetime_slowly, _UTC, _CONVERSION_ERRORS, MaybeSnowflakeIdType
                )
                module = built
        _SPEEDUPS.append(module)
    return _SPEEDUPS[0]


def _native_converter(
    cls: type[AttribAccessDict], table: tuple[tuple[str, str, tuple[Any, ...]], ...]
) -> Callable[[Any], Any] | None:
    """The converter of ``cls`` in C, the same conversion as the compiled one; None without the extension.

    Each row is (key, JSON key, kind, class or function, list class, whether the class is a leaf); an object
    that is not a plain dict is passed to the first tier's loop, so odd input takes the Python path.
    """
    speedups = _speedups()
    if speedups is None:
        return None
    rows = []
    for key, source, plan in table:
        kind, target, list_type, leaf = plan[0], None, None, False
        if kind in ("entity", "entities"):
            target, leaf = plan[1], _is_leaf(plan[1])
            list_type = plan[2] if kind == "entities" else None
        elif kind == "list":
            target = plan[1]
        elif kind == "call":
            if plan[1] is parse_datetime:
                kind = "datetime"
            elif plan[1] is _to_id_fast:
                kind = "id"
            else:
                target = plan[1]
        rows.append((key, source, kind, target, list_type, leaf))
    converter: Callable[[Any], Any] = speedups.Converter(cls, tuple(rows), _loop_converter(cls, table))
    return converter


_PREBUILT: list[dict[tuple[str, int, int], Callable[..., Callable[[Any], Any]]]] = []


def _prebuilt_factories() -> dict[tuple[str, int, int], Callable[..., Callable[[Any], Any]]]:
    """``_prebuilt_converters.FACTORIES``, or nothing where that module has no byte-code and may not write
    any (``PYTHONDONTWRITEBYTECODE``): compiling all of it would cost more than the one converter needed."""
    if not _PREBUILT:
        factories: dict[tuple[str, int, int], Callable[..., Callable[[Any], Any]]] = {}
        prebuilt = os.path.join(os.path.dirname(__file__), "_prebuilt_converters.py")
        if not sys.dont_write_bytecode or _has_byte_code(prebuilt):
            from . import _prebuilt_converters

            factories = _prebuilt_converters.FACTORIES
        _PREBUILT.append(factories)
    return _PREBUILT[0]


def _has_byte_code(source: str) -> bool:
    """Whether the module at path ``source`` has byte-code cached for this interpreter that an import would use.

    A byte-code file records its source's modification time and size (or, hash-based, is taken as it is);
    one older than its source would be compiled again on import.
    """
    import importlib.util

    try:
        with open(importlib.util.cache_from_source(source), "rb") as cached:
            header = cached.read(16)
        stat = os.stat(source)
    except (OSError, NotImplementedError):  # no file, or an interpreter without a cache tag
        return False
    if len(header) < 16 or header[:4] != importlib.util.MAGIC_NUMBER:
        return False
    if int.from_bytes(header[4:8], "little") & 1:  # hash-based: valid as long as the source is unchanged
        return True
    mtime, size = int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little")
    return mtime == int(stat.st_mtime) & 0xFFFFFFFF and size == stat.st_size & 0xFFFFFFFF


def _field_lines(
    table: tuple[tuple[str, str, tuple[Any, ...]], ...], namespace: dict[str, Any], prefix: str, depth: int
) -> list[str]:
    """The statements converting the fields of ``table`` from ``g<depth>`` into ``e<depth>``."""
    pad = "    " * (depth * 2 + 1)
    v, e, get = f"v{depth}", f"e{depth}", f"g{depth}"
    lines: list[str] = []
    for number, (key, source, plan) in enumerate(table):
        name = f"{prefix}{number}"
        lines += [f"{pad}{v} = {get}({source!r})", f"{pad}if {v} is not None:"]
        if plan[0] == "call" and plan[1] is parse_datetime:
            lines += [
                f"{pad}    try:",
                f"{pad}        d = _iso({v})",
                f"{pad}    except _ERRORS:",
                f"{pad}        d = _slow({v})",
                f"{pad}    else:",
                # A date without offset (last_status_at) stays the naive datetime fromisoformat made;
                # digits only ("20191117") are a Unix timestamp to the slow path.
                f"{pad}        if d.tzinfo is not _UTC and (d.tzinfo is not None or {v}.isdigit()):",
                f"{pad}            d = _slow({v})",
                f"{pad}    {e}[{key!r}] = d",
            ]
            continue
        child: Any = plan[1] if plan[0] in ("entity", "entities") else None
        if plan[0] == "entity" and depth == 0 and child is not namespace["cls"] and _prepare(child):
            # Written out in place: a copy into the class, then the child's own fields. Not for a field
            # of the class's own type (a reblog): that would write the whole class out twice (141 of
            # Status's 482 generated lines, all compiled per process) to save a call on some statuses.
            namespace[f"C{name}"] = child
            inner = f"e{depth + 1}"
            lines += [
                f"{pad}    if {v}.__class__ is dict:",
                f"{pad}        {inner} = C{name}({v})",
                f"{pad}        g{depth + 1} = {v}.get",
                *_field_lines(child._converters, namespace, f"{name}_", depth + 1),
                f"{pad}        {e}[{key!r}] = {inner}",
                f"{pad}    else:",
                f"{pad}        try:",
                f"{pad}            {e}[{key!r}] = C{name}._fast({v})",
                f"{pad}        except _ERRORS:",
                f"{pad}            pass",
            ]
            continue
        if plan[0] == "entity":
            namespace[f"C{name}"] = child
            if _is_leaf(child):
                expression = f"C{name}({v}) if {v}.__class__ is dict or isinstance({v}, dict) else _odd({v})"
            else:
                expression = f"C{name}._fast({v})"
        elif plan[0] == "entities":
            # Lists of none or one (most of them: tags, mentions, emojis, a status's one picture) are built
            # without a comprehension (a function call of its own before Python 3.12) or a map. Items of a
            # class with nothing to convert are copied in place; the others go through their class's _fast.
            namespace[f"C{name}"], namespace[f"L{name}"] = child, plan[2]
            if _is_leaf(child):
                one_fits, one = f" and {v}[0].__class__ is dict", f"C{name}({v}[0])"
                many = f"[C{name}(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in {v}]"
            else:
                one_fits, one, many = "", f"C{name}._fast({v}[0])", f"map(C{name}._fast, {v})"
            lines += [
                f"{pad}    try:",
                f"{pad}        if {v}.__class__ is not list:",
                f"{pad}            {e}[{key!r}] = _odd({v})",
                f"{pad}        elif not {v}:",
                f"{pad}            {e}[{key!r}] = L{name}()",
                f"{pad}        elif len({v}) == 1{one_fits}:",
                f"{pad}            {e}[{key!r}] = L{name}(({one},))",
                f"{pad}        else:",
                f"{pad}            {e}[{key!r}] = L{name}({many})",
                f"{pad}    except _ERRORS:",
                f"{pad}        pass",
            ]
            continue
        elif plan[0] == "list":
            namespace[f"L{name}"] = plan[1]
            expression = f"L{name}({v}) if {v}.__class__ is list else {v}"
        elif plan[0] == "copy":
            expression = v
        elif plan[1] is _to_id_fast:  # the same str.__new__, called without the partial
            namespace["_str_new"], namespace["_Id"] = str.__new__, MaybeSnowflakeIdType
            expression = f"_str_new(_Id, {v}) if {v}.__class__ is str or {v}.__class__ is int else _odd({v})"
        else:
            namespace[f"F{name}"] = plan[1]
            expression = f"F{name}({v})"
        lines += [
            f"{pad}    try:",
            f"{pad}        {e}[{key!r}] = {expression}",
            f"{pad}    except _ERRORS:",
            f"{pad}        pass",
        ]
    return lines


def converter_for(hint: Any) -> Callable[[Any], Any] | None:
    """The function that turns a decoded JSON value into ``hint``, or None when it stays as it is."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        converters = [c for c in (converter_for(arg) for arg in options) if c is not None]
        if not converters:
            return None
        if len(converters) == 1 or len(options) == len(converters):
            return converters[0]
        return None  # a union of converted and plain types: keep the value as it came
    if origin in (list, NonPaginatableList, PaginatableList):
        args = typing.get_args(hint)
        item = converter_for(args[0]) if args else None
        list_type: type[list[Any]] = PaginatableList if origin is PaginatableList else NonPaginatableList
        if item is None:
            return lambda value: list_type(value) if isinstance(value, list) else value
        return lambda value: list_type(map(item, value)) if isinstance(value, list) else value
    if hint is _dt.datetime or hint is _dt.date:
        return parse_datetime
    if hint is MaybeSnowflakeIdType:
        return _to_id_fast
    if isinstance(hint, type) and issubclass(hint, AttribAccessDict):
        return hint._from_json
    if hint is dict or origin is dict:
        return _wrap_plain
    return None


# str.__new__ runs in C: ids arrive as strings (and str() of an int is its digits).
_to_id_fast = functools.partial(str.__new__, MaybeSnowflakeIdType)


def _to_id(value: Any) -> Any:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return MaybeSnowflakeIdType(value)
    return value


def convert(hint: Any, value: Any) -> Any:
    """``value`` (decoded JSON) converted to the type ``hint`` describes, best effort, never raising."""
    converter = converter_for(hint)
    if converter is None:
        return _wrap_plain(value)
    try:
        return converter(value)
    except (TypeError, ValueError, AttributeError):
        return value


# ---------------------------------------------------------------------------------------------
# Field types of an API answer (checked by the request core, not by the lenient conversion itself)


class FieldTypeError(Exception):
    """A field whose value cannot be its declared type (an id that is an object, an account that is a string).

    The request core turns it into a :class:`~mastodon.errors.MastodonAPIError` naming the field.
    """

    def __init__(self, where: str, expected: str, value: Any) -> None:
        shown = repr(value)
        super().__init__(
            f"{where} should be {expected}, but the server sent a {type(value).__name__}: "
            f"{shown[:80] + '...' if len(shown) > 80 else shown}"
        )
        self.where = where


# Entities that older servers sent as a plain string: an admin account's role was its name before 4.0.
_STRING_FORMS = frozenset({"Role"})
_CHECK_DEPTH = 12  # nested entities are checked this deep; JSON deeper than any schema is not walked further


def check_fields(cls: type[AttribAccessDict], data: Any, where: str = "", depth: int = 0) -> None:
    """Raise :class:`FieldTypeError` where ``data`` (decoded JSON for ``cls``) has a field that cannot be
    its declared type: an id that is not a string or an integer, a nested entity that is not an object,
    a list of entities that is not a list of objects. Null and missing fields, odd dates and unknown
    fields pass, as the conversion keeps them. Uses the class's converter table (built on first use)."""
    if not isinstance(data, dict) or depth > _CHECK_DEPTH:
        return
    table = _prepare(cls)
    for key, source, plan in table:
        value = data.get(source)
        if value is None:
            continue
        kind = plan[0]
        if kind == "entity":
            if isinstance(value, dict):
                check_fields(plan[1], value, f"{where or cls.__name__}.{key}", depth + 1)
            elif not (value.__class__ is str and plan[1].__name__ in _STRING_FORMS):
                raise FieldTypeError(f"{where or cls.__name__}.{key}", f"a {plan[1].__name__} object", value)
        elif kind == "entities":
            if value.__class__ is not list:
                raise FieldTypeError(f"{where or cls.__name__}.{key}", f"a list of {plan[1].__name__}", value)
            for number, item in enumerate(value):
                place = f"{where or cls.__name__}.{key}[{number}]"
                if not isinstance(item, dict):
                    raise FieldTypeError(place, f"a {plan[1].__name__} object", item)
                check_fields(plan[1], item, place, depth + 1)
        elif kind == "call" and plan[1] is _to_id_fast and value.__class__ is not str and value.__class__ is not int:
            raise FieldTypeError(f"{where or cls.__name__}.{key}", "an id (a string or an integer)", value)


def convert_checked(cls: type[E], data: Any, where: str = "") -> E:
    """``cls._fast(data)``, raising :class:`FieldTypeError` where :func:`check_fields` would.

    The converters count the values that do not fit their fields as they go; only an answer that had
    one is walked again by :func:`check_fields` for the precise error, so a well-formed answer costs one
    pass (checking every answer first cost more than converting it).
    """
    before = _ANOMALIES[0]
    result: E = cls._fast(data)
    if _ANOMALIES[0] != before:
        check_fields(cls, data, where)
    return result


def convert_list_checked(cls: type[E], items: list[Any], list_type: Callable[[Any], Any]) -> Any:
    """``list_type`` of ``cls._fast`` over ``items``, raising :class:`FieldTypeError` as :func:`convert_checked`."""
    before = _ANOMALIES[0]
    result = list_type(map(cls._fast, items))
    if _ANOMALIES[0] != before:
        for number, item in enumerate(items):
            check_fields(cls, item, f"{cls.__name__}[{number}]")
    return result


# Mastodon.py 2.3's casting helpers and type aliases (try_cast, base62_to_int, PathOrFile, ...) for code
# that imports them from here; they live in mastodon/_casting.py and load on first use.
def __getattr__(name: str) -> Any:
    from . import _casting

    if name in _casting.__all__:
        return getattr(_casting, name)
    raise AttributeError(f"module 'mastodon.types_base' has no attribute {name!r}")
