"""Editors, the audit log, counts per clause per day, and the IP retention purge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yorum.storage.errors import Conflict, NotFound
from yorum.storage.models import Comment, CommentViolation, Editor, EditorAction, Report, utcnow


def add_editor(s: Session, name: str, password_hash: str) -> Editor:
    if editor_by_name(s, name) is not None:
        raise Conflict("editor_exists", name=name)
    editor = Editor(name=name, password_hash=password_hash)
    s.add(editor)
    try:
        s.flush()
    except IntegrityError as exc:  # added meanwhile by another process
        raise Conflict("editor_exists", name=name) from exc
    return editor


def editor_by_name(s: Session, name: str) -> Editor | None:
    return s.scalar(select(Editor).where(Editor.name == name))


def get_editor(s: Session, editor_id: int) -> Editor:
    editor = s.get(Editor, editor_id)
    if editor is None:
        raise NotFound("editor")
    return editor


def count_editors(s: Session) -> int:
    return int(s.scalar(select(func.count(Editor.id))) or 0)


def log_action(
    s: Session,
    *,
    actor: str,
    action: str,
    editor_id: int | None = None,
    comment_id: int | None = None,
    reason: str = "",
    previous_status: str | None = None,
    now: datetime | None = None,
) -> EditorAction:
    row = EditorAction(
        actor=actor,
        action=action,
        editor_id=editor_id,
        comment_id=comment_id,
        reason=reason,
        previous_status=previous_status,
        created_at=now or utcnow(),
    )
    s.add(row)
    s.flush()
    return row


def audit_log(s: Session, *, limit: int = 100, offset: int = 0) -> list[EditorAction]:
    """The newest actions first."""
    return list(
        s.scalars(
            select(EditorAction)
            .order_by(EditorAction.created_at.desc(), EditorAction.id.desc())
            .limit(limit)
            .offset(offset)
        )
    )


@dataclass(frozen=True, slots=True)
class ClauseCount:
    day: date
    rule: str
    count: int


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def clause_counts(s: Session, *, days: int = 30, now: datetime | None = None) -> list[ClauseCount]:
    """Violated clauses (advice excluded) per day of posting, for the last ``days`` days (UTC)."""
    since = (now or utcnow()) - timedelta(days=days)
    day = func.date(Comment.created_at)
    rows = s.execute(
        select(day, CommentViolation.rule, func.count())
        .join(Comment, Comment.id == CommentViolation.comment_id)
        .where(Comment.created_at >= since)
        .group_by(day, CommentViolation.rule)
    ).all()
    out = [ClauseCount(_as_date(d), str(rule), int(n)) for d, rule, n in rows]
    return sorted(out, key=lambda c: (c.day, c.rule), reverse=True)


def purge_ips(s: Session, *, days: int, now: datetime | None = None) -> int:
    """Blank the IP addresses of comments and reports older than ``days``; returns the count."""
    if days < 0:
        raise ValueError("days must not be negative")
    cutoff = (now or utcnow()) - timedelta(days=days)
    n = 0
    for model in (Comment, Report):
        result = s.execute(
            update(model)
            .where(model.created_at < cutoff, model.ip.is_not(None))
            .values(ip=None)
            .execution_options(synchronize_session=False)
        )
        n += int(result.rowcount)  # type: ignore[attr-defined]
    return n
