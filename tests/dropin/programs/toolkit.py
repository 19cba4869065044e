"""A command-line toolkit: lists, search, relationships, bookmarks, pins, edits, scheduling, markers."""

from __future__ import annotations

import datetime

from _common import BASE_URL, TOKENS, label, show

from mastodon import Mastodon, MastodonAPIError

api = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
bob = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)
carol = Mastodon(access_token=TOKENS["carol"], api_base_url=BASE_URL)

bob_account = api.account_lookup("bob")
carol_account = api.account_search("carol")[0]
show("account_search", {"acct": carol_account.acct, "class": type(carol_account).__name__})
rel = api.account_follow(bob_account)
show("follow", {"following": rel.following, "class": type(rel).__name__, "requested": rel.requested})
api.account_follow(carol_account.id, reblogs=False)
show(
    "relationships", [(r.following, r.showing_reblogs) for r in api.account_relationships([bob_account, carol_account])]
)
show("following", sorted(a.acct for a in api.account_following(api.me())))
show("followers of bob", [a.acct for a in api.account_followers(bob_account)])

lst = api.list_create("friends")
show("list", {"title": lst.title, "class": type(lst).__name__})
api.list_accounts_add(lst, [bob_account])
show("list accounts", [a.acct for a in api.list_accounts(lst)])
show("lists", [item.title for item in api.lists()])
show("account_lists", [item.title for item in api.account_lists(bob_account)])
first = bob.status_post("hello #python world", language="en")
carol.status_post("carol here")
show("list timeline", [s.content for s in api.timeline_list(lst)])
show("hashtag timeline", [s.content for s in api.timeline_hashtag("python")])
show("home", [s.account.acct for s in api.timeline_home()])
show("public local", [s.account.acct for s in api.timeline_local()])
show("tags", [(t.name, type(t).__name__) for t in first.tags])

results = api.search_v2("carol")
show(
    "search",
    {
        "accounts": [a.acct for a in results.accounts],
        "class": type(results).__name__,
        "statuses": len(results.statuses),
    },
)

api.status_bookmark(first)
show("bookmarks", [s.content for s in api.bookmarks()])
api.status_unbookmark(first)
show("bookmarks after", len(api.bookmarks()))

mine = api.status_post("pin me")
pinned = api.status_pin(mine)
show("pin", {"pinned": pinned.pinned})
show("pinned statuses", [s.content for s in api.account_statuses(api.me(), pinned=True)])
api.status_unpin(mine)

edited = api.status_update(mine, "pinned no more", spoiler_text="cw")
show("edit", {"content": edited.content, "spoiler": edited.spoiler_text, "edited": edited.edited_at is not None})
history = api.status_history(mine)
show("history", [(type(h).__name__, h.content) for h in history])
source = api.status_source(mine)
show("source", {"text": source.text, "spoiler": source.spoiler_text, "class": type(source).__name__})

later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
scheduled = api.status_post("in the future", scheduled_at=later)
show(
    "scheduled",
    {
        "class": type(scheduled).__name__,
        "text": scheduled.params.text,
        "at is datetime": isinstance(scheduled.scheduled_at, datetime.datetime),
    },
)
show("scheduled list", [s.params.text for s in api.scheduled_statuses()])
moved = api.scheduled_status_update(scheduled, later + datetime.timedelta(hours=1))
show("rescheduled", moved.scheduled_at > scheduled.scheduled_at)
api.scheduled_status_delete(scheduled)
show("scheduled after delete", len(api.scheduled_statuses()))
try:
    api.status_post(
        "too soon", scheduled_at=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=30)
    )
except MastodonAPIError as e:
    show("too soon", [e.args[1], e.args[2]])

markers = api.markers_set(["home"], [first.id])
show("markers_set", {k: (label(v.last_read_id), type(v).__name__) for k, v in markers.items()})
show("markers_get", {k: label(v.last_read_id) for k, v in api.markers_get(["home", "notifications"]).items()})

page = api.timeline_home(limit=2)
newer = api.timeline_home(min_id=page[-1].id)
show("min_id", [s.content for s in newer])
since = api.timeline_home(since_id=page[-1])
show("since_id with an entity", [s.content for s in since])
by_time = api.timeline_home(max_id=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=5))
show("max_id as datetime", len(by_time))

api.account_block(carol_account)
show("blocks", [a.acct for a in api.blocks()])
api.account_unblock(carol_account)
api.account_mute(carol_account, duration=3600)
show("mutes", [(a.acct, a.mute_expires_at is not None) for a in api.mutes()])
api.account_unmute(carol_account)
api.account_unfollow(bob_account)
show("after unfollow", [r.following for r in api.account_relationships(bob_account)])

updated = api.account_update_credentials(
    display_name="Alice Bot", note="I post things", fields=[("site", "https://example.com")], bot=True
)
show(
    "update_credentials",
    {"name": updated.display_name, "bot": updated.bot, "fields": [(f.name, f.value) for f in updated.fields]},
)
prefs = api.preferences()
show("preferences", {k: prefs[k] for k in sorted(prefs)})
show(
    "instance",
    {
        "title": type(api.instance().title).__name__,
        "v1": type(api.instance_v1()).__name__,
        "rules": type(api.instance_rules()).__name__,
    },
)
info = api.instance_nodeinfo()
show("nodeinfo", {"class": type(info).__name__, "software": info.software.name, "version": info.version})
show("custom_emojis", api.custom_emojis())
show("trends", [type(api.trending_tags()).__name__, len(api.trending_statuses())])
show("directory", sorted(a.acct for a in api.directory()))
show("conversations", api.conversations())
show("status_delete returns", {"text": api.status_delete(mine).get("text")})
