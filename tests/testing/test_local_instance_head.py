"""HEAD requests and the front page: Mastodon.py's get_approx_server_time sends ``HEAD /`` and reads ``Date``."""

from __future__ import annotations

import datetime

import requests

from mastodon.testing import LocalInstance


def test_head_of_the_front_page_answers_200_with_a_date_and_no_body(local_instance: LocalInstance) -> None:
    answer = requests.head(local_instance.api_base_url + "/", timeout=10)
    assert answer.status_code == 200
    assert answer.content == b""
    assert answer.headers["Content-Type"].startswith("text/html")
    assert int(answer.headers["Content-Length"]) > 0  # the length the GET body has
    assert requests.get(local_instance.api_base_url + "/", timeout=10).content.startswith(b"<!DOCTYPE html>")


def test_head_of_an_api_route_has_the_get_headers_only(local_instance: LocalInstance) -> None:
    got = requests.get(local_instance.api_base_url + "/api/v1/instance", timeout=10)
    head = requests.head(local_instance.api_base_url + "/api/v1/instance", timeout=10)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Length"] == got.headers["Content-Length"]


def test_head_of_a_stream_does_not_hold_the_connection(local_instance: LocalInstance) -> None:
    token = local_instance.token("alice")
    head = requests.head(
        local_instance.api_base_url + "/api/v1/streaming/user", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert head.status_code == 200 and head.content == b""


def test_get_approx_server_time_works_against_the_instance(local_instance: LocalInstance) -> None:
    api = local_instance.client("alice")
    when = api.get_approx_server_time()
    assert isinstance(when, datetime.datetime)
    assert abs((datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - when).total_seconds()) < 120
