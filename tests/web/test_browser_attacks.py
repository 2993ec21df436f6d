"""The pages under attack, in a real browser: what readers write stays text.

Script tags, event handlers, ``javascript:`` URLs, markup that closes our own tags, template
syntax and bidi overrides (U+202E) go in as comment text, author names and report reasons;
the story page and the editors' queue must open no dialog, grow no element, and show the text
as written. Comments are moderated by the stub engine: this is about the pages, not the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import Page, live_server, require_browser, watch_dialogs
from tests.web.conftest import make_settings
from tests.web.fakes import fake_moderate
from yorum.storage import editors, queue, repo
from yorum.storage.testing import sqlite_database
from yorum.web import create_app
from yorum.web.auth import hash_password

EDITOR = ("nobetci", "uzun-ve-gizli-parola")
RLO = "\u202e"
ATTACKS = [
    '<script>alert("xss-script")</script>',
    "<img src=x onerror=\"alert('xss-img')\">",
    "<a href=\"javascript:alert('xss-link')\">tıklayın</a>",
    '"><svg onload=alert("xss-svg")>',
    "</textarea></p><script>alert('xss-close')</script>",
    "<iframe srcdoc=\"<script>parent.alert('xss-frame')</script>\"></iframe>",
    "javascript:alert('xss-bare')",
    "{{ 7*7 }} {% if 1 %}x{% endif %}",
    f"Ali{RLO}gnp.exe ve sonrası",
]
NAMES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    f"Mehmet{RLO}kötü",
    "javascript:alert(3)",
]
# Anything our pages run, or a reader could make them run.
INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  for (const el of document.querySelectorAll('img, svg, iframe, object, embed'))
    bad.push(el.tagName);
  for (const s of document.scripts)
    if (!/^\\/static\\/\\w+\\.js$/.test(s.getAttribute('src') || ''))
      bad.push('SCRIPT ' + s.outerHTML.slice(0, 80));
  return bad;
}"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A live server with every attack stored: approved on the story, held in the queue."""
    require_browser()
    with sqlite_database(tmp_path) as db:
        app = create_app(make_settings(tmp_path), db=db, moderate_fn=fake_moderate)
        with db.transaction() as s:
            editors.add_editor(s, EDITOR[0], hash_password(EDITOR[1]))
            story = repo.create_story(
                s, external_id="x", title=f"Başlık {RLO}ters", body_tr="Metin"
            )
            for i, text in enumerate(ATTACKS):
                author = NAMES[i % len(NAMES)]
                shown = repo.add_comment(
                    s, story_id=story.id, author=author, text=text, ip="10.0.0.1",
                    verdict=fake_moderate(text).to_dict(),
                )  # fmt: skip
                queue.add_report(s, shown.id, reason=ATTACKS[-1 - i], ip="10.0.0.2")
                repo.add_comment(
                    s, story_id=story.id, author=author, text=f"HOLD {text}", ip="10.0.0.1",
                    verdict=fake_moderate(f"HOLD {text}").to_dict(),
                )  # fmt: skip
        with live_server(app) as url:
            yield url, story.id


def assert_inert(page: Page, dialogs: list[str]) -> None:
    page.wait_for_load_state("networkidle")
    assert dialogs == []
    assert page.evaluate(INJECTED) == []
    assert page.evaluate("document.title") != "49" and "49" not in page.inner_text("main")


def assert_bidi_contained(page: Page, name: str, after: str) -> None:
    """Reader text with U+202E does not reorder the element after it on the line."""
    box = page.locator(name).first.bounding_box()
    next_box = page.locator(after).first.bounding_box()
    assert box and next_box
    assert next_box["x"] >= box["x"] + box["width"] - 1, (box, next_box)


def test_story_page_keeps_attacks_inert(site: tuple[str, int], page: Page) -> None:
    url, story_id = site
    dialogs = watch_dialogs(page)
    page.goto(f"{url}/stories/{story_id}")
    assert_inert(page, dialogs)
    texts = page.locator(".comment-text").all_text_contents()
    assert texts == ATTACKS  # literally, in posting order
    authors = page.locator(".comment .author").all_text_contents()
    assert authors == [NAMES[i % len(NAMES)] for i in range(len(ATTACKS))]
    rlo_comment = page.locator(".comment", has_text=f"Mehmet{RLO}kötü")
    assert_bidi_contained(rlo_comment.first, ".author", "time")

    # A reader types each attack; the pre-check, the refusal page and the fix stay inert.
    for attack in (ATTACKS[0], ATTACKS[1], ATTACKS[4]):
        page.fill("input[name=author]", NAMES[1])
        page.fill("textarea[name=text]", f"gorusme {attack}")
        page.wait_for_selector("#precheck:not([hidden])")
        page.click("button[name=action][value=post]")
        page.wait_for_selector("#verdict")
        assert_inert(page, dialogs)
        assert page.input_value("textarea[name=text]") == f"gorusme {attack}"
        page.click("#verdict button.fix-button")
        assert page.input_value("textarea[name=text]") == f"görüşme {attack}"
    page.fill("textarea[name=text]", ATTACKS[3])
    page.click("button[name=action][value=post]")
    page.wait_for_url("**notice=approved**")
    assert_inert(page, dialogs)
    assert page.locator(".comment-text").last.text_content() == ATTACKS[3]


def test_editors_queue_keeps_attacks_inert(site: tuple[str, int], page: Page) -> None:
    url, _ = site
    dialogs = watch_dialogs(page)
    page.goto(f"{url}/moderation/login")
    page.fill("input[name=name]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/moderation")
    assert_inert(page, dialogs)
    held = page.locator("article.card .card-text").all_text_contents()
    assert held == [f"HOLD {a}" for a in ATTACKS]
    assert page.locator("article.card .card-text mark").all_text_contents() == ["HOLD"] * len(
        ATTACKS
    )
    rlo_card = page.locator("article.card", has_text=f"Mehmet{RLO}kötü").first
    assert_bidi_contained(rlo_card, ".author", ".meta")

    page.goto(f"{url}/moderation?tab=reported")
    assert_inert(page, dialogs)
    reasons = page.locator(".reports li > :first-child").all_text_contents()
    assert sorted(reasons) == sorted(ATTACKS)
    rlo_reason = page.locator(".reports li", has_text="gnp.exe").first
    assert_bidi_contained(rlo_reason, ":first-child", ".meta")  # a reason and its date: one line
    page.locator("input.reason").first.fill(ATTACKS[1])
    page.locator("article.card button.reject").first.click()
    page.wait_for_url("**notice=rejected**")
    page.goto(f"{url}/moderation/audit")
    assert_inert(page, dialogs)
    assert ATTACKS[1] in page.inner_text("table.data")


def test_csp_stops_script_that_gets_in(site: tuple[str, int], page: Page) -> None:
    """Defence in depth: were markup ever to slip through, the browser would not run it."""
    url, story_id = site
    dialogs = watch_dialogs(page)
    page.goto(f"{url}/stories/{story_id}")
    violations: Any = page.evaluate(
        """() => new Promise(done => {
            document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective));
            const div = document.createElement('div');
            div.innerHTML = '<img src=x onerror="alert(1)">';
            document.body.appendChild(div);
            const s = document.createElement('script');
            s.textContent = 'alert(2)';
            document.body.appendChild(s);
            setTimeout(() => done('none'), 2000);
        })"""
    )
    assert str(violations).startswith("script-src")
    page.wait_for_timeout(200)
    assert dialogs == []
