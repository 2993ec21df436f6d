"""The public API: moderate, stories, comments and threads, reports, and their errors."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import API_KEY, MakeClient, TestClient, demo_story_id
from yorum.moderation.prepare import MAX_CHARS

DECISIONS = {"approved", "rejected", "review"}


def _post(client: TestClient, story_id: int, text: str, **extra: Any) -> Any:
    return client.post(
        f"/api/v1/stories/{story_id}/comments", json={"author": "Ayşe", "text": text, **extra}
    )


def assert_verdict_shape(v: dict[str, Any]) -> None:
    """DESIGN §2: the fixed field names."""
    assert v["decision"] in DECISIONS
    assert isinstance(v["language"], str)
    assert "suggestion" in v
    for item in v["violations"]:
        assert {"rule", "severity", "score", "spans", "message", "suggestion"} <= set(item)
        assert set(item["message"]) >= {"tr", "en"}


def test_moderate_with_the_real_engine_stores_nothing(engine_client: TestClient) -> None:
    sid = demo_story_id(engine_client)
    for text in ("Bu haber çok önemli.", "This is a fine article.", "Bu gorusme cok onemli"):
        r = engine_client.post("/api/v1/moderate", json={"text": text})
        assert r.status_code == 200, r.text
        assert_verdict_shape(r.json())
    assert engine_client.get(f"/api/v1/stories/{sid}/comments").json()["comments"] == []


def test_post_with_the_real_engine(engine_client: TestClient) -> None:
    sid = demo_story_id(engine_client)
    r = _post(engine_client, sid, "Zirve haberini ilgiyle okudum, teşekkürler.")
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) == {"id", "status", "verdict"}
    assert body["status"] == body["verdict"]["decision"]
    assert "engine_error" not in body["verdict"]  # the engine ran, it was not bypassed
    assert_verdict_shape(body["verdict"])
    shown = engine_client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]
    assert [c["id"] for c in shown] == ([body["id"]] if body["status"] == "approved" else [])


def test_moderate_input_errors(client: TestClient) -> None:
    cases = [
        ({"text": ""}, 422),
        ({"text": "   \n"}, 422),
        ({"text": "x" * (MAX_CHARS + 1)}, 413),
        ({"text": "a\x00b"}, 400),
        ({"text": 42}, 422),
        ({}, 422),
        ([1, 2], 422),
    ]
    for body, status in cases:
        r = client.post("/api/v1/moderate", json=body)
        assert r.status_code == status, (body, r.text)
        assert isinstance(r.json()["error"], str) and r.json()["error"]
    lone_surrogate = b'{"text": "\\ud800 broken"}'
    r = client.post(
        "/api/v1/moderate", content=lone_surrogate, headers={"content-type": "application/json"}
    )
    assert r.status_code == 400


def test_binary_junk_is_a_clear_4xx(client: TestClient) -> None:
    junk = bytes(range(256)) * 4
    for ctype in ("application/json", "application/octet-stream", "text/plain", None):
        headers = {"content-type": ctype} if ctype else {}
        r = client.post("/api/v1/moderate", content=junk, headers=headers)
        assert 400 <= r.status_code < 500, (ctype, r.status_code)
        assert "error" in r.json()
    r = client.post(
        "/api/v1/moderate",
        content=b'{"text": "\xff\xfe"}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 400


def test_body_over_the_limit_is_413(make_client: MakeClient) -> None:
    client = make_client(max_body_bytes=1000)
    r = client.post("/api/v1/moderate", json={"text": "a" * 2000})
    assert r.status_code == 413
    assert "too large" in r.json()["error"]


def test_list_and_get_stories(client: TestClient) -> None:
    stories = client.get("/api/v1/stories").json()["stories"]
    assert len(stories) == 1 and stories[0]["external_id"] == "demo-spaceport-summit"
    sid = stories[0]["id"]
    assert client.get(f"/api/v1/stories/{sid}").json()["title_en"].startswith("Two leaders")
    assert client.get("/api/v1/stories/9999").status_code == 404
    assert client.get("/api/v1/stories/abc").status_code == 422


def test_register_story_needs_editor_or_api_key(client: TestClient) -> None:
    story = {"external_id": "haber-42", "title": "Başlık", "url": "https://example.org/42"}
    assert client.post("/api/v1/stories", json=story).status_code == 401
    r = client.post("/api/v1/stories", json=story, headers={"X-API-Key": "wrong"})
    assert r.status_code == 403
    r = client.post("/api/v1/stories", json=story, headers={"X-API-Key": API_KEY})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["external_id"] == "haber-42" and created["comments"] == 0
    again = client.post("/api/v1/stories", json=story, headers={"X-API-Key": API_KEY})
    assert again.status_code == 409 and again.json()["id"] == created["id"]
    ids = {s["external_id"] for s in client.get("/api/v1/stories").json()["stories"]}
    assert ids == {"haber-42", "demo-spaceport-summit"}


def test_register_story_validation(client: TestClient) -> None:
    key = {"X-API-Key": API_KEY}
    bad = [
        {"external_id": "", "title": "t"},
        {"external_id": "x", "title": ""},
        {"external_id": "x", "title": "t", "url": "javascript:alert(1)"},
        {"external_id": "x", "title": "t\x00"},
        {"title": "t"},
    ]
    for body in bad:
        r = client.post("/api/v1/stories", json=body, headers=key)
        assert r.status_code in (400, 422), (body, r.text)


def test_no_api_key_configured_refuses_every_key(make_client: MakeClient) -> None:
    client = make_client(api_key=None)
    r = client.post(
        "/api/v1/stories", json={"external_id": "a", "title": "t"}, headers={"X-API-Key": ""}
    )
    assert r.status_code == 403


def test_post_comment_statuses(client: TestClient) -> None:
    sid = demo_story_id(client)
    ok = _post(client, sid, "Güzel bir haber.")
    assert ok.status_code == 201 and ok.json()["status"] == "approved"
    bad = _post(client, sid, "Bu gorusme cok onemli bir adim")
    assert bad.status_code == 201 and bad.json()["status"] == "rejected"
    assert bad.json()["verdict"]["suggestion"] == "Bu görüşme çok önemli bir adım"
    held = _post(client, sid, "Bunu HOLD etmeli")
    assert held.status_code == 201 and held.json()["status"] == "review"
    shown = client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]
    assert [c["id"] for c in shown] == [ok.json()["id"]]
    assert "ip" not in shown[0] and "verdict" not in shown[0]


def test_threads(client: TestClient) -> None:
    sid = demo_story_id(client)
    root = _post(client, sid, "Kök yorum.").json()["id"]
    reply = _post(client, sid, "Yanıt.", parent_id=root).json()["id"]
    deeper = _post(client, sid, "Yanıta yanıt.", parent_id=reply).json()["id"]
    other = _post(client, sid, "İkinci kök.").json()["id"]
    tree = client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]
    assert [c["id"] for c in tree] == [root, other]
    assert tree[0]["replies"][0]["id"] == reply
    assert tree[0]["replies"][0]["replies"][0]["id"] == deeper
    assert tree[0]["replies"][0]["parent_id"] == root


def test_post_comment_errors(client: TestClient) -> None:
    sid = demo_story_id(client)
    held = _post(client, sid, "HOLD bu").json()["id"]
    url = f"/api/v1/stories/{sid}/comments"
    cases = [
        (9999, {"author": "a", "text": "t"}, 404),
        (sid, {"author": "a", "text": ""}, 422),
        (sid, {"author": "", "text": "t"}, 422),
        (sid, {"author": "a" * 81, "text": "t"}, 422),
        (sid, {"author": "a", "text": "t", "parent_id": held}, 422),
        (sid, {"author": "a", "text": "t", "parent_id": 12345}, 422),
        (sid, {"author": "a", "text": "t", "parent_id": "x"}, 422),
        (sid, {"author": "a\x07", "text": "t"}, 400),
        (sid, {"text": "t"}, 422),
    ]
    for story_id, body, status in cases:
        r = client.post(url.replace(str(sid), str(story_id)), json=body)
        assert r.status_code == status, (body, r.text)
        assert r.json()["error"]


def test_author_name_is_held_to_the_house_rule(client: TestClient) -> None:
    r = _post(client, demo_story_id(client), "Merhaba.", author="PIS adam")
    assert r.status_code == 422


def test_engine_crash_holds_the_comment(make_client: MakeClient) -> None:
    def broken(text: str, policy: object) -> Any:
        if text == "Merhaba.":
            raise RuntimeError("engine bug")
        from tests.web.fakes import fake_moderate

        return fake_moderate(text)

    client = make_client(engine=broken)
    r = _post(client, demo_story_id(client), "Merhaba.")
    assert r.status_code == 201 and r.json()["status"] == "review"
    assert r.json()["verdict"]["engine_error"] is True
    queue = client.get("/api/v1/queue", headers={"X-API-Key": API_KEY}).json()["comments"]
    assert queue[0]["verdict"]["engine_error"] is True


def test_reports(client: TestClient) -> None:
    sid = demo_story_id(client)
    cid = _post(client, sid, "Bildirilecek yorum.").json()["id"]
    r = client.post(f"/api/v1/comments/{cid}/reports", json={"reason": "spam"})
    assert r.status_code == 201 and r.json()["comment_id"] == cid
    assert client.post(f"/api/v1/comments/{cid}/reports").status_code == 409
    assert client.post("/api/v1/comments/9999/reports").status_code == 404
    held = _post(client, sid, "HOLD").json()["id"]
    assert client.post(f"/api/v1/comments/{held}/reports").status_code == 404
    r = client.post(f"/api/v1/comments/{cid}/reports", json={"reason": "x" * 501})
    assert r.status_code == 422


def test_rate_limits_answer_429_with_retry_after(make_client: MakeClient) -> None:
    from yorum.web.config import Rate

    tight = {k: Rate(burst=2, every=60.0) for k in ("comment", "report", "moderate", "login")}
    client = make_client(rates=tight)
    sid = demo_story_id(client)
    for _ in range(2):
        assert client.post("/api/v1/moderate", json={"text": "a"}).status_code == 200
    r = client.post("/api/v1/moderate", json={"text": "a"})
    assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 60
    ids = [_post(client, sid, f"yorum {i}").json()["id"] for i in range(2)]
    r = _post(client, sid, "bir tane daha")
    assert r.status_code == 429 and "Retry-After" in r.headers
    for cid in ids:
        assert client.post(f"/api/v1/comments/{cid}/reports").status_code == 201
    assert client.post(f"/api/v1/comments/{ids[0]}/reports").status_code == 429


def test_ids_beyond_any_integer_column_are_4xx(client: TestClient) -> None:
    huge = 2**40
    assert client.get(f"/api/v1/stories/{huge}").status_code == 422
    assert client.get(f"/api/v1/stories/{huge}/comments").status_code == 422
    assert client.post(f"/api/v1/comments/{huge}/reports").status_code == 422
    sid = demo_story_id(client)
    assert _post(client, sid, "t", parent_id=huge).status_code == 422
    assert client.get(f"/stories/{sid}?reply={huge}").status_code == 200
