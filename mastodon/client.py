"""The :class:`Mastodon` client: every API area composed over the one request core.

For type checkers (and readers) ``Mastodon`` is the plain composition of the area mixins in
``mastodon/endpoints/``. At run time each area is imported only when one of its members is first
used: the class starts with a small stand-in for every member (listed in ``mastodon/_areas.py``),
which imports the area, puts the area's real members on the class and steps aside. A cron job that
posts one status pays for one area, not forty, and a call after the first costs exactly what it would
on a class composed up front.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from ._areas import AREAS, MEMBERS
from ._core import Core

__all__ = ["Mastodon", "load_all_areas"]

_DOC = """A client for one Mastodon (or compatible) server, holding its base URL and credentials.

    Every method of Mastodon.py 2.3 is here with the same name, parameters and return shapes.
    """

if TYPE_CHECKING:
    from .endpoints.accounts import AccountsMixin
    from .endpoints.admin import AdminMixin
    from .endpoints.annual_reports import AnnualReportsMixin
    from .endpoints.async_refresh import AsyncRefreshMixin
    from .endpoints.authentication import AuthenticationMixin
    from .endpoints.collections import CollectionsMixin
    from .endpoints.conversations import ConversationsMixin
    from .endpoints.endorsements import EndorsementsMixin
    from .endpoints.favourites import FavouritesMixin
    from .endpoints.filters import FiltersMixin
    from .endpoints.hashtags import HashtagsMixin
    from .endpoints.instance import InstanceMixin
    from .endpoints.lists import ListsMixin
    from .endpoints.media import MediaMixin
    from .endpoints.notifications import NotificationsMixin
    from .endpoints.pagination import PaginationMixin
    from .endpoints.polls import PollsMixin
    from .endpoints.preferences import PreferencesMixin
    from .endpoints.profile import ProfileMixin
    from .endpoints.push import PushMixin
    from .endpoints.relationships import RelationshipsMixin
    from .endpoints.reports import ReportsMixin
    from .endpoints.search import SearchMixin
    from .endpoints.statuses import StatusesMixin
    from .endpoints.streaming_endpoints import StreamingMixin
    from .endpoints.suggestions import SuggestionsMixin
    from .endpoints.timelines import TimelinesMixin
    from .endpoints.trends import TrendsMixin
    from .endpoints.utility import UtilityMixin

    class Mastodon(
        AccountsMixin,
        AdminMixin,
        AnnualReportsMixin,
        AsyncRefreshMixin,
        AuthenticationMixin,
        CollectionsMixin,
        ConversationsMixin,
        EndorsementsMixin,
        FavouritesMixin,
        FiltersMixin,
        HashtagsMixin,
        InstanceMixin,
        ListsMixin,
        MediaMixin,
        NotificationsMixin,
        PaginationMixin,
        PollsMixin,
        PreferencesMixin,
        ProfileMixin,
        PushMixin,
        RelationshipsMixin,
        ReportsMixin,
        SearchMixin,
        StatusesMixin,
        StreamingMixin,
        SuggestionsMixin,
        TimelinesMixin,
        TrendsMixin,
        UtilityMixin,
        Core,
    ):
        __doc__ = _DOC

else:

    class _ClientType(type):
        """Names the class (not ``Core.__init__``) in the error for a misspelt keyword, with a suggestion."""

        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            if kwargs:
                known = _known_keywords.get(cls)
                if cls not in _known_keywords:
                    from ._hints import known_parameters

                    known = _known_keywords[cls] = known_parameters(cls.__init__)
                if known is not None and not known.issuperset(kwargs):
                    from ._hints import unknown_arguments

                    raise TypeError(unknown_arguments(kwargs, sorted(known), cls.__name__))
            return super().__call__(*args, **kwargs)

    _known_keywords: dict[type, frozenset[str] | None] = {}

    class Mastodon(Core, metaclass=_ClientType):
        __doc__ = _DOC


_loaded: set[str] = set()
_load_lock = threading.Lock()


def _load_area(module: str) -> None:
    """Import one endpoint area and put its real members on ``Mastodon`` in place of the stand-ins."""
    with _load_lock:
        if module in _loaded:
            return
        mixin = getattr(importlib.import_module(f"mastodon.endpoints.{module}"), AREAS[module])
        for name, member in vars(mixin).items():
            if not (name.startswith("__") and name.endswith("__")):
                setattr(Mastodon, name, member)
        _loaded.add(module)


def load_all_areas() -> None:
    """Import every area now (for introspection: ``dir``, ``inspect``, documentation, structure tests)."""
    for module in AREAS:
        _load_area(module)


class _LazyMember:
    """Stands in for an area's member on ``Mastodon`` until that area is imported."""

    __slots__ = ("module", "name")

    def __init__(self, name: str, module: str) -> None:
        self.name = name
        self.module = module

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        _load_area(self.module)
        real = Mastodon.__dict__[self.name]
        binder = getattr(type(real), "__get__", None)
        return binder(real, instance, owner if owner is not None else Mastodon) if binder else real

    def __repr__(self) -> str:
        return f"<{self.name} of mastodon.endpoints.{self.module}, not imported yet>"


for _name, _module in MEMBERS.items():
    setattr(Mastodon, _name, _LazyMember(_name, _module))
