"""The local instance's domain blocks, driven through our client and by hand."""

from __future__ import annotations

from typing import Any

import requests

from mastodon import Mastodon
from mastodon.testing import LocalInstance, supported_routes


def _call(inst: LocalInstance, method: str, user: str = "alice", **kwargs: Any) -> requests.Response:
    headers = {"Authorization": "Bearer " + inst.token(user)}
    return requests.request(method, inst.api_base_url + "/api/v1/domain_blocks", headers=headers, timeout=10, **kwargs)


def test_routes_are_listed() -> None:
    for method in ("GET", "POST", "DELETE"):
        assert f"{method} /api/v1/domain_blocks" in supported_routes()


def test_block_list_unblock(local_instance: LocalInstance, alice: Mastodon) -> None:
    assert alice.domain_blocks() == []
    assert alice.domain_block("nsfw.social") is None
    alice.domain_block("ArtAlley.Social")
    alice.domain_block("nsfw.social")  # already blocked: still fine, not listed twice
    assert list(alice.domain_blocks()) == ["artalley.social", "nsfw.social"]
    assert local_instance.client("bob").domain_blocks() == []
    assert alice.domain_unblock("nsfw.social") is None
    assert list(alice.domain_blocks()) == ["artalley.social"]
    alice.domain_unblock("never.blocked")  # fine too
    assert list(alice.domain_blocks()) == ["artalley.social"]


def test_answers_are_empty_objects(local_instance: LocalInstance) -> None:
    answer = _call(local_instance, "POST", data={"domain": "example.org"})
    assert (answer.status_code, answer.json()) == (200, {})
    answer = _call(local_instance, "DELETE", data={"domain": "example.org"})
    assert (answer.status_code, answer.json()) == (200, {})


def test_invalid_domains(local_instance: LocalInstance) -> None:
    answer = _call(local_instance, "POST")
    assert answer.status_code == 422
    assert answer.json() == {"error": "Validation failed: Domain can't be blank"}
    answer = _call(local_instance, "POST", data={"domain": "not a domain"})
    assert answer.status_code == 422
    assert answer.json() == {"error": "Validation failed: Domain is not a valid domain name"}
    answer = _call(local_instance, "DELETE", data={"domain": ""})
    assert answer.status_code == 422
    assert _call(local_instance, "GET").json() == []


def test_pagination(local_instance: LocalInstance, alice: Mastodon) -> None:
    for domain in ("a.example", "b.example", "c.example"):
        alice.domain_block(domain)
    answer = _call(local_instance, "GET", params={"limit": 2})
    assert answer.json() == ["c.example", "b.example"]
    assert 'rel="next"' in answer.headers["Link"]
    page = alice.domain_blocks(limit=2)
    rest = alice.fetch_next(page)
    assert rest is not None
    assert list(rest) == ["a.example"]


def test_scopes(local_instance: LocalInstance) -> None:
    headers = {"Authorization": "Bearer " + local_instance.create_token("alice", ["read:blocks"])}
    url = local_instance.api_base_url + "/api/v1/domain_blocks"
    assert requests.get(url, headers=headers, timeout=10).status_code == 200
    assert requests.post(url, data={"domain": "x.example"}, headers=headers, timeout=10).status_code == 403
    follow = {"Authorization": "Bearer " + local_instance.create_token("alice", ["follow"])}
    assert requests.post(url, data={"domain": "x.example"}, headers=follow, timeout=10).status_code == 200
    assert requests.get(url, timeout=10).status_code == 401
