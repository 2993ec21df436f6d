"""The editors' queue: tabs, decisions one at a time or in bulk, the audit log, clause counts."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from yorum.moderation.policy import RULE_IDS
from yorum.storage import Conflict, NotFound, editors, queue
from yorum.web.auth import Identity, page_identity, require_csrf
from yorum.web.moderator import clean_reason
from yorum.web.params import parse_id
from yorum.web.state import app_state
from yorum.web.templating import render

router = APIRouter(prefix="/moderation", include_in_schema=False)
PAGE = 50
NO_STORE = {"Cache-Control": "no-store"}
Editor = Annotated[Identity, Depends(page_identity)]
Tab = Annotated[str, Query(pattern="^(review|reported|rejected|approved)$")]
Page = Annotated[int, Query(ge=1, le=100_000)]


@router.get("")
def queue_page(
    request: Request, who: Editor, tab: Tab = "review", page: Page = 1, focus: int = 0
) -> Response:
    with app_state(request).db.transaction() as s:
        items = queue.queue(s, tab, limit=PAGE + 1, offset=(page - 1) * PAGE)
        counts = queue.tab_counts(s)
    ctx = {
        "who": who,
        "tab": tab,
        "page": page,
        "items": items[:PAGE],
        "more": len(items) > PAGE,
        "counts": counts,
        "focus": max(0, focus),
        "notice": request.query_params.get("notice"),
        "done": parse_id(request.query_params.get("n", "")) or 0,
    }
    return render(request, "queue.html", ctx, headers=NO_STORE)


def _decisions(form: FormData) -> tuple[str, list[int], str]:
    """(decision, comment ids, reason) from the queue form: one card's button, or bulk."""
    one = str(form.get("one") or "")
    if ":" in one:
        decision, _, cid = one.partition(":")
        one_id = parse_id(cid)
        ids = [one_id] if one_id else []
        return decision, ids, str(form.get(f"reason-{cid}") or "")
    ids = [i for i in (parse_id(str(v)) for v in form.getlist("ids")) if i is not None]
    return str(form.get("bulk") or ""), ids, str(form.get("reason") or "")


def _apply(request: Request, who: Identity, decision: str, ids: list[int], reason: str) -> int:
    """All decisions of one submit in one transaction; those decided meanwhile are skipped."""
    done = 0
    with app_state(request).db.transaction() as s:
        for cid in ids[:PAGE]:
            try:
                queue.decide(
                    s, cid, decision, actor=who.name, editor_id=who.editor_id, reason=reason
                )
                done += 1
            except (Conflict, NotFound):
                continue
    return done


@router.post("/decide")
async def decide(request: Request, who: Editor) -> Response:
    form = await request.form()
    require_csrf(request, str(form.get("csrf") or ""))
    decision, ids, reason = _decisions(form)
    tab = str(form.get("tab") or "review")
    tab = tab if tab in queue.TABS else "review"
    focus = parse_id(str(form.get("focus") or "")) or 0
    done = 0
    if decision in ("approved", "rejected") and ids:
        reason = clean_reason(reason)
        done = await run_in_threadpool(_apply, request, who, decision, ids, reason)
    notice = decision if done else "nothing"
    url = f"/moderation?tab={tab}&notice={notice}&n={done}&focus={focus}"
    return RedirectResponse(url, status_code=303)


@router.get("/audit")
def audit_page(request: Request, who: Editor, page: Page = 1) -> Response:
    with app_state(request).db.transaction() as s:
        rows = editors.audit_log(s, limit=PAGE + 1, offset=(page - 1) * PAGE)
    ctx = {"who": who, "rows": rows[:PAGE], "page": page, "more": len(rows) > PAGE}
    return render(request, "audit.html", ctx, headers=NO_STORE)


@router.get("/stats")
def stats_page(
    request: Request, who: Editor, days: Annotated[int, Query(ge=1, le=366)] = 30
) -> Response:
    with app_state(request).db.transaction() as s:
        counts = editors.clause_counts(s, days=days)
    table: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for c in counts:
        table[c.day.isoformat()][c.rule] = c.count
        totals[c.rule] += c.count
    rules = list(RULE_IDS) + sorted(set(totals) - set(RULE_IDS))
    ctx = {"who": who, "rules": rules, "table": dict(table), "totals": totals, "days": days}
    return render(request, "stats.html", ctx, headers=NO_STORE)
