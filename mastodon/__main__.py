"""``python -m mastodon``: the command line (see :mod:`mastodon.cli`)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
