"""Asynchronous refreshes the server announces (Mastodon 4.4).

A response may carry ``Mastodon-Async-Refresh: id="...", retry=3, result_count=2``: the server is still
working on more results. the core reads that header into the info dict it
attaches to the returned value as ``_async_refresh`` (with what is needed to repeat the request);
the methods here read it, poll the refresh, and fetch the resource again once it is finished.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from .._core import RAW, RESPONSE, Core, async_refresh_info, returns_for
from .._encode import path_segment
from .._versions import api_version
from ..errors import MastodonAPIError, MastodonIllegalArgumentError
from ..return_types import AsyncRefresh
from ..types_base import AttribAccessDict, IdType

__all__ = ["AsyncRefreshMixin"]

ASYNC_REFRESH_HEADER = "Mastodon-Async-Refresh"
DEFAULT_RETRY_SECONDS = 3
MAX_WAIT_SECONDS = 300.0


def _async_refresh_of(result: Any) -> Mapping[str, Any] | None:
    info = getattr(result, "_async_refresh", None) if isinstance(result, (dict, list)) else None
    return info if isinstance(info, Mapping) else None


def _refresh_entity(body: Any) -> AsyncRefresh:
    if isinstance(body, Mapping) and isinstance(body.get("async_refresh"), Mapping):
        body = body["async_refresh"]
    if not isinstance(body, Mapping) or "id" not in body:
        raise MastodonAPIError(f"The server's async refresh answer is not an AsyncRefresh: {body!r}")
    return AsyncRefresh._from_json(dict(body))


class AsyncRefreshMixin(Core):
    """Reading, polling and waiting for async refreshes (``/api/v1_alpha/async_refreshes``)."""

    def get_async_refresh_info(self, result: Any) -> tuple[AsyncRefresh, int] | None:
        """``(AsyncRefresh, retry seconds)`` when ``result`` came with a ``Mastodon-Async-Refresh`` header, else None.

        The entity has the ``id``, ``status`` ``"running"`` and, where the server said, ``result_count``.
        """
        info = _async_refresh_of(result)
        if info is None:
            return None
        entity = AsyncRefresh._from_json(
            {"id": info["id"], "status": "running", "result_count": info.get("result_count")}
        )
        retry = info.get("retry", DEFAULT_RETRY_SECONDS)
        return entity, retry if isinstance(retry, int) else DEFAULT_RETRY_SECONDS

    def _async_refresh_id(self, result_or_id: Any) -> str:
        if isinstance(result_or_id, (str, int)) and not isinstance(result_or_id, bool):
            return str(result_or_id)
        if isinstance(result_or_id, AsyncRefresh):
            return str(result_or_id["id"])
        info = _async_refresh_of(result_or_id)
        if info is not None:
            return str(info["id"])
        raise MastodonIllegalArgumentError(
            f"result_or_id: a {type(result_or_id).__name__} with no async refresh; give the refresh's id, the "
            "AsyncRefresh, or a result the server marked as still being refreshed"
        )

    @api_version("4.4.0", "4.4.0")
    def get_async_refresh_status(self, result_or_id: IdType | str | AsyncRefresh | AttribAccessDict) -> AsyncRefresh:
        """Where an async refresh is: ``running`` or ``finished``, and how many results it has so far.

        Takes the refresh id, an AsyncRefresh, or a result that came with async refresh information.
        """
        refresh_id = self._async_refresh_id(result_or_id)
        return _refresh_entity(self._get("/api/v1_alpha/async_refreshes/{id}", RAW, id=refresh_id))

    def _poll_async_refresh(self, refresh_id: str) -> tuple[AsyncRefresh, int | None]:
        """The refresh's status and the ``retry`` hint of the answer's own header, if it has one."""
        path = "/api/v1_alpha/async_refreshes/" + path_segment("id", refresh_id)
        response = self._request("GET", path, RESPONSE, {})
        try:
            body = json.loads(response.content)
        except (ValueError, RecursionError) as error:
            raise MastodonAPIError(f"Could not parse the async refresh answer as JSON: {error}") from error
        hint = async_refresh_info(response.headers.get(ASYNC_REFRESH_HEADER), "GET", path, {}, RAW)
        retry = hint.get("retry") if hint is not None else None
        return _refresh_entity(body), retry if isinstance(retry, int) else None

    @api_version("4.4.0", "4.4.0")
    def await_async_refresh(self, result: Any, timeout: float = 0.0, max_attempts: int = -1) -> Any | None:
        """Wait for the async refresh ``result`` announced, then fetch the same resource again and return it.

        Polls at the server's ``retry`` interval (at most 5 minutes apart). ``timeout`` (seconds) and
        ``max_attempts`` bound the wait (0 or less: unbounded); when either runs out, returns None. A
        result without async refresh information, or whose refresh is already finished, comes back as is.
        """
        info = _async_refresh_of(result)
        if info is None:
            if not isinstance(result, (AttribAccessDict, list)):
                raise MastodonIllegalArgumentError(
                    f"result must be what an API call returned (an entity or a page), not a {type(result).__name__}"
                )
            return result
        if "_method" not in info or "_endpoint" not in info:
            raise MastodonIllegalArgumentError(
                "This result does not record the original request, so it cannot be fetched again once the "
                "refresh is done; call the method again instead"
            )
        if info.get("status") == "finished":
            return result
        clock = self._ratelimiter.clock
        retry = float(info["retry"]) if isinstance(info.get("retry"), int) else float(DEFAULT_RETRY_SECONDS)
        start = clock.now()
        attempts = 0
        while max_attempts <= 0 or attempts < max_attempts:
            elapsed = clock.now() - start
            if timeout > 0 and elapsed >= timeout:
                break
            if attempts > 0:
                wait = min(retry, timeout - elapsed) if timeout > 0 else retry
                wait = min(wait, MAX_WAIT_SECONDS)
                if wait > 0:
                    clock.sleep(wait)
            refresh, hint = self._poll_async_refresh(str(info["id"]))
            attempts += 1
            if refresh.get("status") == "finished":
                return self._request(
                    str(info["_method"]),
                    str(info["_endpoint"]),
                    returns_for(str(info.get("_shape", "one")), str(info.get("_mastopy_type", ""))),
                    copy.deepcopy(dict(info.get("_params") or {})),
                )
            if hint is not None:
                retry = float(hint)
        return None
