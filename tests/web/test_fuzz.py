"""The API under fuzzing: schemathesis generates requests from ``/openapi.json`` (valid and
invalid bodies, paths, queries, headers) and sends them in process; no answer may be a 5xx.

Each example is sent twice: as a reader, and with the API key, so the editors' routes are
fuzzed past their login check too. The real engine is used when it is importable, else the
stub of ``tests.web.fakes``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import API_KEY, make_settings
from tests.web.fakes import fake_moderate
from yorum.storage import Database
from yorum.web import create_app
from yorum.web.demo import seed_demo_story
from yorum.web.moderator import ModerateFn

schemathesis = pytest.importorskip("schemathesis", reason="pip install schemathesis")
from schemathesis import GenerationMode  # noqa: E402

MAX_EXAMPLES = 30


def real_engine_or_stub() -> ModerateFn | None:
    """``None`` (the real engine) when it answers, else the stub."""
    from yorum import moderate

    try:
        moderate("Merhaba.")
    except Exception:  # not built yet (no module, no weights): the stub stands in
        return fake_moderate
    return None


def test_no_server_error_on_any_input(db: Database, tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path), db=db, moderate_fn=real_engine_or_stub())
    assert seed_demo_story(db) == 1  # generated story ids hit it now and then
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    statuses: Counter[int] = Counter()
    for operation in operations:
        modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        fuzz(st.one_of([operation.as_strategy(mode) for mode in modes]), statuses)
    print(f"\nfuzz: {len(operations)} operations, {statuses.total()} requests, {dict(statuses)}")
    assert statuses.total() >= len(operations) * MAX_EXAMPLES  # it did run


def fuzz(strategy: Any, statuses: Counter[int]) -> None:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(case: Any) -> None:
        for headers in ({}, {"X-API-Key": API_KEY}):
            response = case.call(headers=headers)
            statuses[response.status_code] += 1
            where = f"{case.method} {case.formatted_path} {case.body!r:.200}"
            assert response.status_code < 500, (where, response.status_code, response.text[:300])
            if response.status_code >= 400:
                assert "error" in response.json(), where

    run()
