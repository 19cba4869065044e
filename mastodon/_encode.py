"""How one Python value goes on the wire: the single set of rules every endpoint's parameters follow.

- ``None`` is left out.
- Booleans are ``"1"`` / ``"0"``.
- An entity, or a dict carrying an ``id``, is sent as its id (``status_reply(status)`` works).
- Datetimes are ISO 8601 in UTC (``2024-05-01T12:00:00+00:00``); as a pagination bound
  (``max_id``, ``min_id``, ``since_id``) a datetime becomes the snowflake id of that moment.
- Lists are repeated ``key[]=value`` pairs, after the other parameters; other dicts become bracketed keys
  (``source[privacy]=public``, ``data[alerts][follow]=1``).
- In JSON bodies (``json_body``) nesting keeps its JSON types; only top-level booleans are ``"1"`` /
  ``"0"``, as Mastodon.py sends them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from .errors import MastodonIllegalArgumentError, refused

__all__ = ["ID_BOUNDS", "datetime_to_iso", "datetime_to_snowflake", "encode_form", "encode_json", "id_of"]

ID_BOUNDS = frozenset({"max_id", "min_id", "since_id"})

FormPairs = list[tuple[str, str]]


def datetime_to_iso(value: _dt.datetime, name: str = "datetime") -> str:
    """A datetime as Mastodon.py sends it: ISO 8601 in UTC, seconds precision, ``+00:00``."""
    try:
        return value.astimezone(_dt.timezone.utc).replace(microsecond=0).isoformat()
    except (ValueError, OverflowError, OSError) as error:
        raise MastodonIllegalArgumentError(f"{name}: {value!r} cannot be expressed in UTC ({error})") from error


def datetime_to_snowflake(value: _dt.datetime, name: str = "datetime") -> int:
    """The smallest snowflake id of a moment, as Mastodon.py computes it for pagination bounds."""
    try:
        return (int(value.timestamp()) << 16) * 1000
    except (ValueError, OverflowError, OSError) as error:
        raise MastodonIllegalArgumentError(f"{name}: {value!r} is not a usable moment ({error})") from error


def id_of(value: Any, name: str = "id") -> Any:
    """An entity or a dict with an ``id`` as that id; anything else unchanged."""
    if isinstance(value, Mapping):
        if "id" not in value:
            raise MastodonIllegalArgumentError(f"{name}: a dict was given but it has no 'id' key")
        return value["id"]
    return value


def path_segment(name: str, value: Any) -> str:
    """A value that fills ``{name}`` in an endpoint path: an id or a string, never empty, never ``.`` or
    ``..`` (which would move the request to another endpoint), URL-quoted."""
    value = id_of(value, name)
    if value is None or value == "":
        raise refused(f"{name} is required and was {value!r}", 404)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise refused(f"{name} must be an id (a string or an int), not {type(value).__name__}", 404)
    if value in (".", ".."):
        raise MastodonIllegalArgumentError(f"{name} must not be {value!r}: it would change which endpoint is called")
    return quote(check_text(name, str(value)), safe="")


def check_text(name: str, value: str) -> str:
    """``value`` if it can go on the wire (UTF-8); a lone surrogate (from a bad decode) is refused."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise MastodonIllegalArgumentError(
            f"{name} contains {value[error.start : error.end]!r} at position {error.start}, a lone surrogate "
            "that cannot be sent (was the text decoded with errors='surrogateescape'?)"
        ) from None
    return value


def _scalar(name: str, value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if name in ID_BOUNDS:
            return str(datetime_to_snowflake(value, name))
        return datetime_to_iso(value, name)
    if isinstance(value, Mapping):
        return str(id_of(value, name))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return str(int(value.total_seconds()))
    raise MastodonIllegalArgumentError(f"{name}: cannot send a value of type {type(value).__name__}")


_LISTS = (list, tuple, set, frozenset)


def _pairs(key: str, value: Any, out: FormPairs) -> None:
    if value is None or (isinstance(value, Mapping) and "id" in value and value["id"] is None):
        return
    if isinstance(value, Mapping) and "id" not in value:
        for sub_key, sub_value in value.items():
            _pairs(f"{key}[{sub_key}]", sub_value, out)
    elif isinstance(value, _LISTS):
        for item in value:
            if item is not None:
                out.append((f"{key}[]", _scalar(key, item)))
    else:
        out.append((key, _scalar(key, value)))


def encode_form(params: Mapping[str, Any]) -> FormPairs:
    """Parameters as the (key, value) pairs of a query string or a form body.

    List parameters come after all the others, in their own order, as Mastodon.py sends them
    (``status=x&sensitive=0&media_ids[]=1``), so that the same call is the same request byte for byte.
    """
    out: FormPairs = []
    lists: FormPairs = []
    for key, value in params.items():
        _pairs(key, value, lists if isinstance(value, _LISTS) else out)
    out.extend(lists)
    return out


def _json_value(key: str, value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, _dt.datetime):
        return datetime_to_iso(value, key)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return int(value.total_seconds())
    if isinstance(value, Mapping):
        if "id" in value and key.endswith(("_id", "_ids", "id")):
            return value["id"]
        return {str(k): _json_value(str(k), v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_value(key, item) for item in value]
    raise MastodonIllegalArgumentError(f"{key}: cannot send a value of type {type(value).__name__} in a JSON body")


def encode_json(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as a JSON object: top-level booleans as ``"1"``/``"0"``, nested values as JSON."""
    body: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            body[key] = "1" if value else "0"
        elif key in ID_BOUNDS and isinstance(value, _dt.datetime):
            body[key] = datetime_to_snowflake(value, key)
        else:
            body[key] = _json_value(key, value)
    return body


def ids_of(values: Iterable[Any], name: str) -> list[Any]:
    """Each of several entities or ids as its id."""
    return [id_of(value, name) for value in values]
