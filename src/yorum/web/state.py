"""What every request needs, built once per app: settings, database, engine, limiter, keys."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from yorum.storage import Database
from yorum.web.config import Settings
from yorum.web.errors import ApiError
from yorum.web.moderator import Moderator
from yorum.web.ratelimit import RateLimiter
from yorum.web.signing import Csrf, Signer


@dataclass(slots=True)
class AppState:
    settings: Settings
    db: Database
    moderator: Moderator
    limiter: RateLimiter
    sessions: Signer
    csrf: Csrf


def app_state(request: Request) -> AppState:
    state = request.app.state.yorum
    assert isinstance(state, AppState)
    return state


def client_ip(request: Request) -> str | None:
    """The reader's address (uvicorn applies X-Forwarded-For from trusted proxies)."""
    return request.client.host if request.client else None


def limit(request: Request, bucket: str) -> None:
    """Spend one token of ``bucket`` for this address, or answer 429 with Retry-After."""
    wait = app_state(request).limiter.hit(bucket, client_ip(request) or "?")
    if wait is not None:
        raise ApiError(429, "rate_limited", headers={"Retry-After": str(wait)}, seconds=wait)
