"""The command line, end to end against the local instance: post, timeline, notifications, whoami, revoke, login."""

from __future__ import annotations

import configparser
import io
import json
import re
import shlex
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from mastodon import __version__, cli
from mastodon._credentials import write_private_file
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("MASTODON_API_BASE_URL", "MASTODON_ACCESS_TOKEN", "MASTODON_CREDENTIALS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def instance() -> Iterator[LocalInstance]:
    with LocalInstance() as started:
        started.set_rate_limit(10_000)
        yield started


@pytest.fixture
def credentials(instance: LocalInstance, tmp_path: Path) -> Path:
    """A Mastodon.py token file for alice (token, base URL)."""
    path = tmp_path / "alice.secret"
    write_private_file(path, f"{instance.token('alice')}\n{instance.api_base_url}\n")
    return path


def run(*argv: str, stdin: str | None = None, **options: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin) if stdin is not None else None, **options
    )
    return code, out.getvalue(), err.getvalue()


def gets(instance: LocalInstance, path: str) -> list[dict[str, list[str]]]:
    """The query of every GET of ``path`` the instance saw."""
    return [record.query for record in instance.requests if record.method == "GET" and record.path == path]


def threaded_browser(url: str) -> bool:
    """What a browser does with the authorize page on the local instance: follow it, beside the program."""
    threading.Thread(target=lambda: requests.get(url, timeout=10), daemon=True).start()
    return True


# ---------------------------------------------------------------------------------------------
# Posting and reading


def test_post_then_read_it_on_the_timeline(credentials: Path) -> None:
    code, out, err = run("post", "hello from the command line", "-c", str(credentials), "--visibility", "public")
    assert code == cli.EXIT_OK, err
    posted_id = re.fullmatch(r"Posted (\d+): http://127\.0\.0\.1:\d+/@alice/\1\n", out)
    assert posted_id is not None, out
    code, out, _ = run("timeline", "home", "-c", str(credentials))
    assert code == cli.EXIT_OK
    header, text = out.splitlines()
    assert header.startswith(posted_id.group(1) + "  ") and header.endswith("  @alice")
    assert text == "    hello from the command line"


def test_post_reads_standard_input_for_a_dash(credentials: Path) -> None:
    code, out, err = run("post", "-", "-c", str(credentials), "--json", stdin="first line\nsecond line\n")
    assert code == cli.EXIT_OK, err
    assert json.loads(out)["content"] != "<p>-</p>"
    assert "first line" in json.loads(out)["content"] and "second line" in json.loads(out)["content"]


def test_post_with_media_and_alt_text(credentials: Path, tmp_path: Path) -> None:
    from mastodon.demo import tiny_png

    picture = tmp_path / "square.png"
    picture.write_bytes(tiny_png())
    code, out, err = run("post", "look", "-c", str(credentials), "--media", str(picture), "--alt", "a square", "--json")
    assert code == cli.EXIT_OK, err
    posted = json.loads(out)
    assert posted["media_attachments"][0]["description"] == "a square"
    code, out, _ = run("timeline", "-c", str(credentials))
    assert "    [image: a square]" in out.splitlines()


def test_json_output_has_iso_dates_and_text_views_show_what_the_server_said(
    instance: LocalInstance, credentials: Path
) -> None:
    bob = instance.client("bob")
    original = bob.status_post("the spoiled ending", spoiler_text="film plot", visibility="public")
    instance.client("alice").account_follow(instance.account_id("bob"))
    instance.client("alice").status_reblog(original)
    code, out, _ = run("timeline", "-c", str(credentials), "--json")
    assert code == cli.EXIT_OK
    first = json.loads(out)[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00", first["created_at"])
    code, out, _ = run("timeline", "-c", str(credentials))
    boost, own = out.split("\n\n")  # the boost, then bob's post itself (alice follows bob)
    lines = boost.splitlines()
    assert lines[0].startswith(f"{original.id}  ") and lines[0].endswith("@bob  (boosted by @alice)")
    assert lines[1:] == ["    CW: film plot", "    (text hidden; --expand shows it)"]
    assert own.splitlines()[0].endswith("@bob") and "spoiled ending" not in out
    code, out, _ = run("timeline", "-c", str(credentials), "--expand")
    assert out.split("\n\n")[0].splitlines()[1:] == ["    CW: film plot", "    the spoiled ending"]


def test_whoami_text_json_and_environment(instance: LocalInstance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", instance.api_base_url)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", instance.token("alice"))
    code, out, _ = run("whoami")
    assert code == cli.EXIT_OK and out.startswith("@alice on ")
    code, out, _ = run("whoami", "--json")
    assert code == cli.EXIT_OK
    account = json.loads(out)
    assert account["acct"] == "alice" and account["created_at"].endswith("+00:00")


def test_notifications_show_mentions(instance: LocalInstance, credentials: Path) -> None:
    mention = instance.client("bob").status_post("@alice ping")
    code, out, _ = run("notifications", "-c", str(credentials))
    assert code == cli.EXIT_OK
    header, text = out.splitlines()
    assert header.endswith(f"mention from @bob on status {mention.id}")
    assert text == "    @alice ping"


# ---------------------------------------------------------------------------------------------
# Item 1: only what is shown is requested


def test_timeline_limit_requests_one_small_page(instance: LocalInstance, credentials: Path) -> None:
    alice = instance.client("alice")
    for number in range(90):
        alice.status_post(f"status {number}")
    instance.clear_requests()
    code, out, _ = run("timeline", "-c", str(credentials), "--limit", "3", "--json")
    assert code == cli.EXIT_OK
    assert [status["content"] for status in json.loads(out)] == [f"<p>status {n}</p>" for n in (89, 88, 87)]
    assert [query["limit"] for query in gets(instance, "/api/v1/timelines/home")] == [["3"]]
    assert len(instance.requests) == 1


def test_timeline_limit_asks_later_pages_for_the_rest_only(instance: LocalInstance, credentials: Path) -> None:
    alice = instance.client("alice")
    for number in range(90):
        alice.status_post(f"status {number}")
    instance.clear_requests()
    code, out, _ = run("timeline", "-c", str(credentials), "--limit", "45", "--json")
    assert code == cli.EXIT_OK
    shown = json.loads(out)
    assert len(shown) == 45 and len({status["id"] for status in shown}) == 45
    queries = gets(instance, "/api/v1/timelines/home")
    assert [query["limit"] for query in queries] == [["40"], ["5"]]
    assert queries[1]["max_id"] == [shown[39]["id"]]
    assert len(instance.requests) == 2


def test_timeline_limit_beyond_the_history_stops_at_its_end(instance: LocalInstance, credentials: Path) -> None:
    alice = instance.client("alice")
    for number in range(50):
        alice.status_post(f"status {number}")
    instance.clear_requests()
    code, out, _ = run("timeline", "-c", str(credentials), "--limit", "500", "--json")
    assert code == cli.EXIT_OK
    assert len(json.loads(out)) == 50
    assert len(instance.requests) <= 3  # 40, 10, and at most one empty page that ends the walk


def test_notifications_limit_requests_one_small_page(instance: LocalInstance, credentials: Path) -> None:
    bob = instance.client("bob")
    for number in range(45):
        bob.status_post(f"@alice ping {number}")
    instance.clear_requests()
    code, out, _ = run("notifications", "-c", str(credentials), "--limit", "3")
    assert code == cli.EXIT_OK
    assert out.count("mention from @bob") == 3 and "ping 44" in out and "ping 41" not in out
    assert [query["limit"] for query in gets(instance, "/api/v1/notifications")] == [["3"]]
    assert len(instance.requests) == 1


# ---------------------------------------------------------------------------------------------
# Items 2, 3: usage mistakes exit 2 and name the flag; nothing is sent


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("timeline", "sideways"), "tag:NAME"),
        (("timeline", "tag:"), "tag:NAME needs a hashtag name"),
        (("timeline", "tag:#"), "tag:NAME needs a hashtag name"),
        (("timeline", "--limit", "0"), "--limit"),
        (("notifications", "--limit", "-1"), "--limit"),
        (("post", ""), "--media"),
        (("post", "   "), "--media"),
        (("post", "x", "--alt", "no media"), "--alt"),
        (("post", "x", "--media", "/no/such/file.png"), "--media /no/such/file.png"),
        (("timeline", "--limit", "many"), "--limit"),
    ],
)
def test_usage_errors_exit_2_name_the_flag_and_send_nothing(
    instance: LocalInstance, credentials: Path, argv: tuple[str, ...], words: str
) -> None:
    instance.clear_requests()
    code, _, err = run(*argv, "-c", str(credentials))
    assert code == cli.EXIT_USAGE
    assert words in err
    assert "Traceback" not in err
    assert instance.requests == []


def test_login_over_plain_http_names_the_flag(tmp_path: Path) -> None:
    code, _, err = run("login", "http://example.com", "-o", str(tmp_path / "c.json"))
    assert code == cli.EXIT_USAGE
    assert "--allow-http" in err and "allow_http" not in err


def test_login_into_an_existing_file_names_the_flags(tmp_path: Path) -> None:
    existing = tmp_path / "c.json"
    existing.write_text("{}")
    code, _, err = run("login", "https://example.com", "-o", str(existing))
    assert code == cli.EXIT_USAGE
    assert "--overwrite" in err and "--to-file" in err


@pytest.mark.parametrize("argv", [("post", "--help"), ("timeline", "--help"), ("notifications", "--help"), ("--help",)])
def test_help_goes_to_stdout_and_exits_0(argv: tuple[str, ...]) -> None:
    code, out, _ = run(*argv)
    assert code == cli.EXIT_OK
    assert out.startswith("usage: python -m mastodon")


def test_no_command_is_a_usage_error() -> None:
    code, _, err = run()
    assert code == cli.EXIT_USAGE and "a command is required" in err


# ---------------------------------------------------------------------------------------------
# Item 2: a login that needs a pasted code, with standard input closed


def test_login_with_closed_stdin_exits_3_without_a_traceback(instance: LocalInstance, tmp_path: Path) -> None:
    code, _, err = run("login", instance.api_base_url, "-o", str(tmp_path / "c.json"), "--no-browser", stdin="")
    assert code == cli.EXIT_AUTH
    assert "standard input is closed" in err and "Traceback" not in err and "EOFError" not in err
    assert not (tmp_path / "c.json").exists()


def test_login_with_a_code_on_stdin(instance: LocalInstance, tmp_path: Path) -> None:
    err = io.StringIO()

    class PastesTheCode(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            url = re.search(r"^\s+(http\S+)$", err.getvalue(), re.M)
            assert url is not None
            page = requests.get(url.group(1), timeout=10).text
            found = re.search(r'id="code" value="([^"]+)"', page)
            assert found is not None
            return found.group(1) + "\n"

    target = tmp_path / "c.json"
    code = cli.main(
        ["login", instance.api_base_url, "-o", str(target), "--no-browser"],
        stdout=io.StringIO(),
        stderr=err,
        stdin=PastesTheCode(),
    )
    assert code == cli.EXIT_OK, err.getvalue()
    assert run("whoami", "-c", str(target))[0] == cli.EXIT_OK


def test_demo_against_a_real_instance_with_closed_stdin_exits_3(
    instance: LocalInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run("demo", "--instance", instance.api_base_url, open_browser=False)
    # the demo opens a browser with the standard library; here no browser is offered
    assert code == cli.EXIT_AUTH, out + err
    assert "standard input is closed" in out and "Traceback" not in out + err


# ---------------------------------------------------------------------------------------------
# Exit code 3 and 4, from every subcommand


def test_a_refused_token_is_an_auth_exit_code_with_a_working_hint(instance: LocalInstance, tmp_path: Path) -> None:
    path = tmp_path / "bad.secret"
    write_private_file(path, f"not-a-token\n{instance.api_base_url}\n")
    code, _, err = run("timeline", "-c", str(path))
    assert code == cli.EXIT_AUTH
    assert "log in again" in err.lower()
    assert f"python -m mastodon login {instance.api_base_url} --to-file {path} --overwrite" in err
    assert "not-a-token" not in err


def test_a_token_without_the_scope_exits_3_naming_it(instance: LocalInstance, tmp_path: Path) -> None:
    path = tmp_path / "read-only.secret"
    write_private_file(path, f"{instance.create_token('alice', 'read')}\n{instance.api_base_url}\n")
    code, _, err = run("post", "hello", "-c", str(path))
    assert code == cli.EXIT_AUTH
    assert "needs the scope 'write:statuses'" in err


def test_missing_credentials_exit_3(tmp_path: Path) -> None:
    code, _, err = run("whoami")
    assert code == cli.EXIT_AUTH
    assert "no credentials at" in err and "python -m mastodon login <instance>" in err


@pytest.fixture
def unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Any) -> tuple[str, Path]:
    """A loopback URL where nothing listens, a credentials file naming it, and retries that never sleep."""
    monkeypatch.setattr("mastodon._ratelimit.Clock", lambda: clock)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    path = tmp_path / "gone.secret"
    write_private_file(path, f"token\n{url}\nclient-id\nclient-secret\n")
    return url, path


@pytest.mark.parametrize(
    "argv",
    [
        ("whoami",),
        ("revoke",),
        ("post", "hello"),
        ("timeline",),
        ("notifications",),
    ],
)
def test_network_failures_exit_4(unreachable: tuple[str, Path], argv: tuple[str, ...]) -> None:
    url, path = unreachable
    code, _, err = run(*argv, "-c", str(path))
    assert code == cli.EXIT_NETWORK, err
    assert f"could not reach {url}" in err


def test_network_failures_exit_4_from_login_and_demo(unreachable: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = unreachable
    code, _, err = run("login", url, "-o", str(tmp_path / "new.json"))
    assert code == cli.EXIT_NETWORK, err
    code, out, err = run("demo", "--instance", url)
    assert code == cli.EXIT_NETWORK, out + err


# ---------------------------------------------------------------------------------------------
# Item 5: printed hints work as printed


def test_the_hint_after_revoke_works_as_printed(instance: LocalInstance, tmp_path: Path) -> None:
    code, _, err = run("login", instance.api_base_url, open_browser=threaded_browser)
    assert code == cli.EXIT_OK, err
    code, out, _ = run("revoke")
    assert code == cli.EXIT_OK
    hint = out.split("To log in again: ", 1)[1].strip()
    assert hint == f"python -m mastodon login {instance.api_base_url} --overwrite"
    code, _, _ = run("whoami")
    assert code == cli.EXIT_AUTH
    words = shlex.split(hint)
    assert words[:3] == ["python", "-m", "mastodon"]
    code, _, err = run(*words[3:], open_browser=threaded_browser)
    assert code == cli.EXIT_OK, err
    assert run("whoami")[0] == cli.EXIT_OK


def test_the_hint_after_revoke_with_delete_and_a_named_file(instance: LocalInstance, tmp_path: Path) -> None:
    target = tmp_path / "my creds.json"
    assert run("login", instance.api_base_url, "-o", str(target), open_browser=threaded_browser)[0] == cli.EXIT_OK
    code, out, _ = run("revoke", "-c", str(target), "--delete")
    assert code == cli.EXIT_OK and not target.exists()
    hint = out.split("To log in again: ", 1)[1].strip()
    assert hint == f"python -m mastodon login {instance.api_base_url} --to-file '{target}'"
    code, _, err = run(*shlex.split(hint)[3:], open_browser=threaded_browser)
    assert code == cli.EXIT_OK, err


# ---------------------------------------------------------------------------------------------
# Issue 18: --version and the console script


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == cli.EXIT_OK
    assert out.startswith(f"mastodon {__version__} (Python ")


def test_python_dash_m_mastodon_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mastodon", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith(f"mastodon {__version__}")


def test_the_console_script_is_declared_and_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    scripts = [line.strip() for line in config["options.entry_points"]["console_scripts"].splitlines() if line.strip()]
    assert scripts == ["mastodon = mastodon.cli:console_main"]
    monkeypatch.setattr("sys.argv", ["/usr/local/bin/mastodon", "frobnicate"])
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert cli.console_main() == cli.EXIT_USAGE
    assert sys.stderr.getvalue().startswith("mastodon: error: argument COMMAND: invalid choice")
