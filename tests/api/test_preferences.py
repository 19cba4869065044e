"""Requests sent and values returned by the preferences and markers endpoints.

Docs: methods/preferences.md, methods/markers.md.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import Marker, Preferences, Status
from mastodon.types_base import AttribAccessDict

BASE = "https://mastodon.example"


# --- GET /api/v1/preferences (methods/preferences.md#get) ----------------------------------------


def test_preferences(api: Mastodon, http, example, query) -> None:
    body = example("methods/preferences.md", "get")
    http.get(f"{BASE}/api/v1/preferences", json=body)
    prefs = api.preferences()
    assert isinstance(prefs, Preferences)
    assert prefs["posting:default:visibility"] == "public" and prefs["reading:expand:spoilers"] is False
    assert http.last_request.method == "GET" and query(http.last_request) == []


# --- GET /api/v1/markers (methods/markers.md#get) ------------------------------------------------


def test_markers_get_defaults_to_home(api: Mastodon, http, example, query) -> None:
    http.get(f"{BASE}/api/v1/markers", json={"home": example("methods/markers.md", "get")["home"]})
    markers = api.markers_get()
    assert isinstance(markers, AttribAccessDict) and list(markers) == ["home"]
    assert isinstance(markers.home, Marker) and markers.home.version == 468
    assert markers.home.updated_at == dt.datetime(2019, 11, 26, 22, 37, 25, 235000, tzinfo=dt.timezone.utc)
    assert query(http.last_request) == [("timeline[]", "home")]


def test_markers_get_several_timelines(api: Mastodon, http, example, query) -> None:
    body = example("methods/markers.md", "get")
    http.get(f"{BASE}/api/v1/markers", json=body)
    markers = api.markers_get(["home", "notifications"])
    assert markers["notifications"].last_read_id == "35098814"
    assert all(isinstance(marker, Marker) for marker in markers.values())
    assert query(http.last_request) == [("timeline[]", "home"), ("timeline[]", "notifications")]


def test_markers_get_one_name(api: Mastodon, http, query) -> None:
    http.get(f"{BASE}/api/v1/markers", json={})
    assert api.markers_get("notifications") == {}
    assert query(http.last_request) == [("timeline[]", "notifications")]


@pytest.mark.parametrize("timeline", ["public", ["home", "local"], [], None])
def test_markers_get_refuses_other_timelines(api: Mastodon, http, timeline) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="timeline"):
        api.markers_get(timeline)
    assert http.call_count == 0


# --- POST /api/v1/markers (methods/markers.md#create) --------------------------------------------


def test_markers_set_sends_json(api: Mastodon, http, example) -> None:
    body = example("methods/markers.md", "create")
    http.post(f"{BASE}/api/v1/markers", json=body)
    status = Status({"id": "103194548672408537"})
    markers = api.markers_set("home", status)
    assert isinstance(markers["home"], Marker) and markers["home"].last_read_id == "103194548672408537"
    request = http.last_request
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.text) == {"home": {"last_read_id": "103194548672408537"}}


def test_markers_set_several(api: Mastodon, http, example) -> None:
    http.post(f"{BASE}/api/v1/markers", json=example("methods/markers.md", "get"))
    markers = api.markers_set(["home", "notifications"], ["103206604258487607", {"id": "35098814"}])
    assert set(markers) == {"home", "notifications"}
    assert json.loads(http.last_request.text) == {
        "home": {"last_read_id": "103206604258487607"},
        "notifications": {"last_read_id": "35098814"},
    }


@pytest.mark.parametrize(
    ("timelines", "ids", "problem"),
    [
        (["home", "notifications"], ["1"], "one id per timeline"),
        ("home", ["1", "2"], "one id per timeline"),
        ("public", "1", "timelines"),
        ("home", None, "last_read_ids"),
        ("home", {"no": "id"}, "last_read_ids"),
    ],
)
def test_markers_set_refuses_bad_input(api: Mastodon, http, timelines, ids, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.markers_set(timelines, ids)
    assert http.call_count == 0
