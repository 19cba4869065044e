"""Run the benchmark suite and print a table: ``python -m benchmarks`` (or ``python benchmarks/run.py``).

Each metric is measured for ``mastodon`` (this package), for Mastodon.py 2.3.3 (installed by the suite
into ``benchmarks/.venv-mastodonpy``, since both packages are named ``mastodon``, or the interpreter
given with ``--mastodonpy``), for the strongest plain ``requests`` code doing the same work, and for a
floor written on a raw socket, against one loopback server in this process. Every client runs in
fresh processes: import and cold start are medians of many process starts, the other workloads
medians over ``--repeat`` processes (each itself the median of several rounds). Figures are printed,
never asserted: this is not a test. Ratios are to plain ``requests`` (lower is better).

Options: ``--quick`` (smaller fixture and fewer runs, for a smoke check), ``--no-mastodonpy``,
``--mastodonpy PYTHON``, ``--only status,page,...`` (some workloads only), ``--repeat N``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORKLOADS = HERE / "workloads.py"
VENV = HERE / ".venv-mastodonpy"
MASTODONPY = "mastodon-py==2.3.3"
CLIENTS = ("mastodon", "Mastodon.py", "requests", "socket")
STREAM_CPU = "  same, events per second of client CPU time"
STREAM_LENGTH = "  same events in one Content-Length body (not Mastodon's framing)"
WALK = "walk every field the server sent, 40 statuses, 3 levels (us CPU)"
KINDS = {"mastodon": "mastodon", "Mastodon.py": "mastodon", "requests": "requests", "socket": "socket"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_mastodonpy() -> Path | None:
    """The interpreter of a virtual environment with Mastodon.py 2.3.3, made on first use."""
    python = venv_python()
    if python.exists():
        return python
    print(f"Installing {MASTODONPY} into {VENV} (once)...", flush=True)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        subprocess.run([str(python), "-m", "pip", "install", "-q", MASTODONPY], check=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        print(f"Could not install {MASTODONPY}: {error}; its column stays empty.", flush=True)
        return None
    return python


def environment_for(client: str) -> dict[str, str]:
    """Our package importable from this checkout for ours; nothing of ours on the path for the others."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # imports are timed with their bytecode cached
    environment.pop("PYTHONPATH", None)
    if client == "mastodon":
        environment["PYTHONPATH"] = str(HERE.parent)
    return environment


def process_seconds(command: list[str], runs: int, client: str) -> float:
    """The median wall time of running ``command`` as a fresh process."""
    times = []
    environment = environment_for(client)
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def workload(python: Path | str, metric: str, client: str, base_url: str, status_id: str) -> dict[str, Any]:
    finished = subprocess.run(
        [str(python), str(WORKLOADS), metric, KINDS[client], base_url, status_id],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env=environment_for(client),
    )
    if finished.returncode != 0:
        return {"error": finished.stderr.strip().splitlines()[-1] if finished.stderr.strip() else "failed"}
    result: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def median_workload(
    python: Path | str, metric: str, client: str, base_url: str, status_id: str, repeat: int
) -> dict[str, Any]:
    """The workload run in ``repeat`` fresh processes, each figure the median of the runs."""
    return merged([workload(python, metric, client, base_url, status_id) for _ in range(repeat)])


def merged(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The runs' results as one: every figure the median of the runs that worked."""
    good = [result for result in results if "error" not in result and not result.get("unsupported")]
    if not good:
        return results[0]
    combined: dict[str, Any] = dict(good[0])
    for key, value in good[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            combined[key] = statistics.median(result[key] for result in good)
    combined["runs"] = len(good)
    return combined


# Per workload run in back-to-back pairs: the figures whose ratio (ours over requests) each pair gives.
PAIRED = {
    "status": ("seconds", "cpu_seconds"),
    "page": ("seconds", "cpu_seconds"),
    "remaining": ("seconds", "cpu_seconds"),
    "iterate": ("seconds", "cpu_seconds"),
    "stream": ("events_per_second", "steady_events_per_second"),
}


def paired_runs(python: Path | str, metric: str, base_url: str, status_id: str, pairs: int) -> dict[str, Any]:
    """Ours and plain requests running ``metric`` back to back, ``pairs`` times, alternately first.

    The machine's speed drifts over seconds; a ratio taken within each pair cancels the drift, where a
    ratio of two medians measured one after the other would carry it. Returns each client's median
    figures and, for each figure of ``PAIRED[metric]``, the median and range of the pairs' ratios (ours
    over requests); a pair with a failed run gives no ratio.
    """
    runs: dict[str, list[dict[str, Any]]] = {"mastodon": [], "requests": []}
    for number in range(pairs):
        for client in ("mastodon", "requests") if number % 2 == 0 else ("requests", "mastodon"):
            runs[client].append(workload(python, metric, client, base_url, status_id))
    ratios: dict[str, list[float]] = {key: [] for key in PAIRED[metric]}
    for mine, theirs in zip(runs["mastodon"], runs["requests"], strict=True):
        for key, values in ratios.items():
            if mine.get(key) and theirs.get(key):
                values.append(mine[key] / theirs[key])
    return {
        "mastodon": merged(runs["mastodon"]),
        "requests": merged(runs["requests"]),
        "ratios": {key: statistics.median(values) if values else None for key, values in ratios.items()},
        "ratio_spread": {key: (min(values), max(values)) if values else None for key, values in ratios.items()},
        "pairs": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small fixture and few runs (a smoke check)")
    parser.add_argument("--no-mastodonpy", action="store_true", help="skip Mastodon.py")
    parser.add_argument("--mastodonpy", metavar="PYTHON", help="an interpreter with Mastodon.py 2.3.3 installed")
    parser.add_argument("--only", metavar="NAMES", help="comma-separated workloads: import,cold,status,page,...")
    parser.add_argument("--repeat", type=int, default=None, help="processes per workload (median); default 3")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.server import BenchmarkServer

    statuses = 2_000 if args.quick else 10_000
    events = 2_000 if args.quick else 10_000
    process_runs = 5 if args.quick else 21
    repeat = args.repeat or (1 if args.quick else 3)
    only = set(args.only.split(",")) if args.only else None
    ours = sys.executable
    theirs: Path | str | None = None
    if not args.no_mastodonpy:
        theirs = args.mastodonpy or ensure_mastodonpy()
    interpreters: dict[str, Path | str] = {"mastodon": ours, "requests": ours, "socket": ours}
    if theirs is not None:
        interpreters["Mastodon.py"] = theirs
    module = {"mastodon": "mastodon", "Mastodon.py": "mastodon", "requests": "requests", "socket": "socket, json"}

    def wanted(name: str) -> bool:
        return only is None or name in only

    rows: dict[str, dict[str, float | None]] = {}
    details: dict[tuple[str, str], dict[str, Any]] = {}
    cold_phases: dict[str, dict[str, Any]] = {}
    unconverted: dict[str, Any] = {}

    def put(metric: str, client: str, value: float | None) -> None:
        rows.setdefault(metric, {})[client] = value

    print(f"Measuring import and cold start in fresh processes ({process_runs} starts each)...", flush=True)
    bare = {
        name: process_seconds([str(python), "-c", "pass"], process_runs, name) for name, python in interpreters.items()
    }
    if wanted("import"):
        for name, python in interpreters.items():
            seconds = process_seconds([str(python), "-c", f"import {module[name]}"], process_runs, name)
            put("import (ms, wall minus interpreter)", name, (seconds - bare[name]) * 1000)

    with BenchmarkServer(statuses=statuses, events=events) as server:
        base, status_id = server.base_url, server.one_status_id
        if wanted("cold"):
            for name, python in interpreters.items():
                command = [str(python), str(WORKLOADS), "cold", KINDS[name], base, status_id]
                seconds = process_seconds(command, process_runs, name)
                put("cold start: import + construct + one call (ms)", name, (seconds - bare[name]) * 1000)
            for name in ("mastodon", "requests"):
                cold_phases[name] = median_workload(ours, "cold_phases", name, base, status_id, process_runs)

        plan: list[tuple[str, str, Callable[[dict[str, Any]], float]]] = [
            ("status", "status(id), kept-alive (us per call)", lambda r: r["seconds"] * 1e6),
            ("page", "40-status timeline page, fetched and converted (us)", lambda r: r["seconds"] * 1e6),
            ("remaining", f"fetch_remaining over {statuses:,} statuses (s)", lambda r: r["seconds"]),
            ("remaining_memory", "memory kept per status after fetch_remaining (bytes)", lambda r: r["bytes_per_item"]),
            ("iterate", "iterator over 2,000 statuses (ms)", lambda r: r["seconds"] * 1000),
            ("iterate_memory", "resident memory rise iterating the timeline (KiB)", lambda r: r["peak_bytes"] / 1024),
            ("stream", f"streaming: events per second ({events:,} events, chunked)", lambda r: r["events_per_second"]),
        ]
        server_costs: dict[str, float] = {}
        served = (0.0, 0)
        for metric, label, pick in plan:
            if not wanted(metric):
                continue
            print(f"Measuring {metric}...", flush=True)
            paired: dict[str, Any] = {}
            if metric in PAIRED:  # ours and plain requests back to back, the other clients after
                server.reset_counters()
                paired = paired_runs(ours, metric, base, status_id, max(repeat, 5))
                details[f"{metric}_pairs", "both"] = paired
                served = (server.server_seconds, server.requests_served)
            for name, python in interpreters.items():
                if metric == "stream" and name == "socket":
                    continue
                server.reset_counters()
                if name in paired:
                    result = paired[name]
                    server.server_seconds, server.requests_served = served
                else:
                    result = median_workload(python, metric, name, base, status_id, repeat)
                details[metric, name] = result
                value = None if "error" in result or result.get("unsupported") else pick(result)
                put(label, name, value)
                if metric == "stream" and value is not None and result.get("cpu_seconds"):
                    put(STREAM_CPU, name, result["events"] / result["cpu_seconds"])
                elif "cpu_seconds" in result and value is not None:
                    # The client's own CPU time: what a loaded machine's waits for the server leave out.
                    scale = pick({**result, "seconds": result["cpu_seconds"]}) / value if value else 0.0
                    put(f"  same, client CPU time only ({label.rsplit('(', 1)[-1]}", name, value * scale)
                if "error" in result:
                    print(f"  {name}: {result['error']}", flush=True)
                if name == "mastodon" and server.requests_served:
                    server_costs[metric] = server.server_seconds / server.requests_served * 1e6
        if wanted("stream"):
            unconverted = median_workload(ours, "stream_unconverted", "mastodon", base, status_id, repeat)
            # The same events in one body with a Content-Length: not how Mastodon sends a stream, but
            # then requests reads the whole body at once and splits it in C (its best case).
            server.stream_framing = "length"
            for name in ("mastodon", "requests"):
                result = median_workload(ours, "stream", name, base, status_id, repeat)
                details["stream_length", name] = result
                put(STREAM_LENGTH, name, result.get("events_per_second"))
            server.stream_framing = "chunked"
        if wanted("remaining"):
            print("Measuring remaining with the cycle collector off...", flush=True)
            for name in ("mastodon", "requests"):
                details["remaining_nogc", name] = median_workload(ours, "remaining_nogc", name, base, status_id, repeat)
        if wanted("profile"):
            print("Measuring profile...", flush=True)
            for name in ("mastodon", "requests"):
                details["profile", name] = median_workload(ours, "profile", name, base, status_id, 1)
        parses: dict[str, dict[str, Any]] = {}
        if wanted("parse"):
            print("Measuring parse...", flush=True)
            for name in ("mastodon", "requests", "Mastodon.py"):
                if name in interpreters:
                    parses[name] = median_workload(interpreters[name], "parse", name, base, status_id, repeat)
            for name, result in parses.items():
                put(WALK, name, result["read_seconds"] * 1e6 if "read_seconds" in result else None)

    print()
    print_table(rows)
    if "parse_seconds" in parses.get("mastodon", {}):
        ours_parse, bare_parse = parses["mastodon"], parses["requests"]
        loads = ours_parse["loads_seconds"]
        print()
        print("Parsing a 40-status page, no network (CPU time, one process each, medians):")
        print(f"  json.loads alone: {loads * 1e6:8.0f} us")
        converted = ours_parse["parse_seconds"]
        print(
            f"  + entities (every datetime, id and nested entity converted): {converted * 1e6:8.0f} us"
            f"  (x{converted / loads:.2f} of json.loads)"
        )
        print(
            f"  + the same datetimes converted by hand on plain dicts: {bare_parse['parse_seconds'] * 1e6:8.0f} us"
            f"  (x{bare_parse['parse_seconds'] / bare_parse['loads_seconds']:.2f} of json.loads)"
        )
    gap_rows = [  # (workload, row label, unit to microseconds, statuses per figure)
        ("page", plan[1][1], 1.0, 40),
        ("remaining", plan[2][1], 1e6, statuses),
        ("iterate", plan[4][1], 1e3, 2_000),
        ("stream", plan[6][1], 1.0, 1),
    ]
    explain_gaps(rows, gap_rows, cold_phases, parses, WALK, unconverted)
    explain_more(rows, details)
    if server_costs:
        print()
        print("The server's own cost per request (handler time while ours ran; paired workloads: ours and requests):")
        for metric, micro in server_costs.items():
            print(f"  {metric:18} {micro:8.1f} us")
    return 0


def explain_gaps(
    rows: dict[str, dict[str, float | None]],
    gap_rows: list[tuple[str, str, float, int]],
    cold_phases: dict[str, dict[str, Any]],
    parses: dict[str, dict[str, Any]],
    walk_label: str,
    unconverted: dict[str, Any],
) -> None:
    """Where our time beyond plain requests goes, from figures measured in this run."""
    if "mastodon" in cold_phases and "error" not in cold_phases["mastodon"] and "error" not in cold_phases["requests"]:
        ours, bare = cold_phases["mastodon"], cold_phases["requests"]
        print()
        print(f"Cold start phase by phase (ms, inside the process, medians of {ours.get('runs', 1)} fresh processes):")
        print(f"  {'phase':22} {'mastodon':>9} {'requests':>9}")
        phases = ("import the package", "import requests", "construct", "entity classes", "endpoint area")
        for phase in (*phases, "first call", "second call"):
            mine, theirs = ours.get(phase), bare.get(phase)
            print(f"  {phase:22} {mine if mine is not None else 0.0:9.2f} {theirs if theirs is not None else 0.0:9.2f}")
        print(
            "  (requests is imported by both. Ours adds its own modules, then what a first call loads: the entity"
            " classes (165 classes made), the statuses area, and in the first call itself the converters of Status"
            " and its nested entities, prepared once per process)"
        )
        extra = sum(ours.get(phase, 0.0) for phase in phases) - sum(bare.get(phase, 0.0) for phase in phases)
        first = ours.get("first call", 0.0) - bare.get("first call", 0.0)
        print(f"  ours spends {extra:.2f} ms more before the first call and {first:.2f} ms more in it")
    ours_parse, bare_parse = parses.get("mastodon", {}), parses.get("requests", {})
    if "parse_seconds" in ours_parse and "parse_seconds" in bare_parse:
        per_status = (ours_parse["parse_seconds"] - bare_parse["parse_seconds"]) / 40 * 1e6
        print()
        print("Where the per-status gaps come from (client CPU time where measured, else wall time):")
        print(f"  entity conversion beyond json.loads and hand-converted datetimes: {per_status:6.1f} us per status")
        # Each row's gap to plain requests, per status, next to what conversion alone accounts for.
        for metric, label, scale, statuses in gap_rows:
            cpu_label = (
                STREAM_CPU if metric == "stream" else f"  same, client CPU time only ({label.rsplit('(', 1)[-1]}"
            )
            values = rows.get(cpu_label) or rows.get(label, {})
            mine, theirs = values.get("mastodon"), values.get("requests")
            if mine is None or theirs is None:
                continue
            # events per second for the stream: the gap is the difference of the times per event
            gap = (1 / mine - 1 / theirs) * 1e6 if metric == "stream" else (mine - theirs) * scale / statuses
            print(f"  {label.split(' (')[0]:52} gap {gap:7.1f} us per status (conversion alone {per_status:.1f})")
    stream = rows.get(STREAM_CPU, {})
    if unconverted.get("cpu_us_per_event") and stream.get("requests") and stream.get("mastodon"):
        without = 1e6 / unconverted["cpu_us_per_event"]
        print()
        print("Streaming, events per second of client CPU time:")
        print(f"  plain requests (iter_lines(chunk_size=None), json.loads per event): {stream['requests']:8.0f}")
        print(f"  ours, payloads left as decoded JSON (entity conversion off):        {without:8.0f}")
        print(f"  ours, payloads converted into typed entities:                       {stream['mastodon']:8.0f}")
    if "attribute_read_ns" in ours_parse:
        reads = ours_parse.get("reads", 0)
        print()
        print("One field read (CPU, ns, in a list comprehension of 1,000):")
        print(f"  entity.content (a property reading the dict): {ours_parse['attribute_read_ns']:6.1f}")
        print(f"  plain_dict['content']:                        {ours_parse['item_read_ns']:6.1f}")
        if "entity_item_read_ns" in ours_parse:
            print(f"  entity['content'] (an item of a dict subclass): {ours_parse['entity_item_read_ns']:4.1f}")
        theirs = parses.get("Mastodon.py", {}).get("attribute_read_ns")
        if theirs is not None:
            print(f"  Mastodon.py entity.content:                   {theirs:6.1f}")
        walk = rows.get(walk_label, {})
        if reads and walk.get("mastodon") is not None and walk.get("requests") is not None:
            expected = reads * (ours_parse["attribute_read_ns"] - ours_parse["item_read_ns"]) / 1000
            gap = walk["mastodon"] - walk["requests"]  # type: ignore[operator]
            print(
                f"  the walk reads {reads:.0f} fields of a 40-status page: gap {gap:.0f} us,"
                f" read cost difference alone {expected:.0f} us"
            )
            by_item = ours_parse.get("entity_item_read_seconds")
            if by_item is not None:
                subclass = by_item * 1e6 - walk["requests"]
                machinery = walk["mastodon"] - by_item * 1e6
                print(
                    f"  the same walk by item on our entities: {by_item * 1e6:.0f} us; so of the gap, {subclass:.0f} us"
                    f" is reading a dict subclass rather than a dict (CPython's fast path for d[key] takes exact"
                    f" dicts only) and {machinery:.0f} us the attribute lookup (getattr: type lookup, the field's"
                    " property, its itemgetter)"
                )


def explain_more(rows: dict[str, dict[str, float | None]], details: dict[tuple[str, str], dict[str, Any]]) -> None:
    """The stream against its target, the collector's share of fetch_remaining, and the first page's share
    of the iterator, from figures measured in this run."""
    streamed = {name: details.get(("stream", name), {}) for name in ("mastodon", "requests")}
    if all(result.get("events_per_second") for result in streamed.values()):
        ours, bare = streamed["mastodon"]["events_per_second"], streamed["requests"]["events_per_second"]
        print()
        print("Streaming against the fastest plain-requests reader (target: at least 0.8 of its events/s):")
        print(f"  chunked, one chunk per event, as Mastodon sends it: {ours:8.0f} vs {bare:8.0f} = {ours / bare:.2f}")
        paired = details.get(("stream_pairs", "both"), {})
        for key, what in (
            ("events_per_second", "the whole stream, from the call to the last event"),
            ("steady_events_per_second", "after the first event (the rate a long-running stream keeps)"),
        ):
            middle, spread = paired.get("ratios", {}).get(key), paired.get("ratio_spread", {}).get(key)
            if middle is not None and spread is not None:
                print(
                    f"  {what}: median of {paired['pairs']} back-to-back pairs {middle:.2f}"
                    f" (pairs from {spread[0]:.2f} to {spread[1]:.2f})"
                )
        mine_first = streamed["mastodon"].get("first_event_seconds")
        bare_first = streamed["requests"].get("first_event_seconds")
        if mine_first and bare_first:
            print(
                f"  time to the first event: ours {mine_first * 1e3:.1f} ms, plain requests {bare_first * 1e3:.1f} ms"
                " (ours asks the instance where its streaming server is, imports the streaming area and the"
                " entity classes, and prepares the Status converter)"
            )
        length = {name: details.get(("stream_length", name), {}) for name in ("mastodon", "requests")}
        if all(result.get("events_per_second") for result in length.values()):
            mine, theirs = length["mastodon"]["events_per_second"], length["requests"]["events_per_second"]
            print(
                f"  one Content-Length body, read whole by requests:    {mine:8.0f} vs {theirs:8.0f}"
                f" = {mine / theirs:.2f}"
            )
    explain_pairs(details)
    nogc = {name: details.get(("remaining_nogc", name), {}) for name in ("mastodon", "requests")}
    with_gc = {name: details.get(("remaining", name), {}) for name in ("mastodon", "requests")}
    if all("cpu_seconds" in result for result in (*nogc.values(), *with_gc.values())):
        print()
        print("fetch_remaining over all statuses, client CPU seconds, with and without the cycle collector:")
        for name in ("mastodon", "requests"):
            print(f"  {name:9} collector on {with_gc[name]['cpu_seconds']:6.3f}   off {nogc[name]['cpu_seconds']:6.3f}")
        print(
            f"  ratio ours/requests: on x{with_gc['mastodon']['cpu_seconds'] / with_gc['requests']['cpu_seconds']:.2f},"
            f" off x{nogc['mastodon']['cpu_seconds'] / nogc['requests']['cpu_seconds']:.2f}"
        )
        tracked = {name: details.get(("remaining_memory", name), {}).get("tracked_per_item") for name in nogc}
        if all(value is not None for value in tracked.values()):
            print(
                f"  objects the collector tracks per status kept: ours {tracked['mastodon']:.1f},"
                f" plain dicts {tracked['requests']:.1f} (CPython untracks exact dicts of strings and"
                " numbers; the C converter untracks flat entities and ids likewise, the Python one cannot)"
            )
    profiles = {name: details.get(("profile", name), {}) for name in ("mastodon", "requests")}
    if all("top" in result for result in profiles.values()):
        print()
        print("Profile of the warm walk (cProfile, own time per 40-status page, us; calls per page):")
        for name in ("mastodon", "requests"):
            result = profiles[name]
            print(f"  {name}: {result['total_us_per_page']:.0f} us per page under the profiler")
            for own, calls, where in result["top"]:
                print(f"    {own:8.1f} {calls:7.1f}  {where}")
    pages = {name: details.get(("iterate", name), {}) for name in ("mastodon", "requests")}
    if all("first_page_seconds" in result for result in pages.values()):
        print()
        print("Iterator over 2,000 statuses, the first page (one-time costs) against a later one (ms):")
        for name in ("mastodon", "requests"):
            result = pages[name]
            print(
                f"  {name:9} first page {result['first_page_seconds'] * 1e3:7.2f}"
                f"   a later page {result['later_page_seconds'] * 1e3:6.2f}"
            )


PAIR_LABELS = {
    "status": "status(id)",
    "page": "40-status page",
    "remaining": "fetch_remaining",
    "iterate": "iterator over 2,000",
}


def explain_pairs(details: dict[tuple[str, str], dict[str, Any]]) -> None:
    """The time workloads' ratios taken within back-to-back pairs (the table's medians carry more drift)."""
    lines = []
    for metric, label in PAIR_LABELS.items():
        paired = details.get((f"{metric}_pairs", "both"), {})
        middle, spread = paired.get("ratios", {}), paired.get("ratio_spread", {})
        parts = [
            f"{what} x{middle[key]:.2f} ({spread[key][0]:.2f} to {spread[key][1]:.2f})"
            for key, what in (("seconds", "wall"), ("cpu_seconds", "client CPU"))
            if middle.get(key) is not None and spread.get(key) is not None
        ]
        if parts:
            lines.append(f"  {label:22} " + "   ".join(parts) + f"   ({paired['pairs']} pairs)")
    if lines:
        print()
        print("Ours over plain requests, run back to back in pairs (alternately first), median of the pairs' ratios:")
        print("\n".join(lines))


def ratio(metric: str, values: dict[str, float | None], name: str) -> str:
    """A client's figure over the plain requests baseline ("x slower"; inverted for events per second)."""
    value, floor = values.get(name), values.get("requests")
    if value is None or not floor:
        return f"{'n/a':>9}"
    return f"x{(floor / value if 'per second' in metric else value / floor):8.2f}"


def print_table(rows: dict[str, dict[str, float | None]]) -> None:
    header = f"{'metric':62} " + " ".join(f"{name:>12}" for name in CLIENTS)
    header += f" {'ours/req':>9} {'MPy/req':>9} {'sock/req':>9}"
    print(header)
    print("-" * len(header))
    for metric, values in rows.items():
        cells = []
        for name in CLIENTS:
            value = values.get(name)
            if value is None:
                cells.append(f"{'n/a':>12}")
            else:
                cells.append(f"{value:12.3f}" if abs(value) < 10 else f"{value:12.1f}")
        ratios = " ".join(ratio(metric, values, name) for name in ("mastodon", "Mastodon.py", "socket"))
        print(f"{metric:62} " + " ".join(cells) + f" {ratios}")


if __name__ == "__main__":
    raise SystemExit(main())
