"""The example responses of the Mastodon API reference, as committed fixture data.

``tools/extract_doc_fixtures.py`` writes ``tests/fixtures/api-docs/<folder>/<page>.json`` from the offline
reference; the tests read only those files, so a clone of the repository passes on its own.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api-docs"
UNREADABLE = "$unreadable"


@cache
def page_fixture(page: str) -> dict[str, Any]:
    """The fixture of a reference page, named as in the reference (``"methods/statuses.md"``)."""
    path = FIXTURES / Path(page).with_suffix(".json")
    if not path.exists():
        raise LookupError(f"no fixture for {page}: run tools/extract_doc_fixtures.py, or check the page name")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _readable(value: Any, where: str) -> Any:
    if isinstance(value, dict) and UNREADABLE in value:
        raise LookupError(f"{where} is {value[UNREADABLE]}")
    # a fresh copy each time, so a test that changes its example does not change another test's
    return json.loads(json.dumps(value))


def docs_example(
    page: str, anchor: str | None = None, status: int = 200, index: int = 0, *, heading: str | None = None
) -> Any:
    """The ``index``-th JSON example under ``##### <status>`` in section ``{#anchor}`` of a reference page.

    ``page`` is relative to the reference, e.g. ``"methods/statuses.md"`` or ``"entities/Status.md"``
    (entity pages have their example under ``## Example``: pass no anchor). For a page without anchors
    (profile.md), pass the section's ``heading`` text instead.
    """
    fixture = page_fixture(page)
    if anchor is None and heading is None:
        blocks = fixture.get("example", [])
        where = f"{page} ## Example"
    else:
        key = "#" + anchor if heading is None else heading
        where = f"{page} {{#{anchor}}}" if heading is None else f"{page} {heading!r}"
        if key not in fixture["sections"]:
            raise LookupError(f"{where}: no such section with examples")
        by_status = fixture["sections"][key]
        if str(status) not in by_status:
            raise LookupError(f"{where} has no {status} response")
        blocks = by_status[str(status)]
    if len(blocks) <= index:
        raise LookupError(f"{where} has no JSON example {index} for {status}")
    return _readable(blocks[index], f"{where} example {index}")


def entity_blocks(entity: str) -> list[tuple[str | None, Any]]:
    """Every JSON block of ``entities/<entity>.md`` as (section, value): ``None`` is the page's own entity."""
    fixture = page_fixture(f"entities/{entity}.md")
    return [(b["section"], _readable(b["json"], f"entities/{entity}.md")) for b in fixture["blocks"]]


def entity_pages() -> list[str]:
    """The names of the entity pages that have fixtures (``"Account"``, ``"Admin_Account"`` ...)."""
    return sorted(path.stem for path in (FIXTURES / "entities").glob("*.json"))


def streaming_events(anchor: str) -> list[str]:
    """The text event examples of the ``{#anchor}`` section of the streaming page."""
    events: list[str] = page_fixture("methods/streaming.md")["events"][anchor]
    return list(events)


def listed_keys(page: str) -> list[str]:
    """The keys of the ``- `key` = meaning`` lists of a reference page, in order."""
    keys: list[str] = page_fixture(page).get("listed_keys", [])
    return list(keys)


# Which class an example belongs to: (page, section anchor or None) -> class name. Pages not listed
# here map to the page name, with "Admin_" turned into "Admin".
EXAMPLE_CLASSES: dict[tuple[str, str | None], str] = {
    ("V1_Instance", None): "Instance",
    ("Instance", None): "InstanceV2",
    ("V1_Filter", None): "Filter",
    ("Filter", None): "FilterV2",
    ("List", None): "UserList",
    ("Search", None): "SearchV2",
    ("V1_NotificationPolicy", None): "NotificationPolicyV1",
    ("Admin_Cohort", None): "AdminRetention",
    ("Account", "CredentialAccount"): "CredentialAccount",
    ("Account", "MutedAccount"): "MutedAccount",
    ("Account", "PartialAccountWithAvatar"): "PartialAccountWithAvatar",
    ("Account", "AccountRole"): "AccountRole",
    ("Account", "Field"): "AccountField",
    ("Admin_Cohort", "CohortData"): "AdminCohort",
    ("Admin_Dimension", "Data"): "AdminDimensionData",
    ("AnnualReport", "WrappedAnnualReports"): "WrappedAnnualReports",
    ("Application", "CredentialApplication"): "CredentialApplication",
    ("Collection", "WrappedCollection"): "WrappedCollection",
    ("Collection", "Collections"): "Collections",
    ("CollectionItem", "WrappedCollectionItem"): "WrappedCollectionItem",
    ("PreviewCard", "trends-link"): "TrendsLink",
    ("Tag", "admin"): "AdminTag",
}


def class_for(page: str, anchor: str | None) -> str:
    if (page, anchor) in EXAMPLE_CLASSES:
        return EXAMPLE_CLASSES[(page, anchor)]
    assert anchor is None, f"no class listed for the example in section {anchor!r} of {page}"
    return page.replace("Admin_", "Admin")


def entity_examples() -> list[tuple[str, Any, str]]:
    """Every example object of the entity pages: (class name in mastodon.return_types, decoded JSON, where)."""
    examples = []
    for page in entity_pages():
        for number, (anchor, data) in enumerate(entity_blocks(page)):
            items = data if isinstance(data, list) else [data]
            for index, item in enumerate(items):
                examples.append((class_for(page, anchor), item, f"{page}-{anchor or 'main'}-{number}-{index}"))
    return examples
