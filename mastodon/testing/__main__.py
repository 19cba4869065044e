"""``python -m mastodon.testing --port N [--seed FILE] [--save FILE] [--flavour NAME]``: serve in the foreground."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from mastodon.testing._core import FLAVOURS
from mastodon.testing.server import LocalInstance
from mastodon.testing.state import DEFAULT_USERS


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Run a local instance until Ctrl-C or SIGTERM; print the base URL and the users' tokens."""
    parser = argparse.ArgumentParser(prog="python -m mastodon.testing", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--seed", help="load the state from this JSON file")
    parser.add_argument("--save", help="write the state to this JSON file on exit")
    parser.add_argument("--flavour", default="mastodon", choices=sorted(FLAVOURS))
    args = parser.parse_args(argv)

    inst = LocalInstance(flavour=args.flavour, seed=args.seed, port=args.port)
    done = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with inst:
        _say(f"Mastodon-compatible test instance at {inst.api_base_url} ({inst.flavour.version})")
        for name in DEFAULT_USERS:
            try:
                _say(f"  {name}: access token {inst.token(name)}  password {inst.password(name)}")
            except KeyError:
                continue
        _say("Ctrl-C to stop.")
        while not done.wait(0.5):
            pass
        if args.save:
            inst.save(args.save)
            _say(f"state saved to {args.save}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
