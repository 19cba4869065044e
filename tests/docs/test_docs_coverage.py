"""The documentation covers what users meet: every parameter of every method, every CLI flag."""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mastodon import Mastodon, cli
from mastodon._areas import MEMBERS
from mastodon.client import load_all_areas

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def conf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_conf", DOCS / "conf.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def public_methods() -> list[str]:
    load_all_areas()
    return sorted(name for name in MEMBERS if not name.startswith("_") and callable(getattr(Mastodon, name)))


def test_every_parameter_of_every_method_is_described_with_a_version(conf: ModuleType) -> None:
    undescribed = []
    for name in public_methods():
        for parameter in inspect.signature(getattr(Mastodon, name)).parameters:
            if parameter == "self":
                continue
            found = conf.describe_parameter(name, parameter)
            if found is None or not found[0].strip() or not found[1]:
                undescribed.append(f"{name}({parameter})")
    assert undescribed == []


def test_parameters_of_status_post_come_from_the_api_reference(conf: ModuleType) -> None:
    assert conf.describe_parameter("status_post", "spoiler_text")[0].startswith("String. Text to be shown as a warning")
    assert conf.describe_parameter("status_post", "scheduled_at")[1] == "2.7.0"
    assert conf.describe_parameter("status_post", "idempotency_key")[1] == "client"
    assert conf.describe_parameter("status_reply", "spoiler_text") == conf.describe_parameter(
        "status_post", "spoiler_text"
    )


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_the_cli_page_names_every_subcommand_flag_and_exit_code() -> None:
    page = (DOCS / "guides" / "cli.rst").read_text(encoding="utf-8")
    parser = cli._build_parser("mastodon", sys.stdout)
    commands = _subparsers(parser)
    assert set(commands) == set(cli._COMMANDS)
    for name, sub in commands.items():
        assert f"``{name}``\n" in page, f"no section for {name}"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert f"``{flag}" in page, f"{name} {flag} is not documented"
    assert "``--instance URL``" in page  # demo's own flag
    for code in (cli.EXIT_OK, cli.EXIT_API, cli.EXIT_USAGE, cli.EXIT_AUTH, cli.EXIT_NETWORK, cli.EXIT_INTERRUPTED):
        assert re.search(rf"^{code} +\S", page, re.M), f"exit code {code} is not in the table"
