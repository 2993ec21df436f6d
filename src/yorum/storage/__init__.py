"""Persistence: SQLite by default, PostgreSQL by URL. Knows nothing of the web layer."""

from yorum.storage.db import Database, data_dir, database_url
from yorum.storage.errors import Conflict, NotFound, StorageError

__all__ = ["Conflict", "Database", "NotFound", "StorageError", "data_dir", "database_url"]
