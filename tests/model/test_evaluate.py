"""`yorum eval FILE`: labelled files in both formats, and the small metrics behind the report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from yorum.model.datasets import load_jsonl, load_labelled, load_tsv
from yorum.model.evaluate import main
from yorum.model.metrics import best_threshold, confusion, crossfit_macro_f1, macro_f1, prf


def test_metrics() -> None:
    truth = np.array([1, 1, 0, 0, 0, 1])
    pred = np.array([1, 0, 0, 1, 0, 1])
    got = prf(truth, pred)
    assert (got.precision, got.recall) == pytest.approx((2 / 3, 2 / 3))
    assert macro_f1(truth, pred) == pytest.approx((2 / 3 + 2 / 3) / 2)
    prob = np.array([0.9, 0.6, 0.1, 0.4, 0.2, 0.8])
    thr, best = best_threshold(truth, prob)
    assert best == 1.0 and 0.4 < thr <= 0.6
    assert crossfit_macro_f1(truth, prob, np.array([0, 1, 0, 1, 0, 1])) <= 1.0
    table = confusion(["non", "prof"], ["non", "non"], ("non", "prof"))
    assert table.splitlines()[1].split() == ["non", "1", "0"]


def test_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("id\ttweet\tsubtask_a\n1\tsiktir git\tOFF\n2\tgüzel gün\tNOT\n", "utf-8")
    jsonl = tmp_path / "a.jsonl"
    rows = [{"text": "siktir git", "label": "prof"}, {"text": "güzel gün", "label": 0}]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    for data in (load_tsv(tsv), load_jsonl(jsonl), load_labelled(jsonl)):
        assert data.texts == ["siktir git", "güzel gün"]
        assert data.offensive == [1, 0]
    assert load_jsonl(jsonl).fine == ["prof", "non"]


def test_eval_file_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.jsonl"
    texts = [("Siktir git lan", "OFF"), ("Sen bir gerizekalısın", "OFF"), ("İyi günler", "NOT")]
    path.write_text("\n".join(json.dumps({"text": t, "label": y}) for t, y in texts), "utf-8")
    main(path, tmp_path)  # no shared data here: no belief section
    out = capsys.readouterr().out
    assert "macro-F1 offensive vs not" in out
    assert "confusion" in out and "speed" in out
