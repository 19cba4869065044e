"""Run one drop-in program against a fresh LocalInstance and return what it printed.

Used by ``tests/integration/test_dropin_programs.py`` (with our client) and by
``tools/record_dropin_outputs.py`` (with an interpreter that has Mastodon.py 2.3.3 installed, to record
the expected output). The server always runs in this process, from this checkout's ``mastodon.testing``;
the program runs in a child process whose ``import mastodon`` finds whichever client ``pythonpath`` names
(none: the child interpreter's own site-packages).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from mastodon.testing import LocalInstance

PROGRAMS = Path(__file__).resolve().parent / "programs"
EXPECTED = Path(__file__).resolve().parent / "expected"
USERS = ("alice", "bob", "carol")


def program_names() -> list[str]:
    """Every program (``programs/*.py`` except the shared ``_common.py``), sorted."""
    return sorted(p.stem for p in PROGRAMS.glob("*.py") if not p.name.startswith("_"))


def settings_of(name: str) -> dict[str, int]:
    """The instance settings a program asks for in a first line ``# local-instance: key=value ...``."""
    first = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8").splitlines()[0]
    if not first.startswith("# local-instance:"):
        return {}
    pairs = (item.split("=", 1) for item in first.split(":", 1)[1].split())
    return {key: int(value) for key, value in pairs}


def run(python: str, name: str, pythonpath: str | None) -> subprocess.CompletedProcess[str]:
    """Start a fresh instance, run ``programs/<name>.py`` with ``python``, return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MASTODON_"))}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    env["PYTHONHASHSEED"] = "0"
    settings = {"rate_limit": 1_000_000, "media_processing_polls": 0, **settings_of(name)}
    with LocalInstance(**settings) as inst:
        env["DROPIN_BASE_URL"] = inst.api_base_url
        env["DROPIN_TOKENS"] = json.dumps({user: inst.token(user) for user in USERS})
        return subprocess.run(
            [python, str(PROGRAMS / f"{name}.py")],
            env=env,
            cwd=str(PROGRAMS),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
