"""Editors' API: the queue and decisions (session + X-CSRF-Token, or X-API-Key)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, StrictStr

from yorum.storage import queue
from yorum.web.auth import Identity, api_identity
from yorum.web.moderator import clean_reason
from yorum.web.params import CommentId
from yorum.web.serialize import queue_item_dict
from yorum.web.state import app_state

router = APIRouter(prefix="/api/v1", tags=["editors"])
Tab = Literal["review", "reported", "rejected", "approved"]


class DecisionIn(BaseModel):
    decision: Literal["approved", "rejected"]
    reason: StrictStr = ""


@router.get("/queue", summary="One tab of the moderation queue")
def get_queue(
    request: Request,
    who: Annotated[Identity, Depends(api_identity)],
    status: Tab = "review",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    with app_state(request).db.transaction() as s:
        items = queue.queue(s, status, limit=limit, offset=offset)
        return {
            "status": status,
            "counts": queue.tab_counts(s),
            "comments": [queue_item_dict(i) for i in items],
        }


@router.post("/comments/{comment_id}/decision", summary="Approve or reject a comment")
def decide(
    request: Request,
    comment_id: CommentId,
    body: DecisionIn,
    who: Annotated[Identity, Depends(api_identity)],
) -> dict[str, Any]:
    reason = clean_reason(body.reason)
    with app_state(request).db.transaction() as s:
        action = queue.decide(
            s, comment_id, body.decision, actor=who.name, editor_id=who.editor_id, reason=reason
        )
        return {
            "id": comment_id,
            "status": body.decision,
            "previous_status": action.previous_status,
            "action_id": action.id,
        }
