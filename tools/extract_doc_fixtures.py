"""Turn the example responses of the offline Mastodon API reference into fixture data for the tests.

Usage::

    python tools/extract_doc_fixtures.py [--docs ../shared/mastodon-api-docs] [--output tests/fixtures/api-docs]

The tests must pass from a clone of this repository alone, so they never read the reference; they read
what this tool writes: one JSON file per page of ``methods/`` and ``entities/``, at the page's own path
with ``.json`` for ``.md``, holding

- ``source``: the page it came from (relative to the reference) and the reference's commit;
- ``sections``: for every heading with an ``{#anchor}`` (key ``"#anchor"``) and, on pages without
  anchors, every heading's text (key ``"heading text"``), the JSON examples under each response status
  (``"200"``: [first block, second block, ...]) of that section;
- ``example``: on entity pages, the JSON blocks after ``## Example``;
- ``blocks``: on entity pages, every JSON block with the ``##`` section it sits in (``null``: the page's
  own entity; else the section's anchor, or the first word of its heading);
- ``listed_keys``: the keys of the ``- `key` = meaning`` lists of a page (the measures and dimensions an
  admin endpoint accepts), in order;
- ``events``: on the streaming page, the text event examples of every ``##`` section, by anchor.

The documentation abridges its JSON (``// ...`` comments, ``...`` lines, trailing commas); this tool
reads that form. Known mistakes in the examples are mended here, in ``EXAMPLE_FIXES``, and the tool
fails if the mistake is gone upstream (so the fix is dropped, not left to rot).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent / "shared" / "mastodon-api-docs"
DEFAULT_OUTPUT = REPO / "tests" / "fixtures" / "api-docs"

# Mistakes in the documentation's examples: page -> (wrong text, right text).
EXAMPLE_FIXES = {
    # The "collections" array is closed with "}" in the Collections example.
    "entities/Collection.md": ("    },\n    // ...\n  }\n}", "    },\n    // ...\n  ]\n}"),
}

HEADING = re.compile(r"^(#{2,}) (.*?)\s*$", re.M)
STATUS_HEADING = re.compile(r"^##### (\d+)\b.*$", re.M)
JSON_BLOCK = re.compile(r"```json\n(.*?)```", re.S)
TEXT_BLOCK = re.compile(r"```text\n(.*?)```", re.S)
ANCHOR = re.compile(r"\{#([^}]+)\}")
UNREADABLE = "$unreadable"  # the key of the stand-in for a block that is not JSON


def parse_abridged_json(text: str) -> Any:
    """JSON as the docs abridge it: ``// ...`` and ``/* */`` comments, ``...`` lines and elements, trailing commas."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r'([\]}",\de])[ \t]*//[^\n"]*$', r"\1", text, flags=re.M)  # a comment after a value
    text = re.sub(r"^\s*\.\.\.,?\s*$", "", text, flags=re.M)
    text = re.sub(r",\s*\.\.\.(?=\s*[,\]])", "", text)  # an elided run of array elements: ["a", ..., "z"]
    text = re.sub(r"\[\s*\.\.\.\s*\]", "[]", text)  # a wholly elided array: [...]
    text = re.sub(r",(\s*[\]}])", r"\1", text)
    return json.loads(text)


def section_text(text: str, start: re.Match[str]) -> str:
    """From the end of heading ``start`` to the next heading of its own level or above (``##`` at the most)."""
    rest = text[start.end() :]
    following = re.search(r"^#{2," + str(len(start.group(1))) + "} ", rest, re.M)
    return rest[: following.start()] if following else rest


def read_block(text: str) -> Any:
    """A block's JSON, or ``{UNREADABLE: reason}`` for one that is not JSON even abridged (an empty block)."""
    try:
        return parse_abridged_json(text)
    except ValueError as error:
        return {UNREADABLE: f"not JSON: {error}"}


def examples_by_status(section: str) -> dict[str, list[Any]]:
    """The JSON blocks under the first ``##### <status>`` heading of each status in a section."""
    found: dict[str, list[Any]] = {}
    for match in STATUS_HEADING.finditer(section):
        status = match.group(1)
        if status in found:
            continue
        body = section[match.end() :]
        end = re.search(r"^##### ", body, re.M)
        body = body[: end.start()] if end else body
        found[status] = [read_block(block) for block in JSON_BLOCK.findall(body)]
    return {status: blocks for status, blocks in found.items() if blocks}


def entity_blocks(text: str) -> list[dict[str, Any]]:
    """Every JSON block of an entity page with the entity it describes (its ``##`` section)."""
    starts: list[tuple[int, str | None]] = [(0, None)]
    for match in re.finditer(r"^## (.*)$", text, re.M):
        heading = match.group(1)
        if heading.lower().startswith(("example", "attributes", "see also")):
            starts.append((match.start(), None))
            continue
        anchor = ANCHOR.search(heading)
        starts.append((match.start(), anchor.group(1) if anchor else heading.split()[0]))
    blocks = []
    for block in JSON_BLOCK.finditer(text):
        section = [name for start, name in starts if start <= block.start()][-1]
        blocks.append({"section": section, "json": read_block(block.group(1))})
    return blocks


def page_fixture(docs: Path, path: Path, commit: str) -> dict[str, Any]:
    page = path.relative_to(docs).as_posix()
    text = path.read_text(encoding="utf-8")
    if page in EXAMPLE_FIXES:
        wrong, right = EXAMPLE_FIXES[page]
        if wrong not in text:
            raise SystemExit(f"the example of {page} was mended upstream: drop EXAMPLE_FIXES[{page!r}]")
        text = text.replace(wrong, right)
    headings = list(HEADING.finditer(text))
    has_anchors = any(ANCHOR.search(h.group(2)) for h in headings)
    sections: dict[str, dict[str, list[Any]]] = {}
    for heading in headings:
        anchor = ANCHOR.search(heading.group(2))
        if anchor:
            key = "#" + anchor.group(1)
        elif not has_anchors and not STATUS_HEADING.match(heading.group(0)):
            key = heading.group(2)
        else:
            continue
        found = examples_by_status(section_text(text, heading))
        if found and key not in sections:
            sections[key] = found
    fixture: dict[str, Any] = {"source": {"page": page, "reference": commit}, "sections": sections}
    if page.startswith("entities/"):
        if "## Example" in text:
            fixture["example"] = [read_block(b) for b in JSON_BLOCK.findall(text[text.index("## Example") :])]
        fixture["blocks"] = entity_blocks(text)
    listed = re.findall(r"^- `(\w+)` = ", text, re.M)
    if listed:
        fixture["listed_keys"] = listed
    events = {}
    for heading in re.finditer(r"^(##) .*\{#([^}]+)\}\s*$", text, re.M):
        blocks = TEXT_BLOCK.findall(section_text(text, heading))
        if blocks:
            events[heading.group(2)] = blocks
    if events and page == "methods/streaming.md":
        fixture["events"] = events
    return fixture


def reference_commit(docs: Path) -> str:
    readme = (docs / "README.md").read_text(encoding="utf-8") if (docs / "README.md").exists() else ""
    found = re.search(r"commit ([0-9a-f]{7,40})", readme)
    return found.group(1) if found else "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    docs: Path = args.docs.resolve()
    if not docs.is_dir():
        print(f"no API reference at {docs}; pass --docs", file=sys.stderr)
        return 2
    commit = reference_commit(docs)
    written = 0
    for folder in ("methods", "entities"):
        for path in sorted((docs / folder).rglob("*.md")):
            fixture = page_fixture(docs, path, commit)
            if fixture.keys() == {"source", "sections"} and not fixture["sections"]:
                continue
            target = args.output / path.relative_to(docs).with_suffix(".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(fixture, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
            written += 1
    print(f"wrote {written} fixture files under {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
