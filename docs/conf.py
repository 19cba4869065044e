"""Sphinx configuration for the ``mastodon`` documentation.

Only Sphinx's own extensions are used and nothing is fetched from the network, so the build works
offline: ``python -m sphinx -W -b html docs docs/_build/html``.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mastodon  # noqa: E402  (after the path is set)

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


def setup(app: object) -> dict[str, object]:
    app.connect("autodoc-process-docstring", _field_type)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True}
