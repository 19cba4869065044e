"""Which optional libraries this Python can import, as Mastodon.py 2.3's ``mastodon.compat`` reports them.

``IMPL_HAS_CRYPTO`` (``cryptography``: Web Push keys), ``IMPL_HAS_ECE`` (``http_ece``: decrypting
pushes), ``IMPL_HAS_BLURHASH`` (``blurhash``), ``IMPL_HAS_GRAPHEME`` (``grapheme``) and
``IMPL_HAS_WEBSOCKET`` (``websocket-client``) are True exactly when the library imports. Each flag
is worked out the first time it is read, so importing this module costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["IMPL_HAS_BLURHASH", "IMPL_HAS_CRYPTO", "IMPL_HAS_ECE", "IMPL_HAS_GRAPHEME", "IMPL_HAS_WEBSOCKET"]

# Declared for readers and type checkers; each is set on first read by __getattr__ below.
IMPL_HAS_CRYPTO: bool
IMPL_HAS_ECE: bool
IMPL_HAS_BLURHASH: bool
IMPL_HAS_GRAPHEME: bool
IMPL_HAS_WEBSOCKET: bool

# Flag -> the modules that must all import for it to be True.
_REQUIRES: dict[str, tuple[str, ...]] = {
    "IMPL_HAS_CRYPTO": (
        "cryptography",
        "cryptography.hazmat.backends",
        "cryptography.hazmat.primitives.asymmetric.ec",
        "cryptography.hazmat.primitives.serialization",
    ),
    "IMPL_HAS_ECE": ("http_ece",),
    "IMPL_HAS_BLURHASH": ("blurhash",),
    "IMPL_HAS_GRAPHEME": ("grapheme",),
    "IMPL_HAS_WEBSOCKET": ("websocket",),
}


def _imports(modules: tuple[str, ...]) -> bool:
    try:
        for module in modules:
            importlib.import_module(module)
    except Exception:
        return False
    return True


def __getattr__(name: str) -> Any:
    if name not in _REQUIRES:
        raise AttributeError(f"module 'mastodon.compat' has no attribute {name!r}; it offers {', '.join(__all__)}")
    available = _imports(_REQUIRES[name])
    globals()[name] = available  # worked out once
    return available


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
