"""Who may do what: forged forms (CSRF), session fixation, editors' routes without a login."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute

from tests.web.conftest import API_KEY, EDITOR, TestClient, csrf_token, demo_story_id, login
from yorum.storage import Database, repo
from yorum.web.signing import Csrf

SESSION, CSRF = "yorum_session", "yorum_csrf"
# Routes anyone may use; every other route must refuse a visitor without a login.
PUBLIC = {
    ("GET", "/"),
    ("GET", "/stories/{story_id}"),
    ("POST", "/stories/{story_id}/comments"),
    ("POST", "/stories/{story_id}/comments/{comment_id}/report"),
    ("GET", "/moderation/login"),
    ("POST", "/moderation/login"),
    ("POST", "/moderation/logout"),
    ("POST", "/api/v1/moderate"),
    ("GET", "/api/v1/stories"),
    ("GET", "/api/v1/stories/{story_id}"),
    ("GET", "/api/v1/stories/{story_id}/comments"),
    ("POST", "/api/v1/stories/{story_id}/comments"),
    ("POST", "/api/v1/comments/{comment_id}/reports"),
}


def _comment(client: TestClient, text: str = "Güzel haber.") -> int:
    sid = demo_story_id(client)
    r = client.post(f"/api/v1/stories/{sid}/comments", json={"author": "Ece", "text": text})
    return int(r.json()["id"])


def _count(db: Database) -> int:
    with db.transaction() as s:
        return sum(len(repo.approved_threads(s, st.id)) for st, _ in repo.list_stories(s))


def _forged_tokens(client: TestClient) -> list[str | None]:
    """No token, junk, a token signed with another key, and a real token for another nonce."""
    real = csrf_token(client, "/stories/1")
    other = Csrf(b"x" * 32).token(client.cookies.get(CSRF) or "")
    stranger = TestClient(client.app)
    foreign = csrf_token(stranger, "/stories/1")  # valid, but for the stranger's cookie
    return [None, "", "junk", real[:-2] + "AA", other, foreign]


def test_forged_reader_forms_are_403_and_change_nothing(client: TestClient, db: Database) -> None:
    sid = demo_story_id(client)
    cid = _comment(client)
    before = _count(db)
    for token in _forged_tokens(client):
        data = {"author": "Sahte", "text": "Sahte yorum."}
        if token is not None:
            data["csrf"] = token
        assert client.post(f"/stories/{sid}/comments", data=data).status_code == 403
        report = {"csrf": token} if token is not None else {}
        r = client.post(f"/stories/{sid}/comments/{cid}/report", data=report)
        assert r.status_code == 403
    assert _count(db) == before
    queue = client.get("/api/v1/queue?status=reported", headers={"X-API-Key": API_KEY})
    assert queue.json()["comments"] == []
    client.cookies.delete(CSRF)  # a real token without its cookie is no token
    data = {"csrf": csrf_token(TestClient(client.app), "/stories/1"), "author": "a", "text": "b"}
    assert client.post(f"/stories/{sid}/comments", data=data).status_code == 403


def test_forged_editor_writes_are_403(client: TestClient, editor: tuple[str, str]) -> None:
    cid = _comment(client, "HOLD bu")
    good = login(client)
    for token in _forged_tokens(client):
        data = {"one": f"approved:{cid}"} | ({"csrf": token} if token is not None else {})
        assert client.post("/moderation/decide", data=data).status_code == 403
        headers = {"X-CSRF-Token": token} if token is not None else {}
        r = client.post(
            f"/api/v1/comments/{cid}/decision", json={"decision": "approved"}, headers=headers
        )
        assert r.status_code == 403
        r = client.post("/moderation/logout", data={"csrf": token} if token else {})
        assert r.status_code == 403
    assert client.get("/moderation", follow_redirects=False).status_code == 200  # still in
    r = client.post(
        f"/api/v1/comments/{cid}/decision",
        json={"decision": "approved"},
        headers={"X-CSRF-Token": good},
    )
    assert r.status_code == 200


def test_login_rotates_session_and_csrf(client: TestClient, editor: tuple[str, str]) -> None:
    """Session fixation: nothing set before the login is the session after it."""
    client.cookies.set(SESSION, "planted-by-attacker", domain="testserver.local")
    before_token = csrf_token(client, "/moderation/login")
    planted_nonce = client.cookies.get(CSRF)
    login(client)
    first = client.cookies.get(SESSION)
    assert first and first != "planted-by-attacker"
    assert client.cookies.get(CSRF) != planted_nonce  # a nonce known before login is dead
    r = client.post("/moderation/logout", data={"csrf": before_token})
    assert r.status_code == 403
    again = TestClient(client.app)
    login(again)  # the same editor, the same second: still a new session
    assert again.cookies.get(SESSION) not in (None, first)
    assert client.get("/moderation", follow_redirects=False).status_code == 200


def test_session_cookie_flags(client: TestClient, editor: tuple[str, str]) -> None:
    token = csrf_token(client, "/moderation/login")
    r = client.post(
        "/moderation/login",
        data={"csrf": token, "name": EDITOR[0], "password": EDITOR[1]},
        follow_redirects=False,
    )
    cookies = r.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith(SESSION + "="))
    assert re.search(r"(?i)httponly", session) and re.search(r"(?i)samesite=lax", session)
    assert "secure" not in session.lower()  # plain HTTP in tests; production: see test_preflight
    https = TestClient(client.app, base_url="https://testserver")
    token = csrf_token(https, "/moderation/login")
    r = https.post(
        "/moderation/login",
        data={"csrf": token, "name": EDITOR[0], "password": EDITOR[1]},
        follow_redirects=False,
    )
    assert all("secure" in c.lower() for c in r.headers.get_list("set-cookie"))


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every APIRoute, also inside included routers (newer FastAPI keeps them nested)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif (inner := getattr(route, "original_router", None)) is not None:
            found.extend(_api_routes(inner.routes))
    return found


def _fill(path: str) -> str:
    return path.replace("{story_id}", "1").replace("{comment_id}", "1")


def test_every_other_route_needs_an_editor(client: TestClient) -> None:
    """A route added later without a login check fails here."""
    _comment(client)
    token = csrf_token(client, "/stories/1")
    guarded = []
    for route in _api_routes(client.app.routes):  # type: ignore[attr-defined]
        for method in route.methods:
            if (method, route.path) in PUBLIC or method == "HEAD":
                continue
            guarded.append((method, route.path))
            path = _fill(route.path)
            if method == "GET":
                r = client.get(path, follow_redirects=False)
            else:
                r = client.request(method, path, data={"csrf": token}, follow_redirects=False)
            if path.startswith("/api/"):
                assert r.status_code == 401, (method, path, r.status_code)
            else:
                assert r.status_code == 303, (method, path, r.status_code)
                assert r.headers["location"].startswith("/moderation/login")
    assert len(guarded) >= 6, guarded


@pytest.mark.parametrize("key", ["", "wrong", API_KEY + "x", API_KEY[:-1]])
def test_wrong_api_keys_are_refused(client: TestClient, key: str) -> None:
    r = client.get("/api/v1/queue", headers={"X-API-Key": key})
    assert r.status_code == 403
