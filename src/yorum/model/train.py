"""Rebuild the shipped model: ``yorum train`` / ``make model``. Same data and seed → same weights.

Steps: features of every tweet; 5-fold cross-validation (scales of the ensemble members, Platt
calibration, thresholds, the scores in the card); one fit on all rows; weights and card written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from yorum.model.datasets import MAYDA_FILE, Labelled, load_offenseval
from yorum.model.features import FEATURES_VERSION, doc_units
from yorum.model.fit import (
    Docs,
    OutOfFold,
    Settings,
    Vectorizer,
    cross_validate,
    fit_kinds,
    fit_offensive,
    mix,
    mix_scales,
    platt,
)
from yorum.model.report import belief_quality, quality
from yorum.model.store import WEIGHTS_NAME, load, save

F64 = npt.NDArray[np.float64]
CARD_NAME = "card.json"
LIMITATIONS = [
    "Trained on 2019 tweets: news comments differ in length and topic; thresholds may need tuning.",
    "Kinds of offence are weak (TROFF fine labels are few and noisy); 'other' is not learnt.",
    "belief_attack needs a belief word from data/belief_terms.txt; veiled stereotypes are missed.",
    "Thresholds are picked on out-of-fold scores of the training set (the test set is unseen).",
]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def featurize(texts: list[str]) -> Docs:
    return [doc_units(t) for t in texts]


def _sigmoid(z: F64) -> F64:
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


@dataclass(frozen=True)
class CrossValidated:
    oof: OutOfFold
    scales: dict[str, float]
    slope: float
    offset: float

    def scores(self) -> F64:
        """Out-of-fold scores in the runtime layout: P(offensive), then P(offensive and kind)."""
        p_off = _sigmoid(self.slope * mix(self.scales, self.oof.z) + self.offset)
        return np.column_stack([p_off, p_off[:, None] * self.oof.kind])


def cross_validated(data: Labelled, docs: Docs, s: Settings, seed: int) -> CrossValidated:
    y = np.array(data.offensive, dtype=np.int64)
    oof = cross_validate(docs, y, np.array(data.fine), s, seed)
    scales = mix_scales(oof, s)
    slope, offset = platt(mix(scales, oof.z), y)
    return CrossValidated(oof, scales, slope, offset)


def fit_all(
    data: Labelled, docs: Docs, cv: CrossValidated, s: Settings, seed: int
) -> tuple[list[list[str]], F64, F64, F64]:
    """One fit on every row: vocabulary, idf, coef ``(n, 5)``, intercept ``(5,)``."""
    vec = Vectorizer(s)
    x = vec.fit_transform(docs)
    members = fit_offensive(x, np.array(data.offensive, dtype=np.int64), s, seed)
    off = cv.slope * mix(cv.scales, members)
    off[-1] += cv.offset
    kinds = fit_kinds(x, np.array(data.fine), s)
    coef = np.column_stack([off[:-1], kinds[:-1]])
    intercept = np.concatenate([[off[-1]], kinds[-1]])
    return vec.vocab(), vec.idf(), coef, intercept


def package_dir() -> Path:
    """The package's own folder (training writes into a source checkout)."""
    return Path(__file__).resolve().parent


def _data_card(data: Labelled, data_dir: Path) -> dict[str, Any]:
    return {
        "file": str(Path(data.source).relative_to(data_dir)),
        "sha256": data.sha256,
        "rows": len(data),
        "offensive": int(sum(data.offensive)),
        "fine_labels": dict(sorted(Counter(data.fine).items())),
        "note": "rows whose text is also in the official test set are dropped",
        "licence": "CC BY (OffensEval 2020 Turkish, Çöltekin 2020)",
    }


def write_card(path: Path, card: dict[str, Any]) -> None:
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if "ablation" in old:
        card["ablation"] = old["ablation"]  # measured separately (training/evaluate.py --ablation)
    path.write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(data_dir: Path, out_dir: Path | None, seed: int) -> None:
    """Train on OffensEval-TR, write ``weights/offensive-tr.npz`` and ``card.json``."""
    s = Settings()
    data = load_offenseval(data_dir)
    _log(f"featurising {len(data)} tweets")
    docs = featurize(data.texts)
    _log(f"{s.folds}-fold cross-validation (seed {seed})")
    cv = cross_validated(data, docs, s, seed)
    q = quality(np.array(data.offensive), np.array(data.fine), cv.scores(), cv.oof.fold_of)
    _log("fitting on all rows")
    vocab, idf, coef, intercept = fit_all(data, docs, cv, s, seed)
    weights_dir = out_dir or package_dir() / "weights"
    path = weights_dir / WEIGHTS_NAME
    meta = {"features_version": FEATURES_VERSION, "seed": seed, "threshold": q["best_threshold"]}
    save(path, vocab, idf, np.array(s.block_weight), coef, intercept, meta)
    from yorum.model.belief import belief_score
    from yorum.model.classifier import Scorer
    from yorum.model.evaluate import speed

    table = Scorer(load(path)).word_table()  # derived from the weights just written
    save(path, vocab, idf, np.array(s.block_weight), coef, intercept, meta, table)
    scorer = Scorer(load(path))
    belief: dict[str, Any] | None = None
    if (data_dir / MAYDA_FILE).is_file():
        belief = belief_quality(data_dir, lambda t: belief_score(t, scorer.score)[0])
    card = {
        "model": "yorum offensive-tr: linear ensemble on word, char and stem n-grams",
        "date": dt.date.today().isoformat(),
        "seed": seed,
        "features_version": FEATURES_VERSION,
        "data": _data_card(data, data_dir),
        "settings": s.as_dict(),
        "ensemble": {"member_scales": cv.scales, "platt": [cv.slope, cv.offset]},
        "weights": {
            "file": f"weights/{WEIGHTS_NAME}",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "bytes": path.stat().st_size,
            "features": len(idf),
        },
        "cv": {**q, "confusion": q["confusion"].splitlines()},
        "belief_attack": belief,
        "speed_cpu": speed(data.texts, scorer),
        "limitations": LIMITATIONS,
    }
    write_card((out_dir or package_dir()) / CARD_NAME, card)
    _log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); CV macro-F1 {q['macro_f1_best']:.4f}")
