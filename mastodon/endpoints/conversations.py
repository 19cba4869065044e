"""Direct conversations."""

from __future__ import annotations

from datetime import datetime

from .._core import Core, PageOf
from .._validate import check_limit
from .._versions import api_version
from ..return_types import Conversation
from ..types_base import IdType, PaginatableList, PrimitiveIdType

__all__ = ["ConversationsMixin"]

Bound = Conversation | IdType | PrimitiveIdType | datetime | None


class ConversationsMixin(Core):
    """Direct conversations."""

    @api_version("2.6.0", "2.6.0")
    def conversations(
        self, max_id: Bound = None, min_id: Bound = None, since_id: Bound = None, limit: int | None = None
    ) -> PaginatableList[Conversation]:
        """A page of your direct conversations, most recently active first."""
        check_limit(limit)
        return self._get(
            "/api/v1/conversations",
            PageOf(Conversation),
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("2.6.0", "2.6.0")
    def conversations_read(self, id: Conversation | IdType | PrimitiveIdType) -> Conversation:
        """Mark a conversation as read; returns it."""
        return self._post("/api/v1/conversations/{id}/read", Conversation, id=id)
