"""A real browser (Playwright driving Debian's chromium) against a live server.

Writer: a Turkish comment typed without Turkish letters is refused with the fix; one click
applies it; the comment is posted and appears. Editor: logs in, finds a held comment and
approves it with the keyboard. The real engine is used once it refuses that comment with a
fix; until its rules land, the stub engine of ``tests.web.fakes`` stands in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.browser import Page, live_server, watch_console
from tests.web.conftest import make_settings
from tests.web.fakes import fake_moderate
from yorum.moderation.verdict import Verdict
from yorum.storage import editors, repo
from yorum.storage.testing import sqlite_database
from yorum.web import create_app
from yorum.web.auth import hash_password
from yorum.web.moderator import ModerateFn

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - the page fixture skips (or fails) first
    expect = None  # type: ignore[assignment]

COMMENT = "Bu gorusme cok onemli bir adim"
EDITOR = ("editor1", "klavye-ile-onay-123")


def _engine() -> ModerateFn | None:
    """The real engine when it already refuses COMMENT with a fix, else the stub."""
    from yorum import moderate

    try:
        verdict = moderate(COMMENT)
    except Exception:
        return fake_moderate
    return None if verdict.decision == "rejected" and verdict.suggestion else fake_moderate


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with sqlite_database(tmp_path) as db:
        with db.transaction() as s:
            editors.add_editor(s, EDITOR[0], hash_password(EDITOR[1]))
        app = create_app(make_settings(tmp_path), db=db, moderate_fn=_engine())
        with db.transaction() as s:  # the demo story is made on start; make it now
            story = repo.create_story(
                s,
                external_id="demo-spaceport-summit",
                title="Uzay üssünde zirve",
                body_tr="Komşu iki ülkenin liderleri uzay üssünde buluştu.",
            )
            for text in ("Birinci HOLD yorum", "İkinci HOLD yorum"):
                held: Verdict = fake_moderate(text)
                repo.add_comment(
                    s,
                    story_id=story.id,
                    author="Okur",
                    text=text,
                    verdict=held.to_dict(),
                    ip="127.0.0.1",
                )
        with live_server(app) as url:
            yield url


def test_writer_fixes_and_posts(server: str, page: Page) -> None:
    problems = watch_console(page)
    page.goto(f"{server}/")
    page.click("a[href^='/stories/']")
    page.fill("input[name=author]", "Deniz")
    page.fill("textarea[name=text]", COMMENT)
    expect(page.locator("#precheck")).to_be_visible()  # the debounced pre-check answered
    page.click("button[name=action][value=post]")

    verdict = page.locator("#verdict")
    expect(verdict).to_be_visible()
    expect(verdict.locator(".clause").first).to_be_visible()
    expect(verdict.locator("mark").first).to_be_visible()
    fix = verdict.locator("button.fix-button")
    suggestion = fix.get_attribute("data-suggestion")
    assert suggestion and suggestion != COMMENT
    fix.click()
    expect(page.locator("textarea[name=text]")).to_have_value(suggestion)

    page.click("button[name=action][value=post]")
    page.wait_for_url("**notice=approved**")
    expect(page.locator(".comment-text", has_text=suggestion)).to_be_visible()
    assert problems == []


def test_editor_approves_with_the_keyboard(server: str, page: Page) -> None:
    problems = watch_console(page)
    page.goto(f"{server}/moderation")
    page.wait_for_url("**/moderation/login**")
    page.fill("input[name=name]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/moderation")

    cards = page.locator("article.card")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_have_class("card current")
    page.keyboard.press("?")
    expect(page.locator("#help .keys")).to_be_visible()
    page.keyboard.press("?")
    page.keyboard.press("j")
    expect(cards.nth(1)).to_have_class("card current")
    held_text = cards.nth(1).locator(".card-text").inner_text()
    assert "İkinci" in held_text
    page.keyboard.press("a")
    page.wait_for_url("**notice=approved**")

    expect(page.locator("article.card")).to_have_count(1)
    expect(page.locator("article.card .card-text")).to_contain_text("Birinci")
    page.goto(f"{server}/moderation?tab=approved")
    expect(page.locator("article.card .card-text")).to_contain_text("İkinci")
    page.goto(f"{server}/moderation/audit")
    expect(page.locator("table.data")).to_contain_text(EDITOR[0])
    assert problems == []


def test_no_browser_skips_or_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI sets YORUM_REQUIRE_BROWSER=1: a machine without chromium fails instead of skipping."""
    from tests.web import browser

    monkeypatch.setattr(browser, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("YORUM_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="YORUM_REQUIRE_BROWSER=1"):
        browser.require_browser()
    monkeypatch.delenv("YORUM_REQUIRE_BROWSER")
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        browser.require_browser()
