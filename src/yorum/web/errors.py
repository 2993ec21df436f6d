"""Errors as ``{"error": "..."}`` JSON on the API and as a page elsewhere, never a bare 500."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from yorum import messages
from yorum.storage.errors import Conflict, NotFound

log = logging.getLogger("yorum.web")
DB_RETRY_AFTER = 5
_STATUS_KEYS = {
    400: "bad_request",
    401: "login_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
}


class ApiError(Exception):
    """An error with its status and message key (``messages.WEB_ERRORS``)."""

    def __init__(
        self, status: int, key: str, *, headers: dict[str, str] | None = None, **fmt: Any
    ) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.fmt = fmt
        self.headers = headers or {}
        self.extra: dict[str, Any] = {}

    def message(self) -> dict[str, str]:
        return messages.web_error(self.key, **self.fmt)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, err: ApiError) -> Response:
    msg = err.message()
    if wants_json(request):
        body = {"error": msg["en"], "message": msg, **err.extra}
        return JSONResponse(body, status_code=err.status, headers=err.headers)
    from yorum.web.templating import render

    return render(
        request,
        "error.html",
        {"status": err.status, "msg": msg},
        status=err.status,
        headers=err.headers,
    )


def _validation_error(exc: RequestValidationError) -> ApiError:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return ApiError(400, "bad_json")
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    return ApiError(422, "invalid", detail="; ".join(parts))


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a clear answer."""

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(request, exc)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, _validation_error(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        key = _STATUS_KEYS.get(exc.status_code, "bad_request")
        err = ApiError(exc.status_code, key, headers=dict(exc.headers or {}))
        return error_response(request, err)

    async def on_not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotFound)
        return error_response(request, ApiError(404, f"{exc.key}_not_found"))

    async def on_conflict(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Conflict)
        err = ApiError(409, exc.key)
        err.fmt = {k: str(v) for k, v in exc.info.items()}
        return error_response(request, err)

    async def on_db_down(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", exc)
        headers = {"Retry-After": str(DB_RETRY_AFTER)}
        return error_response(request, ApiError(503, "db_unavailable", headers=headers))

    async def on_crash(request: Request, exc: Exception) -> Response:
        # Starlette re-raises after this answer, so the server logs the traceback once.
        return error_response(request, ApiError(500, "internal"))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(Conflict, on_conflict)
    for exc_type in (OperationalError, DisconnectionError, PoolTimeout):
        app.add_exception_handler(exc_type, on_db_down)
    app.add_exception_handler(DBAPIError, on_db_error)
    app.add_exception_handler(Exception, on_crash)


async def on_db_error(request: Request, exc: Exception) -> Response:
    """Driver errors: a lost connection is 503; anything else is our bug (500)."""
    assert isinstance(exc, DBAPIError)
    if exc.connection_invalidated or isinstance(exc, InterfaceError):
        headers = {"Retry-After": str(DB_RETRY_AFTER)}
        return error_response(request, ApiError(503, "db_unavailable", headers=headers))
    log.exception("database error on %s", request.url.path, exc_info=exc)
    return error_response(request, ApiError(500, "internal"))
