"""Readers' pages: the story list, a story with its threads, posting and reporting by form."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from yorum.storage import Conflict, NotFound, queue, repo
from yorum.web.auth import require_csrf
from yorum.web.comments import post_comment, valid_key
from yorum.web.errors import ApiError
from yorum.web.moderator import clean_reason, clean_text
from yorum.web.params import CommentId, StoryId, parse_id
from yorum.web.state import app_state, client_ip, limit
from yorum.web.templating import render, ui_lang

router = APIRouter(include_in_schema=False)
NOTICES = ("approved", "review", "reported", "already_reported")
FormStr = Annotated[str, Form()]


@router.get("/")
def index(request: Request) -> Response:
    with app_state(request).db.transaction() as s:
        stories = repo.list_stories(s)
    return render(request, "index.html", {"stories": stories})


def _story_page(
    request: Request,
    story_id: StoryId,
    *,
    form: dict[str, Any] | None = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    lang = ui_lang(request)
    with app_state(request).db.transaction() as s:
        story = repo.get_story(s, story_id)
        threads = repo.approved_threads(s, story_id)
    form = form or {}
    if "parent_id" not in form:
        reply = request.query_params.get("reply", "")
        form["parent_id"] = parse_id(reply)
    notice = request.query_params.get("notice")
    ctx = {
        "story": story,
        "title": (story.title_en if lang == "en" and story.title_en else story.title),
        "body": (story.body_en if lang == "en" and story.body_en else story.body_tr),
        "threads": threads,
        "form": form,
        "notice": notice if notice in NOTICES else None,
        "page_path": f"/stories/{story_id}",
        "post_key": secrets.token_urlsafe(18),  # a second submit of this form stores nothing
    }
    return render(request, "story.html", ctx, status=status, headers=headers)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: StoryId) -> Response:
    return _story_page(request, story_id)


@router.post("/stories/{story_id}/comments")
def post_form(
    request: Request,
    story_id: StoryId,
    csrf: FormStr = "",
    author: FormStr = "",
    text: FormStr = "",
    parent_id: FormStr = "",
    action: FormStr = "post",
    post_key: FormStr = "",
) -> Response:
    require_csrf(request, csrf)
    parent = parse_id(parent_id)
    form: dict[str, Any] = {"author": author, "text": text, "parent_id": parent}
    try:
        if action == "fix":
            limit(request, "moderate")
            verdict = app_state(request).moderator.check(clean_text(text))
            form["text"] = verdict.suggestion or text
            form["fixed"] = verdict.suggestion is not None
            return _story_page(request, story_id, form=form)
        posted = post_comment(
            request,
            story_id,
            author=author,
            text=text,
            parent_id=parent,
            idempotency_key=valid_key(post_key),
        )
    except ApiError as err:
        if err.status == 404:
            raise
        form["error"] = err.message()
        return _story_page(request, story_id, form=form, status=err.status, headers=err.headers)
    if posted.status == "rejected":
        form["verdict"] = posted.stored
        return _story_page(request, story_id, form=form)
    anchor = f"#c{posted.id}" if posted.status == "approved" else "#comment-form"
    url = f"/stories/{story_id}?notice={posted.status}{anchor}"
    return RedirectResponse(url, status_code=303)


@router.post("/stories/{story_id}/comments/{comment_id}/report")
def report_form(
    request: Request,
    story_id: StoryId,
    comment_id: CommentId,
    csrf: FormStr = "",
    reason: FormStr = "",
) -> Response:
    require_csrf(request, csrf)
    reason = clean_reason(reason)
    limit(request, "report")
    notice = "reported"
    try:
        with app_state(request).db.transaction() as s:
            comment = repo.get_comment(s, comment_id)
            if comment.story_id != story_id:
                raise NotFound("comment")
            queue.add_report(s, comment_id, reason=reason, ip=client_ip(request))
    except Conflict:
        notice = "already_reported"
    return RedirectResponse(f"/stories/{story_id}?notice={notice}#c{comment_id}", status_code=303)
