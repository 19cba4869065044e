"""The application object shared by route handlers: state, settings, stream hub, pagination helpers."""

from __future__ import annotations

import json
import queue
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mastodon.testing._core import ApiError, Flavour, JSONDict, Request, Response, Settings, json_response
from mastodon.testing.entities import Renderer
from mastodon.testing.faults import Faults, RateLimiter
from mastodon.testing.state import State, iso_now

STREAM_QUEUE_SIZE = 1000


@dataclass
class RequestRecord:
    """One logged request (``inst.requests``): everything the client sent."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class Subscriber:
    """One connected event stream."""

    streams: list[str]
    account_id: str | None
    tag: str | None = None
    list_id: str | None = None
    events: queue.Queue[tuple[str, str]] = field(default_factory=lambda: queue.Queue(STREAM_QUEUE_SIZE))

    def push(self, event: str, data: str) -> None:
        """Queue an event; a client too slow to drain 1000 events loses the newest ones."""
        try:
            self.events.put_nowait((event, data))
        except queue.Full:
            pass


class App:
    """Everything a route handler may touch."""

    def __init__(self, state: State, flavour: Flavour, settings: Settings) -> None:
        self.state = state
        self.flavour = flavour
        self.settings = settings
        self.faults = Faults()
        self.limiter = RateLimiter()
        self.base_url = "http://127.0.0.1"
        self.render = Renderer(state, self.base_url)
        self.stop_event = threading.Event()
        self._log_lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._subs_lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def set_base_url(self, url: str) -> None:
        """Fix the public base URL once the port is known."""
        self.base_url = url
        self.render.base_url = url

    # ----------------------------------------------------------------- request log
    def log_request(self, record: RequestRecord) -> None:
        """Append to the request log."""
        with self._log_lock:
            self._log.append(record)

    def logged_requests(self) -> list[RequestRecord]:
        """A snapshot of the request log."""
        with self._log_lock:
            return list(self._log)

    def clear_log(self) -> None:
        """Empty the request log."""
        with self._log_lock:
            self._log.clear()

    # ----------------------------------------------------------------- records
    def get_record(self, table: str, record_id: str) -> JSONDict:
        """A record or 404 ``Record not found``."""
        rec = self.state.table(table).get(record_id)
        if rec is None:
            raise ApiError(404, "Record not found")
        return rec

    def visible(self, status: JSONDict, viewer: str | None) -> bool:
        """Whether ``viewer`` may see a status."""
        visibility = status.get("visibility", "public")
        if visibility in ("public", "unlisted") or status["account_id"] == viewer:
            return True
        if viewer is None:
            return False
        if visibility == "private":
            return any(
                f["account_id"] == viewer and f["target_id"] == status["account_id"]
                for f in self.state.table("follows").values()
            ) or viewer in status.get("mention_ids", [])
        return viewer in status.get("mention_ids", [])

    def hidden_authors(self, viewer: str | None) -> set[str]:
        """Accounts whose statuses ``viewer`` does not see in timelines (blocked either way, or muted)."""
        if viewer is None:
            return set()
        hidden = {m["target_id"] for m in self.state.table("mutes").values() if m["account_id"] == viewer}
        for b in self.state.table("blocks").values():
            if b["account_id"] == viewer:
                hidden.add(b["target_id"])
            elif b["target_id"] == viewer:
                hidden.add(b["account_id"])
        return hidden

    def following_ids(self, account_id: str) -> set[str]:
        """The accounts that ``account_id`` follows."""
        return {f["target_id"] for f in self.state.table("follows").values() if f["account_id"] == account_id}

    # ----------------------------------------------------------------- pagination
    @staticmethod
    def limit_of(req: Request, default: int = 20, maximum: int = 40) -> int:
        """The ``limit`` parameter clamped to 1..maximum."""
        value = req.get_int("limit", default) or default
        return max(1, min(maximum, value))

    def paginate(
        self, req: Request, items: list[JSONDict], *, key: str = "id", default: int = 20, maximum: int = 40
    ) -> list[JSONDict]:
        """One page of ``items`` (any order) newest first, honouring max_id, since_id, min_id and limit."""
        limit = self.limit_of(req, default, maximum)
        ordered = sorted(items, key=lambda r: int(r[key]), reverse=True)
        max_id, since_id, min_id = req.get("max_id"), req.get("since_id"), req.get("min_id")
        try:
            if max_id:
                ordered = [r for r in ordered if int(r[key]) < int(max_id)]
            if since_id:
                ordered = [r for r in ordered if int(r[key]) > int(since_id)]
            if min_id:
                newer = [r for r in ordered if int(r[key]) > int(min_id)]
                return newer[-limit:]
        except ValueError:
            raise ApiError(422, "Validation failed: pagination ids must be numeric") from None
        return ordered[:limit]

    def link_header(self, req: Request, page: list[JSONDict], *, key: str = "id") -> str | None:
        """The ``Link`` header for a page: next (older, max_id) and prev (newer, min_id)."""
        if not page:
            return None
        kept = [(k, v) for k, values in req.query.items() if k not in ("max_id", "min_id", "since_id") for v in values]
        base = self.base_url + req.path

        def url(extra: tuple[str, str]) -> str:
            return base + "?" + urllib.parse.urlencode([*kept, extra])

        return (
            f'<{url(("max_id", str(page[-1][key])))}>; rel="next", <{url(("min_id", str(page[0][key])))}>; rel="prev"'
        )

    def page_response(
        self,
        req: Request,
        items: list[JSONDict],
        render: Callable[[JSONDict], Any],
        *,
        key: str = "id",
        default: int = 20,
        maximum: int = 40,
    ) -> Response:
        """Paginate, render and attach the Link header."""
        page = self.paginate(req, items, key=key, default=default, maximum=maximum)
        resp = json_response([render(r) for r in page])
        link = self.link_header(req, page, key=key)
        if link:
            resp.headers["Link"] = link
        return resp

    # ----------------------------------------------------------------- notifications and streams
    def notify(
        self, recipient: str, actor: str, kind: str, status_id: str | None = None, *, sender: str | None = None
    ) -> None:
        """Create a notification (never for one's own actions) and push it to the recipient's streams.

        ``sender`` is the account shown in the notification when it is not the actor (``poll``: the author).
        None is made about a status whose conversation the recipient muted.
        """
        if recipient == actor:
            return
        sender = sender or actor
        with self.state.lock:
            if status_id and status_id in self.state.table("statuses"):
                if self.render.conversation_muted(status_id, recipient):
                    return
            nid = self.state.new_id()
            bucket = int(int(nid) >> 16) // 1000 // 3600
            if kind in ("favourite", "reblog"):
                group_key = f"{kind}-{status_id}-{bucket}"
            elif kind == "follow":
                group_key = f"follow-{bucket}"
            else:
                group_key = f"ungrouped-{nid}"
            self.state.table("notifications")[nid] = {
                "id": nid,
                "account_id": recipient,
                "from_account_id": sender,
                "type": kind,
                "status_id": status_id,
                "created_at": iso_now(),
                "group_key": group_key,
            }
            payload = self.render.notification(nid)
        self.broadcast(
            "notification",
            lambda sub: sub.account_id == recipient and bool({"user", "user:notification"} & set(sub.streams)),
            lambda _sub: payload,
        )

    def subscribe(self, sub: Subscriber) -> None:
        """Register a stream."""
        with self._subs_lock:
            self._subscribers.append(sub)

    def subscriber_count(self) -> int:
        """How many streams are connected."""
        with self._subs_lock:
            return len(self._subscribers)

    def unsubscribe(self, sub: Subscriber) -> None:
        """Forget a stream."""
        with self._subs_lock:
            if sub in self._subscribers:
                self._subscribers.remove(sub)

    def broadcast(self, event: str, wants: Callable[[Subscriber], bool], payload: Callable[[Subscriber], Any]) -> None:
        """Push an event to every subscriber for which ``wants`` is true; payload is JSON or a plain string."""
        with self._subs_lock:
            targets = [s for s in self._subscribers if wants(s)]
        for sub in targets:
            with self.state.lock:
                try:
                    data = payload(sub)
                except KeyError:  # the record went away in the meantime
                    return
            sub.push(event, data if isinstance(data, str) else json.dumps(data))

    def status_streams(self, status: JSONDict) -> Callable[[Subscriber], bool]:
        """Which streams a new or edited status goes to."""
        author = status["account_id"]
        public = status.get("visibility") == "public" and not status.get("reblog_of_id")
        tags = {t.lower() for t in status.get("tags", [])}
        has_media = bool(status.get("media_ids"))
        with self.state.lock:
            followers = {f["account_id"] for f in self.state.table("follows").values() if f["target_id"] == author}
            lists = {lid for lid, lst in self.state.table("lists").items() if author in lst.get("account_ids", [])}

        def wants(sub: Subscriber) -> bool:
            for name in sub.streams:
                if name == "user" and (sub.account_id == author or sub.account_id in followers):
                    if status.get("visibility") != "direct" or sub.account_id in status.get("mention_ids", []):
                        return True
                if public and name in ("public", "public:local"):
                    return True
                if public and has_media and name in ("public:media", "public:local:media"):
                    return True
                if public and name in ("hashtag", "hashtag:local") and (sub.tag or "").lower() in tags:
                    return True
                if name == "list" and sub.list_id in lists:
                    return True
            return False

        return wants

    def publish_status(self, status_id: str, event: str = "update") -> None:
        """Push a new (``update``) or edited (``status.update``) status."""
        with self.state.lock:
            record = self.state.table("statuses").get(status_id)
            if record is None:
                return
            status = dict(record)
        self.broadcast(event, self.status_streams(status), lambda sub: self.render.status(status_id, sub.account_id))

    def publish_delete(self, status_id: str) -> None:
        """Tell every stream a status is gone."""
        self.broadcast("delete", lambda _sub: True, lambda _sub: status_id)
