"""Where the data lives, the engine, transactions, and migrations run in code on start."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one server per SQLite file
    fcntl = None  # type: ignore[assignment]

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATA_DIR = "data"
DB_FILE = "yorum.db"
MIGRATIONS = "yorum.storage:migrations"
_PG_MIGRATION_LOCK = 7_406_215  # any constant: serialises migrations of several starting servers


def data_dir(env: Mapping[str, str] = os.environ) -> Path:
    """The data folder (``YORUM_DATA_DIR``, default ``./data``), created when missing."""
    path = Path(env.get("YORUM_DATA_DIR") or DEFAULT_DATA_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # secrets and the database: owner only
    return path


def database_url(env: Mapping[str, str] = os.environ) -> str:
    """``YORUM_DATABASE_URL`` (PostgreSQL), else SQLite in the data folder."""
    url = env.get("YORUM_DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{data_dir(env) / DB_FILE}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str, *, schema: str | None = None) -> Engine:
    """An engine for SQLite or PostgreSQL; ``schema`` sets PostgreSQL's search_path."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    args: dict[str, Any] = {"connect_timeout": 5}
    if schema:
        args["options"] = f"-csearch_path={schema}"
    return create_engine(url, connect_args=args, pool_pre_ping=True)


@contextmanager
def _file_lock(db_file: Path | None) -> Iterator[None]:
    """An exclusive lock beside a SQLite file while its schema changes (POSIX)."""
    f = None
    if db_file is not None and fcntl is not None:
        # No folder, or a read-only one: no lock; the database itself will say what is wrong.
        with suppress(OSError):
            f = open(db_file.with_name(db_file.name + ".migrate-lock"), "a")  # noqa: SIM115
    if f is None:
        yield
        return
    with f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def alembic_config(connection: Connection) -> Config:
    """The ``alembic.ini`` equivalent, in code, bound to an open connection."""
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["connection"] = connection
    return cfg


class Database:
    """One database: its engine, sessions, and the schema brought up to date once."""

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, schema=schema)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._ready = False
        self._lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent; several servers may start at
        once: PostgreSQL serialises them with an advisory lock, SQLite with a file lock)."""
        with _file_lock(self._sqlite_path()), self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            command.upgrade(alembic_config(conn), "head")

    def _sqlite_path(self) -> Path | None:
        name = self.engine.url.database
        if self.dialect != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
            return None
        return Path(name)

    def ensure_ready(self) -> None:
        """Migrate on first use; a database that is down now is tried again next time."""
        if self._ready:
            return
        with self._lock:
            if not self._ready:
                self.migrate()
                self._ready = True

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        self.ensure_ready()
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
