"""Web fixtures: an app on a clean database (SQLite, and PostgreSQL when reachable)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.storage.conftest import db  # noqa: F401  (the parametrised database fixture)
from tests.web.browser import page  # noqa: F401  (chromium, or skip/fail: see browser.py)
from tests.web.fakes import fake_moderate
from yorum.storage import Database, editors
from yorum.web import Settings, create_app
from yorum.web.auth import hash_password
from yorum.web.config import Rate
from yorum.web.moderator import ModerateFn

with warnings.catch_warnings():
    # Starlette asks for httpx2 and warns when it finds only httpx; either works for tests.
    warnings.filterwarnings("ignore", message=r".*install `httpx2`")
    from fastapi.testclient import TestClient

EDITOR = ("ayse", "dogru-at-pil-zimba")
API_KEY = "test-api-key-0123456789"
ROOMY = {k: Rate(burst=1000, every=0.001) for k in ("comment", "report", "moderate", "login")}
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')

MakeClient = Callable[..., TestClient]


def make_settings(folder: Path, **changes: object) -> Settings:
    base: dict[str, object] = {
        "data_dir": folder,
        "database_url": "sqlite://",  # unused: tests pass their database
        "api_key": API_KEY,
        "secret": b"s" * 32,
        "rates": dict(ROOMY),
    }
    base.update(changes)
    return Settings(**base)  # type: ignore[arg-type]


@pytest.fixture
def make_client(
    db: Database,  # noqa: F811
    tmp_path: Path,
) -> Iterator[MakeClient]:
    """Build a started app on the test database; ``engine`` picks the stub or the real one."""
    clients: list[TestClient] = []

    def build(*, engine: ModerateFn | None = fake_moderate, **changes: object) -> TestClient:
        app = create_app(make_settings(tmp_path, **changes), db=db, moderate_fn=engine)
        client = TestClient(app, raise_server_exceptions=True)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    """The app with the stub engine (decisions chosen by markers in the text)."""
    return make_client()


@pytest.fixture
def engine_client(make_client: MakeClient) -> TestClient:
    """The app with the real engine."""
    return make_client(engine=None)


@pytest.fixture
def editor(db: Database) -> tuple[str, str]:  # noqa: F811
    with db.transaction() as s:
        editors.add_editor(s, EDITOR[0], hash_password(EDITOR[1]))
    return EDITOR


def csrf_token(client: TestClient, path: str = "/") -> str:
    match = _CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: TestClient, name: str = EDITOR[0], password: str = EDITOR[1]) -> str:
    """Log in through the form; returns a CSRF token for later writes (the login gives a new
    CSRF cookie, so the token comes from a page after it)."""
    token = csrf_token(client, "/moderation/login")
    r = client.post(
        "/moderation/login",
        data={"csrf": token, "name": name, "password": password},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf_token(client, "/moderation")


def demo_story_id(client: TestClient) -> int:
    stories = client.get("/api/v1/stories").json()["stories"]
    return int(stories[0]["id"])
