"""``yorum eval``: quality of the model by cross-validation, or of the shipped model on a file.

No FILE: 5-fold stratified CV on the OffensEval-TR training rows (sklearn needed).
FILE (OffensEval TSV, or JSONL with "text" and "label"): the shipped weights, as they are.
Both also report belief_attack on Mayda 2021 (evaluation only) and the speed of ``classify``.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from yorum.model.belief import belief_score
from yorum.model.classifier import Scorer, scorer, weights_path
from yorum.model.datasets import load_labelled, load_offenseval
from yorum.model.fit import Settings
from yorum.model.report import belief_quality, format_belief, format_quality, quality
from yorum.model.store import OUTPUTS, load

SPEED_TEXTS = 2000
ABLATION: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "normalised words + chars, logistic regression",
        {"block_weight": (1.0, 1.0, 0.0), "mix": (0.0, 0.0, 1.0)},
    ),
    ("+ stem unigrams/bigrams", {"block_weight": (1.0, 1.0, 1.0), "mix": (0.0, 0.0, 1.0)}),
    ("+ NB weighting (NB-LR)", {"block_weight": (0.7, 1.0, 1.0), "mix": (1.0, 0.0, 0.0)}),
    ("+ ensemble NB-LR + NB-SVM + LR", {}),
)


def score_texts(texts: list[str], model: Scorer) -> np.ndarray[Any, np.dtype[np.float64]]:
    rows = []
    for text in texts:
        out = model.score(text)
        rows.append([out.scores[k] for k in OUTPUTS])
    return np.array(rows, dtype=np.float64).reshape(-1, len(OUTPUTS))


def speed(texts: list[str], model: Scorer) -> dict[str, float]:
    """CPU µs per ``score`` on 20–40-word texts, after one warm-up pass (best of 3)."""
    sample = [t for t in texts if 20 <= len(t.split()) <= 40][:SPEED_TEXTS]
    for text in sample:
        model.score(text)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text in sample:
            model.score(text)
        best = min(best, (time.process_time() - start) / max(len(sample), 1))
    words = float(np.mean([len(t.split()) for t in sample])) if sample else 0.0
    return {
        "texts": len(sample),
        "mean_words": round(words, 1),
        "us_per_text": round(best * 1e6, 1),
    }


def cross_validation(
    data_dir: Path, seed: int = 13, settings: Settings | None = None
) -> dict[str, Any]:
    from yorum.model.train import cross_validated, featurize

    data = load_offenseval(data_dir)
    cv = cross_validated(data, featurize(data.texts), settings or Settings(), seed)
    return quality(np.array(data.offensive), np.array(data.fine), cv.scores(), cv.oof.fold_of)


def ablation(data_dir: Path, seed: int = 13) -> list[dict[str, Any]]:
    """CV macro-F1 of each step, cumulatively (slow: one 5-fold CV per step)."""
    rows = []
    for name, change in ABLATION:
        q = cross_validation(data_dir, seed, replace(Settings(), **change))
        rows.append({"step": name, **{k: q[k] for k in q if k.startswith("macro_f1")}})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return rows


def main(file: Path | None, data_dir: Path) -> None:
    """Print macro-F1, per-category precision/recall, a confusion table, belief and speed."""
    model = scorer()
    if file is None:
        print("5-fold stratified cross-validation on the OffensEval-TR training set")
        print(format_quality(cross_validation(data_dir)))
    else:
        data = load_labelled(file)
        print(f"shipped model ({weights_path().name}) on {file}")
        print(
            format_quality(
                quality(
                    np.array(data.offensive), np.array(data.fine), score_texts(data.texts, model)
                )
            )
        )
    if (data_dir / "tr-hate-speech-mayda2021").is_dir():
        print(format_belief(belief_quality(data_dir, lambda t: belief_score(t, model.score)[0])))
    texts = load_offenseval(data_dir).texts if file is None else load_labelled(file).texts
    print(f"speed: {speed(texts, Scorer(load(weights_path())))}")
