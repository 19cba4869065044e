"""User preferences and timeline read markers."""

from __future__ import annotations

from typing import Any, get_args

from .._core import Core, Returns
from .._encode import id_of
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, refused
from ..literals import MarkerTimeline
from ..return_types import Marker, Notification, Preferences, Status
from ..types_base import AttribAccessDict, IdType, PrimitiveIdType

__all__ = ["PreferencesMixin"]

MARKER_TIMELINES: tuple[str, ...] = get_args(MarkerTimeline)

MarkerId = Status | Notification | IdType | PrimitiveIdType


def _markers(body: Any) -> AttribAccessDict:
    if not isinstance(body, dict):
        raise TypeError(f"expected a JSON object of markers, got {type(body).__name__}")
    return AttribAccessDict({name: Marker._from_json(marker) for name, marker in body.items()})


_MARKERS: Returns[AttribAccessDict] = Returns(_markers, "Marker")


def _timelines(name: str, value: Any) -> list[str]:
    timelines = list(value) if isinstance(value, (list, tuple)) else [value]
    if not timelines:
        raise refused(f"{name} must name at least one timeline")
    for timeline in timelines:
        if timeline not in MARKER_TIMELINES:
            raise refused(f"{name}: {timeline!r} is not a marker timeline (one of {', '.join(MARKER_TIMELINES)})")
    return timelines


class PreferencesMixin(Core):
    """User preferences and timeline read markers."""

    @api_version("2.8.0", "2.8.0")
    def preferences(self) -> Preferences:
        """Your account's preferences (default visibility, language, media and spoiler expansion); read-only."""
        return self._get("/api/v1/preferences", Preferences)

    @api_version("3.0.0", "3.0.0")
    def markers_get(self, timeline: MarkerTimeline | list[MarkerTimeline] = ["home"]) -> dict[str, Marker]:  # noqa: B006
        """Your read positions in ``home`` and / or ``notifications`` (one name or a list), keyed by timeline."""
        return self._get("/api/v1/markers", _MARKERS, timeline=_timelines("timeline", timeline))

    @api_version("3.0.0", "3.0.0")
    def markers_set(
        self, timelines: MarkerTimeline | list[MarkerTimeline], last_read_ids: MarkerId | list[MarkerId]
    ) -> dict[str, Marker]:
        """Save your read position: for each timeline (``home``, ``notifications``) the id last read in it."""
        names = _timelines("timelines", timelines)
        ids = list(last_read_ids) if isinstance(last_read_ids, (list, tuple)) else [last_read_ids]
        if len(ids) != len(names):
            raise MastodonIllegalArgumentError(
                f"{len(names)} timeline(s) but {len(ids)} last_read_ids: give one id per timeline, in the same order"
            )
        positions: dict[str, Any] = {}
        for name, last_read in zip(names, ids, strict=True):
            last_read_id = id_of(last_read, "last_read_ids")
            if last_read_id is None or last_read_id == "" or isinstance(last_read_id, bool):
                raise MastodonIllegalArgumentError(f"last_read_ids: no id for the {name} timeline")
            positions[name] = {"last_read_id": last_read_id}
        return self._post("/api/v1/markers", _MARKERS, _json=True, **positions)
