"""Which converter tier a class's ``_fast`` is (see mastodon.types_base._bootstrap)."""

from typing import Any


def in_second_tier(converter: Any, backend: str | None = None) -> bool:
    """Whether ``_fast`` is the second-tier converter, no longer a bootstrap function.

    ``backend`` "python" asks for the compiled Python one, "c" for the C one; None takes either (a class
    shared with other tests may have reached its second tier under either backend).
    """
    compiled = getattr(converter, "__name__", None) == "convert"
    native = type(converter).__name__ == "Converter"
    return {"python": compiled, "c": native}.get(backend or "", compiled or native)
