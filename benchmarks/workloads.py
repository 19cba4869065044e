"""One benchmark workload, run in a fresh process: ``python workloads.py <metric> <client> <base_url> <status_id>``.

``client`` is ``mastodon`` (this package, or Mastodon.py when run by the interpreter of the suite's
Mastodon.py virtual environment: both are imported as ``mastodon``) or ``requests`` (a bare
``requests.Session`` doing the same work). Prints one JSON object with the figures.
"""

from __future__ import annotations

import gc
import json
import sys
import time
import types
from typing import Any


def bare_session() -> Any:
    import requests

    return requests.Session()


def client(base_url: str) -> Any:
    from mastodon import Mastodon

    return Mastodon(api_base_url=base_url, access_token="benchmark-token")


def per_call(function: Any, calls: int, warmup: int = 30) -> float:
    for _ in range(warmup):
        function()
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - began) / calls)
    return best


def metric_cold(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    # The process start and the imports are measured from outside; this is the work after them.
    if kind == "requests":
        import requests

        requests.Session().get(f"{base_url}/api/v1/statuses/{status_id}").json()
    else:
        client(base_url).status(status_id)
    return {}


def metric_status(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    if kind == "requests":
        session = bare_session()
        url = f"{base_url}/api/v1/statuses/{status_id}"
        seconds = per_call(lambda: session.get(url).json(), 600)
    else:
        api = client(base_url)
        seconds = per_call(lambda: api.status(status_id), 600)
    return {"seconds": seconds}


def metric_page(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    if kind == "requests":
        session = bare_session()
        url = f"{base_url}/api/v1/timelines/home"
        seconds = per_call(lambda: session.get(url, params={"limit": 40}).json(), 150)
    else:
        api = client(base_url)
        seconds = per_call(lambda: api.timeline_home(limit=40), 150)
    return {"seconds": seconds}


def _walk_attributes(value: Any, depth: int = 0) -> int:
    count = 0
    for key in list(value.keys()):
        if not key.isidentifier():
            continue
        item = getattr(value, key)
        count += 1
        if depth < 2 and isinstance(item, dict):
            count += _walk_attributes(item, depth + 1)
    return count


def _walk_items(value: Any, depth: int = 0) -> int:
    count = 0
    for key in list(value.keys()):
        if not key.isidentifier():
            continue
        item = value[key]
        count += 1
        if depth < 2 and isinstance(item, dict):
            count += _walk_items(item, depth + 1)
    return count


def metric_parse(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Parsing alone (no network): the decoded page's conversion, and reading every field by attribute."""
    import requests

    body = requests.get(f"{base_url}/api/v1/timelines/home", params={"limit": 40}).content
    loads_seconds = per_call(lambda: json.loads(body), 300)
    result: dict[str, Any] = {"loads_seconds": loads_seconds}
    if kind == "requests":
        page = json.loads(body)
        result["read_seconds"] = per_call(lambda: [_walk_items(status) for status in page], 300)
        return result
    try:
        from mastodon._core import PageOf
        from mastodon.return_types import Status

        shape = PageOf(Status)
        result["parse_seconds"] = per_call(lambda: shape.convert(json.loads(body)), 300)
        page = shape.convert(json.loads(body))
    except ImportError:  # Mastodon.py: its conversion is only reachable through a request
        api = client(base_url)
        page = api.timeline_home(limit=40)
    result["read_seconds"] = per_call(lambda: [_walk_attributes(status) for status in page], 300)
    return result


def _bare_walk(base_url: str, keep: bool) -> tuple[int, list[Any]]:
    session = bare_session()
    url: str | None = f"{base_url}/api/v1/timelines/home?limit=40"
    kept: list[Any] = []
    count = 0
    while url:
        response = session.get(url)
        page = response.json()
        count += len(page)
        if keep:
            kept.extend(page)
        url = response.links.get("next", {}).get("url")
    return count, kept


def metric_remaining(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    gc.collect()
    began = time.perf_counter()
    if kind == "requests":
        count, _ = _bare_walk(base_url, keep=True)
    else:
        api = client(base_url)
        everything = api.fetch_remaining(api.timeline_home(limit=40))
        count = len(everything)
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "items": count}


def deep_size(root: Any) -> int:
    """Bytes held by ``root`` and everything it reaches (each object once; classes and functions not counted)."""
    seen: set[int] = set()
    pending = [root]
    total = 0
    skipped = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
    while pending:
        item = pending.pop()
        if id(item) in seen or isinstance(item, skipped):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        pending.extend(gc.get_referents(item))
    return total


def metric_remaining_memory(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Memory kept per status by the list fetch_remaining returns (measured by walking it, not by tracing)."""
    if kind == "requests":
        count, kept = _bare_walk(base_url, keep=True)
    else:
        api = client(base_url)
        kept = api.fetch_remaining(api.timeline_home(limit=40))
        count = len(kept)
    gc.collect()
    return {"bytes_per_item": deep_size(kept) / max(count, 1), "items": count}


def _rss_bytes() -> int:
    """The process's resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * 4096
    except OSError:
        return 0


def metric_iterate_memory(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """How far resident memory rises while iterating the whole timeline without keeping it.

    Sampled once a page; flat iterators hold one page at a time, so the rise stays near a page's
    worth whatever the length (a list of everything would grow by the whole timeline).
    """
    gc.collect()
    highest = 0
    count = 0
    if kind == "requests":
        session = bare_session()
        session.get(f"{base_url}/api/v1/timelines/home?limit=40").json()
        before = _rss_bytes()
        url: str | None = f"{base_url}/api/v1/timelines/home?limit=40"
        while url:
            response = session.get(url)
            count += len(response.json())
            highest = max(highest, _rss_bytes())
            url = response.links.get("next", {}).get("url")
    else:
        api = client(base_url)
        api.timeline_home(limit=40)
        before = _rss_bytes()
        for number, _ in enumerate(api.pagination_iterator(api.timeline_home(limit=40)), start=1):
            count = number
            if number % 40 == 0:
                highest = max(highest, _rss_bytes())
    return {"peak_bytes": max(highest - before, 0), "items": count}


STREAM_SECONDS = 20.0
"""A slow client stops reading after this long; its rate is events so far over time so far."""


class _EnoughEvents(Exception):
    pass


def metric_stream(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    count = 0
    began = time.perf_counter()
    if kind == "requests":
        session = bare_session()
        # The fastest reader a competent user writes with plain requests: lines split from whatever the
        # socket has at hand (chunk_size=None), json.loads on each data line. (The default iter_lines()
        # reads 512-byte chunks and is several times slower.)
        with session.get(f"{base_url}/api/v1/streaming/user", stream=True) as response:
            for line in response.iter_lines(chunk_size=None):
                if line.startswith(b"data:"):
                    json.loads(line[5:])
                    count += 1
    else:
        from mastodon import Mastodon

        try:
            from mastodon import StreamListener
        except ImportError:
            return {"unsupported": True}
        if not hasattr(Mastodon, "stream_user"):
            return {"unsupported": True}

        class Counter(StreamListener):  # type: ignore[misc, valid-type]
            def on_update(self, status: Any) -> None:
                nonlocal count
                count += 1
                if time.perf_counter() - began > STREAM_SECONDS:
                    raise _EnoughEvents

        api = Mastodon(api_base_url=base_url, access_token="benchmark-token")
        try:
            api.stream_user(Counter())
        except Exception:  # the server closes the stream after its last event
            pass
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "events": count, "events_per_second": count / seconds if seconds else 0.0}


METRICS = {name[len("metric_") :]: function for name, function in globals().items() if name.startswith("metric_")}


if __name__ == "__main__":
    metric, kind, base, status = sys.argv[1:5]
    print(json.dumps(METRICS[metric](kind, base, status)))
