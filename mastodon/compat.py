"""Which optional libraries this Python can import, as Mastodon.py 2.3's ``mastodon.compat`` reports them.

``IMPL_HAS_CRYPTO`` (``cryptography``: Web Push keys), ``IMPL_HAS_ECE`` (``http_ece``: decrypting
pushes), ``IMPL_HAS_BLURHASH`` (``blurhash``), ``IMPL_HAS_GRAPHEME`` (``grapheme``) and
``IMPL_HAS_WEBSOCKET`` (``websocket-client``) are True exactly when the library imports. Each flag
is worked out the first time it is read, so importing this module costs nothing. The modules
themselves are here too (``compat.http_ece``, ``compat.blurhash`` ...), or None where they do not import.
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


# The optional modules themselves (None where they do not import), as Mastodon.py's compat offered them:
# name -> (module, attribute of it or None for the module itself).
_MODULES: dict[str, tuple[str, str | None]] = {
    "cryptography": ("cryptography", None),
    "default_backend": ("cryptography.hazmat.backends", "default_backend"),
    "ec": ("cryptography.hazmat.primitives.asymmetric.ec", None),
    "serialization": ("cryptography.hazmat.primitives.serialization", None),
    "http_ece": ("http_ece", None),
    "blurhash": ("blurhash", None),
    "magic": ("magic", None),
    "grapheme": ("grapheme", None),
    "websocket": ("websocket", None),
    "urlparse": ("urllib.parse", "urlparse"),
    "PurePath": ("pathlib", "PurePath"),
    "Path": ("pathlib", "Path"),
}


def _optional(name: str) -> Any:
    module_name, attribute = _MODULES[name]
    try:
        module = importlib.import_module(module_name)
    except Exception:  # absent or broken: None, as Mastodon.py's compat
        return None
    return module if attribute is None else getattr(module, attribute, None)


def _imports(modules: tuple[str, ...]) -> bool:
    try:
        for module in modules:
            importlib.import_module(module)
    except Exception:
        return False
    return True


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = _optional(name)
        globals()[name] = value
        return value
    if name not in _REQUIRES:
        raise AttributeError(f"module 'mastodon.compat' has no attribute {name!r}; it offers {', '.join(__all__)}")
    available = _imports(_REQUIRES[name])
    globals()[name] = available  # worked out once
    return available


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
