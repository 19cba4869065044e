"""Older and shorter spellings that scripts still use: toot, search(), follows, ids as ints or dicts."""

from __future__ import annotations

from _common import BASE_URL, TOKENS, show

from mastodon import Mastodon, MastodonNotFoundError

api = Mastodon(access_token=TOKENS["alice"], api_base_url=BASE_URL)
bob = Mastodon(access_token=TOKENS["bob"], api_base_url=BASE_URL)
bob.status_post("carol and I")


def shape(value: object) -> object:
    if isinstance(value, dict):
        return {"class": type(value).__name__, "keys": sorted(value.keys())}
    if isinstance(value, list):
        return {"class": type(value).__name__, "len": len(value)}
    return {"class": type(value).__name__}


show("toot", api.toot("tooted").content)
show("search", shape(api.search("carol")))
show("search accounts only", [a.acct for a in api.search("carol", result_type="accounts").accounts])
show("search statuses", [s.content for s in api.search("carol", result_type="statuses").statuses])
show("notifications mentions_only", shape(api.notifications(mentions_only=True)))
show("account_statuses tagged", shape(api.account_statuses(api.me(), tagged="python")))
first = api.status_post("once", idempotency_key="k1")
again = api.status_post("once", idempotency_key="k1")
show("idempotency key", {"same status": first.id == again.id})
show("account_search limit", [a.acct for a in api.account_search("a", limit=1)])
show("follows", shape(api.follows("bob")))
show("status by int id", api.status(int(api.toot("by int").id)).content)
show("status by dict", api.status({"id": api.toot("by dict").id}).content)
show("account by entity", api.account(api.me()).acct)
gone = api.toot("deleted twice")
api.status_delete(gone)
try:
    api.status_delete(gone)
except MastodonNotFoundError as e:
    show("delete twice", list(e.args[1:]))
for name in ("instance_activity", "instance_health"):
    try:
        show(name, shape(getattr(api, name)()))
    except MastodonNotFoundError as e:
        # (e.args[3] is 'Endpoint not found.' in 2.3.3 for endpoints that answer lists, the server's text in ours)
        show(name, list(e.args[1:3]))
show("instance_peers", shape(api.instance_peers()))
show("featured_tags", shape(api.featured_tags()))
show("markers_get without timelines", shape(api.markers_get()))
show("status length", api.get_status_length("@alice@example.com hello https://example.org/x/y/z #tag"))
