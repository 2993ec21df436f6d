"""Stored rows as the API's JSON: public views leave out addresses and verdicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from yorum.storage.models import Comment, EditorAction, Story
from yorum.storage.queue import QueueItem
from yorum.storage.repo import Thread


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def story_dict(story: Story, comments: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": story.id,
        "external_id": story.external_id,
        "title": story.title,
        "title_en": story.title_en,
        "url": story.url,
        "created_at": iso(story.created_at),
    }
    if comments is not None:
        out["comments"] = comments
    return out


def comment_dict(c: Comment) -> dict[str, Any]:
    return {
        "id": c.id,
        "story_id": c.story_id,
        "parent_id": c.parent_id,
        "author": c.author,
        "text": c.text,
        "created_at": iso(c.created_at),
    }


def thread_dict(t: Thread) -> dict[str, Any]:
    return {**comment_dict(t.comment), "replies": [thread_dict(r) for r in t.replies]}


def queue_item_dict(item: QueueItem) -> dict[str, Any]:
    c = item.comment
    return {
        **comment_dict(c),
        "status": c.status,
        "verdict": c.verdict,
        "decided_at": iso(c.decided_at),
        "story": {"id": item.story.id, "title": item.story.title},
        "reports": [{"reason": r.reason, "created_at": iso(r.created_at)} for r in item.reports],
    }


def action_dict(a: EditorAction) -> dict[str, Any]:
    return {
        "id": a.id,
        "actor": a.actor,
        "action": a.action,
        "comment_id": a.comment_id,
        "previous_status": a.previous_status,
        "reason": a.reason,
        "created_at": iso(a.created_at),
    }
