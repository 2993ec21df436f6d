"""The site secret, signed values (sessions), and CSRF tokens (double submit, signed)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path
from typing import Any

SECRET_FILE = "secret.key"


def load_secret(folder: Path) -> bytes:
    """Read the secret kept in the data folder, creating it (owner-only) on first start."""
    path = folder / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        data = path.read_bytes().strip()
        if len(data) >= 32:
            return data
        raise RuntimeError(f"{path} is damaged: delete it to make a new one") from None
    data = secrets.token_hex(32).encode()
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return data


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    """HMAC-SHA256 signatures, one key per purpose derived from the site secret."""

    def __init__(self, secret: bytes, purpose: str) -> None:
        self._key = hmac.new(secret, purpose.encode(), hashlib.sha256).digest()

    def signature(self, value: str) -> str:
        return _b64(hmac.new(self._key, value.encode(), hashlib.sha256).digest())

    def sign(self, value: str) -> str:
        return f"{value}.{self.signature(value)}"

    def unsign(self, signed: str) -> str | None:
        value, _, sig = signed.rpartition(".")
        if not value or not hmac.compare_digest(sig, self.signature(value)):
            return None
        return value

    def dumps(self, data: dict[str, Any], max_age: float) -> str:
        payload = {**data, "exp": int(time.time() + max_age)}
        return self.sign(_b64(json.dumps(payload, separators=(",", ":")).encode()))

    def loads(self, signed: str) -> dict[str, Any] | None:
        value = self.unsign(signed)
        if value is None:
            return None
        try:
            data = json.loads(_unb64(value))
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("exp"), int):
            return None
        return data if data["exp"] > time.time() else None


class Csrf:
    """Double submit: a random cookie, and a form token that is that value, signed."""

    def __init__(self, secret: bytes) -> None:
        self._signer = Signer(secret, "csrf")

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_urlsafe(24)

    def token(self, nonce: str) -> str:
        return self._signer.sign(nonce)

    def valid(self, cookie: str | None, token: str | None) -> bool:
        if not cookie or not token:
            return False
        nonce = self._signer.unsign(token)
        return nonce is not None and hmac.compare_digest(nonce, cookie)
