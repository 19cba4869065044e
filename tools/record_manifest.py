"""Record the public surface of an installed Mastodon.py release as JSON.

Run with the interpreter of a scratch virtual environment that has Mastodon.py installed
(``pip install mastodon-py==2.3.3``); the output is committed as
``tests/meta/mastodonpy_manifest.json`` and compared against our own surface by the meta tests.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import json
import re
import sys
from typing import Any

VERSION_NOTE = re.compile(r"Added: Mastodon v([0-9][^,]*), last changed: Mastodon v([0-9][^ *]*)")


def describe_parameter(parameter: inspect.Parameter) -> dict[str, Any]:
    default: Any = None
    has_default = parameter.default is not inspect.Parameter.empty
    if has_default:
        default = repr(parameter.default)
    return {"name": parameter.name, "kind": parameter.kind.name, "default": default, "has_default": has_default}


def main() -> None:
    import mastodon
    from mastodon import Mastodon

    methods: dict[str, Any] = {}
    for name in sorted(dir(Mastodon)):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(Mastodon, name)
        kind = (
            "staticmethod"
            if isinstance(raw, staticmethod)
            else "classmethod"
            if isinstance(raw, classmethod)
            else "method"
        )
        member = getattr(Mastodon, name)
        if not callable(member):
            methods[name] = {"kind": "attribute"}
            continue
        signature = inspect.signature(member)
        entry: dict[str, Any] = {
            "kind": kind,
            "parameters": [describe_parameter(p) for p in signature.parameters.values()],
        }
        found = VERSION_NOTE.search(member.__doc__ or "")
        if found:
            entry["created"], entry["changed"] = found.group(1), found.group(2)
        methods[name] = entry
    errors = {
        name: [base.__name__ for base in cls.__bases__]
        for name, cls in sorted(vars(mastodon.errors).items())
        if isinstance(cls, type) and issubclass(cls, BaseException)
    }
    return_types = sorted(
        name for name, obj in vars(mastodon.return_types).items() if isinstance(obj, type) and not name.startswith("_")
    )
    manifest = {
        "package": "mastodon-py",
        "version": importlib.metadata.version("Mastodon.py"),
        "top_level": sorted(getattr(mastodon, "__all__", [])),
        "methods": methods,
        "errors": errors,
        "return_types": return_types,
    }
    json.dump(manifest, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
