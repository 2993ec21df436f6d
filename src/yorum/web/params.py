"""Shared parameter types: ids that fit every backend's integer column."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_ID = 2**31 - 1  # PostgreSQL INTEGER: larger ids would be a database error, not a 404

StoryId = Annotated[int, Path(ge=1, le=MAX_ID)]
CommentId = Annotated[int, Path(ge=1, le=MAX_ID)]


def parse_id(value: str) -> int | None:
    """An id from a form field or query string, or None when it is not one."""
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 10:
        return None
    n = int(value)
    return n if 1 <= n <= MAX_ID else None
