"""Alembic migrations of yorum's schema; run in code by ``Database.migrate``."""
