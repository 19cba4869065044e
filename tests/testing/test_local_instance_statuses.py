"""Statuses, timelines, notifications, media, polls, lists, search and markers against a LocalInstance."""

from __future__ import annotations

import json
from typing import Any

import requests

from mastodon.testing import LocalInstance


def auth(inst: LocalInstance, user: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + inst.token(user)}


def post(http: requests.Session, inst: LocalInstance, user: str, text: str, **data: Any) -> dict[str, Any]:
    r = http.post(inst.api_base_url + "/api/v1/statuses", data={"status": text, **data}, headers=auth(inst, user))
    assert r.status_code == 200, r.text
    status: dict[str, Any] = r.json()
    return status


def test_idempotency_key(local_instance: LocalInstance, http: requests.Session) -> None:
    base, inst = local_instance.api_base_url, local_instance
    headers = {**auth(inst, "alice"), "Idempotency-Key": "abc-123"}
    first = http.post(base + "/api/v1/statuses", data={"status": "once"}, headers=headers).json()
    second = http.post(base + "/api/v1/statuses", data={"status": "once"}, headers=headers).json()
    assert first["id"] == second["id"]
    # same key, other user: a new status
    other = http.post(
        base + "/api/v1/statuses", data={"status": "once"}, headers={**auth(inst, "bob"), "Idempotency-Key": "abc-123"}
    )
    assert other.json()["id"] != first["id"]
    mine = http.get(f"{base}/api/v1/accounts/{inst.account_id('alice')}/statuses").json()
    assert [s["id"] for s in mine] == [first["id"]]


def test_pagination_walks_100_statuses(local_instance: LocalInstance, http: requests.Session) -> None:
    inst = local_instance
    created = [post(http, inst, "alice", f"status number {i}")["id"] for i in range(100)]
    assert created == sorted(created, key=int) and len(set(created)) == 100
    seen: list[str] = []
    url: str | None = inst.api_base_url + "/api/v1/timelines/home?limit=15"
    pages = 0
    while url and pages < 20:
        r = http.get(url, headers=auth(inst, "alice"))
        page = r.json()
        if not page:
            assert "Link" not in r.headers
            break
        ids = [s["id"] for s in page]
        assert ids == sorted(ids, key=int, reverse=True)
        seen.extend(ids)
        assert 'rel="prev"' in r.headers["Link"]
        url = r.links.get("next", {}).get("url")
        assert url is None or "limit=15" in url
        pages += 1
    assert seen == list(reversed(created))
    # walk back up with min_id
    newest: list[str] = []
    url = inst.api_base_url + f"/api/v1/timelines/home?limit=40&min_id={created[9]}"
    for _ in range(10):
        r = http.get(url, headers=auth(inst, "alice"))
        page = r.json()
        if not page:
            break
        newest = [s["id"] for s in page] + newest
        url = r.links["prev"]["url"]
    assert newest == list(reversed(created[10:]))
    # since_id gives the newest page above the bound, default limit 20, max 40
    r = http.get(inst.api_base_url + f"/api/v1/timelines/home?since_id={created[0]}", headers=auth(inst, "alice"))
    assert [s["id"] for s in r.json()] == list(reversed(created[80:]))
    r = http.get(inst.api_base_url + "/api/v1/timelines/home?limit=100", headers=auth(inst, "alice"))
    assert len(r.json()) == 40


def test_home_public_tag_timelines(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    bob_id = inst.account_id("bob")
    http.post(f"{base}/api/v1/accounts/{bob_id}/follow", headers=auth(inst, "alice"))
    b = post(http, inst, "bob", "hello #Python world")
    c = post(http, inst, "carol", "carol says #python too")
    u = post(http, inst, "bob", "unlisted one", visibility="unlisted")
    home = [s["id"] for s in http.get(base + "/api/v1/timelines/home", headers=auth(inst, "alice")).json()]
    assert home == [u["id"], b["id"]]
    public = [s["id"] for s in http.get(base + "/api/v1/timelines/public?local=true").json()]
    assert public == [c["id"], b["id"]]
    assert http.get(base + "/api/v1/timelines/public?remote=true").json() == []
    assert http.get(base + "/api/v1/timelines/public?only_media=true").json() == []
    tag = [s["id"] for s in http.get(base + "/api/v1/timelines/tag/PYTHON").json()]
    assert tag == [c["id"], b["id"]]
    assert b["tags"] == [{"name": "Python", "url": f"{base}/tags/Python"}]


def test_mentions_replies_context_and_notifications(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    root = post(http, inst, "alice", "hello @bob")
    assert root["mentions"][0]["acct"] == "bob"
    reply = post(http, inst, "bob", "@alice hi back", in_reply_to_id=root["id"])
    assert reply["in_reply_to_id"] == root["id"] and reply["in_reply_to_account_id"] == inst.account_id("alice")
    ctx = http.get(f"{base}/api/v1/statuses/{reply['id']}/context").json()
    assert [s["id"] for s in ctx["ancestors"]] == [root["id"]] and ctx["descendants"] == []
    ctx = http.get(f"{base}/api/v1/statuses/{root['id']}/context").json()
    assert [s["id"] for s in ctx["descendants"]] == [reply["id"]]
    http.post(f"{base}/api/v1/statuses/{root['id']}/favourite", headers=auth(inst, "bob"))
    http.post(f"{base}/api/v1/statuses/{root['id']}/favourite", headers=auth(inst, "carol"))
    reblog = http.post(f"{base}/api/v1/statuses/{root['id']}/reblog", headers=auth(inst, "carol")).json()
    assert reblog["reblog"]["id"] == root["id"] and reblog["reblog"]["reblogged"] is True
    http.post(f"{base}/api/v1/accounts/{inst.account_id('alice')}/follow", headers=auth(inst, "bob"))
    notes = http.get(base + "/api/v1/notifications", headers=auth(inst, "alice")).json()
    assert [n["type"] for n in notes] == ["follow", "reblog", "favourite", "favourite", "mention"]
    assert notes[-1]["status"]["id"] == reply["id"] and notes[-1]["account"]["username"] == "bob"
    only = http.get(base + "/api/v1/notifications?types[]=favourite", headers=auth(inst, "alice")).json()
    assert {n["type"] for n in only} == {"favourite"}
    excluded = http.get(
        base + "/api/v1/notifications", params={"exclude_types[]": ["favourite", "follow"]}, headers=auth(inst, "alice")
    ).json()
    assert [n["type"] for n in excluded] == ["reblog", "mention"]
    bob_notes = http.get(base + "/api/v1/notifications", headers=auth(inst, "bob")).json()
    assert [n["type"] for n in bob_notes] == ["mention"]

    grouped = http.get(base + "/api/v2/notifications", headers=auth(inst, "alice")).json()
    assert set(grouped) == {"accounts", "statuses", "notification_groups"}
    fav_group = next(g for g in grouped["notification_groups"] if g["type"] == "favourite")
    assert fav_group["notifications_count"] == 2 and len(fav_group["sample_account_ids"]) == 2
    assert {
        "group_key",
        "most_recent_notification_id",
        "page_min_id",
        "page_max_id",
        "latest_page_notification_at",
    } <= set(fav_group)
    assert fav_group["status_id"] == root["id"]

    first = notes[0]["id"]
    assert http.post(f"{base}/api/v1/notifications/{first}/dismiss", headers=auth(inst, "alice")).json() == {}
    assert len(http.get(base + "/api/v1/notifications", headers=auth(inst, "alice")).json()) == 4
    http.post(base + "/api/v1/notifications/clear", headers=auth(inst, "alice"))
    assert http.get(base + "/api/v1/notifications", headers=auth(inst, "alice")).json() == []

    undone = http.post(f"{base}/api/v1/statuses/{root['id']}/unreblog", headers=auth(inst, "carol")).json()
    assert undone["id"] == root["id"] and undone["reblogged"] is False
    status = http.get(f"{base}/api/v1/statuses/{root['id']}", headers=auth(inst, "bob")).json()
    assert status["favourited"] is True and status["favourites_count"] == 2 and status["replies_count"] == 1


def test_edit_delete_bookmark(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    s = post(http, inst, "alice", "first version")
    edited = http.put(
        f"{base}/api/v1/statuses/{s['id']}", data={"status": "second version"}, headers=auth(inst, "alice")
    )
    assert edited.status_code == 200 and "second version" in edited.json()["content"] and edited.json()["edited_at"]
    forbidden = http.put(f"{base}/api/v1/statuses/{s['id']}", data={"status": "x"}, headers=auth(inst, "bob"))
    assert forbidden.status_code == 403
    history = http.get(f"{base}/api/v1/statuses/{s['id']}/history").json()
    assert len(history) == 2 and "first version" in history[0]["content"]
    assert http.post(f"{base}/api/v1/statuses/{s['id']}/bookmark", headers=auth(inst, "bob")).json()["bookmarked"]
    marks = http.get(base + "/api/v1/bookmarks", headers=auth(inst, "bob")).json()
    assert [m["id"] for m in marks] == [s["id"]]
    gone = http.delete(f"{base}/api/v1/statuses/{s['id']}", headers=auth(inst, "alice"))
    assert gone.status_code == 200 and gone.json()["text"] == "second version"
    r = http.get(f"{base}/api/v1/statuses/{s['id']}")
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}
    assert http.get(base + "/api/v1/bookmarks", headers=auth(inst, "bob")).json() == []


def test_validation_errors(local_instance: LocalInstance, http: requests.Session) -> None:
    base, headers = local_instance.api_base_url, auth(local_instance, "alice")
    r = http.post(base + "/api/v1/statuses", data={"status": ""}, headers=headers)
    assert r.status_code == 422 and r.json()["error"].startswith("Validation failed")
    r = http.post(base + "/api/v1/statuses", data={"status": "x" * 501}, headers=headers)
    assert r.status_code == 422
    assert http.get(base + "/api/v1/no/such/route").json() == {"error": "Record not found"}


def test_json_poll_and_votes(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    body = {"status": "pick one", "poll": {"options": ["a", "b", "c"], "expires_in": 3600, "multiple": False}}
    s = http.post(base + "/api/v1/statuses", json=body, headers=auth(inst, "alice")).json()
    poll = s["poll"]
    assert [o["title"] for o in poll["options"]] == ["a", "b", "c"] and poll["expired"] is False
    voted = http.post(f"{base}/api/v1/polls/{poll['id']}/votes", data={"choices[]": ["1"]}, headers=auth(inst, "bob"))
    assert voted.status_code == 200
    assert voted.json()["own_votes"] == [1] and voted.json()["votes_count"] == 1 and voted.json()["voted"] is True
    again = http.post(f"{base}/api/v1/polls/{poll['id']}/votes", data={"choices[]": ["0"]}, headers=auth(inst, "bob"))
    assert again.status_code == 422
    many = http.post(
        f"{base}/api/v1/polls/{poll['id']}/votes", data={"choices[]": ["0", "1"]}, headers=auth(inst, "carol")
    )
    assert many.status_code == 422
    assert http.get(f"{base}/api/v1/polls/{poll['id']}").json()["options"][1]["votes_count"] == 1
    # form-encoded poll
    form = {"status": "form poll", "poll[options][]": ["x", "y"], "poll[expires_in]": "600", "poll[multiple]": "1"}
    s2 = http.post(base + "/api/v1/statuses", data=form, headers=auth(inst, "alice")).json()
    assert s2["poll"]["multiple"] is True


def test_media_upload_processing_and_attach(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    local_instance.settings.media_processing_polls = 2
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    r = http.post(
        base + "/api/v2/media",
        files={"file": ("pic.png", png, "image/png")},
        data={"description": "a picture", "focus": "0.5,-0.25"},
        headers=auth(inst, "alice"),
    )
    assert r.status_code == 202
    media = r.json()
    assert media["url"] is None and media["type"] == "image" and media["description"] == "a picture"
    assert media["meta"]["focus"] == {"x": 0.5, "y": -0.25}
    early = http.post(
        base + "/api/v1/statuses", data={"status": "x", "media_ids[]": [media["id"]]}, headers=auth(inst, "alice")
    )
    assert early.status_code == 422
    assert http.get(f"{base}/api/v1/media/{media['id']}", headers=auth(inst, "alice")).status_code == 206
    ready = http.get(f"{base}/api/v1/media/{media['id']}", headers=auth(inst, "alice"))
    assert ready.status_code == 200 and ready.json()["url"]
    assert http.get(ready.json()["url"]).content == png
    upd = http.put(f"{base}/api/v1/media/{media['id']}", data={"description": "new"}, headers=auth(inst, "alice"))
    assert upd.json()["description"] == "new"
    s = http.post(
        base + "/api/v1/statuses", data={"status": "", "media_ids[]": [media["id"]]}, headers=auth(inst, "alice")
    )
    assert s.status_code == 200 and s.json()["media_attachments"][0]["id"] == media["id"]
    assert [x["id"] for x in http.get(base + "/api/v1/timelines/public?only_media=1").json()] == [s.json()["id"]]
    v1 = http.post(base + "/api/v1/media", files={"file": ("a.mp3", b"ID3", "audio/mpeg")}, headers=auth(inst, "alice"))
    assert v1.status_code == 200 and v1.json()["url"] and v1.json()["type"] == "audio"
    local_instance.settings.media_processing_polls = 0
    v2 = http.post(base + "/api/v2/media", files={"file": ("b.png", png, "image/png")}, headers=auth(inst, "alice"))
    assert v2.status_code == 200 and v2.json()["url"]


def test_accounts_follows_relationships(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    bob, carol = inst.account_id("bob"), inst.account_id("carol")
    rel = http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=auth(inst, "alice")).json()
    assert rel["following"] is True and rel["id"] == bob
    http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=auth(inst, "carol"))
    followers = http.get(f"{base}/api/v1/accounts/{bob}/followers?limit=1")
    assert [a["username"] for a in followers.json()] == ["carol"]
    older = http.get(followers.links["next"]["url"]).json()
    assert [a["username"] for a in older] == ["alice"]
    following = http.get(f"{base}/api/v1/accounts/{inst.account_id('alice')}/following").json()
    assert [a["id"] for a in following] == [bob]
    rels = http.get(
        base + "/api/v1/accounts/relationships", params={"id[]": [bob, carol]}, headers=auth(inst, "alice")
    ).json()
    assert [(r["id"], r["following"]) for r in rels] == [(bob, True), (carol, False)]
    assert http.get(base + "/api/v1/accounts/lookup?acct=bob").json()["id"] == bob
    assert http.get(base + "/api/v1/accounts/lookup?acct=nobody").status_code == 404
    account = http.get(f"{base}/api/v1/accounts/{bob}").json()
    assert account["followers_count"] == 2
    http.post(f"{base}/api/v1/accounts/{bob}/unfollow", headers=auth(inst, "alice"))
    assert http.get(f"{base}/api/v1/accounts/{bob}").json()["followers_count"] == 1


def test_lists_search_markers(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    h = auth(inst, "alice")
    bob = inst.account_id("bob")
    lst = http.post(base + "/api/v1/lists", data={"title": "Friends"}, headers=h).json()
    assert set(lst) == {"id", "title", "replies_policy", "exclusive"}
    assert (
        http.post(f"{base}/api/v1/lists/{lst['id']}/accounts", data={"account_ids[]": [bob]}, headers=h).status_code
        == 422
    )
    http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=h)
    assert http.post(f"{base}/api/v1/lists/{lst['id']}/accounts", data={"account_ids[]": [bob]}, headers=h).json() == {}
    members = http.get(f"{base}/api/v1/lists/{lst['id']}/accounts", headers=h).json()
    assert [m["id"] for m in members] == [bob]
    renamed = http.put(f"{base}/api/v1/lists/{lst['id']}", data={"title": "Pals"}, headers=h).json()
    assert renamed["title"] == "Pals"
    s = post(http, inst, "bob", "searchable words #Findme")
    lt = http.get(f"{base}/api/v1/timelines/list/{lst['id']}", headers=h).json()
    assert [x["id"] for x in lt] == [s["id"]]
    assert http.delete(f"{base}/api/v1/lists/{lst['id']}", headers=h).json() == {}
    assert http.get(base + "/api/v1/lists", headers=h).json() == []

    found = http.get(base + "/api/v2/search", params={"q": "bo"}, headers=h).json()
    assert [a["username"] for a in found["accounts"]] == ["bob"]
    found = http.get(base + "/api/v2/search", params={"q": "searchable"}, headers=h).json()
    assert [x["id"] for x in found["statuses"]] == [s["id"]]
    found = http.get(base + "/api/v2/search", params={"q": "#find", "type": "hashtags"}, headers=h).json()
    assert [t["name"] for t in found["hashtags"]] == ["findme"] and found["accounts"] == []

    set_ = http.post(base + "/api/v1/markers", json={"home": {"last_read_id": s["id"]}}, headers=h).json()
    assert set_["home"]["last_read_id"] == s["id"] and set_["home"]["version"] == 0
    http.post(
        base + "/api/v1/markers", data={"home[last_read_id]": s["id"], "notifications[last_read_id]": "5"}, headers=h
    )
    markers = http.get(base + "/api/v1/markers", params={"timeline[]": ["home", "notifications"]}, headers=h).json()
    assert markers["home"]["version"] == 1 and markers["notifications"]["last_read_id"] == "5"


def test_seed_and_save_roundtrip(tmp_path: Any, http: requests.Session) -> None:
    path = tmp_path / "state.json"
    with LocalInstance() as inst:
        s = post(http, inst, "alice", "persist me")
        token = inst.token("alice")
        inst.save(path)
    assert json.loads(path.read_text())["statuses"]
    with LocalInstance(seed=path) as again:
        assert again.token("alice") == token
        got = http.get(f"{again.api_base_url}/api/v1/statuses/{s['id']}").json()
        assert "persist me" in got["content"]
        newer = post(http, again, "alice", "newer")
        assert int(newer["id"]) > int(s["id"])


def test_grouped_notification_group_endpoints(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    s = post(http, inst, "alice", "like me")
    for user in ("bob", "carol"):
        http.post(f"{base}/api/v1/statuses/{s['id']}/favourite", headers=auth(inst, user))
    post(http, inst, "bob", "@alice ping")
    h = auth(inst, "alice")
    assert http.get(base + "/api/v2/notifications/unread_count", headers=h).json() == {"count": 2}
    groups = http.get(base + "/api/v2/notifications", headers=h).json()["notification_groups"]
    assert [g["type"] for g in groups] == ["mention", "favourite"]
    assert groups[0]["group_key"].startswith("ungrouped-")
    key = groups[1]["group_key"]
    one = http.get(f"{base}/api/v2/notifications/{key}", headers=h).json()
    assert one["notification_groups"][0]["notifications_count"] == 2
    accounts = http.get(f"{base}/api/v2/notifications/{key}/accounts", headers=h).json()
    assert [a["username"] for a in accounts] == ["carol", "bob"]
    ungrouped = http.get(base + "/api/v2/notifications", params={"grouped_types[]": "follow"}, headers=h).json()
    assert len(ungrouped["notification_groups"]) == 3
    assert http.post(f"{base}/api/v2/notifications/{key}/dismiss", headers=h).json() == {}
    assert http.get(f"{base}/api/v2/notifications/{key}", headers=h).status_code == 404


def test_misc_collections_and_generic_stream_route(local_instance: LocalInstance, http: requests.Session) -> None:
    base, h = local_instance.api_base_url, auth(local_instance, "alice")
    for path in (
        "/api/v1/blocks",
        "/api/v1/mutes",
        "/api/v1/follow_requests",
        "/api/v2/filters",
        "/api/v1/custom_emojis",
    ):
        assert http.get(base + path, headers=h).json() == []
    assert http.get(base + "/api/v1/blocks").status_code == 401
    assert http.get(base + "/api/v1/preferences", headers=h).json()["posting:default:visibility"] == "public"
    assert [a["username"] for a in http.get(base + "/api/v1/directory").json()] == ["alice", "bob", "carol"]
    assert http.get(base + "/api/v1/streaming?stream=nope").status_code == 400
    assert http.get(base + "/api/v1/streaming?stream=user").status_code == 401
    r = http.get(base + "/api/v1/streaming?stream=public", stream=True, timeout=2)
    try:
        assert r.headers["Content-Type"] == "text/event-stream"
    finally:
        r.close()


def test_concurrent_posting_keeps_ids_unique(local_instance: LocalInstance) -> None:
    import threading

    inst = local_instance
    results: list[str] = []
    lock = threading.Lock()

    def worker(user: str) -> None:
        with requests.Session() as s:
            for i in range(10):
                r = s.post(
                    inst.api_base_url + "/api/v1/statuses", data={"status": f"{user} {i}"}, headers=auth(inst, user)
                )
                with lock:
                    results.append(r.json()["id"])

    threads = [threading.Thread(target=worker, args=(u,)) for u in ("alice", "bob", "carol") * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(results) == 60 and len(set(results)) == 60
    with requests.Session() as s:
        seen: list[str] = []
        url: str | None = inst.api_base_url + "/api/v1/timelines/public?limit=40"
        for _ in range(5):
            if url is None:
                break
            r = s.get(url)
            seen += [x["id"] for x in r.json()]
            url = r.links.get("next", {}).get("url") if r.json() else None
    assert sorted(seen, key=int) == sorted(results, key=int)


def test_access_token_in_form_body(local_instance: LocalInstance, http: requests.Session) -> None:
    r = http.post(
        local_instance.api_base_url + "/api/v1/statuses",
        data={"status": "form token", "access_token": local_instance.token("carol")},
    )
    assert r.status_code == 200 and r.json()["account"]["username"] == "carol"


def test_blocks_mutes_pins(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    h = auth(inst, "alice")
    bob, carol = inst.account_id("bob"), inst.account_id("carol")
    http.post(f"{base}/api/v1/accounts/{bob}/follow", headers=h)
    post(http, inst, "bob", "from bob")
    carol_status = post(http, inst, "carol", "from carol")
    rel = http.post(f"{base}/api/v1/accounts/{bob}/block", headers=h).json()
    assert rel["blocking"] is True and rel["following"] is False
    assert [a["id"] for a in http.get(base + "/api/v1/blocks", headers=h).json()] == [bob]
    assert http.get(base + "/api/v1/timelines/home", headers=h).json() == []
    http.post(f"{base}/api/v1/accounts/{carol}/mute", data={"notifications": "false"}, headers=h)
    rel = http.get(base + "/api/v1/accounts/relationships", params={"id[]": carol}, headers=h).json()[0]
    assert rel["muting"] is True and rel["muting_notifications"] is False
    public = [s["id"] for s in http.get(base + "/api/v1/timelines/public", headers=h).json()]
    assert carol_status["id"] not in public
    assert carol_status["id"] in [s["id"] for s in http.get(base + "/api/v1/timelines/public").json()]
    http.post(f"{base}/api/v1/accounts/{carol}/unmute", headers=h)
    http.post(f"{base}/api/v1/accounts/{bob}/unblock", headers=h)
    assert http.get(base + "/api/v1/mutes", headers=h).json() == []

    mine = post(http, inst, "alice", "pin me")
    assert http.post(f"{base}/api/v1/statuses/{mine['id']}/pin", headers=h).json()["pinned"] is True
    assert http.post(f"{base}/api/v1/statuses/{carol_status['id']}/pin", headers=h).status_code == 422
    post(http, inst, "alice", "not pinned")
    pinned = http.get(f"{base}/api/v1/accounts/{inst.account_id('alice')}/statuses?pinned=true").json()
    assert [s["id"] for s in pinned] == [mine["id"]]
    assert http.post(f"{base}/api/v1/statuses/{mine['id']}/unpin", headers=h).json()["pinned"] is False


def test_scheduled_statuses(local_instance: LocalInstance, http: requests.Session) -> None:
    import time
    from datetime import datetime, timedelta, timezone

    inst, base = local_instance, local_instance.api_base_url
    h = auth(inst, "alice")

    def at(seconds: float) -> str:
        return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat()

    too_soon = http.post(base + "/api/v1/statuses", data={"status": "x", "scheduled_at": at(60)}, headers=h)
    assert too_soon.status_code == 422
    later = http.post(base + "/api/v1/statuses", data={"status": "much later", "scheduled_at": at(3600)}, headers=h)
    assert later.status_code == 200
    entity = later.json()
    assert set(entity) == {"id", "scheduled_at", "params", "media_attachments"}
    assert entity["params"]["text"] == "much later"
    moved = http.put(f"{base}/api/v1/scheduled_statuses/{entity['id']}", data={"scheduled_at": at(7200)}, headers=h)
    assert moved.json()["scheduled_at"] != entity["scheduled_at"]
    assert [s["id"] for s in http.get(base + "/api/v1/scheduled_statuses", headers=h).json()] == [entity["id"]]
    assert http.delete(f"{base}/api/v1/scheduled_statuses/{entity['id']}", headers=h).json() == {}

    inst.settings.scheduled_min_delay = 0.0
    soon = http.post(base + "/api/v1/statuses", json={"status": "soon #later", "scheduled_at": at(0.03)}, headers=h)
    assert soon.status_code == 200
    time.sleep(0.05)
    home = http.get(base + "/api/v1/timelines/home", headers=h).json()
    assert [s["content"] for s in home] == [
        f'<p>soon <a href="{base}/tags/later" class="mention hashtag" rel="tag">#<span>later</span></a></p>'
    ]
    assert http.get(base + "/api/v1/scheduled_statuses", headers=h).json() == []


def test_follow_requests_for_locked_accounts(local_instance: LocalInstance, http: requests.Session) -> None:
    inst, base = local_instance, local_instance.api_base_url
    locked = http.patch(base + "/api/v1/accounts/update_credentials", data={"locked": "1"}, headers=auth(inst, "carol"))
    assert locked.json()["locked"] is True
    carol, alice, bob = inst.account_id("carol"), inst.account_id("alice"), inst.account_id("bob")
    rel = http.post(f"{base}/api/v1/accounts/{carol}/follow", headers=auth(inst, "alice")).json()
    assert rel["requested"] is True and rel["following"] is False
    http.post(f"{base}/api/v1/accounts/{carol}/follow", headers=auth(inst, "bob"))
    notes = http.get(base + "/api/v1/notifications", headers=auth(inst, "carol")).json()
    assert [n["type"] for n in notes] == ["follow_request", "follow_request"]
    pending = http.get(base + "/api/v1/follow_requests", headers=auth(inst, "carol")).json()
    assert [a["id"] for a in pending] == [bob, alice]
    ok = http.post(f"{base}/api/v1/follow_requests/{alice}/authorize", headers=auth(inst, "carol")).json()
    assert ok["followed_by"] is True and ok["requested_by"] is False
    http.post(f"{base}/api/v1/follow_requests/{bob}/reject", headers=auth(inst, "carol"))
    assert http.get(base + "/api/v1/follow_requests", headers=auth(inst, "carol")).json() == []
    assert http.post(f"{base}/api/v1/follow_requests/{bob}/reject", headers=auth(inst, "carol")).status_code == 404
    assert [a["id"] for a in http.get(f"{base}/api/v1/accounts/{carol}/followers").json()] == [alice]


def test_update_and_poll_notifications(local_instance: LocalInstance, http: requests.Session) -> None:
    from mastodon.testing.state import iso_now

    inst, base = local_instance, local_instance.api_base_url
    s = post(http, inst, "alice", "boost me")
    http.post(f"{base}/api/v1/statuses/{s['id']}/reblog", headers=auth(inst, "bob"))
    http.put(f"{base}/api/v1/statuses/{s['id']}", data={"status": "boost me, edited"}, headers=auth(inst, "alice"))
    assert [n["type"] for n in http.get(base + "/api/v1/notifications", headers=auth(inst, "bob")).json()] == ["update"]

    body = {"status": "vote", "poll": {"options": ["a", "b"], "expires_in": 300}}
    p = http.post(base + "/api/v1/statuses", json=body, headers=auth(inst, "alice")).json()
    http.post(f"{base}/api/v1/polls/{p['poll']['id']}/votes", data={"choices[]": "0"}, headers=auth(inst, "carol"))
    with inst.state.lock:  # let the poll end now
        inst.state.table("polls")[p["poll"]["id"]]["expires_at"] = iso_now(0)
    for user in ("carol", "alice"):
        notes = http.get(base + "/api/v1/notifications", headers=auth(inst, user)).json()
        poll_notes = [n for n in notes if n["type"] == "poll"]
        assert len(poll_notes) == 1 and poll_notes[0]["status"]["id"] == p["id"]
        assert poll_notes[0]["account"]["username"] == "alice"
    assert http.get(f"{base}/api/v1/polls/{p['poll']['id']}").json()["expired"] is True
