"""Requests sent and values returned by the push endpoints (docs: methods/push.md), and push decryption.

The decryption vectors are made here, by encrypting with the same libraries a server uses
(``cryptography`` and ``http_ece``), for both the legacy ``aesgcm`` and the RFC 8291 ``aes128gcm``.
"""

from __future__ import annotations

import base64
import builtins
import json
import os
from typing import Any

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError
from mastodon.return_types import PushNotification, WebPushSubscription

BASE = "https://mastodon.example"
KEYS = {"pubkey": b"\x04" + bytes(range(64)), "auth": bytes(range(16))}
PUB_B64 = base64.b64encode(KEYS["pubkey"]).decode()
AUTH_B64 = base64.b64encode(KEYS["auth"]).decode()


def test_push_subscription(api: Mastodon, http, example) -> None:
    http.get(f"{BASE}/api/v1/push/subscription", json=example("methods/push.md", "get"))
    result = api.push_subscription()
    assert isinstance(result, WebPushSubscription) and result.alerts.follow is True


def test_push_subscription_set_sends_every_alert_and_the_policy(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/push/subscription", json=example("methods/push.md", "create"))
    result = api.push_subscription_set(
        "push.example/listener/",
        KEYS,
        follow_events=True,
        favourite_events=False,
        reblog_events=True,
        mention_events=True,
        poll_events=False,
        follow_request_events=True,
        status_events=True,
        policy="followed",
        update_events=True,
        admin_sign_up_events=False,
        admin_report_events=True,
        quote_events=True,
        quoted_update_events=False,
        standard=True,
    )
    assert isinstance(result, WebPushSubscription)
    assert form(http.last_request) == [
        ("subscription[endpoint]", "https://push.example/listener"),
        ("subscription[keys][p256dh]", PUB_B64),
        ("subscription[keys][auth]", AUTH_B64),
        ("subscription[standard]", "1"),
        ("data[policy]", "followed"),
        ("data[alerts][follow]", "1"),
        ("data[alerts][favourite]", "0"),
        ("data[alerts][reblog]", "1"),
        ("data[alerts][mention]", "1"),
        ("data[alerts][poll]", "0"),
        ("data[alerts][follow_request]", "1"),
        ("data[alerts][status]", "1"),
        ("data[alerts][update]", "1"),
        ("data[alerts][admin.sign_up]", "0"),
        ("data[alerts][admin.report]", "1"),
        ("data[alerts][quote]", "1"),
        ("data[alerts][quoted_update]", "0"),
    ]


def test_push_subscription_set_minimal(api: Mastodon, http, example, form) -> None:
    http.post(f"{BASE}/api/v1/push/subscription", json=example("methods/push.md", "create"))
    api.push_subscription_set("https://push.example/x", KEYS)
    assert form(http.last_request) == [
        ("subscription[endpoint]", "https://push.example/x"),
        ("subscription[keys][p256dh]", PUB_B64),
        ("subscription[keys][auth]", AUTH_B64),
        ("data[policy]", "all"),
    ]


@pytest.mark.parametrize(
    ("args", "kwargs", "problem"),
    [
        (("https://push.example", KEYS), {"policy": "friends"}, "policy"),
        (("https://push.example", {"pubkey": b"x"}), {}, "encrypt_params"),
        (("https://push.example", {"pubkey": "text", "auth": b"x"}), {}, "pubkey"),
        (("", KEYS), {}, "endpoint"),
    ],
)
def test_push_subscription_set_refuses_bad_input(api: Mastodon, http, args, kwargs, problem) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match=problem):
        api.push_subscription_set(*args, **kwargs)
    assert http.call_count == 0


def test_push_subscription_update_sends_alerts_and_policy(api: Mastodon, http, example, form) -> None:
    http.put(f"{BASE}/api/v1/push/subscription", json=example("methods/push.md", "update"))
    result = api.push_subscription_update(mention_events=True, quote_events=False, policy="follower")
    assert isinstance(result, WebPushSubscription)
    assert form(http.last_request) == [
        ("data[policy]", "follower"),
        ("data[alerts][mention]", "1"),
        ("data[alerts][quote]", "0"),
    ]


def test_push_subscription_update_without_policy(api: Mastodon, http, example, form) -> None:
    http.put(f"{BASE}/api/v1/push/subscription", json=example("methods/push.md", "update"))
    api.push_subscription_update(follow_events=False, policy=None)
    assert form(http.last_request) == [("data[alerts][follow]", "0")]


def test_push_subscription_update_refuses_a_bad_policy(api: Mastodon, http) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="policy"):
        api.push_subscription_update(policy="everyone")
    assert http.call_count == 0


def test_push_subscription_delete(api: Mastodon, http) -> None:
    http.delete(f"{BASE}/api/v1/push/subscription", json={})
    assert api.push_subscription_delete() is None


# ---------------------------------------------------------------------------------------------
# Keys and decryption

NOTIFICATION = {
    "access_token": "secret",
    "preferred_locale": "en",
    "notification_id": 147,
    "notification_type": "mention",
    "icon": "https://files.example/avatar.png",
    "title": "Someone mentioned you",
    "body": "@you hello",
}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_generate_keys_gives_a_matching_p256_pair(api: Mastodon) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    private, public = api.push_subscription_generate_keys()
    assert private["auth"] == public["auth"] and len(public["auth"]) == 16
    assert len(public["pubkey"]) == 65 and public["pubkey"][0] == 4
    derived = ec.derive_private_key(private["privkey"], ec.SECP256R1()).public_key()
    assert (
        derived.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        == (public["pubkey"])
    )


def test_decrypt_push_aes128gcm_round_trip(api: Mastodon, http) -> None:
    import http_ece
    from cryptography.hazmat.primitives.asymmetric import ec

    private, public = api.push_subscription_generate_keys()
    server_key = ec.generate_private_key(ec.SECP256R1())
    body = http_ece.encrypt(
        json.dumps(NOTIFICATION).encode(),
        private_key=server_key,
        dh=public["pubkey"],
        auth_secret=public["auth"],
        version="aes128gcm",
    )
    result = api.push_subscription_decrypt_push(body, private, None, None)
    assert isinstance(result, PushNotification)
    assert result == NOTIFICATION and result.notification_type == "mention"
    assert http.call_count == 0


def test_decrypt_push_legacy_aesgcm_round_trip(api: Mastodon) -> None:
    import http_ece
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    private, public = api.push_subscription_generate_keys()
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_public = server_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    salt = os.urandom(16)
    body = http_ece.encrypt(
        json.dumps(NOTIFICATION).encode(),
        salt=salt,
        private_key=server_key,
        dh=public["pubkey"],
        auth_secret=public["auth"],
        keylabel="P-256",
        version="aesgcm",
    )
    encryption = f"salt={_b64url(salt)}"
    crypto_key = f"dh={_b64url(server_public)};p256ecdsa={_b64url(b'vapid-key-not-needed')}"
    result = api.push_subscription_decrypt_push(body, private, encryption, crypto_key)
    assert isinstance(result, PushNotification) and result == NOTIFICATION


def test_decrypt_push_legacy_needs_the_sender_key(api: Mastodon) -> None:
    private, _ = api.push_subscription_generate_keys()
    with pytest.raises(MastodonIllegalArgumentError, match="dh"):
        api.push_subscription_decrypt_push(b"x", private, "salt=AAAAAAAAAAAAAAAAAAAAAA", "p256ecdsa=abc")


def test_decrypt_push_refuses_bad_params(api: Mastodon) -> None:
    with pytest.raises(MastodonIllegalArgumentError, match="decrypt_params"):
        api.push_subscription_decrypt_push(b"x", {"pubkey": b"x"}, None, None)


def _hide_modules(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in names:
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_missing_webpush_extra_is_named(api: Mastodon, monkeypatch: pytest.MonkeyPatch) -> None:
    private, _ = api.push_subscription_generate_keys()
    _hide_modules(monkeypatch, "cryptography", "http_ece")
    with pytest.raises(MastodonIllegalArgumentError, match=r"pip install mastodon\[webpush\]") as caught:
        api.push_subscription_generate_keys()
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, NotImplementedError)
    with pytest.raises(ImportError, match=r"mastodon\[webpush\]"):
        api.push_subscription_decrypt_push(b"x", private, None, None)


def test_push_module_does_not_import_the_extra() -> None:
    import ast
    import inspect

    import mastodon.endpoints.push as push

    tree = ast.parse(inspect.getsource(push))
    top_level = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = [alias.name for node in top_level for alias in node.names] + [
        node.module or "" for node in top_level if isinstance(node, ast.ImportFrom)
    ]
    assert not any(name.startswith(("cryptography", "http_ece")) for name in names)
