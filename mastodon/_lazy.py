"""Modules imported on first use, so that ``import mastodon`` does not pay for ``requests``.

``requests`` (with urllib3, charset_normalizer, idna and certifi) costs most of the time ``import
mastodon`` would take. The modules that use it at run time name it through a :class:`LazyModule`
until a first attribute is read (when a client makes its session): then the real module is imported
and takes the proxy's place in the module that used it, so later reads cost nothing extra.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LazyModule"]


class LazyModule:
    """Stands in for module ``name`` in ``namespace`` (under ``binding``) until an attribute is read."""

    __slots__ = ("_binding", "_name", "_namespace")

    def __init__(self, name: str, namespace: dict[str, Any], binding: str | None = None) -> None:
        self._name = name
        self._namespace = namespace
        self._binding = binding or name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._name)
        self._namespace[self._binding] = module
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"
