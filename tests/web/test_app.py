"""The app as a whole: headers, OpenAPI, error shapes, dead database, body limit, demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import TestClient, make_settings
from tests.web.fakes import fake_moderate
from yorum.storage import Database
from yorum.web import create_app
from yorum.web.middleware import CSP

ROUTES = {
    ("/api/v1/moderate", "post"),
    ("/api/v1/stories", "get"),
    ("/api/v1/stories", "post"),
    ("/api/v1/stories/{story_id}/comments", "get"),
    ("/api/v1/stories/{story_id}/comments", "post"),
    ("/api/v1/comments/{comment_id}/reports", "post"),
    ("/api/v1/comments/{comment_id}/decision", "post"),
    ("/api/v1/queue", "get"),
}


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/v1/stories", "/static/style.css", "/nope"):
        h = client.get(path).headers
        assert h["content-security-policy"] == CSP
        assert h["x-frame-options"] == "DENY"
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "same-origin"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert "'unsafe-eval'" not in CSP and "frame-ancestors 'none'" in CSP
    assert "object-src 'none'" in CSP and "base-uri 'none'" in CSP


def test_no_inline_script_or_style_in_pages(client: TestClient) -> None:
    page = client.get("/stories/1").text
    assert "<script>" not in page and "<script src=" in page
    assert " style=" not in page and "<style" not in page
    assert " onclick=" not in page


def test_openapi_lists_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    found = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert found >= ROUTES
    assert client.get("/docs").status_code == 404  # docs pages would need a CDN


def test_errors_are_json_on_the_api_and_pages_elsewhere(client: TestClient) -> None:
    r = client.get("/api/v1/nope")
    assert r.status_code == 404 and r.json()["error"] == "Not found."
    r = client.delete("/api/v1/stories")
    assert r.status_code == 405 and "error" in r.json()
    r = client.get("/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_streamed_body_over_the_limit_is_413(tmp_path: Path, db: Database) -> None:
    app = create_app(make_settings(tmp_path, max_body_bytes=100), db=db, moderate_fn=fake_moderate)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b'{"text": "' + b"a" * 50 + b'"}'

    with TestClient(app) as client:
        r = client.post(
            "/api/v1/moderate", content=chunks(), headers={"content-type": "application/json"}
        )
    assert r.status_code == 413


@pytest.mark.parametrize(
    "url",
    ["sqlite:////nonexistent-dir/yorum/x.db", "postgresql+psycopg://postgres@127.0.0.1:1/none"],
)
def test_dead_database_is_503_with_retry_after(tmp_path: Path, url: str) -> None:
    dead = Database(url)
    app = create_app(make_settings(tmp_path), db=dead, moderate_fn=fake_moderate)
    with TestClient(app) as client:
        r = client.get("/api/v1/stories")
        assert r.status_code == 503 and r.headers["Retry-After"] == "5"
        assert "database" in r.json()["error"]
        r = client.post("/api/v1/stories/1/comments", json={"author": "a", "text": "b"})
        assert r.status_code == 503
        r = client.get("/")
        assert r.status_code == 503 and r.headers["content-type"].startswith("text/html")
        assert client.post("/api/v1/moderate", json={"text": "ok"}).status_code == 200


def test_demo_story_is_created_once(tmp_path: Path, db: Database) -> None:
    for _ in range(2):
        with TestClient(create_app(make_settings(tmp_path), db=db)) as client:
            assert len(client.get("/api/v1/stories").json()["stories"]) == 1
    with TestClient(create_app(make_settings(tmp_path, demo=False), db=db)) as client:
        assert len(client.get("/api/v1/stories").json()["stories"]) == 1


def test_secret_is_created_in_the_data_folder(tmp_path: Path, db: Database) -> None:
    create_app(make_settings(tmp_path, secret=None), db=db)
    key = tmp_path / "secret.key"
    assert key.exists() and key.stat().st_mode & 0o777 == 0o600
    first = key.read_bytes()
    create_app(make_settings(tmp_path, secret=None), db=db)
    assert key.read_bytes() == first
