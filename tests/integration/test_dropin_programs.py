"""Programs written for Mastodon.py 2.3 print what they printed under Mastodon.py 2.3.3, run on ours unchanged.

Each program in ``tests/dropin/programs`` is ordinary Mastodon.py code (a bot, an archiver, a notification
processor, error handling, streaming, the old import paths). ``tools/record_dropin_outputs.py`` ran each one
with Mastodon.py 2.3.3 against a fresh ``LocalInstance`` and stored what it printed in
``tests/dropin/expected``; here each runs with this checkout's client against a fresh instance, in a child
process, and must print the same lines. The few deliberate differences (docs/guides/migrating.rst) are kept
out of what the programs print, each with a comment saying so.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest
from dropin.runner import EXPECTED, program_names, run

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_every_program_has_a_recorded_output() -> None:
    names = program_names()
    assert names, "no drop-in programs found"
    assert sorted(p.stem for p in EXPECTED.glob("*.txt")) == names


@pytest.mark.parametrize("name", program_names())
def test_program_prints_what_it_printed_under_mastodon_py(name: str) -> None:
    done = run(sys.executable, name, str(ROOT))
    assert done.returncode == 0, f"{name} failed under our client:\n{done.stderr}"
    expected = (EXPECTED / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    printed = done.stdout.splitlines()
    diff = "\n".join(difflib.unified_diff(expected, printed, "Mastodon.py 2.3.3", "mastodon", lineterm=""))
    assert printed == expected, f"{name} printed something else than under Mastodon.py 2.3.3:\n{diff}"
