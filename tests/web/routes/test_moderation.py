"""The editors' queue pages: tabs, decisions one at a time and in bulk, audit log, stats."""

from __future__ import annotations

import re

from tests.web.conftest import TestClient, demo_story_id, login
from yorum import messages


def _seed(client: TestClient, *texts: str) -> list[int]:
    sid = demo_story_id(client)
    return [
        client.post(f"/api/v1/stories/{sid}/comments", json={"author": "x", "text": t}).json()["id"]
        for t in texts
    ]


def test_queue_tabs_show_evidence(client: TestClient, editor: object) -> None:
    held, bad, ok = _seed(client, "Şunu HOLD edin", "Bu gorusme <b>", "Güzel.")
    client.post(f"/api/v1/comments/{ok}/reports", json={"reason": "reklam <i>"})
    login(client)
    page = client.get("/moderation").text
    assert f'id="q{held}"' in page and f'id="q{bad}"' not in page
    assert "Şunu <mark>HOLD</mark> edin" in page
    assert "0.62" in page and messages.RULE_NAMES["offensive"]["tr"] in page
    assert "/static/queue.js" in page and "<kbd>j</kbd>" in page
    rejected = client.get("/moderation?tab=rejected").text
    assert f'id="q{bad}"' in rejected and "Bu <mark>gorusme</mark> &lt;b&gt;" in rejected
    reported = client.get("/moderation?tab=reported").text
    assert f'id="q{ok}"' in reported and "reklam &lt;i&gt;" in reported
    assert f'id="q{ok}"' in client.get("/moderation?tab=approved").text
    assert client.get("/moderation?tab=nope").status_code == 422
    assert client.get("/moderation").headers["cache-control"] == "no-store"


def _token(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match
    return match.group(1)


def test_decide_one_with_reason(client: TestClient, editor: object) -> None:
    (held,) = _seed(client, "HOLD")
    login(client)
    token = _token(client.get("/moderation").text)
    r = client.post(
        "/moderation/decide",
        data={"csrf": token, "tab": "review", "one": f"approved:{held}", f"reason-{held}": "ok"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert r.headers["location"].startswith("/moderation?tab=review&notice=approved&n=1")
    assert messages.UI["done_approved"]["tr"].format(n=1) in client.get(r.headers["location"]).text
    audit = client.get("/moderation/audit").text
    assert "ayse" in audit and f"#{held}" in audit and ">ok<" in audit


def test_decide_in_bulk(client: TestClient, editor: object) -> None:
    ids = _seed(client, "HOLD 1", "HOLD 2", "HOLD 3")
    login(client)
    token = _token(client.get("/moderation").text)
    r = client.post(
        "/moderation/decide",
        data={"csrf": token, "bulk": "rejected", "ids": [str(i) for i in ids[:2]], "reason": "x"},
        follow_redirects=False,
    )
    assert "notice=rejected&n=2" in r.headers["location"]
    page = client.get("/moderation").text
    assert f'id="q{ids[2]}"' in page and f'id="q{ids[0]}"' not in page
    rejected = client.get("/moderation?tab=rejected").text
    assert f'id="q{ids[0]}"' in rejected and f'id="q{ids[1]}"' in rejected


def test_decide_needs_csrf_and_ignores_nonsense(client: TestClient, editor: object) -> None:
    (held,) = _seed(client, "HOLD")
    login(client)
    r = client.post("/moderation/decide", data={"one": f"approved:{held}"})
    assert r.status_code == 403
    token = _token(client.get("/moderation").text)
    for data in ({"one": "approved:abc"}, {"bulk": "maybe", "ids": [str(held)]}, {}):
        r = client.post("/moderation/decide", data={"csrf": token, **data}, follow_redirects=False)
        assert "notice=nothing&n=0" in r.headers["location"]
    assert f'id="q{held}"' in client.get("/moderation").text


def test_stats_page_counts_clauses_per_day(client: TestClient, editor: object) -> None:
    _seed(client, "PIS", "PIS gorusme", "HOLD")
    login(client)
    page = client.get("/moderation/stats").text
    assert messages.RULE_NAMES["insult"]["tr"] in page
    row = re.search(r"<tfoot><tr><th>[^<]+</th>(.*?)</tr></tfoot>", page, re.S)
    assert row
    totals = [int(n) for n in re.findall(r"<th>(\d+)</th>", row.group(1))]
    assert sum(totals) == 4  # 2 insult + 1 turkish_chars + 1 offensive
    assert client.get("/moderation/stats?days=0").status_code == 422


def test_english_queue(client: TestClient, editor: object) -> None:
    login(client)
    page = client.get("/moderation?lang=en").text
    assert "Moderation queue" in page and "Keyboard shortcuts" in page
