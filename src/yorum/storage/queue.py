"""The editors' side: the queue by tab, decisions (audited), and readers' reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from yorum.storage.errors import Conflict, NotFound
from yorum.storage.models import STATUSES, Comment, EditorAction, Report, Story, utcnow

TABS = ("review", "reported", "rejected", "approved")


@dataclass(slots=True)
class QueueItem:
    comment: Comment
    story: Story
    reports: list[Report]


def _tab_filter(tab: str) -> ColumnElement[bool]:
    if tab == "reported":
        return Comment.id.in_(select(Report.comment_id).where(Report.resolved_at.is_(None)))
    if tab not in STATUSES:
        raise NotFound("tab")
    return Comment.status == tab


def queue(s: Session, tab: str, *, limit: int = 50, offset: int = 0) -> list[QueueItem]:
    """One tab of the queue: review and reported oldest first, the others newest first."""
    order = (
        (Comment.created_at.asc(), Comment.id.asc())
        if tab in ("review", "reported")
        else (Comment.created_at.desc(), Comment.id.desc())
    )
    rows = s.execute(
        select(Comment, Story)
        .join(Story, Story.id == Comment.story_id)
        .where(_tab_filter(tab))
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [c.id for c, _ in rows]
    reports: dict[int, list[Report]] = {i: [] for i in ids}
    if ids:
        for r in s.scalars(
            select(Report)
            .where(Report.comment_id.in_(ids), Report.resolved_at.is_(None))
            .order_by(Report.created_at)
        ):
            reports[r.comment_id].append(r)
    return [QueueItem(c, story, reports[c.id]) for c, story in rows]


def tab_counts(s: Session) -> dict[str, int]:
    counts = dict.fromkeys(TABS, 0)
    for status, n in s.execute(select(Comment.status, func.count()).group_by(Comment.status)):
        counts[status] = int(n)
    counts["reported"] = int(
        s.scalar(
            select(func.count(func.distinct(Report.comment_id))).where(Report.resolved_at.is_(None))
        )
        or 0
    )
    return counts


def decide(
    s: Session,
    comment_id: int,
    decision: str,
    *,
    actor: str,
    editor_id: int | None,
    reason: str = "",
    now: datetime | None = None,
) -> EditorAction:
    """An editor's decision on one comment: new status, open reports resolved, audit row."""
    if decision not in ("approved", "rejected"):
        raise ValueError(f"unknown decision {decision!r}")
    comment = s.get(Comment, comment_id, with_for_update=True)
    if comment is None:
        raise NotFound("comment")
    now = now or utcnow()
    open_reports = s.scalars(
        select(Report).where(Report.comment_id == comment_id, Report.resolved_at.is_(None))
    ).all()
    if comment.status == decision and not open_reports:
        raise Conflict("already_decided", status=decision)
    action = EditorAction(
        editor_id=editor_id,
        actor=actor,
        action=decision,
        comment_id=comment_id,
        previous_status=comment.status,
        reason=reason,
        created_at=now,
    )
    comment.status = decision
    comment.decided_at = now
    for r in open_reports:
        r.resolved_at = now
    s.add(action)
    s.flush()
    return action


def add_report(
    s: Session, comment_id: int, *, reason: str, ip: str | None, now: datetime | None = None
) -> Report:
    """A reader reports an approved comment; one open report per address and comment."""
    comment = s.get(Comment, comment_id)
    if comment is None or comment.status != "approved":
        raise NotFound("comment")
    if ip is not None:
        dup = s.scalar(
            select(Report.id).where(
                Report.comment_id == comment_id, Report.ip == ip, Report.resolved_at.is_(None)
            )
        )
        if dup is not None:
            raise Conflict("already_reported")
    report = Report(comment_id=comment_id, reason=reason, ip=ip, created_at=now or utcnow())
    s.add(report)
    s.flush()
    return report
