"""Polls: reading them, voting in them, and building one to attach to a new status."""

from __future__ import annotations

from typing import Any

from .._core import Core
from .._versions import api_version
from ..errors import refused
from ..return_types import Poll
from ..types_base import IdType, PrimitiveIdType

__all__ = ["PollsMixin"]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class PollsMixin(Core):
    """Endpoints under ``/api/v1/polls``, and :meth:`make_poll`."""

    @api_version("2.8.0", "2.8.0")
    def poll(self, id: Poll | IdType | PrimitiveIdType) -> Poll:
        """One poll, by id, with its current results."""
        return self._get("/api/v1/polls/{id}", Poll, id=id)

    @api_version("2.8.0", "2.8.0")
    def poll_vote(self, id: Poll | IdType | PrimitiveIdType, choices: int | list[int]) -> Poll:
        """Vote for one option (its index in ``options``) or, in a multiple-choice poll, a list of them."""
        chosen: Any = [choices] if _is_int(choices) else choices
        if (
            not isinstance(chosen, (list, tuple))
            or not chosen
            or not all(_is_int(choice) and choice >= 0 for choice in chosen)
        ):
            raise refused(
                f"choices must be an option index (an int from 0) or a non-empty list of them, not {choices!r}"
            )
        return self._post("/api/v1/polls/{id}/votes", Poll, id=id, choices=list(chosen))

    @api_version("2.8.0", "2.8.0")
    def make_poll(
        self, options: list[str], expires_in: int, multiple: bool = False, hide_totals: bool = False
    ) -> dict[str, Any]:
        """A poll to pass as ``poll`` to ``status_post`` / ``status_update``: options, seconds open, flags.

        Sends nothing. How many options and how long a poll may run is up to the server (Mastodon: up to
        4 options by default, from 5 minutes to a month; see the instance configuration).
        """
        if (
            not isinstance(options, (list, tuple))
            or len(options) < 2
            or not all(isinstance(option, str) and option.strip() for option in options)
        ):
            raise refused(f"options must be a list of at least two non-empty strings, not {options!r}")
        if not _is_int(expires_in) or expires_in <= 0:
            raise refused(f"expires_in must be a positive number of seconds, not {expires_in!r}")
        if not isinstance(multiple, bool) or not isinstance(hide_totals, bool):
            raise refused("multiple and hide_totals must be booleans")
        return {"options": list(options), "expires_in": expires_in, "multiple": multiple, "hide_totals": hide_totals}
