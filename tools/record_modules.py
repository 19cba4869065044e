"""Record every module of an installed Mastodon.py and the public names each one offers, as JSON.

Run with the interpreter of a scratch virtual environment that has Mastodon.py installed::

    /path/to/venv/bin/python tools/record_modules.py > tests/meta/mastodonpy_modules.json

For each public module ``mastodon.<name>`` the manifest lists

- ``defines``: names bound at the module's top level by ``def``, ``class`` or assignment (read from the
  source, so type aliases and constants count), public, and not merely the fallback of an optional
  import (``try: import x / except ImportError: x = None`` binds ``x`` by import, so it is left out);
- ``reexports``: public names the module offers that another module of the package defines (what
  ``from mastodon.Mastodon import Account`` relies on); names re-bound under another name are left out;
- ``constants``: for a module with no public names at all (``mastodon.defaults``), its top-level
  constants and their values, since those are what such a module is imported for.

Only facts are recorded (module and name lists, constant values); nothing of the source text.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import json
import pkgutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def top_level_bindings(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(names bound by def/class/assignment, names bound by import) at module level, try/if bodies included."""
    defined: set[str] = set()
    imported: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for leaf in ast.walk(target):
                        if isinstance(leaf, ast.Name):
                            defined.add(leaf.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    imported.add((alias.asname or alias.name).split(".")[0])
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.If):
                visit(node.body)
                visit(node.orelse)

    visit(tree.body)
    return defined, imported


def public_modules(package: ModuleType) -> list[str]:
    names = [package.__name__]
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("_"):
            names.append(f"{package.__name__}.{info.name}")
    return sorted(names)


def main() -> None:
    import mastodon

    modules = {name: importlib.import_module(name) for name in public_modules(mastodon)}
    defines: dict[str, set[str]] = {}
    for name, module in modules.items():
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        defined, imported = top_level_bindings(ast.parse(source))
        defines[name] = {n for n in defined - imported if not n.startswith("_") and n in vars(module)}

    # (name, identity of the object) for every object some module defines under that name.
    owned = {(attribute, id(vars(modules[name])[attribute])) for name, names in defines.items() for attribute in names}

    manifest: dict[str, Any] = {
        "package": "mastodon-py",
        "version": importlib.metadata.version("Mastodon.py"),
        "modules": {},
    }
    for name, module in modules.items():
        reexports = sorted(
            attribute
            for attribute, value in vars(module).items()
            if not attribute.startswith("_") and attribute not in defines[name] and (attribute, id(value)) in owned
        )
        entry: dict[str, Any] = {"defines": sorted(defines[name]), "reexports": reexports}
        if not entry["defines"] and not reexports:
            entry["constants"] = {
                attribute: value
                for attribute, value in vars(module).items()
                if attribute.lstrip("_").isupper() and isinstance(value, (bool, int, str, list, dict))
            }
        manifest["modules"][name] = entry
    json.dump(manifest, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
