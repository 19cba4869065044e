"""Requests sent and values returned by the poll endpoints (docs: methods/polls.md)."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Poll, PollOption

BASE = "https://mastodon.example"


def test_poll_gets_one_poll(api: Mastodon, http, example) -> None:
    """methods/polls.md#get: GET /api/v1/polls/:id."""
    body = example("methods/polls.md", "get")
    http.get(f"{BASE}/api/v1/polls/{body['id']}", json=body)
    poll = api.poll({"id": body["id"]})
    assert isinstance(poll, Poll) and poll.id == body["id"]
    assert all(isinstance(option, PollOption) for option in poll.options)
    assert http.last_request.method == "GET" and http.last_request.query == ""


@pytest.mark.parametrize(("choices", "sent"), [(1, ["1"]), ([0, 2], ["0", "2"]), ((3,), ["3"])])
def test_poll_vote_posts_choices(api: Mastodon, http, example, form, choices, sent) -> None:
    """methods/polls.md#vote: POST /api/v1/polls/:id/votes with choices[]."""
    body = example("methods/polls.md", "vote")
    http.post(f"{BASE}/api/v1/polls/{body['id']}/votes", json=body)
    poll = api.poll_vote(body["id"], choices)
    assert isinstance(poll, Poll) and poll.voted is True
    assert form(http.last_request) == [("choices[]", value) for value in sent]


@pytest.mark.parametrize("choices", [[], "1", [True], [-1], [0.5], None])
def test_poll_vote_refuses_bad_choices(api: Mastodon, http, choices) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="choices"):
        api.poll_vote("5", choices)
    assert http.call_count == 0


def test_make_poll_builds_the_dict_status_post_sends(api: Mastodon, http) -> None:
    assert api.make_poll(["yes", "no"], 300) == {
        "options": ["yes", "no"],
        "expires_in": 300,
        "multiple": False,
        "hide_totals": False,
    }
    assert api.make_poll(("a", "b", "c"), 86400, multiple=True, hide_totals=True) == {
        "options": ["a", "b", "c"],
        "expires_in": 86400,
        "multiple": True,
        "hide_totals": True,
    }
    assert http.call_count == 0


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ((["only one"], 300), "options"),
        (("ab", 300), "options"),
        ((["a", ""], 300), "options"),
        ((["a", 2], 300), "options"),
        ((["a", "b"], 0), "expires_in"),
        ((["a", "b"], "300"), "expires_in"),
        ((["a", "b"], True), "expires_in"),
        ((["a", "b"], 300, "yes"), "multiple"),
    ],
)
def test_make_poll_refuses_bad_input(api: Mastodon, args, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.make_poll(*args)
