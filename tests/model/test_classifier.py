"""The shipped model: a plain npz, quick to load, sensible on clear cases, spans in the text."""

from __future__ import annotations

import threading
import zipfile
from dataclasses import replace

import numpy as np
import pytest

from yorum.model import ModelOutput, classify
from yorum.model.classifier import Scorer, weights_path
from yorum.model.store import OUTPUTS, load

MAX_BYTES = 25_000_000


def test_weights_are_npz_without_pickle() -> None:
    path = weights_path()
    assert path.stat().st_size <= MAX_BYTES
    assert zipfile.is_zipfile(path)
    with np.load(path, allow_pickle=False) as data:
        for name in data.files:
            assert data[name].dtype != object, name


def test_loads_whole() -> None:
    # How fast it loads is measured by benchmarks/engine_speed.py, not here.
    weights = load(weights_path())
    assert weights.coef.shape == (weights.n_features, len(OUTPUTS))
    assert weights.meta["features_version"] >= 1
    assert len(weights.table) == weights.table_rows.shape[0] > 10_000


def test_shipped_word_table_matches_the_weights() -> None:
    """The per-word rows shipped in advance are what the scorer would work out itself."""
    weights = load(weights_path())
    without = replace(weights, table={}, table_rows=np.zeros((0, 0), dtype=np.float32))
    words, rows = Scorer(without).word_table()
    assert words == sorted(weights.table, key=weights.table.__getitem__)
    np.testing.assert_allclose(rows, weights.table_rows, rtol=1e-5, atol=1e-6)
    texts = ["Bu ne biçim bir karar, yazıklar olsun", "salak mısın sen", "güzel bir gün"]
    for text in texts:
        a, b = Scorer(weights).score(text), Scorer(without).score(text)
        assert a.evidence == b.evidence
        for key in OUTPUTS:
            assert a.scores[key] == pytest.approx(b.scores[key], abs=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "Orospu çocuğu seni, siktir git buradan",
        "Sen tam bir gerizekalısın, şerefsiz herif",
        "Bu adam aptal mı ya, beyinsiz salak",
    ],
)
def test_clear_offence_scores_high(text: str) -> None:
    assert classify(text).scores["offensive"] > 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Bugün hava çok güzel, herkese iyi hafta sonları dilerim.",
        "Belediyenin yeni otobüs hattı ne zaman açılacak?",
        "Bayramınız mübarek olsun, sağlıklı günler.",
    ],
)
def test_clean_text_scores_low(text: str) -> None:
    assert classify(text).scores["offensive"] < 0.2


def test_kinds_are_probabilities_below_offensive() -> None:
    out = classify("Siktir git lan")
    assert set(out.scores) == set(OUTPUTS)
    assert all(0.0 <= v <= 1.0 for v in out.scores.values())
    assert sum(out.scores[k] for k in OUTPUTS[1:]) == pytest.approx(out.scores["offensive"])
    assert max(OUTPUTS[1:], key=out.scores.__getitem__) == "profanity"


def test_evidence_spans_are_in_the_text_and_point_at_the_offence() -> None:
    text = "Haberi okudum, yazan tam bir gerizekalı."
    out = classify(text)
    for key in OUTPUTS:
        for start, end in out.evidence[key]:
            assert 0 <= start < end <= len(text)
    assert "gerizekalı" in [text[s:e] for s, e in out.evidence["offensive"]]


def test_evidence_survives_evasion() -> None:
    text = "s.i.k.t.i.r git"
    spans = classify(text).evidence["offensive"]
    assert (0, 11) in spans


def test_empty_and_odd_inputs() -> None:
    for text in ("", "   ", "!!!", "🤬", "a" * 5000):
        out = classify(text)
        assert isinstance(out, ModelOutput)
        assert 0.0 <= out.scores["offensive"] <= 1.0


def test_thread_safe_and_deterministic() -> None:
    texts = ["salak mısın sen", "güzel bir gün", "siktir git"] * 20
    expected = [Scorer(load(weights_path())).score(t).scores for t in texts]
    results: list[list[dict[str, float]]] = []

    def work() -> None:
        results.append([classify(t).scores for t in texts])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)
