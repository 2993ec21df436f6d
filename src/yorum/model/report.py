"""Quality reports shared by training (the card) and ``yorum eval`` (the printout)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from yorum.model.datasets import FINE, load_mayda
from yorum.model.metrics import (
    best_threshold,
    confusion,
    crossfit_macro_f1,
    macro_f1,
    prf,
    threshold_for_precision,
)
from yorum.model.store import OUTPUTS

F64 = npt.NDArray[np.float64]
REVIEW_PRECISION = 0.7  # suggested thresholds: the lowest with this precision
BLOCK_PRECISION = 0.9
BELIEF_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
FIXED_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LABELS = ("non", *FINE)


def _at(truth: npt.NDArray[np.bool_], prob: F64, target: float) -> dict[str, float] | None:
    found = threshold_for_precision(truth, prob, target)
    if found is None:
        return None
    thr, got = found
    return {"threshold": thr, "precision": round(got.precision, 4), "recall": round(got.recall, 4)}


def quality(
    offensive: npt.NDArray[np.int64],
    fine: npt.NDArray[np.str_],
    scores: F64,
    fold_of: npt.NDArray[np.int64] | None = None,
) -> dict[str, Any]:
    """Macro-F1, P/R per output, suggested thresholds, a confusion table; ``scores``: (n, 5)."""
    p_off = scores[:, 0]
    thr, best = best_threshold(offensive, p_off)
    out: dict[str, Any] = {
        "rows": len(offensive),
        "macro_f1_at_0.5": round(macro_f1(offensive, p_off >= 0.5), 4),
        "macro_f1_best": round(best, 4),
        "best_threshold": thr,
    }
    if fold_of is not None:
        out["macro_f1_threshold_crossfit"] = round(crossfit_macro_f1(offensive, p_off, fold_of), 4)
    known = np.isin(fine, LABELS)
    per: dict[str, Any] = {}
    for k, key in enumerate(OUTPUTS):
        truth = offensive.astype(bool) if k == 0 else fine == FINE[k - 1]
        rows = np.ones(len(truth), dtype=bool) if k == 0 else known
        t, p = truth[rows], scores[rows, k]
        at_half = prf(t, p >= 0.5)
        per[key] = {
            "support": int(t.sum()),
            "at_0.5": {
                "precision": round(at_half.precision, 4),
                "recall": round(at_half.recall, 4),
            },
            "review": _at(t, p, REVIEW_PRECISION),
            "block": _at(t, p, BLOCK_PRECISION),
            "precision_recall_at": {
                str(thr): [round(got.precision, 4), round(got.recall, 4)]
                for thr in FIXED_THRESHOLDS
                for got in [prf(t, p >= thr)]
            },
        }
    out["outputs"] = per
    kind = np.array(FINE)[np.argmax(scores[:, 1:], axis=1)]
    pred = np.where(p_off >= thr, kind, "non")
    out["confusion"] = confusion(list(fine[known]), list(pred[known]), LABELS)
    return out


def belief_quality(data_dir: Path, score: Callable[[str], float]) -> dict[str, Any]:
    """Belief-attack P/R on Mayda 2021: religion rows vs other hateful rows vs none."""
    texts, groups = load_mayda(data_dir)
    g = np.array(groups)
    s = np.array([score(t) for t in texts])
    religion = g == "religion"
    rows = {}
    for thr in BELIEF_THRESHOLDS:
        flagged = s >= thr
        got = prf(religion, flagged)
        rows[str(thr)] = {
            "precision": round(got.precision, 4),
            "recall": round(got.recall, 4),
            "flagged_other_hate": int(np.sum(flagged & (g == "other"))),
            "flagged_none": int(np.sum(flagged & (g == "none"))),
        }
    counts = {name: int(np.sum(g == name)) for name in ("religion", "other", "none")}
    return {"data": "tr-hate-speech-mayda2021 (evaluation only)", "rows": counts, "at": rows}


def format_quality(q: dict[str, Any]) -> str:
    lines = [f"rows: {q['rows']}", f"macro-F1 offensive vs not @0.5: {q['macro_f1_at_0.5']:.4f}"]
    lines.append(f"macro-F1 at best threshold {q['best_threshold']:.2f}: {q['macro_f1_best']:.4f}")
    if "macro_f1_threshold_crossfit" in q:
        lines.append(
            f"macro-F1, threshold chosen on other folds: {q['macro_f1_threshold_crossfit']:.4f}"
        )
    lines.append("per output: P/R at 0.5 | review (P≥0.7) | block (P≥0.9)")
    for key, r in q["outputs"].items():
        parts = [f"  {key:<9} n={r['support']:<5} P={r['at_0.5']['precision']:.3f}"]
        parts.append(f"R={r['at_0.5']['recall']:.3f}")
        for level in ("review", "block"):
            at = r[level]
            text = "—" if at is None else f"t={at['threshold']:.2f} P={at['precision']:.3f} "
            parts.append(f"| {level} {text}" + ("" if at is None else f"R={at['recall']:.3f}"))
        lines.append(" ".join(parts))
        pairs = r["precision_recall_at"].items()
        lines.append("    P/R at " + " ".join(f"{t}:{pr[0]:.2f}/{pr[1]:.2f}" for t, pr in pairs))
    lines.append("confusion (offensive threshold, then the likeliest kind):")
    lines.append(q["confusion"])
    return "\n".join(lines)


def format_belief(b: dict[str, Any]) -> str:
    lines = [f"belief_attack on {b['data']}: rows {b['rows']}"]
    for thr, r in b["at"].items():
        lines.append(
            f"  t={thr}: P={r['precision']:.3f} R={r['recall']:.3f} "
            f"(other hate flagged {r['flagged_other_hate']}, none flagged {r['flagged_none']})"
        )
    return "\n".join(lines)
