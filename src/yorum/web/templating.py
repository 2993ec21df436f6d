"""Jinja2 pages: autoescaped, with the UI language, CSRF token and a safe highlighter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.responses import Response

from yorum import messages
from yorum.web.state import app_state

LANGS = ("tr", "en")
LANG_COOKIE = "yorum_lang"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def merge_spans(spans: Iterable[Sequence[int]], length: int) -> list[tuple[int, int]]:
    """Sorted, clipped, non-overlapping ``[start, end)`` spans."""
    clean = sorted(
        (max(0, int(s[0])), min(length, int(s[1])))
        for s in spans
        if len(s) == 2 and int(s[0]) < int(s[1])
    )
    out: list[tuple[int, int]] = []
    for start, end in clean:
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlight(text: str, spans: Iterable[Sequence[int]]) -> Markup:
    """The text, escaped, with each span in ``<mark>``: user data never passes unescaped."""
    out: list[str] = []
    pos = 0
    for start, end in merge_spans(spans, len(text)):
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def when(value: datetime | None) -> str:
    """A stored time for people: UTC, to the minute."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def verdict_spans(verdict: dict[str, Any]) -> list[list[int]]:
    return [list(s) for v in verdict.get("violations") or () for s in v.get("spans") or ()]


TEMPLATES.env.filters["highlight"] = highlight
TEMPLATES.env.filters["when"] = when
TEMPLATES.env.globals["verdict_spans"] = verdict_spans
TEMPLATES.env.globals["HOUSE_RULE"] = messages.HOUSE_RULE
TEMPLATES.env.globals["RULES"] = messages.RULES


def ui_lang(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return asked if asked in LANGS else "tr"


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """A page, with what every template uses; sets the CSRF and language cookies as needed."""
    from yorum.web.auth import CSRF_COOKIE, secure_cookies, set_csrf_cookie

    state = app_state(request)
    lang = ui_lang(request)
    nonce = request.cookies.get(CSRF_COOKIE) or ""
    fresh = not (20 <= len(nonce) <= 64 and nonce.replace("-", "").replace("_", "").isalnum())
    if fresh:
        nonce = state.csrf.new_nonce()
    other = "en" if lang == "tr" else "tr"
    # A page answering a POST links to its GET address (``page_path``) for the other language.
    path = context.get("page_path") or (request.url.path if request.method == "GET" else "/")
    query = {**request.query_params, "lang": other} if request.method == "GET" else {"lang": other}
    ctx = {
        "lang": lang,
        "other_lang": other,
        "lang_url": f"{path}?{urlencode(query)}",
        "t": lambda key, **fmt: messages.ui(key, lang, **fmt),
        "rule_name": lambda rule: messages.rule_name(rule, lang),
        "csrf_token": state.csrf.token(nonce),
        **context,
    }
    response = TEMPLATES.TemplateResponse(request, name, ctx, status_code=status, headers=headers)
    if fresh:
        set_csrf_cookie(request, response, nonce)
    if request.query_params.get("lang") in LANGS:
        secure = secure_cookies(request)
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", secure=secure)
    return response
