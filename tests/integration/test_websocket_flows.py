"""WebSocket streaming over real sockets: our client against LocalInstance's WebSocket endpoint.

Protocol: https://docs.joinmastodon.org/methods/streaming/#websocket. One connection carries several
subscriptions; each has its own listener; a cut connection is opened again and every subscription
catches up from the REST API, as server-sent event streams do, with nothing lost or doubled.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mastodon import MastodonNetworkError, StreamListener
from mastodon.return_types import Notification, Status
from mastodon.streaming import WebSocketStreamHandle, WebSocketSubscription
from mastodon.testing import LocalInstance

pytestmark = pytest.mark.integration

SOCKET = r"^/api/v1/streaming$"


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


class Collector(StreamListener):
    def __init__(self) -> None:
        self.events: list[tuple[str, Any, Any]] = []
        self.aborts: list[Exception] = []
        self.refusals: list[tuple[Exception, Any]] = []

    def on_update(self, status: Status, for_stream: Any = None) -> None:
        self.events.append(("update", status, for_stream))

    def on_notification(self, notification: Notification) -> None:
        self.events.append(("notification", notification, None))

    def on_delete(self, status_id: Any) -> None:
        self.events.append(("delete", status_id, None))

    def on_abort(self, err: Exception) -> None:
        self.aborts.append(err)

    def on_websocket_error(self, error: Exception, for_stream: Any = None) -> None:
        self.refusals.append((error, for_stream))

    def ids(self, name: str = "update") -> list[str]:
        return [payload.id if name != "delete" else payload for event, payload, _ in self.events if event == name]


@pytest.fixture
def instance() -> Iterator[LocalInstance]:
    with LocalInstance(rate_limit=1_000_000, heartbeat_interval=0.1) as inst:
        yield inst


def subscribed(instance: LocalInstance, count: int) -> Callable[[], bool]:
    """The server has taken in ``count`` subscriptions (it reads them on its own thread)."""
    return lambda: instance._app.subscriber_count() == count


def upgrades(instance: LocalInstance) -> int:
    return sum(1 for r in instance.requests if r.path == "/api/v1/streaming")


def test_several_streams_share_one_socket_each_to_its_listener(
    instance: LocalInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "websocket", None)  # no third-party client is needed
    alice, bob = instance.client("alice"), instance.client("bob")
    everything, public, tagged = Collector(), Collector(), Collector()
    with alice.stream_open_websocket(everything) as handle:
        assert isinstance(handle, WebSocketStreamHandle)
        on_public = alice.stream_public(public, websocket_handle=handle)
        on_tag = alice.stream_hashtag("Tea", tagged, websocket_handle=handle)
        assert isinstance(on_public, WebSocketSubscription) and on_tag is not None
        alice.stream_user_notifications(None, websocket_handle=handle)  # to the handle's own listener
        assert {s.stream for s in handle.subscriptions()} == {"public", "hashtag", "user:notification"}
        wait_for(subscribed(instance, 3))
        first = bob.status_post("a cup of #tea").id
        bob.account_follow(instance.account_id("alice"))
        wait_for(lambda: public.ids() == [first] and tagged.ids() == [first] and everything.ids("notification"))
        assert tagged.events[0][2] == ["hashtag", "tea"] and public.events[0][2] == ["public"]
        assert type(public.events[0][1]) is Status and type(everything.events[0][1]) is Notification
        assert everything.ids() == []  # statuses went to the subscriptions' own listeners

        on_tag.close()  # unsubscribe; the socket stays
        assert not on_tag.active and on_public.is_receiving()
        wait_for(subscribed(instance, 2))
        second = bob.status_post("more #tea").id
        wait_for(lambda: public.ids() == [first, second])
        time.sleep(0.2)  # anything still sent for the tag would arrive now
        assert tagged.ids() == [first]
        bob.status_delete(second)
        wait_for(lambda: public.ids("delete") == [second])
    assert not handle.is_alive() and upgrades(instance) == 1
    assert everything.aborts == [] and public.aborts == []


def test_a_cut_socket_reconnects_and_every_subscription_catches_up_once_in_order(instance: LocalInstance) -> None:
    alice, bob = instance.client("alice"), instance.client("bob")
    alice.account_follow(instance.account_id("bob"))
    home, public = Collector(), Collector()
    instance.inject(SOCKET, "stream_cut", after_events=2, count=1)  # after the first status (home + public)
    handle = alice.stream_open_websocket(reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        handle.subscribe("user", home)
        handle.subscribe("public", public)
        wait_for(subscribed(instance, 2))
        instance.inject(SOCKET, "delay", delay=0.5, count=1)  # the reconnect waits: what is posted now is missed
        posted = [bob.status_post("one").id]
        wait_for(lambda: len(home.aborts) == 1 and len(public.aborts) == 1)  # each listener told once
        posted += [bob.status_post("two").id, bob.status_post("three").id]
        wait_for(lambda: len(public.ids()) == 3 and len(home.ids()) == 3)
        wait_for(subscribed(instance, 2))
        posted += [bob.status_post("four").id]
        wait_for(lambda: len(public.ids()) >= 4 and len(home.ids()) >= 4)
        time.sleep(0.2)  # anything doubled would arrive now
    finally:
        handle.close()
        handle.join(5)
    assert public.ids() == posted and home.ids() == posted
    assert all(type(payload) is Status for _, payload, _ in public.events)
    assert isinstance(home.aborts[0], MastodonNetworkError)
    assert upgrades(instance) == 2
    caught_up = {r.path for r in instance.requests if "since_id" in r.query}
    assert caught_up == {"/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/notifications"}
    assert not handle.is_alive()


def test_a_refused_subscription_is_reported_to_its_listener(instance: LocalInstance) -> None:
    listener = Collector()
    with instance.client("alice").stream_open_websocket(listener) as handle:
        handle.subscribe("public:nonsense")
        wait_for(lambda: bool(listener.refusals))
    error, _ = listener.refusals[0]
    assert "Unknown stream type" in str(error) and listener.aborts == []


def test_a_bad_token_fails_at_once_with_a_network_error(instance: LocalInstance) -> None:
    api = instance.client("alice")
    api.access_token = "not-a-token"
    with pytest.raises(MastodonNetworkError, match="401"):
        api.stream_open_websocket(Collector())


def test_a_websocket_only_server_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """GoToSocial announces ws:// on its own plain-http host (loopback here): allowed, no downgrade."""
    with LocalInstance(flavour="gotosocial", heartbeat_interval=0.1) as inst:
        alice, bob = inst.client("alice"), inst.client("bob")
        listener = Collector()
        with alice.stream_open_websocket() as handle:
            alice.stream_public(listener, websocket_handle=handle)
            wait_for(subscribed(inst, 1))
            posted = bob.status_post("over the socket").id
            wait_for(lambda: listener.ids() == [posted])


def test_after_a_reconnect_catch_up_waits_until_the_server_has_taken_the_subscription(
    instance: LocalInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Catch-up asks for what was missed only once the stream carries new items, so nothing falls in between.

    The server is made slow to take the reconnected socket's subscription: it holds it until a catch-up
    request arrives, for at most half a second. A client that caught up before its subscription was taken
    would be seen asking first; ours pings after subscribing and catches up once the pong is back.
    """
    from mastodon.testing import websocket as server_side

    steps: list[str] = []
    subscribe = server_side.WebSocketSession.subscribe

    def caught_up() -> bool:
        return any(r.path == "/api/v1/timelines/public" and "since_id" in r.query for r in instance.requests)

    def slow_subscribe(session: Any, message: dict[str, Any]) -> None:
        if steps:  # the first connection's subscription goes through at once
            deadline = time.monotonic() + 0.5
            while not caught_up() and time.monotonic() < deadline:
                time.sleep(0.01)
            steps.append("catch-up before the subscription" if caught_up() else "subscribed")
        subscribe(session, message)
        if not steps:
            steps.append("first")

    monkeypatch.setattr(server_side.WebSocketSession, "subscribe", slow_subscribe)
    alice, bob = instance.client("alice"), instance.client("bob")
    public = Collector()
    instance.inject(SOCKET, "stream_cut", after_events=1, count=1)
    handle = alice.stream_open_websocket(reconnect_async=True, reconnect_async_wait_sec=0.05)
    try:
        handle.subscribe("public", public)
        wait_for(subscribed(instance, 1))
        first = bob.status_post("one").id  # delivered, then the socket is cut
        wait_for(lambda: len(public.aborts) == 1)
        wait_for(caught_up)
        second = bob.status_post("two").id
        wait_for(lambda: public.ids() == [first, second])
    finally:
        handle.close()
        handle.join(5)
    assert steps == ["first", "subscribed"]
