"""Collections of accounts (Mastodon 4.6)."""

from __future__ import annotations

from .._core import Core, PagedOne
from .._encode import id_of, ids_of
from .._validate import check_non_negative
from .._versions import api_version
from ..errors import refused
from ..return_types import (
    Account,
    Collection,
    CollectionItem,
    Collections,
    CollectionWithAccounts,
    EmptyResponse,
    WrappedCollection,
    WrappedCollectionItem,
)
from ..types_base import IdType, PrimitiveIdType

__all__ = ["CollectionsMixin"]


class CollectionsMixin(Core):
    """Endpoints under ``/api/v1/collections``, and the collections of an account."""

    @api_version("4.6.0", "4.6.0")
    def collection_create(
        self,
        name: str,
        description: str | None = None,
        language: str | None = None,
        tag_name: str | None = None,
        sensitive: bool = False,
        discoverable: bool = False,
        account_ids: list[Account | IdType | PrimitiveIdType] | Account | IdType | PrimitiveIdType | None = None,
    ) -> WrappedCollection:
        """Create a collection of accounts to recommend, optionally with its first accounts (4.6).

        ``language`` is an ISO 639 code; ``tag_name`` a hashtag the collection is about; ``discoverable``
        collections show up in discovery features, others only by link.
        """
        if not isinstance(name, str) or not name:
            raise refused("name must be a non-empty string")
        if account_ids is not None and not isinstance(account_ids, (list, tuple)):
            account_ids = [account_ids]
        return self._post(
            "/api/v1/collections",
            WrappedCollection,
            name=name,
            description=description,
            language=language,
            tag_name=tag_name,
            sensitive=sensitive,
            discoverable=discoverable,
            account_ids=ids_of(account_ids, "account_ids") if account_ids is not None else None,
        )

    @api_version("4.6.0", "4.6.0")
    def collection(self, id: Collection | IdType | PrimitiveIdType) -> CollectionWithAccounts:
        """One collection with the accounts in it."""
        return self._get("/api/v1/collections/{id}", CollectionWithAccounts, id=id)

    @api_version("4.6.0", "4.6.0")
    def account_collections(
        self, id: Account | IdType | PrimitiveIdType, limit: int | None = None, offset: int | None = None
    ) -> Collections:
        """The collections an account made, ``limit`` / ``offset`` paged."""
        check_non_negative(limit=limit, offset=offset)
        return self._get(
            "/api/v1/accounts/{id}/collections",
            PagedOne(Collections, "collections"),
            _offset=True,
            id=id,
            limit=limit,
            offset=offset,
        )

    @api_version("4.6.0", "4.6.0")
    def account_in_collections(
        self, id: Account | IdType | PrimitiveIdType | None, limit: int | None = None, offset: int | None = None
    ) -> Collections:
        """The collections that feature an account (None: yours; the server answers only for your own)."""
        check_non_negative(limit=limit, offset=offset)
        account = self._logged_in_id() if id is None else id
        return self._get(
            "/api/v1/accounts/{id}/in_collections",
            PagedOne(Collections, "collections"),
            _offset=True,
            id=account,
            limit=limit,
            offset=offset,
        )

    @api_version("4.6.0", "4.6.0")
    def collection_update(
        self,
        id: Collection | IdType | PrimitiveIdType,
        name: str | None = None,
        description: str | None = None,
        language: str | None = None,
        tag_name: str | None = None,
        sensitive: bool | None = None,
        discoverable: bool | None = None,
    ) -> WrappedCollection:
        """Change a collection of yours; only what is given changes."""
        return self._patch(
            "/api/v1/collections/{id}",
            WrappedCollection,
            id=id,
            name=name,
            description=description,
            language=language,
            tag_name=tag_name,
            sensitive=sensitive,
            discoverable=discoverable,
        )

    @api_version("4.6.0", "4.6.0")
    def collection_delete(self, id: Collection | IdType | PrimitiveIdType) -> EmptyResponse:
        """Remove one of your collections for good."""
        return self._delete("/api/v1/collections/{id}", EmptyResponse, id=id)

    @api_version("4.6.0", "4.6.0")
    def collection_item_add(
        self, id: Collection | IdType | PrimitiveIdType, account_id: Account | IdType | PrimitiveIdType
    ) -> WrappedCollectionItem:
        """Put ``account_id`` into your collection ``id``."""
        return self._post(
            "/api/v1/collections/{id}/items", WrappedCollectionItem, id=id, account_id=id_of(account_id, "account_id")
        )

    @api_version("4.6.0", "4.6.0")
    def collection_item_delete(
        self, collection_id: Collection | IdType | PrimitiveIdType, item_id: CollectionItem | IdType | PrimitiveIdType
    ) -> EmptyResponse:
        """Remove an item (an account) from a collection of yours."""
        return self._delete(
            "/api/v1/collections/{collection_id}/items/{item_id}",
            EmptyResponse,
            collection_id=collection_id,
            item_id=item_id,
        )

    @api_version("4.6.0", "4.6.0")
    def collection_item_revoke(
        self, collection_id: Collection | IdType | PrimitiveIdType, item_id: CollectionItem | IdType | PrimitiveIdType
    ) -> EmptyResponse:
        """Take yourself out of someone else's collection."""
        return self._post(
            "/api/v1/collections/{collection_id}/items/{item_id}/revoke",
            EmptyResponse,
            collection_id=collection_id,
            item_id=item_id,
        )
