"""Credential files (Mastodon.py's line formats and the JSON one), environment configuration, the OAuth
helpers (scopes, PKCE, callbacks, URL safety, the loopback listener) and the command line."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
import requests

from mastodon import (
    Mastodon,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonWarning,
)
from mastodon import _credentials as credentials_module
from mastodon._credentials import Credentials, read_credentials, read_legacy_file, write_credentials
from mastodon._oauth import (
    LoopbackReceiver,
    check_instance_url,
    check_oauth_url,
    expand_scopes,
    make_pkce,
    missing_scopes,
    nodeinfo_link,
    parse_callback,
    scope_list,
    software_from_nodeinfo,
)
from mastodon.cli import EXIT_API, EXIT_AUTH, EXIT_NETWORK, EXIT_OK, EXIT_USAGE, main

BASE = "https://mastodon.example"


def private(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(0o600)
    return path


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: Any, tmp_path: Path) -> None:
    for name in (
        "MASTODON_API_BASE_URL",
        "MASTODON_ACCESS_TOKEN",
        "MASTODON_CLIENT_ID",
        "MASTODON_CLIENT_SECRET",
        "MASTODON_CREDENTIALS",
        "MASTODON_ALLOW_HTTP",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


# ---------------------------------------------------------------------------------------------
# Mastodon.py's line formats, as its create_app / log_in / persistable_login_credentials write them


def test_mastodonpy_token_file_loads(tmp_path: Path) -> None:
    token_file = private(tmp_path / "usercred.secret", f"tok-abcdef\n{BASE}\ncid-1234\ncsec-5678\n")
    api = Mastodon(access_token=str(token_file))
    assert (api.access_token, api.api_base_url, api.client_id, api.client_secret) == (
        "tok-abcdef",
        BASE,
        "cid-1234",
        "csec-5678",
    )


@pytest.mark.parametrize("text", ["tok-abcdef\n", "tok-abcdef\nmastodon.example\n"])
def test_older_mastodonpy_token_files_load(tmp_path: Path, text: str) -> None:
    token_file = private(tmp_path / "old.secret", text)
    api = Mastodon(access_token=token_file, api_base_url=BASE)
    assert api.access_token == "tok-abcdef" and api.api_base_url == BASE and api.client_id is None


def test_mastodonpy_client_file_loads_with_an_app_name(tmp_path: Path) -> None:
    client_file = private(tmp_path / "clientcred.secret", f"cid-1234\ncsec-5678\n{BASE}\nMy Bot 2\n")
    api = Mastodon(client_id=str(client_file))
    assert (api.client_id, api.client_secret, api.api_base_url) == ("cid-1234", "csec-5678", BASE)
    assert read_credentials(client_file).app_name == "My Bot 2"


def test_old_two_line_client_file_loads(tmp_path: Path) -> None:
    client_file = private(tmp_path / "clientcred.secret", "cid-1234\ncsec-5678\n")
    api = Mastodon(client_id=str(client_file), api_base_url=BASE)
    assert api.client_secret == "csec-5678"


def test_read_credentials_tells_the_legacy_formats_apart(tmp_path: Path) -> None:
    token = read_credentials(private(tmp_path / "t", f"tok-abcdef\n{BASE}\ncid-1234\ncsec-5678\n"))
    client = read_credentials(private(tmp_path / "c", f"cid-1234\ncsec-5678\n{BASE}\nbot\n"))
    assert (token.access_token, token.client_id, token.api_base_url) == ("tok-abcdef", "cid-1234", BASE)
    assert (client.access_token, client.client_id, client.api_base_url) == (None, "cid-1234", BASE)


def test_legacy_texts_match_mastodonpy() -> None:
    creds = Credentials(BASE, "cid-1234", "csec-5678", "tok-abcdef", app_name="bot")
    assert creds.legacy_token_text() == f"tok-abcdef\n{BASE}\ncid-1234\ncsec-5678\n"
    assert creds.legacy_client_text() == f"cid-1234\ncsec-5678\n{BASE}\nbot\n"


# ---------------------------------------------------------------------------------------------
# The JSON format


def test_json_round_trip_and_constructor(tmp_path: Path) -> None:
    target = tmp_path / "bot.json"
    write_credentials(target, Credentials(BASE, "cid-1234", "csec-5678", "tok-abcdef", "ref-1", ["read", "write"]))
    document = json.loads(target.read_text())
    assert document["format"] == "mastodon-credentials" and document["version"] == 1
    assert document["scopes"] == ["read", "write"] and document["created_at"].endswith("+00:00")
    loaded = read_credentials(target)
    assert (loaded.access_token, loaded.refresh_token, loaded.scopes) == ("tok-abcdef", "ref-1", ["read", "write"])
    api = Mastodon(access_token=target)
    assert (api.access_token, api.client_id, api.client_secret, api.api_base_url) == (
        "tok-abcdef",
        "cid-1234",
        "csec-5678",
        BASE,
    )
    client = Mastodon(client_id=str(target))
    assert client.client_secret == "csec-5678"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"format": "mastodon-credentials", "version": 1, "access_token": "t', "not valid JSON"),
        ('{"some": "json"}', "not a mastodon credential file"),
        ('{"format": "mastodon-credentials", "version": 99, "access_token": "t"}', "format version 99"),
        ('{"format": "mastodon-credentials", "access_token": "t"}', "no valid format version"),
        ('{"format": "mastodon-credentials", "version": 1, "access_token": 5}', "access_token must be"),
        ('{"format": "mastodon-credentials", "version": 1, "client_id": "x"}', "without the other"),
        ('{"format": "mastodon-credentials", "version": 1, "client_id": "x", "client_secret": "y"}', "no access token"),
        ('{"format": "mastodon-credentials", "version": 1, "scopes": "read", "access_token": "t"}', "scopes"),
        ("tok-abcdef\nmastodon.example\ncid-only\n", "truncated"),
        ("tok abc def\n", "whitespace"),
        ("tok-abcdef\nnot-a-url\n", "instance URL"),
        ("\n\n", "is empty"),
    ],
)
def test_corrupt_token_files_are_clear_errors_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    bad = private(tmp_path / "broken.secret", text)
    with pytest.raises(MastodonIllegalArgumentError, match=problem) as raised:
        Mastodon(access_token=bad, api_base_url=BASE)
    assert str(bad) in str(raised.value)


def test_truncated_client_file_is_an_error(tmp_path: Path) -> None:
    bad = private(tmp_path / "clientcred.secret", "cid-only\n")
    with pytest.raises(MastodonIllegalArgumentError, match="truncated"):
        Mastodon(client_id=str(bad), api_base_url=BASE)


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "binary.secret"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    bad.chmod(0o600)
    with pytest.raises(MastodonIllegalArgumentError, match="not text"):
        read_legacy_file(bad, "access token")


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(MastodonFileNotFoundError, match=r"nope\.secret"):
        read_credentials(tmp_path / "nope.secret")


def test_reading_a_file_others_can_read_warns(tmp_path: Path) -> None:
    shared = tmp_path / "shared.secret"
    shared.write_text(f"tok-abcdef\n{BASE}\n")
    shared.chmod(0o644)
    with pytest.warns(MastodonWarning, match="chmod 600"):
        Mastodon(access_token=str(shared))


def test_credentials_repr_hides_secrets() -> None:
    creds = Credentials(BASE, "cid-1234", "csec-5678", "tok-abcdef", "ref-12345")
    assert not any(secret in repr(creds) for secret in ("cid-1234", "csec-5678", "tok-abcdef", "ref-12345"))


# ---------------------------------------------------------------------------------------------
# Private, atomic writes


def test_files_are_0600_from_the_first_byte(tmp_path: Path, monkeypatch: Any) -> None:
    seen: list[int] = []
    real_fsync = os.fsync

    def checking_fsync(descriptor: int) -> None:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISREG(mode):
            seen.append(stat.S_IMODE(mode))
        real_fsync(descriptor)

    monkeypatch.setattr(credentials_module.os, "fsync", checking_fsync)
    old_umask = os.umask(0)
    try:
        write_credentials(tmp_path / "bot.json", Credentials(BASE, access_token="tok-abcdef"))
    finally:
        os.umask(old_umask)
    assert seen == [0o600]
    assert stat.S_IMODE(os.stat(tmp_path / "bot.json").st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: Any) -> None:
    target = private(tmp_path / "usercred.secret", f"old-token\n{BASE}\n")

    def failing_replace(source: str, destination: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(credentials_module.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_credentials(target, Credentials(BASE, access_token="new-token"))
    assert target.read_text() == f"old-token\n{BASE}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usercred.secret"]


def test_write_credentials_kinds(tmp_path: Path) -> None:
    creds = Credentials(BASE, "cid-1234", "csec-5678", "tok-abcdef", app_name="bot")
    write_credentials(tmp_path / "a.secret", creds)
    write_credentials(tmp_path / "b.secret", creds, kind="client")
    assert (tmp_path / "a.secret").read_text().startswith("tok-abcdef\n")
    assert (tmp_path / "b.secret").read_text().startswith("cid-1234\n")
    with pytest.raises(MastodonIllegalArgumentError, match="kind"):
        write_credentials(tmp_path / "c", creds, kind="yaml")


# ---------------------------------------------------------------------------------------------
# Environment configuration (read by the constructor when arguments are absent)


def test_environment_configures_the_client(monkeypatch: Any) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", "mastodon.example")
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-1234")
    monkeypatch.setenv("MASTODON_CLIENT_ID", "env-cid")
    monkeypatch.setenv("MASTODON_CLIENT_SECRET", "env-secret")
    api = Mastodon()
    assert (api.api_base_url, api.access_token, api.client_id, api.client_secret) == (
        BASE,
        "env-token-1234",
        "env-cid",
        "env-secret",
    )
    assert "env-token-1234" not in repr(api)
    with pytest.warns(MastodonWarning, match="MASTODON_CLIENT_ID is not used"):
        other = Mastodon(api_base_url="other.example", access_token="arg-token")
    assert (other.access_token, other.client_id) == ("arg-token", None)


# ---------------------------------------------------------------------------------------------
# Scopes, PKCE, callbacks


def test_scope_helpers() -> None:
    assert scope_list("read write") == ["read", "write"]
    with pytest.raises(MastodonIllegalArgumentError):
        scope_list(["read write"])
    with pytest.raises(MastodonIllegalArgumentError):
        scope_list(5)  # type: ignore[arg-type]
    assert {"read:collections", "write:conversations", "admin:read:ip_blocks"} <= expand_scopes(
        ["read", "write", "admin:read"]
    )
    assert missing_scopes(["read", "push", "profile"], ["read"]) == ["push", "profile"]
    assert missing_scopes(["follow"], ["read", "write"]) == []


def test_pkce_pairs_are_fresh_and_valid() -> None:
    first, second = make_pkce(), make_pkce()
    assert first != second
    verifier = first[0]
    assert 43 <= len(verifier) <= 128 and all(c.isalnum() or c in "-._~" for c in verifier)


def test_parse_callback() -> None:
    assert parse_callback("  abc123 ").code == "abc123"
    result = parse_callback("http://127.0.0.1:5000/?code=abc&state=xyz")
    assert (result.code, result.state) == ("abc", "xyz")
    refused = parse_callback("https://app.example/cb?error=access_denied&error_description=no")
    assert (refused.code, refused.error, refused.error_description) == (None, "access_denied", "no")
    assert "abc" not in repr(parse_callback("abc"))


# ---------------------------------------------------------------------------------------------
# URL safety


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("mastodon.example", BASE),
        ("https://Mastodon.Example/", "https://mastodon.example"),
        ("http://localhost:3000", "http://localhost:3000"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_check_instance_url_accepts(given: str, expected: str) -> None:
    assert check_instance_url(given) == expected


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("http://mastodon.example", "plain http"),
        ("ftp://mastodon.example", "https"),
        ("https://user:pw@mastodon.example", "user name"),
        ("https://mastodon.example/?x=1", "query"),
        ("", "empty"),
        ("https://", "no host"),
    ],
)
def test_check_instance_url_refuses(given: str, problem: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        check_instance_url(given)


def test_check_instance_url_allow_http() -> None:
    assert check_instance_url("http://mastodon.example", allow_http=True) == "http://mastodon.example"
    assert Mastodon.check_instance_url("mastodon.example") == BASE


def fake_resolver(address: str) -> Any:
    def resolve(host: str, port: int, family: int, kind: int) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    return resolve


@pytest.mark.parametrize(
    "address", ["10.0.0.5", "127.0.0.1", "169.254.169.254", "192.168.1.1", "::1", "fe80::1", "100.64.0.1", "0.0.0.0"]
)
def test_public_only_refuses_private_addresses(address: str) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="resolves to"):
        check_instance_url("evil.example", public_only=True, resolve=fake_resolver(address))


def test_public_only_accepts_public_addresses() -> None:
    assert check_instance_url("mastodon.example", public_only=True, resolve=fake_resolver("93.184.216.34")) == BASE


def test_public_only_unresolvable_host() -> None:
    def failing(*args: Any) -> Any:
        raise socket.gaierror("Name or service not known")

    with pytest.raises(MastodonIllegalArgumentError, match="does not resolve"):
        check_instance_url("nowhere.invalid", public_only=True, resolve=failing)


def test_check_oauth_url_accepts_loopback_http_only_where_asked() -> None:
    url = "http://127.0.0.1:3000/oauth/token"
    assert check_oauth_url(url, loopback_ok=True) == url
    assert check_oauth_url(url, allow_http=True) == url
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http=True"):
        check_oauth_url(url)  # Mastodon.py's rule: plain http needs allow_http, loopback or not


# ---------------------------------------------------------------------------------------------
# Nodeinfo


def test_nodeinfo_helpers() -> None:
    links = {
        "links": [
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://x/2.0"},
            {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": "https://x/2.1"},
        ]
    }
    assert nodeinfo_link(links) == "https://x/2.1"
    assert nodeinfo_link({"links": "nope"}) is None
    assert software_from_nodeinfo({"software": {"name": "GoToSocial", "version": "0.17.0"}}) == ("gotosocial", "0.17.0")
    assert software_from_nodeinfo({"software": {"name": "sharkey"}}) == ("sharkey", "")
    assert software_from_nodeinfo([]) is None


# ---------------------------------------------------------------------------------------------
# The loopback listener, driven by a test client


def test_loopback_receiver_catches_the_redirect() -> None:
    receiver = LoopbackReceiver()
    assert receiver.redirect_uri == f"http://127.0.0.1:{receiver.port}/"
    answers: list[requests.Response] = []

    def browser() -> None:
        answers.append(requests.get(receiver.redirect_uri + "favicon.ico", timeout=5))
        answers.append(requests.get(receiver.redirect_uri, timeout=5))
        answers.append(requests.get(receiver.redirect_uri + "?code=the-code&state=st", timeout=5))

    thread = threading.Thread(target=browser)
    thread.start()
    result = receiver.wait(timeout=10)
    thread.join(5)
    assert (result.code, result.state) == ("the-code", "st")
    assert [answer.status_code for answer in answers] == [404, 400, 200]
    assert "the-code" not in answers[2].text and "close this window" in answers[2].text
    with pytest.raises(requests.ConnectionError):
        requests.get(receiver.redirect_uri + "?code=again", timeout=2)


def test_loopback_receiver_times_out() -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=r"within 0\.3 seconds"), LoopbackReceiver() as receiver:
        receiver.wait(timeout=0.3)


# ---------------------------------------------------------------------------------------------
# The command line (usage, exit codes); the login itself is in tests/integration/test_auth_flows.py


@pytest.mark.parametrize("command", [[], ["login"], ["whoami"], ["revoke"]])
def test_cli_help_on_each_command(command: list[str], capsys: Any) -> None:
    assert main([*command, "--help"]) == EXIT_OK
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["login"], ["whoami", "--nope"], ["login", "x", "--port", "z"]])
def test_cli_usage_errors_exit_2(argv: list[str]) -> None:
    err = io.StringIO()
    assert main(argv, stderr=err, stdout=io.StringIO()) == EXIT_USAGE
    assert "error" in err.getvalue()


def test_cli_whoami_without_credentials_exits_3(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["whoami", "-c", str(tmp_path / "none.json")], stderr=err) == EXIT_AUTH
    assert "python -m mastodon login" in err.getvalue()


def test_cli_login_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = private(tmp_path / "c.json", "{}")
    err = io.StringIO()
    assert main(["login", "mastodon.example", "-o", str(existing)], stderr=err) == EXIT_USAGE
    assert "--overwrite" in err.getvalue()


def test_cli_login_refuses_plain_http(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["login", "http://mastodon.example", "-o", str(tmp_path / "c.json")], stderr=err) == EXIT_USAGE
    assert "plain http" in err.getvalue() and "--allow-http" in err.getvalue()


def test_cli_whoami_and_revoke(tmp_path: Path, requests_mock: Any) -> None:
    creds = tmp_path / "c.json"
    write_credentials(creds, Credentials(BASE, "cid-1234", "csec-5678", "tok-abcdef"))
    requests_mock.get(
        f"{BASE}/api/v1/accounts/verify_credentials",
        json={"id": "1", "username": "alice", "acct": "alice", "display_name": "Alice", "url": f"{BASE}/@alice"},
    )
    out = io.StringIO()
    assert main(["whoami", "-c", str(creds)], stdout=out) == EXIT_OK
    assert "@alice" in out.getvalue() and "tok-abcdef" not in out.getvalue()
    requests_mock.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404)
    requests_mock.post(f"{BASE}/oauth/revoke", json={})
    assert main(["revoke", "-c", str(creds), "--delete"], stdout=out) == EXIT_OK
    assert not creds.exists()


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ({"status_code": 401, "json": {"error": "The access token is invalid"}}, EXIT_AUTH),
        ({"status_code": 500, "json": {"error": "boom"}}, EXIT_API),
        ({"exc": requests.exceptions.ConnectionError("refused")}, EXIT_NETWORK),
    ],
)
def test_cli_whoami_exit_codes(tmp_path: Path, requests_mock: Any, answer: Any, code: int) -> None:
    creds = tmp_path / "c.json"
    write_credentials(creds, Credentials(BASE, access_token="tok-abcdef"))
    requests_mock.get(f"{BASE}/api/v1/accounts/verify_credentials", **answer)
    err = io.StringIO()
    assert main(["whoami", "-c", str(creds)], stderr=err, stdout=io.StringIO()) == code
    assert "tok-abcdef" not in err.getvalue()


def test_cli_whoami_from_the_environment(monkeypatch: Any, requests_mock: Any) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", BASE)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-1234")
    requests_mock.get(f"{BASE}/api/v1/accounts/verify_credentials", json={"id": "1", "acct": "bob", "username": "bob"})
    assert main(["whoami"], stdout=io.StringIO()) == EXIT_OK
    assert requests_mock.last_request.headers["Authorization"] == "Bearer env-token-1234"


def test_cli_revoke_needs_client_credentials(tmp_path: Path) -> None:
    creds = tmp_path / "c.json"
    write_credentials(creds, Credentials(BASE, access_token="tok-abcdef"))
    err = io.StringIO()
    assert main(["revoke", "-c", str(creds)], stderr=err) == EXIT_AUTH
    assert "client id and secret" in err.getvalue()


def test_cli_demo_is_dispatched_lazily() -> None:
    err = io.StringIO()
    code = main(["demo", "--help"], stderr=err, stdout=io.StringIO())
    assert code in (EXIT_OK, EXIT_USAGE)


def test_loopback_receiver_is_not_blocked_by_a_silent_connection() -> None:
    """Browsers open speculative connections that send nothing; the redirect must still get through."""
    receiver = LoopbackReceiver(connection_timeout=0.2)
    silent = socket.create_connection(("127.0.0.1", receiver.port))

    def browser() -> None:
        requests.get(receiver.redirect_uri + "?code=late-code", timeout=5)

    thread = threading.Thread(target=browser)
    thread.start()
    try:
        assert receiver.wait(timeout=10).code == "late-code"
    finally:
        silent.close()
        thread.join(5)
