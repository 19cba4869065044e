"""The names Mastodon.py 2.3's modules offer besides their own, found where they live in this package.

Mastodon.py's modules import each other's names freely, and code written for it imports them back
from anywhere: ``from mastodon.Mastodon import MastodonAPIError, Account``,
``from mastodon.accounts import Account``. Our compatibility modules (``mastodon/Mastodon.py``,
``mastodon/accounts.py``, ...) keep only their own definitions and answer every other such name
through :func:`names_for`, importing the module that holds it on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["names_for"]

# Where the shared names live, searched in this order (the cheap, always-loaded modules first).
_HOMES = (
    "mastodon.errors",
    "mastodon._versions",
    "mastodon.types_base",
    "mastodon._casting",
    "mastodon.compat",
    "mastodon.return_types",
    "mastodon.streaming",
)


def find(name: str) -> Any:
    """The object Mastodon.py's modules share under ``name``; AttributeError when none of ours has it."""
    if not name.startswith("__"):  # dunder probes (``__path__``, ``__wrapped__``) load nothing
        for home in _HOMES:
            module = importlib.import_module(home)
            try:
                return getattr(module, name)
            except AttributeError:
                continue
    raise AttributeError(name)


def names_for(module_name: str) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` for the compatibility module ``module_name``."""

    def __getattr__(name: str) -> Any:  # noqa: N807  (it is installed as a module's __getattr__)
        try:
            return find(name)
        except AttributeError:
            raise AttributeError(
                f"module {module_name!r} has no attribute {name!r} (neither here nor in Mastodon.py 2.3's module "
                "of that name); see the migration guide for where its names live in mastodon"
            ) from None

    return __getattr__
