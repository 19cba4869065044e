"""Record what the drop-in programs print under Mastodon.py, as the expected output of our test.

Run from the repository root with this project's interpreter, naming one that has Mastodon.py 2.3.3
installed (and not this package)::

    python tools/record_dropin_outputs.py --python /path/to/mpy/bin/python [NAME ...]

Each program in ``tests/dropin/programs`` runs against a fresh ``mastodon.testing.LocalInstance`` (served
from this checkout); its standard output is written to ``tests/dropin/expected/<name>.txt``.
``tests/integration/test_dropin_programs.py`` runs the same programs with our client and compares.
With ``--ours`` the programs run with this checkout's client instead and differences are printed.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout's mastodon.testing serves

from dropin.runner import EXPECTED, program_names, run  # noqa: E402


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
            if check.returncode != 0:
                parser.error(f"{args.python} has no Mastodon.py installed")
            done = run(args.python, name, None)
        if done.returncode != 0:
            failed += 1
            print(f"{name}: exit {done.returncode}\n{done.stderr}")
            continue
        target = EXPECTED / f"{name}.txt"
        if args.ours:
            expected = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
            diff = list(difflib.unified_diff(expected, done.stdout.splitlines(), "mastodon.py", "ours", lineterm=""))
            print(f"{name}: {'same' if not diff else 'DIFFERENT'}")
            print("\n".join(diff))
            failed += bool(diff)
        else:
            target.write_text(done.stdout, encoding="utf-8")
            print(f"{name}: {len(done.stdout.splitlines())} lines written to {target.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
