"""Stories and comments: register, list, store a comment with its verdict, build threads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yorum.storage.errors import Conflict, NotFound
from yorum.storage.models import STATUSES, Comment, CommentViolation, Story, utcnow

MAX_DEPTH = 6  # levels of nesting shown; deeper replies are shown at the last level


@dataclass(slots=True)
class Thread:
    """A comment and its visible replies, oldest first."""

    comment: Comment
    replies: list[Thread] = field(default_factory=list)


def create_story(
    s: Session,
    *,
    external_id: str,
    title: str,
    url: str = "",
    body_tr: str = "",
    body_en: str = "",
    title_en: str = "",
) -> Story:
    if s.scalar(select(Story.id).where(Story.external_id == external_id)) is not None:
        raise Conflict("story_exists", external_id=external_id)
    story = Story(
        external_id=external_id,
        title=title,
        title_en=title_en,
        url=url,
        body_tr=body_tr,
        body_en=body_en,
    )
    s.add(story)
    try:
        s.flush()
    except IntegrityError as exc:  # registered meanwhile by another request or server
        raise Conflict("story_exists", external_id=external_id) from exc
    return story


def get_story(s: Session, story_id: int) -> Story:
    story = s.get(Story, story_id)
    if story is None:
        raise NotFound("story")
    return story


def story_by_external_id(s: Session, external_id: str) -> Story | None:
    return s.scalar(select(Story).where(Story.external_id == external_id))


def list_stories(s: Session) -> list[tuple[Story, int]]:
    """Every story, newest first, with its number of approved comments."""
    approved = (
        select(Comment.story_id, func.count(Comment.id).label("n"))
        .where(Comment.status == "approved")
        .group_by(Comment.story_id)
        .subquery()
    )
    rows = s.execute(
        select(Story, func.coalesce(approved.c.n, 0))
        .outerjoin(approved, approved.c.story_id == Story.id)
        .order_by(Story.created_at.desc(), Story.id.desc())
    ).all()
    return [(story, int(n)) for story, n in rows]


def count_stories(s: Session) -> int:
    return int(s.scalar(select(func.count(Story.id))) or 0)


def add_comment(
    s: Session,
    *,
    story_id: int,
    author: str,
    text: str,
    verdict: Mapping[str, Any],
    ip: str | None,
    parent_id: int | None = None,
    now: datetime | None = None,
    idempotency_key: str | None = None,
) -> Comment:
    """Store a comment with the engine's verdict; its decision becomes the status.

    With ``idempotency_key``, a second comment with the same key is refused with
    ``Conflict("idempotency_key")`` (also when both arrive at once): the caller answers with
    the one stored, found by ``comment_by_key``.
    """
    get_story(s, story_id)
    if parent_id is not None:
        parent = s.get(Comment, parent_id)
        if parent is None or parent.story_id != story_id or parent.status != "approved":
            raise NotFound("parent")
    status = str(verdict.get("decision"))
    if status not in STATUSES:
        raise ValueError(f"unknown decision {status!r}")
    comment = Comment(
        story_id=story_id,
        parent_id=parent_id,
        author=author,
        text=text,
        status=status,
        language=str(verdict.get("language", ""))[:8],
        verdict=dict(verdict),
        created_at=now or utcnow(),
        ip=ip,
        idempotency_key=idempotency_key,
    )
    s.add(comment)
    try:
        s.flush()
    except IntegrityError as exc:
        if idempotency_key is not None and "idempotency_key" in str(exc.orig):
            raise Conflict("idempotency_key", idempotency_key=idempotency_key) from exc
        raise
    for v in verdict.get("violations") or ():
        if v.get("severity") != "advice":
            s.add(
                CommentViolation(
                    comment_id=comment.id,
                    rule=str(v.get("rule", ""))[:32],
                    severity=str(v.get("severity", ""))[:10],
                    score=float(v.get("score", 0.0)),
                )
            )
    s.flush()
    return comment


def comment_by_key(s: Session, idempotency_key: str) -> Comment | None:
    return s.scalar(select(Comment).where(Comment.idempotency_key == idempotency_key))


def get_comment(s: Session, comment_id: int) -> Comment:
    comment = s.get(Comment, comment_id)
    if comment is None:
        raise NotFound("comment")
    return comment


def build_threads(comments: Sequence[Comment], *, max_depth: int = MAX_DEPTH) -> list[Thread]:
    """Nest comments under their parents, oldest first.

    A reply whose parent is not shown is not shown. Replies deeper than ``max_depth`` join
    their ancestor at that depth (``parent_id`` still names the real parent), so a long chain
    of replies can never nest without bound.
    """
    roots: list[Thread] = []
    home: dict[int, tuple[Thread, int]] = {}  # comment id -> (where its replies go, depth)
    for c in sorted(comments, key=lambda c: (c.created_at, c.id)):
        node = Thread(c)
        if c.parent_id is None:
            roots.append(node)
            home[c.id] = (node, 0)
        elif c.parent_id in home:
            container, depth = home[c.parent_id]
            container.replies.append(node)
            home[c.id] = (node, depth + 1) if depth + 1 < max_depth else (container, depth)
    return roots


def approved_threads(s: Session, story_id: int) -> list[Thread]:
    get_story(s, story_id)
    rows = s.scalars(
        select(Comment).where(Comment.story_id == story_id, Comment.status == "approved")
    ).all()
    return build_threads(rows)
