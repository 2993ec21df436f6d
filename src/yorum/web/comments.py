"""Posting a comment, shared by the page and the API: checks, engine, one transaction.

A client may send an idempotency key: a retry with the same key (after a timeout, a dropped
connection, a server killed mid-request) answers with the comment stored the first time and
never stores a second one; the database's unique index decides when two arrive at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from yorum.storage import Conflict, NotFound, repo
from yorum.web.errors import ApiError
from yorum.web.moderator import HELD_ON_ERROR, clean_author, clean_text
from yorum.web.state import AppState, app_state, client_ip, limit

MAX_KEY = 100
KEY_PATTERN = r"^[\x21-\x7e]{1,100}$"  # visible ASCII, as in the IETF Idempotency-Key draft
_KEY = re.compile(KEY_PATTERN)


@dataclass(frozen=True, slots=True)
class Posted:
    id: int
    status: str  # the engine's decision when the comment was posted
    stored: dict[str, Any]  # the verdict as stored: ``verdict.to_dict()`` (+ engine_error)
    replayed: bool = False  # True: this key was posted before; nothing new was stored


def valid_key(value: str | None) -> str | None:
    """An idempotency key as given, or ``None`` when there is none or it is not one."""
    return value if value and _KEY.fullmatch(value) else None


def _replay(
    state: AppState, key: str, story_id: int, author: str, text: str, parent_id: int | None
) -> Posted | None:
    """The comment stored under ``key``; 422 when the key came with another comment."""
    with state.db.transaction() as s:
        c = repo.comment_by_key(s, key)
        if c is None:
            return None
        if (c.story_id, c.author, c.text, c.parent_id) != (story_id, author, text, parent_id):
            raise ApiError(422, "idempotency_key_reused")
        return Posted(c.id, str(c.verdict.get("decision", c.status)), c.verdict, replayed=True)


def post_comment(
    request: Request,
    story_id: int,
    *,
    author: str,
    text: str,
    parent_id: int | None,
    idempotency_key: str | None = None,
) -> Posted:
    """Moderate at once and store the comment with its verdict (also when rejected)."""
    state = app_state(request)
    with state.db.transaction() as s:
        repo.get_story(s, story_id)
    text = clean_text(text)
    author = clean_author(author)
    key = idempotency_key
    if key and (done := _replay(state, key, story_id, author, text, parent_id)):
        return done
    limit(request, "comment")
    if not state.moderator.name_allowed(author):
        raise ApiError(422, "author_refused")
    verdict = state.moderator.check(text, hold_on_error=True)
    stored = verdict.to_dict()
    if verdict is HELD_ON_ERROR:
        stored["engine_error"] = True  # editors see that no engine looked at it
    try:
        with state.db.transaction() as s:
            comment = repo.add_comment(
                s,
                story_id=story_id,
                author=author,
                text=text,
                verdict=stored,
                ip=client_ip(request),
                parent_id=parent_id,
                idempotency_key=key,
            )
            return Posted(comment.id, verdict.decision, stored)
    except NotFound as exc:
        if exc.key == "parent":
            raise ApiError(422, "parent_invalid") from exc
        raise
    except Conflict:  # the same key, posted at the same moment: that one won
        done = _replay(state, key, story_id, author, text, parent_id) if key else None
        if done is None:
            raise
        return done
