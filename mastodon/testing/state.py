"""The in-memory data of a local instance: plain JSON-able records behind one re-entrant lock.

Records are dicts keyed by id in tables (``accounts``, ``statuses``, ...), so the whole state can be saved to
and seeded from a JSON file. Every read or write of the tables must hold :attr:`State.lock`.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mastodon.testing._core import JSONDict

TABLES = (
    "accounts",
    "apps",
    "tokens",
    "codes",
    "follows",
    "statuses",
    "favourites",
    "bookmarks",
    "notifications",
    "media",
    "polls",
    "lists",
    "markers",
    "idempotency",
    "user_tokens",
    "blocks",
    "mutes",
    "scheduled",
    "follow_requests",
    "poll_notified",
    "push_subscriptions",
    "filters",
    "filter_keywords",
    "filter_statuses",
    "followed_tags",
    "conversation_mutes",
    "account_notes",
    "reports",
    "domain_blocks",
)
FORMAT_VERSION = 1
DEFAULT_USERS = ("alice", "bob", "carol")
BUILTIN_APP = "local-instance-builtin"


def iso_now(ts: float | None = None) -> str:
    """A Mastodon-style UTC timestamp with milliseconds: ``2019-12-08T03:48:33.901Z``."""
    moment = datetime.fromtimestamp(time.time() if ts is None else ts, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def password_for(username: str) -> str:
    """The password of a ready-made user."""
    return f"{username}-password"


class State:
    """All data of one instance; see the module docstring."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.data: dict[str, Any] = {name: {} for name in TABLES}
        self.data["format"] = FORMAT_VERSION
        self.data["last_id"] = 0
        self.files: dict[str, bytes] = {}

    # ----------------------------------------------------------------- ids and tables
    def new_id(self) -> str:
        """A snowflake-like id: milliseconds << 16, strictly increasing."""
        with self.lock:
            candidate = int(time.time() * 1000) << 16
            value = max(candidate, int(self.data["last_id"]) + 1)
            self.data["last_id"] = value
            return str(value)

    def table(self, name: str) -> dict[str, JSONDict]:
        """One table of records by id."""
        table: dict[str, JSONDict] = self.data[name]
        return table

    @staticmethod
    def new_secret() -> str:
        """A random URL-safe secret for tokens, codes and client credentials."""
        return secrets.token_urlsafe(32)

    # ----------------------------------------------------------------- seeding
    def populate_defaults(self) -> None:
        """Create the built-in app and the users alice, bob and carol with full-scope tokens."""
        with self.lock:
            apps = self.table("apps")
            if BUILTIN_APP not in apps:
                apps[BUILTIN_APP] = {
                    "id": self.new_id(),
                    "name": "LocalInstance",
                    "website": None,
                    "client_id": BUILTIN_APP,
                    "client_secret": self.new_secret(),
                    "redirect_uris": ["urn:ietf:wg:oauth:2.0:oob"],
                    "scopes": ["read", "write", "follow", "push", "profile"],
                    "created_at": iso_now(),
                }
            for name in DEFAULT_USERS:
                if self.find_account(name) is None:
                    self.create_account(name, display_name=name.capitalize())

    def create_account(self, username: str, *, display_name: str = "", password: str | None = None) -> JSONDict:
        """Add a local user with a password and a full-scope token of the built-in app."""
        with self.lock:
            acc_id = self.new_id()
            account = {
                "id": acc_id,
                "username": username,
                "display_name": display_name,
                "note": "",
                "locked": False,
                "bot": False,
                "created_at": iso_now(),
                "email": f"{username}@localhost",
                "password": password or password_for(username),
                "fields": [],
            }
            self.table("accounts")[acc_id] = account
            token = self.issue_token(acc_id, BUILTIN_APP, ["read", "write", "follow", "push", "profile"])
            self.table("user_tokens")[username] = {"token": token["value"]}
            return account

    def issue_token(
        self, account_id: str | None, client_id: str | None, scopes: list[str], *, refresh: bool = False
    ) -> JSONDict:
        """Store and return a new access token record."""
        with self.lock:
            value = self.new_secret()
            record = {
                "value": value,
                "account_id": account_id,
                "client_id": client_id,
                "scopes": list(scopes),
                "created_at": int(time.time()),
                "refresh_token": self.new_secret() if refresh else None,
                "revoked": False,
            }
            self.table("tokens")[value] = record
            return record

    def find_account(self, username_or_email: str) -> JSONDict | None:
        """A local account by username (case-insensitive), ``username@host`` or e-mail."""
        wanted = username_or_email.lstrip("@").lower()
        with self.lock:
            for account in self.table("accounts").values():
                if wanted in (account["username"].lower(), account.get("email", "").lower()):
                    return account
                if wanted.split("@", 1)[0] == account["username"].lower() and wanted.count("@") == 1:
                    domain = wanted.split("@", 1)[1]
                    if domain in ("localhost", "127.0.0.1") or domain.startswith("127.0.0.1:"):
                        return account
        return None

    # ----------------------------------------------------------------- persistence
    def to_json(self) -> JSONDict:
        """A JSON-able deep snapshot of the state (media files base64-encoded)."""
        with self.lock:
            snapshot: JSONDict = json.loads(json.dumps(self.data))
            snapshot["files"] = {k: base64.b64encode(v).decode("ascii") for k, v in self.files.items()}
        return snapshot

    def load_json(self, snapshot: JSONDict) -> None:
        """Replace the state with a snapshot made by :meth:`to_json` (missing tables start empty)."""
        if snapshot.get("format", FORMAT_VERSION) != FORMAT_VERSION:
            raise ValueError(f"unsupported state format {snapshot.get('format')!r}")
        with self.lock:
            for name in TABLES:
                value = snapshot.get(name, {})
                if not isinstance(value, dict):
                    raise ValueError(f"state table {name!r} must be an object")
                self.data[name] = value
            self.data["last_id"] = int(snapshot.get("last_id", 0))
            self.files = {k: base64.b64decode(v) for k, v in snapshot.get("files", {}).items()}

    def save(self, path: str | Path) -> None:
        """Write the state to a JSON file."""
        Path(path).write_text(json.dumps(self.to_json(), indent=1, sort_keys=True), encoding="utf-8")

    def load(self, path: str | Path) -> None:
        """Read the state from a JSON file written by :meth:`save`."""
        self.load_json(json.loads(Path(path).read_text(encoding="utf-8")))
