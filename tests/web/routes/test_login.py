"""Editors' login and logout: argon2, signed cookie, CSRF, audited, rate limited."""

from __future__ import annotations

from tests.web.conftest import EDITOR, MakeClient, TestClient, csrf_token, login
from yorum import messages
from yorum.storage import Database, editors


def test_editor_pages_redirect_readers_to_login(client: TestClient) -> None:
    for path in ("/moderation", "/moderation/audit", "/moderation/stats"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == f"/moderation/login?next={path}"
    r = client.post("/moderation/decide", data={}, follow_redirects=False)
    assert r.status_code == 303


def test_login_and_logout(client: TestClient, editor: tuple[str, str], db: Database) -> None:
    token = csrf_token(client, "/moderation/login?next=/moderation/audit")
    r = client.post(
        "/moderation/login",
        data={"csrf": token, "name": EDITOR[0], "password": EDITOR[1], "next": "/moderation/audit"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/moderation/audit"
    cookie = r.headers["set-cookie"]
    assert "yorum_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/moderation").status_code == 200
    stolen = client.cookies.get("yorum_session")
    r = client.post("/moderation/logout", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 403  # the login changed the CSRF cookie: the old token is spent
    token = csrf_token(client, "/moderation")
    r = client.post("/moderation/logout", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/moderation", follow_redirects=False).status_code == 303
    client.cookies.set("yorum_session", stolen or "")
    assert client.get("/moderation", follow_redirects=False).status_code == 303  # epoch moved
    with db.transaction() as s:
        assert [a.action for a in editors.audit_log(s)] == ["logout", "login"]


def test_wrong_password_and_unknown_editor(client: TestClient, editor: tuple[str, str]) -> None:
    token = csrf_token(client, "/moderation/login")
    for name, password in ((EDITOR[0], "wrong"), ("nobody", EDITOR[1]), (EDITOR[0], "")):
        r = client.post(
            "/moderation/login", data={"csrf": token, "name": name, "password": password}
        )
        assert r.status_code == 401
        assert messages.WEB_ERRORS["login_failed"]["tr"] in r.text
    assert "yorum_session" not in client.cookies


def test_login_needs_csrf(client: TestClient, editor: tuple[str, str]) -> None:
    client.get("/moderation/login")
    r = client.post("/moderation/login", data={"name": EDITOR[0], "password": EDITOR[1]})
    assert r.status_code == 403


def test_tampered_session_is_ignored(client: TestClient, editor: tuple[str, str]) -> None:
    login(client)
    value = client.cookies.get("yorum_session") or ""
    client.cookies.set("yorum_session", value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1])
    assert client.get("/moderation", follow_redirects=False).status_code == 303


def test_no_open_redirect(client: TestClient, editor: tuple[str, str]) -> None:
    for target in ("https://evil.example/", "//evil.example", "/moderation//evil", "/"):
        token = csrf_token(client, "/moderation/login")
        r = client.post(
            "/moderation/login",
            data={"csrf": token, "name": EDITOR[0], "password": EDITOR[1], "next": target},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/moderation"


def test_login_is_rate_limited(make_client: MakeClient, editor: tuple[str, str]) -> None:
    from yorum.web.config import Rate

    client = make_client(rates={"login": Rate(burst=2, every=300.0)})
    token = csrf_token(client, "/moderation/login")
    for _ in range(2):
        data = {"csrf": token, "name": EDITOR[0], "password": "guess"}
        assert client.post("/moderation/login", data=data).status_code == 401
    data = {"csrf": token, "name": EDITOR[0], "password": EDITOR[1]}
    r = client.post("/moderation/login", data=data)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
