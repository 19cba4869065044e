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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORKLOADS = HERE / "workloads.py"
VENV = HERE / ".venv-mastodonpy"
MASTODONPY = "mastodon-py==2.3.3"
CLIENTS = ("mastodon", "Mastodon.py", "requests", "socket")
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
    results = [workload(python, metric, client, base_url, status_id) for _ in range(repeat)]
    good = [result for result in results if "error" not in result and not result.get("unsupported")]
    if not good:
        return results[0]
    merged: dict[str, Any] = dict(good[0])
    for key, value in good[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            merged[key] = statistics.median(result[key] for result in good)
    merged["runs"] = len(good)
    return merged


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

        plan = [
            ("status", "status(id), kept-alive (us per call)", lambda r: r["seconds"] * 1e6),
            ("page", "40-status timeline page, fetched and converted (us)", lambda r: r["seconds"] * 1e6),
            ("remaining", f"fetch_remaining over {statuses:,} statuses (s)", lambda r: r["seconds"]),
            ("remaining_memory", "memory kept per status after fetch_remaining (bytes)", lambda r: r["bytes_per_item"]),
            ("iterate", "iterator over 2,000 statuses (ms)", lambda r: r["seconds"] * 1000),
            ("iterate_memory", "resident memory rise iterating the timeline (KiB)", lambda r: r["peak_bytes"] / 1024),
            ("stream", f"streaming: events per second ({events:,} events)", lambda r: r["events_per_second"]),
        ]
        server_costs: dict[str, float] = {}
        for metric, label, pick in plan:
            if not wanted(metric):
                continue
            print(f"Measuring {metric}...", flush=True)
            for name, python in interpreters.items():
                if metric == "stream" and name == "socket":
                    continue
                server.reset_counters()
                runs = 1 if metric == "stream" else repeat
                result = median_workload(python, metric, name, base, status_id, runs)
                value = None if "error" in result or result.get("unsupported") else pick(result)
                put(label, name, value)
                if "cpu_seconds" in result and value is not None:
                    # The client's own CPU time: what a loaded machine's waits for the server leave out.
                    scale = pick({**result, "seconds": result["cpu_seconds"]}) / value if value else 0.0
                    put(f"  same, client CPU time only ({label.rsplit('(', 1)[-1]}", name, value * scale)
                if "error" in result:
                    print(f"  {name}: {result['error']}", flush=True)
                if name == "mastodon" and server.requests_served:
                    server_costs[metric] = server.server_seconds / server.requests_served * 1e6
        parses: dict[str, dict[str, Any]] = {}
        if wanted("parse"):
            print("Measuring parse...", flush=True)
            for name in ("mastodon", "requests", "Mastodon.py"):
                if name in interpreters:
                    parses[name] = median_workload(interpreters[name], "parse", name, base, status_id, repeat)
            walk = "walk every field the server sent, 40 statuses, 3 levels (us CPU)"
            for name, result in parses.items():
                put(walk, name, result["read_seconds"] * 1e6 if "read_seconds" in result else None)

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
    if server_costs:
        print()
        print("The server's own cost per request (handler time, during the mastodon runs):")
        for metric, micro in server_costs.items():
            print(f"  {metric:18} {micro:8.1f} us")
    return 0


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
