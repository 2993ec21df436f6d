"""Posting a comment, shared by the page and the API: checks, engine, one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from yorum.moderation.verdict import Verdict
from yorum.storage import NotFound, repo
from yorum.web.errors import ApiError
from yorum.web.moderator import HELD_ON_ERROR, clean_author, clean_text
from yorum.web.state import app_state, client_ip, limit


@dataclass(frozen=True, slots=True)
class Posted:
    id: int
    verdict: Verdict
    stored: dict[str, Any]  # the verdict as stored: ``verdict.to_dict()`` (+ engine_error)

    @property
    def status(self) -> str:
        return self.verdict.decision


def post_comment(
    request: Request, story_id: int, *, author: str, text: str, parent_id: int | None
) -> Posted:
    """Moderate at once and store the comment with its verdict (also when rejected)."""
    state = app_state(request)
    with state.db.transaction() as s:
        repo.get_story(s, story_id)
    text = clean_text(text)
    author = clean_author(author)
    limit(request, "comment")
    if not state.moderator.name_allowed(author):
        raise ApiError(422, "author_refused")
    verdict = state.moderator.check(text, hold_on_error=True)
    stored = verdict.to_dict()
    if verdict is HELD_ON_ERROR:
        stored["engine_error"] = True  # editors see that no engine looked at it
    with state.db.transaction() as s:
        try:
            comment = repo.add_comment(
                s,
                story_id=story_id,
                author=author,
                text=text,
                verdict=stored,
                ip=client_ip(request),
                parent_id=parent_id,
            )
        except NotFound as exc:
            if exc.key == "parent":
                raise ApiError(422, "parent_invalid") from exc
            raise
        return Posted(comment.id, verdict, stored)
