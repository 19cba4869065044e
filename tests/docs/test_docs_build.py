"""The documentation builds with warnings as errors, and its reference covers every API area."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def test_every_api_area_has_a_reference_page() -> None:
    pages = {path.stem for path in (DOCS / "reference").glob("*.rst")}
    index = (DOCS / "reference" / "index.rst").read_text(encoding="utf-8")
    for module in sorted((ROOT / "mastodon" / "endpoints").glob("*.py")):
        if module.name == "__init__.py":
            continue
        page = "streaming" if module.stem == "streaming_endpoints" else module.stem
        assert page in pages, f"docs/reference/{page}.rst is missing for {module.name}"
        text = (DOCS / "reference" / f"{page}.rst").read_text(encoding="utf-8")
        assert f"mastodon.endpoints.{module.stem}" in text
        assert f"\n   {page}\n" in index, f"docs/reference/index.rst does not list {page}"


def test_every_guide_is_in_the_table_of_contents() -> None:
    index = (DOCS / "index.rst").read_text(encoding="utf-8")
    for guide in sorted((DOCS / "guides").glob("*.rst")):
        assert f"guides/{guide.stem}" in index, guide.name


def test_sphinx_build_passes_with_warnings_as_errors(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "-d",
        str(tmp_path / "doctrees"),
    ]
    result = subprocess.run(
        [*command, str(DOCS), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    html = tmp_path / "html"
    assert (html / "index.html").exists()
    statuses = (html / "reference" / "statuses.html").read_text(encoding="utf-8")
    assert "status_post" in statuses and "Since Mastodon " in statuses
    # methods are shown as the client's (what users call), with every parameter described
    assert 'id="mastodon.Mastodon.status_post"' in statuses and "StatusesMixin" not in statuses
    assert "spoiler_text</strong></span>" in statuses or "<strong>spoiler_text</strong>" in statuses
    entities = (html / "reference" / "entities.html").read_text(encoding="utf-8")
    assert "GENERATED FILE" not in entities
    entities = (html / "reference" / "entities.html").read_text(encoding="utf-8")
    assert "mastodon.return_types.Status.account" in entities
    errors = (html / "reference" / "errors.html").read_text(encoding="utf-8")
    assert "MastodonRatelimitError" in errors
