"""`yorum serve`, `yorum editor add`, `yorum purge` through the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from yorum.cli import app
from yorum.storage import Database, editors, repo
from yorum.storage.models import Comment
from yorum.web.auth import verify_password


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("YORUM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("YORUM_DATABASE_URL", raising=False)
    monkeypatch.delenv("YORUM_IP_RETENTION_DAYS", raising=False)
    return tmp_path


def _db(folder: Path) -> Database:
    return Database(f"sqlite:///{folder / 'yorum.db'}")


def test_editor_add(data: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["editor", "add", "mehmet", "--password", "uzun-bir-parola"])
    assert r.exit_code == 0, r.output
    db = _db(data)
    with db.transaction() as s:
        ed = editors.editor_by_name(s, "mehmet")
        assert ed is not None and ed.password_hash.startswith("$argon2")
        assert verify_password(ed.password_hash, "uzun-bir-parola")
    db.dispose()
    assert runner.invoke(app, ["editor", "add", "mehmet", "--password", "x" * 12]).exit_code == 1
    assert runner.invoke(app, ["editor", "add", "a b", "--password", "x" * 12]).exit_code == 2
    assert runner.invoke(app, ["editor", "add", "ali", "--password", "short"]).exit_code == 2


def test_purge(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _db(data)
    now = datetime.now(UTC)
    with db.transaction() as s:
        sid = repo.create_story(s, external_id="a", title="A").id
        for days, ip in ((800, "10.0.0.1"), (100, "10.0.0.2"), (1, "10.0.0.3")):
            repo.add_comment(
                s,
                story_id=sid,
                author="x",
                text="t",
                ip=ip,
                now=now - timedelta(days=days),
                verdict={"decision": "approved", "violations": []},
            )
    runner = CliRunner()
    r = runner.invoke(app, ["purge"])
    assert r.exit_code == 0 and "Erased 1 " in r.output
    monkeypatch.setenv("YORUM_IP_RETENTION_DAYS", "30")
    assert "Erased 1 " in runner.invoke(app, ["purge"]).output
    assert "Erased 1 " in runner.invoke(app, ["purge", "--days", "0"]).output
    with db.transaction() as s:
        assert [c.ip for c in s.scalars(select(Comment).order_by(Comment.id))] == [None, None, None]
    db.dispose()


def test_serve_prints_url_and_demo_login(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, Any] = {}

    def fake_run(app: Any, host: str, port: int, **kw: Any) -> None:
        calls.update(host=host, port=port)

    monkeypatch.setattr("uvicorn.run", fake_run)
    r = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert "http://localhost:8123/" in r.output and "/stories/1" in r.output
    assert "demo" in r.output and "password" in r.output
    password = r.output.split("password ", 1)[1].split()[0]
    db = _db(data)
    with db.transaction() as s:
        ed = editors.editor_by_name(s, "demo")
        assert ed is not None and verify_password(ed.password_hash, password)
    db.dispose()
    again = CliRunner().invoke(app, ["serve"])
    assert "password" not in again.output  # only when no editor exists
    assert calls == {"host": "127.0.0.1", "port": 8000}


def test_serve_reports_a_dead_database(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YORUM_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none")
    r = CliRunner().invoke(app, ["serve"])
    assert r.exit_code == 1 and "Cannot open the database" in r.output


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("sqlite:////srv/yorum/yorum.db", "/srv/yorum/yorum.db"),
        ("sqlite:///data/yorum.db", "data/yorum.db"),
        (
            "postgresql+psycopg://yorum:secret@db.local:5432/yorum",
            "postgresql+psycopg://db.local:5432/yorum",
        ),
    ],
)
def test_database_is_named_without_password_and_with_its_full_path(url: str, shown: str) -> None:
    from yorum.web.commands import _where

    assert _where(url) == shown
