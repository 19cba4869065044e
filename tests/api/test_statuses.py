"""Requests sent and values returned by the statuses endpoints (docs: methods/statuses.md)."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from mastodon import Mastodon, MastodonFileNotFoundError, MastodonIllegalArgumentError
from mastodon.return_types import (
    Account,
    Context,
    PreviewCard,
    ScheduledStatus,
    Status,
    StatusEdit,
    StatusSource,
    Translation,
)
from mastodon.types_base import IdType, NonPaginatableList, PaginatableList

BASE = "https://mastodon.example"


def test_status_gets_one_status_and_converts_it(api: Mastodon, http, example) -> None:
    body = example("methods/statuses.md", "get")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    status = api.status(body["id"])
    assert isinstance(status, Status)
    assert isinstance(status.account, Account)
    assert isinstance(status.id, IdType) and status.id == body["id"]
    assert status.created_at == dt.datetime.fromisoformat(body["created_at"].replace("Z", "+00:00"))
    assert status.created_at.tzinfo == dt.timezone.utc
    assert http.last_request.headers["Authorization"] == "Bearer test-access-token-0123456789"
    assert http.last_request.method == "GET" and http.last_request.query == ""


def test_status_accepts_an_entity_as_id(api: Mastodon, http, example) -> None:
    body = example("methods/statuses.md", "get")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    first = api.status(body["id"])
    again = api.status(first)
    assert again == first


def test_status_post_sends_a_form_with_an_idempotency_key(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("hello", visibility="Unlisted", media_ids=[{"id": "7"}, "8"], language="en")
    request = http.last_request
    assert form(request) == [
        ("status", "hello"),
        ("sensitive", "0"),
        ("visibility", "unlisted"),
        ("language", "en"),
        ("media_ids[]", "7"),  # lists last, as Mastodon.py 2.3.3 sends them
        ("media_ids[]", "8"),
    ]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert len(request.headers["Idempotency-Key"]) >= 16


def test_status_post_uses_the_callers_idempotency_key(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("hello", idempotency_key="abc-123")
    assert http.last_request.headers["Idempotency-Key"] == "abc-123"


def test_status_post_with_a_poll_sends_json(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("vote", poll={"options": ["a", "b"], "expires_in": 300, "multiple": False})
    sent = json.loads(http.last_request.text)
    assert sent == {
        "status": "vote",
        "sensitive": "0",
        "poll": {"options": ["a", "b"], "expires_in": 300, "multiple": False},
    }


def test_status_post_scheduled_returns_a_scheduled_status(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "create", index=1))
    when = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    result = api.status_post("later", scheduled_at=when)
    assert isinstance(result, ScheduledStatus)
    assert ("scheduled_at", "2030-01-02T03:04:05+00:00") in form(http.last_request)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"visibility": "friends"}, "visibility"),
        ({"quote_id": "1"}, "quote_id"),
        ({"quote_approval_policy": "everyone"}, "quote_approval_policy"),
        ({"content_type": "text/rtf", "strict_content_type": True}, "content_type"),
    ],
)
def test_status_post_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.status_post("hi", **kwargs)
    assert http.call_count == 0


def test_empty_status_without_media_is_refused(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="empty"):
        api.status_post("   ")
    assert http.call_count == 0


def test_toot_posts_text(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    assert isinstance(api.toot("hi"), Status)
    assert form(http.last_request) == [("status", "hi"), ("sensitive", "0")]


def test_status_reply_mentions_author_and_others_but_not_me(api: Mastodon, http, example, form) -> None:
    original = example("methods/statuses.md", "get")
    original["mentions"] = [
        {"id": "99", "acct": "me", "username": "me", "url": "u"},
        {"id": "5", "acct": "friend@else.where", "username": "friend", "url": "u"},
    ]
    original["visibility"] = "unlisted"
    original["spoiler_text"] = "cw"
    http.get(f"{BASE}/api/v1/accounts/verify_credentials", json={"id": "99", "acct": "me"})
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_reply(Status._from_json(original), "thanks")
    sent = dict(form(http.last_request))
    assert sent["status"] == f"@{original['account']['acct']} @friend@else.where thanks"
    assert sent["in_reply_to_id"] == original["id"]
    assert sent["visibility"] == "unlisted" and sent["spoiler_text"] == "cw"


def test_status_reply_needs_a_status_not_an_id(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="to_status"):
        api.status_reply("123", "hi")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_status_delete_sends_delete_media(api: Mastodon, http, example, form) -> None:
    http.delete(f"{BASE}/api/v1/statuses/103270115826048975", json=example("methods/statuses.md", "get"))
    deleted = api.status_delete("103270115826048975", delete_media=True)
    assert isinstance(deleted, Status)
    assert form(http.last_request) == [("delete_media", "1")]


# ---------------------------------------------------------------------------------------------
# Reading statuses


def test_statuses_gets_several_by_id(api: Mastodon, http, example) -> None:
    """methods/statuses.md#index: GET /api/v1/statuses?id[]=..."""
    body = example("methods/statuses.md", "index")
    http.get(f"{BASE}/api/v1/statuses", json=body)
    found = api.statuses([{"id": "1"}, 2, "3"])
    assert http.last_request.method == "GET"
    assert http.last_request.qs == {"id[]": ["1", "2", "3"]}
    assert isinstance(found, NonPaginatableList) and len(found) == len(body)
    assert all(isinstance(status, Status) for status in found)


def test_statuses_refuses_a_single_id(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="ids"):
        api.statuses("123")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_status_card_is_the_statuses_card(api: Mastodon, http, example) -> None:
    """methods/statuses.md#card was removed in 3.0.0: the card comes from the status itself."""
    body = example("methods/statuses.md", "get")
    body["card"] = example("methods/statuses.md", "card")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    card = api.status_card(body["id"])
    assert isinstance(card, PreviewCard) and card.url == body["card"]["url"]
    assert http.call_count == 1


def test_status_card_is_none_without_a_card(api: Mastodon, http, example) -> None:
    body = example("methods/statuses.md", "get")
    body["card"] = None
    http.get(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    assert api.status_card(body["id"]) is None


def test_status_card_uses_the_old_endpoint_on_old_servers(http, example) -> None:
    """methods/statuses.md#card: GET /api/v1/statuses/:id/card before 3.0.0."""
    old = Mastodon(api_base_url=BASE, access_token="t0k3n-value", mastodon_version="2.9.0")
    http.get(f"{BASE}/api/v1/statuses/5/card", json=example("methods/statuses.md", "card"))
    assert isinstance(old.status_card("5"), PreviewCard)


def test_status_context_returns_ancestors_and_descendants(api: Mastodon, http, example) -> None:
    """methods/statuses.md#context: GET /api/v1/statuses/:id/context."""
    body = example("methods/statuses.md", "context")
    http.get(f"{BASE}/api/v1/statuses/7/context", json=body)
    context = api.status_context({"id": "7"})
    assert isinstance(context, Context)
    assert len(context.ancestors) == len(body["ancestors"])
    assert all(isinstance(status, Status) for status in context.ancestors + context.descendants)


@pytest.mark.parametrize(
    ("method", "segment"), [("status_reblogged_by", "reblogged_by"), ("status_favourited_by", "favourited_by")]
)
def test_who_boosted_or_favourited_is_a_page_of_accounts(api: Mastodon, http, example, method, segment) -> None:
    """methods/statuses.md#reblogged_by and #favourited_by: Link-paginated arrays of Account."""
    body = example("methods/statuses.md", segment)
    link = f'<{BASE}/api/v1/statuses/7/{segment}?max_id=42>; rel="next"'
    http.get(f"{BASE}/api/v1/statuses/7/{segment}", json=body, headers={"Link": link})
    page = getattr(api, method)("7")
    assert isinstance(page, PaginatableList) and all(isinstance(account, Account) for account in page)
    assert http.last_request.query == ""
    assert page._pagination_next is not None and str(page._pagination_next["max_id"]) == "42"


def test_status_history_lists_edits(api: Mastodon, http, example) -> None:
    """methods/statuses.md#history: GET /api/v1/statuses/:id/history."""
    body = example("methods/statuses.md", "history")
    http.get(f"{BASE}/api/v1/statuses/7/history", json=body)
    edits = api.status_history("7")
    assert isinstance(edits, NonPaginatableList) and len(edits) == len(body)
    assert all(isinstance(edit, StatusEdit) for edit in edits)
    assert isinstance(edits[0].created_at, dt.datetime)


def test_status_source_returns_plain_text(api: Mastodon, http, example) -> None:
    """methods/statuses.md#source: GET /api/v1/statuses/:id/source."""
    body = example("methods/statuses.md", "source")
    http.get(f"{BASE}/api/v1/statuses/{body['id']}/source", json=body)
    source = api.status_source(body["id"])
    assert isinstance(source, StatusSource) and source.text == body["text"]


def test_status_translate_posts_the_language(api: Mastodon, http, example, form) -> None:
    """methods/statuses.md#translate: POST /api/v1/statuses/:id/translate with lang."""
    body = example("methods/statuses.md", "translate")
    http.post(f"{BASE}/api/v1/statuses/7/translate", json=body)
    translation = api.status_translate("7", lang="de")
    assert isinstance(translation, Translation) and translation.content == body["content"]
    assert form(http.last_request) == [("lang", "de")]


def test_status_translate_without_language_sends_nothing_or_the_clients(http, example, form) -> None:
    http.post(f"{BASE}/api/v1/statuses/7/translate", json=example("methods/statuses.md", "translate"))
    plain = Mastodon(api_base_url=BASE, access_token="t0k3n-value")
    plain.status_translate("7")
    assert form(http.last_request) == []
    french = Mastodon(api_base_url=BASE, access_token="t0k3n-value", lang="fr")
    french.status_translate("7")
    assert form(http.last_request) == [("lang", "fr")]


def test_status_quotes_is_a_page_of_statuses(api: Mastodon, http, example) -> None:
    """methods/statuses.md#quotes: GET /api/v1/statuses/:id/quotes with max_id, since_id, limit."""
    body = example("methods/statuses.md", "quotes")
    http.get(f"{BASE}/api/v1/statuses/7/quotes", json=body)
    page = api.status_quotes("7", max_id={"id": "100"}, limit=5)
    assert isinstance(page, PaginatableList) and all(isinstance(status, Status) for status in page)
    assert http.last_request.qs == {"max_id": ["100"], "limit": ["5"]}


# ---------------------------------------------------------------------------------------------
# Posting and editing


def test_status_post_signature_has_no_media_attributes(api: Mastodon) -> None:
    """Mastodon.py 2.3's status_post has no media_attributes (only status_update has)."""
    import inspect

    assert "media_attributes" not in inspect.signature(api.status_post).parameters
    assert "media_attributes" not in inspect.signature(api.status_reply).parameters


def test_status_post_quote_sends_quoted_status_id_and_policy(api: Mastodon, http, example, form) -> None:
    """methods/statuses.md#create: quoted_status_id and quote_approval_policy (4.5.0)."""
    http.post(f"{BASE}/api/v1/statuses", json=example("methods/statuses.md", "get"))
    api.status_post("look", quoted_status_id={"id": "55"}, quote_approval_policy="followers", in_reply_to_id=9)
    assert form(http.last_request) == [
        ("status", "look"),
        ("in_reply_to_id", "9"),
        ("sensitive", "0"),
        ("quoted_status_id", "55"),
        ("quote_approval_policy", "followers"),
    ]


def test_status_update_puts_a_form(api: Mastodon, http, example, form) -> None:
    """methods/statuses.md#edit: PUT /api/v1/statuses/:id."""
    body = example("methods/statuses.md", "edit")
    http.put(f"{BASE}/api/v1/statuses/{body['id']}", json=body)
    edited = api.status_update(body["id"], "new text", spoiler_text="cw", sensitive=True, media_ids=["3"])
    assert isinstance(edited, Status)
    request = http.last_request
    assert request.method == "PUT"
    assert form(request) == [("status", "new text"), ("sensitive", "1"), ("spoiler_text", "cw"), ("media_ids[]", "3")]
    assert "Idempotency-Key" not in request.headers


def test_status_update_leaves_out_what_is_not_given(api: Mastodon, http, example, form) -> None:
    http.put(f"{BASE}/api/v1/statuses/7", json=example("methods/statuses.md", "edit"))
    api.status_update("7", "")
    assert form(http.last_request) == [("status", "")]


def test_status_update_with_media_attributes_sends_json(api: Mastodon, http, example) -> None:
    """methods/statuses.md#edit: media_attributes[][] (id, description, focus); their ids are attached."""
    http.put(f"{BASE}/api/v1/statuses/7", json=example("methods/statuses.md", "edit"))
    attributes = [
        api.generate_media_edit_attributes({"id": "21"}, description="a cat", focus=(0.5, -0.25)),
        api.generate_media_edit_attributes("22", description="a dog"),
    ]
    api.status_update("7", "pets", media_ids=["20", "21"], media_attributes=attributes, quote_approval_policy="nobody")
    assert json.loads(http.last_request.text) == {
        "status": "pets",
        "media_ids": ["20", "21", "22"],
        "media_attributes": [
            {"id": "21", "description": "a cat", "focus": "0.5,-0.25"},
            {"id": "22", "description": "a dog"},
        ],
        "quote_approval_policy": "nobody",
    }
    assert http.last_request.headers["Content-Type"] == "application/json"


def test_status_update_with_a_poll_sends_json(api: Mastodon, http, example) -> None:
    http.put(f"{BASE}/api/v1/statuses/7", json=example("methods/statuses.md", "edit"))
    api.status_update("7", "vote again", poll=api.make_poll(["x", "y"], 3600, hide_totals=True), sensitive=False)
    assert json.loads(http.last_request.text) == {
        "status": "vote again",
        "sensitive": "0",
        "poll": {"options": ["x", "y"], "expires_in": 3600, "multiple": False, "hide_totals": True},
    }


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"quote_approval_policy": "friends"}, "quote_approval_policy"),
        ({"media_attributes": [{"description": "no id"}]}, "media_attributes"),
        ({"poll": ["a", "b"]}, "poll"),
        ({"status": 5}, "status"),
    ],
)
def test_status_update_refuses_bad_input_before_sending(api: Mastodon, http, kwargs, problem) -> None:
    arguments = {"status": "text", **kwargs}
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.status_update("7", **arguments)
    assert http.call_count == 0


def test_generate_media_edit_attributes_inlines_a_thumbnail(api: Mastodon, http, tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    path = tmp_path / "thumb.png"
    path.write_bytes(png)
    attributes = api.generate_media_edit_attributes("9", thumbnail=path)
    assert attributes == {"id": "9", "thumbnail": "data:image/png;base64," + base64.b64encode(png).decode()}
    from_bytes = api.generate_media_edit_attributes("9", thumbnail=b"GIF89a...", thumb_mimetype="image/gif")
    assert from_bytes["thumbnail"] == "data:image/gif;base64," + base64.b64encode(b"GIF89a...").decode()
    assert http.call_count == 0


@pytest.mark.parametrize("focus", [(2.0, 0.0), (0.1,), "a,b", [0.1, "x"]])
def test_generate_media_edit_attributes_refuses_a_bad_focus(api: Mastodon, focus) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="focus"):
        api.generate_media_edit_attributes("9", focus=focus)


def test_generate_media_edit_attributes_names_a_missing_thumbnail(api: Mastodon, tmp_path) -> None:
    missing = tmp_path / "nope.png"
    with pytest.raises(MastodonFileNotFoundError, match=r"nope\.png"):
        api.generate_media_edit_attributes("9", thumbnail=str(missing))


# ---------------------------------------------------------------------------------------------
# Acting on statuses


def test_status_reblog_sends_a_lowercased_visibility(api: Mastodon, http, example, form) -> None:
    """methods/statuses.md#boost: POST /api/v1/statuses/:id/reblog with visibility."""
    body = example("methods/statuses.md", "boost")
    http.post(f"{BASE}/api/v1/statuses/7/reblog", json=body)
    boost = api.status_reblog("7", visibility="Unlisted")
    assert isinstance(boost, Status) and isinstance(boost.reblog, Status)
    assert form(http.last_request) == [("visibility", "unlisted")]


def test_status_reblog_without_visibility_sends_no_body(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/statuses/7/reblog", json=example("methods/statuses.md", "boost"))
    api.status_reblog("7")
    assert not http.last_request.body


def test_status_reblog_refuses_an_unknown_visibility(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="visibility"):
        api.status_reblog("7", visibility="everyone")
    assert http.call_count == 0


@pytest.mark.parametrize(
    ("method", "segment", "anchor"),
    [
        ("status_unreblog", "unreblog", "unreblog"),
        ("status_favourite", "favourite", "favourite"),
        ("status_unfavourite", "unfavourite", "unfavourite"),
        ("status_mute", "mute", "mute"),
        ("status_unmute", "unmute", "unmute"),
        ("status_pin", "pin", "pin"),
        ("status_unpin", "unpin", "unpin"),
        ("status_bookmark", "bookmark", "bookmark"),
        ("status_unbookmark", "unbookmark", "unbookmark"),
    ],
)
def test_status_actions_post_to_their_path(api: Mastodon, http, example, method, segment, anchor) -> None:
    """methods/statuses.md#<action>: POST /api/v1/statuses/:id/<action>, no parameters, returns the Status."""
    body = example("methods/statuses.md", anchor)
    http.post(f"{BASE}/api/v1/statuses/{body['id']}/{segment}", json=body)
    result = getattr(api, method)(Status._from_json(body))
    assert isinstance(result, Status) and result.id == body["id"]
    assert http.last_request.method == "POST" and not http.last_request.body


def test_status_quote_revoke_names_both_statuses(api: Mastodon, http, example) -> None:
    """methods/statuses.md#revoke_quote: POST /api/v1/statuses/:id/quotes/:quoting_status_id/revoke."""
    body = example("methods/statuses.md", "revoke_quote")
    http.post(f"{BASE}/api/v1/statuses/1/quotes/2/revoke", json=body)
    result = api.status_quote_revoke({"id": "1"}, 2)
    assert isinstance(result, Status)
    assert http.last_request.method == "POST"


def test_status_update_quote_approval_policy_puts_the_policy(api: Mastodon, http, example, form) -> None:
    """methods/statuses.md#edit_interaction_policy: PUT /api/v1/statuses/:id/interaction_policy."""
    http.put(
        f"{BASE}/api/v1/statuses/7/interaction_policy", json=example("methods/statuses.md", "edit_interaction_policy")
    )
    result = api.status_update_quote_approval_policy("7", "followers")
    assert isinstance(result, Status)
    assert form(http.last_request) == [("quote_approval_policy", "followers")]


@pytest.mark.parametrize("policy", ["anyone", None])
def test_status_update_quote_approval_policy_refuses_bad_policies(api: Mastodon, http, policy) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="quote_approval_policy"):
        api.status_update_quote_approval_policy("7", policy)  # type: ignore[arg-type]
    assert http.call_count == 0


# ---------------------------------------------------------------------------------------------
# Counting a status's length


@pytest.mark.parametrize(
    ("text", "spoiler", "length"),
    [
        ("hello", "", 5),
        ("", "", 0),
        ("hi", "cw", 4),
        # every link counts as 23, trailing punctuation is not part of it
        ("Check https://example.com/some/very/long/path?x=1.", "", 6 + 23 + 1),
        ("https://a.io", "", 23),
        ("see (https://en.wikipedia.org/wiki/Foo_(bar))!", "", 5 + 23 + 2),
        ("gemini://example.org/page and http://xn--bcher-kva.example/", "", 23 + 5 + 23),
        # no scheme, a letter right before, or no top-level domain: not a link
        ("example.com", "", 11),
        ("foohttps://example.com", "", 22),
        ("https://localhost/x", "", 19),
        # a remote mention counts as its local part, a local one as written, an e-mail address is no mention
        ("@alice@example.social hi", "", 9),
        ("@bob hi", "", 7),
        ("write to user@example.com", "", 25),
        ("@x@y.z.", "", 3),
        ("@alice@example.social, hi", "", 10),
        ("@a@b.c@d", "", 8),
        ("x=@a@b.c", "", 8),
        # grapheme clusters: a combining accent, a family emoji, flags and a skin tone count as one each
        ("e\u0301", "", 1),
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", "", 1),
        ("\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7", "", 2),
        ("\U0001f44d\U0001f3fd", "", 1),
    ],
)
def test_get_status_length_counts_as_the_server(text, spoiler, length) -> None:
    assert Mastodon.get_status_length(text, spoiler) == length


def test_get_status_length_is_static() -> None:
    import inspect

    assert isinstance(inspect.getattr_static(Mastodon, "get_status_length"), staticmethod)


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "e\u0301te\u0301",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467!",
        "\U0001f1e9\U0001f1ea\U0001f1eb",
        "a\r\nb",
        "\u263a\ufe0f",
        "1\ufe0f\u20e3",
        "\U0001f44b\U0001f3ff\U0001f44b",
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        "\u0928\u092e\u0938\u094d\u0924\u0947",
    ],
)
def test_grapheme_count_without_the_regex_module_agrees(text) -> None:
    from mastodon.endpoints import statuses as module

    assert module.approximate_grapheme_count(text) == module.grapheme_count(text)


# ---------------------------------------------------------------------------------------------
# Scheduled statuses


def test_scheduled_statuses_is_a_page(api: Mastodon, http, example) -> None:
    """methods/scheduled_statuses.md#get: GET /api/v1/scheduled_statuses with bounds and limit."""
    body = example("methods/scheduled_statuses.md", "get")
    http.get(f"{BASE}/api/v1/scheduled_statuses", json=body)
    page = api.scheduled_statuses(min_id="5", limit=10)
    assert isinstance(page, PaginatableList) and all(isinstance(item, ScheduledStatus) for item in page)
    assert isinstance(page[0].scheduled_at, dt.datetime)
    assert http.last_request.qs == {"min_id": ["5"], "limit": ["10"]}


def test_scheduled_status_gets_one(api: Mastodon, http, example) -> None:
    """methods/scheduled_statuses.md#get-one: GET /api/v1/scheduled_statuses/:id."""
    body = example("methods/scheduled_statuses.md", "get-one")
    http.get(f"{BASE}/api/v1/scheduled_statuses/{body['id']}", json=body)
    scheduled = api.scheduled_status(body["id"])
    assert isinstance(scheduled, ScheduledStatus) and scheduled.id == body["id"]


def test_scheduled_status_update_puts_the_new_time(api: Mastodon, http, example, form) -> None:
    """methods/scheduled_statuses.md#update: PUT /api/v1/scheduled_statuses/:id with scheduled_at."""
    body = example("methods/scheduled_statuses.md", "update")
    http.put(f"{BASE}/api/v1/scheduled_statuses/3221", json=body)
    when = dt.datetime(2030, 6, 1, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    result = api.scheduled_status_update({"id": "3221"}, when)
    assert isinstance(result, ScheduledStatus)
    assert form(http.last_request) == [("scheduled_at", "2030-06-01T12:00:00+00:00")]


def test_scheduled_status_update_needs_a_datetime(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="scheduled_at"):
        api.scheduled_status_update("3221", "tomorrow")  # type: ignore[arg-type]
    assert http.call_count == 0


def test_scheduled_status_delete_returns_none(api: Mastodon, http) -> None:
    """methods/scheduled_statuses.md#cancel: DELETE /api/v1/scheduled_statuses/:id answers {}."""
    http.delete(f"{BASE}/api/v1/scheduled_statuses/3221", json={})
    assert api.scheduled_status_delete("3221") is None
    assert http.last_request.method == "DELETE" and not http.last_request.body


def test_status_post_can_check_the_length_before_sending(api: Mastodon, http, example) -> None:
    """The limit is the instance's configuration.statuses.max_characters (methods/instance.md#v2)."""
    instance = example("methods/instance.md", "v2")
    instance["configuration"]["statuses"]["max_characters"] = 30
    http.get("https://mastodon.example/api/v2/instance", json=instance)
    http.post("https://mastodon.example/api/v1/statuses", json=example("methods/statuses.md", "get"))
    with pytest.raises(MastodonIllegalArgumentError, match=r"31 characters long.*allows 30"):
        api.status_post("x" * 31, check_length=True)
    assert [request.method for request in http.request_history] == ["GET"]
    link = "https://example.com/" + "a" * 100  # counts as 23
    api.status_post(f"see {link}", check_length=True)
    assert http.last_request.method == "POST"
    assert [request.method for request in http.request_history] == ["GET", "POST"]  # the limit is cached
