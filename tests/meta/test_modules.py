"""Every module of Mastodon.py 2.3.3, and every public name in it, can be imported from ours.

The list is recorded from an installed Mastodon.py by ``tools/record_modules.py`` into
``mastodonpy_modules.json``; nothing here reads Mastodon.py itself.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

MANIFEST = json.loads((Path(__file__).parent / "mastodonpy_modules.json").read_text(encoding="utf-8"))
MODULES = MANIFEST["modules"]
ROOT = Path(__file__).resolve().parents[2]

# Our own modules at Mastodon.py's paths: what they define must be here; the names Mastodon.py's
# versions merely imported from siblings (``mastodon.streaming.Status``) are not part of their API.
DEFINITIONS_ONLY = {"mastodon.streaming", "mastodon.errors"}


def test_the_manifest_is_of_the_release_we_match() -> None:
    assert MANIFEST["version"] == "2.3.3"
    assert "mastodon.Mastodon" in MODULES
    assert len(MODULES) >= 38


@pytest.mark.parametrize("module_name", sorted(MODULES))
def test_every_name_of_the_module_imports(module_name: str) -> None:
    module = importlib.import_module(module_name)
    entry = MODULES[module_name]
    wanted = entry["defines"] + ([] if module_name in DEFINITIONS_ONLY else entry["reexports"])
    missing = [name for name in wanted if not hasattr(module, name)]
    missing += [name for name in entry.get("constants", {}) if not hasattr(module, name)]
    assert missing == []


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return result.stdout.strip()


def test_from_mastodon_dot_mastodon_import_the_usual_names() -> None:
    out = _fresh(
        "from mastodon.Mastodon import Mastodon, MastodonAPIError, Account, MediaAttachment, parse_version_string; "
        "import mastodon; print(Mastodon is mastodon.Mastodon, issubclass(MastodonAPIError, Exception), "
        "Account.__name__, MediaAttachment.__name__, parse_version_string('4.2.1'))"
    )
    assert out == "True True Account MediaAttachment (4, 2, 1)"


@pytest.mark.parametrize(
    "code",
    [
        "import mastodon.Mastodon",
        "import mastodon.Mastodon; import mastodon.accounts; import mastodon.timeline",
        "from mastodon.Mastodon import Mastodon",
        "from mastodon import Mastodon; import mastodon.Mastodon",
    ],
)
def test_the_package_attribute_stays_the_class_after_importing_the_module(code: str) -> None:
    out = _fresh(
        code + "; import mastodon, sys; "
        "print(isinstance(mastodon.Mastodon, type), type(sys.modules['mastodon.Mastodon']).__name__, "
        "type(mastodon.Mastodon(api_base_url='https://mastodon.example')).__name__)"
    )
    assert out == "True module Mastodon"


def test_area_modules_offer_the_client() -> None:
    import mastodon
    from mastodon.accounts import Mastodon as AccountsArea
    from mastodon.timeline import Mastodon as TimelineArea

    api = mastodon.Mastodon(api_base_url="https://mastodon.example")
    assert isinstance(api, AccountsArea) and isinstance(api, TimelineArea)
    assert callable(AccountsArea.account_follow) and callable(TimelineArea.timeline_home)


@pytest.mark.parametrize(
    ("flag", "modules"),
    [
        ("IMPL_HAS_CRYPTO", ["cryptography", "cryptography.hazmat.primitives.asymmetric.ec"]),
        ("IMPL_HAS_ECE", ["http_ece"]),
        ("IMPL_HAS_BLURHASH", ["blurhash"]),
        ("IMPL_HAS_GRAPHEME", ["grapheme"]),
        ("IMPL_HAS_WEBSOCKET", ["websocket"]),
    ],
)
def test_compat_flags_say_whether_the_library_imports(flag: str, modules: list[str]) -> None:
    from mastodon import compat

    try:
        for name in modules:
            importlib.import_module(name)
        importable = True
    except ImportError:
        importable = False
    assert getattr(compat, flag) is importable


def test_importing_mastodon_loads_none_of_the_compatibility_modules_but_mastodon_dot_mastodon() -> None:
    names = [n.rsplit(".", 1)[1] for n in MODULES if n.count(".") == 1 and n != "mastodon.Mastodon"]
    out = _fresh(f"import sys, mastodon; print(sorted(m for m in {names!r} if 'mastodon.' + m in sys.modules))")
    # errors, streaming, return_types and types_base are our own modules too; only they may be loaded.
    assert set(eval(out)) <= {"errors", "types_base"}


def test_defaults_hold_the_values_mastodon_py_had() -> None:
    from mastodon import defaults

    recorded = MODULES["mastodon.defaults"]["constants"]
    for name in ("_DEFAULT_TIMEOUT", "_DEFAULT_STREAM_TIMEOUT", "_DEFAULT_STREAM_RECONNECT_WAIT_SEC"):
        assert getattr(defaults, name) == recorded[name]
        assert type(getattr(defaults, name)) is type(recorded[name]), name  # 300, not 300.0, as printed in 2.3.3
    assert recorded["_DEFAULT_USER_AGENT"] == defaults._DEFAULT_USER_AGENT
    assert recorded["_DEFAULT_SCOPES"] == defaults._DEFAULT_SCOPES
    for scope, granted in recorded["_SCOPE_SETS"].items():  # ours follow newer docs: a superset
        assert set(granted) <= set(defaults._SCOPE_SETS[scope]), scope
    assert set(recorded["_VALID_SCOPES"]) <= set(defaults._VALID_SCOPES)


def test_entity_name_map_names_every_entity_class() -> None:
    from mastodon import return_types
    from mastodon.return_types import ENTITY_NAME_MAP
    from mastodon.types_base import AttribAccessDict

    assert ENTITY_NAME_MAP["Account"] is return_types.Account
    assert ENTITY_NAME_MAP["AttribAccessDict"] is AttribAccessDict
    recorded = set(MODULES["mastodon.return_types"]["defines"]) - {"ENTITY_NAME_MAP"}
    assert {n for n in recorded if isinstance(getattr(return_types, n), type)} <= set(ENTITY_NAME_MAP) | {"IO"}


def test_the_migration_guide_gives_each_difference_its_way_back() -> None:
    text = (ROOT / "docs" / "guides" / "migrating.rst").read_text(encoding="utf-8")
    section = text.split("Behaviour differences\n---------------------\n", 1)[1].split("\nChecklist\n", 1)[0]
    section = section.strip().split("\n\n", 1)[1]  # past the introduction
    entries: list[list[str]] = []
    for line in section.splitlines():
        if line and not line.startswith((" ", "..")):
            entries.append([line])
        elif entries:
            entries[-1].append(line)
    assert len(entries) >= 15
    for entry in entries:
        body = "\n".join(entry[1:])
        assert "Restore" in body or "Nothing to restore" in body, entry[0]


def test_the_restore_lines_of_the_guide_work() -> None:
    import mastodon
    from mastodon import MastodonIllegalArgumentError

    with pytest.raises(MastodonIllegalArgumentError, match="allow_http=True"):
        mastodon.Mastodon(api_base_url="http://mastodon.example")
    assert mastodon.Mastodon(api_base_url="http://mastodon.example", allow_http=True).api_base_url
    assert mastodon.Mastodon(api_base_url="https://mastodon.example", retry_policy=False).retry_policy.total == 0


def test_compat_offers_the_optional_modules_or_none() -> None:
    import pathlib
    import urllib.parse

    from mastodon import compat

    assert compat.urlparse is urllib.parse.urlparse and compat.PurePath is pathlib.PurePath
    for name, module in (("http_ece", "http_ece"), ("blurhash", "blurhash"), ("websocket", "websocket")):
        try:
            expected = importlib.import_module(module)
        except ImportError:
            expected = None
        assert getattr(compat, name) is expected
    assert compat.grapheme is None or hasattr(compat.grapheme, "length")
