"""Write ``mastodon/_prebuilt_converters.py``: the straight-line converters of the busiest entity classes.

``python tools/gen_converters.py`` generates, for each class of ``HOT`` (from ``mastodon/return_types.py``),
the source :func:`mastodon.types_base._converter_source` makes for it, and writes it
out as a factory taking the names that source uses. A process then imports these (a byte-compiled
module) instead of compiling the source itself when a class reaches its compiled tier, which saves
about 2 ms for Status alone on the first page a process converts.

Each factory is filed under the class's name and a checksum of the source it was made from; the
runtime uses it only when the source it generates now has the same checksum, so a file older than
the classes is slower, never wrong. ``tests/meta`` checks that the committed file is current: re-run
this after changing an entity class or the converter generator. ``--check`` exits 1 if it is not.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "mastodon" / "_prebuilt_converters.py"

# The classes a process converts by the page or the stream (so that it reaches their compiled tier),
# with the nested ones they convert through their own converter rather than written out in place.
# Not all 106 classes with fields to convert: importing the byte-compiled module costs about 0.15 ms
# per 1,000 lines, and where no byte-code can be cached (PYTHONDONTWRITEBYTECODE, a read-only
# install without it) the runtime compiles its own instead of the whole file.
HOT = ("Account", "Conversation", "MediaAttachment", "Notification", "NotificationGroup", "Status", "StatusEdit", "Tag")

HEADER = '''"""The entity converters of ``mastodon.return_types``, compiled ahead (see ``tools/gen_converters.py``).

Generated file: do not edit. ``types_base._compile_converter`` takes a factory from ``FACTORIES`` when
the source it generates for a class has the checksum the factory is filed under.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
'''


def render() -> str:
    """The module's text for the entity classes as they are defined now."""
    sys.path.insert(0, str(ROOT))
    from mastodon import return_types, types_base

    factories: list[str] = []
    entries: list[str] = []
    for name in HOT:
        cls = getattr(return_types, name)
        table = types_base._prepare(cls)
        if not table:
            raise SystemExit(f"{name} has no field to convert: take it out of HOT")
        source, namespace = types_base._converter_source(cls, table)
        lines = source.split("\n")
        if lines[0] != "def convert(data):":
            raise SystemExit(f"unexpected converter source for {cls.__qualname__}: {lines[0]!r}")
        function = "_make_" + cls.__qualname__.replace(".", "_")
        names = ", ".join(f"{name}: Any" for name in sorted(namespace))
        factories.append(
            "\n".join(
                [
                    "",
                    "",
                    f"def {function}(*, {names}) -> Callable[[Any], Any]:",
                    "    def convert(data: Any) -> Any:",
                    *("    " + line for line in lines[1:]),
                    "",
                    "    return convert",
                ]
            )
        )
        checksum = zlib.crc32(source.encode())
        entries.append(f"    ({cls.__qualname__!r}, {checksum}, {len(source)}): {function},")
    table_text = "\n".join(
        ["", "", "FACTORIES: dict[tuple[str, int, int], Callable[..., Callable[[Any], Any]]] = {", *entries, "}"]
    )
    return HEADER + "".join(factories) + table_text + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python tools/gen_converters.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({text.count('def _make_')} converters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
