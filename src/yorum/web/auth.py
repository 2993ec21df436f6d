"""Editors: argon2 passwords, signed session cookies, CSRF checks, who is asking."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request, Response
from sqlalchemy.orm import Session

from yorum.storage import editors
from yorum.storage.models import Editor
from yorum.web.errors import ApiError
from yorum.web.state import AppState, app_state

SESSION_COOKIE = "yorum_session"
CSRF_COOKIE = "yorum_csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_PASSWORD = 1024


class LoginRequired(Exception):
    """A page for editors was asked for without a session: go to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


@dataclass(frozen=True, slots=True)
class Identity:
    """Who acts on an editors' route: a logged-in editor, or the API key."""

    editor_id: int | None
    name: str


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return _hasher().hash("no such editor: same work, same time")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(s: Session, name: str, password: str) -> Editor | None:
    """The editor with this name and password; equal work whether the name exists or not."""
    if len(password) > MAX_PASSWORD:
        return None
    editor = editors.editor_by_name(s, name)
    if editor is None:
        verify_password(_dummy_hash(), password)
        return None
    return editor if verify_password(editor.password_hash, password) else None


def secure_cookies(request: Request) -> bool:
    return app_state(request).settings.secure_cookies(request.url.scheme)


def set_csrf_cookie(request: Request, response: Response, nonce: str) -> None:
    response.set_cookie(
        CSRF_COOKIE, nonce, httponly=True, samesite="lax", secure=secure_cookies(request), path="/"
    )


def start_session(request: Request, response: Response, editor: Editor) -> None:
    """A new session value at every login (a random ``n``: nothing planted before login is
    ever the session), and a new CSRF nonce, so tokens from before the login stop working."""
    state = app_state(request)
    max_age = state.settings.session_hours * 3600
    data = {"e": editor.id, "p": editor.session_epoch, "n": secrets.token_urlsafe(16)}
    response.set_cookie(
        SESSION_COOKIE,
        state.sessions.dumps(data, max_age),
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
        path="/",
    )
    set_csrf_cookie(request, response, state.csrf.new_nonce())


def end_session(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    set_csrf_cookie(request, response, app_state(request).csrf.new_nonce())


def session_editor(request: Request, s: Session) -> Editor | None:
    """The editor whose valid session cookie came with the request."""
    raw = request.cookies.get(SESSION_COOKIE)
    data = app_state(request).sessions.loads(raw) if raw else None
    if data is None or not isinstance(data.get("e"), int):
        return None
    editor = s.get(Editor, data["e"])
    if editor is None or editor.session_epoch != data.get("p"):
        return None
    return editor


def csrf_valid(request: Request, token: str | None) -> bool:
    return app_state(request).csrf.valid(request.cookies.get(CSRF_COOKIE), token)


def require_csrf(request: Request, token: str | None) -> None:
    if not csrf_valid(request, token):
        raise ApiError(403, "csrf")


def _api_key_ok(state: AppState, key: str) -> bool:
    expected = state.settings.api_key
    return bool(expected) and hmac.compare_digest(key.encode(), (expected or "").encode())


def api_identity(request: Request) -> Identity:
    """For API routes: ``X-API-Key``, or an editor's session (+ ``X-CSRF-Token`` on writes)."""
    state = app_state(request)
    key = request.headers.get("x-api-key")
    if key is not None:
        if not _api_key_ok(state, key):
            raise ApiError(403, "bad_api_key")
        return Identity(None, "api")
    with state.db.transaction() as s:
        editor = session_editor(request, s)
        identity = Identity(editor.id, editor.name) if editor else None
    if identity is None:
        raise ApiError(401, "login_required")
    if request.method not in SAFE_METHODS:
        require_csrf(request, request.headers.get("x-csrf-token"))
    return identity


def page_identity(request: Request) -> Identity:
    """For editors' pages: the logged-in editor, or a redirect to the login page."""
    with app_state(request).db.transaction() as s:
        editor = session_editor(request, s)
        if editor is not None:
            return Identity(editor.id, editor.name)
    raise LoginRequired(request.url.path if request.method == "GET" else "/moderation")
