"""Public API: pre-check a text, stories, comments as threads, posting, reports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from yorum.storage import Conflict, editors, queue, repo
from yorum.web.auth import Identity, api_identity
from yorum.web.comments import KEY_PATTERN, MAX_KEY, post_comment
from yorum.web.errors import ApiError
from yorum.web.moderator import clean_reason, clean_text, reject_junk
from yorum.web.params import MAX_ID, CommentId, StoryId
from yorum.web.serialize import story_dict, thread_dict
from yorum.web.state import app_state, client_ip, limit

router = APIRouter(prefix="/api/v1", tags=["public"])
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=MAX_KEY,
        pattern=KEY_PATTERN,
        description="Any unique string (visible ASCII): a retry with it stores nothing new.",
    ),
]


class TextIn(BaseModel):
    text: StrictStr


class CommentIn(BaseModel):
    author: StrictStr
    text: StrictStr
    parent_id: Annotated[StrictInt, Field(ge=1, le=MAX_ID)] | None = None


class ReportIn(BaseModel):
    reason: StrictStr = ""


class StoryIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    external_id: StrictStr = Field(min_length=1, max_length=200)
    title: StrictStr = Field(min_length=1, max_length=500)
    url: StrictStr = Field("", max_length=2000)
    title_en: StrictStr = Field("", max_length=500)
    body_tr: StrictStr = Field("", max_length=100_000)
    body_en: StrictStr = Field("", max_length=100_000)

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str) -> str:
        if url and not url.lower().startswith(("https://", "http://")):
            raise ValueError("must start with http:// or https://")
        return url


@router.post("/moderate", summary="Check a text against the house rule; stores nothing")
def moderate_text(request: Request, body: TextIn) -> dict[str, Any]:
    limit(request, "moderate")
    return app_state(request).moderator.check(clean_text(body.text)).to_dict()


@router.get("/stories", summary="Every story, with its number of approved comments")
def list_stories(request: Request) -> dict[str, Any]:
    with app_state(request).db.transaction() as s:
        return {"stories": [story_dict(st, n) for st, n in repo.list_stories(s)]}


@router.post("/stories", status_code=201, summary="Register a story (editors or API key)")
def create_story(
    request: Request, body: StoryIn, who: Annotated[Identity, Depends(api_identity)]
) -> dict[str, Any]:
    for value in body.model_dump().values():
        reject_junk(value)
    state = app_state(request)
    try:
        with state.db.transaction() as s:
            story = repo.create_story(s, **body.model_dump())
            editors.log_action(
                s,
                actor=who.name,
                editor_id=who.editor_id,
                action="story_created",
                reason=body.external_id,
            )
            return story_dict(story, 0)
    except Conflict as exc:
        with state.db.transaction() as s:
            existing = repo.story_by_external_id(s, body.external_id)
        err = ApiError(409, "story_exists")
        err.extra["id"] = existing.id if existing else None
        raise err from exc


@router.get("/stories/{story_id}", summary="One story")
def get_story(request: Request, story_id: StoryId) -> dict[str, Any]:
    with app_state(request).db.transaction() as s:
        return story_dict(repo.get_story(s, story_id))


@router.get("/stories/{story_id}/comments", summary="Approved comments as threads")
def list_comments(request: Request, story_id: StoryId) -> dict[str, Any]:
    with app_state(request).db.transaction() as s:
        threads = repo.approved_threads(s, story_id)
        return {"story_id": story_id, "comments": [thread_dict(t) for t in threads]}


@router.post(
    "/stories/{story_id}/comments",
    status_code=201,
    summary="Post a comment: moderated at once; status is approved, rejected or review",
)
def create_comment(
    request: Request,
    response: Response,
    story_id: StoryId,
    body: CommentIn,
    idempotency_key: IdempotencyKey = None,
) -> dict[str, Any]:
    """With an ``Idempotency-Key``, a retry answers with the comment stored the first time
    (header ``Idempotent-Replayed: true``) and stores nothing new."""
    posted = post_comment(
        request,
        story_id,
        author=body.author,
        text=body.text,
        parent_id=body.parent_id,
        idempotency_key=idempotency_key,
    )
    if posted.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return {"id": posted.id, "status": posted.status, "verdict": posted.stored}


@router.post("/comments/{comment_id}/reports", status_code=201, summary="Report a comment")
def report_comment(
    request: Request, comment_id: CommentId, body: Annotated[ReportIn | None, Body()] = None
) -> dict[str, Any]:
    reason = clean_reason(body.reason if body else "")
    limit(request, "report")
    with app_state(request).db.transaction() as s:
        report = queue.add_report(s, comment_id, reason=reason, ip=client_ip(request))
        return {"id": report.id, "comment_id": comment_id}
