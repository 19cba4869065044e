"""Record what the drop-in programs print under Mastodon.py, as the expected output of our test.

Run from the repository root with this project's interpreter, naming one that has Mastodon.py 2.3.3
installed (and not this package)::

    python tools/record_dropin_outputs.py --python /path/to/mpy/bin/python [NAME ...]

Each program in ``tests/dropin/programs`` runs against a fresh ``mastodon.testing.LocalInstance`` (served
from this checkout); its standard output is written to ``tests/dropin/expected/<name>.txt`` and the
requests the server received (normalised by ``tests/dropin/runner.py``) to ``<name>.wire.txt``.
``tests/integration/test_dropin_programs.py`` runs the same programs with our client and compares.
With ``--ours`` the programs run with this checkout's client instead and differences are printed.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's mastodon.testing serves

from dropin.runner import EXPECTED, comparable, program_names, run  # noqa: E402


def _diff(path: Path, ours: list[str], filtered: Any = None) -> list[str]:
    expected = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if filtered is not None:
        expected = filtered(expected, True)
    return list(difflib.unified_diff(expected, ours, f"Mastodon.py ({path.name})", "ours", lineterm=""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="interpreter with Mastodon.py 2.3.3 installed")
    parser.add_argument("--ours", action="store_true", help="run with this checkout's client and show differences")
    parser.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = parser.parse_args()
    names = args.names or program_names()
    failed = 0
    for name in names:
        if args.ours:
            done = run(sys.executable, name, str(ROOT))
        else:
            if not args.python:
                parser.error("--python is required unless --ours is given")
            check = subprocess.run(
                [args.python, "-c", "import importlib.metadata as m; print(m.version('Mastodon.py'))"],
                capture_output=True,
                text=True,
                check=False,
                env={"PATH": "/usr/bin:/bin"},
            )
            if check.returncode != 0 or not check.stdout.startswith("2.3."):
                parser.error(f"{args.python} has no Mastodon.py 2.3 installed ({check.stdout.strip() or 'none'})")
            done = run(args.python, name, None)
        if done.process.returncode != 0:
            failed += 1
            print(f"{name}: exit {done.process.returncode}\n{done.process.stderr}")
            continue
        printed, wire = EXPECTED / f"{name}.txt", EXPECTED / f"{name}.wire.txt"
        if args.ours:
            diff = list(_diff(printed, done.process.stdout.splitlines()))
            diff += _diff(wire, comparable(done.requests, False), comparable)
            print(f"{name}: {'same' if not diff else 'DIFFERENT'}")
            print("\n".join(diff))
            failed += bool(diff)
        else:
            printed.write_text(done.process.stdout, encoding="utf-8")
            wire.write_text("".join(line + "\n" for line in done.requests), encoding="utf-8")
            print(f"{name}: {len(done.process.stdout.splitlines())} lines, {len(done.requests)} requests recorded")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
