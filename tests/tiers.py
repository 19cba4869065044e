"""Which converter tier a class's ``_fast`` is (see mastodon.types_base._bootstrap)."""

from typing import Any


def in_second_tier(converter: Any) -> bool:
    """Whether ``_fast`` is the second-tier converter (compiled Python or C), no longer a bootstrap function."""
    return getattr(converter, "__name__", None) == "convert" or type(converter).__name__ == "Converter"
