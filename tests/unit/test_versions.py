"""Version strings of Mastodon and its forks, the endpoint decorator, and version_check_mode."""

from __future__ import annotations

import inspect

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonVersionError
from mastodon._core import Core
from mastodon._versions import ENDPOINTS, ServerVersion, api_version, max_version, parse_version_string


@pytest.mark.parametrize(
    ("raw", "software", "compatible"),
    [
        ("4.3.0", "mastodon", (4, 3, 0)),
        ("4.4.0-beta.2", "mastodon", (4, 4, 0)),
        ("4.5.0-nightly.2025-09-01", "mastodon", (4, 5, 0)),
        ("4.2.1+glitch", "glitch", (4, 2, 1)),
        ("4.0.2+hometown-1.1.1", "hometown", (4, 0, 2)),
        ("3.4.1+fedibird", "fedibird", (3, 4, 1)),
        ("2.7.2 (compatible; Pleroma 2.5.0)", "pleroma", (2, 7, 2)),
        ("2.7.2 (compatible; Akkoma 3.10.0)", "akkoma", (2, 7, 2)),
        ("3.5.3 (compatible; Pixelfed 0.12.3)", "pixelfed", (3, 5, 3)),
        ("3.0.0 (compatible; Sharkey 2024.11.1)", "sharkey", (3, 0, 0)),
        ("0.16.0+git-c3b4a5f", "gotosocial", (4, 0, 0)),
        ("0.17.3 git-2f4e1b8", "gotosocial", (4, 0, 0)),
        ("takahe/0.11.0", "takahe", (4, 0, 0)),
        ("4.1", "mastodon", (4, 1, 0)),
    ],
)
def test_fork_version_strings(raw: str, software: str, compatible: tuple[int, int, int]) -> None:
    parsed = ServerVersion.parse(raw)
    assert parsed.software == software
    assert parsed.compatible == compatible
    assert parsed.raw == raw


def test_fork_software_version_is_kept() -> None:
    assert ServerVersion.parse("2.7.2 (compatible; Akkoma 3.10.0)").software_version == "3.10.0"
    assert ServerVersion.parse("0.16.0+git-c3b4a5f").software_version == "0.16.0"


def test_parse_version_string_and_max() -> None:
    assert parse_version_string("4.3.0rc1") == (4, 3, 0)
    assert max_version("2.10.0", "2.9.9", "3.0.0") == "3.0.0"
    with pytest.raises(ValueError):
        parse_version_string("banana")


def test_decorator_keeps_signature_and_registers() -> None:
    sig = inspect.signature(Mastodon.timeline)
    assert list(sig.parameters)[:3] == ["self", "timeline", "max_id"]
    assert ENDPOINTS["timeline"].created == "1.0.0"
    assert "Since Mastodon 1.0.0;" in (Mastodon.timeline.__doc__ or "")


def test_decorator_refuses_bad_versions() -> None:
    with pytest.raises(ValueError):
        api_version("one")


def test_no_request_is_sent_on_construction(http) -> None:
    Mastodon(api_base_url="https://mastodon.example", version_check_mode="created")
    assert http.call_count == 0


def test_created_mode_detects_version_lazily_once(http, example) -> None:
    instance = example("methods/instance.md", "v2")
    instance["version"] = "3.0.0"
    http.get("https://mastodon.example/api/v2/instance", json=instance)
    api = Mastodon(api_base_url="https://mastodon.example", version_check_mode="created")
    with pytest.raises(MastodonVersionError) as caught:
        api.instance_v2()
    text = str(caught.value)
    assert "instance_v2" in text and "4.0.0" in text and "3.0.0" in text
    with pytest.raises(MastodonVersionError):
        api.instance_v2()
    assert http.call_count == 1  # detected once, cached


class Probe(Core):
    @api_version("1.0.0", "3.1.4")
    def probe_endpoint(self) -> str:
        """Added in 1.0.0, changed in 3.1.4."""
        return "called"


def test_changed_mode_uses_last_changed_version(http) -> None:
    changed = Probe(api_base_url="https://mastodon.example", version_check_mode="changed", mastodon_version="3.0.0")
    with pytest.raises(MastodonVersionError, match="probe_endpoint"):
        changed.probe_endpoint()
    created = Probe(api_base_url="https://mastodon.example", version_check_mode="created", mastodon_version="3.0.0")
    assert created.probe_endpoint() == "called"
    newer = Probe(api_base_url="https://mastodon.example", version_check_mode="changed", mastodon_version="3.1.4")
    assert newer.probe_endpoint() == "called"
    assert http.call_count == 0


def test_none_mode_never_checks(http, example) -> None:
    http.get("https://mastodon.example/api/v2/instance", json=example("methods/instance.md", "v2"))
    api = Mastodon(api_base_url="https://mastodon.example", mastodon_version="1.0.0")
    api.instance_v2()
    assert http.call_count == 1


def test_version_falls_back_to_v1_then_to_1_0_0(http) -> None:
    http.get("https://mastodon.example/api/v2/instance", status_code=404)
    http.get("https://mastodon.example/api/v1/instance", json={"version": "2.7.2 (compatible; Pleroma 2.5.0)"})
    api = Mastodon(api_base_url="https://mastodon.example")
    assert api.retrieve_mastodon_version() == "2.7.2"
    assert api.server_version is not None and api.server_version.software == "pleroma"
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (2, 7, 2)
    http.get("https://mastodon.example/api/v1/instance", status_code=500)
    assert api.retrieve_mastodon_version() == "1.0.0"
    with pytest.raises(MastodonVersionError, match="no usable version") as raised:
        api.retrieve_mastodon_version(fail_hard=True)
    assert "mastodon_version='x.y.z'" in str(raised.value)  # what to do next


def test_api_versions_are_read(http, example) -> None:
    instance = example("methods/instance.md", "v2")
    instance["api_versions"] = {"mastodon": 6}
    http.get("https://mastodon.example/api/v2/instance", json=instance)
    api = Mastodon(api_base_url="https://mastodon.example")
    assert api.verify_minimum_version("4.0.0")
    assert api.mastodon_api_version == 6


def test_clear_caches_forgets_the_version(http, example) -> None:
    instance = example("methods/instance.md", "v2")
    http.get("https://mastodon.example/api/v2/instance", json=instance)
    api = Mastodon(api_base_url="https://mastodon.example")
    api.verify_minimum_version("1.0.0", cached=True)
    api.verify_minimum_version("1.0.0", cached=True)
    assert http.call_count == 1
    api.clear_caches()
    api.verify_minimum_version("1.0.0", cached=True)
    assert http.call_count == 2


def test_mastodon_version_must_parse() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="mastodon_version"):
        Mastodon(api_base_url="https://mastodon.example", mastodon_version="latest")


def test_bad_modes_are_refused() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="version_check_mode"):
        Mastodon(api_base_url="https://mastodon.example", version_check_mode="strict")
    with pytest.raises(MastodonIllegalArgumentError, match="feature_set"):
        Mastodon(api_base_url="https://mastodon.example", feature_set="misskey")


def test_supported_version_is_static() -> None:
    assert parse_version_string(Mastodon.get_supported_version()) >= (4, 4, 0)
