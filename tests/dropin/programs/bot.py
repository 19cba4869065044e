"""A bot: posts with an image and a poll, answers its mentions, favourites and boosts."""

from __future__ import annotations

import io
import struct
import zlib

from _common import BASE_URL, TOKENS, show

from mastodon import Mastodon


def tiny_png() -> bytes:
    """A 1x1 PNG, built here so the program needs no file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


bot = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
fan = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)

me = bot.me()
show("me", {"acct": me.acct, "username": me["username"], "bot": me.get("bot"), "type": type(me).__name__})
creds = bot.account_verify_credentials()
show(
    "verify_credentials",
    {"same": creds.id == me.id, "source_privacy": creds.source.privacy if creds.get("source") else None},
)

media = bot.media_post(io.BytesIO(tiny_png()), mime_type="image/png", description="a green dot")
show("media", {"type": media.type, "description": media.description, "class": type(media).__name__})
posted = bot.status_post("Look at this dot", media_ids=[media], visibility="unlisted", spoiler_text="dots")
show(
    "status with media",
    {
        "visibility": posted.visibility,
        "spoiler": posted.spoiler_text,
        "media": [m.type for m in posted.media_attachments],
        "sensitive": posted.sensitive,
        "reblog": posted.reblog,
        "in_reply_to_id": posted.in_reply_to_id,
        "class": type(posted).__name__,
    },
)

poll = bot.make_poll(["tea", "coffee"], expires_in=3600)
show("make_poll", {"class": type(poll).__name__, "options": poll["options"], "expires_in": poll["expires_in"]})
with_poll = bot.status_post("Tea or coffee?", poll=poll)
show(
    "status with poll",
    {
        "options": [o.title for o in with_poll.poll.options],
        "votes": [o.votes_count for o in with_poll.poll.options],
        "expired": with_poll.poll.expired,
    },
)
voted = fan.poll_vote(with_poll.poll, [1])
show(
    "poll_vote",
    {
        "voted": voted.voted,
        "own_votes": voted.own_votes,
        "votes": [o.votes_count for o in voted.options],
        "class": type(voted).__name__,
    },
)
again = bot.poll(with_poll.poll.id)
show("poll", {"votes_count": again.votes_count, "voters_count": again.voters_count})

# the fan mentions the bot twice
first = fan.status_post(f"@{me.acct} hello bot")
fan.status_post(f"@{me.acct} are you there?", visibility="direct")

mentions = bot.notifications(types=["mention"])
show("mentions", [{"type": n.type, "from": n.account.acct, "text": n.status.content} for n in mentions])
for n in reversed(mentions):
    reply = bot.status_reply(n.status, "Hello to you too!")
    show(
        "reply",
        {
            "in_reply_to": reply.in_reply_to_id == n.status.id,
            "visibility": reply.visibility,
            "content": reply.content,
            "mentions": [m.acct for m in reply.mentions],
        },
    )
    bot.notifications_dismiss(n)
show("left after dismiss", len(bot.notifications(types=["mention"])))

fav = bot.status_favourite(first)
show("favourite", {"favourited": fav.favourited, "count": fav.favourites_count})
boost = bot.status_reblog(first)
show(
    "reblog",
    {"is_reblog": boost.reblog is not None, "of": boost.reblog.id == first.id, "boosted": boost.reblog.reblogged},
)
home = fan.timeline_home(limit=5)
show("fan home", [(s.account.acct, s.reblog is not None) for s in home])
context = fan.status_context(first)
show(
    "context",
    {
        "ancestors": len(context.ancestors),
        "descendants": [d.content for d in context.descendants],
        "class": type(context).__name__,
    },
)
bot.status_unreblog(first)
bot.status_delete(posted)
show("statuses left", [s.content for s in bot.account_statuses(me)])
