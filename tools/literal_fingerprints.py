"""Fingerprints of the prose string literals of a Python source tree, to keep our wording our own.

Record the fingerprints of another project's literals (only hashes are written, never its text)::

    python tools/literal_fingerprints.py record /path/to/site-packages/mastodon > tests/meta/mastodonpy_literals.sha256

List our literals whose fingerprint is in such a file (file, line and text)::

    python tools/literal_fingerprints.py check mastodon tests/meta/mastodonpy_literals.sha256

A literal counts when, normalised, it is at least 20 characters long and has at least three words:
an f-string's replacement fields become ``{}``, whitespace runs become one space, the ends are stripped.
Paths, URLs, scope names and other single-word facts are thereby left out.
"""

from __future__ import annotations

import ast
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

MIN_LENGTH = 20
MIN_WORDS = 3


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            else:
                parts.append("{}")
        return "".join(parts)
    return None


def normalise(text: str) -> str | None:
    """The form literals are compared in, or None for a literal too short or too few words to count."""
    flat = " ".join(text.split())
    if len(flat) < MIN_LENGTH or len(flat.split(" ")) < MIN_WORDS:
        return None
    return flat


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def literals(root: Path) -> Iterator[tuple[Path, int, str]]:
    """(file, line, normalised text) of every counting literal under ``root``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        inside_fstring: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                inside_fstring.update(id(part) for part in node.values)
        for node in ast.walk(tree):
            if id(node) in inside_fstring:
                continue
            text = _text(node)
            flat = normalise(text) if text is not None else None
            if flat is not None:
                yield path, getattr(node, "lineno", 0), flat


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "record":
        for digest in sorted({fingerprint(text) for _, _, text in literals(Path(argv[1]))}):
            print(digest)
        return 0
    if len(argv) == 3 and argv[0] == "check":
        known = set(Path(argv[2]).read_text(encoding="utf-8").split())
        found = [(path, line, text) for path, line, text in literals(Path(argv[1])) if fingerprint(text) in known]
        for path, line, text in found:
            print(f"{path}:{line}: {text}")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
