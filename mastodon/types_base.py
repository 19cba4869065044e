"""The value types every endpoint returns: dicts with attributes, typed lists, ids and converters.

An entity is a ``dict`` subclass, so ``isinstance(status, dict)``, ``status["account"]["acct"]`` and
``json.dumps`` keep working, while ``status.account.acct`` reads the same value. Each entity class
declares its fields as annotations; from those a table of converters is built once per class (on
first use), and only the fields that need it are converted: datetimes, ids, nested entities and lists
of them. Everything else, including fields a newer server adds, is kept as it came.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import sys
import types
import typing
from collections.abc import Callable, Iterable
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
    """An ISO 8601 string (or a Unix timestamp) as an aware UTC datetime; anything unparsable is kept as it is."""
    try:
        parsed = _fromisoformat(value)
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
            return parsed.replace(tzinfo=_UTC)
        return parsed.astimezone(_UTC) if parsed.utcoffset() else parsed
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _dt.datetime.fromtimestamp(value, _UTC)
        except (OverflowError, OSError, ValueError):
            return value
    return value


class MaybeSnowflakeIdType(str):
    """An object id: a string, as the server sends it, that also compares and converts like a number.

    Mastodon ids are snowflakes (a millisecond timestamp shifted left by 16 bits), so ``int(id)``
    works and ``to_datetime()`` recovers when the object was made. Ids of other servers (Pleroma's
    flake ids, UUIDs) stay plain strings: comparison falls back to string order there.
    """

    __slots__ = ()

    def __new__(cls, value: Any = "") -> MaybeSnowflakeIdType:
        if isinstance(value, _dt.datetime):
            value = str(int(value.timestamp() * 1000) << 16)
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

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int) and not isinstance(other, bool):
            return str(self) == str(other)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = str.__hash__

    def __repr__(self) -> str:
        return str.__repr__(self)

    def to_datetime(self) -> _dt.datetime | None:
        """When a snowflake id was made (UTC), or None for ids that are not snowflakes."""
        text = str(self)
        if not text.isdigit():
            return None
        return _dt.datetime.fromtimestamp((int(text) >> 16) / 1000, _UTC)


IdType = MaybeSnowflakeIdType


class Entity:
    """What every returned value can do: serialise itself to JSON and come back from it."""

    __slots__ = ()

    def to_json(self, pretty: bool = True) -> str:
        """This value as JSON, with datetimes as ISO strings and its entity class recorded for ``from_json``."""
        payload: dict[str, Any] = {"_mastopy_type": type(self).__name__, "_mastopy_data": self}
        extra = {}
        for name in ("_pagination_next", "_pagination_prev"):
            info = getattr(self, name, None)
            if info is not None:
                extra[name] = info
        if extra:
            payload["_mastopy_extra_data"] = extra
        return json.dumps(payload, default=_json_default, indent=4 if pretty else None)

    @staticmethod
    def from_json(json_str: str) -> Entity:
        """Rebuild a value written by ``to_json``, with its entity class and datetimes restored."""
        document = json.loads(json_str)
        if not isinstance(document, dict) or "_mastopy_type" not in document:
            raise ValueError("not a JSON document written by Entity.to_json")
        type_name = document["_mastopy_type"]
        data = document.get("_mastopy_data")
        result: Entity
        if type_name in ("PaginatableList", "NonPaginatableList") or isinstance(data, list):
            list_type = PaginatableList if type_name == "PaginatableList" else NonPaginatableList
            result = list_type(_wrap_plain(item) for item in data or ())
            if isinstance(result, PaginatableList):
                for name, info in document.get("_mastopy_extra_data", {}).items():
                    if name in ("_pagination_next", "_pagination_prev"):
                        setattr(result, name, PaginationInfo(info))
            return result
        entity_class = _entity_class_named(type_name)
        return entity_class._from_json(data)

    def _repr_html_(self) -> str:
        """This value as HTML for Jupyter: a card for a status or an account, a feed for a list of them."""
        from mastodon._display import entity_html, list_html  # loaded on first display only

        return list_html(self) if isinstance(self, list) else entity_html(self)

    def to_records(self, sep: str = ".") -> list[dict[str, Any]]:
        """Flat dicts, one per item (nested fields as ``account.acct``), for ``pandas.DataFrame(page.to_records())``."""
        from mastodon._display import to_records  # loaded on first use only

        return to_records(self if isinstance(self, list) else [self], sep)


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
_RESERVED = frozenset(dir(dict)) | {"to_json", "from_json", "_from_json", *_EXTRA_SLOTS}


def _install_properties(cls: type[AttribAccessDict]) -> None:
    """A C-speed property for every annotated field of ``cls`` (and its entity bases) not yet resolvable.

    itemgetter runs in C; a missing key raises _MissingField, which is an AttributeError. JSON keys that
    are not identifiers ("posting:default:language") are read under their alias.
    """
    for klass in reversed(cls.__mro__):
        if not (isinstance(klass, type) and issubclass(klass, AttribAccessDict)):
            continue
        aliases: dict[str, str] = klass.__dict__.get("_aliases", {})
        for field in klass.__dict__.get("__annotations__", {}):  # noqa: RUF063 (inspect costs import time)
            if field.startswith("_") or field in _RESERVED or field in cls.__dict__:
                continue
            if field in klass.__dict__ and klass is not cls:
                continue
            key = aliases.get(field, field)
            setattr(cls, field, property(itemgetter(key), doc=f"The ``{key}`` field."))


# Conversions of one class through the table-driven converter before its straight-line one is compiled.
_COMPILE_AFTER = 16


def _bootstrap(cls: type[AttribAccessDict]) -> Callable[[Any], Any]:
    """``cls._fast`` until first use: prepares the class, then converts in two tiers.

    A class converts through a small loop over its table at first; once it has converted
    ``_COMPILE_AFTER`` objects its straight-line converter is compiled and takes over. A script that
    reads one status does not pay for compiling (a third of a millisecond a class); a page of forty
    pays once and then converts faster.
    """

    def first_use(data: Any) -> Any:
        _install_properties(cls)
        table = _build_converters(cls)
        cls._converters = table
        if not table:

            def copy_only(data: Any) -> Any:
                return cls(data) if isinstance(data, dict) else data

            cls._fast = staticmethod(copy_only)
            return copy_only(data)
        looping = _loop_converter(cls, table)
        calls = 0

        def warming_up(data: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == _COMPILE_AFTER:
                cls._fast = staticmethod(_compile_converter(cls, table))
            return looping(data)

        cls._fast = staticmethod(warming_up)
        return warming_up(data)

    return first_use


def _loop_converter(
    cls: type[AttribAccessDict], table: tuple[tuple[str, tuple[Any, ...]], ...]
) -> Callable[[Any], Any]:
    """The same conversion as the compiled one, as a loop over the table (the first tier)."""

    def convert(data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        entity = cls(data)
        get = data.get
        for key, plan in table:
            value = get(key)
            if value is None:
                continue
            try:
                if plan[0] == "entity":
                    entity[key] = plan[1]._fast(value)
                elif plan[0] == "entities":
                    entity[key] = plan[2](map(plan[1]._fast, value)) if value.__class__ is list else value
                else:
                    entity[key] = plan[1](value)
            except _CONVERSION_ERRORS:
                pass
        return entity

    return convert


class _EntityMeta(type):
    """Gives every entity class empty ``__slots__`` (no per-object ``__dict__``) and a converter bootstrap.

    The fast field properties are added when the class is first used (``_install_properties``): 165
    classes times their fields would otherwise cost every ``import`` a few milliseconds.
    """

    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> _EntityMeta:
        namespace.setdefault("__slots__", ())
        namespace["_converters"] = None  # each class builds its own table on first conversion
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if cls.__module__ == "mastodon.return_types" or name not in _ENTITY_CLASSES:
            _ENTITY_CLASSES[name] = cls  # type: ignore[assignment]
        cls._fast = staticmethod(_bootstrap(cls))  # type: ignore[attr-defined, arg-type]
        return cls


class AttribAccessDict(dict[str, Any], Entity, metaclass=_EntityMeta):
    """A dict whose keys can also be read and written as attributes, the base of every entity."""

    __slots__ = _EXTRA_SLOTS
    _pagination_next: PaginationInfo | None
    _pagination_prev: PaginationInfo | None
    _async_refresh: dict[str, Any] | None

    # Built once per class on first conversion: (field, converter) for the fields that need one.
    _converters: ClassVar[tuple[tuple[str, tuple[Any, ...]], ...] | None] = None
    # The Mastodon version that last changed this entity, where known.
    _version: ClassVar[str | None] = None

    def __missing__(self, key: str) -> Any:
        raise _MissingField(key)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name in _EXTRA_SLOTS:
                return None
            try:
                value = self[getattr(type(self), "_aliases", {}).get(name, name)]
            except KeyError:
                raise AttributeError(f"{type(self).__name__!r} has no field {name!r}") from None
            wrapped = _wrap_plain(value)
            if wrapped is not value:
                dict.__setitem__(self, name, wrapped)
            return wrapped

        def __setattr__(self, name: str, value: Any) -> None:
            if name in _EXTRA_SLOTS:
                object.__setattr__(self, name, value)
            else:
                self[name] = value

        def __delattr__(self, name: str) -> None:
            try:
                del self[name]
            except KeyError:
                raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

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


class NonPaginatableList(list[T], Entity):
    """A list of results that has no further pages."""

    __slots__ = ("_async_refresh",)
    _async_refresh: dict[str, Any] | None

    def __getattr__(self, name: str) -> Any:
        if name == "_async_refresh":
            return None
        raise AttributeError(name)


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


def _build_converters(cls: type[AttribAccessDict]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """(JSON key, plan) for every field of ``cls`` that needs converting; see :func:`_plan_for`."""
    table: list[tuple[str, tuple[Any, ...]]] = []
    seen: set[str] = set()
    for klass in cls.__mro__:
        if not (isinstance(klass, type) and issubclass(klass, AttribAccessDict)) or klass is AttribAccessDict:
            continue
        # The class's own annotations (inspect.get_annotations would cost inspect's import time).
        for name, hint in klass.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
            key = klass.__dict__.get("_aliases", {}).get(name, name)
            if name.startswith("_") or key in seen:
                continue
            seen.add(key)
            if isinstance(hint, str):
                hint = _resolve_annotation(hint, klass.__module__)
            plan = _plan_for(hint)
            if plan is not None:
                table.append((key, plan))
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
    """How a field is converted: ``("entity", cls)``, ``("entities", cls, list type)``, ``("call", function)``."""
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
        if args and isinstance(args[0], type) and issubclass(args[0], AttribAccessDict):
            return ("entities", args[0], PaginatableList if origin is PaginatableList else NonPaginatableList)
    converter = converter_for(hint)
    return ("call", converter) if converter is not None else None


_CONVERSION_ERRORS = (TypeError, ValueError, AttributeError, OverflowError)


def _compile_converter(
    cls: type[AttribAccessDict], table: tuple[tuple[str, tuple[Any, ...]], ...]
) -> Callable[[Any], Any]:
    """A function converting a JSON object into ``cls``, with the field conversions written out.

    Generated once per class (the second tier): one straight-line function per entity instead of a
    loop over a table, and nested entities reached through their own ``_fast``. A field that fails to
    convert is kept as it came rather than losing the entity.
    """
    namespace: dict[str, Any] = {"cls": cls, "_ERRORS": _CONVERSION_ERRORS, "isinstance": isinstance, "dict": dict}
    lines = [
        "def convert(data):",
        "    if not isinstance(data, dict):",
        "        return data",
        "    e = cls(data)",
        "    get = data.get",
    ]
    for number, (key, plan) in enumerate(table):
        if plan[0] == "entity":
            namespace[f"C{number}"] = plan[1]
            expression = f"C{number}._fast(v)"
        elif plan[0] == "entities":
            namespace[f"C{number}"], namespace[f"L{number}"] = plan[1], plan[2]
            expression = f"L{number}(map(C{number}._fast, v)) if v.__class__ is list else v"
        else:
            namespace[f"F{number}"] = plan[1]
            expression = f"F{number}(v)"
        lines += [
            f"    v = get({key!r})",
            "    if v is not None:",
            "        try:",
            f"            e[{key!r}] = {expression}",
            "        except _ERRORS:",
            "            pass",
        ]
    lines.append("    return e")
    exec(compile("\n".join(lines), f"<converter of {cls.__qualname__}>", "exec"), namespace)
    converter: Callable[[Any], Any] = namespace["convert"]
    return converter


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
    table = cls._converters
    if table is None:
        table = cls._converters = _build_converters(cls)
    for key, plan in table:
        value = data.get(key)
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
        elif plan[1] is _to_id_fast and value.__class__ is not str and value.__class__ is not int:
            raise FieldTypeError(f"{where or cls.__name__}.{key}", "an id (a string or an integer)", value)


# Mastodon.py 2.3's casting helpers and type aliases (try_cast, base62_to_int, PathOrFile, ...) for code
# that imports them from here; they live in mastodon/_casting.py and load on first use.
def __getattr__(name: str) -> Any:
    from . import _casting

    if name in _casting.__all__:
        return getattr(_casting, name)
    raise AttributeError(f"module 'mastodon.types_base' has no attribute {name!r}")
