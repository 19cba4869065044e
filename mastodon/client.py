"""The :class:`Mastodon` client: every API area composed over the one request core."""

from __future__ import annotations

from ._core import Core
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

__all__ = ["Mastodon"]


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
    """A client for one Mastodon (or compatible) server, holding its base URL and credentials.

    Every method of Mastodon.py 2.3 is here with the same name, parameters and return shapes.
    """
