"""A user's script, as a type checker sees it: ``mypy --strict`` must pass with every ``assert_type``.

It is also run against the local instance (``test_user_script.py``), so the types it asserts are the
types the calls return. It exercises the README example, posting (plain, scheduled, replies, polls),
timelines, notifications, pagination (pages, stored page infos, iterators) and streaming.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
from collections.abc import Iterator

from mastodon import Mastodon
from mastodon.return_types import (
    Account,
    Instance,
    InstanceV2,
    Notification,
    ScheduledStatus,
    Status,
)
from mastodon.streaming import StreamListener
from mastodon.types_base import PaginatableList, PaginationInfo

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # Python 3.10: typing_extensions comes with mypy
    from typing_extensions import assert_type

SHOWN: list[tuple[object, ...]] = []


def show(*values: object) -> None:
    """Where the README example prints; kept here so the test run stays quiet."""
    SHOWN.append(values)


def readme_example(api: Mastodon) -> Status:
    status = api.status_post("Hello from a bot", visibility="unlisted")
    assert_type(status, Status)
    show(status.url, status.account.acct)
    for post in api.pagination_iterator(api.timeline_home(limit=40)):
        assert_type(post, Status)
        show(post.created_at, post.content)
    return status


def posting(api: Mastodon, first: Status) -> None:
    assert_type(api.toot("A toot"), Status)
    reply = api.status_reply(first, "A reply", visibility="public")
    assert_type(reply, Status)
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
    scheduled = api.status_post("Later", scheduled_at=later)
    assert_type(scheduled, ScheduledStatus)
    assert_type(scheduled.scheduled_at, dt.datetime)
    scheduled_reply = api.status_reply(first, "Later too", scheduled_at=later)
    assert_type(scheduled_reply, ScheduledStatus)
    maybe_later: dt.datetime | None = None
    either = api.status_post("Now or later", scheduled_at=maybe_later)
    assert_type(either, Status | ScheduledStatus)
    poll = api.make_poll(["yes", "no"], expires_in=3600)
    with_poll = api.status_post("A question", poll=poll, visibility="private")
    assert_type(with_poll, Status)
    assert with_poll.poll is not None
    show(with_poll.poll.options[0].title)


def timelines(api: Mastodon) -> None:
    assert_type(api.timeline_home(limit=5), PaginatableList[Status])
    assert_type(api.timeline_local(), PaginatableList[Status])
    assert_type(api.timeline_hashtag("cats"), PaginatableList[Status])
    for status in api.timeline("public", limit=3):
        assert_type(status, Status)
        assert_type(status.account, Account)
        show(status.id, status.reblog.id if status.reblog else None)


def notifications(api: Mastodon) -> None:
    page = api.notifications(limit=10, types=["mention", "follow"])
    assert_type(page, PaginatableList[Notification])
    for notification in page:
        assert_type(notification, Notification)
        show(notification.type, notification.account.acct)
    if page:
        one = api.notifications(id=page[0].id)
        assert_type(one, Notification)
        assert_type(api.notifications(page[0]), Notification)
        assert_type(api.notifications()[0], Notification)


def pagination(api: Mastodon) -> None:
    first = api.timeline_home(limit=2)
    following = api.fetch_next(first)
    assert_type(following, PaginatableList[Status] | None)
    if following is not None:
        assert_type(api.fetch_previous(following), PaginatableList[Status] | None)
    assert_type(api.fetch_remaining(first, limit=10), PaginatableList[Status])
    pages = api.pagination_page_iterator(first)
    assert_type(pages, Iterator[PaginatableList[Status]])
    with_info = api.pagination_iterator(first, return_pagination_info=True)
    assert_type(with_info, Iterator[tuple[Status, PaginationInfo | None]])
    for status, info in with_info:
        show(status.id, json.dumps(info))
    stored = api.get_pagination_info(first, "next")
    if stored is not None:
        saved = json.loads(json.dumps(stored))
        resumed = api.fetch_next(saved)  # a page info read back from a file: its item type is unknown
        show(len(resumed or []))


def instance_info(api: Mastodon) -> None:
    info = api.instance()
    assert_type(info, InstanceV2 | Instance)
    if isinstance(info, InstanceV2):
        show(info.domain, info.configuration.statuses.max_characters)
    else:
        show(info.uri)
    assert_type(api.instance_v2(), InstanceV2)


def streaming(api: Mastodon) -> list[Status]:
    received: list[Status] = []
    arrived = threading.Event()

    class Collect(StreamListener):
        def on_update(self, status: Status) -> None:
            received.append(status)
            arrived.set()

    handle = api.stream_user(Collect(), run_async=True)
    assert handle is not None
    try:
        for _ in range(50):
            if handle.is_receiving():
                break
            arrived.wait(0.1)
        api.status_post("on the stream", visibility="public")
        arrived.wait(10)
    finally:
        handle.close()
    return received


def typos_are_type_errors(api: Mastodon) -> None:
    """Never called: each line is a mistake the type checker must catch (``warn_unused_ignores`` is on,
    so an ignore that stopped being needed would itself be an error)."""
    api.status_post("x", visibility="pubic")  # type: ignore[call-overload]
    api.notifications(types=["mentions"])  # type: ignore[list-item]
    api.pagination_iterator(api.timeline_home(), direction="forward")  # type: ignore[call-overload]
    show(api.status_post("x").scheduled_at)  # type: ignore[attr-defined]
    Mastodon(api_base_url="mastodon.example", ratelimit_method="later")  # type: ignore[arg-type]


def main(api: Mastodon) -> None:
    first = readme_example(api)
    posting(api, first)
    timelines(api)
    notifications(api)
    pagination(api)
    instance_info(api)
    streaming(api)
