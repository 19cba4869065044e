"""Pagination over real HTTP against a LocalInstance: stored page infos, long walks, both directions.

The server paginates timelines with ``Link`` headers as https://docs.joinmastodon.org/api/guidelines/#pagination
describes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mastodon import Mastodon
from mastodon.return_types import Status
from mastodon.testing import LocalInstance
from mastodon.types_base import PaginatableList

pytestmark = pytest.mark.integration

TOTAL = 230


@pytest.fixture(scope="module")
def instance() -> Iterator[LocalInstance]:
    """One instance for the module, with TOTAL public statuses by bob (oldest first)."""
    with LocalInstance(rate_limit=1_000_000) as inst:
        bob = inst.client("bob")
        inst.posted = [bob.status_post(f"status {i}").id for i in range(TOTAL)]  # type: ignore[attr-defined]
        bob.close()
        yield inst


@pytest.fixture
def posted(instance: LocalInstance) -> list[str]:
    return list(instance.posted)  # type: ignore[attr-defined]


def test_a_cron_job_resumes_from_a_stored_page_info(instance: LocalInstance, posted: list[str], tmp_path: Path) -> None:
    """Run 1 reads two pages and stores where it stopped; run 2 (a new client) resumes there, refetching nothing."""
    state = tmp_path / "state.json"
    with instance.client("alice") as run1:
        first = run1.account_statuses(instance.account_id("bob"), limit=20)
        second = run1.fetch_next(first)
        assert second is not None
        seen = [s.id for s in first] + [s.id for s in second]
        state.write_text(json.dumps(run1.get_pagination_info(second, "next")), encoding="utf-8")
    instance.clear_requests()
    with instance.client("alice") as run2:
        stored = json.loads(state.read_text(encoding="utf-8"))
        rest = list(run2.pagination_iterator(stored))
    assert all(type(s) is Status for s in rest)
    seen += [s.id for s in rest]
    assert seen == list(reversed(posted))  # every status once, newest first
    first_request = instance.requests[0]
    assert first_request.query.get("max_id") == [str(second[-1].id)]


def test_walking_a_long_timeline_loses_and_doubles_nothing(instance: LocalInstance, posted: list[str]) -> None:
    with instance.client("alice") as api:
        progress: list[tuple[int, int]] = []
        walked = [
            s.id
            for s in api.pagination_iterator(
                api.timeline_public(limit=40), progress=lambda p, i: progress.append((p, i))
            )
        ]
        assert walked[: len(posted)] == list(reversed(posted)) or set(posted) <= set(walked)
        assert len(walked) == len(set(walked))
        assert progress[-1][1] == len(walked) and progress[-1][0] == len(progress)
        limited = api.fetch_remaining(api.timeline_public(limit=40), limit=100)
        assert isinstance(limited, PaginatableList) and [s.id for s in limited] == walked[:100]


def test_walking_backwards_from_the_oldest(instance: LocalInstance, posted: list[str]) -> None:
    with instance.client("alice") as api:
        oldest = api.account_statuses(instance.account_id("bob"), min_id=0, limit=40)
        ids: list[str] = []
        for page in api.pagination_page_iterator(oldest, direction="previous"):
            ids.extend(sorted((s.id for s in page), key=int))
        assert ids == posted


def test_pages_keep_their_entity_class_through_a_stored_info(instance: LocalInstance) -> None:
    api: Mastodon
    with instance.client("alice") as api:
        page = api.timeline_public(limit=5)
        info = json.loads(json.dumps(page._pagination_next))
        following = api.fetch_next(info)
        assert following is not None and len(following) == 5 and all(type(s) is Status for s in following)
        back = api.fetch_previous(json.loads(json.dumps(following._pagination_prev)))
        assert back is not None and [s.id for s in back] == [s.id for s in page]
