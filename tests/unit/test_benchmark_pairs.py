"""The benchmark's paired runs: alternating order, each pair's ratio, medians, what is printed (no timing here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

# Loaded from the checkout by path: the benchmarks are no package of the install, and a bare ``pytest``
# does not put the checkout's root on the path.
_SPEC = importlib.util.spec_from_file_location(
    "benchmark_run", Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
)
assert _SPEC is not None and _SPEC.loader is not None
run: Any = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(run)


def test_stream_pairs_alternate_which_client_goes_first_and_take_the_median_of_the_pair_ratios(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    # ours, requests events/s per pair: ratios 0.5, 0.8, 0.9 (median 0.8); the medians of the figures
    # alone would give 30/40 = 0.75, which is what pairing is there to avoid.
    figures = {"mastodon": [10.0, 40.0, 30.0], "requests": [20.0, 50.0, 33.333333333333336]}

    def fake_workload(python: Any, metric: str, client: str, base_url: str, status_id: str) -> dict[str, Any]:
        assert metric == "stream"
        number = sum(1 for called in calls if called == client)
        calls.append(client)
        value = figures[client][number]
        return {"events_per_second": value, "steady_events_per_second": value * 2, "first_event_seconds": 0.001}

    monkeypatch.setattr(run, "workload", fake_workload)
    result = run.paired_runs("python", "stream", "http://127.0.0.1:1", "1", 3)
    assert calls == ["mastodon", "requests", "requests", "mastodon", "mastodon", "requests"]
    assert result["ratios"]["events_per_second"] == pytest.approx(0.8)
    assert result["ratios"]["steady_events_per_second"] == pytest.approx(0.8)
    assert result["ratio_spread"]["events_per_second"] == pytest.approx((0.5, 0.9))
    assert result["mastodon"]["events_per_second"] == 30.0 and result["mastodon"]["runs"] == 3
    assert result["requests"]["events_per_second"] == pytest.approx(33.333333333333336)


def test_a_failed_run_leaves_its_pair_out_of_the_ratios(monkeypatch: pytest.MonkeyPatch) -> None:
    results = iter(
        [
            {"events_per_second": 8.0},
            {"events_per_second": 10.0},
            {"error": "broke"},
            {"events_per_second": 10.0},
        ]
    )
    monkeypatch.setattr(run, "workload", lambda *args: next(results))
    result = run.paired_runs("python", "stream", "http://127.0.0.1:1", "1", 2)
    assert result["ratios"]["events_per_second"] == pytest.approx(0.8)
    assert result["ratios"]["steady_events_per_second"] is None
    # The second pair ran requests first (it failed), then ours: ours has two runs, requests one.
    assert result["mastodon"]["events_per_second"] == 9.0 and result["mastodon"]["runs"] == 2
    assert result["requests"]["events_per_second"] == 10.0 and result["requests"]["runs"] == 1


def test_time_workloads_pair_their_wall_and_cpu_seconds_and_print_the_ratios(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, str]] = []
    # ours over requests per pair: wall 1.1, 1.3, 1.2 (median 1.2); CPU 1.0, 1.4, 1.5 (median 1.4).
    figures = {
        "mastodon": [(1.1, 1.0), (2.6, 2.8), (1.2, 1.5)],
        "requests": [(1.0, 1.0), (2.0, 2.0), (1.0, 1.0)],
    }

    def fake_workload(python: Any, metric: str, client: str, base_url: str, status_id: str) -> dict[str, Any]:
        number = sum(1 for _, called in calls if called == client)
        calls.append((metric, client))
        wall, cpu = figures[client][number]
        return {"seconds": wall, "cpu_seconds": cpu}

    monkeypatch.setattr(run, "workload", fake_workload)
    result = run.paired_runs("python", "page", "http://127.0.0.1:1", "1", 3)
    assert [client for _, client in calls] == ["mastodon", "requests", "requests", "mastodon", "mastodon", "requests"]
    assert {metric for metric, _ in calls} == {"page"}
    assert result["ratios"] == pytest.approx({"seconds": 1.2, "cpu_seconds": 1.4})
    assert result["ratio_spread"]["cpu_seconds"] == pytest.approx((1.0, 1.5))
    run.explain_pairs({("page_pairs", "both"): result, ("remaining_pairs", "both"): {}})
    printed = capsys.readouterr().out
    assert "40-status page         wall x1.20 (1.10 to 1.30)   client CPU x1.40 (1.00 to 1.50)   (3 pairs)" in printed
    assert "fetch_remaining" not in printed  # not measured in this run: no line
