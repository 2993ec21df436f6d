"""Settings of the web service, read from ``YORUM_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from yorum.storage.db import data_dir, database_url

DEFAULT_IP_RETENTION_DAYS = 730  # law 5651 asks for 1-2 years; 2 years by default


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
            demo=env.get("YORUM_DEMO", "1").strip().lower() not in ("0", "false", "no", "off"),
            policy_path=Path(policy) if policy else None,
            secret=secret.encode() if secret else None,
        )


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
