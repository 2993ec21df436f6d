"""Fixture builders for tests: a fresh database on SQLite or in a throwaway PostgreSQL schema."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text

from yorum.storage.db import Database

DEFAULT_TEST_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pg_test_url() -> str:
    """``YORUM_TEST_PG`` when it is a URL, else the local test server."""
    value = os.environ.get("YORUM_TEST_PG", "")
    return value if "://" in value else DEFAULT_TEST_PG


def pg_required() -> bool:
    """Set ``YORUM_TEST_PG`` and an unreachable server fails the tests instead of skipping."""
    return bool(os.environ.get("YORUM_TEST_PG"))


@cache
def pg_reachable(url: str | None = None) -> bool:
    parts = urlsplit(url or pg_test_url())
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), 0.5):
            return True
    except OSError:
        return False


@contextmanager
def sqlite_database(folder: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{folder / 'yorum.db'}")
    db.migrate()
    try:
        yield db
    finally:
        db.dispose()


@contextmanager
def pg_database(url: str | None = None) -> Iterator[Database]:
    """A database in a new schema of its own, dropped afterwards."""
    url = url or pg_test_url()
    schema = "t_" + secrets.token_hex(6)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        db = Database(url, schema=schema)
        try:
            db.migrate()
            yield db
        finally:
            db.dispose()
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
