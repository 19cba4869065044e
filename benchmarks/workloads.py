"""One benchmark workload, run in a fresh process: ``python workloads.py <metric> <client> <base_url> <status_id>``.

``client`` is ``mastodon`` (this package, or Mastodon.py when run by the interpreter of the suite's
Mastodon.py virtual environment: both are imported as ``mastodon``), ``requests`` (the strongest plain
``requests`` code for the same work: a kept-alive ``Session``, the body read in one large read,
``json.loads`` on the bytes and the same datetime conversion the entities do) or ``socket`` (the
floor: the same work over HTTP/1.1 written by hand on one kept-alive socket). Prints one JSON object
with the figures.
"""

from __future__ import annotations

import gc
import importlib
import json
import re
import statistics
import sys
import time
import types
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any


def bare_session() -> Any:
    import requests

    return requests.Session()


def client(base_url: str) -> Any:
    from mastodon import Mastodon

    return Mastodon(api_base_url=base_url, access_token="benchmark-token")


# ---------------------------------------------------------------------------------------------
# The baselines: the strongest plain code for the same work (a kept-alive connection, the body read
# in one large read, json.loads on the bytes, and the same datetime conversion our entities do).

_iso = datetime.fromisoformat if sys.version_info >= (3, 11) else None


def _when(text: Any) -> Any:
    """One ISO 8601 timestamp as an aware datetime (what the entities make of it), via the C parser."""
    if _iso is not None:
        return _iso(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def convert_dates(status: dict[str, Any]) -> dict[str, Any]:
    """The datetimes our Status entity converts, converted by hand as a careful user would."""
    status["created_at"] = _when(status["created_at"])
    if status.get("edited_at"):
        status["edited_at"] = _when(status["edited_at"])
    account = status["account"]
    account["created_at"] = _when(account["created_at"])
    if account.get("last_status_at"):
        account["last_status_at"] = datetime.fromisoformat(account["last_status_at"])
    poll = status.get("poll")
    if poll and poll.get("expires_at"):
        poll["expires_at"] = _when(poll["expires_at"])
    card = status.get("card")
    if card and card.get("published_at"):
        card["published_at"] = _when(card["published_at"])
    if status.get("reblog"):
        convert_dates(status["reblog"])
    return status


def requests_get(session: Any, url: str, params: Any = None) -> tuple[Any, Any]:
    """GET with requests, the body read in one read and decoded from bytes: (decoded JSON, response)."""
    response = session.get(url, params=params, stream=True)
    body = response.raw.read(decode_content=True)
    response.raw.release_conn()
    return json.loads(body), response


class SocketClient:
    """The floor: HTTP/1.1 by hand on one kept-alive socket, body read by Content-Length, no library."""

    def __init__(self, base_url: str) -> None:
        import socket

        host, _, port = base_url.split("://", 1)[1].partition(":")
        self.host = host
        self.sock = socket.create_connection((host, int(port or 80)))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.file = self.sock.makefile("rb", buffering=1 << 16)
        self.base_url = base_url

    def get(self, path: str) -> tuple[Any, dict[bytes, bytes]]:
        """(decoded JSON, headers) of ``path`` (a path or a full URL on the same server)."""
        if path.startswith("http"):
            path = "/" + path.split("/", 3)[3]
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer benchmark-token\r\n\r\n"
        self.sock.sendall(request.encode())
        readline = self.file.readline
        readline()
        headers: dict[bytes, bytes] = {}
        while True:
            line = readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        body = self.file.read(int(headers[b"content-length"]))
        return json.loads(body), headers

    def next_url(self, headers: dict[bytes, bytes]) -> str | None:
        link = headers.get(b"link", b"")
        match = re.search(rb'<([^>]+)>;\s*rel="next"', link)
        return match.group(1).decode() if match else None


CPU_TIMES: list[float] = []
"""The client's own CPU time per call of the last ``per_call`` rounds (waiting for the server excluded)."""


def per_call(function: Any, calls: int, warmup: int = 30, rounds: int = 5) -> float:
    """The median over ``rounds`` of the mean wall time of ``calls`` calls (CPU times go to CPU_TIMES)."""
    for _ in range(warmup):
        function()
    times = []
    CPU_TIMES.clear()
    for _ in range(rounds):
        began, cpu = time.perf_counter(), time.process_time()
        for _ in range(calls):
            function()
        times.append((time.perf_counter() - began) / calls)
        CPU_TIMES.append((time.process_time() - cpu) / calls)
    return statistics.median(times)


def with_cpu(result: dict[str, Any]) -> dict[str, Any]:
    """``result`` with the median client CPU time per call of the last ``per_call``."""
    return {**result, "cpu_seconds": statistics.median(CPU_TIMES)}


def metric_cold(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    # The process start and the imports are measured from outside; this is the work after them.
    if kind == "requests":
        import requests

        requests_get(requests.Session(), f"{base_url}/api/v1/statuses/{status_id}")
    elif kind == "socket":
        SocketClient(base_url).get(f"/api/v1/statuses/{status_id}")
    else:
        client(base_url).status(status_id)
    return {}


def metric_cold_phases(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Cold start split into its phases, timed inside one fresh process (milliseconds, wall).

    Both clients import ``requests``; ours does it when the first client is made, so here it is
    imported explicitly first to show that part apart from our own. Ours then loads its entity classes
    and the statuses area as phases of their own, so that "first call" is the exchange plus what is done
    once per class on first use (the Status converter and those of its nested entities prepared).
    """
    phases: dict[str, Any] = {}
    began = time.perf_counter()

    def mark(name: str) -> None:
        nonlocal began
        now = time.perf_counter()
        phases[name] = (now - began) * 1000
        began = now

    path = f"/api/v1/statuses/{status_id}"
    if kind == "requests":
        import requests

        mark("import requests")
        session = requests.Session()
        mark("construct")
        convert_dates(requests_get(session, base_url + path)[0])
        mark("first call")
        convert_dates(requests_get(session, base_url + path)[0])
        mark("second call")
    else:
        import mastodon  # noqa: F401

        mark("import the package")
        import requests

        mark("import requests")
        api = client(base_url)
        mark("construct")
        # What the first call would load, each part on its own: the entity classes, then the statuses area.
        importlib.import_module("mastodon.return_types")
        mark("entity classes")
        api.status  # noqa: B018 (the attribute loads the endpoint area)
        mark("endpoint area")
        api.status(status_id)
        mark("first call")
        api.status(status_id)
        mark("second call")
    return phases


def metric_status(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    path = f"/api/v1/statuses/{status_id}"
    if kind == "requests":
        session = bare_session()
        seconds = per_call(lambda: convert_dates(requests_get(session, base_url + path)[0]), 600)
    elif kind == "socket":
        floor = SocketClient(base_url)
        seconds = per_call(lambda: convert_dates(floor.get(path)[0]), 600)
    else:
        api = client(base_url)
        seconds = per_call(lambda: api.status(status_id), 600)
    return with_cpu({"seconds": seconds})


def metric_page(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    if kind == "requests":
        session = bare_session()
        url = f"{base_url}/api/v1/timelines/home"
        seconds = per_call(lambda: [convert_dates(s) for s in requests_get(session, url, {"limit": 40})[0]], 150)
    elif kind == "socket":
        floor = SocketClient(base_url)
        seconds = per_call(lambda: [convert_dates(s) for s in floor.get("/api/v1/timelines/home?limit=40")[0]], 150)
    else:
        api = client(base_url)
        seconds = per_call(lambda: api.timeline_home(limit=40), 150)
    return with_cpu({"seconds": seconds})


def _walk_attributes(raw: Any, value: Any, depth: int = 0) -> int:
    """Read every field the server sent (the keys of the plain JSON ``raw``) from ``value`` by attribute."""
    count = 0
    for key, item in raw.items():
        if not key.isidentifier():
            continue
        read = getattr(value, key)
        count += 1
        if depth < 2 and item.__class__ is dict:
            count += _walk_attributes(item, read, depth + 1)
    return count


def _walk_items(raw: Any, value: Any, depth: int = 0) -> int:
    """The same walk as ``_walk_attributes``, reading by item."""
    count = 0
    for key, item in raw.items():
        if not key.isidentifier():
            continue
        read = value[key]
        count += 1
        if depth < 2 and item.__class__ is dict:
            count += _walk_items(item, read, depth + 1)
    return count


def cpu_per_call(function: Any, calls: int) -> float:
    """The median CPU time of one call (``per_call``'s rounds): for work that waits for nothing."""
    per_call(function, calls)
    return statistics.median(CPU_TIMES)


def metric_parse(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Parsing alone (no network): the decoded page's conversion, and reading every field by attribute.

    Both walks enumerate the keys of the plain decoded JSON (the fields the server sent), so they do
    the same work apart from the reads themselves: by item on the plain dicts (``requests``), by
    attribute on the entities. This is CPU work only, so CPU time is measured.
    """
    import requests

    body = requests.get(f"{base_url}/api/v1/timelines/home", params={"limit": 40}).content
    loads_seconds = cpu_per_call(lambda: json.loads(body), 300)
    result: dict[str, Any] = {"loads_seconds": loads_seconds}
    raw = json.loads(body)
    if kind == "requests":
        result["parse_seconds"] = cpu_per_call(lambda: [convert_dates(s) for s in json.loads(body)], 300)
        page: Any = [convert_dates(s) for s in json.loads(body)]
        result["read_seconds"] = cpu_per_call(lambda: [_walk_items(r, s) for r, s in zip(raw, page, strict=True)], 300)
        return result
    try:
        from mastodon._core import PageOf
        from mastodon.return_types import Status

        shape = PageOf(Status)
        result["parse_seconds"] = cpu_per_call(lambda: shape.convert(json.loads(body)), 300)
        page = shape.convert(json.loads(body))
    except ImportError:  # Mastodon.py: its conversion is only reachable through a request
        api = client(base_url)
        page = api.timeline_home(limit=40)
    result["read_seconds"] = cpu_per_call(lambda: [_walk_attributes(r, s) for r, s in zip(raw, page, strict=True)], 300)
    result["reads"] = sum(_walk_items(r, r) for r in raw)
    if kind == "mastodon":
        # The same walk by item on our entities: splits the gap into what reading a dict subclass costs
        # (CPython's fast path for d[key] is for exact dicts) and what the attribute machinery adds.
        result["entity_item_read_seconds"] = cpu_per_call(
            lambda: [_walk_items(r, s) for r, s in zip(raw, page, strict=True)], 300
        )
    # One field read, alone: a property of the entity class against a plain dict's item.
    first: Any = page[0]
    plain = raw[0]
    result["attribute_read_ns"] = cpu_per_call(lambda: [first.content for _ in range(1000)], 30) * 1e6
    result["item_read_ns"] = cpu_per_call(lambda: [plain["content"] for _ in range(1000)], 30) * 1e6
    if kind == "mastodon":
        result["entity_item_read_ns"] = cpu_per_call(lambda: [first["content"] for _ in range(1000)], 30) * 1e6
    return result


def _bare_walk(
    base_url: str, keep: bool, stop_after: int | None = None, first_page_at: list[float] | None = None
) -> tuple[int, list[Any]]:
    session = bare_session()
    url: str | None = f"{base_url}/api/v1/timelines/home?limit=40"
    kept: list[Any] = []
    count = 0
    while url:
        page, response = requests_get(session, url)
        for status in page:
            convert_dates(status)
        if first_page_at is not None and not first_page_at:
            first_page_at.append(time.perf_counter())
        count += len(page)
        if keep:
            kept.extend(page)
        if stop_after is not None and count >= stop_after:
            break
        url = response.links.get("next", {}).get("url")
    return count, kept


def _socket_walk(base_url: str, keep: bool, stop_after: int | None = None) -> tuple[int, list[Any]]:
    floor = SocketClient(base_url)
    path: str | None = "/api/v1/timelines/home?limit=40"
    kept: list[Any] = []
    count = 0
    while path:
        page, headers = floor.get(path)
        for status in page:
            convert_dates(status)
        count += len(page)
        if keep:
            kept.extend(page)
        if stop_after is not None and count >= stop_after:
            break
        path = floor.next_url(headers)
    return count, kept


def metric_remaining(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    gc.collect()
    began, cpu = time.perf_counter(), time.process_time()
    if kind == "requests":
        count, _ = _bare_walk(base_url, keep=True)
    elif kind == "socket":
        count, _ = _socket_walk(base_url, keep=True)
    else:
        api = client(base_url)
        everything = api.fetch_remaining(api.timeline_home(limit=40))
        count = len(everything)
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "items": count}


def metric_remaining_nogc(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """``metric_remaining`` with the cycle collector off: what the walk costs without its collections.

    CPython's collector untracks exact dicts holding only strings and numbers (most leaf objects of plain
    JSON) but always tracks instances of Python classes: typed entities and ids. The C converter untracks
    the flat ones itself; the Python converter cannot, and then keeping 10,000 statuses gives the
    collector more to traverse for us than for plain dicts. This shows how much either way.
    """
    gc.disable()
    try:
        return metric_remaining(kind, base_url, status_id)
    finally:
        gc.enable()


ITERATE_ITEMS = 2_000


def metric_iterate(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Time to iterate over the first 2,000 statuses of the timeline without keeping them."""
    gc.collect()
    began, cpu = time.perf_counter(), time.process_time()
    count = 0
    first_page_at: list[float] = []
    if kind == "requests":
        count, _ = _bare_walk(base_url, keep=False, stop_after=ITERATE_ITEMS, first_page_at=first_page_at)
    elif kind == "socket":
        count, _ = _socket_walk(base_url, keep=False, stop_after=ITERATE_ITEMS)
    else:
        api = client(base_url)
        first = api.timeline_home(limit=40)
        first_page_at.append(time.perf_counter())
        for count, _ in enumerate(api.pagination_iterator(first), start=1):
            if count >= ITERATE_ITEMS:
                break
    ended = time.perf_counter()
    seconds = ended - began
    result = {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "items": count}
    if first_page_at:
        # The first page carries the one-time costs (session, and for us the endpoint area, the
        # entity classes and their converters); the rest is the steady state, per page of 40.
        result["first_page_seconds"] = first_page_at[0] - began
        result["later_page_seconds"] = (ended - first_page_at[0]) / max(count / 40 - 1, 1)
    return result


PROFILE_PAGES = 50


def metric_profile(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """A profile of the warm walk: the functions taking the most time per 40-status page (cProfile,
    ``PROFILE_PAGES`` pages after as many to warm up), to show where a gap to plain requests goes."""
    import cProfile
    import pstats

    def walk() -> None:
        if kind == "requests":
            _bare_walk(base_url, keep=False, stop_after=PROFILE_PAGES * 40)
            return
        for count, _ in enumerate(api.pagination_iterator(api.timeline_home(limit=40)), start=1):
            if count >= PROFILE_PAGES * 40:
                break

    if kind not in ("requests", "mastodon"):
        return {"unsupported": True}
    api: Any = client(base_url) if kind == "mastodon" else None
    walk()
    profile = cProfile.Profile()
    profile.enable()
    walk()
    profile.disable()
    stats = pstats.Stats(profile)
    rows = []
    for (filename, line, function), (_, calls, own, _cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename.rsplit("/", 2)
        place = "/".join(where[-2:]) if filename.startswith("/") else filename
        rows.append((own / PROFILE_PAGES * 1e6, calls / PROFILE_PAGES, f"{function} ({place}:{line})"))
    rows.sort(reverse=True)
    total = sum(row[0] for row in rows)
    return {"total_us_per_page": total, "top": rows[:12]}


def reachable(root: Any) -> Iterator[Any]:
    """Every object ``root`` reaches, each once (classes, modules and functions left out)."""
    seen: set[int] = set()
    pending = [root]
    skipped = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
    while pending:
        item = pending.pop()
        if id(item) in seen or isinstance(item, skipped):
            continue
        seen.add(id(item))
        yield item
        pending.extend(gc.get_referents(item))


def deep_size(root: Any) -> int:
    """Bytes held by ``root`` and everything it reaches."""
    return sum(map(sys.getsizeof, reachable(root)))


def tracked_objects(root: Any) -> int:
    """How many of the objects ``root`` reaches the cycle collector tracks: what every full collection
    traverses for the data a program keeps."""
    return sum(map(gc.is_tracked, reachable(root)))


def metric_remaining_memory(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Memory kept per status by the list fetch_remaining returns (measured by walking it, not by tracing)."""
    if kind == "requests":
        count, kept = _bare_walk(base_url, keep=True)
    elif kind == "socket":
        count, kept = _socket_walk(base_url, keep=True)
    else:
        api = client(base_url)
        kept = api.fetch_remaining(api.timeline_home(limit=40))
        count = len(kept)
    gc.collect()
    return {
        "bytes_per_item": deep_size(kept) / max(count, 1),
        "tracked_per_item": tracked_objects(kept) / max(count, 1),
        "items": count,
    }


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
    if kind in ("requests", "socket"):
        if kind == "requests":
            session = bare_session()
            fetch: Callable[[str], tuple[Any, Any]] = lambda url: requests_get(session, url)  # noqa: E731
            follow: Callable[[Any], str | None] = lambda response: response.links.get("next", {}).get("url")  # noqa: E731
        else:
            floor = SocketClient(base_url)
            fetch = floor.get
            follow = floor.next_url
        fetch(f"{base_url}/api/v1/timelines/home?limit=40")
        before = _rss_bytes()
        url: str | None = f"{base_url}/api/v1/timelines/home?limit=40"
        while url:
            page, meta = fetch(url)
            count += len([convert_dates(status) for status in page])
            highest = max(highest, _rss_bytes())
            url = follow(meta)
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
    first_event = 0.0  # when the first event was delivered: the rate after it leaves one-time costs out
    # A throughput figure: imports and construction happen before the clock starts, for every client.
    if kind == "requests":
        session = bare_session()
    began, cpu = time.perf_counter(), time.process_time()
    if kind == "requests":
        # The fastest reader a competent user writes with plain requests: lines split from whatever the
        # socket has at hand (chunk_size=None), json.loads on each data line. (The default iter_lines()
        # reads 512-byte chunks and is several times slower.)
        with session.get(f"{base_url}/api/v1/streaming/user", stream=True) as response:
            for line in response.iter_lines(chunk_size=None):
                if line.startswith(b"data:"):
                    json.loads(line[5:])
                    count += 1
                    if count == 1:
                        first_event = time.perf_counter()
    else:
        from mastodon import Mastodon

        try:
            from mastodon import StreamListener
        except ImportError:
            return {"unsupported": True}
        if not hasattr(Mastodon, "stream_user"):
            return {"unsupported": True}

        class Counter(StreamListener):
            def on_update(self, status: Any) -> None:
                nonlocal count, first_event
                count += 1
                if count == 1:
                    first_event = time.perf_counter()
                # A safety net for slow clients, looked at every 100 events: the plain reader looks at no clock.
                if count % 100 == 0 and time.perf_counter() - began > STREAM_SECONDS:
                    raise _EnoughEvents

        api = Mastodon(api_base_url=base_url, access_token="benchmark-token")
        began, cpu = time.perf_counter(), time.process_time()
        try:
            api.stream_user(Counter())
        except Exception:  # the server closes the stream after its last event
            pass
    ended = time.perf_counter()
    seconds, cpu_seconds = ended - began, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "events": count,
        "events_per_second": count / seconds if seconds else 0.0,
        "cpu_us_per_event": cpu_seconds / count * 1e6 if count else 0.0,
        # Latency and throughput apart: until the first event (connecting, and for ours the streaming
        # URL asked of the instance, the endpoint area loaded, the first converters), then the rate.
        "first_event_seconds": first_event - began if count else 0.0,
        "steady_events_per_second": (count - 1) / (ended - first_event) if count > 1 and ended > first_event else 0.0,
    }


def metric_stream_unconverted(kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    """Our stream with the entity conversion of ``update`` payloads switched off (they stay decoded JSON).

    Everything else is the same pipeline (reader, event decoding, routing, delivery): the difference to
    ``metric_stream`` is what converting each status into typed entities costs.
    """
    from mastodon import _streaming

    class AsDecoded:  # stands in for the Status class: its "conversion" keeps the decoded JSON
        _fast = staticmethod(lambda payload: payload)

    _streaming._CONVERTERS.update(_streaming._entity_classes())
    _streaming._CONVERTERS["update"] = AsDecoded  # type: ignore[assignment]
    return metric_stream(kind, base_url, status_id)


METRICS = {name[len("metric_") :]: function for name, function in globals().items() if name.startswith("metric_")}


if __name__ == "__main__":
    metric, kind, base, status = sys.argv[1:5]
    print(json.dumps(METRICS[metric](kind, base, status)))
