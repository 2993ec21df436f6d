"""Errors the storage layer raises; the web layer turns each into a status and a message."""

from __future__ import annotations


class StorageError(Exception):
    """Base class. ``key`` names the case (e.g. ``"story_exists"``) for the caller's messages."""

    def __init__(self, key: str, **info: object) -> None:
        super().__init__(key)
        self.key = key
        self.info = info


class NotFound(StorageError):
    """The thing asked for does not exist (or is not visible in that state)."""


class Conflict(StorageError):
    """The change contradicts what is stored (duplicate, already decided, ...)."""
