"""Hostile input: SQL in every text field, bodies over the limit, floods past the rate limits."""

from __future__ import annotations

import html
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import inspect, select

from tests.web.conftest import API_KEY, MakeClient, TestClient, csrf_token, demo_story_id, login
from yorum.storage import Database
from yorum.storage.models import EditorAction
from yorum.web.config import Rate

SQL = [
    "'; DROP TABLE comments; --",
    '" OR "1"="1" --',
    "Robert'); DELETE FROM stories WHERE ('1'='1",
    "1; SELECT pg_sleep(5); --",
    "% _ \\ \\' \\\" $1 ? :name %(x)s {0} ` ;",
    "admin'/*",
    "' UNION SELECT password_hash FROM editors --",
]
KEY = {"X-API-Key": API_KEY}


def _shown(page: str, value: str) -> bool:
    return value in html.unescape(page)


def test_sql_in_every_text_field_is_stored_and_shown_verbatim(
    client: TestClient, db: Database, editor: tuple[str, str]
) -> None:
    sid = demo_story_id(client)
    for i, value in enumerate(SQL):
        story = {
            "external_id": value,
            "title": value,
            "title_en": value,
            "url": "https://example.org/?q=" + value,
            "body_tr": value,
            "body_en": value,
        }
        r = client.post("/api/v1/stories", json=story, headers=KEY)
        assert r.status_code == 201, r.text
        got = client.get(f"/api/v1/stories/{r.json()['id']}").json()
        assert all(got[k] == v for k, v in story.items() if k in got), got
        assert _shown(client.get(f"/stories/{got['id']}").text, value)

        body = {"author": value, "text": value}
        r = client.post(f"/api/v1/stories/{sid}/comments", json=body)
        assert r.status_code == 201 and r.json()["status"] == "approved", r.text
        cid = r.json()["id"]
        r = client.post(f"/api/v1/comments/{cid}/reports", json={"reason": value})
        assert r.status_code == 201
        held = client.post(f"/api/v1/stories/{sid}/comments", json={"author": "a", "text": "HOLD"})
        r = client.post(
            f"/api/v1/comments/{held.json()['id']}/decision",
            json={"decision": "rejected", "reason": value},
            headers=KEY,
        )
        assert r.status_code == 200, r.text
        token = csrf_token(client, f"/stories/{sid}")
        form = {"csrf": token, "author": value, "text": value + f" (form {i})"}
        assert client.post(f"/stories/{sid}/comments", data=form).status_code == 200

    shown = client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]
    texts = [c["text"] for c in shown]
    assert texts == [t for v in SQL for t in (v, v + f" (form {SQL.index(v)})")]
    assert all(c["author"] in SQL for c in shown)
    page = client.get(f"/stories/{sid}").text
    assert all(_shown(page, v) for v in SQL)
    reported = client.get("/api/v1/queue?status=reported&limit=200", headers=KEY).json()
    assert sorted(r["reason"] for c in reported["comments"] for r in c["reports"]) == sorted(SQL)
    with db.transaction() as s:
        reasons = s.scalars(select(EditorAction.reason).where(EditorAction.action == "rejected"))
        assert sorted(reasons) == sorted(SQL)
    login(client)
    assert all(_shown(client.get("/moderation/audit").text, v) for v in SQL)
    with db.engine.connect() as conn:
        assert {"comments", "stories", "editors"} <= set(inspect(conn).get_table_names())


def test_sql_in_the_login_form_lets_no_one_in(client: TestClient, editor: tuple[str, str]) -> None:
    for value in [*SQL[:3], "ayse' --", "ayse' OR '1'='1"]:
        token = csrf_token(client, "/moderation/login")
        data = {"csrf": token, "name": value, "password": value}
        r = client.post("/moderation/login", data=data, follow_redirects=False)
        assert r.status_code == 401
    assert client.get("/moderation", follow_redirects=False).status_code == 303


def test_bodies_over_the_limit_are_413_and_store_nothing(make_client: MakeClient) -> None:
    client = make_client(max_body_bytes=2000)
    sid = demo_story_id(client)
    big = "ç" * 1500  # 3000 bytes in UTF-8
    url = f"/api/v1/stories/{sid}/comments"
    assert client.post(url, json={"author": "a", "text": big}).status_code == 413
    token = csrf_token(client, f"/stories/{sid}")
    r = client.post(f"/stories/{sid}/comments", data={"csrf": token, "author": "a", "text": big})
    assert r.status_code == 413

    def chunks() -> Any:
        yield b'{"author": "a", "text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    r = client.post(url, content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    lying = client.post(
        url,
        content=b'{"author": "a", "text": "' + b"y" * 5000 + b'"}',
        headers={"content-type": "application/json", "content-length": "10"},
    )
    assert lying.status_code in (400, 413, 422)
    assert client.get(url).json()["comments"] == []
    assert client.post(url, json={"author": "a", "text": "küçük"}).status_code == 201


def test_a_concurrent_flood_gets_exactly_the_burst(make_client: MakeClient) -> None:
    """50 posts at once from one address, burst 5: five stored, 45 told when to come back."""
    rates = {k: Rate(burst=5, every=3600.0) for k in ("comment", "report", "moderate", "login")}
    client = make_client(rates=rates)
    sid = demo_story_id(client)

    def post(i: int) -> tuple[int, str | None]:
        r = client.post(
            f"/api/v1/stories/{sid}/comments", json={"author": "sel", "text": f"yorum {i}"}
        )
        return r.status_code, r.headers.get("Retry-After")

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(post, range(50)))
    assert sorted(s for s, _ in answers).count(201) == 5
    limited = [wait for s, wait in answers if s == 429]
    assert len(limited) == 45
    assert all(wait is not None and 1 <= int(wait) <= 3600 for wait in limited)
    stored = client.get("/api/v1/queue?status=approved", headers=KEY).json()["comments"]
    assert len(stored) == 5
    moderate = [client.post("/api/v1/moderate", json={"text": "a"}).status_code for _ in range(7)]
    assert moderate == [200] * 5 + [429] * 2
