"""A notification processor: reads notifications and the entities in them the way bots do."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

from _common import BASE_URL, TOKENS, label, show

from mastodon import Mastodon

me = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
other = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)
third = Mastodon(access_token=TOKENS["carol"], api_base_url=BASE_URL)

mine = me.status_post("something to react to")
other.account_follow(me.me())
other.status_favourite(mine)
other.status_reblog(mine)
third.status_post("@alice hi there")
other.status_post("@alice an edit is coming")
edited = other.status_update(other.account_statuses(other.me(), limit=1)[0], "@alice edited now")

seen_ids = set()
by_type: dict[str, int] = {}
for n in me.notifications():
    by_type[n.type] = by_type.get(n.type, 0) + 1
    seen_ids.add(n.id)
    account = n.account
    line = {
        "type": n.type,
        "from": account.acct,
        "moved": bool(account.moved),
        "moved raw": account.moved,
        "suspended": account.suspended,
        "limited": account.get("limited"),
        "limited item": account["limited"],
        "has status": n.status is not None,
        "group_key": n.get("group_key") is not None,
    }
    if n.status:
        status = n.status
        line["edited"] = status.edited_at is not None
        line["edited_at type"] = type(status.edited_at).__name__
        line["reblog"] = status.reblog
        line["poll"] = status.poll
        line["card"] = status.card
        line["in"] = ["edited_at" in status, "reblog" in status, "nonsense" in status, "content" in status]
        line["get default"] = status.get("nonsense", "fallback")
        line["get declared"] = status.get("edited_at", "fallback")
    show("notification", line)
show("counts", dict(sorted(by_type.items())))

n = me.notifications(limit=1)[0]
show("keys", sorted(n.keys()))
show("status keys", sorted(n.status.keys()) if n.status else None)
show("len of account", len(n.account))
show("iteration equals keys", list(n.account) == list(n.account.keys()))
show("items count", len(list(n.account.items())))
show("values count", len(list(n.account.values())))

status = me.status(mine.id)
show("status id type", type(status.id).__name__)
show("id equals int", status.id == int(status.id))
show("id equals str", status.id == str(status.id))
show("int equals id", int(status.id) == status.id)
show("in set of ints", int(status.id) in {status.id})
show("in set of strs", str(status.id) in {status.id})
show("id in int set", status.id in {int(status.id)})
show("hash matches int", hash(status.id) == hash(int(status.id)))
show("hash matches str", hash(status.id) == hash(str(status.id)))
show("dict lookup by int", {status.id: "x"}.get(int(status.id)))
show("sorted ids numeric", [label(i) for i in sorted([mine.id, edited.id, status.id])])
show("id arithmetic", isinstance(status.id, int) and status.id + 0 == int(status.id))
show("id repr is digits", repr(status.id).strip("'\"").isdigit())
show("id in f-string", f"{status.id}" == str(int(status.id)))
show("id json", json.dumps({"id": status.id}).replace(str(status.id), "ID"))
show("id comparisons", [status.id < int(status.id) + 1, status.id > 0])

show("entity equals dict", status == json.loads(json.dumps(status, default=str)))
show("entity equals itself refetched", status == me.status(mine.id))
show(
    "pickle roundtrip",
    {"equal": pickle.loads(pickle.dumps(status)) == status, "class": type(pickle.loads(pickle.dumps(status))).__name__},
)
clone = copy.deepcopy(status)
show(
    "deepcopy", {"equal": clone == status, "class": type(clone).__name__, "account class": type(clone.account).__name__}
)
show("created_at", {"type": type(status.created_at).__name__, "aware": status.created_at.tzinfo is not None})
show("age is positive", (datetime.datetime.now(datetime.timezone.utc) - status.created_at).total_seconds() > -5)
show(
    "account created_at",
    {"type": type(status.account.created_at).__name__, "aware": status.account.created_at.tzinfo is not None},
)
show("last_status_at", {"type": type(status.account.last_status_at).__name__})
try:
    _ = status.nonsense_attribute
except AttributeError as e:
    show("unknown attribute", {"error": type(e).__name__, "is KeyError": isinstance(e, KeyError)})
else:
    show("unknown attribute", "no error")
try:
    status["nonsense_item"]
except KeyError as e:
    # the class is KeyError in Mastodon.py, a subclass of it in ours
    show("unknown item", {"KeyError": isinstance(e, KeyError), "args": e.args, "str": str(e)})
try:
    status.my_note = "annotated"
except AttributeError as e:
    show("set unknown attribute", type(e).__name__)
else:
    show("set unknown attribute", {"attr": status.my_note, "item": status.get("my_note"), "in": "my_note" in status})
status.content = "<p>changed locally</p>"
show("set declared attribute", {"attr": status.content, "item": status["content"]})
status["other_note"] = "x"
show("set item", status.other_note)
show("nested dict class", type(status.account.emojis).__name__)
show("isinstance dict", isinstance(status, dict) and isinstance(status.account, dict))

rel = me.account_relationships(other.me())
show("relationships", {"class": type(rel).__name__, "item": type(rel[0]).__name__, "followed_by": rel[0].followed_by})
unread = me.notifications_unread_count() if hasattr(me, "notifications_unread_count") else None
show("unread count", {"class": type(unread).__name__, "count": unread.count if unread is not None else None})
grouped = me.grouped_notifications()
show(
    "grouped",
    {
        "class": type(grouped).__name__,
        "groups": sorted(g.type for g in grouped.notification_groups),
        "accounts": len(grouped.accounts),
    },
)
me.notifications_clear()
show("after clear", len(me.notifications()))
