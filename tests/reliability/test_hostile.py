"""Every kind of hostile answer x every kind of call, against a real HTTP server on 127.0.0.1 (``hostile.py``).

Each cell points a fresh client (``request_timeout=0.2``, one retry, a clock that never really sleeps,
``debug_requests=True`` with everything logged at DEBUG captured) at a server answering one way, makes
one call, and records the outcome. A cell passes when the outcome is the expected one, the error (if
any) is one of :mod:`mastodon.errors`, no secret of the call (token, client secret, password, code)
appears in the exception (text, chain, pickle), in a log record, or in any request the "elsewhere"
origin received, and the call ended within its time bound (each attempt is bounded by
``request_timeout`` as a whole, so a dripped body cannot hold it).

``test_zz_hostile_summary`` prints the matrix and the totals: secrets found, untyped errors, calls
that outlived their bound.
"""

from __future__ import annotations

import logging
import pickle
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hostile import KINDS, HostileServer, wall
from reliability_support import RecordingClock, exception_texts

from mastodon import Mastodon
from mastodon._retry import RetryPolicy
from mastodon.errors import MastodonError, MastodonNetworkError

TIMEOUT = 0.2
RETRIES = 1
SLACK = 0.75  # wall seconds beyond the bound for thread scheduling on a busy machine
TOKEN = "hostile-token-0123456789"
CLIENT_SECRET = "hostile-client-secret-0001"
PASSWORD = "hostile pass&word/0001"
CODE = "hostile-code-0001"
SECRETS = (TOKEN, CLIENT_SECRET, PASSWORD, CODE, "hostile+pass%26word%2F0001", "hostile%20pass%26word%2F0001")


@dataclass(frozen=True)
class Call:
    """One kind of call: how to make it, and how many requests it makes at most (for the time bound)."""

    run: Callable[[Mastodon], Any]
    requests: int


def _log_in(api: Mastodon) -> Any:
    return api.log_in(code=CODE)


def _create_account(api: Mastodon) -> Any:
    return api.create_account("alice", PASSWORD, "alice@example.org")


CALLS: dict[str, Call] = {
    "status": Call(lambda api: api.status(1), 1),
    "timeline": Call(lambda api: api.timeline_home(), 1),
    "post": Call(lambda api: api.status_post("hi", idempotency_key="hostile-key-0001"), 1),
    "log_in": Call(_log_in, 2),  # discovery, then the token request
    "revoke": Call(lambda api: api.revoke_access_token(), 2),
    "create_account": Call(_create_account, 2),  # the app token, then the registration
}

# What each cell must come to: "ok", or the name of a mastodon.errors class (a subclass also counts).
_REFUSED = {"log_in": "MastodonError", "revoke": "MastodonError", "create_account": "MastodonError"}
EXPECTED: dict[str, dict[str, str]] = {
    "ok": dict.fromkeys(CALLS, "ok"),
    "drip_body": dict.fromkeys(CALLS, "MastodonError"),
    "drip_headers": dict.fromkeys(CALLS, "MastodonError"),
    "stall": dict.fromkeys(CALLS, "MastodonError"),
    "deep_json": dict.fromkeys(CALLS, "MastodonError"),
    "invalid_utf8": dict.fromkeys(CALLS, "ok"),
    "wrong_types": {**dict.fromkeys(CALLS, "MastodonError"), "revoke": "ok"},  # revoking reads no answer
    # The bearer header is dropped across origins and these bodies hold no secret: followed, as requests does.
    "redirect_307_elsewhere": {"status": "ok", "timeline": "ok", "post": "ok", **_REFUSED},
    "redirect_308_elsewhere": {"status": "ok", "timeline": "ok", "post": "ok", **_REFUSED},
    # 302 turns the POST into a GET without its body: nothing secret goes along. The registration, made a
    # GET, gets an answer without a token: a typed error.
    "redirect_302_elsewhere": {**dict.fromkeys(CALLS, "ok"), "create_account": "MastodonError"},
}


@dataclass
class Outcome:
    result: str
    typed: bool
    seconds: float
    bound: float
    secrets: int
    elsewhere: int  # requests the other origin received

    def label(self) -> str:
        text = self.result.removeprefix("Mastodon").removesuffix("Error") or "Error"
        if self.elsewhere:
            text += " (followed)"
        return text


RESULTS: dict[tuple[str, str], Outcome] = {}


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[HostileServer, HostileServer]]:
    instance, elsewhere = HostileServer().start(), HostileServer().start()
    instance.elsewhere = elsewhere.url
    try:
        yield instance, elsewhere
    finally:
        instance.stop()
        elsewhere.stop()


def _client(url: str) -> Mastodon:
    api = Mastodon(
        client_id="hostile-client-id",
        client_secret=CLIENT_SECRET,
        access_token=TOKEN,
        api_base_url=url,
        request_timeout=TIMEOUT,
        retry_policy=RetryPolicy(total=RETRIES, backoff_factor=0.01, jitter=0.0),
        mastodon_version="4.4.0",
        debug_requests=True,
    )
    api._set_clock(RecordingClock())
    return api


def _secrets_in(texts: list[str]) -> int:
    return sum(1 for text in texts for secret in SECRETS if secret in text)


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_answer(
    servers: tuple[HostileServer, HostileServer], kind: str, call: str, caplog: pytest.LogCaptureFixture
) -> None:
    instance, elsewhere = servers
    instance.answer(kind)
    elsewhere.answer("ok")
    api = _client(instance.url)
    caplog.set_level(logging.DEBUG)
    _, error, seconds = wall(lambda: CALLS[call].run(api))
    api.close()
    texts = [record.getMessage() for record in caplog.records]
    texts += [seen.text() for seen in elsewhere.seen]
    if error is not None:
        texts += exception_texts(error)
        texts.append(pickle.dumps(error).decode("latin-1") if isinstance(error, MastodonError) else "")
    bound = CALLS[call].requests * (1 + RETRIES) * TIMEOUT + SLACK
    outcome = Outcome(
        result="ok" if error is None else type(error).__name__,
        typed=error is None or isinstance(error, MastodonError),
        seconds=seconds,
        bound=bound,
        secrets=_secrets_in(texts),
        elsewhere=len(elsewhere.seen),
    )
    RESULTS[(kind, call)] = outcome
    assert outcome.typed, f"untyped {outcome.result}: {error!r}"
    assert outcome.secrets == 0, [text for text in texts if any(secret in text for secret in SECRETS)][:2]
    assert seconds <= bound, f"{seconds:.2f} s > {bound:.2f} s"
    expected = EXPECTED[kind][call]
    if expected == "ok":
        assert error is None, f"expected success, got {error!r}"
    else:
        assert error is not None, "expected an error, got success"
    if kind in ("redirect_307_elsewhere", "redirect_308_elsewhere") and expected != "ok":
        assert re.search(re.escape(elsewhere.url), " ".join(exception_texts(error))), error  # names the target
        assert not any(seen.method == "POST" for seen in elsewhere.seen)  # the secrets stayed home


def test_a_dripped_body_is_cut_at_the_deadline(servers: tuple[HostileServer, HostileServer]) -> None:
    """Item 17: 60 bytes at 0.05 s each would take 3 s; request_timeout=0.2 bounds each attempt."""
    from mastodon.errors import MastodonReadTimeout

    instance, _ = servers
    instance.answer("drip_body")
    api = _client(instance.url)
    api.retry_policy = RetryPolicy(total=0)
    _, error, seconds = wall(lambda: api.status(1))
    api.close()
    assert isinstance(error, MastodonReadTimeout), error
    assert seconds < TIMEOUT + SLACK, seconds


def test_dripped_headers_are_cut_at_the_deadline(servers: tuple[HostileServer, HostileServer]) -> None:
    """Item 17: even the status line and headers, dripped, cannot hold an attempt past request_timeout."""
    from mastodon.errors import MastodonReadTimeout

    instance, _ = servers
    instance.answer("drip_headers")
    api = _client(instance.url)
    api.retry_policy = RetryPolicy(total=0)
    _, error, seconds = wall(lambda: api.status(1))
    api.close()
    assert isinstance(error, MastodonReadTimeout), error
    assert seconds < TIMEOUT + SLACK, seconds


def test_https_to_an_http_only_server_fails_at_once(servers: tuple[HostileServer, HostileServer]) -> None:
    """Item 19: a TLS mismatch is not retried; the message names the host and the likely cause."""
    instance, _ = servers
    instance.answer("ok")
    api = _client(instance.url.replace("http://", "https://"))
    clock = RecordingClock()
    api._set_clock(clock)
    api.retry_policy = RetryPolicy(total=3)
    with pytest.raises(MastodonNetworkError, match="does not speak https") as raised:
        api.status(1)
    api.close()
    assert instance.url.removeprefix("http://") in str(raised.value)
    assert clock.sleeps == []


def test_zz_hostile_summary() -> None:
    """Print the matrix (hostile answers x calls) and the totals the suite holds at zero."""
    if not RESULTS:
        pytest.skip("no cells ran")
    calls = sorted(CALLS)
    width = max(len(name) for name in calls) + 2
    lines = ["hostile answer".ljust(24) + "".join(name.rjust(max(width, 27)) for name in calls)]
    for kind in KINDS:
        cells = [RESULTS[(kind, call)].label() if (kind, call) in RESULTS else "-" for call in calls]
        lines.append(kind.ljust(24) + "".join(cell.rjust(max(width, 27)) for cell in cells))
    outcomes = list(RESULTS.values())
    lines.append(
        f"cells {len(outcomes)}; secrets found in any output {sum(o.secrets for o in outcomes)}; "
        f"untyped errors {sum(not o.typed for o in outcomes)}; "
        f"calls that outlived their bound {sum(o.seconds > o.bound for o in outcomes)}; "
        f"slowest call {max(o.seconds for o in outcomes):.2f} s"
    )
    print("\n" + "\n".join(lines))  # noqa: T201 - the figures of the suite
    assert sum(o.secrets for o in outcomes) == 0
    assert all(o.typed for o in outcomes)
    assert all(o.seconds <= o.bound for o in outcomes)
