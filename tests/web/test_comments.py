"""Posting with an idempotency key: a retry never stores a second comment."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from tests.web.conftest import MakeClient, TestClient, csrf_token, demo_story_id
from tests.web.fakes import fake_moderate
from yorum.moderation.policy import Policy
from yorum.moderation.verdict import Verdict
from yorum.storage import Database
from yorum.storage.models import Comment, CommentViolation


def _post(client: TestClient, sid: int, key: str | None, text: str = "Merhaba.") -> Any:
    headers = {"Idempotency-Key": key} if key is not None else {}
    body = {"author": "Can", "text": text}
    return client.post(f"/api/v1/stories/{sid}/comments", json=body, headers=headers)


def _rows(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count(Comment.id))) or 0)


def test_a_retry_returns_the_same_comment(client: TestClient, db: Database) -> None:
    sid = demo_story_id(client)
    first = _post(client, sid, "k-1", "Bu gorusme PIS")
    assert first.status_code == 201 and "Idempotent-Replayed" not in first.headers
    again = _post(client, sid, "k-1", "Bu gorusme PIS")
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert _rows(db) == 1
    with db.transaction() as s:  # the clauses were stored once too
        assert s.scalar(select(func.count(CommentViolation.id))) == 2
    other = _post(client, sid, "k-2", "Bu gorusme PIS")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    assert _post(client, sid, None).json()["id"] != _post(client, sid, None).json()["id"]


def test_a_key_with_another_comment_is_422(client: TestClient, db: Database) -> None:
    sid = demo_story_id(client)
    assert _post(client, sid, "k", "Birinci.").status_code == 201
    r = _post(client, sid, "k", "İkinci.")
    assert r.status_code == 422 and "Idempotency-Key" in r.json()["error"]
    assert _rows(db) == 1


def test_bad_keys_are_422(client: TestClient) -> None:
    sid = demo_story_id(client)
    for key in ("x" * 101, "two words", "tab\there", "ü"):
        headers = {"Idempotency-Key": key.encode("utf-8")}
        r = client.post(
            f"/api/v1/stories/{sid}/comments", json={"author": "a", "text": "b"}, headers=headers
        )
        assert r.status_code == 422, key
    assert _post(client, sid, "x" * 100).status_code == 201


def test_a_replay_spends_no_rate_limit(make_client: MakeClient) -> None:
    from yorum.web.config import Rate

    client = make_client(rates={"comment": Rate(burst=1, every=3600.0)})
    sid = demo_story_id(client)
    assert _post(client, sid, "once").status_code == 201
    assert [_post(client, sid, "once").status_code for _ in range(3)] == [201] * 3
    assert _post(client, sid, "new").status_code == 429


def test_the_same_key_at_the_same_moment_is_stored_once(
    make_client: MakeClient, db: Database
) -> None:
    """Four requests pass the look-up together (the engine waits for all four), then race to
    insert: the unique index lets one in, and the others answer with that one."""
    arrived = threading.Barrier(4, timeout=10)

    def slow_engine(text: str, policy: Policy | None = None) -> Verdict:
        if text == "Aynı anda.":
            arrived.wait()
        return fake_moderate(text)

    client = make_client(engine=slow_engine)
    sid = demo_story_id(client)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: _post(client, sid, "race", "Aynı anda."), range(4)))
    assert [a.status_code for a in answers] == [201] * 4
    assert len({a.json()["id"] for a in answers}) == 1
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == 3
    assert _rows(db) == 1


def test_a_form_sent_twice_is_stored_once(client: TestClient, db: Database) -> None:
    sid = demo_story_id(client)
    page = client.get(f"/stories/{sid}").text
    key = page.split('name="post_key" value="')[1].split('"')[0]
    form = {"csrf": csrf_token(client, f"/stories/{sid}"), "author": "Can", "text": "Çift tık."}
    for _ in range(2):
        r = client.post(
            f"/stories/{sid}/comments", data={**form, "post_key": key}, follow_redirects=False
        )
        assert r.status_code == 303 and "notice=approved" in r.headers["location"]
    assert _rows(db) == 1
    fresh = client.get(f"/stories/{sid}").text.split('name="post_key" value="')[1][:24]
    assert not fresh.startswith(key[:24])  # every page view gets its own key
