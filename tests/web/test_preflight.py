"""Production mode: no unsafe setting gets past the start, and the server says why in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.web.conftest import make_settings
from yorum.cli import app
from yorum.storage import Database, editors
from yorum.web import create_app, preflight
from yorum.web.config import ConfigError, Settings
from yorum.web.signing import SECRET_FILE, load_secret

PG = "postgresql+psycopg://yorum@db.internal/yorum"
STRONG = "k" * 40
GOOD = {
    "YORUM_ENV": "production",
    "YORUM_DEMO": "0",
    "YORUM_DATABASE_URL": PG,
    "YORUM_API_KEY": STRONG,
}


def _prod(folder: Path, **env: str) -> Settings:
    return Settings.from_env({**GOOD, "YORUM_DATA_DIR": str(folder), **env})


def test_a_safe_production_configuration_passes(tmp_path: Path) -> None:
    assert preflight.problems(_prod(tmp_path)) == []
    assert preflight.problems(_prod(tmp_path, YORUM_SECRET_KEY="s" * 32)) == []
    dev = Settings.from_env({"YORUM_DATA_DIR": str(tmp_path), "YORUM_DATABASE_URL": "sqlite://"})
    assert not dev.production and preflight.problems(dev) == []  # anything goes in development


@pytest.mark.parametrize(
    ("env", "why"),
    [
        ({"YORUM_DEMO": "1"}, "demo mode is on"),
        ({"YORUM_DEMO": ""}, "demo mode is on"),  # the default is the demo
        ({"YORUM_COOKIE_SECURE": "0"}, "plain HTTP"),
        ({"YORUM_SECRET_KEY": "short"}, "YORUM_SECRET_KEY is shorter than 32"),
        ({"YORUM_API_KEY": "letmein"}, "YORUM_API_KEY is shorter than 32"),
        ({"YORUM_DATABASE_URL": "sqlite://"}, "does not survive a restart"),
        ({"YORUM_DATABASE_URL": "sqlite:////dev/shm/yorum.db"}, "does not survive a restart"),
        ({"YORUM_DATABASE_URL": ""}, "does not survive a restart"),  # data dir under /tmp
    ],
)
def test_each_unsafe_setting_is_refused(tmp_path: Path, env: dict[str, str], why: str) -> None:
    settings = _prod(tmp_path, **env)
    found = preflight.problems(settings)
    assert any(why in p for p in found), found
    with pytest.raises(ConfigError, match="refusing to start in production mode"):
        create_app(settings)


def test_secret_file_permissions(tmp_path: Path) -> None:
    old = os.umask(0)  # even with no umask, the secret is the owner's alone
    try:
        load_secret(tmp_path)
    finally:
        os.umask(old)
    key = tmp_path / SECRET_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    assert preflight.problems(_prod(tmp_path)) == []
    key.chmod(0o644)
    assert any("can be read by others" in p for p in preflight.problems(_prod(tmp_path)))
    key.chmod(0o600)
    tmp_path.chmod(0o777)
    assert any("writable by everyone" in p for p in preflight.problems(_prod(tmp_path)))


def test_temporary_and_memory_paths_are_volatile(tmp_path: Path) -> None:
    assert preflight._volatile(Path("/tmp/x/yorum.db"))
    assert preflight._volatile(Path("/dev/shm/yorum.db"))
    assert preflight._volatile(tmp_path / "yorum.db")
    assert not preflight._volatile(Path("/var/lib/yorum/yorum.db"))
    assert preflight.sqlite_path("sqlite:///:memory:") == ""
    assert preflight.sqlite_path("sqlite:////srv/y.db") == "/srv/y.db"
    assert preflight.sqlite_path(PG) is None


def test_production_cookies_are_secure_and_hsts_is_sent(tmp_path: Path, db: Database) -> None:
    from tests.web.conftest import TestClient

    settings = make_settings(tmp_path, production=True, demo=False, database_url=PG, api_key=STRONG)
    with TestClient(create_app(settings, db=db)) as client:  # plain HTTP behind a TLS proxy
        r = client.get("/moderation/login")
        assert "secure" in r.headers["set-cookie"].lower()
        assert r.headers["strict-transport-security"].startswith("max-age=31536000")
    with TestClient(create_app(make_settings(tmp_path), db=db)) as client:
        r = client.get("/moderation/login")
        assert "secure" not in r.headers["set-cookie"].lower()
        assert "strict-transport-security" not in r.headers


def test_serve_refuses_in_one_line_with_exit_2(tmp_path: Path) -> None:
    """The real command in a process of its own: it never opens a port."""
    env = {**os.environ, **GOOD, "YORUM_DATA_DIR": str(tmp_path), "YORUM_DEMO": "1"}
    env["YORUM_API_KEY"] = "short"
    cmd = [sys.executable, "-m", "yorum.cli", "serve", "--port", "1"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "refusing to start in production mode" in lines[0]
    assert "demo mode is on" in lines[0] and "YORUM_API_KEY" in lines[0]
    assert done.stdout == ""


def test_production_serve_makes_no_demo_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No default (or demo) editor password in production: editors are added by hand."""
    folder = tmp_path / "data"
    for name, value in {**GOOD, "YORUM_DATA_DIR": str(folder)}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("YORUM_DATABASE_URL")
    monkeypatch.setattr(preflight, "_volatile", lambda path: False)  # pretend /tmp is a disk
    ran: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: ran.append(a))
    r = CliRunner().invoke(app, ["serve"])
    assert r.exit_code == 0, r.output
    assert ran and "password" not in r.output and "yorum editor add" in r.output
    db = Database(f"sqlite:///{folder / 'yorum.db'}")
    with db.transaction() as s:
        assert editors.count_editors(s) == 0
    db.dispose()
