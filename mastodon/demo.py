"""``python -m mastodon demo``: a tour of the client, against a local instance it starts or a real one.

With no arguments it starts :class:`mastodon.testing.LocalInstance` on 127.0.0.1 and plays the part
of the user's browser itself; with ``--instance https://your.server`` it walks a real user through the
same steps (the browser opens for the login, posts are unlisted and deleted at the end). The code path
is the same: only the base URL and who clicks "Authorize" differ.
"""

from __future__ import annotations

import argparse
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any, TextIO

from .cli import EXIT_AUTH, exit_code_for
from .client import Mastodon
from .errors import MastodonError
from .literals import Visibility
from .return_types import Status

__all__ = ["main"]


def tiny_png(size: int = 16) -> bytes:
    """A small PNG (a diagonal gradient) made here, so the demo needs no file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 16 + y * 8) % 256 for x in range(size) for _ in range(3)) for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class Tour:
    """The demo's steps, each printed as it happens."""

    def __init__(self, api: Mastodon, out: TextIO, visibility: Visibility) -> None:
        self.api = api
        self.out = out
        self.visibility = visibility
        self.started = time.monotonic()
        self.posted: list[Any] = []

    def say(self, text: str) -> None:
        self.out.write(f"[{time.monotonic() - self.started:5.2f}s] {text}\n")
        self.out.flush()

    def log_in(self, open_browser: bool | Callable[[str], bool]) -> None:
        self.say(f"Registering an app on {self.api.api_base_url} and logging in (authorization code + PKCE)...")
        self.api.interactive_login(
            scopes=["read", "write", "follow", "push"],
            open_browser=open_browser,
            app_name="mastodon demo",
            output=self.out,
        )
        me = self.api.me()
        self.say(f"Logged in as @{me.acct} ({me.display_name or me.username})")

    def post_and_reply(self) -> None:
        first = self.api.status_post("Hello from the mastodon demo! #mastodonpy", visibility=self.visibility)
        assert isinstance(first, Status)  # not scheduled, so a Status
        self.posted.append(first)
        self.say(f"Posted status {first.id}: {first.url}")
        reply = self.api.status_reply(first, "And a reply to myself.", visibility=self.visibility)
        assert isinstance(reply, Status)
        self.posted.append(reply)
        self.say(f"Replied with status {reply.id} (in reply to {reply.in_reply_to_id})")

    def upload(self) -> None:
        media = self.api.media_post(
            tiny_png(), mime_type="image/png", description="A small gradient square", synchronous=True
        )
        self.say(f"Uploaded image {media.id} ({media.type}, alt text: {media.description!r})")
        with_media = self.api.status_post("A picture, with alt text.", media_ids=[media], visibility=self.visibility)
        self.posted.append(with_media)
        self.say(f"Posted status {with_media.id} with {len(with_media.media_attachments)} attachment")

    def read_home(self) -> None:
        first = self.api.timeline_home(limit=2)
        for number, page in enumerate(self.api.pagination_page_iterator(first), start=1):
            if not page:
                break
            ids = ", ".join(str(status.id) for status in page)
            self.say(f"Home timeline page {number}: {len(page)} statuses ({ids})")
            if number == 3:
                break

    def stream_own_post(self) -> None:
        if not hasattr(self.api, "stream_user"):
            self.say("Streaming is not available in this build; skipping the stream step")
            return
        from .streaming import StreamListener

        received = threading.Event()
        seen: list[Any] = []

        class Listener(StreamListener):
            def on_update(self, status: Any) -> None:
                seen.append(status)
                received.set()

        handle = self.api.stream_user(Listener(), run_async=True)
        try:
            time.sleep(0.2)  # let the stream connect before posting
            streamed = self.api.status_post("This one should come back on the stream.", visibility=self.visibility)
            self.posted.append(streamed)
            if received.wait(10):
                self.say(f"Received status {seen[0].id} on the user stream")
            else:
                self.say("The stream stayed quiet for 10 seconds")
        finally:
            if handle is not None:
                handle.close()

    def clean_up(self) -> None:
        for status in reversed(self.posted):
            try:
                self.api.status_delete(status)
            except MastodonError as error:
                self.say(f"Could not delete {status.id}: {error}")
        self.say(f"Deleted the {len(self.posted)} demo statuses")


def _local_browser(url: str) -> bool:
    """Plays the user's browser against the local instance: open the authorize page, follow its redirect.

    Like a real browser it runs beside the program, which is meanwhile waiting for the redirect.
    """
    import requests

    def visit() -> None:
        try:
            requests.get(url, timeout=10).close()
        except requests.RequestException:
            pass  # the login step reports a redirect that never came

    threading.Thread(target=visit, name="demo-browser", daemon=True).start()
    return True


def main(
    argv: list[str] | None = None,
    out: TextIO | None = None,
    prog: str = "python -m mastodon demo",
    open_browser: bool | Callable[[str], bool] = True,
) -> int:
    """Run the demo; returns the process exit code (the command line's codes: 3 login, 4 network, ...)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    parser.add_argument("--instance", help="a real instance to walk through instead of a local one")
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    if args.instance:
        try:
            api = Mastodon(api_base_url=args.instance)
        except MastodonError as error:
            stream.write(f"Stopped: {error}\n")
            return exit_code_for(error)
        tour = Tour(api, stream, visibility="unlisted")
        return _run(tour, open_browser=open_browser)
    from .testing import LocalInstance

    with LocalInstance() as instance:
        stream.write(f"Started a local Mastodon-compatible instance at {instance.api_base_url}\n")
        api = Mastodon(api_base_url=instance.api_base_url)
        tour = Tour(api, stream, visibility="public")
        return _run(tour, open_browser=_local_browser)


def _run(tour: Tour, open_browser: bool | Callable[[str], bool]) -> int:
    try:
        tour.log_in(open_browser)
        tour.post_and_reply()
        tour.upload()
        tour.read_home()
        tour.stream_own_post()
        tour.clean_up()
    except EOFError:
        tour.say("Stopped: no login code was pasted, standard input is closed (run the demo in a terminal)")
        return EXIT_AUTH
    except MastodonError as error:
        tour.say(f"Stopped: {error}")
        return exit_code_for(error)
    tour.say("Done.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
