"""An archiver: pages through an account's statuses and writes them as JSON, then reads the archive back."""

from __future__ import annotations

import datetime
import json
import pickle

from _common import BASE_URL, TOKENS, norm, show

from mastodon import Mastodon
from mastodon.types_base import Entity

author = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)
for i in range(45):
    author.status_post(f"note {i}", visibility="public" if i % 3 else "unlisted")
author.status_post("an edited one")
edited = author.status_update(author.account_statuses(author.me(), limit=1)[0], "an edited one, fixed")
show("edited", {"content": edited.content, "edited": edited.edited_at is not None})

api = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
bob = api.account_lookup("bob")
show(
    "lookup", {"acct": bob.acct, "statuses_count": bob.statuses_count, "moved": bob.moved, "class": type(bob).__name__}
)
show(
    "last_status_at",
    {"type": type(bob.last_status_at).__name__, "aware": getattr(bob.last_status_at, "tzinfo", None) is not None},
)
if bob.last_status_at is not None:
    age = (
        datetime.datetime.now() - datetime.datetime.combine(bob.last_status_at, datetime.time())
        if type(bob.last_status_at) is datetime.date
        else datetime.datetime.now() - bob.last_status_at
    )
    show("age computed", age.days >= 0)

page = api.account_statuses(bob, limit=20)
show("first page", {"len": len(page), "class": type(page).__name__, "first": page[0].content, "last": page[-1].content})
show("page info next", sorted(page._pagination_next) if getattr(page, "_pagination_next", None) else None)
second = api.fetch_next(page)
show("second page", {"len": len(second), "class": type(second).__name__, "first": second[0].content})
back = api.fetch_previous(second)
show("fetch_previous", {"len": len(back) if back is not None else None, "first": back[0].content if back else None})
everything = api.fetch_remaining(page)
# a plain list in Mastodon.py, a PaginatableList (a list subclass) in ours: documented in the migration guide
show(
    "fetch_remaining", {"len": len(everything), "is list": isinstance(everything, list), "last": everything[-1].content}
)
show("fetch_next of the end", api.fetch_next(api.fetch_next(second) or []) if api.fetch_next(second) else "no third")
ids = [s.id for s in everything]
show("ids unique", len(set(ids)) == len(ids))
show("ids descending", all(int(ids[i]) > int(ids[i + 1]) for i in range(len(ids) - 1)))

dumped = json.dumps(everything, default=str)
loaded = json.loads(dumped)
show("json.dumps default=str, first", norm(loaded[0]))
show("json keys of first", sorted(loaded[0].keys()))
show("json key order, as written", list(loaded[0].keys()))  # archives written by both must be the same text
show("json key order of the account", list(loaded[0]["account"].keys()))
show("created_at as text", type(loaded[0]["created_at"]).__name__)
show("json.dumps account", sorted(json.loads(json.dumps(bob, default=str)).keys()))

as_json = page.to_json()
back_in = Entity.from_json(as_json)
show("to_json -> from_json", {"class": type(back_in).__name__, "item": type(back_in[0]).__name__, "len": len(back_in)})
show("roundtrip created_at", type(back_in[0].created_at).__name__)
show("roundtrip equal ids", [s.id for s in back_in] == ids[:20])
one = Entity.from_json(everything[0].to_json())
show(
    "single to_json -> from_json",
    {"class": type(one).__name__, "account": type(one.account).__name__, "same": one == everything[0]},
)

page_json = page.to_json()
page_back = Entity.from_json(page_json)
show(
    "page from_json",
    {"class": type(page_back).__name__, "has_next": getattr(page_back, "_pagination_next", None) is not None},
)
nxt = api.fetch_next(page_back)
show("fetch_next on restored page", {"class": type(nxt).__name__, "first": nxt[0].content if nxt else None})

pickled = pickle.loads(pickle.dumps(page))
show("pickled page", {"class": type(pickled).__name__, "len": len(pickled), "item": type(pickled[0]).__name__})
show("pickled next", type(api.fetch_next(pickled)).__name__)

stored = api.get_pagination_info(page, "next")
show("stored pagination info", sorted(stored.keys()) if stored else None)
resumed = api.fetch_next(json.loads(json.dumps(stored, default=str)))
show("resumed from stored", {"class": type(resumed).__name__, "first": resumed[0].content if resumed else None})

favs = api.favourites()
show("favourites empty", {"len": len(favs), "class": type(favs).__name__, "next": api.fetch_next(favs)})
