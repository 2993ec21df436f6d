"""Browser tests' tools: Debian's chromium driven by Playwright, and the app on a live port.

Without chromium or Playwright the browser tests are skipped, unless
``YORUM_REQUIRE_BROWSER=1`` (CI sets it): then they fail, so CI never passes by skipping them.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SKIP = "install chromium (apt-get install chromium) and playwright (pip install playwright)"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    Page = Any  # type: ignore[misc,assignment]
    sync_playwright = None


def require_browser() -> None:
    """Skip (or, with ``YORUM_REQUIRE_BROWSER=1``, fail) when there is no browser to drive."""
    if sync_playwright is not None and CHROMIUM.exists():
        return
    if os.environ.get("YORUM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"YORUM_REQUIRE_BROWSER=1 but no browser: {SKIP}")
    pytest.skip(SKIP)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """The app served by uvicorn in a thread, on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="none", http="h11"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def page() -> Iterator[Page]:
    require_browser()
    assert sync_playwright is not None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            pg = browser.new_page()
            pg.set_default_timeout(15_000)
            yield pg
        finally:
            browser.close()


def watch_console(page: Page) -> list[str]:
    """Errors the page logs or throws, collected as they come."""
    problems: list[str] = []

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems


def watch_dialogs(page: Page) -> list[str]:
    """Every alert/confirm/prompt the page opens (each dismissed): injected script shows here."""
    opened: list[str] = []

    def on_dialog(dialog: Any) -> None:
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return opened
