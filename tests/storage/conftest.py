"""A clean database per test, on SQLite and (when reachable) on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from yorum.storage import Database
from yorum.storage.testing import pg_database, pg_reachable, pg_required, sqlite_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        with sqlite_database(tmp_path) as database:
            yield database
        return
    if not pg_reachable() and not pg_required():
        pytest.skip("PostgreSQL test server not reachable (set YORUM_TEST_PG to require it)")
    with pg_database() as database:
        yield database
