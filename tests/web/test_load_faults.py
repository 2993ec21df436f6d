"""Load and faults, nothing lost: two ``yorum serve`` processes share one database, clients
post from several threads, one server is SIGKILLed mid-load and started again.

Every post carries an ``Idempotency-Key``; a client whose request fails (connection refused
or dropped, 503) retries it on the other server, as a real client would. Afterwards every key
is stored exactly once, every stored comment is whole (its verdict and its clause rows), no
answer was a 500, and the figures are printed (``pytest -s``) for docs/hardening.md.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from tests.web.faults import Server, pg_schema_url, servers
from yorum.storage.models import Comment, CommentViolation
from yorum.storage.testing import pg_reachable, pg_required, pg_test_url

CLIENTS = 6
LOAD_SECONDS = 7.0
KILL_AT = 1.5
TEXTS = ("Güzel bir haber, teşekkürler.", "Bu gorusme cok onemli", "Bunu HOLD edelim")


@dataclass
class Tally:
    ok: dict[str, int] = field(default_factory=dict)  # key -> comment id of its 201
    answers: Counter[str] = field(default_factory=Counter)
    replayed: int = 0
    unresolved: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, what: str) -> None:
        with self.lock:
            self.answers[what] += 1


def _client(n: int, targets: list[Server], story: int, end: float, tally: Tally) -> None:
    with httpx.Client(timeout=15) as http:
        i = 0
        while time.monotonic() < end:
            key, text = f"c{n}-{i}", f"{TEXTS[i % len(TEXTS)]} ({n}.{i})"
            body = {"author": f"okur{n}", "text": text}
            for attempt in range(200):
                target = targets[(n + i + attempt) % len(targets)]
                try:
                    r = http.post(
                        f"{target.url}/api/v1/stories/{story}/comments",
                        json=body,
                        headers={"Idempotency-Key": key},
                    )
                except httpx.TransportError as exc:
                    tally.note(type(exc).__name__)
                    time.sleep(0.05)
                    continue
                tally.note(str(r.status_code))
                if r.status_code == 201:
                    with tally.lock:
                        tally.ok[key] = r.json()["id"]
                        tally.replayed += r.headers.get("Idempotent-Replayed") == "true"
                    break
                time.sleep(0.05)
            else:
                tally.unresolved.append(key)
            i += 1


def _load(targets: list[Server], victim: Server) -> tuple[Tally, float]:
    story = httpx.get(targets[0].url + "/api/v1/stories").json()["stories"][0]["id"]
    tally = Tally()
    end = time.monotonic() + LOAD_SECONDS
    threads = [
        threading.Thread(target=_client, args=(n, targets, story, end, tally))
        for n in range(CLIENTS)
    ]
    for t in threads:
        t.start()
    time.sleep(KILL_AT)
    victim.kill()
    down = time.monotonic()
    victim.start()
    victim.wait_ready()
    downtime = time.monotonic() - down
    for t in threads:
        t.join(60)
    return tally, downtime


def _check(url: str, tally: Tally, label: str, downtime: float) -> dict[str, Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(Comment.id, Comment.idempotency_key, Comment.status, Comment.verdict)
            ).all()
            clauses = dict(
                conn.execute(
                    select(CommentViolation.comment_id, func.count()).group_by(
                        CommentViolation.comment_id
                    )
                ).all()
            )
    finally:
        engine.dispose()
    per_key = Counter(key for _, key, _, _ in rows)
    by_key = {key: cid for cid, key, _, _ in rows}
    half = [
        cid
        for cid, _, status, verdict in rows
        if verdict.get("decision") != status
        or clauses.get(cid, 0)
        != sum(v.get("severity") != "advice" for v in verdict.get("violations") or ())
    ]
    figures = {
        "backend": label,
        "posts_201": len(tally.ok),
        "answers": dict(tally.answers),
        "replayed": tally.replayed,
        "rows": len(rows),
        "rows_with_clauses": len(clauses),
        "duplicates": sum(n - 1 for n in per_key.values()),
        "lost": sum(1 for key, cid in tally.ok.items() if by_key.get(key) != cid),
        "half_written": len(half),
        "unresolved": len(tally.unresolved),
        "restart_seconds": round(downtime, 1),
    }
    print(f"\nload+SIGKILL figures: {figures}")
    return figures


def _assert_nothing_lost(f: dict[str, Any], servers_: list[Server]) -> None:
    logs = "\n".join(s.tail(1500) for s in servers_)
    assert f["answers"].get("500", 0) == 0, logs
    assert f["duplicates"] == 0 and f["lost"] == 0 and f["half_written"] == 0, f
    assert f["unresolved"] == 0 and f["rows"] == f["posts_201"], f
    assert f["posts_201"] >= 50, f  # it was a load
    assert f["rows_with_clauses"] > 0, f  # the clause rows were written under load too
    faults = sum(n for k, n in f["answers"].items() if not k.isdigit())
    assert faults > 0, f  # the kill was felt: refused or dropped connections


@pytest.fixture
def pg_url() -> str:
    if not pg_reachable() and not pg_required():
        pytest.skip("PostgreSQL test server not reachable (set YORUM_TEST_PG to require it)")
    return pg_test_url()


def test_two_servers_on_postgresql_survive_sigkill(pg_url: str, tmp_path: Path) -> None:
    with pg_schema_url(pg_url) as url:
        env = {"YORUM_DATABASE_URL": url, "YORUM_DATA_DIR": str(tmp_path)}
        with servers(2, env, tmp_path) as pair:
            tally, downtime = _load(pair, victim=pair[0])
            figures = _check(url, tally, "postgresql", downtime)
            _assert_nothing_lost(figures, pair)
            assert figures["answers"].get("503", 0) == 0, figures


def test_two_servers_on_one_sqlite_file_survive_sigkill(tmp_path: Path) -> None:
    env = {"YORUM_DATA_DIR": str(tmp_path)}
    with servers(2, env, tmp_path) as pair:
        tally, downtime = _load(pair, victim=pair[1])
        figures = _check(f"sqlite:///{tmp_path / 'yorum.db'}", tally, "sqlite", downtime)
        _assert_nothing_lost(figures, pair)
        assert figures["answers"].get("503", 0) == 0, figures  # no "database is locked"
        logs = "".join(s.tail(10**6) for s in pair)
        assert "database is locked" not in logs
