"""Editors' login and logout (argon2, signed session cookie, audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from yorum.storage import editors
from yorum.storage.models import utcnow
from yorum.web.auth import authenticate, end_session, require_csrf, session_editor, start_session
from yorum.web.errors import ApiError
from yorum.web.state import app_state, limit
from yorum.web.templating import render

router = APIRouter(prefix="/moderation", include_in_schema=False)
FormStr = Annotated[str, Form()]
LOGIN = "/moderation/login"


def safe_next(path: str) -> str:
    """Only our own editors' pages: never an open redirect."""
    ok = path.startswith("/moderation") and "//" not in path and "\\" not in path
    return path if ok and not path.startswith("/moderation/log") else "/moderation"


@router.get("/login")
def login_page(request: Request, next: str = "/moderation") -> Response:
    return render(request, "login.html", {"next": safe_next(next), "name": ""})


@router.post("/login")
def login(
    request: Request,
    csrf: FormStr = "",
    name: FormStr = "",
    password: FormStr = "",
    next: FormStr = "/moderation",
) -> Response:
    require_csrf(request, csrf)
    target = safe_next(next)
    try:
        limit(request, "login")
    except ApiError as err:
        ctx = {"next": target, "name": name, "error": err.message(), "page_path": LOGIN}
        return render(request, "login.html", ctx, status=429, headers=err.headers)
    with app_state(request).db.transaction() as s:
        editor = authenticate(s, name.strip(), password)
        if editor is not None:
            editor.last_login_at = utcnow()
            editors.log_action(s, actor=editor.name, editor_id=editor.id, action="login")
    if editor is None:
        error = ApiError(401, "login_failed").message()
        ctx = {"next": target, "name": name, "error": error, "page_path": LOGIN}
        return render(request, "login.html", ctx, status=401)
    response = RedirectResponse(target, status_code=303)
    start_session(request, response, editor)
    return response


@router.post("/logout")
def logout(request: Request, csrf: FormStr = "") -> Response:
    """End this editor's sessions everywhere (the session epoch moves on)."""
    require_csrf(request, csrf)
    with app_state(request).db.transaction() as s:
        editor = session_editor(request, s)
        if editor is not None:
            editor.session_epoch += 1
            editors.log_action(s, actor=editor.name, editor_id=editor.id, action="logout")
    response = RedirectResponse("/", status_code=303)
    end_session(request, response)
    return response
