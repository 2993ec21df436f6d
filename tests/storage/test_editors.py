"""Editors, audit log, per-clause counts, IP purge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.storage.test_repo import verdict
from yorum.storage import Conflict, Database, NotFound, editors, queue, repo

NOW = datetime(2025, 6, 30, 12, tzinfo=UTC)


def test_editors_are_unique(db: Database) -> None:
    with db.transaction() as s:
        ed = editors.add_editor(s, "ayse", "h")
        assert editors.count_editors(s) == 1
        assert editors.editor_by_name(s, "ayse") is ed
        assert editors.get_editor(s, ed.id).session_epoch == 0
    with pytest.raises(Conflict), db.transaction() as s:
        editors.add_editor(s, "ayse", "h2")
    with pytest.raises(NotFound), db.transaction() as s:
        editors.get_editor(s, 42)


def test_log_action_without_comment(db: Database) -> None:
    with db.transaction() as s:
        editors.log_action(s, actor="api", action="story_created", reason="a")
    with db.transaction() as s:
        (row,) = editors.audit_log(s)
        assert (row.actor, row.action, row.comment_id, row.editor_id) == (
            "api",
            "story_created",
            None,
            None,
        )


def test_clause_counts_per_day(db: Database) -> None:
    with db.transaction() as s:
        sid = repo.create_story(s, external_id="a", title="A").id
        for days_ago, rules in ((0, ("insult", "spelling")), (0, ("insult",)), (1, ("all_caps",))):
            repo.add_comment(
                s,
                story_id=sid,
                author="x",
                text="t",
                verdict=verdict("rejected", *rules),
                ip=None,
                now=NOW - timedelta(days=days_ago),
            )
        repo.add_comment(
            s,
            story_id=sid,
            author="x",
            text="t",
            verdict=verdict("rejected", "insult"),
            ip=None,
            now=NOW - timedelta(days=90),
        )
    with db.transaction() as s:
        counts = editors.clause_counts(s, days=30, now=NOW)
    got = {(c.day, c.rule): c.count for c in counts}
    assert got == {
        (date(2025, 6, 30), "insult"): 2,
        (date(2025, 6, 30), "spelling"): 1,
        (date(2025, 6, 29), "all_caps"): 1,
    }


def test_purge_blanks_old_ips_only(db: Database) -> None:
    with db.transaction() as s:
        sid = repo.create_story(s, external_id="a", title="A").id
        old = repo.add_comment(
            s,
            story_id=sid,
            author="x",
            text="old",
            verdict=verdict(),
            ip="10.0.0.1",
            now=NOW - timedelta(days=800),
        )
        new = repo.add_comment(
            s,
            story_id=sid,
            author="x",
            text="new",
            verdict=verdict(),
            ip="10.0.0.2",
            now=NOW - timedelta(days=10),
        )
        queue.add_report(s, old.id, reason="", ip="10.0.0.3", now=NOW - timedelta(days=731))
        ids = old.id, new.id
    with db.transaction() as s:
        assert editors.purge_ips(s, days=730, now=NOW) == 2
    with db.transaction() as s:
        assert repo.get_comment(s, ids[0]).ip is None
        assert repo.get_comment(s, ids[0]).text == "old"
        assert repo.get_comment(s, ids[1]).ip == "10.0.0.2"
        assert editors.purge_ips(s, days=730, now=NOW) == 0
    with pytest.raises(ValueError), db.transaction() as s:
        editors.purge_ips(s, days=-1)
