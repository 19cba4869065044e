"""Kinder errors against the local instance: scopes, refused tokens, forks' answers."""

from __future__ import annotations

import pytest

from mastodon import Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonUnauthorizedError
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration


def test_a_missing_scope_is_named() -> None:
    with LocalInstance() as inst:
        api = Mastodon(api_base_url=inst.api_base_url, access_token=inst.create_token("alice", "read"))
        with pytest.raises(MastodonAPIError) as caught:
            api.status_post("hello")
        assert caught.value.status_code == 403
        assert "needs the scope 'write:statuses' (or 'write')" in str(caught.value)


def test_invalid_scope_names_the_scopes_the_app_lacks() -> None:
    with LocalInstance() as inst:
        client_id, client_secret = Mastodon.create_app("narrow", scopes=["read"], api_base_url=inst.api_base_url)
        api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=inst.api_base_url)
        with pytest.raises(MastodonIllegalArgumentError) as caught, pytest.warns(DeprecationWarning):
            api.log_in("alice", inst.password("alice"), scopes=["read", "write", "follow"], allow_http=True)
    assert "registered with the scopes 'read' and lacks 'write follow' (invalid_scope)" in str(caught.value)


def test_invalid_scope_for_an_app_from_elsewhere_names_the_request() -> None:
    with LocalInstance() as inst:
        client_id, client_secret = Mastodon.create_app("narrow", scopes=["read"], api_base_url=inst.api_base_url)
        from mastodon.endpoints import authentication

        authentication._registered_scopes.clear()  # as if the app had been registered by another program
        api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=inst.api_base_url)
        with pytest.raises(MastodonIllegalArgumentError) as caught, pytest.warns(DeprecationWarning):
            api.log_in("alice", inst.password("alice"), scopes=["read", "write"], allow_http=True)
    assert "refused the scopes 'read write'" in str(caught.value) and "create_app" in str(caught.value)


def test_a_fork_answering_400_to_a_bad_token_raises_unauthorized() -> None:
    with LocalInstance(flavour="gotosocial") as inst:
        api = Mastodon(api_base_url=inst.api_base_url, access_token="not-a-real-token")
        with pytest.raises(MastodonUnauthorizedError) as caught:
            api.account_verify_credentials()
    assert caught.value.status_code == 400
    assert "Log in again" in str(caught.value) and "not-a-real-token" not in str(caught.value)
