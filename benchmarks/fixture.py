"""Realistic fixture data built from the Mastodon docs' entity examples.

Statuses carry a nested account (with fields and emojis), media attachments, mentions, tags, custom
emojis, a preview card and, for some, a poll: the shapes of ``entities/*.md`` in the offline docs.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

# The docs' examples as committed fixture data (tools/extract_doc_fixtures.py writes them from the reference).
DOC_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "api-docs"
FIRST_ID = 110_000_000_000_000_000


def entity_example(name: str) -> Any:
    """The ``## Example`` JSON of ``entities/<name>.md``."""
    fixture = json.loads((DOC_FIXTURES / "entities" / f"{name}.json").read_text(encoding="utf-8"))
    return fixture["example"][0]


class Fixture:
    """Generates statuses and streaming events with distinct ids from the docs' examples."""

    def __init__(self) -> None:
        self.status = entity_example("Status")
        self.account = self.status["account"]
        self.media = entity_example("MediaAttachment")
        self.poll = entity_example("Poll")
        self.emoji = entity_example("CustomEmoji")
        self.tag = {"name": "fediverse", "url": "https://mastodon.example/tags/fediverse"}
        self.mention = {"id": "2", "username": "alice", "url": "https://mastodon.example/@alice", "acct": "alice"}

    def make_status(self, number: int) -> dict[str, Any]:
        """Status ``number`` (0 is the newest), with every nested kind present."""
        status: dict[str, Any] = copy.deepcopy(self.status)
        status_id = str(FIRST_ID - number * 65536)
        status["id"] = status_id
        status["uri"] = f"https://mastodon.example/users/Gargron/statuses/{status_id}"
        status["url"] = f"https://mastodon.example/@Gargron/{status_id}"
        status["account"]["emojis"] = [self.emoji]
        media = copy.deepcopy(self.media)
        media["id"] = str(int(status_id) + 1)
        status["media_attachments"] = [media]
        status["mentions"] = [self.mention]
        status["tags"] = [self.tag]
        status["emojis"] = [self.emoji]
        status["poll"] = copy.deepcopy(self.poll) if number % 4 == 0 else None
        return status

    def statuses(self, count: int) -> list[dict[str, Any]]:
        return [self.make_status(number) for number in range(count)]
