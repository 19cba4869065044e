"""Input the server refuses is stopped before sending, yet caught by what catches Mastodon.py's error.

Mastodon.py 2.3.3 sends these requests; the server answers 422 (or 404 for a path without an object)
and Mastodon.py raises ``MastodonAPIError('...', 422, 'Unprocessable Entity', <server's text>)``. We
raise one error that is both that and a ``MastodonIllegalArgumentError``, with ``args`` of that shape.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest
import requests_mock

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.errors import MastodonRefusedArgumentError

CASES: list[tuple[str, Callable[[Mastodon], Any], int]] = [
    ("empty status", lambda api: api.status_post(""), 422),
    ("blank status", lambda api: api.status_post("   "), 422),
    ("status None", lambda api: api.status_post(None), 422),
    ("bad quote policy", lambda api: api.status_update_quote_approval_policy("1", "bogus"), 422),
    ("missing quote policy", lambda api: api.status_update_quote_approval_policy("1", None), 422),
    ("empty list title", lambda api: api.list_create(""), 422),
    ("no accounts for a list", lambda api: api.list_accounts_add("1", []), 422),
    ("empty acct", lambda api: api.account_lookup(""), 422),
    ("limit 0", lambda api: api.timeline_home(limit=0), 422),
    ("unknown notification type", lambda api: api.notifications(types=["bogus"]), 422),
    ("no marker timeline", lambda api: api.markers_set([], []), 422),
    ("empty domain", lambda api: api.domain_block(""), 422),
    ("no poll choice", lambda api: api.poll_vote("1", []), 422),
    ("focus out of range", lambda api: api.media_update("1", focus=(2, 0)), 422),
    ("id None in a path", lambda api: api.status_pin(None), 404),
    ("list id None", lambda api: api.timeline_list(None), 404),
]


@pytest.mark.parametrize(("case", "call", "status"), CASES, ids=[c[0] for c in CASES])
def test_refused_input_is_caught_as_mastodon_py_code_catches_the_servers_answer(
    api: Mastodon, http: requests_mock.Mocker, case: str, call: Callable[[Mastodon], Any], status: int
) -> None:
    with pytest.raises(MastodonAPIError) as raised:
        call(api)
    error = raised.value
    assert isinstance(error, MastodonIllegalArgumentError) and isinstance(error, ValueError)
    assert isinstance(error, MastodonNotFoundError) == (status == 404)
    # Mastodon.py 2.3.3, same call, server answering 422: args == ('...', 422, 'Unprocessable Entity', text)
    assert len(error.args) == 4 and isinstance(error.args[0], str)
    assert error.args[1:3] == (status, {422: "Unprocessable Entity", 404: "Not Found"}[status])
    assert error.status_code == status and isinstance(error.error, str) and error.error
    assert error.error in str(error) and "not sent" in str(error)
    assert http.call_count == 0


def test_create_account_with_an_empty_password_is_refused_before_sending(http: requests_mock.Mocker) -> None:
    api = Mastodon(api_base_url="https://mastodon.example", client_id="id", client_secret="secret")
    with pytest.raises(MastodonIllegalArgumentError) as raised:  # what Mastodon.py 2.3.3 raises here
        api.create_account("alice", "", "alice@example.com", agreement=True)
    assert isinstance(raised.value, MastodonAPIError) and raised.value.args[1] == 422
    assert "password" in str(raised.value)
    assert http.call_count == 0


def test_a_refusal_pickles_with_its_fields() -> None:
    from mastodon.errors import refused

    copy = pickle.loads(pickle.dumps(refused("limit must be a positive int, not 0")))
    assert type(copy) is MastodonRefusedArgumentError
    assert copy.args[1:] == (422, "Unprocessable Entity", "limit must be a positive int, not 0")


def test_auth_request_url_refuses_a_plain_http_endpoint_unless_allowed(http: requests_mock.Mocker) -> None:
    # Mastodon.py 2.3.3 raises MastodonIllegalArgumentError here, loopback host or not.
    base = "http://127.0.0.1:3000"
    http.get(f"{base}/.well-known/oauth-authorization-server", json={"authorization_endpoint": f"{base}/oauth/auth"})
    api = Mastodon(api_base_url=base, client_id="id", client_secret="secret", version_check_mode="none")
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http=True"):
        api.auth_request_url(allow_http=False)
    assert api.auth_request_url(allow_http=True).startswith(f"{base}/oauth/auth?client_id=id&")
    http.get(f"{base}/.well-known/oauth-authorization-server", status_code=404)
    assert api.auth_request_url(allow_http=False).startswith(f"{base}/oauth/authorize?")  # nothing discovered


def test_what_2_3_3_refuses_without_cause_is_sent(api: Mastodon, http: requests_mock.Mocker) -> None:
    # 2.3.3 raises MastodonVersionError here whenever version checks are off, and refuses category "legal".
    http.get(f"{api.api_base_url}/api/v2/instance", json={"version": "4.5.0"})
    http.get(f"{api.api_base_url}/api/v1/instance", json={"version": "4.5.0"})
    http.get(f"{api.api_base_url}/api/v2/search", json={"accounts": [], "statuses": [], "hashtags": []})
    http.post(f"{api.api_base_url}/api/v1/reports", json={"id": "1"})
    api.search("cats", account_id="1")
    assert "account_id=1" in http.last_request.url
    api.report("1", category="legal")
    assert http.last_request.path == "/api/v1/reports" and "category=legal" in http.last_request.text


def test_filters_apply_refuses_an_unknown_context_as_a_plain_argument_error(api: Mastodon) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="context must be one of") as raised:
        api.filters_apply([], [], "bogus")
    assert not isinstance(raised.value, MastodonAPIError)  # nothing would have been sent
