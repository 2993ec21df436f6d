"""Editors' API: the queue and decisions, with session + CSRF header or the API key."""

from __future__ import annotations

from tests.web.conftest import API_KEY, TestClient, demo_story_id, login


def _seed(client: TestClient) -> dict[str, int]:
    sid = demo_story_id(client)
    ids = {}
    for key, text in (("approved", "İyi."), ("rejected", "PIS"), ("review", "HOLD")):
        r = client.post(f"/api/v1/stories/{sid}/comments", json={"author": "x", "text": text})
        ids[key] = r.json()["id"]
    return ids


def test_readers_cannot_reach_editor_routes(client: TestClient) -> None:
    ids = _seed(client)
    assert client.get("/api/v1/queue").status_code == 401
    r = client.post(f"/api/v1/comments/{ids['review']}/decision", json={"decision": "approved"})
    assert r.status_code == 401
    r = client.get("/api/v1/queue", headers={"X-API-Key": "nope"})
    assert r.status_code == 403


def test_queue_with_api_key(client: TestClient) -> None:
    ids = _seed(client)
    client.post(f"/api/v1/comments/{ids['approved']}/reports", json={"reason": "spam"})
    key = {"X-API-Key": API_KEY}
    body = client.get("/api/v1/queue?status=review", headers=key).json()
    assert [c["id"] for c in body["comments"]] == [ids["review"]]
    item = body["comments"][0]
    assert item["status"] == "review" and item["verdict"]["decision"] == "review"
    assert item["verdict"]["violations"][0]["spans"] == [[0, 4]]
    assert body["counts"] == {"review": 1, "reported": 1, "rejected": 1, "approved": 1}
    reported = client.get("/api/v1/queue?status=reported", headers=key).json()["comments"]
    assert reported[0]["reports"][0]["reason"] == "spam"
    assert client.get("/api/v1/queue?status=bogus", headers=key).status_code == 422
    assert client.get("/api/v1/queue?limit=0", headers=key).status_code == 422


def test_decision_with_session_needs_csrf_header(client: TestClient, editor: object) -> None:
    ids = _seed(client)
    token = login(client)
    url = f"/api/v1/comments/{ids['review']}/decision"
    r = client.post(url, json={"decision": "approved", "reason": "fine"})
    assert r.status_code == 403
    r = client.post(
        url, json={"decision": "approved", "reason": "fine"}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "id": ids["review"],
        "status": "approved",
        "previous_status": "review",
        "action_id": r.json()["action_id"],
    }
    sid = demo_story_id(client)
    shown = {c["id"] for c in client.get(f"/api/v1/stories/{sid}/comments").json()["comments"]}
    assert ids["review"] in shown
    queue = client.get("/api/v1/queue?status=review").json()  # GET needs no CSRF header
    assert queue["comments"] == []


def test_decision_errors(client: TestClient) -> None:
    ids = _seed(client)
    key = {"X-API-Key": API_KEY}
    url = "/api/v1/comments/{}/decision"
    cases = [
        (ids["approved"], {"decision": "approved"}, 409),
        (9999, {"decision": "approved"}, 404),
        (ids["review"], {"decision": "maybe"}, 422),
        (ids["review"], {}, 422),
        (ids["review"], {"decision": "rejected", "reason": "x" * 501}, 422),
    ]
    for cid, body, status in cases:
        r = client.post(url.format(cid), json=body, headers=key)
        assert r.status_code == status, (body, r.text)
        assert r.json()["error"]
    r = client.post(url.format(ids["rejected"]), json={"decision": "approved"}, headers=key)
    assert r.status_code == 200 and r.json()["previous_status"] == "rejected"


def test_editor_session_registers_a_story(client: TestClient, editor: object) -> None:
    token = login(client)
    story = {"external_id": "ed-1", "title": "Editörün haberi"}
    assert client.post("/api/v1/stories", json=story).status_code == 403  # no CSRF header
    r = client.post("/api/v1/stories", json=story, headers={"X-CSRF-Token": token})
    assert r.status_code == 201
    audit = client.get("/moderation/audit").text
    assert "ed-1" in audit and "ayse" in audit
