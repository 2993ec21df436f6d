"""Data folder, URLs, migrations, transactions."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from yorum.storage import Database, data_dir, database_url
from yorum.storage.models import Base, Story


def test_data_dir_defaults_to_data_and_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert data_dir({}) == Path("data")
    assert (tmp_path / "data").is_dir()
    assert database_url({}) == "sqlite:///data/yorum.db"


def test_data_dir_env_override(tmp_path: Path) -> None:
    env = {"YORUM_DATA_DIR": str(tmp_path / "x" / "y")}
    assert data_dir(env).is_dir()
    assert database_url(env).endswith("/x/y/yorum.db")


def test_postgres_url_uses_psycopg3() -> None:
    env = {"YORUM_DATABASE_URL": "postgresql://u@h/db"}
    assert database_url(env) == "postgresql+psycopg://u@h/db"
    env = {"YORUM_DATABASE_URL": "postgres://u@h/db"}
    assert database_url(env) == "postgresql+psycopg://u@h/db"
    env = {"YORUM_DATABASE_URL": "postgresql+psycopg://u@h/db"}
    assert database_url(env) == "postgresql+psycopg://u@h/db"


def test_migrations_match_models_and_are_idempotent(db: Database) -> None:
    db.migrate()  # second time: nothing to do
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []
        tables = set(inspect(conn).get_table_names())
    assert {"stories", "comments", "editors", "editor_actions", "reports"} <= tables


def test_transaction_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(Story(external_id="x", title="t"))
        s.flush()
        raise RuntimeError("boom")
    with db.transaction() as s:
        assert s.scalar(select(func.count(Story.id))) == 0


def test_ensure_ready_migrates_a_new_sqlite_file(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        with db.transaction() as s:
            s.add(Story(external_id="x", title="t"))
        with db.transaction() as s:
            assert s.scalar(select(func.count(Story.id))) == 1
    finally:
        db.dispose()


def test_servers_starting_together_migrate_one_sqlite_file(tmp_path: Path) -> None:
    """Four processes migrate a new file at once: the file lock lets one work at a time."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    code = f"from yorum.storage import Database; d = Database({url!r}); d.migrate(); d.dispose()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    db = Database(url)
    with db.transaction() as s:
        s.add(Story(external_id="x", title="t"))
    db.dispose()
