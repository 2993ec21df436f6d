"""The FastAPI application: routes, middleware, error handlers, static files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

import yorum
from yorum.moderation.policy import default_policy, load_policy
from yorum.storage import Database
from yorum.web import errors, preflight
from yorum.web.auth import LoginRequired
from yorum.web.config import ConfigError, Settings
from yorum.web.demo import seed_demo_story
from yorum.web.errors import ApiError
from yorum.web.middleware import BodyLimit, BodyTooLarge, SecurityHeaders
from yorum.web.moderator import ModerateFn, Moderator
from yorum.web.ratelimit import RateLimiter
from yorum.web.routes import api_editors, api_public, login, moderation, pages
from yorum.web.signing import Csrf, Signer, load_secret
from yorum.web.state import AppState

log = logging.getLogger("yorum.web")
STATIC = Path(__file__).parent / "static"


def build_state(
    settings: Settings, db: Database | None = None, moderate_fn: ModerateFn | None = None
) -> AppState:
    policy = load_policy(settings.policy_path) if settings.policy_path else default_policy()
    moderator = Moderator(policy, moderate_fn) if moderate_fn else Moderator(policy)
    secret = settings.secret or load_secret(settings.data_dir)
    return AppState(
        settings=settings,
        db=db or Database(settings.database_url),
        moderator=moderator,
        limiter=RateLimiter(settings.rates),
        sessions=Signer(secret, "session"),
        csrf=Csrf(secret),
    )


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    moderate_fn: ModerateFn | None = None,
) -> FastAPI:
    """The web service. Tests pass their own database and, where needed, a stub engine.

    In production mode an unsafe configuration is a ``ConfigError`` (see ``preflight``).
    """
    settings = settings or Settings.from_env()
    refused = preflight.refusal(settings)
    if refused:
        raise ConfigError(refused)
    state = build_state(settings, db, moderate_fn)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            state.db.ensure_ready()
            if state.settings.demo:
                seed_demo_story(state.db)
        except Exception:  # a database down at start: pages answer 503 until it is back
            log.exception("database not ready at start; will retry on each request")
        yield
        state.db.dispose()

    app = FastAPI(
        title="yorum",
        version=yorum.__version__,
        summary="Comments under the house rule: pre-moderated on submit, an editors' queue.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.yorum = state
    errors.install(app)

    async def on_login_required(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        return RedirectResponse(f"/moderation/login?next={quote(exc.next_path)}", 303)

    async def on_body_too_large(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BodyTooLarge)
        err = ApiError(413, "body_too_large", limit=exc.limit)
        return errors.error_response(request, err)

    app.add_exception_handler(LoginRequired, on_login_required)
    app.add_exception_handler(BodyTooLarge, on_body_too_large)
    for module in (api_public, api_editors, pages, login, moderation):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=state.settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, hsts=state.settings.production)
    return app
