"""Each injected fault kind, rate limits, delays and the request log."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from mastodon.testing import LocalInstance

PATH = "/api/v1/instance"


def test_status_faults(local_instance: LocalInstance, http: requests.Session) -> None:
    url = local_instance.api_base_url + PATH
    for status in (500, 502, 504):
        local_instance.inject(r"^/api/v1/instance$", "status", status=status)
        r = http.get(url)
        assert r.status_code == status and "error" in r.json()
        assert "Retry-After" not in r.headers
    fault = local_instance.inject(PATH, "status", status=503, retry_after=7, count=2)
    assert [http.get(url).status_code for _ in range(3)] == [503, 503, 200]
    assert fault.hits == 2 and fault.exhausted
    local_instance.inject(PATH, "status", status=503, retry_after=7)
    assert http.get(url).headers["Retry-After"] == "7"


def test_fault_method_filter_and_forever_and_remove(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    fault = local_instance.inject(r"/api/v1/statuses", "status", method="POST", count=None)
    headers = {"Authorization": "Bearer " + local_instance.token("alice")}
    for _ in range(3):
        assert http.post(base + "/api/v1/statuses", data={"status": "x"}, headers=headers).status_code == 500
    assert http.get(base + "/api/v1/timelines/home", headers=headers).status_code == 200
    local_instance.faults.remove(fault)
    assert http.post(base + "/api/v1/statuses", data={"status": "x"}, headers=headers).status_code == 200
    local_instance.inject("instance", "status")
    local_instance.faults.clear()
    assert local_instance.faults.active() == []
    with pytest.raises(ValueError):
        local_instance.inject("x", "no-such-kind")


def test_drop_before_response(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "drop")
    with pytest.raises(requests.ConnectionError):
        http.get(local_instance.api_base_url + PATH)
    assert http.get(local_instance.api_base_url + PATH).status_code == 200


def test_drop_mid_body(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "drop_mid_body")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        http.get(local_instance.api_base_url + PATH)
    assert http.get(local_instance.api_base_url + PATH).status_code == 200


def test_truncated_json(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "truncated_json")
    r = http.get(local_instance.api_base_url + PATH)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    with pytest.raises(requests.JSONDecodeError):
        r.json()


def test_html_error_page(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "html_error")
    r = http.get(local_instance.api_base_url + PATH)
    assert r.status_code == 502 and r.headers["Content-Type"].startswith("text/html")
    assert "<html>" in r.text and "502 Bad Gateway" in r.text


def test_empty_body(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "empty_body")
    r = http.get(local_instance.api_base_url + PATH)
    assert r.status_code == 200 and r.content == b""
    local_instance.inject(PATH, "empty_body", status=500)
    assert http.get(local_instance.api_base_url + PATH).status_code == 500


def test_wrong_content_type(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "wrong_content_type")
    r = http.get(local_instance.api_base_url + PATH)
    assert r.headers["Content-Type"].startswith("text/html")
    assert r.json()["version"]


def test_delay_is_applied_and_bounded(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "delay", delay=0.05)
    started = time.monotonic()
    assert http.get(local_instance.api_base_url + PATH).status_code == 200
    elapsed = time.monotonic() - started
    assert 0.05 <= elapsed < 1.0


def test_delay_combines_with_another_fault(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.inject(PATH, "delay", delay=0.01)
    local_instance.inject(PATH, "status", status=504)
    assert http.get(local_instance.api_base_url + PATH).status_code == 504


def test_stop_interrupts_delay() -> None:
    inst = LocalInstance().start()
    inst.inject(PATH, "delay", delay=30.0)
    outcome: list[object] = []

    def call() -> None:
        try:
            with requests.Session() as s:
                outcome.append(s.get(inst.api_base_url + PATH, timeout=10).status_code)
        except requests.RequestException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    deadline = time.monotonic() + 5
    while not inst.requests and time.monotonic() < deadline:
        time.sleep(0.005)
    started = time.monotonic()
    inst.stop()
    worker.join(5)
    assert time.monotonic() - started < 3
    assert not worker.is_alive() and outcome


def test_rate_limit(local_instance: LocalInstance, http: requests.Session) -> None:
    local_instance.set_rate_limit(3, window=60)
    url = local_instance.api_base_url + PATH
    responses = [http.get(url) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    assert responses[-1].json() == {"error": "Too many requests"}
    reset = responses[-1].headers["X-RateLimit-Reset"]
    assert reset.endswith("Z") and "T" in reset
    # per token: another user still has quota
    assert http.get(url, headers={"Authorization": "Bearer " + local_instance.token("bob")}).status_code == 200
    local_instance.set_rate_limit(3, window=0.02)
    time.sleep(0.03)
    assert http.get(url).status_code == 200


def test_standard_headers_and_request_log(local_instance: LocalInstance, http: requests.Session) -> None:
    base = local_instance.api_base_url
    r = http.post(
        base + "/api/v1/statuses?x=1",
        data={"status": "logged", "media_ids[]": []},
        headers={"Authorization": "Bearer " + local_instance.token("alice"), "Idempotency-Key": "k1"},
    )
    for header in ("Date", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
        assert header in r.headers
    missing = http.get(base + "/nope")
    assert missing.status_code == 404 and "X-RateLimit-Limit" in missing.headers
    log = local_instance.requests
    assert [(e.method, e.path) for e in log] == [("POST", "/api/v1/statuses"), ("GET", "/nope")]
    assert log[0].query == {"x": ["1"]} and log[0].body == b"status=logged"
    assert log[0].headers["Idempotency-Key"] == "k1"
    local_instance.clear_requests()
    assert local_instance.requests == []


def is_running(inst: LocalInstance) -> bool:
    return inst.running


def test_only_loopback_and_clean_stop() -> None:
    inst = LocalInstance()
    with pytest.raises(RuntimeError):
        _ = inst.api_base_url
    with inst:
        assert inst.api_base_url.startswith("http://127.0.0.1:")
        assert is_running(inst)
    assert not is_running(inst)
    inst.stop()  # idempotent
    with inst, requests.Session() as http:  # restartable, state kept
        assert http.get(inst.api_base_url + "/api/v1/accounts/lookup?acct=alice").status_code == 200
