"""Settings of the web service, read from ``YORUM_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from yorum.storage.db import data_dir, database_url

DEFAULT_IP_RETENTION_DAYS = 730  # law 5651 asks for 1-2 years; 2 years by default
PRODUCTION = ("production", "prod")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names it."""


@dataclass(frozen=True, slots=True)
class Rate:
    """A token bucket: ``burst`` requests at once, then one every ``every`` seconds."""

    burst: int
    every: float


def default_rates() -> dict[str, Rate]:
    return {
        "comment": Rate(burst=5, every=20.0),
        "report": Rate(burst=10, every=30.0),
        "moderate": Rate(burst=30, every=1.0),
        "login": Rate(burst=10, every=30.0),
    }


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    api_key: str | None = None
    ip_retention_days: int = DEFAULT_IP_RETENTION_DAYS
    max_body_bytes: int = 1 << 20
    session_hours: int = 12
    demo: bool = True
    policy_path: Path | None = None
    secret: bytes | None = None  # None: YORUM_SECRET_KEY, else data_dir/secret.key
    rates: dict[str, Rate] = field(default_factory=default_rates)
    production: bool = False  # YORUM_ENV=production: refuse insecure settings (preflight)
    cookie_secure: bool | None = None  # None: Secure cookies in production or over HTTPS

    def secure_cookies(self, scheme: str) -> bool:
        """Whether cookies carry ``Secure`` for a request that came in over ``scheme``."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.production or scheme == "https"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        policy = env.get("YORUM_POLICY", "").strip()
        secret = env.get("YORUM_SECRET_KEY", "").strip()
        return cls(
            data_dir=data_dir(env),
            database_url=database_url(env),
            api_key=env.get("YORUM_API_KEY", "").strip() or None,
            ip_retention_days=_int(env, "YORUM_IP_RETENTION_DAYS", DEFAULT_IP_RETENTION_DAYS),
            max_body_bytes=_int(env, "YORUM_MAX_BODY_BYTES", 1 << 20),
            demo=_flag(env, "YORUM_DEMO") is not False,
            policy_path=Path(policy) if policy else None,
            secret=secret.encode() if secret else None,
            rates=_rates(env),
            production=env.get("YORUM_ENV", "").strip().lower() in PRODUCTION,
            cookie_secure=_flag(env, "YORUM_COOKIE_SECURE"),
        )


def _flag(env: Mapping[str, str], name: str) -> bool | None:
    """A yes/no setting; ``None`` when it is not set."""
    raw = env.get(name, "").strip().lower()
    if not raw:
        return None
    if raw in _TRUE or raw in _FALSE:
        return raw in _TRUE
    raise ConfigError(f"{name} must be 1 or 0, not {raw!r}")


def _rates(env: Mapping[str, str]) -> dict[str, Rate]:
    """The default buckets, each changed by ``YORUM_RATE_<BUCKET>=BURST/SECONDS``."""
    rates = default_rates()
    for bucket in rates:
        name = f"YORUM_RATE_{bucket.upper()}"
        raw = env.get(name, "").strip()
        if not raw:
            continue
        burst, _, every = raw.partition("/")
        try:
            rates[bucket] = Rate(burst=int(burst), every=float(every))
        except ValueError:
            raise ConfigError(f"{name} must be BURST/SECONDS, like 5/20, not {raw!r}") from None
        if rates[bucket].burst < 1 or not rates[bucket].every > 0:
            raise ConfigError(f"{name} needs a burst of at least 1 and seconds above 0")
    return rates


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value
