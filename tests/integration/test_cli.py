"""The command line, end to end against the local instance: post, timeline, notifications, whoami."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mastodon import cli
from mastodon._credentials import write_private_file
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration


@pytest.fixture
def instance() -> Iterator[LocalInstance]:
    with LocalInstance() as started:
        yield started


@pytest.fixture
def credentials(instance: LocalInstance, tmp_path: Path) -> Path:
    """A Mastodon.py token file for alice (token, base URL)."""
    path = tmp_path / "alice.secret"
    write_private_file(path, f"{instance.token('alice')}\n{instance.api_base_url}\n")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_post_then_read_it_on_the_timeline(credentials: Path) -> None:
    code, out, err = run("post", "hello from the command line", "-c", str(credentials), "--visibility", "public")
    assert code == cli.EXIT_OK, err
    assert out.startswith("Posted http://127.0.0.1:")
    code, out, _ = run("timeline", "home", "-c", str(credentials))
    assert code == cli.EXIT_OK
    assert "@alice: hello from the command line" in out


def test_post_with_media_and_alt_text(credentials: Path, tmp_path: Path) -> None:
    from mastodon.demo import tiny_png

    picture = tmp_path / "square.png"
    picture.write_bytes(tiny_png())
    code, out, err = run("post", "look", "-c", str(credentials), "--media", str(picture), "--alt", "a square", "--json")
    assert code == cli.EXIT_OK, err
    posted = json.loads(out)
    assert posted["media_attachments"][0]["description"] == "a square"


def test_timeline_json_and_tag(credentials: Path) -> None:
    run("post", "about #cats", "-c", str(credentials))
    code, out, _ = run("timeline", "tag:cats", "-c", str(credentials), "--json")
    assert code == cli.EXIT_OK
    assert [status["content"] for status in json.loads(out)] != []


def test_notifications_show_mentions(instance: LocalInstance, credentials: Path) -> None:
    instance.client("bob").status_post("@alice ping")
    code, out, _ = run("notifications", "-c", str(credentials))
    assert code == cli.EXIT_OK
    assert "mention from @bob: @alice ping" in out or "mention from @bob" in out


def test_whoami_and_environment(instance: LocalInstance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASTODON_API_BASE_URL", instance.api_base_url)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", instance.token("alice"))
    monkeypatch.delenv("MASTODON_CREDENTIALS", raising=False)
    code, out, _ = run("whoami")
    assert code == cli.EXIT_OK and out.startswith("@alice on ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("timeline", "sideways"), cli.EXIT_USAGE),
        (("timeline", "--limit", "0"), cli.EXIT_USAGE),
        (("post", "x", "--alt", "no media"), cli.EXIT_USAGE),
        (("post", "x", "--media", "/no/such/file.png"), cli.EXIT_USAGE),
        (("post", "--help"), cli.EXIT_OK),
        (("timeline", "--help"), cli.EXIT_OK),
        (("notifications", "--help"), cli.EXIT_OK),
    ],
)
def test_usage_errors_and_help(credentials: Path, argv: tuple[str, ...], expected: int) -> None:
    code, _, _ = run(*argv, *(() if "--help" in argv else ("-c", str(credentials))))
    assert code == expected


def test_a_refused_token_is_an_auth_exit_code(instance: LocalInstance, tmp_path: Path) -> None:
    path = tmp_path / "bad.secret"
    write_private_file(path, f"not-a-token\n{instance.api_base_url}\n")
    code, _, err = run("timeline", "-c", str(path))
    assert code == cli.EXIT_AUTH
    assert "log in again" in err
    assert "not-a-token" not in err
