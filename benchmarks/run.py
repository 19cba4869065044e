"""Run the benchmark suite and print a table: ``python -m benchmarks`` (or ``python benchmarks/run.py``).

Each metric is measured for ``mastodon`` (this package), for Mastodon.py 2.3.3 (installed by the suite
into ``benchmarks/.venv-mastodonpy``, since both packages are named ``mastodon``) and for a bare
``requests`` client doing the same work, against one loopback server in this process. Every client
runs in fresh processes; import and cold start are medians of many process starts. Figures are
printed, never asserted: this is not a test.

Options: ``--quick`` (smaller fixture and fewer runs, for a smoke check), ``--no-mastodonpy``,
``--only WORKLOAD`` (e.g. ``--only stream``: that workload alone) and ``--runs N`` (the median of N
interleaved runs per client).
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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORKLOADS = HERE / "workloads.py"
VENV = HERE / ".venv-mastodonpy"
MASTODONPY = "mastodon-py==2.3.3"


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


def process_seconds(command: list[str], runs: int) -> float:
    """The median wall time of running ``command`` as a fresh process."""
    times = []
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    environment.pop("PYTHONDONTWRITEBYTECODE")
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def workload(python: Path | str, metric: str, kind: str, base_url: str, status_id: str) -> dict[str, Any]:
    environment = dict(os.environ)
    if str(python) == sys.executable:  # this checkout's package, not whatever else is installed
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), environment.get("PYTHONPATH")]))
    finished = subprocess.run(
        [str(python), str(WORKLOADS), metric, kind, base_url, status_id],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env=environment,
    )
    if finished.returncode != 0:
        return {"error": finished.stderr.strip().splitlines()[-1] if finished.stderr.strip() else "failed"}
    result: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small fixture and few runs (a smoke check)")
    parser.add_argument("--no-mastodonpy", action="store_true", help="skip Mastodon.py")
    parser.add_argument(
        "--only",
        action="append",
        choices=["status", "page", "remaining", "remaining_memory", "iterate_memory", "stream"],
        help="measure only this workload (repeatable); skips import and cold start",
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per client and workload, interleaved; the median")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.server import BenchmarkServer

    statuses = 2_000 if args.quick else 10_000
    events = 2_000 if args.quick else 10_000
    process_runs = 5 if args.quick else 21
    ours = sys.executable
    theirs = None if args.no_mastodonpy else ensure_mastodonpy()
    clients: dict[str, tuple[str | Path, str]] = {"mastodon": (ours, "mastodon"), "requests": (ours, "requests")}
    if theirs is not None:
        clients["Mastodon.py"] = (theirs, "mastodon")

    rows: dict[str, dict[str, float | None]] = {}

    def put(metric: str, client: str, value: float | None) -> None:
        rows.setdefault(metric, {})[client] = value

    interpreters = {"mastodon": ours, "requests": ours, "Mastodon.py": theirs}
    module = {"mastodon": "mastodon", "requests": "requests", "Mastodon.py": "mastodon"}
    bare = {}
    if not args.only:
        print("Measuring import and cold start in fresh processes...", flush=True)
        bare = {
            name: process_seconds([str(python), "-c", "pass"], process_runs)
            for name, python in interpreters.items()
            if python
        }
        for name, python in interpreters.items():
            if python is None:
                continue
            seconds = process_seconds([str(python), "-c", f"import {module[name]}"], process_runs)
            put("import (ms, wall minus interpreter)", name, (seconds - bare[name]) * 1000)

    with BenchmarkServer(statuses=statuses, events=events) as server:
        base, status_id = server.base_url, server.one_status_id
        for name, (python, kind) in clients.items():
            if args.only:
                break
            command = [str(python), str(WORKLOADS), "cold", kind, base, status_id]
            seconds = process_seconds(command, process_runs)
            put("cold start: import + construct + one call (ms)", name, (seconds - bare[name]) * 1000)

        plan = [
            ("status", "status(id), kept-alive (us per call)", lambda r: r["seconds"] * 1e6),
            ("page", "40-status timeline page, fetched and parsed (us)", lambda r: r["seconds"] * 1e6),
            ("remaining", f"fetch_remaining over {statuses:,} statuses (s)", lambda r: r["seconds"]),
            ("remaining_memory", "memory kept per status after fetch_remaining (bytes)", lambda r: r["bytes_per_item"]),
            ("iterate_memory", "resident memory rise iterating the timeline (KiB)", lambda r: r["peak_bytes"] / 1024),
            ("stream", f"streaming: events per second ({events:,} events)", lambda r: r["events_per_second"]),
        ]
        server_costs: dict[str, float] = {}
        for metric, label, pick in plan:
            if args.only and metric not in args.only:
                continue
            print(f"Measuring {metric}...", flush=True)
            measured: dict[str, list[float]] = {name: [] for name in clients}
            for _ in range(max(1, args.runs)):  # interleaved, so a busy moment hits every client alike
                for name, (python, kind) in clients.items():
                    server.reset_counters()
                    result = workload(python, metric, kind, base, status_id)
                    if "error" in result:
                        print(f"  {name}: {result['error']}", flush=True)
                    elif not result.get("unsupported"):
                        measured[name].append(pick(result))
                    if name == "mastodon" and server.requests_served:
                        server_costs[metric] = server.server_seconds / server.requests_served * 1e6
            for name, values in measured.items():
                put(label, name, statistics.median(values) if values else None)
        parse = workload(ours, "parse", "mastodon", base, status_id) if not args.only else {}
        bare_parse = workload(ours, "parse", "requests", base, status_id) if not args.only else {}

    print()
    print_table(rows)
    if "parse_seconds" in parse:
        loads = parse["loads_seconds"]
        print()
        print("Parsing a 40-status page, no network (one process):")
        converted, by_attribute, by_key = parse["parse_seconds"], parse["read_seconds"], bare_parse["read_seconds"]
        print(f"  json.loads alone: {loads * 1e6:8.0f} us")
        print(
            f"  json.loads + every datetime, id and nested entity converted: {converted * 1e6:8.0f} us"
            f"  (x{converted / loads:.2f} of json.loads)"
        )
        print(
            f"  reading every field (3 levels) by attribute: {by_attribute * 1e6:8.0f} us, "
            f"by dict access: {by_key * 1e6:8.0f} us (x{by_attribute / by_key:.2f})"
        )
    if server_costs:
        print()
        print("The server's own cost per request (handler time, during the mastodon runs):")
        for metric, micro in server_costs.items():
            print(f"  {metric:18} {micro:8.1f} us")
    return 0


def ratio(metric: str, values: dict[str, float | None], name: str) -> str:
    """A client's figure over the bare requests floor ("x slower"; inverted for events per second)."""
    value, floor = values.get(name), values.get("requests")
    if value is None or not floor:
        return f"{'n/a':>9}"
    return f"x{(floor / value if 'per second' in metric else value / floor):8.2f}"


def print_table(rows: dict[str, dict[str, float | None]]) -> None:
    clients = ["mastodon", "Mastodon.py", "requests"]
    header = f"{'metric':58} " + " ".join(f"{name:>12}" for name in clients) + f" {'ours/req':>9} {'MPy/req':>9}"
    print(header)
    print("-" * len(header))
    for metric, values in rows.items():
        cells = []
        for name in clients:
            value = values.get(name)
            cells.append(f"{value:12.1f}" if value is not None else f"{'n/a':>12}")
        ours, theirs = ratio(metric, values, "mastodon"), ratio(metric, values, "Mastodon.py")
        print(f"{metric:58} " + " ".join(cells) + f" {ours} {theirs}")


if __name__ == "__main__":
    raise SystemExit(main())
