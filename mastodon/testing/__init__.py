"""A Mastodon-compatible server in a box, for tests (standard library only).

Quick start::

    from mastodon.testing import LocalInstance

    with LocalInstance() as inst:                 # binds 127.0.0.1 on a free port, serves in a daemon thread
        inst.api_base_url                         # "http://127.0.0.1:PORT"
        inst.token("alice")                       # ready-made users alice, bob, carol (full scopes)
        api = inst.client("bob")                  # mastodon.Mastodon logged in as bob

Pytest: put ``pytest_plugins = ["mastodon.testing.pytest_plugin"]`` in a conftest and use the
``local_instance`` fixture. Command line: ``python -m mastodon.testing --port 8080 [--seed F] [--save F]``.

Construction
    ``LocalInstance(*, flavour="mastodon", seed=None, port=0, settings=None, **knobs)``;
    ``flavour`` is one of ``mastodon``, ``pleroma``, ``akkoma``, ``gotosocial`` (version string, nodeinfo
    software; GoToSocial also has no password grant, answers 400 to a bad token and announces WebSocket-only
    streaming, its SSE endpoints answering 404; forks have no OAuth server metadata). ``seed`` loads a state
    file written by ``inst.save(path)``. ``knobs`` are :class:`Settings` fields.

Settings (``inst.settings``, assign at any time)
    ``password_grant`` (True), ``oauth_metadata`` (True; False makes /.well-known/oauth-authorization-server
    404 like Mastodon < 4.3), ``media_processing_polls`` (1: GET /api/v1/media/:id polls answering 206 before a
    v2 upload is ready), ``heartbeat_interval`` (15.0 s of ``:thump``), ``rate_limit`` / ``rate_window``
    (300 per 300 s, per token or client address; exceeding answers 429 with ``X-RateLimit-Reset``),
    ``authorize_as`` ("alice": the user /oauth/authorize approves for), ``scheduled_min_delay`` (300.0 s; how far
    ahead ``scheduled_at`` must be). ``inst.set_rate_limit(limit, window)`` also resets the counters.

Faults (``inst.faults`` / ``inst.inject``)
    ``inst.inject(path_regex, kind, *, count=1, method=None, status=None, delay=0.0, retry_after=1,
    after_events=0) -> Fault``. ``count=None`` means forever; ``fault.hits`` counts uses;
    ``inst.faults.remove(fault)`` / ``inst.faults.clear()``. Kinds: ``status`` (500 by default, any status;
    503 adds ``Retry-After``), ``delay`` (interruptible by stop), ``drop`` (connection closed before any
    response), ``drop_mid_body``, ``truncated_json``, ``html_error`` (502 page), ``empty_body``,
    ``wrong_content_type``, ``stream_stall`` and ``stream_cut`` (after ``after_events`` events; a cut stream
    closes without the terminating chunk). The table is in :mod:`mastodon.testing.faults`.

Introspection
    ``inst.requests`` (list of ``RequestRecord(method, path, query, headers, body)``), ``inst.clear_requests()``,
    ``inst.state`` (the raw tables, guarded by ``inst.state.lock``), ``inst.account_id(name)``,
    ``inst.password(name)``, ``inst.add_user(name)``, ``inst.create_token(name_or_None, scopes)``,
    ``inst.save(path)``.

Endpoints: ``supported_routes()`` lists every ``METHOD /path/{param}`` served: apps and OAuth, instance and
nodeinfo, accounts, follows and follow requests (``locked`` accounts), blocks, mutes, domain blocks, private
account notes, statuses with edits, pins, conversation mutes and scheduling, timelines, notifications v1 and
grouped v2, media, polls, lists, search, markers, filters v2 with keywords and statuses (matches shown in each
status's ``filtered``, nothing hidden), hashtags and followed hashtags (their public statuses in the home
timeline), reports, the Web Push subscription (stored, never pushed to; policy and alerts read from ``data``
as Mastodon does), streaming.
Unknown routes answer 404 ``{"error": "Record not found"}``.

Streaming: ``/api/v1/streaming/{health,user,user/notification,public,public/local,public/remote,hashtag,
hashtag/local,list}`` as server-sent events (``event: update`` / ``notification`` / ``delete`` /
``status.update``), chunked, with ``:thump`` heartbeats; streams end (cleanly) when the instance stops.
``GET /api/v1/streaming`` with ``Upgrade: websocket`` is the multiplexed WebSocket endpoint (RFC 6455 on the
standard library, :mod:`mastodon.testing.websocket`): ``{"type": "subscribe" | "unsubscribe", "stream": ...,
"tag" | "list": ...}`` in, ``{"stream": [...], "event": ..., "payload": "<JSON text>"}`` out, a ping every
``heartbeat_interval``; a user token is required (401 before the upgrade otherwise); ``stream_cut`` and
``stream_stall`` apply to it as to the event streams.
"""

from mastodon.testing._app import RequestRecord
from mastodon.testing._core import FLAVOURS, Flavour, Settings
from mastodon.testing.faults import FAULT_KINDS, Fault, Faults
from mastodon.testing.server import LocalInstance, supported_routes

__all__ = [
    "FAULT_KINDS",
    "FLAVOURS",
    "Fault",
    "Faults",
    "Flavour",
    "LocalInstance",
    "RequestRecord",
    "Settings",
    "supported_routes",
]
