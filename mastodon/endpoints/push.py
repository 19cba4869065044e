"""Web push subscriptions and decrypting push messages.

The cryptography needs the ``webpush`` extra (``cryptography`` and ``http_ece``), imported only by
the methods that use it, so the rest of the library works without it.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Mapping
from typing import Any, get_args

from .._core import NOTHING, Core
from .._validate import check_choice
from .._versions import api_version
from ..errors import MastodonIllegalArgumentError, missing_extra
from ..literals import PushPolicy
from ..return_types import PushNotification, WebPushSubscription

__all__ = ["PushMixin"]

PUSH_POLICIES: tuple[str, ...] = get_args(PushPolicy)

# Keyword argument -> the alert it switches, as the server names it in ``data[alerts][...]``.
_ALERTS = (
    ("follow_events", "follow"),
    ("favourite_events", "favourite"),
    ("reblog_events", "reblog"),
    ("mention_events", "mention"),
    ("poll_events", "poll"),
    ("follow_request_events", "follow_request"),
    ("status_events", "status"),
    ("update_events", "update"),
    ("admin_sign_up_events", "admin.sign_up"),
    ("admin_report_events", "admin.report"),
    ("quote_events", "quote"),
    ("quoted_update_events", "quoted_update"),
)

WebpushCryptoParamsPubkey = dict[str, Any]
"""``{"pubkey": bytes, "auth": bytes}``: what ``push_subscription_set`` sends to the server."""
WebpushCryptoParamsPrivkey = dict[str, Any]
"""``{"privkey": int, "auth": bytes}``: what ``push_subscription_decrypt_push`` decrypts with."""


def _b64decode(data: str) -> bytes:
    """URL-safe (or standard) base64 with or without padding, as push headers carry it."""
    data = data.strip().replace("+", "-").replace("/", "_")
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _header_values(header: str) -> dict[str, str]:
    """``dh=...;p256ecdsa=...`` (or comma separated) as a dict; the first value of a name wins."""
    values: dict[str, str] = {}
    for part in re.split(r"[;,]", header):
        name, sep, value = part.partition("=")
        if sep:
            values.setdefault(name.strip().lower(), value.strip().strip('"'))
    return values


class PushMixin(Core):
    """Endpoints under ``/api/v1/push/subscription``, and the keys and decryption they need."""

    @api_version("2.4.0", "2.4.0")
    def push_subscription(self) -> WebPushSubscription:
        """This app's push subscription for the logged-in user (one per access token)."""
        return self._get("/api/v1/push/subscription", WebPushSubscription)

    @api_version("2.4.0", "4.5.0")
    def push_subscription_set(
        self,
        endpoint: str,
        encrypt_params: WebpushCryptoParamsPubkey,
        follow_events: bool | None = None,
        favourite_events: bool | None = None,
        reblog_events: bool | None = None,
        mention_events: bool | None = None,
        poll_events: bool | None = None,
        follow_request_events: bool | None = None,
        status_events: bool | None = None,
        policy: PushPolicy = "all",
        update_events: bool | None = None,
        admin_sign_up_events: bool | None = None,
        admin_report_events: bool | None = None,
        quote_events: bool | None = None,
        quoted_update_events: bool | None = None,
        standard: bool | None = None,
    ) -> WebPushSubscription:
        """Subscribe this app to web push for the logged-in user, replacing any earlier subscription.

        ``encrypt_params`` is the public half from ``push_subscription_generate_keys``; ``policy`` is
        ``all``, ``none``, ``follower`` or ``followed``; each ``*_events`` switches one alert;
        ``standard=True`` (4.4) asks for RFC 8291 ``aes128gcm`` messages instead of legacy ``aesgcm``.
        """
        check_choice("policy", policy, PUSH_POLICIES)
        if not isinstance(endpoint, str) or not endpoint.strip():
            raise MastodonIllegalArgumentError("endpoint must be the URL the server should push to")
        if not isinstance(encrypt_params, Mapping) or not {"pubkey", "auth"} <= encrypt_params.keys():
            raise MastodonIllegalArgumentError(
                "encrypt_params must be a dict with 'pubkey' and 'auth' (see push_subscription_generate_keys)"
            )
        endpoint = endpoint.strip()
        if not endpoint.startswith(("http://", "https://")):
            endpoint = "https://" + endpoint
        data = _push_data(
            policy,
            follow_events,
            favourite_events,
            reblog_events,
            mention_events,
            poll_events,
            follow_request_events,
            status_events,
            update_events,
            admin_sign_up_events,
            admin_report_events,
            quote_events,
            quoted_update_events,
        )
        return self._post(
            "/api/v1/push/subscription",
            WebPushSubscription,
            subscription={
                "endpoint": endpoint.rstrip("/"),
                "keys": {
                    "p256dh": _b64encode(encrypt_params["pubkey"], "pubkey"),
                    "auth": _b64encode(encrypt_params["auth"], "auth"),
                },
                "standard": standard,
            },
            data=data,
        )

    @api_version("2.4.0", "2.4.0")
    def push_subscription_update(
        self,
        follow_events: bool | None = None,
        favourite_events: bool | None = None,
        reblog_events: bool | None = None,
        mention_events: bool | None = None,
        poll_events: bool | None = None,
        follow_request_events: bool | None = None,
        status_events: bool | None = None,
        policy: PushPolicy | None = "all",
        update_events: bool | None = None,
        admin_sign_up_events: bool | None = None,
        admin_report_events: bool | None = None,
        quote_events: bool | None = None,
        quoted_update_events: bool | None = None,
    ) -> WebPushSubscription:
        """Replace the alerts (and ``policy``) of this app's push subscription; Mastodon turns off alerts not passed."""
        if policy is not None:
            check_choice("policy", policy, PUSH_POLICIES)
        data = _push_data(
            policy,
            follow_events,
            favourite_events,
            reblog_events,
            mention_events,
            poll_events,
            follow_request_events,
            status_events,
            update_events,
            admin_sign_up_events,
            admin_report_events,
            quote_events,
            quoted_update_events,
        )
        return self._put(
            "/api/v1/push/subscription",
            WebPushSubscription,
            data=data,
        )

    @api_version("2.4.0", "2.4.0")
    def push_subscription_delete(self) -> None:
        """Remove this app's push subscription."""
        return self._delete("/api/v1/push/subscription", NOTHING)

    def push_subscription_generate_keys(self) -> tuple[WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey]:
        """A fresh P-256 key pair and auth secret: ``(private, public)``, the public half for ``push_subscription_set``.

        Needs the ``webpush`` extra. Sends no request.
        """
        try:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import ec
        except ImportError as error:
            raise missing_extra("webpush", "cryptography", error) from error
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        secret = os.urandom(16)
        return {"privkey": key.private_numbers().private_value, "auth": secret}, {"pubkey": public, "auth": secret}

    @api_version("2.4.0", "2.4.0")
    def push_subscription_decrypt_push(
        self,
        data: bytes,
        decrypt_params: WebpushCryptoParamsPrivkey,
        encryption_header: str | None,
        crypto_key_header: str | None,
    ) -> PushNotification:
        """Decrypt the body of a web push message into the notification it carries; sends no request.

        ``decrypt_params`` is the private half from ``push_subscription_generate_keys``. For legacy
        ``aesgcm`` messages pass the request's ``Encryption`` and ``Crypto-Key`` headers; standard
        ``aes128gcm`` messages carry salt and key in the body, and both headers may be None.
        Needs the ``webpush`` extra.
        """
        if not isinstance(decrypt_params, Mapping) or not {"privkey", "auth"} <= decrypt_params.keys():
            raise MastodonIllegalArgumentError(
                "decrypt_params must be a dict with 'privkey' and 'auth' (see push_subscription_generate_keys)"
            )
        legacy = bool(encryption_header) and "salt" in _header_values(encryption_header or "")
        salt: bytes | None = None
        sender_key: bytes | None = None
        if legacy:
            salt = _b64decode(_header_values(encryption_header or "")["salt"])
            sender = _header_values(crypto_key_header or "").get("dh")
            if not sender:
                raise MastodonIllegalArgumentError("crypto_key_header has no dh= value (the sender's public key)")
            sender_key = _b64decode(sender)
        try:
            import http_ece
            from cryptography.hazmat.primitives.asymmetric import ec
        except ImportError as error:
            raise missing_extra("webpush", "cryptography and http_ece", error) from error
        private_key = ec.derive_private_key(int(decrypt_params["privkey"]), ec.SECP256R1())
        if legacy:
            plain = http_ece.decrypt(
                data,
                salt=salt,
                private_key=private_key,
                dh=sender_key,
                auth_secret=decrypt_params["auth"],
                keylabel="P-256",
                version="aesgcm",
            )
        else:
            plain = http_ece.decrypt(
                data, private_key=private_key, auth_secret=decrypt_params["auth"], version="aes128gcm"
            )
        return PushNotification._from_json(json.loads(plain.decode("utf-8")))


def _b64encode(value: Any, name: str) -> str:
    """Key material as the server wants it: standard base64 of the raw bytes."""
    if not isinstance(value, (bytes, bytearray)):
        raise MastodonIllegalArgumentError(f"encrypt_params[{name!r}] must be bytes, not {type(value).__name__}")
    return base64.b64encode(bytes(value)).decode("ascii")


def _push_data(policy: str | None, *switches: bool | None) -> dict[str, Any]:
    """``data[policy]`` and ``data[alerts][...]``: the alert switches that were given (in signature order).

    The server reads the policy inside ``data`` on update too, although the API reference shows it top-level there.
    """
    alerts = {alert: value for (_, alert), value in zip(_ALERTS, switches, strict=True) if value is not None}
    return {"policy": policy, "alerts": alerts or None}
