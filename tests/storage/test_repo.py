"""Stories, comments with verdicts, threads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from yorum.storage import Conflict, Database, NotFound, repo


def verdict(decision: str = "approved", *rules: str) -> dict[str, Any]:
    return {
        "decision": decision,
        "language": "tr",
        "violations": [
            {"rule": r, "severity": "block", "score": 0.9, "spans": [[0, 2]], "message": {}}
            for r in rules
        ],
        "suggestion": None,
    }


def test_create_and_list_stories(db: Database) -> None:
    with db.transaction() as s:
        a = repo.create_story(s, external_id="a", title="A", url="https://x/a")
        repo.create_story(s, external_id="b", title="B")
        repo.add_comment(s, story_id=a.id, author="x", text="t", verdict=verdict(), ip="1.2.3.4")
        repo.add_comment(
            s, story_id=a.id, author="x", text="t", verdict=verdict("rejected"), ip=None
        )
    with db.transaction() as s:
        listed = {story.external_id: n for story, n in repo.list_stories(s)}
        assert listed == {"a": 1, "b": 0}
        assert repo.story_by_external_id(s, "a") is not None
        assert repo.count_stories(s) == 2


def test_duplicate_external_id_conflicts(db: Database) -> None:
    with db.transaction() as s:
        repo.create_story(s, external_id="a", title="A")
    with pytest.raises(Conflict), db.transaction() as s:
        repo.create_story(s, external_id="a", title="again")


def test_comment_keeps_verdict_ip_time_and_clauses(db: Database) -> None:
    real = {  # DESIGN §2's example verdict
        "decision": "rejected",
        "language": "tr",
        "violations": [
            {
                "rule": "turkish_chars",
                "severity": "block",
                "score": 0.97,
                "spans": [[3, 10]],
                "message": {"tr": "…", "en": "…"},
                "suggestion": "görüşme",
            }
        ],
        "suggestion": "Bu görüşme çok önemli.",
    }
    with db.transaction() as s:
        story = repo.create_story(s, external_id="a", title="A")
        c = repo.add_comment(
            s,
            story_id=story.id,
            author="Ayşe",
            text="Bu haber çok önemli.",
            verdict=real,
            ip="2001:db8::1",
        )
        bad = repo.add_comment(
            s,
            story_id=story.id,
            author="x",
            text="t",
            verdict=verdict("rejected", "insult", "spelling"),
            ip=None,
        )
        cid, bad_id = c.id, bad.id
    with db.transaction() as s:
        stored = repo.get_comment(s, cid)
        assert stored.verdict == real
        assert stored.status == real["decision"]
        assert stored.ip == "2001:db8::1"
        assert stored.created_at.tzinfo is not None
        assert abs(stored.created_at - datetime.now(UTC)) < timedelta(minutes=1)
        assert repo.get_comment(s, bad_id).status == "rejected"
    with pytest.raises(NotFound), db.transaction() as s:
        repo.get_comment(s, 999)


def test_unknown_decision_is_refused(db: Database) -> None:
    with pytest.raises(ValueError), db.transaction() as s:
        story = repo.create_story(s, external_id="a", title="A")
        repo.add_comment(s, story_id=story.id, author="x", text="t", verdict={}, ip=None)


def test_threads_nest_approved_replies(db: Database) -> None:
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    with db.transaction() as s:
        story = repo.create_story(s, external_id="a", title="A")
        sid = story.id

        def add(text: str, parent: int | None = None, d: str = "approved", m: int = 0) -> int:
            c = repo.add_comment(
                s,
                story_id=sid,
                author="x",
                text=text,
                verdict=verdict(d),
                ip=None,
                parent_id=parent,
                now=t0 + timedelta(minutes=m),
            )
            return c.id

        root = add("root", m=0)
        reply = add("reply", root, m=1)
        add("reply2", reply, m=2)
        add("held", root, "review", m=3)
        add("second root", m=4)
    with db.transaction() as s:
        threads = repo.approved_threads(s, sid)
    assert [t.comment.text for t in threads] == ["root", "second root"]
    assert [t.comment.text for t in threads[0].replies] == ["reply"]
    assert [t.comment.text for t in threads[0].replies[0].replies] == ["reply2"]


def test_reply_needs_an_approved_parent_on_the_same_story(db: Database) -> None:
    with db.transaction() as s:
        a = repo.create_story(s, external_id="a", title="A")
        b = repo.create_story(s, external_id="b", title="B")
        held = repo.add_comment(
            s, story_id=a.id, author="x", text="t", verdict=verdict("review"), ip=None
        )
        ok = repo.add_comment(s, story_id=a.id, author="x", text="t", verdict=verdict(), ip=None)
        ids = (a.id, b.id, held.id, ok.id)
    a_id, b_id, held_id, ok_id = ids
    for story_id, parent in ((a_id, held_id), (b_id, ok_id), (a_id, 12345)):
        with pytest.raises(NotFound), db.transaction() as s:
            repo.add_comment(
                s,
                story_id=story_id,
                author="x",
                text="t",
                verdict=verdict(),
                ip=None,
                parent_id=parent,
            )
    with pytest.raises(NotFound), db.transaction() as s:
        repo.add_comment(s, story_id=999, author="x", text="t", verdict=verdict(), ip=None)


def test_deep_reply_chains_stop_nesting(db: Database) -> None:
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    with db.transaction() as s:
        sid = repo.create_story(s, external_id="a", title="A").id
        parent = None
        for i in range(30):
            parent = repo.add_comment(
                s,
                story_id=sid,
                author="x",
                text=str(i),
                verdict=verdict(),
                ip=None,
                parent_id=parent,
                now=t0 + timedelta(seconds=i),
            ).id
    with db.transaction() as s:
        threads = repo.approved_threads(s, sid)
    depth, node = 0, threads[0]
    while node.replies:
        assert len(node.replies) in (1, 30 - repo.MAX_DEPTH)
        node, depth = node.replies[0], depth + 1
    assert depth == repo.MAX_DEPTH
    assert node.comment.text == str(repo.MAX_DEPTH)


def test_idempotency_key_stores_one_comment(db: Database) -> None:
    with db.transaction() as s:
        sid = repo.create_story(s, external_id="a", title="A").id
        first = repo.add_comment(
            s, story_id=sid, author="x", text="t", verdict=verdict(), ip=None, idempotency_key="k"
        ).id
    with pytest.raises(Conflict) as caught, db.transaction() as s:
        repo.add_comment(
            s, story_id=sid, author="x", text="t", verdict=verdict(), ip=None, idempotency_key="k"
        )
    assert caught.value.key == "idempotency_key"
    with db.transaction() as s:
        found = repo.comment_by_key(s, "k")
        assert found is not None and found.id == first
        assert repo.comment_by_key(s, "other") is None
        for _ in range(2):  # no key: no limit
            repo.add_comment(s, story_id=sid, author="x", text="t", verdict=verdict(), ip=None)


def test_a_story_registered_meanwhile_is_a_conflict(db: Database) -> None:
    """Two servers register the same story at once: the loser gets Conflict, not a crash."""
    from sqlalchemy import event

    from yorum.storage.models import Story

    def competitor(session: Any, *_: Any) -> None:
        with db.transaction() as other:
            other.add(Story(external_id="same", title="first"))

    with pytest.raises(Conflict) as caught, db.transaction() as s:
        event.listen(s, "before_flush", competitor, once=True)
        repo.create_story(s, external_id="same", title="second")
    assert caught.value.key == "story_exists"
    with db.transaction() as s:
        story = repo.story_by_external_id(s, "same")
        assert story is not None and story.title == "first"
