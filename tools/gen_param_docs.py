"""Write ``docs/parameters.json``: a description and the version that added it for each method parameter.

``python tools/gen_param_docs.py [DOCS]`` reads the offline Mastodon API reference (default
``../shared/mastodon-api-docs``): for every method section, its request line, its version history and
its parameter lists. Each public method of the endpoint mixins is matched to the sections of the API
paths it calls (found in its source); a method that only calls another method of the client (as
``status_reply`` calls ``status_post``) takes that method's entries. A parameter's version is the
version-history line that names it, else the version that added the method. Parameters the API
reference does not describe (client-side ones such as ``idempotency_key``) are described in
``docs/parameters_extra.json``, written by hand; the docs build adds both to every method's page and
``tests/docs`` checks that no parameter is left undescribed.
"""

from __future__ import annotations

import ast
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "parameters.json"
DEFAULT_DOCS = ROOT.parent / "shared" / "mastodon-api-docs"

_SECTION = re.compile(r"^## .*$", re.M)
_REQUEST = re.compile(r"^```http\s*\n(GET|POST|PUT|PATCH|DELETE) (/\S+)", re.M)
_VERSION_LINE = re.compile(r"^(\d+\.\d+\.\d+)\b[^-\n]*-\s*(.*?)\\?$", re.M)
_PARAM_HEADINGS = re.compile(
    r"^#{4,5} (?:Form data |Query |Path |JSON body |Body )?parameters\s*$",
    re.M | re.I,
)
_TERM = re.compile(r"^(\S[^\n]*)\n: (.+?)(?=\n\n|\n\S[^\n]*\n: |\n#|\Z)", re.M | re.S)
_VERBS = {"_get": "GET", "_post": "POST", "_put": "PUT", "_patch": "PATCH", "_delete": "DELETE"}


def _clean(text: str) -> str:
    text = re.sub(r"\{\{<\s*required\s*>\}\}\s*", "", text)
    text = re.sub(r"\[([^\]]+)\]\(\{\{<[^>]*>\}\}\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{\{<[^>]*>\}\}", "", text).replace("\\", "")
    return " ".join(text.split())


def _path_key(path: str) -> str:
    path = path.split("?", 1)[0].rstrip("/")
    return re.sub(r"/(?::[A-Za-z_]+|\{[A-Za-z_]+\})", "/:x", path)


def read_docs(docs: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(method, path key) -> {"added": version, "history": [(version, text)], "params": {name: text}}."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for page in sorted((docs / "methods").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        starts = [match.start() for match in _SECTION.finditer(text)] + [len(text)]
        for start, end in itertools.pairwise(starts):
            section = text[start:end]
            request = _REQUEST.search(section)
            if request is None:
                continue
            history = [(version, line) for version, line in _VERSION_LINE.findall(section.split("#### Request")[0])]
            added = next((version for version, line in history if "added" in line and "`" not in line), None)
            params: dict[str, str] = {}
            for heading in _PARAM_HEADINGS.finditer(section):
                block_end = section.find("\n####", heading.end())
                block = section[heading.end() : block_end if block_end > 0 else len(section)]
                for term in _TERM.finditer(block.strip("\n") + "\n"):
                    params.setdefault(term.group(1).strip(), _clean(term.group(2)))
            key = (request.group(1), _path_key(request.group(2)))
            found.setdefault(
                key, {"added": added or (history[0][0] if history else None), "history": history, "params": params}
            )
    return found


def _calls(function: ast.FunctionDef) -> tuple[list[tuple[str, str]], list[str]]:
    """The (verb, path) of the core calls in ``function``, and the client methods it calls."""
    requests: list[tuple[str, str]] = []
    delegates: list[str] = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
            continue
        name = node.func.attr
        first = node.args[0] if node.args else None
        if name in _VERBS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            requests.append((_VERBS[name], first.value))
        elif name == "_request" and len(node.args) > 1:
            verb, path = node.args[0], node.args[1]
            if isinstance(verb, ast.Constant) and isinstance(path, ast.Constant) and isinstance(path.value, str):
                requests.append((str(verb.value), path.value))
        elif name not in _VERBS and name != "_request":
            delegates.append(name)
    return requests, delegates


def _describe(name: str, params: dict[str, str]) -> str | None:
    alert = name.removesuffix("_events")
    candidates = [name, name + "[]", ":" + name, f"data[{name}]", f"subscription[{name}]"]
    if alert != name:
        candidates += [f"data[alerts][{alert}]", f"data[alerts][{alert.replace('admin_', 'admin.')}]"]
    for candidate in candidates:
        if candidate in params:
            return params[candidate]
    nested = [(key, text) for key, text in params.items() if key.startswith(name + "[")]
    if nested:
        parts = [f"{key[len(name) :].strip('[]').replace('][', '.')}: {text}" for key, text in nested]
        return "; ".join(parts)
    return None


def _version_of(name: str, entry: dict[str, Any]) -> str | None:
    for version, line in entry["history"]:
        if re.search(rf"`{re.escape(name)}(?:\[\])?`", line):
            return str(version)
    return entry["added"]


def collect(docs: Path) -> dict[str, dict[str, dict[str, str]]]:
    sections = read_docs(docs)
    methods: dict[str, tuple[list[tuple[str, str]], list[str], list[str]]] = {}
    for module in sorted((ROOT / "mastodon" / "endpoints").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for klass in (node for node in tree.body if isinstance(node, ast.ClassDef)):
            for function in klass.body:
                if not isinstance(function, ast.FunctionDef) or function.name.startswith("__"):
                    continue
                if any(isinstance(d, ast.Name) and d.id == "overload" for d in function.decorator_list):
                    continue
                arguments = [a.arg for a in function.args.args + function.args.kwonlyargs if a.arg != "self"]
                requests, delegates = _calls(function)
                methods[function.name] = (requests, delegates, arguments)
    table: dict[str, dict[str, dict[str, str]]] = {}

    def entries(name: str, seen: frozenset[str] = frozenset()) -> dict[str, dict[str, str]]:
        requests, delegates, arguments = methods[name]
        result: dict[str, dict[str, str]] = {}
        for verb, path in requests:
            entry = sections.get((verb, _path_key(path)))
            if entry is None:
                continue
            for argument in arguments:
                text = _describe(argument, entry["params"])
                if text and argument not in result:
                    result[argument] = {"description": text, "version": _version_of(argument, entry) or ""}
        for delegate in delegates:
            if delegate in methods and delegate not in seen:
                for argument, found in entries(delegate, seen | {name}).items():
                    if argument in arguments:
                        result.setdefault(argument, found)
        return result

    for name in sorted(methods):
        if not name.startswith("_"):
            table[name] = entries(name)
    return table


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DEFAULT_DOCS
    table = collect(docs)
    TARGET.write_text(json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    described = sum(len(entries) for entries in table.values())
    sys.stdout.write(
        f"wrote {described} parameter descriptions for {len(table)} methods to {TARGET.relative_to(ROOT)}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
