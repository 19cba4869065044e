"""``python -m mastodon.testing``: foreground server, tokens printed, SIGTERM stops it, --save writes state."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_cli_serves_until_sigterm_and_saves(tmp_path: Path) -> None:
    save = tmp_path / "state.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "mastodon.testing", "--port", "0", "--save", str(save)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert "http://127.0.0.1:" in first
        url = first.split(" at ", 1)[1].split()[0]
        alice = proc.stdout.readline()
        token = alice.split("access token ", 1)[1].split()[0]
        with requests.Session() as http:
            r = http.get(url + "/api/v1/accounts/verify_credentials", headers={"Authorization": "Bearer " + token})
            assert r.json()["username"] == "alice"
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert json.loads(save.read_text())["user_tokens"]["alice"]["token"] == token


def test_bad_seed_file(tmp_path: Path) -> None:
    from mastodon.testing import LocalInstance

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 99}))
    with pytest.raises(ValueError):
        LocalInstance(seed=bad)
