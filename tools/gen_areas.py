"""Write ``mastodon/_areas.py``: which endpoint module defines each member of :class:`mastodon.Mastodon`.

``python tools/gen_areas.py`` imports every ``mastodon/endpoints/*.py`` mixin and records its members,
so that ``mastodon.client`` can import an area only when one of its methods is first used (a cron job
that posts one status does not pay for the import of forty API areas). ``tests/meta`` checks that
the committed table matches the mixins; re-run this after adding or renaming a method.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "mastodon" / "_areas.py"


def collect() -> tuple[dict[str, str], dict[str, str]]:
    """(module -> mixin class name, member name -> module), refusing a member defined twice."""
    sys.path.insert(0, str(ROOT))
    import mastodon.endpoints
    from mastodon._core import Core

    areas: dict[str, str] = {}
    members: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(mastodon.endpoints.__path__), key=lambda found: found.name):
        module = importlib.import_module(f"mastodon.endpoints.{info.name}")
        mixins = [
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Core) and value is not Core
            and value.__module__ == module.__name__
        ]  # fmt: skip
        if len(mixins) != 1:
            raise SystemExit(f"mastodon/endpoints/{info.name}.py must define exactly one mixin, has {len(mixins)}")
        areas[info.name] = mixins[0].__name__
        for name in vars(mixins[0]):
            if name.startswith("__") and name.endswith("__"):
                continue
            if name in members:
                raise SystemExit(f"{name} is defined in both {members[name]} and {info.name}")
            members[name] = info.name
    return areas, members


def render(areas: dict[str, str], members: dict[str, str]) -> str:
    lines = [
        '"""Which endpoint module defines each member of ``Mastodon`` (generated: python tools/gen_areas.py)."""',
        "",
        "AREAS: dict[str, str] = {",
        *(f'    "{module}": "{mixin}",' for module, mixin in areas.items()),
        "}",
        '"""Endpoint module (``mastodon.endpoints.<name>``) -> the mixin class it defines."""',
        "",
        "MEMBERS: dict[str, str] = {",
        *(f'    "{name}": "{module}",' for name, module in sorted(members.items())),
        "}",
        '"""Member name -> the endpoint module whose mixin defines it."""',
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    TARGET.write_text(render(*collect()), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
