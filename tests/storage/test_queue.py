"""Queue tabs, decisions with their audit rows, reports."""

from __future__ import annotations

import pytest

from tests.storage.test_repo import verdict
from yorum.storage import Conflict, Database, NotFound, editors, queue, repo


def _seed(db: Database) -> dict[str, int]:
    with db.transaction() as s:
        story = repo.create_story(s, external_id="a", title="A")
        ids = {
            d: repo.add_comment(
                s, story_id=story.id, author="x", text=d, verdict=verdict(d), ip="10.0.0.1"
            ).id
            for d in ("approved", "rejected", "review")
        }
    return ids


def test_tabs_and_counts(db: Database) -> None:
    ids = _seed(db)
    with db.transaction() as s:
        queue.add_report(s, ids["approved"], reason="spam", ip="10.0.0.2")
    with db.transaction() as s:
        for tab in ("review", "rejected", "approved"):
            assert [i.comment.id for i in queue.queue(s, tab)] == [ids[tab]]
        reported = queue.queue(s, "reported")
        assert [i.comment.id for i in reported] == [ids["approved"]]
        assert [r.reason for r in reported[0].reports] == ["spam"]
        assert queue.tab_counts(s) == {"review": 1, "reported": 1, "rejected": 1, "approved": 1}
    with pytest.raises(NotFound), db.transaction() as s:
        queue.queue(s, "nope")


def test_decision_changes_status_resolves_reports_and_is_audited(db: Database) -> None:
    ids = _seed(db)
    with db.transaction() as s:
        ed = editors.add_editor(s, "ayse", "hash")
        editor_id = ed.id
        queue.add_report(s, ids["approved"], reason="", ip="10.0.0.9")
    with db.transaction() as s:
        queue.decide(s, ids["review"], "approved", actor="ayse", editor_id=editor_id, reason="ok")
        queue.decide(s, ids["approved"], "rejected", actor="ayse", editor_id=editor_id, reason="x")
    with db.transaction() as s:
        assert repo.get_comment(s, ids["review"]).status == "approved"
        assert repo.get_comment(s, ids["approved"]).status == "rejected"
        assert queue.tab_counts(s)["reported"] == 0
        log = editors.audit_log(s)
        assert [(a.actor, a.action, a.previous_status, a.reason) for a in log] == [
            ("ayse", "rejected", "approved", "x"),
            ("ayse", "approved", "review", "ok"),
        ]


def test_decision_conflicts_and_missing(db: Database) -> None:
    ids = _seed(db)
    with pytest.raises(Conflict), db.transaction() as s:
        queue.decide(s, ids["approved"], "approved", actor="a", editor_id=None)
    with pytest.raises(NotFound), db.transaction() as s:
        queue.decide(s, 999, "approved", actor="a", editor_id=None)
    with pytest.raises(ValueError), db.transaction() as s:
        queue.decide(s, ids["review"], "maybe", actor="a", editor_id=None)
    with db.transaction() as s:
        assert editors.audit_log(s) == []


def test_reports_only_on_visible_comments_once_per_address(db: Database) -> None:
    ids = _seed(db)
    with db.transaction() as s:
        queue.add_report(s, ids["approved"], reason="", ip="10.0.0.2")
        queue.add_report(s, ids["approved"], reason="", ip=None)
    with pytest.raises(Conflict), db.transaction() as s:
        queue.add_report(s, ids["approved"], reason="", ip="10.0.0.2")
    for cid in (ids["review"], ids["rejected"], 999):
        with pytest.raises(NotFound), db.transaction() as s:
            queue.add_report(s, cid, reason="", ip="10.0.0.3")
