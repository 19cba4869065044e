"""A user's script type-checks under ``mypy --strict`` (its ``assert_type`` lines hold) and runs.

``user_script.py`` is what a user would write: the README example, posting (scheduled or not),
replies, polls, timelines, notifications, pagination and streaming. Type-checking it pins the
overloads and generics the public methods declare; running it against the local instance shows
that those declared types are what the calls return.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from mypy import api as mypy_api

from mastodon.return_types import Status
from mastodon.testing import LocalInstance

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("user_script.py")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("user_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_user_script_passes_mypy_strict() -> None:
    out, err, status = mypy_api.run(
        ["--strict", "--config-file", str(ROOT / "pyproject.toml"), "--no-error-summary", str(SCRIPT)]
    )
    assert status == 0, out + err
    assert out == ""


def test_a_wrong_assert_type_fails_the_check(tmp_path: Path) -> None:
    """The check above can fail: the same script with one wrong expectation does not pass."""
    text = SCRIPT.read_text()
    wrong = text.replace("assert_type(scheduled, ScheduledStatus)", "assert_type(scheduled, Status)", 1)
    assert wrong != text
    (tmp_path / "user_script.py").write_text(wrong)
    out, _, status = mypy_api.run(
        ["--strict", "--config-file", str(ROOT / "pyproject.toml"), str(tmp_path / "user_script.py")]
    )
    assert status == 1
    assert 'Expression is of type "ScheduledStatus", not "Status"' in out


@pytest.mark.integration
def test_the_user_script_runs_against_the_local_instance() -> None:
    script = load_script()
    with LocalInstance(scheduled_min_delay=0.0) as instance:
        api = instance.client("alice")
        instance.client("bob").status_post("@alice hello", visibility="public")
        script.main(api)
        streamed = script.streaming(api)
    assert [type(status) for status in streamed] == [Status]
    assert streamed[0].content == "<p>on the stream</p>"
