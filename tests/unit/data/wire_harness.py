"""Runs one wire case (``wire_cases.CASES``) against a client class and describes what went on the wire.

Plain Python on purpose: ``tools/record_wire.py`` loads it under Mastodon.py 2.3.3 (in a child process),
``tests/unit/test_wire_parity.py`` under ours, and both must describe a request the same way. It
imports nothing from either client; the client class and its package are passed in.

A request is described as ``{"method", "path", "query", "body", "auth", "idempotency_key"}``:

- ``query``: the sorted ``[name, value]`` pairs of the query string;
- ``body``: ``None``; ``{"form": sorted pairs}``; ``{"json": value}`` (keys sorted when dumped);
  ``{"multipart": sorted parts}`` where a part is ``[name, value]`` for a plain field and
  ``[name, {"content_type", "size", "ext"}]`` for a file (its random name is not compared, only its
  extension);
- ``auth``: whether an ``Authorization`` header went; ``idempotency_key``: the header's value when it
  is one the case gave (``IDEMPOTENCY_KEYS``), ``"<generated>"`` for another value, else ``None``.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import warnings
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests_mock

BASE = "https://mastodon.example"
IDEMPOTENCY_KEYS = ("idem-key-1",)

# A route: (HTTP method, path template with ``:name`` placeholders, reference page, anchor, paged).
Route = tuple[str, str, str, str, bool]


def make_client(mastodon_class: Any, version_check_mode: str = "none") -> Any:
    """A logged-in client for a Mastodon 4.4.0 server that asks the server nothing on construction."""
    return mastodon_class(
        api_base_url=BASE,
        access_token="tok",
        client_id="cid",
        client_secret="csec",
        version_check_mode=version_check_mode,
        mastodon_version="4.4.0",
    )


def _route_regex(template: str) -> re.Pattern[str]:
    parts = [re.escape(p) if not p.startswith(":") else "[^/]+" for p in template.strip("/").split("/")]
    return re.compile("^/" + "/".join(parts) + "$")


class Responder:
    """Answers every request with 200 (or a case's own status) and a body: a case's own answer, the
    reference's example for the matching route, else ``{}``."""

    def __init__(self, routes: list[Route], example: Callable[[str, str], Any]) -> None:
        # templates with fewer placeholders first, so /statuses/:id/context beats /statuses/:id/:x
        ordered = sorted(routes, key=lambda r: (r[1].count(":"), -len(r[1])))
        self.routes = [(m, _route_regex(t), page, anchor, paged) for m, t, page, anchor, paged in ordered]
        self.example = example
        self.overrides: dict[str, Any] = {}

    def body_for(self, method: str, path: str) -> tuple[Any, bool]:
        """The answer's body, and whether it is a page (gets a ``Link`` header)."""
        key = f"{method} {path}"
        paged = False
        for m, regex, page, anchor, is_paged in self.routes:
            if m == method and regex.match(path.rstrip("/") or "/"):
                paged = is_paged
                if key in self.overrides:
                    return self.overrides[key], paged
                try:
                    return self.example(page, anchor), paged
                except LookupError:
                    return {}, paged
        return self.overrides.get(key, {}), paged

    def __call__(self, request: Any, context: Any) -> str:
        url = urlsplit(request.url)
        body, paged = self.body_for(request.method, url.path)
        context.status_code = 200
        if isinstance(body, dict) and "__status__" in body:
            # a case's error answer: {"__status__": 422, "__body__": {...}}
            context.status_code = body["__status__"]
            body = body["__body__"]
        context.headers["Content-Type"] = "application/json; charset=utf-8"
        context.headers["Date"] = "Thu, 02 Jan 2025 03:04:05 GMT"
        if paged and isinstance(body, list) and body and request.method == "GET":
            # a page: a next link unless this is already a next page, a previous link unless a previous one
            query = dict(parse_qsl(url.query))
            links = []
            if "max_id" not in query:
                links.append(f'<{BASE}{url.path}?max_id=100>; rel="next"')
            if "min_id" not in query:
                links.append(f'<{BASE}{url.path}?min_id=200>; rel="prev"')
            if links:
                context.headers["Link"] = ", ".join(links)
        return json.dumps(body)


def _multipart(content_type: str, body: bytes) -> list[Any]:
    raw = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    parts: list[Any] = []
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        filename = part.get_param("filename", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if filename is None:
            parts.append([name, payload.decode("utf-8")])
        else:
            ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
            ctype = part.get("Content-Type")
            parts.append([name, {"content_type": ctype, "size": len(payload), "ext": ext}])
    return sorted(parts, key=lambda p: (p[0], json.dumps(p[1], sort_keys=True)))


def describe_body(headers: Any, body: Any) -> Any:
    if body is None or body == b"" or body == "":
        return None
    if hasattr(body, "read"):
        body = body.read()
    raw = body if isinstance(body, bytes) else str(body).encode("utf-8")
    ctype = headers.get("Content-Type", "") or ""
    if ctype.startswith("multipart/form-data"):
        return {"multipart": _multipart(ctype, raw)}
    if ctype.startswith("application/json"):
        return {"json": json.loads(raw.decode("utf-8"))}
    return {"form": sorted([k, v] for k, v in parse_qsl(raw.decode("utf-8"), keep_blank_values=True))}


def describe_request(request: Any) -> dict[str, Any]:
    url = urlsplit(request.url)
    key = request.headers.get("Idempotency-Key")
    if key is not None and key not in IDEMPOTENCY_KEYS:
        key = "<generated>"
    host = {} if url.netloc == urlsplit(BASE).netloc else {"host": url.netloc}
    return {
        **host,
        "method": request.method,
        "path": url.path,
        "query": sorted([k, v] for k, v in parse_qsl(url.query, keep_blank_values=True)),
        "body": describe_body(request.headers, request.body),
        "auth": "Authorization" in request.headers,
        "idempotency_key": key,
    }


def _type(value: Any, mro: bool) -> Any:
    if not mro:
        return type(value).__name__
    return [cls.__name__ for cls in type(value).__mro__ if cls is not object]


def shape(value: Any, mro: bool = False) -> Any:
    """The type name of a return value; for a list or tuple, with its first item's type name. With
    ``mro``, each name is the list of the names of the class and its bases."""
    if isinstance(value, (list, tuple)):
        return [_type(value, mro), _type(value[0], mro) if value else None]
    return _type(value, mro)


def run_case(
    mastodon_module: Any,
    expression: str,
    namespace: dict[str, Any],
    responder: Responder,
    overrides: dict[str, Any] | None = None,
    mro: bool = False,
    version_check_mode: str = "none",
) -> dict[str, Any]:
    """Evaluates ``expression`` with ``api`` bound to a fresh client; the requests, the result's shape
    and the exception class name (or None)."""
    responder.overrides = dict(overrides or {})
    with requests_mock.Mocker() as http:
        http.register_uri(requests_mock.ANY, requests_mock.ANY, text=responder)
        api = make_client(mastodon_module.Mastodon, version_check_mode)
        scope = dict(namespace)
        scope["api"] = api
        error = None
        error_bases: list[str] = []
        result_shape = None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = eval(expression, scope)
                result_shape = shape(result, mro)
            except Exception as exc:
                error = type(exc).__name__
                if mro:
                    error_bases = _type(exc, True)
        requests = [describe_request(r) for r in http.request_history]
    # a ResourceWarning (a file left open) depends on when the garbage collector runs: not compared
    warned = sorted({w.category.__name__ for w in caught if not issubclass(w.category, ResourceWarning)})
    record = {"requests": requests, "error": error, "shape": result_shape, "warnings": warned}
    if mro:
        record["error_bases"] = error_bases
    return record
