"""What every drop-in program shares: the connection settings and a printer that hides run-specific values.

The programs are written as Mastodon.py 2.3 users write them; they run unchanged on Mastodon.py and on
``mastodon``. Each prints lines that depend only on behaviour: ids become labels in order of first
appearance, times become ``<time>``, random secrets and the server's port are masked.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from typing import Any

BASE_URL = os.environ["DROPIN_BASE_URL"]
TOKENS = json.loads(os.environ["DROPIN_TOKENS"])

_labels: dict[str, str] = {}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")
_SNOWFLAKE = re.compile(r"\d{15,20}")
_PORT = re.compile(r"127\.0\.0\.1:\d+")


def label(value: Any) -> str:
    """A stable name for an id (``#1``, ``#2`` ... in order of first appearance)."""
    key = str(value)
    if key not in _labels:
        _labels[key] = f"#{len(_labels) + 1}"
    return _labels[key]


def text(value: str) -> str:
    """A string with ids, the port and times masked."""
    if _ISO.match(value):
        return "<time>"
    value = _PORT.sub("127.0.0.1:PORT", value)
    return _SNOWFLAKE.sub(lambda m: label(m.group(0)), value)


def norm(value: Any, key: str = "") -> Any:
    """A JSON-like value with run-specific parts masked (ids labelled, times and secrets hidden)."""
    if isinstance(value, dict):
        return {k: norm(v, k) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [norm(v, key) for v in value]
    if isinstance(value, datetime.datetime):
        return f"<datetime {'aware' if value.tzinfo else 'naive'}>"
    if isinstance(value, bool) or value is None:
        return value
    if key in ("blurhash", "access_token", "client_secret", "client_id", "secret"):
        return "<secret>"
    if key == "id" or key.endswith("_id"):
        return label(value)
    if isinstance(value, str):
        return text(value)
    return value


def show(title: str, value: Any) -> None:
    """Print one result line: a title and the masked value as sorted JSON."""
    print(f"{title}: {json.dumps(norm(value), sort_keys=True, default=repr)}")
