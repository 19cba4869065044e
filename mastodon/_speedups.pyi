# The C entity converter (mastodon/_speedups.c); optional, see mastodon.types_base._native_converter.
from collections.abc import Callable
from datetime import tzinfo
from typing import Any

class Converter:
    """Turns one decoded JSON object into an entity of ``cls``."""

    def __init__(
        self,
        cls: type[dict[str, Any]],
        rows: tuple[tuple[str, str, str, Any, Any, bool], ...],
        fallback: Callable[[Any], Any],
    ) -> None: ...
    def __call__(self, data: Any, /) -> Any: ...
    @property
    def cls(self) -> type[dict[str, Any]]: ...

def configure(
    odd: Callable[[Any], Any],
    fromisoformat: Callable[[Any], Any],
    slow_datetime: Callable[[Any], Any],
    utc: tzinfo,
    errors: tuple[type[BaseException], ...],
    id_type: type[str],
    /,
) -> None: ...
