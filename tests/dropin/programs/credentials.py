"""Registering an app, logging in, and keeping credentials in files, as set-up scripts do."""

from __future__ import annotations

import os
import re
import tempfile
import urllib.request
import warnings

from _common import BASE_URL, TOKENS, show

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.errors import MastodonAPIError

# our client warns that the password grant is going away; Mastodon.py does not: keep stdout identical
warnings.simplefilter("ignore", DeprecationWarning)

folder = tempfile.mkdtemp()
client_file = os.path.join(folder, "clientcred.secret")
user_file = os.path.join(folder, "usercred.secret")

client_id, client_secret = Mastodon.create_app(
    "dropin test app",
    api_base_url=BASE_URL,
    scopes=["read", "write"],
    website="https://example.com",
    to_file=client_file,
)
show("create_app", {"id length > 10": len(client_id) > 10, "secret length > 10": len(client_secret) > 10})
with open(client_file, encoding="utf-8") as handle:
    lines = handle.read().splitlines()
show(
    "client file lines",
    {
        "count": len(lines),
        "id": lines[0] == client_id,
        "secret": lines[1] == client_secret,
        "url": lines[2].split(":")[0],
    },
)

app_client = Mastodon(client_id=client_file)
show("client from file", {"base": app_client.api_base_url.split(":")[0], "id": app_client.client_id == client_id})
app_info = app_client.app_verify_credentials() if app_client.access_token else None
show("app_verify_credentials without token", app_info)

url = app_client.auth_request_url(scopes=["read", "write"], redirect_uris="urn:ietf:wg:oauth:2.0:oob", allow_http=True)
show("auth url path", url.split("?")[0].split("/", 3)[3])
page = urllib.request.urlopen(url).read().decode()
code = re.search(r'id="code" value="([^"]+)"', page).group(1)
token = app_client.log_in(
    code=code, redirect_uri="urn:ietf:wg:oauth:2.0:oob", scopes=["read", "write"], to_file=user_file, allow_http=True
)
show(
    "log_in with code",
    {
        "token": bool(token),
        "me": app_client.me().acct,
        "scopes": sorted(app_client.app_verify_credentials().get("scopes") or []),
    },
)
with open(user_file, encoding="utf-8") as handle:
    user_lines = handle.read().splitlines()
show("user file lines", {"count": len(user_lines), "token": user_lines[0] == token})

again = Mastodon(access_token=user_file)
show("client from user file", {"me": again.me().acct, "base": again.api_base_url.split(":")[0]})
persisted = Mastodon(client_id=client_file, access_token=user_file)
show("both files", {"me": persisted.me().acct, "app": persisted.app_verify_credentials().name})

pw_client = Mastodon(client_id=client_file)
try:
    pw_token = pw_client.log_in("bob", "bob-password", scopes=["read", "write"], allow_http=True)
    show("password grant", {"me": pw_client.me().acct, "token": bool(pw_token)})
except MastodonIllegalArgumentError as e:
    show("password grant", type(e).__name__)
try:
    Mastodon(client_id=client_file).log_in("bob", "wrong", scopes=["read"], allow_http=True)
except MastodonIllegalArgumentError as e:
    show("wrong password", type(e).__name__)
except MastodonAPIError as e:
    show("wrong password", {"api error": e.args[1:3]})

try:
    Mastodon(client_id=client_file).log_in(
        code="not-a-code", redirect_uri="urn:ietf:wg:oauth:2.0:oob", scopes=["read"], allow_http=True
    )
except MastodonIllegalArgumentError as e:
    show("bad code", type(e).__name__)
except MastodonAPIError as e:
    show("bad code", {"api error": e.args[1:3]})

try:
    app_client.log_in(
        code=code, redirect_uri="urn:ietf:wg:oauth:2.0:oob", scopes=["read", "write", "admin:read"], allow_http=True
    )
except MastodonIllegalArgumentError as e:
    show("scope check", type(e).__name__)
except MastodonAPIError as e:
    show("scope check", {"api error": e.args[1:3]})

app_client.revoke_access_token(allow_http=True)
try:
    Mastodon(access_token=token, api_base_url=BASE_URL).me()
except MastodonAPIError as e:
    show("revoked token", {"status": e.args[1], "class": type(e).__name__})
show("after revoke", {"access_token": app_client.access_token})

plain = Mastodon(access_token=TOKENS["carol"], api_base_url=BASE_URL)
try:
    plain.persistable_login_credentials()
except MastodonIllegalArgumentError as e:
    show("persist without the app", type(e).__name__)
both = Mastodon(client_id=client_file, access_token=user_file)
kept = both.persistable_login_credentials()
show("persist", {"type": type(kept).__name__, "has the token": both.access_token in str(kept)})
