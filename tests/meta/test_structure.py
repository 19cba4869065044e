"""Structure checks: every endpoint registered and documented, no name twice, Mastodon.py's surface matched."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import mastodon
from mastodon import Mastodon
from mastodon._versions import ENDPOINTS, parse_version_string
from mastodon.client import load_all_areas

load_all_areas()  # the areas load lazily; the structure is checked on all of them

MANIFEST = json.loads((Path(__file__).parent / "mastodonpy_manifest.json").read_text(encoding="utf-8"))

# Public methods that are not endpoints of the server, so carry no version.
NOT_ENDPOINTS = {
    "auth_request_url", "clear_caches", "close", "create_app", "decode_blurhash", "fetch_next", "fetch_previous",
    "fetch_remaining", "generate_media_edit_attributes", "get_approx_server_time", "get_async_refresh_info",
    "get_pagination_info", "get_status_length", "get_supported_version", "interactive_login", "log_in", "make_poll",
    "oauth_authorization_server_info", "pagination_iterator", "pagination_page_iterator",
    "persistable_login_credentials", "push_subscription_generate_keys", "retrieve_mastodon_version",
    "revoke_access_token", "set_language", "stream", "timeline_is_available", "verify_minimum_version", "filters_apply",
    "push_subscription_decrypt_push", "await_async_refresh", "stream_open_websocket",
    "begin_login", "complete_login", "client_credentials_login", "check_instance_url", "detect_server",
}  # fmt: skip


def public_methods() -> dict[str, Any]:
    found = {}
    for name in dir(Mastodon):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(Mastodon, name)
        if isinstance(member, property):
            continue
        function = member.__func__ if isinstance(member, (staticmethod, classmethod)) else member
        if callable(function):
            found[name] = function
    return found


def test_every_public_method_is_an_endpoint_or_a_declared_utility() -> None:
    unregistered = sorted(set(public_methods()) - set(ENDPOINTS) - NOT_ENDPOINTS)
    assert unregistered == []


def test_every_registered_endpoint_has_sane_versions() -> None:
    for info in ENDPOINTS.values():
        assert parse_version_string(info.created) <= parse_version_string(info.last_changed), info


@pytest.mark.parametrize("name", sorted(public_methods()))
def test_public_method_has_docstring_and_return_annotation(name: str) -> None:
    function = public_methods()[name]
    assert (function.__doc__ or "").strip(), f"{name} has no docstring"
    assert "return" in getattr(function, "__annotations__", {}), f"{name} has no return annotation"


def test_no_name_is_defined_in_two_mixins() -> None:
    import importlib

    from mastodon._areas import AREAS

    owners: dict[str, str] = {}
    clashes = []
    mixins = [getattr(importlib.import_module(f"mastodon.endpoints.{m}"), c) for m, c in AREAS.items()]
    for klass in mixins:
        for name in vars(klass):
            if name.startswith("__") or name in ("_abc_impl",):
                continue
            if name in owners:
                clashes.append(f"{name}: {owners[name]} and {klass.__name__}")
            owners[name] = klass.__name__
    assert clashes == []


def test_dunder_all_is_complete() -> None:
    for name in mastodon.__all__:
        assert hasattr(mastodon, name), name
    exported_errors = {name for name in MANIFEST["top_level"] if name.startswith("Mastodon")}
    assert exported_errors <= set(mastodon.__all__)


def test_error_tree_matches_the_manifest() -> None:
    from mastodon import errors

    for name, bases in MANIFEST["errors"].items():
        ours = getattr(errors, name)
        assert [base.__name__ for base in ours.__bases__] == [b if b != "OSError" else "OSError" for b in bases]


def _parameters(function: Any) -> list[tuple[str, str, Any]]:
    described = []
    for parameter in inspect.signature(function).parameters.values():
        default = repr(parameter.default) if parameter.default is not inspect.Parameter.empty else None
        described.append((parameter.name, parameter.kind.name, default))
    return described


# Parameters we add after Mastodon.py's own (always with defaults, so every existing call still works).
EXTRA_PARAMETERS: dict[str, list[str]] = {
    "fetch_remaining": ["limit", "progress"],
    "pagination_iterator": ["progress"],
    "pagination_page_iterator": ["progress"],
    "status_post": ["check_length"],
    "media_post": ["progress"],
}

MANIFEST_METHODS = {name: entry for name, entry in MANIFEST["methods"].items() if entry["kind"] != "attribute"}


@pytest.mark.parametrize("name", sorted(MANIFEST_METHODS))
def test_mastodon_py_method_exists_with_the_same_signature(name: str) -> None:
    entry = MANIFEST_METHODS[name]
    assert hasattr(Mastodon, name), f"Mastodon.py's {name} is missing"
    raw = inspect.getattr_static(Mastodon, name)
    kind = (
        "staticmethod" if isinstance(raw, staticmethod) else "classmethod" if isinstance(raw, classmethod) else "method"
    )
    assert kind == entry["kind"], f"{name} is a {kind}, Mastodon.py's is a {entry['kind']}"
    expected = [(p["name"], p["kind"], p["default"]) for p in entry["parameters"]]
    ours = _parameters(getattr(Mastodon, name))
    assert ours[: len(expected)] == expected
    extra = ours[len(expected) :]
    assert [parameter[0] for parameter in extra] == EXTRA_PARAMETERS.get(name, []), "unlisted extra parameters"
    assert all(parameter[2] is not None for parameter in extra), "extra parameters need defaults"


@pytest.mark.parametrize("name", sorted(n for n, e in MANIFEST_METHODS.items() if "created" in e))
def test_version_gates_match_mastodon_py(name: str) -> None:
    entry = MANIFEST_METHODS[name]
    if name not in ENDPOINTS:
        pytest.fail(f"{name} is not registered")
    assert ENDPOINTS[name].created == entry["created"], name


EXTRA_PUBLIC = {
    "close", "interactive_login", "stream", "server_version",
    "begin_login", "complete_login", "client_credentials_login", "check_instance_url", "detect_server",
}  # fmt: skip


def test_extra_public_names_are_listed_on_purpose() -> None:
    extra = set(public_methods()) - set(MANIFEST_METHODS) - EXTRA_PUBLIC
    assert sorted(extra) == []


def test_the_lazy_area_table_is_current() -> None:
    import runpy

    from mastodon import _areas

    generator = runpy.run_path(str(Path(__file__).resolve().parents[2] / "tools" / "gen_areas.py"))
    areas, members = generator["collect"]()
    assert (areas, members) == (_areas.AREAS, _areas.MEMBERS), "run: python tools/gen_areas.py"


def test_the_prebuilt_converters_are_current() -> None:
    """The committed converters are what tools/gen_converters.py makes of the entity classes now.

    Run in a process of its own: the generated source depends on the class definitions alone, and a
    fresh interpreter shows that no earlier test's conversions went into it.
    """
    import subprocess
    import sys

    tool = Path(__file__).resolve().parents[2] / "tools" / "gen_converters.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_areas_load_only_when_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mastodon; from mastodon import Mastodon; "
        "loaded = [m for m in sys.modules if m.startswith('mastodon.endpoints.')]; "
        "api = Mastodon(api_base_url='mastodon.example'); getattr(api, 'status_post'); "
        "after = [m for m in sys.modules if m.startswith('mastodon.endpoints.')]; "
        "print(len(loaded), sorted(after))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0 ['mastodon.endpoints.statuses']"


def test_ci_runs_the_readme_test_command_in_a_venv_of_its_own() -> None:
    """.ci/run makes its own virtual environment and runs the README's second command exactly."""
    repo = Path(__file__).resolve().parents[2]
    readme_commands = [
        line for line in (repo / "README.md").read_text(encoding="utf-8").splitlines()[:8] if "pip " in line
    ]
    test_command = readme_commands[1].split("#")[0].strip()
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv" in ci and '. "$venv/bin/activate"' in ci
    assert test_command in ci.splitlines()


def test_nothing_reads_the_reference_beside_the_checkout() -> None:
    """Tests, the package and the benchmarks read committed fixtures, never the reference (a clone lacks it)."""
    repo = Path(__file__).resolve().parents[2]
    folder_name = "mastodon-api-" + "docs"  # spelled in two parts so that this test does not find itself
    offenders = [
        str(path.relative_to(repo))
        for folder in ("mastodon", "tests", "benchmarks")
        for path in (repo / folder).rglob("*.py")
        if folder_name in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_every_warning_goes_through_the_one_helper() -> None:
    """``mastodon._warn.warn`` attributes a warning to the user's line; a direct ``warnings.warn`` with a fixed
    ``stacklevel`` names the right line only at one call depth, so nothing else in the package calls it."""
    package = Path(mastodon.__file__).parent
    direct = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if path.name != "_warn.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "warnings.warn" in line or "warn_explicit" in line or "from warnings import" in line
    ]
    assert direct == []


def test_streaming_needs_no_third_party_websocket_client() -> None:
    """The install guide promises streaming without an extra: only ``mastodon.compat`` names websocket-client
    (its ``IMPL_HAS_WEBSOCKET`` flag reports whether it happens to be installed, as Mastodon.py's does)."""
    package = Path(mastodon.__file__).parent
    importing = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("import websocket", "from websocket"))
    ]
    assert importing == []
    setup = (package.parent / "setup.cfg").read_text(encoding="utf-8")
    assert "\nwebsocket =" not in setup  # no extra that installs a library the package does not use
