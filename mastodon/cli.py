"""The command line: ``mastodon`` (or ``python -m mastodon``) with ``login``, ``whoami``, ``revoke``,
``post``, ``timeline``, ``notifications`` and ``demo``; ``--version`` prints the version.

Exit codes, the same from every subcommand:

- 0: done;
- 1: the server answered with an error;
- 2: usage error (wrong or missing arguments, a file that would be overwritten); the message names
  the flag to change;
- 3: authentication problem: no, corrupt, refused or revoked credentials, a token without the scope
  the command needs, login refused or abandoned (including a login that needs a pasted code while
  standard input is closed);
- 4: network problem: the instance could not be reached;
- 130: interrupted (Ctrl-C).

Credentials are read from ``--credentials`` (default: ``$MASTODON_CREDENTIALS``, else
``~/.config/mastodon/credentials.json``), or from ``MASTODON_API_BASE_URL`` and
``MASTODON_ACCESS_TOKEN`` when no file is named and those are set.

``timeline`` and ``notifications`` request only what they show: a first page of ``--limit`` items (at
most 40, the server's page size), then further pages only while more are needed.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO
from urllib.parse import urlsplit

from ._credentials import read_credentials
from .errors import (
    MastodonAPIError,
    MastodonError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonUnauthorizedError,
)

__all__ = [
    "EXIT_API",
    "EXIT_AUTH",
    "EXIT_INTERRUPTED",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_USAGE",
    "console_main",
    "default_credentials_path",
    "exit_code_for",
    "main",
]

EXIT_OK = 0
EXIT_API = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NETWORK = 4
EXIT_INTERRUPTED = 130

DEFAULT_LOGIN_SCOPES = "read write follow push"
DEFAULT_PROG = "python -m mastodon"
PAGE_SIZE = 40  # the most statuses or notifications Mastodon returns in one page
MAX_LIMIT = 1000

_COMMANDS = ("login", "whoami", "revoke", "post", "timeline", "notifications", "demo")


class _UsageError(Exception):
    """A usage problem found after parsing (exit 2)."""


class _AuthProblem(Exception):
    """No usable credentials, or a login that cannot go on (exit 3)."""


class _HelpShown(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that writes help to our stream and raises instead of exiting, so ``main`` returns the code."""

    def __init__(self, *args: Any, out: TextIO | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.out = out

    def print_help(self, file: Any = None) -> None:
        super().print_help(file if file is not None else self.out)

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see {self.prog} --help)")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            raise _UsageError(message.strip())
        raise _HelpShown(status)


def default_credentials_path() -> Path:
    """``$MASTODON_CREDENTIALS``, else ``$XDG_CONFIG_HOME/mastodon/credentials.json`` (``~/.config``)."""
    named = os.environ.get("MASTODON_CREDENTIALS")
    if named:
        return Path(named).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "mastodon" / "credentials.json"


def _version_text() -> str:
    import platform

    from . import __version__

    return f"mastodon {__version__} (Python {platform.python_version()})"


def _build_parser(prog: str, out: TextIO) -> _Parser:
    parser = _Parser(
        prog=prog,
        out=out,
        description="Log in to a Mastodon instance, post, read timelines and notifications.",
        epilog="Exit codes: 0 ok, 1 API error, 2 usage, 3 authentication problem, 4 network problem.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, description: str) -> _Parser:
        made: _Parser = commands.add_parser(name, help=help, description=description, out=out)
        return made

    login = command(
        "login",
        "register an app, log in through the browser and save the credentials",
        "Register an app on INSTANCE, open its login page in the browser, catch the authorization on "
        "http://127.0.0.1:<free port>/ and save the token (mode 0600). Without a browser, paste the code.",
    )
    login.add_argument("instance", help="the instance, e.g. mastodon.social or https://mastodon.social")
    login.add_argument("--to-file", "-o", help="where to save the credentials (default: see --help)", default=None)
    login.add_argument("--scopes", default=DEFAULT_LOGIN_SCOPES, help='space-separated scopes (default: "%(default)s")')
    login.add_argument("--app-name", default="mastodon-cli", help="the app name shown to the user (%(default)s)")
    login.add_argument("--no-browser", action="store_true", help="do not open a browser; print the URL, paste the code")
    login.add_argument("--port", type=int, default=0, help="port of the loopback listener (default: a free one)")
    login.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the browser (%(default)s)")
    login.add_argument("--force-login", action="store_true", help="ask the server to show its login form again")
    login.add_argument("--allow-http", action="store_true", help="accept plain http for a non-loopback instance")
    login.add_argument("--overwrite", action="store_true", help="replace an existing credentials file")

    whoami = command("whoami", "show the account the saved token belongs to", "Show the token's account.")
    whoami.add_argument("--credentials", "-c", help="the credentials file (default: see --help)")
    whoami.add_argument("--json", action="store_true", help="print the account as JSON")

    revoke = command("revoke", "revoke the saved token at the server", "Revoke the saved token at the server.")
    revoke.add_argument("--credentials", "-c", help="the credentials file")
    revoke.add_argument("--delete", action="store_true", help="delete the credentials file after revoking")

    post = command("post", "post a status", "Post a status with the saved token.")
    post.add_argument("text", help='the status text; "-" reads it from standard input')
    post.add_argument("--credentials", "-c", help="the credentials file")
    post.add_argument("--media", action="append", default=[], metavar="FILE", help="attach a file (repeatable)")
    post.add_argument("--alt", action="append", default=[], metavar="TEXT", help="alt text for each --media, in order")
    post.add_argument("--visibility", choices=["public", "unlisted", "private", "direct"], help="who sees it")
    post.add_argument("--reply-to", metavar="STATUS_ID", help="the id of the status to reply to")
    post.add_argument("--spoiler", metavar="TEXT", help="a content warning")
    post.add_argument("--json", action="store_true", help="print the posted status as JSON")

    timeline = command(
        "timeline", "read a timeline", "Read a timeline: home, local, public, or tag:NAME (newest first)."
    )
    timeline.add_argument("which", nargs="?", default="home", help="home (default), local, public or tag:NAME")
    timeline.add_argument("--credentials", "-c", help="the credentials file")
    timeline.add_argument("--limit", type=int, default=20, help="how many statuses (default: %(default)s)")
    timeline.add_argument("--expand", action="store_true", help="show text behind content warnings")
    timeline.add_argument("--json", action="store_true", help="print JSON (one array) instead of text")

    notifications = command("notifications", "read your notifications", "Read your notifications, newest first.")
    notifications.add_argument("--credentials", "-c", help="the credentials file")
    notifications.add_argument("--limit", type=int, default=20, help="how many (default: %(default)s)")
    notifications.add_argument("--expand", action="store_true", help="show text behind content warnings")
    notifications.add_argument("--json", action="store_true", help="print JSON (one array) instead of text")

    commands.add_parser(
        "demo", help="a tour against a local test instance (--instance URL: a real one)", add_help=False
    )
    return parser


def exit_code_for(error: BaseException) -> int:
    """The exit code for an error a command ended with (the table in the module docstring)."""
    if isinstance(error, _UsageError):
        return EXIT_USAGE
    if isinstance(error, (_AuthProblem, MastodonUnauthorizedError)):
        return EXIT_AUTH
    if isinstance(error, MastodonAPIError) and error.status_code == 403 and "scope" in (error.error or "").lower():
        return EXIT_AUTH  # the token lacks a scope: logging in again is the fix
    if isinstance(error, MastodonNetworkError):
        return EXIT_NETWORK
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(error, (MastodonIllegalArgumentError, MastodonFileNotFoundError)):
        return EXIT_USAGE
    return EXIT_API


class _Run:
    """One run of the command line: its streams, and what it learned (for hints that work as printed)."""

    def __init__(
        self,
        prog: str,
        out: TextIO,
        err: TextIO,
        stdin: TextIO,
        open_browser: bool | Callable[[str], bool],
        input_func: Callable[[str], str] | None,
    ) -> None:
        self.prog = prog
        self.out = out
        self.err = err
        self.stdin = stdin
        self.open_browser = open_browser
        self.input_func = input_func
        self.base_url: str | None = None
        self.credentials_path: Path | None = None

    # -- hints and errors ---------------------------------------------------------------------

    def login_hint(self, deleted: bool = False) -> str:
        """The login command that replaces the current credentials, exactly as it has to be typed."""
        words = [self.prog, "login", shlex.quote(self.base_url) if self.base_url else "<instance>"]
        target = self.credentials_path or default_credentials_path()
        if self.credentials_path is not None and self.credentials_path != default_credentials_path():
            words += ["--to-file", shlex.quote(str(self.credentials_path))]
        if not deleted and target.exists():
            words.append("--overwrite")
        return " ".join(words)

    def describe(self, error: BaseException) -> str:
        if isinstance(error, MastodonUnauthorizedError):
            error.hint = None  # the library's generic advice; the command to type follows
            return (
                f"the server refused the token ({error}): it was revoked or has expired; "
                f"log in again with: {self.login_hint()}"
            )
        if isinstance(error, MastodonNetworkError):
            return f"could not reach {self.base_url or 'the instance'}: {error}"
        return str(error)

    # -- credentials -------------------------------------------------------------------------

    def client(self, args: argparse.Namespace) -> Any:
        from .client import Mastodon

        named = args.credentials
        if named is None and not os.environ.get("MASTODON_CREDENTIALS") and os.environ.get("MASTODON_ACCESS_TOKEN"):
            base = os.environ.get("MASTODON_API_BASE_URL")
            if not base:
                raise _AuthProblem(
                    "MASTODON_ACCESS_TOKEN is set but MASTODON_API_BASE_URL is not: set both, or unset the token "
                    "to use the credentials file"
                )
            self.base_url = base
            return Mastodon()
        path = Path(named).expanduser() if named else default_credentials_path()
        self.credentials_path = path
        if not path.exists():
            raise _AuthProblem(f"no credentials at {path}; log in with: {self.login_hint()}")
        try:
            credentials = read_credentials(path)
        except MastodonError as error:
            raise _AuthProblem(f"{error}; log in again with: {self.login_hint()}") from None
        self.base_url = credentials.api_base_url
        if not credentials.access_token or not credentials.api_base_url:
            raise _AuthProblem(f"{path} holds no access token and instance; log in with: {self.login_hint()}")
        return Mastodon(
            api_base_url=credentials.api_base_url,
            access_token=credentials.access_token,
            client_id=credentials.client_id,
            client_secret=credentials.client_secret,
        )

    def ask(self, prompt: str) -> str:
        """Read a pasted login code; a closed standard input ends the login (exit 3) instead of a traceback."""
        try:
            if self.input_func is not None:
                return self.input_func(prompt)
            self.err.write(prompt)
            self.err.flush()
            line = self.stdin.readline()
        except EOFError:
            line = ""
        if not line:
            raise _AuthProblem(
                "no login code was pasted: standard input is closed. Run the login in a terminal, or let it open "
                "a browser on this machine (without --no-browser)"
            )
        return line.strip()

    def print_json(self, value: Any) -> None:
        from ._terminal import to_json

        self.out.write(to_json(value) + "\n")

    # -- commands ----------------------------------------------------------------------------

    def login(self, args: argparse.Namespace) -> int:
        from ._oauth import check_instance_url
        from ._validate import is_loopback_host
        from .client import Mastodon

        text = args.instance.strip()
        if not text:
            raise _UsageError("give the instance to log in to, e.g. mastodon.social")
        try:
            parts = urlsplit(text if "://" in text else "https://" + text)
            host = parts.hostname
        except ValueError:
            raise _UsageError(f"{args.instance!r} is not an instance address (e.g. mastodon.social)") from None
        if parts.scheme == "http" and host and not args.allow_http and not is_loopback_host(host):
            raise _UsageError(
                f"{text} uses plain http, so the token would travel unencrypted: use https://{parts.netloc}, "
                "or add --allow-http if that is what you mean"
            )
        try:
            base = check_instance_url(text, allow_http=args.allow_http)
        except MastodonIllegalArgumentError as error:
            raise _UsageError(str(error)) from None
        self.base_url = base
        target = Path(args.to_file).expanduser() if args.to_file else default_credentials_path()
        if target.exists() and not args.overwrite:
            raise _UsageError(f"{target} exists; add --overwrite to replace it, or --to-file to choose another file")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        api = Mastodon(api_base_url=base, user_agent=args.app_name)
        api.client_id = api.client_secret = api.access_token = None
        with api:
            try:
                api.interactive_login(
                    scopes=args.scopes.split(),
                    to_file=target,
                    open_browser=False if args.no_browser else self.open_browser,
                    port=args.port,
                    timeout=args.timeout,
                    force_login=args.force_login,
                    allow_http=args.allow_http,
                    app_name=args.app_name,
                    input_func=self.ask,
                    output=self.err,
                )
            except MastodonIllegalArgumentError as error:
                raise _AuthProblem(f"the login did not complete: {error}") from None
        self.out.write(f"Logged in to {base}; credentials saved to {target} (readable by you alone).\n")
        return EXIT_OK

    def whoami(self, args: argparse.Namespace) -> int:
        api = self.client(args)
        with api:
            account = api.account_verify_credentials()
        if args.json:
            self.print_json(account)
            return EXIT_OK
        name = account.get("display_name") or account.get("username")
        self.out.write(f"@{account.get('acct')} on {api.api_base_url} ({name})\n{account.get('url') or ''}\n")
        return EXIT_OK

    def revoke(self, args: argparse.Namespace) -> int:
        api = self.client(args)
        if api.client_id is None or api.client_secret is None:
            raise _AuthProblem(
                "revoking needs the app's client id and secret, and these credentials do not have them; "
                "revoke the token in the instance's settings (Settings > Account > Authorized apps) instead"
            )
        with api:
            api.revoke_access_token()
        self.out.write(f"Token revoked at {api.api_base_url}.\n")
        path = self.credentials_path
        if args.delete and path is not None and path.exists():
            path.unlink()
            self.out.write(f"Deleted {path}.\n")
            self.out.write(f"To log in again: {self.login_hint(deleted=True)}\n")
        else:
            self.out.write(f"To log in again: {self.login_hint()}\n")
        return EXIT_OK

    def post(self, args: argparse.Namespace) -> int:
        text = args.text
        if text == "-":
            isatty = getattr(self.stdin, "isatty", None)
            if callable(isatty) and isatty():
                self.err.write("Type the status, then Ctrl-D on a line of its own:\n")
                self.err.flush()
            text = self.stdin.read().rstrip("\n")
        if len(args.alt) > len(args.media):
            raise _UsageError("more --alt texts than --media files: give one --alt per --media, in order")
        for name in args.media:
            if not Path(name).is_file():
                raise _UsageError(f"--media {name}: no such file")
        if not text.strip() and not args.media:
            raise _UsageError('nothing to post: give the text (or "-" to read it from standard input), or --media FILE')
        api = self.client(args)
        with api:
            media = []
            for number, name in enumerate(args.media):
                description = args.alt[number] if number < len(args.alt) else None
                media.append(api.media_post(name, description=description, synchronous=True))
            posted = api.status_post(
                text,
                in_reply_to_id=args.reply_to,
                media_ids=media or None,
                visibility=args.visibility,
                spoiler_text=args.spoiler,
            )
        if args.json:
            self.print_json(posted)
        else:
            self.out.write(f"Posted {posted.get('id')}: {posted.get('url') or ''}\n")
        return EXIT_OK

    def _check_limit(self, limit: int) -> None:
        if not 1 <= limit <= MAX_LIMIT:
            raise _UsageError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")

    @staticmethod
    def take(api: Any, first_page: Callable[[int], Any], limit: int) -> list[Any]:
        """At most ``limit`` items, asking each page for no more than are still wanted."""
        shown: list[Any] = []
        page = first_page(min(limit, PAGE_SIZE))
        followed = None
        while page:
            shown.extend(page[: limit - len(shown)])
            if len(shown) >= limit:
                break
            info = api.get_pagination_info(page, "next")
            if info is None or info == followed:
                break
            followed = dict(info)
            info["limit"] = min(limit - len(shown), PAGE_SIZE)
            page = api.fetch_next(info)
        return shown

    def timeline(self, args: argparse.Namespace) -> int:
        which = args.which
        if which.startswith("tag:"):
            tag = which[len("tag:") :].lstrip("#")
            if not re.fullmatch(r"\w+", tag):
                raise _UsageError(f"{args.which!r}: tag:NAME needs a hashtag name (letters, digits, _), e.g. tag:cats")
            which = "tag/" + tag
        elif which not in ("home", "local", "public"):
            raise _UsageError(f"unknown timeline {args.which!r}: use home, local, public or tag:NAME")
        self._check_limit(args.limit)
        api = self.client(args)
        with api:
            statuses = self.take(api, lambda count: api.timeline(which, limit=count), args.limit)
        if args.json:
            self.print_json(statuses)
            return EXIT_OK
        from ._terminal import status_text

        self.out.write("\n\n".join(status_text(status, expand=args.expand) for status in statuses))
        self.out.write("\n" if statuses else "")
        return EXIT_OK

    def notifications(self, args: argparse.Namespace) -> int:
        self._check_limit(args.limit)
        api = self.client(args)
        with api:
            found = self.take(api, lambda count: api.notifications(limit=count), args.limit)
        if args.json:
            self.print_json(found)
            return EXIT_OK
        from ._terminal import notification_text

        self.out.write("\n\n".join(notification_text(item, expand=args.expand) for item in found))
        self.out.write("\n" if found else "")
        return EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    open_browser: bool | Callable[[str], bool] = True,
    input_func: Callable[[str], str] | None = None,
    prog: str = DEFAULT_PROG,
) -> int:
    """Run the command line; returns the exit code. The streams, ``open_browser`` and ``input_func`` are for tests."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["demo"]:
        return _demo(args_list[1:], prog, out, err, open_browser)
    parser = _build_parser(prog, out)
    try:
        args = parser.parse_args(args_list)
    except _HelpShown as shown:
        return EXIT_OK if shown.status == 0 else EXIT_USAGE
    except _UsageError as problem:
        err.write(f"{problem}\n")
        return EXIT_USAGE
    if args.version:
        out.write(_version_text() + "\n")
        return EXIT_OK
    if args.command is None:
        parser.print_usage(err)
        err.write(f"{prog}: error: a command is required ({', '.join(_COMMANDS)})\n")
        return EXIT_USAGE
    run = _Run(prog, out, err, stdin if stdin is not None else sys.stdin, open_browser, input_func)
    handler: Callable[[argparse.Namespace], int] = getattr(run, args.command)
    try:
        return handler(args)
    except KeyboardInterrupt:
        err.write("\ninterrupted\n")
        return EXIT_INTERRUPTED
    except (_UsageError, _AuthProblem, MastodonError) as problem:
        err.write(f"{prog} {args.command}: {'error: ' if isinstance(problem, _UsageError) else ''}")
        err.write(f"{run.describe(problem)}\n")
        return exit_code_for(problem)


def console_main() -> int:
    """The ``mastodon`` console script (installed with the package): ``main`` under that name."""
    return main(prog=os.path.basename(sys.argv[0]) or "mastodon")


def _demo(argv: list[str], prog: str, out: TextIO, err: TextIO, open_browser: bool | Callable[[str], bool]) -> int:
    if importlib.util.find_spec("mastodon.demo") is None:
        err.write(f"{prog} demo: the demo is not available in this installation\n")
        return EXIT_USAGE
    module = importlib.import_module("mastodon.demo")
    try:
        result = module.main(argv, out=out, prog=f"{prog} demo", open_browser=open_browser)
    except SystemExit as stopped:
        result = stopped.code if isinstance(stopped.code, int) else (EXIT_OK if stopped.code is None else EXIT_USAGE)
    return int(result) if isinstance(result, int) else EXIT_OK
