"""Entity shapes compared with the example JSON of the Mastodon docs; instance metadata and personalities."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from doc_fixtures import entity_blocks

from mastodon.testing import LocalInstance

# maps whose keys are data, not fields
DATA_KEYED = {"meta", "translations", "api_versions", "versions"}


def example(entity: str) -> dict[str, Any]:
    """The first JSON block of an entity page of the docs."""
    parsed: dict[str, Any] = entity_blocks(entity)[0][1]
    return parsed


def missing_keys(ours: Any, theirs: Any, where: str = "") -> list[str]:
    """Keys of the docs' example (recursively through objects) that our JSON lacks."""
    if not isinstance(ours, dict) or not isinstance(theirs, dict):
        return []
    out = [f"{where}.{k}" for k in theirs if k not in ours]
    for key, value in theirs.items():
        if key in ours and key not in DATA_KEYED:
            out += missing_keys(ours[key], value, f"{where}.{key}")
    return out


@pytest.fixture
def populated(local_instance: LocalInstance, http: requests.Session) -> dict[str, Any]:
    inst, base = local_instance, local_instance.api_base_url
    h = {"Authorization": "Bearer " + inst.token("alice")}
    media = http.post(base + "/api/v1/media", files={"file": ("p.png", b"\x89PNG", "image/png")}, headers=h).json()
    status = http.post(
        base + "/api/v1/statuses", data={"status": "hi @bob", "media_ids[]": [media["id"]]}, headers=h
    ).json()
    poll_status = http.post(
        base + "/api/v1/statuses",
        json={"status": "poll", "poll": {"options": ["a", "b"], "expires_in": 600}},
        headers=h,
    ).json()
    bob_h = {"Authorization": "Bearer " + inst.token("bob")}
    notification = http.get(base + "/api/v1/notifications", headers=bob_h).json()[0]
    return {"status": status, "media": media, "poll": poll_status["poll"], "notification": notification}


def test_status_account_media_poll_shapes(
    local_instance: LocalInstance, http: requests.Session, populated: dict[str, Any]
) -> None:
    assert missing_keys(populated["status"], example("Status")) == []
    assert missing_keys(populated["status"]["account"], example("Account")) == []
    assert missing_keys(populated["media"], example("MediaAttachment")) == []
    assert missing_keys(populated["poll"], example("Poll")) == []
    assert missing_keys(populated["notification"], example("Notification")) == []
    bob = local_instance.account_id("bob")
    rel = http.get(
        local_instance.api_base_url + "/api/v1/accounts/relationships",
        params={"id[]": bob},
        headers={"Authorization": "Bearer " + local_instance.token("alice")},
    ).json()[0]
    assert missing_keys(rel, example("Relationship")) == []
    mention = populated["status"]["mentions"][0]
    assert set(mention) == {"id", "username", "url", "acct"}


def test_ids_are_increasing_numeric_strings(populated: dict[str, Any]) -> None:
    assert populated["status"]["id"].isdigit()
    assert int(populated["media"]["id"]) < int(populated["status"]["id"])


def test_instance_shapes(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    v2 = http.get(base + "/api/v2/instance").json()
    assert missing_keys(v2, example("Instance")) == []
    assert v2["configuration"]["urls"]["streaming"] == base
    assert v2["api_versions"]["mastodon"] >= 2
    v1 = http.get(base + "/api/v1/instance").json()
    assert missing_keys(v1, example("V1_Instance")) == []
    assert v1["urls"]["streaming_api"] == base
    app = http.post(
        base + "/api/v1/apps", data={"client_name": "c", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}
    ).json()
    assert missing_keys(app, example("Application")) == []
    links = http.get(base + "/.well-known/nodeinfo").json()["links"]
    nodeinfo = http.get(links[0]["href"]).json()
    assert nodeinfo["software"] == {"name": "mastodon", "version": "4.4.0"}
    me = http.get(
        base + "/api/v1/accounts/verify_credentials",
        headers={"Authorization": "Bearer " + local_instance.token("alice")},
    ).json()
    assert {"source", "role"} <= set(me) and me["source"]["privacy"] == "public"


@pytest.mark.parametrize(
    ("flavour", "version", "software"),
    [
        ("pleroma", "2.7.2 (compatible; Pleroma 2.5.0)", "pleroma"),
        ("akkoma", "3.5.3 (compatible; Akkoma 3.10.0)", "akkoma"),
        ("gotosocial", "0.16.0 git-1d2f3e4", "gotosocial"),
    ],
)
def test_fork_personalities(http: requests.Session, flavour: str, version: str, software: str) -> None:
    with LocalInstance(flavour=flavour) as inst:
        base = inst.api_base_url
        assert http.get(base + "/api/v1/instance").json()["version"] == version
        v2 = http.get(base + "/api/v2/instance").json()
        assert v2["version"] == version and "api_versions" not in v2
        assert http.get(base + "/nodeinfo/2.0").json()["software"]["name"] == software


def test_unknown_flavour_and_setting() -> None:
    with pytest.raises(ValueError):
        LocalInstance(flavour="misskey")
    with pytest.raises(TypeError):
        LocalInstance(no_such_knob=1)


def test_client_builds_a_mastodon(local_instance: LocalInstance) -> None:
    api = local_instance.client("bob")
    assert api is not None


def test_supported_routes_lists_the_core_endpoints() -> None:
    from mastodon.testing import supported_routes

    routes = set(supported_routes())
    for expected in (
        "POST /api/v1/apps",
        "POST /oauth/token",
        "GET /api/v2/instance",
        "POST /api/v1/statuses",
        "GET /api/v1/timelines/tag/{hashtag}",
        "GET /api/v2/notifications",
        "POST /api/v2/media",
        "GET /api/v1/streaming/user",
    ):
        assert expected in routes


def test_filter_tag_report_shapes(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    h = {"Authorization": "Bearer " + local_instance.token("alice")}
    bob_h = {"Authorization": "Bearer " + local_instance.token("bob")}
    status = http.post(base + "/api/v1/statuses", data={"status": "a bad word #nowplaying"}, headers=bob_h).json()
    flt = http.post(
        base + "/api/v2/filters",
        json={"title": "t", "context": ["home"], "expires_in": 600, "keywords_attributes": [{"keyword": "bad word"}]},
        headers=h,
    ).json()
    filter_status = http.post(
        base + f"/api/v2/filters/{flt['id']}/statuses", data={"status_id": status["id"]}, headers=h
    ).json()
    shown = http.get(base + f"/api/v2/filters/{flt['id']}", headers=h).json()
    assert missing_keys(shown, example("Filter")) == []
    assert set(shown) == set(example("Filter"))
    assert set(shown["keywords"][0]) == set(example("FilterKeyword"))
    assert set(filter_status) == set(example("FilterStatus"))
    result = http.get(base + f"/api/v1/statuses/{status['id']}", headers=h).json()["filtered"][0]
    assert missing_keys(result, example("FilterResult")) == []
    assert set(result["filter"]) == set(example("FilterResult")["filter"])
    tag = http.get(base + "/api/v1/tags/nowplaying", headers=h).json()
    assert missing_keys(tag, example("Tag")) == []
    report = http.post(
        base + "/api/v1/reports", data={"account_id": status["account"]["id"], "category": "spam"}, headers=h
    ).json()
    assert missing_keys(report, example("Report")) == []
    assert missing_keys(report["target_account"], example("Account")) == []
