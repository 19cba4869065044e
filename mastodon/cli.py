"""The command line: ``python -m mastodon login <instance>``, ``whoami``, ``revoke``, ``post``,
``timeline``, ``notifications`` and ``demo``.

Exit codes:

- 0: done;
- 1: the server answered with an error;
- 2: usage error (wrong or missing arguments, a file that would be overwritten);
- 3: authentication problem: no, corrupt, refused or revoked credentials, login refused or abandoned;
- 4: network problem: the instance could not be reached;
- 130: interrupted (Ctrl-C).

Credentials are read from ``--credentials`` (default: ``$MASTODON_CREDENTIALS``, else
``~/.config/mastodon/credentials.json``), or from ``MASTODON_API_BASE_URL`` and
``MASTODON_ACCESS_TOKEN`` when no file is named and those are set.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._credentials import read_credentials
from .errors import (
    MastodonAPIError,
    MastodonError,
    MastodonFileNotFoundError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonUnauthorizedError,
)

__all__ = ["EXIT_API", "EXIT_AUTH", "EXIT_NETWORK", "EXIT_OK", "EXIT_USAGE", "default_credentials_path", "main"]

EXIT_OK = 0
EXIT_API = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NETWORK = 4
EXIT_INTERRUPTED = 130

DEFAULT_LOGIN_SCOPES = "read write follow push"


class _UsageError(Exception):
    """A usage problem found after parsing."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` returns the exit code."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: error: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            raise _UsageError(message.strip())
        raise _HelpShown(status)


class _HelpShown(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def default_credentials_path() -> Path:
    """``$MASTODON_CREDENTIALS``, else ``$XDG_CONFIG_HOME/mastodon/credentials.json`` (``~/.config``)."""
    named = os.environ.get("MASTODON_CREDENTIALS")
    if named:
        return Path(named).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "mastodon" / "credentials.json"


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="python -m mastodon",
        description="Log in to a Mastodon instance, check and revoke the saved token.",
        epilog="Exit codes: 0 ok, 1 API error, 2 usage, 3 authentication problem, 4 network problem.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    login = commands.add_parser(
        "login",
        help="register an app, log in through the browser and save the credentials",
        description=(
            "Register an app on INSTANCE, open its login page in the browser, catch the authorization on "
            "http://127.0.0.1:<free port>/ and save the token (mode 0600). Without a browser, paste the code."
        ),
    )
    login.add_argument("instance", help="the instance, e.g. mastodon.social or https://mastodon.social")
    login.add_argument("--to-file", "-o", help="where to save the credentials (default: %(default)s)", default=None)
    login.add_argument("--scopes", default=DEFAULT_LOGIN_SCOPES, help='space-separated scopes (default: "%(default)s")')
    login.add_argument("--app-name", default="mastodon-cli", help="the app name shown to the user (%(default)s)")
    login.add_argument("--no-browser", action="store_true", help="do not open a browser; print the URL, paste the code")
    login.add_argument("--port", type=int, default=0, help="port of the loopback listener (default: a free one)")
    login.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the browser (%(default)s)")
    login.add_argument("--force-login", action="store_true", help="ask the server to show its login form again")
    login.add_argument("--allow-http", action="store_true", help="accept plain http for a non-loopback instance")
    login.add_argument("--overwrite", action="store_true", help="replace an existing credentials file")

    whoami = commands.add_parser(
        "whoami", help="show the account the saved token belongs to", description="Show the token's account."
    )
    whoami.add_argument("--credentials", "-c", help="the credentials file (default: see python -m mastodon --help)")

    revoke = commands.add_parser(
        "revoke", help="revoke the saved token at the server", description="Revoke the saved token at the server."
    )
    revoke.add_argument("--credentials", "-c", help="the credentials file")
    revoke.add_argument("--delete", action="store_true", help="delete the credentials file after revoking")

    post = commands.add_parser("post", help="post a status", description="Post a status with the saved token.")
    post.add_argument("text", help="the status text")
    post.add_argument("--credentials", "-c", help="the credentials file")
    post.add_argument("--media", action="append", default=[], metavar="FILE", help="attach a file (repeatable)")
    post.add_argument("--alt", action="append", default=[], metavar="TEXT", help="alt text for each --media, in order")
    post.add_argument("--visibility", choices=["public", "unlisted", "private", "direct"], help="who sees it")
    post.add_argument("--reply-to", metavar="STATUS_ID", help="the id of the status to reply to")
    post.add_argument("--spoiler", metavar="TEXT", help="a content warning")
    post.add_argument("--json", action="store_true", help="print the posted status as JSON")

    timeline = commands.add_parser(
        "timeline",
        help="read a timeline",
        description="Read a timeline: home, local, public, or tag:NAME (newest first).",
    )
    timeline.add_argument("which", nargs="?", default="home", help="home (default), local, public or tag:NAME")
    timeline.add_argument("--credentials", "-c", help="the credentials file")
    timeline.add_argument("--limit", type=int, default=20, help="how many statuses (default: %(default)s)")
    timeline.add_argument("--json", action="store_true", help="print JSON (one array) instead of text")

    notifications = commands.add_parser(
        "notifications", help="read your notifications", description="Read your notifications, newest first."
    )
    notifications.add_argument("--credentials", "-c", help="the credentials file")
    notifications.add_argument("--limit", type=int, default=20, help="how many (default: %(default)s)")
    notifications.add_argument("--json", action="store_true", help="print JSON (one array) instead of text")

    commands.add_parser("demo", help="a tour against a local test instance (if installed)", add_help=False)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    open_browser: bool | Callable[[str], bool] = True,
    input_func: Callable[[str], str] | None = None,
) -> int:
    """Run the command line; returns the exit code. ``open_browser`` and ``input_func`` are for tests."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["demo"]:
        return _demo(args_list[1:], err)
    parser = _build_parser()
    try:
        args = parser.parse_args(args_list)
    except _HelpShown as shown:
        return EXIT_OK if shown.status == 0 else EXIT_USAGE
    except _UsageError as problem:
        err.write(f"{problem}\n")
        return EXIT_USAGE
    if args.command is None:
        parser.print_usage(err)
        err.write("python -m mastodon: error: a command is required (login, whoami, revoke, post, timeline, ...)\n")
        return EXIT_USAGE
    try:
        if args.command == "login":
            return _login(args, out, err, open_browser, input_func)
        if args.command == "whoami":
            return _whoami(args, out)
        if args.command == "revoke":
            return _revoke(args, out)
        if args.command == "post":
            return _post(args, out)
        if args.command == "timeline":
            return _timeline(args, out)
        if args.command == "notifications":
            return _notifications(args, out)
    except _UsageError as problem:
        err.write(f"python -m mastodon {args.command}: error: {problem}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("\ninterrupted\n")
        return EXIT_INTERRUPTED
    except MastodonError as error:
        code = _exit_code_for(error)
        err.write(f"python -m mastodon {args.command}: {_describe(error)}\n")
        return code
    return EXIT_USAGE


def _exit_code_for(error: MastodonError) -> int:
    if isinstance(error, MastodonNetworkError):
        return EXIT_NETWORK
    if isinstance(error, MastodonUnauthorizedError):
        return EXIT_AUTH
    if isinstance(error, MastodonAPIError):
        return EXIT_API
    if isinstance(error, (MastodonIllegalArgumentError, MastodonFileNotFoundError)):
        return EXIT_AUTH
    return EXIT_API


def _describe(error: MastodonError) -> str:
    if isinstance(error, MastodonUnauthorizedError):
        return f"the token was refused ({error}); log in again with: python -m mastodon login <instance>"
    if isinstance(error, MastodonNetworkError):
        return f"could not reach the instance: {error}"
    return str(error)


def _demo(argv: list[str], err: TextIO) -> int:
    if importlib.util.find_spec("mastodon.demo") is None:
        err.write("python -m mastodon demo: the demo is not available in this installation\n")
        return EXIT_USAGE
    module = importlib.import_module("mastodon.demo")
    try:
        result = module.main(argv)
    except SystemExit as stopped:
        result = stopped.code if isinstance(stopped.code, int) else (EXIT_OK if stopped.code is None else EXIT_USAGE)
    return int(result) if isinstance(result, int) else EXIT_OK


def _login(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    open_browser: bool | Callable[[str], bool],
    input_func: Callable[[str], str] | None,
) -> int:
    from ._oauth import check_instance_url
    from .client import Mastodon

    target = Path(args.to_file).expanduser() if args.to_file else default_credentials_path()
    if target.exists() and not args.overwrite:
        raise _UsageError(f"{target} exists; pass --overwrite to replace it, or --to-file to choose another file")
    base = check_instance_url(args.instance, allow_http=args.allow_http)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    scopes = args.scopes.split()
    api = Mastodon(api_base_url=base, user_agent=args.app_name)
    api.client_id = api.client_secret = api.access_token = None
    with api:
        api.interactive_login(
            scopes=scopes,
            to_file=target,
            open_browser=False if args.no_browser else open_browser,
            port=args.port,
            timeout=args.timeout,
            force_login=args.force_login,
            allow_http=args.allow_http,
            app_name=args.app_name,
            input_func=input_func,
            output=err,
        )
    out.write(f"Logged in to {base}; credentials saved to {target} (readable by you alone).\n")
    return EXIT_OK


def _client_from_credentials(args: argparse.Namespace) -> Any:
    from .client import Mastodon

    named = args.credentials
    if named is None and not os.environ.get("MASTODON_CREDENTIALS") and os.environ.get("MASTODON_ACCESS_TOKEN"):
        if not os.environ.get("MASTODON_API_BASE_URL"):
            raise MastodonIllegalArgumentError("MASTODON_ACCESS_TOKEN is set but MASTODON_API_BASE_URL is not")
        return Mastodon()
    path = Path(named).expanduser() if named else default_credentials_path()
    if not path.exists():
        raise MastodonIllegalArgumentError(
            f"no credentials at {path}; log in with: python -m mastodon login <instance>"
        )
    credentials = read_credentials(path)
    if not credentials.access_token:
        raise MastodonIllegalArgumentError(f"{path} holds no access token; log in with: python -m mastodon login")
    return Mastodon(
        api_base_url=credentials.api_base_url,
        access_token=credentials.access_token,
        client_id=credentials.client_id,
        client_secret=credentials.client_secret,
    )


def _whoami(args: argparse.Namespace, out: TextIO) -> int:
    api = _client_from_credentials(args)
    with api:
        account = api.account_verify_credentials()
    name = account.get("display_name") or account.get("username")
    out.write(f"@{account.get('acct')} on {api.api_base_url} ({name})\n{account.get('url') or ''}\n")
    return EXIT_OK


def _revoke(args: argparse.Namespace, out: TextIO) -> int:
    api = _client_from_credentials(args)
    if api.client_id is None or api.client_secret is None:
        raise MastodonIllegalArgumentError(
            "revoking needs the app's client id and secret, and these credentials do not have them"
        )
    with api:
        api.revoke_access_token()
    out.write(f"Token revoked at {api.api_base_url}.\n")
    if args.delete:
        path = Path(args.credentials).expanduser() if args.credentials else default_credentials_path()
        if path.exists():
            path.unlink()
            out.write(f"Deleted {path}.\n")
    return EXIT_OK


def _plain_text(html_content: str) -> str:
    """A status's HTML content as one line of plain text for the terminal."""
    import html
    import re

    text = re.sub(r"<br\s*/?>|</p>\s*<p>", " ", html_content or "")
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _print_json(values: Any, out: TextIO) -> None:
    import json

    out.write(json.dumps(values, default=str, ensure_ascii=False, indent=2) + "\n")


def _post(args: argparse.Namespace, out: TextIO) -> int:
    if len(args.alt) > len(args.media):
        raise _UsageError("more --alt texts than --media files")
    for name in args.media:
        if not Path(name).is_file():
            raise _UsageError(f"no such file: {name}")
    api = _client_from_credentials(args)
    with api:
        media = []
        for number, name in enumerate(args.media):
            description = args.alt[number] if number < len(args.alt) else None
            media.append(api.media_post(name, description=description, synchronous=True))
        posted = api.status_post(
            args.text,
            in_reply_to_id=args.reply_to,
            media_ids=media or None,
            visibility=args.visibility,
            spoiler_text=args.spoiler,
        )
    if args.json:
        _print_json(posted, out)
    else:
        out.write(f"Posted {posted.get('url') or posted.get('id')}\n")
    return EXIT_OK


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    which = args.which
    if which.startswith("tag:"):
        which = "tag/" + which[len("tag:") :].lstrip("#")
    elif which not in ("home", "local", "public"):
        raise _UsageError(f"unknown timeline {args.which!r}: use home, local, public or tag:NAME")
    if not 1 <= args.limit <= 200:
        raise _UsageError("--limit must be between 1 and 200")
    api = _client_from_credentials(args)
    with api:
        statuses = list(api.pagination_iterator(api.timeline(which, limit=min(args.limit, 40))))[: args.limit]
    if args.json:
        _print_json(statuses, out)
        return EXIT_OK
    for status in statuses:
        shown = status.get("reblog") or status
        when = str(shown.get("created_at", ""))[:16]
        author = (shown.get("account") or {}).get("acct", "?")
        out.write(f"{when}  @{author}: {_plain_text(shown.get('content', ''))}\n")
    return EXIT_OK


def _notifications(args: argparse.Namespace, out: TextIO) -> int:
    if not 1 <= args.limit <= 200:
        raise _UsageError("--limit must be between 1 and 200")
    api = _client_from_credentials(args)
    with api:
        found = list(api.pagination_iterator(api.notifications(limit=min(args.limit, 40))))[: args.limit]
    if args.json:
        _print_json(found, out)
        return EXIT_OK
    for notification in found:
        who = (notification.get("account") or {}).get("acct", "?")
        status = notification.get("status") or {}
        about = f": {_plain_text(status.get('content', ''))}" if status else ""
        out.write(f"{str(notification.get('created_at', ''))[:16]}  {notification.get('type')} from @{who}{about}\n")
    return EXIT_OK
