"""Programs written for Mastodon.py 2.3 print what they printed under Mastodon.py 2.3.3, run on ours unchanged.

Each program in ``tests/dropin/programs`` is ordinary Mastodon.py code (a bot, an archiver, a notification
processor, error handling, streaming, the old import paths, credentials, replies, a toolkit).
``tools/record_dropin_outputs.py`` ran each one with Mastodon.py 2.3.3 against a fresh ``LocalInstance`` and
stored what it printed and the requests the server received in ``tests/dropin/expected``; here each runs
with this checkout's client against a fresh instance, in a child process, and must print the same lines and
send the same requests. The few deliberate differences (docs/guides/migrating.rst) are kept out of what the
programs print, each with a comment saying so, and out of the request comparison by
``dropin.runner.comparable``, each named there.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest
from dropin.runner import EXPECTED, comparable, program_names, run

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_every_program_has_a_recorded_output() -> None:
    names = program_names()
    assert names, "no drop-in programs found"
    assert sorted(p.name.split(".")[0] for p in EXPECTED.glob("*.txt") if not p.name.endswith(".wire.txt")) == names
    assert sorted(p.name.split(".")[0] for p in EXPECTED.glob("*.wire.txt")) == names


@pytest.mark.parametrize("name", program_names())
def test_program_prints_what_it_printed_under_mastodon_py(name: str) -> None:
    done = run(sys.executable, name, str(ROOT))
    assert done.process.returncode == 0, f"{name} failed under our client:\n{done.process.stderr}"
    expected = (EXPECTED / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    printed = done.process.stdout.splitlines()
    diff = "\n".join(difflib.unified_diff(expected, printed, "Mastodon.py 2.3.3", "mastodon", lineterm=""))
    assert printed == expected, f"{name} printed something else than under Mastodon.py 2.3.3:\n{diff}"

    sent_by_them = comparable((EXPECTED / f"{name}.wire.txt").read_text(encoding="utf-8").splitlines(), True)
    sent_by_us = comparable(done.requests, False)
    diff = "\n".join(difflib.unified_diff(sent_by_them, sent_by_us, "Mastodon.py 2.3.3", "mastodon", lineterm=""))
    assert sent_by_us == sent_by_them, f"{name} sent other requests than under Mastodon.py 2.3.3:\n{diff}"
