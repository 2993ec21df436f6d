"""A database that goes away: 503 with Retry-After at once, nothing half-stored, and service
back by itself when the database returns. PostgreSQL is reached through a TCP proxy that the
test cuts (every open connection closed, new ones refused) and restores."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.web.conftest import API_KEY, TestClient, make_settings
from tests.web.fakes import fake_moderate
from tests.web.faults import TcpProxy
from yorum.storage import Database
from yorum.storage.testing import pg_database, pg_reachable, pg_required, pg_test_url
from yorum.web import create_app

KEY = {"X-API-Key": API_KEY}
ANSWER_WITHIN = 6.0  # seconds: a request while the database is away must not hang


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    if not pg_reachable() and not pg_required():
        pytest.skip("PostgreSQL test server not reachable (set YORUM_TEST_PG to require it)")
    parts = urlsplit(pg_test_url())
    relay = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    relay.start()
    try:
        yield relay
    finally:
        relay.stop()


def _through(relay: TcpProxy) -> str:
    parts = urlsplit(pg_test_url())
    user = f"{parts.username}@" if parts.username else ""
    password = f":{parts.password}" if parts.password else ""
    netloc = f"{user[:-1]}{password}@127.0.0.1:{relay.port}" if user else f"127.0.0.1:{relay.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def _story(client: TestClient) -> int:
    r = client.post("/api/v1/stories", json={"external_id": "e", "title": "Haber"}, headers=KEY)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@contextmanager
def _proxied(relay: TcpProxy) -> Iterator[Database]:
    """A fresh schema (made and dropped over a direct connection), used through the proxy."""
    with pg_database() as direct:
        db = Database(_through(relay), schema=_schema_of(direct))
        try:
            yield db
        finally:
            db.dispose()


def test_outage_is_503_and_service_comes_back(proxy: TcpProxy, tmp_path: Path) -> None:
    with _proxied(proxy) as db:
        app = create_app(make_settings(tmp_path, demo=False), db=db, moderate_fn=fake_moderate)
        with TestClient(app) as client:
            sid = _story(client)
            post = f"/api/v1/stories/{sid}/comments"
            assert client.post(post, json={"author": "a", "text": "Önce."}).status_code == 201

            proxy.stop()
            slowest = 0.0
            for method, path, body in (
                ("GET", "/api/v1/stories", None),
                ("POST", post, {"author": "a", "text": "Kesintide."}),
                ("GET", f"/stories/{sid}", None),
                ("GET", "/api/v1/queue", None),
            ):
                start = time.monotonic()
                r = client.request(method, path, json=body, headers=KEY)
                took = time.monotonic() - start
                assert r.status_code == 503, (path, r.status_code, r.text)
                assert r.headers["Retry-After"] == "5"
                assert took < ANSWER_WITHIN, (path, took)
                slowest = max(slowest, took)
            assert client.post("/api/v1/moderate", json={"text": "ok"}).status_code == 200

            proxy.start()
            back = time.monotonic()
            assert client.get("/api/v1/stories").status_code == 200
            print(
                f"\noutage: slowest 503 {slowest:.3f} s, first 200 {time.monotonic() - back:.3f} s"
            )
            r = client.post(post, json={"author": "a", "text": "Sonra."})
            assert r.status_code == 201
            texts = [c["text"] for c in client.get(post).json()["comments"]]
            assert texts == ["Önce.", "Sonra."]  # the one posted in the outage: not stored


def test_a_server_started_while_the_database_is_away_recovers(
    proxy: TcpProxy, tmp_path: Path
) -> None:
    with _proxied(proxy) as late:
        proxy.stop()
        app = create_app(make_settings(tmp_path), db=late, moderate_fn=fake_moderate)
        with TestClient(app) as client:  # the start-up migration fails: logged, not fatal
            r = client.get("/api/v1/stories")
            assert r.status_code == 503 and r.headers["Retry-After"] == "5"
            proxy.start()
            r = client.get("/api/v1/stories")
            assert r.status_code == 200, r.text
            assert client.post("/api/v1/stories/1/comments", json={}).status_code == 422


def _schema_of(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT current_schema()").scalar())
