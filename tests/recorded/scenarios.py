"""Recorded sessions: what a bot does, played against cassettes of real HTTP exchanges.

Each scenario takes a logged-in client and returns nothing; it asserts as it goes. The cassettes in
``cassettes/recorded/`` were recorded by running these scenarios against ``mastodon.testing.LocalInstance``
over real HTTP (``python tools/record_cassettes.py``); the tests replay them with ``record_mode="none"``,
so they check both what we send (vcrpy matches method, path, query and body) and what we make of the
answers. Tokens and secrets are filtered out of the cassettes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mastodon import Mastodon
from mastodon._ratelimit import Clock
from mastodon.return_types import Account, Context, MediaAttachment, Notification, SearchV2, Status

# A fixed 1x1 PNG, so the recorded multipart body is the same every run.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000005000100d5a4bd0a0000000049454e44ae426082"
)


def verify_and_post(api: Mastodon) -> None:
    me = api.account_verify_credentials()
    assert isinstance(me, Account) and me.acct == "alice"
    posted = api.status_post("recorded hello", visibility="public", idempotency_key="recorded-1")
    assert isinstance(posted, Status) and "recorded hello" in posted.content
    again = api.status(posted)
    assert again.id == posted.id and again.account.acct == "alice"
    api.status_favourite(posted)
    reply = api.status_reply(posted, "a reply", idempotency_key="recorded-2")
    assert isinstance(reply, Status) and reply.in_reply_to_id == posted.id
    context = api.status_context(posted)
    assert isinstance(context, Context) and [s.id for s in context.descendants] == [reply.id]
    api.status_delete(reply)


def paginate_home(api: Mastodon) -> None:
    for number in range(5):
        api.status_post(f"page filler {number}", idempotency_key=f"recorded-page-{number}")
    first = api.timeline_home(limit=2)
    assert len(first) == 2 and first._pagination_next is not None
    seen = [status.id for status in first]
    for page in api.pagination_page_iterator(api.fetch_next(first)):
        seen.extend(status.id for status in page)
    assert len(seen) == len(set(seen)) >= 5
    assert seen == sorted(seen, key=int, reverse=True)


def upload_media(api: Mastodon) -> None:
    api._set_clock(Clock(sleep=lambda seconds: None))  # processing polls must not really wait
    media = api.media_post(PNG, mime_type="image/png", description="one pixel", file_name="pixel.png", synchronous=True)
    assert isinstance(media, MediaAttachment) and media.description == "one pixel"
    posted = api.status_post("with media", media_ids=[media], idempotency_key="recorded-media")
    assert isinstance(posted, Status) and posted.media_attachments[0].id == media.id


def notifications_and_search(api: Mastodon) -> None:
    notifications = api.notifications(limit=5)
    assert all(isinstance(item, Notification) for item in notifications)
    found = api.search_v2("bob", result_type="accounts")
    assert isinstance(found, SearchV2) and [account.acct for account in found.accounts] == ["bob"]


SCENARIOS: dict[str, Callable[[Mastodon], Any]] = {
    "verify_and_post": verify_and_post,
    "paginate_home": paginate_home,
    "upload_media": upload_media,
    "notifications_and_search": notifications_and_search,
}


def prepare(instance: Any, name: str) -> None:
    """Server-side set-up a scenario needs before it runs (only when recording)."""
    if name == "notifications_and_search":
        bob = instance.client("bob")
        bob.status_post("@alice hello from bob", idempotency_key="recorded-bob")
