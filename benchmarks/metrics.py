"""Scores for binary flags: precision, recall, macro-F1, recall per category, fold summaries."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def binary(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, and the macro-F1 of both classes."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    tn = len(gold) - tp - fp - fn
    p_pos = tp / (tp + fp) if tp + fp else 0.0
    r_pos = tp / (tp + fn) if tp + fn else 0.0
    p_neg = tn / (tn + fn) if tn + fn else 0.0
    r_neg = tn / (tn + fp) if tn + fp else 0.0
    f_pos, f_neg = _f1(p_pos, r_pos), _f1(p_neg, r_neg)
    return {
        "macro_f1": (f_pos + f_neg) / 2,
        "precision": p_pos,
        "recall": r_pos,
        "f1": f_pos,
        "false_flag_rate": fp / (fp + tn) if fp + tn else 0.0,
        "n": len(gold),
        "positives": tp + fn,
    }


def recall_by(categories: Sequence[str], pred: Sequence[int]) -> dict[str, float]:
    """Share flagged in each category (for the 'non' category: the false-flag rate)."""
    totals: dict[str, list[int]] = {}
    for cat, p in zip(categories, pred, strict=True):
        if cat:
            totals.setdefault(cat, []).append(int(bool(p)))
    return {cat: sum(v) / len(v) for cat, v in sorted(totals.items())}


def summarise(folds: Sequence[dict[str, float]]) -> dict[str, Any]:
    """Mean of each number over folds, and the standard deviation of the macro-F1."""
    keys = [k for k in folds[0] if isinstance(folds[0][k], int | float)]
    out: dict[str, Any] = {k: statistics.fmean(f[k] for f in folds) for k in keys}
    sd = statistics.stdev([f["macro_f1"] for f in folds]) if len(folds) > 1 else 0.0
    out["macro_f1_sd"] = sd if not math.isnan(sd) else 0.0
    out["folds"] = len(folds)
    return out
