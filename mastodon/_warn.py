"""The one way this package raises a warning: attributed to the user's line, never to ours.

A warning's file and line should be where the user can act on it: the line of their script that made
the call. A fixed ``stacklevel`` gets that right only for one call depth, and the depth varies (the
endpoint decorator adds a frame, one public method may call another, the constructor reads files
through helpers). :func:`warn` instead counts the frames up to the first one whose code lives outside
this package and passes that count to :func:`warnings.warn`, so every warning names the caller's
file, whatever the depth.
"""

from __future__ import annotations

import os
import sys
import warnings
from types import FrameType

__all__ = ["warn"]

# Every module of the package (subpackages included) has a file name that starts with one of these.
_HERE = os.path.dirname(__file__)
_PACKAGE_PREFIXES = tuple({os.path.join(path, "") for path in (_HERE, os.path.abspath(_HERE), os.path.realpath(_HERE))})


def _ours(frame: FrameType) -> bool:
    return frame.f_code.co_filename.startswith(_PACKAGE_PREFIXES)


def _import_machinery(frame: FrameType) -> bool:
    # warnings.warn leaves frozen importlib frames out of its count; so must we, to agree with it.
    name = frame.f_code.co_filename
    return "importlib" in name and "_bootstrap" in name


def warn(message: str, category: type[Warning]) -> None:
    """Warn with ``message``, attributed to the first line outside this package that led here (the
    outermost frame when every frame is ours, as in a thread the package started)."""
    frame = sys._getframe(1)
    level = 2  # 1 would name this function's own line; 2 names our caller's
    while frame.f_back is not None and (_ours(frame) or _import_machinery(frame)):
        frame = frame.f_back
        if not _import_machinery(frame):
            level += 1
    warnings.warn(message, category, stacklevel=level)
