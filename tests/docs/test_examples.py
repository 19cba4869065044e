"""Every Python example in the guides runs, in order, against a local instance: no example rots.

Each guide (``docs/guides/*.rst``) gets its own :class:`mastodon.testing.LocalInstance`, a fresh
working folder and HOME, and one namespace shared by its examples, in which the harness puts:

- ``api``: a client logged in as ``alice`` (the reader's "your client"),
- ``inst``: the local instance, ``instance_url``: its base URL (where a reader writes their instance),
- ``Mastodon``: the class.

``MASTODON_API_BASE_URL`` and ``MASTODON_ACCESS_TOKEN`` name the instance and alice's token, and
``~/.config/mastodon/credentials.json`` holds the same, so examples that read the environment or the
default credential file run as written. The folder holds ``bot.json`` (alice's credentials) and
``cat.png``. Where an example would open a browser (``interactive_login``), a robot opens the
authorize page instead and follows its redirect, as a user who clicks "Authorize" would. A guide may
need data first (a mention to answer): ``SETUP`` prepares it, out of the
reader's sight.

An example that cannot run here (a browser login) is marked in the guide by a comment line
``.. skip-example: why`` right before its ``.. code-block:: python``; those are reported as skipped.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
import textwrap
import threading
import webbrowser
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from mastodon import Mastodon
from mastodon._credentials import Credentials, write_credentials
from mastodon.testing import LocalInstance

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = sorted((DOCS / "guides").glob("*.rst"))

_DIRECTIVE = re.compile(r"^(\s*)\.\. (?:code-block|code|sourcecode)::\s*(\S+)\s*$")
_SKIP = re.compile(r"^\s*\.\. skip-example\b(.*)$")
_REQUIRES = re.compile(r"^\s*\.\. example-requires:\s*(.+)$")


@dataclass
class Example:
    """One code block of a guide: where it starts, its source, and why it is skipped (if it is)."""

    guide: str
    line: int  # 1-based line of the first line of code
    source: str
    skip: str | None = None
    requires: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.guide}:{self.line}"


def extract(path: Path) -> list[Example]:
    """The ``python`` code blocks of a reST file, with the skip marks that precede them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    examples: list[Example] = []
    pending_skip: str | None = None
    pending_requires: tuple[str, ...] = ()
    index = 0
    while index < len(lines):
        line = lines[index]
        skip_match = _SKIP.match(line)
        requires_match = _REQUIRES.match(line)
        if skip_match:
            pending_skip = skip_match.group(1).strip(" :") or "marked skip-example"
            index += 1
            continue
        if requires_match:
            pending_requires = tuple(name.strip() for name in requires_match.group(1).split(","))
            index += 1
            continue
        match = _DIRECTIVE.match(line)
        if not match:
            if line.strip():
                pending_skip = None  # a mark applies to the very next block only
                pending_requires = ()
            index += 1
            continue
        indent = len(match.group(1))
        language = match.group(2).lower()
        index += 1
        while index < len(lines) and re.match(r"^\s+:[\w-]+:", lines[index]):  # directive options
            index += 1
        body: list[str] = []
        start = index + 1
        while index < len(lines):
            text = lines[index]
            if text.strip() and len(text) - len(text.lstrip()) <= indent:
                break
            body.append(text)
            index += 1
        while body and not body[0].strip():
            body.pop(0)
            start += 1
        if language in ("python", "python3", "py"):
            source = textwrap.dedent("\n".join(body)).strip("\n") + "\n"
            examples.append(Example(path.stem, start, source, pending_skip, pending_requires))
        pending_skip = None
        pending_requires = ()
    return examples


EXAMPLES = [example for guide in GUIDES for example in extract(guide)]


def runnable_here(example: Example) -> bool:
    """Not marked to skip, and every module it requires (``.. example-requires: pandas``) is installed."""
    return example.skip is None and all(importlib.util.find_spec(name) is not None for name in example.requires)


def tiny_png() -> bytes:
    """A valid one-pixel PNG, for the examples that upload ``cat.png``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _mentions_for_alice(inst: LocalInstance) -> None:
    bob = inst.client("bob")
    bob.status_post("@alice what is the weather like?")
    bob.status_post("@alice and tomorrow?")


def _followed_by_bob(inst: LocalInstance) -> None:
    bob = inst.client("bob")
    bob.account_follow(inst.account_id("alice"))
    inst.client("alice").account_follow(inst.account_id("bob"))
    bob.status_post("A first post for the timeline")


SETUP: dict[str, Callable[[LocalInstance], None]] = {
    "bots": _mentions_for_alice,
    "streaming": _followed_by_bob,
    "notebooks": _followed_by_bob,
}


EXAMPLE_TIMEOUT = 60.0

# The server flavour each guide's instance plays (see mastodon.testing).
FLAVOURS = {"forks": "akkoma"}


@dataclass
class GuideRun:
    """The instance, folder and namespace one guide's examples share, and how far they got."""

    inst: LocalInstance
    folder: Path
    namespace: dict[str, Any]
    env: dict[str, str]
    done: int = 0
    failed: str | None = None
    closers: list[Any] = field(default_factory=list)


_RUNS: dict[str, GuideRun] = {}


@pytest.fixture(scope="session")
def guide_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], GuideRun]]:
    def get(guide: str) -> GuideRun:
        run = _RUNS.get(guide)
        if run is None:
            inst = LocalInstance(flavour=FLAVOURS.get(guide, "mastodon")).start()
            folder = tmp_path_factory.mktemp(f"guide-{guide}")
            home = folder / "home"
            home.mkdir()
            token = inst.token("alice")
            credentials = Credentials(api_base_url=inst.api_base_url, access_token=token, scopes=["read", "write"])
            (home / ".config" / "mastodon").mkdir(parents=True)
            write_credentials(home / ".config" / "mastodon" / "credentials.json", credentials, kind="json")
            write_credentials(folder / "bot.json", credentials, kind="json")
            (folder / "cat.png").write_bytes(tiny_png())
            api = inst.client("alice")
            namespace: dict[str, Any] = {
                "__name__": f"docs_example_{guide.replace('-', '_')}",
                "api": api,
                "inst": inst,
                "instance_url": inst.api_base_url,
                "Mastodon": Mastodon,
            }
            env = {"HOME": str(home), "MASTODON_API_BASE_URL": inst.api_base_url, "MASTODON_ACCESS_TOKEN": token}
            setup = SETUP.get(guide)
            if setup is not None:
                setup(inst)
            run = _RUNS[guide] = GuideRun(inst, folder, namespace, env, closers=[api])
        return run

    yield get
    for run in _RUNS.values():
        for closer in run.closers:
            closer.close()
        run.inst.stop()
    _RUNS.clear()


def robot_browser(url: str) -> bool:
    """Stands in for the user's browser: opens the authorize page (the local instance approves at once)
    and follows its redirect to the loopback listener that waits for the code, from another thread."""

    def visit() -> None:
        answer = requests.get(url, allow_redirects=False, timeout=10)
        location = answer.headers.get("Location")
        if location:
            requests.get(location, timeout=10)

    threading.Thread(target=visit, name="robot-browser", daemon=True).start()
    return True


def _execute(example: Example, run: GuideRun, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.chdir(run.folder)
        patch.setenv("DISPLAY", ":0")  # a "graphical session", whose browser is the robot
        patch.setattr(webbrowser, "get", lambda *args, **kwargs: None)
        patch.setattr(webbrowser, "open", robot_browser)
        for key, value in run.env.items():
            patch.setenv(key, value)
        for key in ("MASTODON_CLIENT_ID", "MASTODON_CLIENT_SECRET", "MASTODON_CREDENTIALS", "MASTODON_ALLOW_HTTP"):
            patch.delenv(key, raising=False)
        # Padding keeps the line numbers of a traceback those of the guide.
        where = str(DOCS / "guides" / f"{example.guide}.rst")
        code = compile("\n" * (example.line - 1) + example.source, where, "exec")
        # In a thread, so that an example that never finishes (a stream waiting for an event that
        # does not come) fails the test instead of hanging the suite.
        failure: list[BaseException] = []

        def run_code() -> None:
            try:
                exec(code, run.namespace)
            except BaseException as error:
                failure.append(error)

        worker = threading.Thread(target=run_code, name=f"example-{example.name}", daemon=True)
        worker.start()
        worker.join(EXAMPLE_TIMEOUT)
        if worker.is_alive():
            pytest.fail(f"{example.name} did not finish within {EXAMPLE_TIMEOUT} s")
        if failure:
            raise failure[0]


@pytest.mark.integration
@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_guide_example_runs(
    example: Example, guide_runs: Callable[[str], GuideRun], monkeypatch: pytest.MonkeyPatch
) -> None:
    if example.skip is not None:
        pytest.skip(f"cannot run against a local instance: {example.skip}")
    if not runnable_here(example):
        pytest.skip(f"needs {', '.join(example.requires)}, which is not installed")
    run = guide_runs(example.guide)
    runnable = [item for item in EXAMPLES if item.guide == example.guide and runnable_here(item)]
    position = runnable.index(example)
    # The examples of a guide build on each other: run the earlier ones first when they have not run.
    while run.done < position:
        if run.failed is not None:
            pytest.fail(f"an earlier example of this guide failed: {run.failed}")
        earlier = runnable[run.done]
        try:
            _execute(earlier, run, monkeypatch)
        except BaseException:
            run.failed = earlier.name
            raise
        run.done += 1
    if run.failed is not None:
        pytest.fail(f"an earlier example of this guide failed: {run.failed}")
    if run.done > position:
        return  # already ran as an earlier example of a selected one
    try:
        _execute(example, run, monkeypatch)
    except BaseException:
        run.failed = example.name
        raise
    run.done += 1


def test_every_guide_has_runnable_examples_and_few_skipped() -> None:
    assert {path.stem for path in GUIDES} >= {
        "getting-a-token",
        "bots",
        "streaming",
        "notebooks",
        "forks",
        "errors",
        "migrating",
    }
    for guide in GUIDES:
        examples = [example for example in EXAMPLES if example.guide == guide.stem]
        runnable = [example for example in examples if example.skip is None]
        assert runnable, f"{guide.name} has no runnable example"
        assert len(examples) - len(runnable) <= 2, f"{guide.name} skips too many examples"


def test_marks_precede_a_code_block() -> None:
    for guide in GUIDES:
        lines = guide.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if _SKIP.match(line) or _REQUIRES.match(line):
                following = [text for text in lines[number + 1 :] if text.strip()]
                assert following and _DIRECTIVE.match(following[0]), f"{guide.name}:{number + 1}: dangling mark"


def test_extract_reads_blocks_options_and_skip_marks(tmp_path: Path) -> None:
    page = tmp_path / "page.rst"
    page.write_text(
        "Title\n=====\n\n.. code-block:: python\n   :caption: one\n\n   x = 1\n\n   y = x + 1\n\nText.\n\n"
        ".. skip-example: needs a browser\n\n.. code-block:: python\n\n   open_browser()\n\n"
        ".. code-block:: console\n\n   $ ls\n\n- item\n\n  .. code-block:: python\n\n     z = 3\n\n"
        ".. example-requires: pandas, numpy\n\n.. code-block:: python\n\n   import pandas\n",
        encoding="utf-8",
    )
    found = extract(page)
    assert [(item.line, item.source, item.skip, item.requires) for item in found] == [
        (7, "x = 1\n\ny = x + 1\n", None, ()),
        (17, "open_browser()\n", "needs a browser", ()),
        (27, "z = 3\n", None, ()),
        (33, "import pandas\n", None, ("pandas", "numpy")),
    ]


def test_no_example_is_left_out_by_a_typo() -> None:
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        assert "code-block:: python" in text
        # A literal block (``::``) would escape the harness: examples use code-block directives.
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            assert not (stripped.endswith("::") and not stripped.startswith("..")), (
                f"{guide.name}:{number}: use '.. code-block:: python' (or console/text) instead of a literal block"
            )


def test_examples_do_not_name_a_real_instance() -> None:
    for example in EXAMPLES:
        if example.skip is None:
            assert "mastodon.social" not in example.source, example.name


def test_a_failing_example_points_at_its_guide_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = GuideRun(inst=None, folder=tmp_path, namespace={}, env={})  # type: ignore[arg-type]
    example = Example("bots", 10, "x = 1\nraise ValueError('boom')\n")
    with pytest.raises(ValueError, match="boom") as caught:
        _execute(example, run, monkeypatch)
    frame = caught.traceback[-1]
    assert frame.path == DOCS / "guides" / "bots.rst"
    assert frame.lineno + 1 == 11  # pytest counts from 0
    assert run.namespace["x"] == 1


def test_a_hanging_example_fails_instead_of_hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "EXAMPLE_TIMEOUT", 0.2)
    run = GuideRun(inst=None, folder=tmp_path, namespace={}, env={})  # type: ignore[arg-type]
    example = Example("streaming", 1, "import threading\nthreading.Event().wait(5)\n")
    with pytest.raises(pytest.fail.Exception, match="did not finish"):
        _execute(example, run, monkeypatch)
