"""Pins for the hardening review (issue 17): secrets, bad input and time bounds, against requests-mock.

Each test names the review item it pins; the hostile-server side lives in tests/reliability/test_hostile.py.
"""

from __future__ import annotations

import os
import re
import stat

import pytest

from mastodon import Mastodon

BASE = "https://mastodon.example"


@pytest.fixture
def app_api(http, clock) -> Mastodon:
    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    client._set_clock(clock)
    return client


def _register_answers(http, token: str = "user-token-0001") -> None:
    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token-0001", "scope": "read write follow push"})
    http.post(f"{BASE}/api/v1/accounts", json={"access_token": token, "scope": "read write follow push"})


# ---------------------------------------------------------------------------------------------
# 1. create_account(to_file=) writes privately and atomically, never through a symlink


def test_create_account_token_file_is_private(app_api: Mastodon, http, tmp_path) -> None:
    _register_answers(http)
    target = tmp_path / "user.secret"
    app_api.create_account("alice", "pass-0001", "a@example.org", to_file=target)
    assert target.read_text() == f"user-token-0001\n{BASE}\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_create_account_token_file_replaces_a_symlink_instead_of_following_it(
    app_api: Mastodon, http, tmp_path
) -> None:
    _register_answers(http)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours\n")
    target = tmp_path / "user.secret"
    target.symlink_to(elsewhere)
    app_api.create_account("alice", "pass-0001", "a@example.org", to_file=target)
    assert elsewhere.read_text() == "not yours\n"
    assert not target.is_symlink() and target.read_text().startswith("user-token-0001\n")


# ---------------------------------------------------------------------------------------------
# 8. A credential write killed before its rename leaves no secret behind after the next write

_KILLED_WRITER = """
import os, signal, sys
from mastodon import _credentials

def killed_replace(source, target):  # the process dies after the secret is on disk, before the rename
    os.kill(os.getpid(), signal.SIGKILL)

_credentials.os.replace = killed_replace
_credentials.write_private_file(sys.argv[1], "token-killed-0001\\n")
"""


def test_a_killed_write_leaves_a_temporary_that_the_next_write_removes(tmp_path) -> None:
    import signal
    import subprocess
    import sys

    target = tmp_path / "user.secret"
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(target)], cwd=os.getcwd(), capture_output=True, check=False
    )
    assert done.returncode == -signal.SIGKILL
    leftovers = [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    assert len(leftovers) == 1 and "token-killed-0001" in leftovers[0].read_text()

    from mastodon._credentials import write_private_file

    write_private_file(target, "token-fresh-0001\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["user.secret"]
    assert target.read_text() == "token-fresh-0001\n"


def test_the_temporary_of_a_live_writer_is_left_alone(tmp_path) -> None:
    from mastodon._credentials import write_private_file

    live = tmp_path / f".user.secret.{os.getppid()}-abcd.tmp"  # the parent process (pytest's runner) is alive
    live.write_text("in progress")
    write_private_file(tmp_path / "user.secret", "token-fresh-0001\n")
    assert live.exists()


# ---------------------------------------------------------------------------------------------
# 2. Plain http only for real loopback hosts, however the URL dresses itself up

LOOK_ALIKES = [
    "http://localhost.attacker.example",
    "http://127.0.0.1.nip.io",
    "http://localhost@attacker.example",
    "http://127.0.0.1@attacker.example",
    "http://[::1].attacker.example",
    "http://localhostattacker.example",
]


@pytest.mark.parametrize("url", LOOK_ALIKES)
def test_plain_http_to_a_look_alike_host_is_refused(url: str, monkeypatch) -> None:
    from mastodon import MastodonIllegalArgumentError

    monkeypatch.delenv("MASTODON_ALLOW_HTTP", raising=False)
    with pytest.raises(MastodonIllegalArgumentError, match="plain http"):
        Mastodon(api_base_url=url, access_token="tok-secret-0001")


@pytest.mark.parametrize("url", LOOK_ALIKES)
def test_plain_http_from_a_credential_file_is_refused(url: str, tmp_path, monkeypatch) -> None:
    from mastodon import MastodonIllegalArgumentError

    monkeypatch.delenv("MASTODON_ALLOW_HTTP", raising=False)
    secret = tmp_path / "user.secret"
    secret.write_text(f"tok-secret-0001\n{url}\n")
    secret.chmod(0o600)
    with pytest.raises(MastodonIllegalArgumentError, match="plain http"):
        Mastodon(access_token=secret)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost",
        "http://localhost:3000",
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://[::1]:80",
        "http://[::1]",
    ],
)
def test_plain_http_to_loopback_is_accepted(url: str, monkeypatch) -> None:
    monkeypatch.delenv("MASTODON_ALLOW_HTTP", raising=False)
    assert Mastodon(api_base_url=url, access_token="tok-secret-0001").api_base_url == url


def test_cli_refuses_a_look_alike_host(monkeypatch) -> None:
    from mastodon._oauth import check_instance_url
    from mastodon.errors import MastodonIllegalArgumentError

    for url in ("http://localhost.attacker.example", "http://localhost.localdomain.attacker.example"):
        with pytest.raises(MastodonIllegalArgumentError):
            check_instance_url(url)


# ---------------------------------------------------------------------------------------------
# 4 and 7. Errors keep their response, with every secret of the call masked in every encoding

TOKEN = "tok-secret-0123456789"


def _everything_printable(error: BaseException) -> str:
    """The formatted chain, each link's str / repr / args, and the pickle of the error."""
    import pickle
    import traceback

    texts = ["".join(traceback.format_exception(type(error), error, error.__traceback__))]
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        texts += [str(current), repr(current), repr(current.args)]
        pending += [link for link in (current.__cause__, current.__context__) if link is not None]
    texts.append(pickle.dumps(error).decode("latin-1"))
    return "\n".join(texts)


def _echo(request, context) -> dict[str, str]:
    """A server that repeats the request back in its error: the body as sent, and the bearer header."""
    return {"error": f"bad request: {request.text}", "error_description": request.headers.get("Authorization", "")}


def test_an_api_error_keeps_its_response_without_the_token(http, clock) -> None:
    import pickle

    from mastodon.errors import MastodonNotFoundError

    client = Mastodon(api_base_url=BASE, access_token=TOKEN)
    client._set_clock(clock)
    http.get(f"{BASE}/api/v1/statuses/1", status_code=404, json={"error": "Record not found"})
    with pytest.raises(MastodonNotFoundError) as raised:
        client.status(1)
    error = raised.value
    assert error.response is not None and error.response.json() == {"error": "Record not found"}
    assert error.response.request.headers["Authorization"] == "Bearer ***"
    assert TOKEN.encode() not in pickle.dumps(error)
    assert pickle.loads(pickle.dumps(error)).status_code == 404
    # The request the client sent was not changed: the next call still carries the token.
    http.get(f"{BASE}/api/v1/statuses/2", json={"id": "2"})
    client.status(2)
    assert http.last_request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_log_in_masks_a_special_password_in_every_encoding(http) -> None:
    from mastodon.errors import MastodonError

    password = "p@ss w/rd&é+%!"
    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    http.post(f"{BASE}/oauth/token", status_code=400, json=_echo)
    with pytest.warns(DeprecationWarning), pytest.raises(MastodonError) as raised:
        client.log_in("alice@example.org", password)
    from urllib.parse import quote, quote_plus

    shown = _everything_printable(raised.value)
    assert "grant_type=password" in shown  # the echo is there ...
    for form in (password, quote_plus(password), quote(password, safe=""), "csecret-0001"):
        assert form not in shown  # ... with the secrets masked


def test_create_account_masks_the_password_and_the_app_token(http, clock, caplog) -> None:
    import logging

    from mastodon.errors import MastodonError

    password = "pass word&0001"
    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE, debug_requests=True)
    client._set_clock(clock)
    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token-0001", "scope": "read write follow push"})
    http.post(f"{BASE}/api/v1/accounts", status_code=422, json=_echo)
    caplog.set_level(logging.DEBUG, logger="mastodon")
    with pytest.raises(MastodonError) as raised:
        client.create_account("alice", password, "a@example.org")
    shown = _everything_printable(raised.value) + "\n".join(record.getMessage() for record in caplog.records)
    assert "username=alice" in shown
    for secret in (password, "pass+word%260001", "app-token-0001", "csecret-0001"):
        assert secret not in shown


# ---------------------------------------------------------------------------------------------
# 5. Environment credentials go only to MASTODON_API_BASE_URL


def test_environment_token_is_not_sent_to_another_base_url(monkeypatch) -> None:
    from mastodon.errors import MastodonWarning

    monkeypatch.setenv("MASTODON_API_BASE_URL", "https://home.example")
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-0001")
    monkeypatch.setenv("MASTODON_CLIENT_ID", "env-cid-0001")
    monkeypatch.setenv("MASTODON_CLIENT_SECRET", "env-csecret-0001")
    with pytest.warns(MastodonWarning, match="MASTODON_ACCESS_TOKEN and MASTODON_CLIENT_ID are not used"):
        other = Mastodon(api_base_url="https://other.example")
    assert (other.access_token, other.client_id, other.client_secret) == (None, None, None)
    same = Mastodon(api_base_url="home.example/")
    assert (same.access_token, same.client_id, same.client_secret) == (
        "env-token-0001",
        "env-cid-0001",
        "env-csecret-0001",
    )
    assert Mastodon().access_token == "env-token-0001"


def test_environment_token_without_its_base_url_is_not_used(monkeypatch) -> None:
    from mastodon.errors import MastodonWarning

    monkeypatch.delenv("MASTODON_API_BASE_URL", raising=False)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", "env-token-0001")
    with pytest.warns(MastodonWarning, match="not set"):
        assert Mastodon(api_base_url="https://other.example").access_token is None


# ---------------------------------------------------------------------------------------------
# 3. No redirect carries the call's credentials to another origin


@pytest.mark.parametrize("status", [307, 308])
def test_a_token_request_is_not_redirected_to_another_host(http, status: int) -> None:
    from mastodon.errors import MastodonError

    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    http.post(f"{BASE}/oauth/token", status_code=status, headers={"Location": "https://evil.example/steal"})
    stolen = http.post("https://evil.example/steal", json={"access_token": "x"})
    code = "code-secret-" + "0001"  # not spelled out on the line the traceback shows
    with pytest.raises(MastodonError, match=re.escape("https://evil.example/steal")) as raised:
        client.log_in(code=code)
    assert stolen.call_count == 0
    assert code not in _everything_printable(raised.value)


@pytest.mark.parametrize("status", [307, 308])
def test_create_account_and_revoke_are_not_redirected_to_another_host(http, clock, status: int) -> None:
    from mastodon.errors import MastodonError

    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE, access_token=TOKEN)
    client._set_clock(clock)
    stolen = http.post("https://evil.example/steal", json={"access_token": "x"})
    http.post(f"{BASE}/oauth/token", status_code=status, headers={"Location": "https://evil.example/steal"})
    with pytest.raises(MastodonError, match=re.escape("evil.example")):
        client.create_account("alice", "pass-0001", "a@example.org")
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    http.post(f"{BASE}/oauth/revoke", status_code=status, headers={"Location": "https://evil.example/steal"})
    with pytest.raises(MastodonError, match=re.escape("evil.example")):
        client.revoke_access_token()
    assert stolen.call_count == 0


def test_a_token_request_redirected_to_plain_http_on_the_same_host_is_refused(http) -> None:
    from mastodon.errors import MastodonError

    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    http.post(f"{BASE}/oauth/token", status_code=308, headers={"Location": "http://mastodon.example/oauth/token"})
    downgraded = http.post("http://mastodon.example/oauth/token", json={"access_token": "x"})
    with pytest.raises(MastodonError, match=re.escape("http://mastodon.example/oauth/token")):
        client.log_in(code="code-0001")
    assert downgraded.call_count == 0


def test_redirects_within_the_server_are_followed(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/statuses/1", status_code=301, headers={"Location": "/api/v1/statuses/2"})
    http.get(f"{BASE}/api/v1/statuses/2", json={"id": "2"})
    assert api.status(1).id == "2"
    assert http.last_request.headers["Authorization"].startswith("Bearer ")


def test_a_redirect_elsewhere_without_credentials_is_followed(http) -> None:
    # 302/303 turn a POST into a GET without its body, and requests drops the bearer header on another
    # host: what goes there carries nothing secret, as with requests itself.
    client = Mastodon(api_base_url=BASE, access_token=TOKEN)
    http.get(f"{BASE}/api/v1/instance", status_code=302, headers={"Location": "https://cdn.example/instance"})
    elsewhere = http.get("https://cdn.example/instance", json={"uri": "mastodon.example"})
    assert client.instance_v1().uri == "mastodon.example"
    assert "Authorization" not in elsewhere.last_request.headers


# ---------------------------------------------------------------------------------------------
# 9. check_instance_url(public_only=True) says plainly that it does not stop DNS rebinding


def test_public_only_states_its_limit() -> None:
    from mastodon import _oauth

    for documented in (_oauth.check_instance_url, Mastodon.check_instance_url):
        text = " ".join((documented.__doc__ or "").split())
        assert "rebinding" in text and "resolve" in text and "egress" in text


def test_public_only_refuses_a_host_resolving_to_loopback() -> None:
    from mastodon import _oauth
    from mastodon.errors import MastodonIllegalArgumentError

    def resolve(host, port, family, kind):
        return [(2, 1, 6, "", ("127.0.0.1", port))]

    with pytest.raises(MastodonIllegalArgumentError, match=re.escape("127.0.0.1")):
        _oauth.check_instance_url("rebind.example", public_only=True, resolve=resolve)


# ---------------------------------------------------------------------------------------------
# 13. Every path value goes through the one path-segment rule


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("timeline", ("..",)),
        ("timeline", (".",)),
        ("timeline", ("../admin",)),
        ("timeline", ("tag/..",)),
        ("timeline", ("tag/",)),
        ("timeline_list", ("..",)),
        ("timeline_hashtag", ("..",)),
        ("status", ("..",)),
        ("account", (".",)),
    ],
)
def test_dot_segments_never_reach_the_path(api: Mastodon, http, call: str, args: tuple[str, ...]) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    with pytest.raises(MastodonIllegalArgumentError):
        getattr(api, call)(*args)
    assert http.call_count == 0


def test_the_core_refuses_a_dot_segment_built_by_hand(api: Mastodon, http) -> None:
    from mastodon._core import RAW
    from mastodon.errors import MastodonIllegalArgumentError

    with pytest.raises(MastodonIllegalArgumentError, match="segment"):
        api._request("GET", "/api/v1/timelines/tag/..", RAW, {})
    assert http.call_count == 0


def test_a_tag_timeline_still_quotes_its_name(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/timelines/tag/caf%C3%A9%2F1", json=[])
    assert api.timeline("tag/café/1") == []


# ---------------------------------------------------------------------------------------------
# 16. Lone surrogates and wrong file names are typed errors before sending


@pytest.mark.parametrize(
    ("call", "args", "field"),
    [
        ("status", ("1\udc80",), "id"),
        ("account_lookup", ("al\udc80ce",), "acct"),
        ("search_v2", ("caf\udce9",), "q"),
        ("status_post", ("caf\udce9",), "status"),
        ("accounts", (["1", "2\udc80"],), "id"),
    ],
)
def test_lone_surrogates_are_refused_before_sending(api: Mastodon, http, call: str, args, field: str) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    api._server_version = __import__("mastodon._versions", fromlist=["ServerVersion"]).ServerVersion.parse("4.4.0")
    with pytest.raises(MastodonIllegalArgumentError, match="surrogate") as raised:
        getattr(api, call)(*args)
    assert field in str(raised.value)
    assert http.call_count == 0


def test_media_post_refuses_a_file_name_that_is_not_a_string(api: Mastodon, http) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    with pytest.raises(MastodonIllegalArgumentError, match="file_name"):
        api.media_post(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, mime_type="image/png", file_name=42)  # type: ignore[arg-type]
    assert http.call_count == 0


# ---------------------------------------------------------------------------------------------
# 14. An edit without an id is an error, never a new post


def test_status_update_without_an_id_is_refused(api: Mastodon, http) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    posted = http.post(f"{BASE}/api/v1/statuses", json={"id": "1"})
    with pytest.raises(MastodonIllegalArgumentError, match="id"):
        api.status_update(None, "text")  # type: ignore[arg-type]
    assert posted.call_count == 0 and http.call_count == 0


# ---------------------------------------------------------------------------------------------
# 15. Header values are checked when they are set

BAD_HEADER_VALUES = ["bot\r\nX-Evil: 1", "bot\nmore", "caf\u00e9 \u2603", "nul\x00"]


@pytest.mark.parametrize("value", BAD_HEADER_VALUES)
def test_user_agent_and_lang_are_checked_in_the_constructor_and_when_set(value: str) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    if value == "caf\u00e9 \u2603":  # é alone is Latin-1 and fine; the snowman is not
        assert Mastodon(api_base_url=BASE, user_agent="caf\u00e9").user_agent == "caf\u00e9"
    with pytest.raises(MastodonIllegalArgumentError, match="user_agent"):
        Mastodon(api_base_url=BASE, user_agent=value)
    with pytest.raises(MastodonIllegalArgumentError, match="lang"):
        Mastodon(api_base_url=BASE, lang=value)
    client = Mastodon(api_base_url=BASE)
    with pytest.raises(MastodonIllegalArgumentError, match="user_agent"):
        client.user_agent = value
    with pytest.raises(MastodonIllegalArgumentError, match="lang"):
        client.set_language(value)
    assert client.user_agent == "mastodonpy" and client.lang is None


@pytest.mark.parametrize("value", BAD_HEADER_VALUES)
def test_an_idempotency_key_is_checked_before_sending(api: Mastodon, http, clock, value: str) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    with pytest.raises(MastodonIllegalArgumentError, match="Idempotency-Key"):
        api.status_post("hello", idempotency_key=value)
    assert http.call_count == 0 and clock.sleeps == []


# ---------------------------------------------------------------------------------------------
# 12. A field that cannot be its declared type is a MastodonAPIError naming the field


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        ({"id": {"nested": 1}, "content": "x"}, "Status.id"),
        ({"id": "1", "account": "bob"}, "Status.account"),
        ({"id": "1", "account": {"id": ["1"]}}, "Status.account.id"),
        ({"id": "1", "media_attachments": "none"}, "Status.media_attachments"),
        ({"id": "1", "mentions": ["@bob"]}, "Status.mentions[0]"),
        ({"id": True}, "Status.id"),
    ],
)
def test_wrong_field_types_name_the_field(api: Mastodon, http, answer, field: str) -> None:
    from mastodon.errors import MastodonAPIError

    http.get(f"{BASE}/api/v1/statuses/1", json=answer)
    with pytest.raises(MastodonAPIError, match=re.escape(field)):
        api.status(1)


def test_wrong_field_types_in_a_page_name_the_item(api: Mastodon, http) -> None:
    from mastodon.errors import MastodonAPIError

    http.get(f"{BASE}/api/v1/timelines/home", json=[{"id": "1"}, {"id": "2", "account": 7}])
    with pytest.raises(MastodonAPIError, match=re.escape("Status[1].account")):
        api.timeline_home()


def test_right_field_types_and_known_string_forms_pass(api: Mastodon, http) -> None:
    http.get(f"{BASE}/api/v1/statuses/1", json={"id": 1, "account": {"id": "2"}, "created_at": "not a date"})
    assert api.status(1).account.id == "2"


# ---------------------------------------------------------------------------------------------
# 10 and 11. Deeply nested answers are typed errors; one bad byte does not fail the whole answer

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("status_code", [200, 500])
def test_deeply_nested_json_is_an_api_error(api: Mastodon, http, status_code: int) -> None:
    from mastodon.errors import MastodonAPIError

    http.get(f"{BASE}/api/v1/statuses/1", status_code=status_code, content=DEEP)
    http.get(f"{BASE}/api/v1/timelines/home", status_code=status_code, content=DEEP)
    for call in (lambda: api.status(1), lambda: api.timeline_home()):
        with pytest.raises(MastodonAPIError):
            call()


def test_an_invalid_utf8_byte_is_replaced(api: Mastodon, http) -> None:
    body = b'{"id": "1", "content": "caf\xe9 ok", "account": {"id": "2", "display_name": "B\xffb"}}'
    http.get(f"{BASE}/api/v1/statuses/1", content=body, headers={"Content-Type": "application/json; charset=utf-8"})
    status = api.status(1)
    assert status.content == "caf\ufffd ok" and status.account.display_name == "B\ufffdb"


def test_a_declared_charset_is_used_for_a_body_that_is_not_utf8(api: Mastodon, http) -> None:
    body = '{"id": "1", "content": "café"}'.encode("latin-1")
    http.get(f"{BASE}/api/v1/statuses/1", content=body, headers={"Content-Type": "application/json; charset=latin-1"})
    assert api.status(1).content == "café"


def test_an_error_answer_with_a_bad_byte_keeps_its_message(api: Mastodon, http) -> None:
    from mastodon.errors import MastodonNotFoundError

    http.get(f"{BASE}/api/v1/statuses/1", status_code=404, content=b'{"error": "Record n\xf6t found"}')
    with pytest.raises(MastodonNotFoundError) as raised:
        api.status(1)
    assert raised.value.error == "Record n\ufffdt found"


# ---------------------------------------------------------------------------------------------
# 18. A 429 wait longer than the policy allows raises, naming the reset time


def test_a_429_wait_beyond_the_policy_raises_with_the_reset_time(http, clock) -> None:
    from mastodon import RetryPolicy
    from mastodon.errors import MastodonRatelimitError

    client = Mastodon(api_base_url=BASE, access_token=TOKEN, retry_policy=RetryPolicy(ratelimit_max_wait=60))
    client._set_clock(clock)
    http.get(f"{BASE}/api/v1/statuses/1", status_code=429, headers={"Retry-After": "120"})
    with pytest.raises(MastodonRatelimitError, match=r"resets at 2023-11-14T22:15:20\+00:00 \(in 120 s\)"):
        client.status(1)
    assert clock.sleeps == [] and http.call_count == 1


def test_a_429_wait_within_the_policy_is_waited_once(api: Mastodon, http, clock) -> None:
    http.get(
        f"{BASE}/api/v1/statuses/1",
        [{"status_code": 429, "headers": {"Retry-After": "120"}}, {"json": {"id": "1"}}],
    )
    assert api.status(1).id == "1"
    assert clock.sleeps == [120.0]


# ---------------------------------------------------------------------------------------------
# 19. Failures a retry cannot fix are raised at once, naming the host and the likely cause


def _dns_failure(errno: int) -> Exception:
    import socket

    import requests
    from urllib3.exceptions import MaxRetryError, NameResolutionError

    lookup = socket.gaierror(errno, "name lookup failed")
    cause = NameResolutionError("mastodon.example", None, lookup)  # type: ignore[arg-type]
    cause.__cause__ = lookup  # as urllib3 raises it: "from" the resolver's error
    return requests.exceptions.ConnectionError(MaxRetryError(None, "/api/v1/statuses/1", cause))  # type: ignore[arg-type]


def test_a_name_that_does_not_resolve_is_not_retried(api: Mastodon, http, clock) -> None:
    import socket

    from mastodon.errors import MastodonNetworkError

    http.get(f"{BASE}/api/v1/statuses/1", exc=_dns_failure(socket.EAI_NONAME))
    with pytest.raises(MastodonNetworkError, match=re.escape("'mastodon.example' does not resolve")):
        api.status(1)
    assert http.call_count == 1 and clock.sleeps == []


def test_a_temporary_dns_failure_is_still_retried(api: Mastodon, http, clock) -> None:
    import socket

    http.get(f"{BASE}/api/v1/statuses/1", [{"exc": _dns_failure(socket.EAI_AGAIN)}, {"json": {"id": "1"}}])
    assert api.status(1).id == "1"
    assert http.call_count == 2 and len(clock.sleeps) == 1


def test_a_refused_connection_is_not_retried(clock) -> None:
    import socket

    from mastodon.errors import MastodonNetworkError

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = Mastodon(api_base_url=f"http://127.0.0.1:{port}", access_token=TOKEN)
    client._set_clock(clock)
    with pytest.raises(MastodonNetworkError, match=re.escape(f"127.0.0.1:{port} refused the connection")):
        client.status(1)
    assert clock.sleeps == []


# ---------------------------------------------------------------------------------------------
# 20. pace holds the limit when threads share a client: in-flight requests stay counted


def _paced_limiter(remaining: int, reset_in: float = 100.0):
    from email.utils import format_datetime

    from mastodon._ratelimit import Clock, RateLimiter

    now = [1_000_000.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    limiter = RateLimiter("pace", 1.0, Clock(now=lambda: now[0], sleep=sleep))
    import datetime as dt

    reset = dt.datetime.fromtimestamp(now[0] + reset_in, dt.timezone.utc).isoformat()
    date = format_datetime(dt.datetime.fromtimestamp(now[0], dt.timezone.utc), usegmt=True)
    headers = {"X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": reset, "Date": date}
    limiter.before_request()
    limiter.after_response(headers, ok=True)
    return limiter, headers, sleeps


def test_an_answer_does_not_forget_the_requests_still_in_flight() -> None:
    limiter, headers, _ = _paced_limiter(remaining=10)
    for _ in range(8):  # eight threads send; the server has answered none of them yet
        limiter.before_request()
    assert limiter.remaining == 2
    # The first answer counts only its own request: 9 left on the server, 7 more already on the way.
    limiter.after_response({**headers, "X-RateLimit-Remaining": "9"}, ok=True)
    assert limiter.remaining == 2
    # Answers arrive out of order: an older, higher figure does not give places back.
    limiter.after_response({**headers, "X-RateLimit-Remaining": "8"}, ok=True)
    limiter.after_response({**headers, "X-RateLimit-Remaining": "9"}, ok=True)
    assert limiter.remaining == 2


def test_a_request_without_an_answer_is_no_longer_in_flight() -> None:
    import datetime as dt

    limiter, headers, _ = _paced_limiter(remaining=10)
    limiter.before_request()
    limiter.before_request()
    limiter.forget_request()  # the second one failed: it may have reached the server, so it stays counted
    limiter.after_response({**headers, "X-RateLimit-Remaining": "9"}, ok=True)
    assert limiter.remaining == 8
    # but it is no longer deducted from the next window's figure
    later = dt.datetime.fromtimestamp(1_000_000.0 + 400, dt.timezone.utc).isoformat()
    limiter.before_request()
    limiter.after_response({**headers, "X-RateLimit-Remaining": "299", "X-RateLimit-Reset": later}, ok=True)
    assert limiter.remaining == 299


def test_threads_sharing_a_client_wait_for_the_reset_when_the_window_is_used_up(http, clock) -> None:
    # Through the core: 6 requests of 8 threads are in flight when an answer says 5 are left.
    limiter, headers, sleeps = _paced_limiter(remaining=5)
    for _ in range(6):
        limiter.before_request()
    limiter.after_response({**headers, "X-RateLimit-Remaining": "4"}, ok=True)
    assert limiter.remaining is not None and limiter.remaining <= 0
    limiter.before_request()  # the next thread waits for the reset instead of provoking a 429
    assert sleeps and sleeps[-1] > 90


# ---------------------------------------------------------------------------------------------
# 23. The loopback listener ignores requests without the expected state


def test_the_loopback_listener_waits_for_the_request_with_its_state() -> None:
    import threading

    import requests

    from mastodon._oauth import LoopbackReceiver

    receiver = LoopbackReceiver()
    answers: list[int] = []

    def browser() -> None:
        for query in (
            "?code=stray-code&state=other-login",  # an older login attempt
            "?error=access_denied",  # another page's redirect, no state
            "?code=no-state-code",
            "?code=the-code&state=expected-state",
        ):
            answers.append(requests.get(receiver.redirect_uri + query, timeout=5).status_code)

    thread = threading.Thread(target=browser)
    thread.start()
    result = receiver.wait(timeout=10, state="expected-state")
    thread.join(5)
    assert (result.code, result.state, result.error) == ("the-code", "expected-state", None)
    assert answers == [400, 400, 400, 200]


def test_interactive_login_survives_a_stray_request_before_the_redirect(http) -> None:
    import threading
    from urllib.parse import parse_qs, urlsplit

    import requests

    http.real_http = True  # the listener on 127.0.0.1 is real; the instance is mocked
    client = Mastodon(client_id="cid-0001", client_secret="csecret-0001", api_base_url=BASE)
    http.get(f"{BASE}/.well-known/oauth-authorization-server", status_code=404, json={"error": "Record not found"})
    http.post(f"{BASE}/oauth/token", json={"access_token": "user-token-0001", "scope": "read write follow push"})

    def browser(url: str) -> bool:
        query = parse_qs(urlsplit(url).query)
        back = query["redirect_uri"][0]

        def visit() -> None:
            with requests.Session() as plain:  # not through requests-mock's patched adapter
                plain.trust_env = False
                plain.get(back + "?error=access_denied&state=someone-else", timeout=5)
                plain.get(back + f"?code=real-code&state={query['state'][0]}", timeout=5)

        threading.Thread(target=visit).start()
        return True

    token = client.interactive_login(open_browser=browser, timeout=10, output=__import__("io").StringIO())
    assert token == "user-token-0001"


def test_create_account_without_a_token_in_the_answer_is_a_typed_error(app_api: Mastodon, http) -> None:
    # Found by the hostile-server suite: a registration answered without access_token raised a KeyError.
    from mastodon.errors import MastodonAPIError

    http.post(f"{BASE}/oauth/token", json={"access_token": "app-token-0001", "scope": "read write follow push"})
    http.post(f"{BASE}/api/v1/accounts", json={"id": "1"})
    with pytest.raises(MastodonAPIError, match="access_token"):
        app_api.create_account("alice", "pass-0001", "a@example.org")


@pytest.mark.parametrize("stream", ["hashtag", "list"])
def test_stream_catch_up_paths_refuse_dot_segments(api: Mastodon, http, stream: str) -> None:
    from mastodon.errors import MastodonIllegalArgumentError
    from mastodon.streaming import StreamListener

    api._server_version = __import__("mastodon._versions", fromlist=["ServerVersion"]).ServerVersion.parse("4.4.0")
    with pytest.raises(MastodonIllegalArgumentError, match=re.escape("'..'")):
        if stream == "hashtag":
            api.stream_hashtag("..", StreamListener())
        else:
            api.stream_list("..", StreamListener())
    # (the hashtag stream may first ask whether the feed is open; nothing goes to a stream or a dot path)
    assert not any("streaming" in sent.path or "/.." in sent.path for sent in http.request_history)


def test_a_lone_surrogate_in_a_json_body_is_refused_before_sending(api: Mastodon, http) -> None:
    from mastodon.errors import MastodonIllegalArgumentError

    api._server_version = __import__("mastodon._versions", fromlist=["ServerVersion"]).ServerVersion.parse("4.4.0")
    with pytest.raises(MastodonIllegalArgumentError, match=r"poll\[options\]\[\]"):
        api.status_post("a poll", poll={"options": ["yes", "n\udc80"], "expires_in": 300})
    assert http.call_count == 0
