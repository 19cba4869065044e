"""Sphinx configuration for the ``mastodon`` documentation.

Only Sphinx's own extensions are used and nothing is fetched from the network, so the build works
offline: ``python -m sphinx -W -b html docs docs/_build/html``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mastodon  # noqa: E402  (after the path is set)
from mastodon.client import load_all_areas  # noqa: E402

load_all_areas()  # the real members on Mastodon, for autodoc

project = "mastodon"
author = "the mastodon contributors"
copyright = "the mastodon contributors"
release = mastodon.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]

# No mapping: intersphinx is loaded so roles stay valid, but it never goes online.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
intersphinx_disabled_reftypes = ["*"]

source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "*.md", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
html_static_path: list[str] = []

html_theme = "alabaster"
html_title = f"mastodon {release}"
html_theme_options = {
    "description": "A Python client for the Mastodon API, compatible with Mastodon.py 2.3",
    "fixed_sidebar": True,
    "page_width": "1000px",
}

pygments_style = "sphinx"
highlight_language = "default"  # python, without a warning for a block that is not

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = False  # True re-parses the source of every function: 25 s of the build
autodoc_inherit_docstrings = False
autoclass_content = "class"
add_module_names = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = False


def _field_type(app: object, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
    """Entity fields are properties made from annotations: show each field's annotated type."""
    if what != "property" or not name.startswith("mastodon.return_types."):
        return
    class_name, _, field = name.removeprefix("mastodon.return_types.").rpartition(".")
    import mastodon.return_types as return_types

    klass = getattr(return_types, class_name, None)
    for base in getattr(klass, "__mro__", ()):
        hint = inspect.get_annotations(base).get(field)
        if hint is not None:
            lines.extend(["", f"*Type:* ``{hint if isinstance(hint, str) else getattr(hint, '__name__', hint)}``"])
            return


def _drop_generated_note(app: object, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
    """The entities module says it is generated (for its editors); its readers do not need that paragraph."""
    if what != "module" or name != "mastodon.return_types":
        return
    for index, line in enumerate(lines):
        if line.startswith("GENERATED FILE"):
            end = index
            while end < len(lines) and lines[end].strip():
                end += 1
            del lines[index : end + 1]
            return


# ---------------------------------------------------------------------------------------------
# Methods are documented as ``Mastodon.<name>`` (what users call), not as ``<Area>Mixin.<name>``.

_AREA_BLOCK = re.compile(
    r"^\.\. autoclass:: mastodon\.endpoints\.(\w+)\.(\w+)\(\)\n   :members:\n   :undoc-members:\n", re.M
)


def _as_client_methods(match: re.Match[str]) -> str:
    module = importlib.import_module(f"mastodon.endpoints.{match.group(1)}")
    mixin = getattr(module, match.group(2))
    lines = [".. currentmodule:: mastodon", ""]
    for name, member in vars(mixin).items():
        if name.startswith("_"):
            continue
        directive = "autoproperty" if isinstance(member, property) else "automethod"
        lines.append(f".. {directive}:: Mastodon.{name}")
    return "\n".join(lines) + "\n"


def _area_pages(app: object, docname: str, source: list[str]) -> None:
    if docname.startswith("reference/"):
        source[0] = _AREA_BLOCK.sub(_as_client_methods, source[0])


# ---------------------------------------------------------------------------------------------
# Every parameter described, with the version that added it: docs/parameters.json (generated from the
# API reference by tools/gen_param_docs.py) and docs/parameters_extra.json (written by hand).

_PARAMETERS = json.loads((ROOT / "docs" / "parameters.json").read_text(encoding="utf-8"))
_EXTRA = json.loads((ROOT / "docs" / "parameters_extra.json").read_text(encoding="utf-8"))


def describe_parameter(method: str, parameter: str) -> tuple[str, str] | None:
    """(description, version) of one parameter: the method's own entry, else the generic one; or None."""
    from mastodon._versions import ENDPOINTS

    for table in (_PARAMETERS.get(method, {}), _EXTRA.get(method, {}), _EXTRA["*"]):
        entry = table.get(parameter)
        if entry is not None:
            version = entry.get("version") or (ENDPOINTS[method].created if method in ENDPOINTS else "client")
            return entry["description"], version
    return None


def _rst_text(text: str) -> str:
    """Markdown-ish text from the API reference as safe reStructuredText (``code`` kept, markup escaped)."""
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"``{part.strip('`')}``")
        else:
            part = re.sub(r"([*|\\])", r"\\\1", part)
            out.append(re.sub(r"(\w)_(?=\W|$)", r"\1\\_", part))
    return "".join(out)


def _parameters(app: object, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
    if what not in ("method", "function") or not name.startswith("mastodon.Mastodon."):
        return
    method = name.rsplit(".", 1)[1]
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return
    fields = []
    for parameter in signature.parameters:
        if parameter == "self" or f":param {parameter}:" in "\n".join(lines):
            continue
        found = describe_parameter(method, parameter)
        if found is None:
            continue
        description, version = found
        if version == "client":
            since = "handled by this library"
        elif version[:1].isdigit():
            since = f"Mastodon {version}"
        else:
            since = version
        fields.append(f":param {parameter}: {_rst_text(description)} *({since})*")
    if fields:
        lines.extend(["", *fields])


def setup(app: object) -> dict[str, object]:
    app.connect("source-read", _area_pages)  # type: ignore[attr-defined]
    app.connect("autodoc-process-docstring", _parameters)  # type: ignore[attr-defined]
    app.connect("autodoc-process-docstring", _field_type)  # type: ignore[attr-defined]
    app.connect("autodoc-process-docstring", _drop_generated_note)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True}
