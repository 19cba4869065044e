"""No sentence in mastodon/ is Mastodon.py 2.3.3's: its prose literals are compared by fingerprint only.

``mastodonpy_literals.sha256`` holds sha256 fingerprints of Mastodon.py 2.3.3's normalised prose
literals (20+ characters, 3+ words), written by ``tools/literal_fingerprints.py record``; its text is
not in this repository and Mastodon.py is not read here.
"""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = runpy.run_path(str(ROOT / "tools" / "literal_fingerprints.py"))
KNOWN = set((Path(__file__).parent / "mastodonpy_literals.sha256").read_text(encoding="utf-8").split())


def test_the_fingerprint_file_is_a_list_of_sha256_digests() -> None:
    assert len(KNOWN) > 1000
    assert all(len(digest) == 64 and int(digest, 16) >= 0 for digest in KNOWN)


def test_no_prose_literal_of_ours_is_mastodon_pys() -> None:
    shared = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path, line, text in TOOL["literals"](ROOT / "mastodon")
        if TOOL["fingerprint"](text) in KNOWN
    ]
    assert shared == []


def test_the_comparison_finds_a_shared_sentence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('ERROR = f"the value {x} is not one we can send"\nSHORT = "two words"\n', encoding="utf-8")
    found = [text for _, _, text in TOOL["literals"](tmp_path)]
    assert found == ["the value {} is not one we can send"]
