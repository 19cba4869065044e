"""Run one drop-in program against a fresh LocalInstance and return what it printed.

Used by ``tests/integration/test_dropin_programs.py`` (with our client) and by
``tools/record_dropin_outputs.py`` (with an interpreter that has Mastodon.py 2.3.3 installed, to record
the expected output). The server always runs in this process, from this checkout's ``mastodon.testing``;
the program runs in a child process whose ``import mastodon`` finds whichever client ``pythonpath`` names
(none: the child interpreter's own site-packages).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any, NamedTuple

from mastodon.testing import LocalInstance, RequestRecord

PROGRAMS = Path(__file__).resolve().parent / "programs"
EXPECTED = Path(__file__).resolve().parent / "expected"
USERS = ("alice", "bob", "carol")
# Values that differ from run to run whatever the client: secrets the server hands out, upload file names.
SECRET_KEYS = frozenset({"client_id", "client_secret", "code", "token", "refresh_token", "code_verifier", "password"})
_SNOWFLAKE = re.compile(r"\d{15,20}")
_PORT = re.compile(r"127\.0\.0\.1:\d+")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


class Run(NamedTuple):
    """A finished program: its process (``stdout`` is what it printed) and the requests the server received."""

    process: subprocess.CompletedProcess[str]
    requests: list[str]


def _pairs(pairs: list[tuple[str, str]]) -> str:
    shown = [(k, "<secret>" if k in SECRET_KEYS else v) for k, v in pairs]
    return "&".join(f"{k}={v}" for k, v in sorted(shown))


def _multipart(body: bytes, content_type: str) -> str:
    boundary = content_type.split("boundary=", 1)[1].split(";")[0].strip('"').encode()
    parts = []
    for part in body.split(b"--" + boundary)[1:-1]:
        head, _, data = part.strip(b"\r\n").partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]*)"', head)
        kind = re.search(rb"Content-Type: *([^\r\n]+)", head, re.IGNORECASE)
        label = name.group(1).decode() if name else "?"
        if b"filename=" in head:
            digest = hashlib.sha256(data).hexdigest()[:12]
            parts.append(f"{label}=<file {kind.group(1).decode() if kind else '?'} {len(data)} bytes {digest}>")
        else:
            parts.append(f"{label}={data.decode('utf-8', 'replace')}")
    return "&".join(sorted(parts))


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: "<secret>" if k in SECRET_KEYS else _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def wire_lines(records: list[RequestRecord], tokens: dict[str, str]) -> list[str]:
    """One line per request: method, path, query and body in a canonical order, run-specific values masked."""
    labels: dict[str, str] = {}
    lines = []
    for record in records:
        content_type = next((v for k, v in record.headers.items() if k.lower() == "content-type"), "")
        query = _pairs([(k, v) for k, values in record.query.items() for v in values])
        body = ""
        if record.body and content_type.startswith("multipart/form-data"):
            body = _multipart(record.body, content_type)
        elif record.body and content_type.startswith("application/json"):
            body = json.dumps(_json(json.loads(record.body)), sort_keys=True)
        elif record.body:
            body = _pairs(urllib.parse.parse_qsl(record.body.decode("utf-8", "replace"), keep_blank_values=True))
        line = f"{record.method} {record.path} ?{query} [{content_type.split(';')[0]}] {body}"
        for token in tokens.values():
            line = line.replace(token, "<token>")
        line = _TIME.sub("<time>", _PORT.sub("127.0.0.1:PORT", line))
        lines.append(_SNOWFLAKE.sub(lambda m: labels.setdefault(m.group(0), f"#{len(labels) + 1}"), line))
    return lines


def program_names() -> list[str]:
    """Every program (``programs/*.py`` except the shared ``_common.py``), sorted."""
    return sorted(p.stem for p in PROGRAMS.glob("*.py") if not p.name.startswith("_"))


def settings_of(name: str) -> dict[str, int | str]:
    """The instance settings a program asks for in a first line ``# local-instance: key=value ...``."""
    first = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8").splitlines()[0]
    if not first.startswith("# local-instance:"):
        return {}
    pairs = (item.split("=", 1) for item in first.split(":", 1)[1].split())
    return {key: int(value) if value.isdigit() else value for key, value in pairs}


def run(python: str, name: str, pythonpath: str | None) -> Run:
    """Start a fresh instance, run ``programs/<name>.py`` with ``python``, return what it printed and sent."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MASTODON_"))}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    env["PYTHONHASHSEED"] = "0"
    settings: dict[str, Any] = {"rate_limit": 1_000_000, "media_processing_polls": 0, **settings_of(name)}
    if os.environ.get("DROPIN_FLAVOUR"):  # exploring: the same program against a fork's personality
        settings["flavour"] = os.environ["DROPIN_FLAVOUR"]
    with LocalInstance(**settings) as inst:
        env["DROPIN_BASE_URL"] = inst.api_base_url
        tokens = {user: inst.token(user) for user in USERS}
        env["DROPIN_TOKENS"] = json.dumps(tokens)
        process = subprocess.run(
            [python, str(PROGRAMS / f"{name}.py")],
            env=env,
            cwd=str(PROGRAMS),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(process, wire_lines(inst.requests, tokens))


# Requests Mastodon.py 2.3.3 sends that ours deliberately does not (docs/guides/migrating.rst, "Refused
# before sending"): the server would answer 422, ours raises the same error class without asking.
NOT_SENT_BY_US = frozenset(
    {
        "POST /api/v1/statuses ? [application/x-www-form-urlencoded] sensitive=0&status=",
        "POST /api/v1/statuses ? [application/x-www-form-urlencoded] sensitive=0&status=   ",
        'POST /api/v1/statuses ? [application/json] {"poll": {"expires_in": 600, "hide_totals": false, '
        '"multiple": false, "options": ["only"]}, "sensitive": "0", "status": "poll"}',
    }
)
_PROBES = ("GET /api/v1/instance ?", "GET /api/v2/instance ?")
# Pairs Mastodon.py 2.3.3 sends that carry nothing (the guide's "Where parameters go"): the names of the
# server's OAuth metadata as ``oauth_info`` fields of every token request, and ``state=None`` /
# ``lang=None`` in authorization URLs built without them.
_STRAY = re.compile(r"^(oauth_info=.*|state=None|lang=None)$")


def comparable(lines: list[str], mastodon_py: bool) -> list[str]:
    """The requests of a run with the documented, deliberate differences taken out.

    - Reads of the instance document: both clients read it to learn the server's version and feeds,
      at different moments (Mastodon.py before uploads, ours on first need, once); left out on both sides.
    - ``account_follow`` puts its options in the query string as well as the body (the guide's "Where
      parameters go"): a query that only repeats the form body is left out.
    - What ours refuses before sending (``NOT_SENT_BY_US``) is left out of Mastodon.py's side, and so
      are the empty pairs it adds (``_STRAY``).
    """
    kept = []
    for line in lines:
        if line.startswith(_PROBES) or (mastodon_py and line in NOT_SENT_BY_US):
            continue
        head, _, rest = line.partition(" ?")
        query, _, tail = rest.partition(" [")
        kind, _, body = tail.partition("] ")
        if mastodon_py:
            query = "&".join(p for p in query.split("&") if not _STRAY.match(p))
            body = "&".join(p for p in body.split("&") if not _STRAY.match(p))
            tail = f"{kind}] {body}"
            line = f"{head} ?{query} [{tail}"
        if query and not head.startswith("GET ") and set(query.split("&")) <= set(body.split("&")):
            line = f"{head} ? [{tail}"
        kept.append(line)
    return kept
