"""Record the cassettes of tests/recorded by running its scenarios against a local instance.

``python tools/record_cassettes.py`` starts :class:`mastodon.testing.LocalInstance`, runs every
scenario over real HTTP on 127.0.0.1 with vcrpy recording, and writes ``cassettes/recorded/<name>.yaml``
with tokens and secrets filtered out. Re-run it when a scenario changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "recorded"))

from scenarios import SCENARIOS, prepare  # noqa: E402
from vcr_config import CASSETTES, make_vcr  # noqa: E402

from mastodon.testing import LocalInstance  # noqa: E402


def main() -> int:
    CASSETTES.mkdir(parents=True, exist_ok=True)
    recorder = make_vcr("all")
    for name, scenario in SCENARIOS.items():
        (CASSETTES / f"{name}.yaml").unlink(missing_ok=True)  # "all" would add to an old cassette
        with LocalInstance() as instance:
            prepare(instance, name)
            api = instance.client("alice")
            with recorder.use_cassette(f"{name}.yaml"):
                scenario(api)
        print(f"recorded {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
