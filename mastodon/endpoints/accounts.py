"""Accounts: your own, other people's, and what you do to them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import PurePath
from typing import Any, get_args
from urllib.parse import urlencode

from .._core import NOTHING, RAW, Core, ListOf, PageOf
from .._credentials import write_private_file
from .._encode import encode_form, id_of, ids_of
from .._files import PathOrFile, open_uploads
from .._oauth import DEFAULT_SCOPES, SCOPE_SETS
from .._validate import check_choice, check_limit
from .._versions import api_version
from ..errors import (
    MastodonAPIError,
    MastodonIllegalArgumentError,
    MastodonNotFoundError,
    refused,
)
from ..literals import DefaultPrivacy, QuotePolicy
from ..return_types import (
    Account,
    AccountCreationError,
    FamiliarFollowers,
    FeaturedTag,
    Relationship,
    Status,
    UserList,
)
from ..types_base import IdType, NonPaginatableList, PaginatableList, PrimitiveIdType

__all__ = ["AccountsMixin"]

AccountId = Account | IdType | PrimitiveIdType
Bound = Status | Account | IdType | PrimitiveIdType | datetime | None

PRIVACIES: tuple[str, ...] = get_args(DefaultPrivacy)
QUOTE_POLICIES: tuple[str, ...] = get_args(QuotePolicy)


class AccountsMixin(Core):
    """Endpoints under ``/api/v1/accounts``."""

    # ------------------------------------------------------------------------------------------
    # Registration

    @api_version("2.7.0", "2.7.0")
    def create_account(
        self,
        username: str,
        password: str,
        email: str,
        agreement: bool = False,
        reason: str | None = None,
        locale: str = "en",
        scopes: list[str] = DEFAULT_SCOPES,
        to_file: str | PurePath | None = None,
        return_detailed_error: bool = False,
        date_of_birth: datetime | date | None = None,
    ) -> str | None | tuple[str | None, AccountCreationError]:
        """Register a new account with this app's credentials; the client then uses its new access token.

        An app token is fetched first (``scopes``), then the account is created. On a refused
        registration, raises MastodonIllegalArgumentError, or with ``return_detailed_error`` returns
        ``(None, AccountCreationError)``; on success returns the token (``(token, empty error)`` with
        ``return_detailed_error``). ``to_file`` saves the token and base URL as Mastodon.py does.
        ``date_of_birth`` (4.4.0) is sent as a date.
        """
        if self.client_id is None or self.client_secret is None:
            raise MastodonIllegalArgumentError("create_account needs a client_id and client_secret (register an app)")
        for name, text in (("username", username), ("password", password), ("email", email)):
            if not isinstance(text, str) or not text:
                raise refused(f"{name} must be a non-empty string")
        given_scopes: object = scopes
        if not isinstance(given_scopes, (list, tuple)) or not all(isinstance(scope, str) for scope in given_scopes):
            raise MastodonIllegalArgumentError("scopes must be a list of scope names")
        birth_date: str | None = None
        if date_of_birth is not None:
            if not isinstance(date_of_birth, date):
                raise MastodonIllegalArgumentError(
                    f"date_of_birth takes a datetime.date (a datetime works too), got {type(date_of_birth).__name__}"
                )
            birth_date = date_of_birth.strftime("%Y-%m-%d")
        try:
            app_token = self._request(
                "POST",
                "/oauth/token",
                RAW,
                {
                    "scope": " ".join(scopes),
                    "client_id": self.client_id,
                    "client_secret": self.client_secret,
                    "grant_type": "client_credentials",
                },
                do_ratelimiting=False,
                auth=False,
            )["access_token"]
        except (MastodonAPIError, KeyError, TypeError) as error:
            raise MastodonIllegalArgumentError(
                f"create_account could not get an app token (client_credentials grant) to register with: {error}"
            ) from error

        try:
            response = self._request(
                "POST",
                "/api/v1/accounts",
                RAW,
                {
                    "username": username,
                    "password": password,
                    "email": email,
                    "agreement": agreement or None,
                    "reason": reason,
                    "locale": locale,
                    "date_of_birth": birth_date,
                    "client_id": self.client_id,
                    "client_secret": self.client_secret,
                },
                do_ratelimiting=False,
                access_token=app_token,
            )
        except MastodonAPIError as error:
            refusal = _error_body(error)
            if refusal is None:
                raise
            if return_detailed_error:
                return None, AccountCreationError._from_json(refusal)
            raise MastodonIllegalArgumentError(
                f"The server refused the new account: {refusal['error']} "
                "(return_detailed_error=True gives the reason for each field)"
            ) from error

        if not isinstance(response, dict) or not isinstance(response.get("access_token"), str):
            raise MastodonAPIError("The server's answer to the registration carries no access_token")
        token: str = response["access_token"]
        granted = str(response.get("scope", "")).split(" ")
        for umbrella in list(granted):
            granted.extend(SCOPE_SETS.get(umbrella, ()))
        with self._lock:
            self.access_token = token
            self._refresh_token = response.get("refresh_token")
            self._token_expired = datetime.now() + timedelta(seconds=int(response.get("expires_in", 0) or 0))
            self._cache.pop("logged_in_id", None)
        if not set(scopes) <= set(granted):
            raise MastodonAPIError(
                f"The server granted the new account's token only {' '.join(granted)!r}; missing from what was "
                f"asked: {' '.join(sorted(set(scopes) - set(granted)))!r}. Ask for scopes the app was registered with"
            )
        if to_file is not None:
            write_private_file(to_file, f"{token}\n{self.api_base_url}\n")
        if return_detailed_error:
            return token, AccountCreationError()
        return token

    @api_version("3.4.0", "3.4.0")
    def email_resend_confirmation(self) -> None:
        """Send the confirmation email again, for an unconfirmed account created by this app."""
        return self._post("/api/v1/emails/confirmations", NOTHING)

    # ------------------------------------------------------------------------------------------
    # Reading accounts

    @api_version("1.0.0", "1.0.0")
    def account(self, id: AccountId) -> Account:
        """One account, by id (an account or an id)."""
        return self._get("/api/v1/accounts/{id}", Account, id=id)

    @api_version("4.3.0", "4.3.0")
    def accounts(self, ids: list[AccountId]) -> NonPaginatableList[Account]:
        """Several accounts at once, by id (4.3.0)."""
        given: object = ids
        if not isinstance(given, (list, tuple)):
            raise refused("ids must be a list of accounts or ids")
        return self._get("/api/v1/accounts", ListOf(Account), id=ids_of(ids, "ids"))

    @api_version("1.0.0", "2.1.0")
    def account_verify_credentials(self) -> Account:
        """The account this token belongs to, with its ``source`` (privacy, sensitive, language, note)."""
        return self._get("/api/v1/accounts/verify_credentials", Account)

    @api_version("1.0.0", "2.1.0")
    def me(self) -> Account:
        """The account this token belongs to (the same as ``account_verify_credentials``)."""
        return self.account_verify_credentials()

    @api_version("1.0.0", "4.6.0")
    def account_statuses(
        self,
        id: AccountId,
        only_media: bool = False,
        pinned: bool = False,
        exclude_replies: bool = False,
        exclude_reblogs: bool = False,
        tagged: str | None = None,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
        exclude_direct: bool = False,
    ) -> PaginatableList[Status]:
        """A page of an account's statuses, newest first; the flags filter it (``tagged`` 2.8.0).

        Flags left False are not sent. Bounds may be statuses, ids or datetimes.
        """
        check_limit(limit)
        return self._get(
            "/api/v1/accounts/{id}/statuses",
            PageOf(Status),
            id=id,
            only_media=only_media or None,
            pinned=pinned or None,
            exclude_replies=exclude_replies or None,
            exclude_reblogs=exclude_reblogs or None,
            tagged=tagged,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
            exclude_direct=exclude_direct or None,
        )

    @api_version("1.0.0", "2.6.0")
    def account_following(
        self,
        id: AccountId,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """A page of the accounts an account follows."""
        check_limit(limit)
        return self._get(
            "/api/v1/accounts/{id}/following",
            PageOf(Account),
            id=id,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("1.0.0", "2.6.0")
    def account_followers(
        self,
        id: AccountId,
        max_id: Bound = None,
        min_id: Bound = None,
        since_id: Bound = None,
        limit: int | None = None,
    ) -> PaginatableList[Account]:
        """A page of the accounts that follow an account."""
        check_limit(limit)
        return self._get(
            "/api/v1/accounts/{id}/followers",
            PageOf(Account),
            id=id,
            max_id=max_id,
            min_id=min_id,
            since_id=since_id,
            limit=limit,
        )

    @api_version("1.0.0", "1.4.0")
    def account_relationships(
        self, id: AccountId | list[AccountId], with_suspended: bool | None = None
    ) -> NonPaginatableList[Relationship]:
        """Your relationships to one account or several (``with_suspended`` 4.3.0 includes suspended ones)."""
        wire_id = ids_of(id, "id") if isinstance(id, (list, tuple)) else id_of(id, "id")
        return self._get(
            "/api/v1/accounts/relationships", ListOf(Relationship), id=wire_id, with_suspended=with_suspended
        )

    @api_version("1.0.0", "2.8.0")
    def account_search(
        self,
        q: str,
        limit: int | None = None,
        following: bool = False,
        resolve: bool = False,
        offset: int | None = None,
    ) -> PaginatableList[Account]:
        """Accounts matching a name or address (``resolve`` looks up remote ones); paginated by offset.

        ``following`` and ``resolve`` are always sent, as Mastodon.py sends them.
        """
        if not isinstance(q, str):
            raise refused(f"q must be a string, not {type(q).__name__}")
        check_limit(limit)
        return self._get(
            "/api/v1/accounts/search",
            PageOf(Account),
            _offset=True,
            q=q,
            limit=limit,
            following=following,
            resolve=resolve,
            offset=offset,
        )

    @api_version("2.1.0", "2.1.0")
    def account_lists(self, id: AccountId) -> NonPaginatableList[UserList]:
        """Your lists that contain this account."""
        return self._get("/api/v1/accounts/{id}/lists", ListOf(UserList), id=id)

    @api_version("3.4.0", "3.4.0")
    def account_lookup(self, acct: str) -> Account:
        """The account with this address (``user`` or ``user@domain``), by WebFinger on the server."""
        if not isinstance(acct, str) or not acct:
            raise refused(f"acct must be a non-empty string, not {acct!r}")
        return self._get("/api/v1/accounts/lookup", Account, acct=acct)

    @api_version("3.5.0", "3.5.0")
    def account_familiar_followers(self, id: AccountId | list[AccountId]) -> NonPaginatableList[FamiliarFollowers]:
        """For each account, the accounts you follow that also follow it."""
        ids = ids_of(id if isinstance(id, (list, tuple)) else [id], "id")
        return self._get("/api/v1/accounts/familiar_followers", ListOf(FamiliarFollowers), id=ids)

    @api_version("3.3.0", "3.3.0")
    def account_featured_tags(self, id: AccountId) -> NonPaginatableList[FeaturedTag]:
        """The hashtags an account features on its profile."""
        return self._get("/api/v1/accounts/{id}/featured_tags", ListOf(FeaturedTag), id=id)

    # ------------------------------------------------------------------------------------------
    # Acting on accounts

    @api_version("1.0.0", "3.3.0")
    def account_follow(self, id: AccountId, reblogs: bool = True, notify: bool = False) -> Relationship:
        """Follow an account (or request to); ``reblogs`` shows its boosts, ``notify`` (3.3.0) its posts."""
        # Mastodon reads the options from the form body; some other servers only from the query string.
        options = {"reblogs": reblogs, "notify": notify}
        return self._post(
            "/api/v1/accounts/{id}/follow?" + urlencode(encode_form(options)), Relationship, id=id, **options
        )

    @api_version("1.0.0", "2.1.0")
    def follows(self, uri: str) -> Relationship:
        """Follow the first account an account search for ``uri`` finds; MastodonNotFoundError if none."""
        found = self.account_search(uri)
        if not found:
            raise MastodonNotFoundError(f"No account found for {uri!r}; check the address (user@domain)")
        return self.account_follow(found[0])

    @api_version("1.0.0", "1.4.0")
    def account_unfollow(self, id: AccountId) -> Relationship:
        """Stop following an account (or withdraw the follow request)."""
        return self._post("/api/v1/accounts/{id}/unfollow", Relationship, id=id)

    @api_version("3.5.0", "3.5.0")
    def account_remove_from_followers(self, id: AccountId) -> Relationship:
        """Make an account stop following you."""
        return self._post("/api/v1/accounts/{id}/remove_from_followers", Relationship, id=id)

    @api_version("1.0.0", "1.4.0")
    def account_block(self, id: AccountId) -> Relationship:
        """Block an account."""
        return self._post("/api/v1/accounts/{id}/block", Relationship, id=id)

    @api_version("1.0.0", "1.4.0")
    def account_unblock(self, id: AccountId) -> Relationship:
        """Unblock an account."""
        return self._post("/api/v1/accounts/{id}/unblock", Relationship, id=id)

    @api_version("1.1.0", "2.4.3")
    def account_mute(
        self, id: AccountId, notifications: bool = True, duration: int | timedelta | None = None
    ) -> Relationship:
        """Mute an account, and its notifications unless ``notifications=False``; ``duration`` in seconds (3.3.0)."""
        if duration is not None and (isinstance(duration, bool) or not isinstance(duration, (int, timedelta))):
            raise refused(f"duration must be seconds (an int) or a timedelta, not {duration!r}")
        return self._post(
            "/api/v1/accounts/{id}/mute", Relationship, id=id, notifications=notifications, duration=duration
        )

    @api_version("1.1.0", "1.4.0")
    def account_unmute(self, id: AccountId) -> Relationship:
        """Unmute an account."""
        return self._post("/api/v1/accounts/{id}/unmute", Relationship, id=id)

    @api_version("2.5.0", "2.5.0")
    def account_pin(self, id: AccountId) -> Relationship:
        """Feature an account on your profile (deprecated in 4.4.0 for ``account_endorse``)."""
        return self._post("/api/v1/accounts/{id}/pin", Relationship, id=id)

    @api_version("2.5.0", "2.5.0")
    def account_unpin(self, id: AccountId) -> Relationship:
        """Stop featuring an account on your profile (deprecated in 4.4.0 for ``account_unendorse``)."""
        return self._post("/api/v1/accounts/{id}/unpin", Relationship, id=id)

    @api_version("4.4.0", "4.4.0")
    def account_endorse(self, id: AccountId) -> Relationship:
        """Feature an account on your profile (4.4.0)."""
        return self._post("/api/v1/accounts/{id}/endorse", Relationship, id=id)

    @api_version("4.4.0", "4.4.0")
    def account_unendorse(self, id: AccountId) -> Relationship:
        """Stop featuring an account on your profile (4.4.0)."""
        return self._post("/api/v1/accounts/{id}/unendorse", Relationship, id=id)

    @api_version("3.2.0", "3.2.0")
    def account_note_set(self, id: AccountId, comment: str) -> Relationship:
        """Set your private note on an account (an empty string removes it)."""
        if not isinstance(comment, str):
            raise refused(f"comment must be a string, not {type(comment).__name__}")
        return self._post("/api/v1/accounts/{id}/note", Relationship, id=id, comment=comment)

    # ------------------------------------------------------------------------------------------
    # Your own profile

    @api_version("1.1.1", "4.6.1")
    def account_update_credentials(
        self,
        display_name: str | None = None,
        note: str | None = None,
        avatar: PathOrFile | None = None,
        avatar_mime_type: str | None = None,
        header: PathOrFile | None = None,
        header_mime_type: str | None = None,
        locked: bool | None = None,
        bot: bool | None = None,
        discoverable: bool | None = None,
        fields: list[tuple[str, str]] | None = None,
        hide_collections: bool | None = None,
        indexable: bool | None = None,
        attribution_domains: list[str] | None = None,
        default_privacy: DefaultPrivacy | None = None,
        default_sensitive: bool | None = None,
        default_language: str | None = None,
        default_quote_policy: QuotePolicy | None = None,
        avatar_description: str | None = None,
        header_description: str | None = None,
    ) -> Account:
        """Change your profile and posting defaults; only what is given is sent.

        ``avatar`` and ``header`` are a path, bytes or a binary file (MIME type detected unless given);
        ``fields`` is a list of ``(name, value)`` pairs replacing all profile fields;
        ``default_privacy`` (public, unlisted, private), ``default_sensitive``, ``default_language`` and
        ``default_quote_policy`` (public, followers, nobody; 4.5.0) go as ``source[...]``.
        """
        if default_privacy is not None:
            check_choice("default_privacy", default_privacy, PRIVACIES)
        if default_quote_policy is not None:
            check_choice("default_quote_policy", default_quote_policy, QUOTE_POLICIES)
        domains: object = attribution_domains
        if isinstance(domains, str):
            raise refused("attribution_domains must be a list of domains, not a string")
        fields_attributes: dict[str, dict[str, str]] | None = None
        if fields is not None:
            fields_attributes = {}
            for index, pair in enumerate(_field_pairs(fields)):
                fields_attributes[str(index)] = {"name": pair[0], "value": pair[1]}
        source = {
            "privacy": default_privacy,
            "sensitive": default_sensitive,
            "language": default_language,
            "quote_policy": default_quote_policy,
        }
        now = self._ratelimiter.clock.now()
        with open_uploads(now, avatar=(avatar, avatar_mime_type), header=(header, header_mime_type)) as files:
            return self._patch(
                "/api/v1/accounts/update_credentials",
                Account,
                _files=files,
                display_name=display_name,
                note=note,
                locked=locked,
                bot=bot,
                discoverable=discoverable,
                hide_collections=hide_collections,
                indexable=indexable,
                avatar_description=avatar_description,
                header_description=header_description,
                fields_attributes=fields_attributes,
                source=source,
                attribution_domains=attribution_domains,
            )

    @api_version("4.2.0", "4.2.0")
    def account_delete_avatar(self) -> Account:
        """Remove your avatar (4.2.0); returns your account."""
        return self._delete("/api/v1/profile/avatar", Account)

    @api_version("4.2.0", "4.2.0")
    def account_delete_header(self) -> Account:
        """Remove your profile header image (4.2.0); returns your account."""
        return self._delete("/api/v1/profile/header", Account)


def _field_pairs(fields: Iterable[Any]) -> list[tuple[str, str]]:
    """Profile fields as ``(name, value)`` string pairs, refusing anything else."""
    if isinstance(fields, (str, bytes, dict)):
        raise MastodonIllegalArgumentError("fields must be a list of (name, value) pairs")
    pairs: list[tuple[str, str]] = []
    for item in fields:
        if not isinstance(item, (tuple, list)) or len(item) != 2 or not all(isinstance(part, str) for part in item):
            raise MastodonIllegalArgumentError(f"fields must be a list of (name, value) string pairs, not {item!r}")
        pairs.append((item[0], item[1]))
    return pairs


def _error_body(error: MastodonAPIError) -> dict[str, Any] | None:
    """The JSON object of an API error's response when it carries an ``error`` key, else None."""
    response = error.response
    if response is None:
        return None
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return None
    return body if isinstance(body, dict) and "error" in body else None
