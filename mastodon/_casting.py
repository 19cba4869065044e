"""Mastodon.py 2.3's type helpers (``mastodon.types_base.try_cast`` and friends), for code that calls them.

Our own conversion lives in :mod:`mastodon.types_base` (tables built once per entity class); the
functions here answer the same questions as Mastodon.py's helpers of the same names, for the same
inputs, so scripts that cast values by hand keep working. They are loaded only when first used.
"""

from __future__ import annotations

import datetime as _dt
import string
import types
import typing
from collections import OrderedDict
from pathlib import PurePath
from typing import IO, Any, Generic, TypeVar, Union

from .types_base import AttribAccessDict, EntityList, NonPaginatableList, PaginatableList, T

__all__ = [
    "BASE62_ALPHABET",
    "AttribAccessList",
    "OrderedStrDict",
    "PathOrFile",
    "T",
    "WebpushCryptoParamsPrivkey",
    "WebpushCryptoParamsPubkey",
    "base62_to_int",
    "get_type_class",
    "int_to_base62",
    "real_issubclass",
    "resolve_type",
    "stringify_type",
    "try_cast",
    "try_cast_recurse",
]

BASE62_ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
"""The digits of Pleroma/Akkoma's base-62 flake ids, lowest first."""

AttribAccessList = PaginatableList
OrderedStrDict = OrderedDict[str, Any]
PathOrFile = Union[str, PurePath, IO[bytes]]  # noqa: UP007  (a runtime alias, as Mastodon.py's)
WebpushCryptoParamsPubkey = dict[str, str]
WebpushCryptoParamsPrivkey = dict[str, str]

_ENTITY_MODULES = ("mastodon.return_types", "mastodon.types_base")
_LIST_TYPES = (list, tuple, PaginatableList, NonPaginatableList)


def base62_to_int(base62: str) -> int:
    """The number a base-62 string spells (``"zz"`` -> 3843); a character outside the alphabet is a ValueError."""
    number = 0
    for digit in base62:
        position = BASE62_ALPHABET.find(digit)
        if position < 0:
            raise ValueError(f"{digit!r} is not a base-62 digit (use 0-9, A-Z, a-z); cannot read {base62!r}")
        number = number * 62 + position
    return number


def int_to_base62(val: int) -> str:
    """``val`` (zero or more) written in base 62 (3843 -> ``"zz"``)."""
    if val < 0:
        raise ValueError(f"only numbers of zero or more have a base-62 form, got {val}")
    digits = [BASE62_ALPHABET[val % 62]]
    val //= 62
    while val:
        val, remainder = divmod(val, 62)
        digits.append(BASE62_ALPHABET[remainder])
    return "".join(reversed(digits))


def resolve_type(t: Any) -> Any:
    """``t`` itself: on the Pythons we support, annotations need no extra resolving step."""
    return t


def get_type_class(typ: Any) -> Any:
    """The class behind a parametrised type (``List[int]`` -> ``list``, ``Optional[X]`` -> ``Union``), else ``typ``."""
    return getattr(typ, "__origin__", typ)


def real_issubclass(type1: Any, type2orig: Any) -> bool:
    """``issubclass`` that looks through parametrised types and treats a ``Union`` as any of its members."""
    target = get_type_class(type2orig)
    if target is Union or isinstance(type2orig, types.UnionType):
        candidates: tuple[Any, ...] = typing.get_args(type2orig)
    elif target is Generic:
        candidates = typing.get_args(type2orig)[:1]
    else:
        candidates = (target,)
    return issubclass(get_type_class(type1), candidates)


def _plain_name(tp: Any) -> str:
    module = getattr(tp, "__module__", "")
    name = getattr(tp, "__qualname__", str(tp))
    return name if module in _ENTITY_MODULES else f"{module}.{name}"


def stringify_type(tp: Any) -> str:
    """A short, stable name for a type: entity classes bare (``"Account"``), others with their module."""
    origin = typing.get_origin(tp)
    if origin is None:
        return _plain_name(tp)
    arguments = typing.get_args(tp)
    if origin is Union:
        return stringify_type(arguments[0])
    if origin in (list, PaginatableList, NonPaginatableList, EntityList):
        inner = ", ".join(stringify_type(argument) for argument in arguments)
        return _plain_name(origin) + (f"[{inner}]" if arguments else "")
    return str(tp)


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() == "true"  # "false" and anything unreadable are both False
    return bool(value)


def _as_datetime(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return value  # already a datetime, or nothing we know how to read
    try:
        return _dt.datetime.fromtimestamp(int(value), _dt.timezone.utc)
    except ValueError:
        if not isinstance(value, str):
            raise
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _as_number(kind: type[Any], value: Any) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        return None


def try_cast(t: Any, value: Any, retry: bool = True, union_specializer: Any = None) -> Any:
    """``value`` as type ``t``, best effort: an unreadable bool/int/float/datetime becomes None, other failures
    leave the value as it was (a dict falling back to a plain :class:`AttribAccessDict`)."""
    if value is None:
        return None
    if isinstance(t, TypeVar):
        return try_cast(AttribAccessDict, value, False) if isinstance(value, dict) else value
    try:
        if real_issubclass(t, AttribAccessDict):
            cls = get_type_class(t)
            if isinstance(value, cls):
                return value
            if not isinstance(value, dict):
                raise TypeError(f"{type(value).__name__} is not a JSON object")
            return cls._from_json(dict(value))
        if real_issubclass(t, bool):
            return _as_bool(value)
        if real_issubclass(t, _dt.datetime):
            return _as_datetime(value)
        if real_issubclass(t, int) or real_issubclass(t, float):
            return _as_number(get_type_class(t), value)
        if real_issubclass(t, list):
            cls = t if t in (PaginatableList, NonPaginatableList) else NonPaginatableList
            return cls(value)
        return t(**value) if isinstance(value, dict) else t(value)
    except Exception:
        if retry and isinstance(value, dict):
            return try_cast(AttribAccessDict, value, False)
        return value


# Which member of a union a discriminator value picks: entity name -> (discriminator -> class name).
_UNION_CHOICES: dict[str, dict[Any, str]] = {
    "MediaAttachment": {
        "image": "MediaAttachmentImageMetadata",
        "gifv": "MediaAttachmentVideoMetadata",
        "video": "MediaAttachmentVideoMetadata",
        "audio": "MediaAttachmentAudioMetadata",
    },
    "AnnualReport": {
        1: "AnnualReportDataV1",
        "1": "AnnualReportDataV1",
        2: "AnnualReportDataV2",
        "2": "AnnualReportDataV2",
    },
}
_UNION_FALLBACK = {"AnnualReport": "AttribAccessDict"}


def _union_member(options: tuple[Any, ...], value: Any, union_specializer: Any) -> Any:
    """The member of a union the data itself names, or None when it has to be found by trying."""
    wanted = None
    if union_specializer is not None:
        entity, discriminator = union_specializer
        wanted = _UNION_CHOICES.get(entity, {}).get(discriminator, _UNION_FALLBACK.get(entity))
    if isinstance(value, dict):
        if "quoted_status_id" in value:
            wanted = "ShallowQuote"
        elif "quoted_status" in value:
            wanted = "Quote"
    return next((option for option in options if getattr(option, "__name__", None) == wanted), None)


def _type_from_text(text: str) -> Any:
    """A type written out as Mastodon.py writes them: ``"Status"``, ``"PaginatableList[Status]"``,
    ``"typing.Union[A, B]"``."""
    from . import return_types

    def entity(name: str) -> Any:
        found = getattr(return_types, name.strip(), None)
        return found if isinstance(found, type) and issubclass(found, AttribAccessDict) else None

    outer, bracket, rest = text.partition("[")
    if not bracket:
        if entity(text) is None:
            raise ValueError(f"no entity class is called {text!r}; name one from mastodon.return_types")
        return entity(text)
    if not rest.endswith("]") or "[" in rest[:-1] or "]" in rest[:-1]:
        raise ValueError(f"cannot read the type {text!r}: write Outer[Inner] with one level of brackets")
    inner = rest[:-1]
    if outer == "typing.Union":
        members = tuple(m for m in (entity(part) for part in inner.split(",")) if m is not None)
        return Union[members]  # noqa: UP007
    wrappers: dict[str, Any] = {
        "PaginatableList": PaginatableList,
        "NonPaginatableList": NonPaginatableList,
        "typing.Optional": typing.Optional,
    }
    if outer not in wrappers:
        raise ValueError(f"cannot read the type {text!r}: only {', '.join(wrappers)} and typing.Union take [...]")
    return wrappers[outer][entity(inner)]


def try_cast_recurse(t: Any, value: Any, union_specializer: Any = None) -> Any:
    """``value`` as type ``t`` where ``t`` may be compound (lists, tuples, unions, or a type named by a string),
    casting every element; anything that cannot be cast is left as it was."""
    if isinstance(t, str):
        t = _type_from_text(t)
    if value is None:
        return None
    origin = typing.get_origin(t)
    try:
        if origin in _LIST_TYPES:
            arguments = typing.get_args(t)
            if len(arguments) == 1:
                items = [try_cast_recurse(arguments[0], item, union_specializer) for item in value]
            else:
                items = [
                    try_cast_recurse(a, item, union_specializer) for a, item in zip(arguments, value, strict=False)
                ]
            return tuple(items) if origin is tuple else (NonPaginatableList if origin is list else origin)(items)
        if origin is Union:
            options = typing.get_args(t)
            chosen = _union_member(options, value, union_specializer)
            if chosen is not None:
                return try_cast_recurse(chosen, value, union_specializer)
            for option in options:
                value = try_cast_recurse(option, value, union_specializer)
                if isinstance(value, get_type_class(option)):
                    break
            return value
        return try_cast(t, value, True, union_specializer)
    except Exception:
        return value


_ENTITY_NAME_MAP: dict[str, type[AttribAccessDict]] = {}


def return_types_extra(name: str) -> Any:
    """The names Mastodon.py's ``mastodon.return_types`` offered beyond its entity classes."""
    from . import return_types

    if name == "ENTITY_NAME_MAP":
        if not _ENTITY_NAME_MAP:
            _ENTITY_NAME_MAP["AttribAccessDict"] = AttribAccessDict
            for attribute, value in vars(return_types).items():
                if isinstance(value, type) and issubclass(value, AttribAccessDict):
                    _ENTITY_NAME_MAP[attribute] = value
        return _ENTITY_NAME_MAP
    if name in __all__:
        return globals()[name]
    raise AttributeError(f"module 'mastodon.return_types' has no attribute {name!r}")
