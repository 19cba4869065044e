"""Record what Mastodon.py 2.3.3 sends for every wire case, or show where our client differs.

Run from the repository root:

    python tools/record_wire.py                  # writes tests/unit/data/mastodonpy_wire.json
    python tools/record_wire.py --check          # records again, says whether the file is current
    python tools/record_wire.py --ours [NAME..]  # runs the cases on our client, prints each raw difference
                                                 # (before the stated rules and deviations of
                                                 # tests/unit/test_wire_parity.py, which judges them)

Recording runs ``/work/mpy/bin/python -P`` (``--mpy`` to change it), an interpreter with Mastodon.py
2.3.3 and requests-mock, in a child process whose working directory is outside the repository, so
it imports Mastodon.py and never this package. Every request is answered by requests-mock with 200
and the Mastodon reference's example for the route (routes read from ``--docs``, the offline
reference, by default ``../shared/mastodon-api-docs``; the examples from the committed fixtures
``tests/fixtures/api-docs``), else ``{}``. The cases are ``tests/unit/data/wire_cases.py``; how a
request is described is ``tests/unit/data/wire_harness.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "unit" / "data"
OUT = DATA / "mastodonpy_wire.json"
_HTTP_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/\S+)( HTTP/1\.1)?$")
_HEADING = re.compile(r"^##+ .*\{#([\w-]+)\}\s*$")


def read_routes(docs: Path) -> list[list[Any]]:
    """(method, path template, page, anchor, paged) for every endpoint section of the reference's
    methods pages; ``paged`` when the section takes ``max_id`` or shows a ``Link`` header."""
    routes: dict[tuple[str, str], list[Any]] = {}
    for page in sorted((docs / "methods").rglob("*.md")):
        name = page.relative_to(docs).as_posix()
        sections: list[tuple[str, list[str]]] = []
        for line in page.read_text(encoding="utf-8").splitlines():
            heading = _HEADING.match(line)
            if heading:
                sections.append((heading.group(1), []))
            elif sections:
                sections[-1][1].append(line)
        for anchor, lines in sections:
            text = "\n".join(lines)
            paged = "max_id" in text or 'rel="next"' in text
            for line in lines:
                request = _HTTP_LINE.match(line.strip())
                if request:
                    key = (request.group(1), request.group(2).split("?")[0])
                    routes.setdefault(key, [key[0], key[1], name, anchor, paged])
    return sorted(routes.values())


def _load_modules() -> tuple[Any, Any, Any]:
    for folder in (DATA, ROOT / "tests"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    import doc_fixtures
    import wire_cases
    import wire_harness

    return doc_fixtures, wire_cases, wire_harness


def run_all(
    mastodon_module: Any, routes: list[list[str]], names: list[str] | None = None, mode: str = "none"
) -> dict[str, Any]:
    """Every case (or the named ones) on ``mastodon_module``'s client: name -> record."""
    doc_fixtures, wire_cases, wire_harness = _load_modules()
    responder = wire_harness.Responder([tuple(r) for r in routes], doc_fixtures.docs_example)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        for name, expression in wire_cases.CASES:
            if names and name not in names:
                continue
            scope = wire_cases.namespace(mastodon_module, tmpdir)
            answers = {**wire_cases.COMMON_RESPONSES, **wire_cases.RESPONSES.get(name, {})}
            results[name] = wire_harness.run_case(
                mastodon_module, expression, scope, responder, answers, version_check_mode=mode
            )
            results[name]["expression"] = expression
    return results


def child(out: str, routes_file: str) -> None:
    """In the Mastodon.py interpreter: record every case into ``out``."""
    os.environ["TZ"] = "UTC"
    time.tzset()
    import mastodon

    if "site-packages" not in mastodon.__file__:
        raise SystemExit(f"refusing to record: mastodon was imported from {mastodon.__file__}")
    routes = json.loads(Path(routes_file).read_text(encoding="utf-8"))
    results = {"none": run_all(mastodon, routes), "created": run_all(mastodon, routes, mode="created")}
    for case in results["created"].values():
        del case["expression"]
    Path(out).write_text(json.dumps(results), encoding="utf-8")


def record(mpy: str, docs: Path) -> dict[str, Any]:
    routes = read_routes(docs)
    with tempfile.TemporaryDirectory() as tmpdir:
        routes_file = Path(tmpdir) / "routes.json"
        routes_file.write_text(json.dumps(routes), encoding="utf-8")
        out = Path(tmpdir) / "out.json"
        env = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "PYTHONDONTWRITEBYTECODE": "1", "HOME": tmpdir}
        subprocess.run(
            [mpy, "-P", str(Path(__file__).resolve()), "--child", str(out), str(routes_file)],
            cwd=tmpdir,
            env=env,
            check=True,
        )
        recorded = json.loads(out.read_text(encoding="utf-8"))
    _, wire_cases, _ = _load_modules()
    return {
        "about": (
            "What Mastodon.py 2.3.3 sends for each case of wire_cases.py, written by tools/record_wire.py: "
            "'cases' with version_check_mode='none' (the mode our client is compared in), 'cases_checked' "
            "with version_check_mode='created' (what 2.3.3 sends once it knows the server is 4.4.0)"
        ),
        "routes": routes,
        "cases": recorded["none"],
        "cases_checked": recorded["created"],
        "skipped": wire_cases.SKIPPED,
    }


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def ours(names: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ["TZ"] = "UTC"
    time.tzset()
    import mastodon

    recorded = json.loads(OUT.read_text(encoding="utf-8"))
    results = run_all(mastodon, recorded["routes"], names or None)
    differing = 0
    for name, mine in results.items():
        theirs = recorded["cases"].get(name)
        if theirs is None:
            print(f"{name}: not recorded (run the tool without --ours)")
            continue
        for key in ("requests", "error", "shape", "warnings"):
            if mine[key] != theirs[key]:
                differing += 1
                print(f"== {name} [{key}]  {mine['expression']}")
                print(f"   Mastodon.py: {json.dumps(theirs[key], sort_keys=True)}")
                print(f"   ours:        {json.dumps(mine[key], sort_keys=True)}")
    print(f"{len(results)} cases, {differing} differences")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mpy", default="/work/mpy/bin/python", help="a Python with Mastodon.py 2.3.3 and requests-mock"
    )
    parser.add_argument("--docs", default=str(ROOT.parent / "shared" / "mastodon-api-docs"), type=Path)
    parser.add_argument("--check", action="store_true", help="record again and compare with the committed file")
    parser.add_argument("--ours", nargs="*", metavar="NAME", help="compare our client with the recording")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if args.ours is not None:
        return ours(args.ours)
    data = record(args.mpy, args.docs)
    _check_coverage(data)
    text = dump(data)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        print("up to date" if current == text else f"{OUT} is out of date: run tools/record_wire.py")
        return 0 if current == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['cases'])} cases")
    return 0


def _check_coverage(data: dict[str, Any]) -> None:
    manifest = json.loads((ROOT / "tests" / "meta" / "mastodonpy_manifest.json").read_text(encoding="utf-8"))
    called = {name for c in data["cases"].values() for name in re.findall(r"api\.(\w+)\(", c["expression"])}
    missing = sorted(set(manifest["methods"]) - called - set(data["skipped"]))
    if missing:
        print("not covered:", ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
