"""Alembic environment: always run in code, on the connection ``Database.migrate`` passes."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from yorum.storage.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only `Database.migrate` runs us
    raise RuntimeError("run migrations with yorum.storage.db.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
